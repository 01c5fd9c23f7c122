import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { getFileInfo } from '../project/index.js';
import { reportNode, workerCallKind } from '../utils/contracts.js';
import { createRule } from '../utils/create-rule.js';
import { insertProperty } from '../utils/object-fixes.js';
import { fileResolver, isFromPackage, isGlobal, isModuleExport, mayNameModule, type Reference, unwrapExpression } from '../utils/references.js';
import { evaluate, getProperty, scopeLookup } from '../utils/static-value.js';
import { isTestEnvironmentCreation } from '../utils/test-code.js';
import { enclosingFunction, isFunctionNode } from '../utils/ast.js';

export type Options = [
  {
    requireShutdownGraceTime?: boolean;
  },
];
export type MessageIds = 'exitInSignalHandler' | 'floatingRun' | 'noShutdownPath' | 'missingShutdownGraceTime' | 'addAwait' | 'addShutdownGraceTime';

const LISTEN_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** `process.<member>`: the global, or the default / namespace import of `process` / `node:process`. */
function isProcessMember(ref: Reference | undefined, member: string): boolean {
  if (isGlobal(ref, 'process', member)) return true;
  if (ref?.kind !== 'module' || !(ref.source === 'process' || ref.source === 'node:process')) return false;
  const path = ref.path[0] === 'default' ? ref.path.slice(1) : ref.path;
  return path.length === 1 && path[0] === member;
}

export default createRule<Options, MessageIds>({
  name: 'worker-graceful-shutdown',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require workers to shut down gracefully, finishing or cancelling in-flight tasks instead of dying with them',
      recommended: 'warn',
      strict: { severity: 'warn', options: { requireShutdownGraceTime: true } },
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requireShutdownGraceTime: {
            type: 'boolean',
            description: 'Also require `shutdownGraceTime` on workers that register activities (the default, 0, cancels in-flight activities at once).',
          },
        },
      },
    ],
    defaultOptions: [{ requireShutdownGraceTime: false }],
    messages: {
      exitInSignalHandler:
        '`process.exit()` in a `{{signal}}` handler ends the worker at once: in-flight activities die mid-way and the worker never shuts down. The Runtime already shuts workers down gracefully on this signal; to exit afterwards, wait for `worker.run()` to resolve.',
      floatingRun:
        '`worker.run()` is not awaited: it settles only when the worker stops, so the code after it (such as closing the connection) runs while the worker still polls, and a worker failure becomes an unhandled rejection.',
      noShutdownPath:
        '`shutdownSignals: []` turns off the Runtime\'s signal handling, and this file never calls `worker.shutdown()`: on SIGTERM the process dies at once, with in-flight activities, and `worker.run()` never resolves. Call `worker.shutdown()` from a signal handler.',
      missingShutdownGraceTime:
        'This worker registers activities but sets no `shutdownGraceTime` (default 0): on shutdown, in-flight activities are cancelled at once. Give them time to finish, for example `shutdownGraceTime: \'30 seconds\'`.',
      addAwait: 'Await `worker.run()`.',
      addShutdownGraceTime: 'Add `shutdownGraceTime: \'30 seconds\'`.',
    },
  },
  create(context, [options]) {
    const text = context.sourceCode.text;
    // Every report needs a `Worker.create` from `@temporalio/worker` as written (this resolver follows no re-exports).
    if (!text.includes('Worker') || !mayNameModule(context.sourceCode, '@temporalio/worker')) return {};
    const resolver = fileResolver(context.sourceCode, context.filename);
    const lookup = scopeLookup(context.sourceCode);
    const requireGrace = options.requireShutdownGraceTime === true;
    let isWorkerCode = false;
    let isTestCode = false;
    let callsShutdown = false;
    const exits: { call: TSESTree.CallExpression; handler: TSESTree.Node; signal: string }[] = [];
    const runs: TSESTree.CallExpression[] = [];
    const workers: TSESTree.CallExpression[] = [];
    const noSignals: TSESTree.Node[] = [];

    return {
      CallExpression(node) {
        const callee = unwrapExpression(node.callee);
        if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier) {
          const method = callee.property.name;
          if (method === 'shutdown' || method === 'runUntil') callsShutdown = true;
          if (method === 'run' && node.arguments.length === 0) {
            const ref = resolver.resolveModule(callee.object);
            if (ref && isFromPackage(ref.source, '@temporalio/worker') && ref.path.join('.') === 'Worker.create.()') runs.push(node);
          }
        }
        const ref = resolver.resolve(node.callee);
        if (isTestEnvironmentCreation(resolver.resolve(node))) isTestCode = true;
        if (isModuleExport(ref, '@temporalio/worker', 'Runtime', 'install')) {
          const arg = node.arguments[0];
          const signals = arg && arg.type !== T.SpreadElement ? getProperty(evaluate(arg, lookup), 'shutdownSignals') : 'unknown';
          if (typeof signals !== 'string' && signals.value.kind === 'array' && signals.value.complete && signals.value.elements.length === 0) {
            noSignals.push(reportNode(context.sourceCode, signals.valueNode, node.callee));
          }
          return;
        }
        if (workerCallKind(resolver, node) === 'Worker.create') {
          isWorkerCode = true;
          workers.push(node);
          return;
        }
        if (isProcessMember(ref, 'exit')) {
          const handler = signalHandlerOf(node);
          if (handler) exits.push({ call: node, ...handler });
        }
      },
      'Program:exit'() {
        if (!isWorkerCode || isTestCode) return;
        try {
          if (getFileInfo(context).has('test')) return;
        } catch {
          // roles unknown: treat as worker code
        }
        for (const exit of exits) {
          if (!awaitsBefore(exit.handler, exit.call)) {
            context.report({ node: exit.call, messageId: 'exitInSignalHandler', data: { signal: exit.signal } });
          }
        }
        for (const run of runs) checkRun(context, run);
        if (!callsShutdown) for (const node of noSignals) context.report({ node, messageId: 'noShutdownPath' });
        if (requireGrace) for (const call of workers) checkGraceTime(call);
      },
    };

    /** The `process.on('SIGTERM', handler)` handler that contains `call`, if any. */
    function signalHandlerOf(call: TSESTree.Node): { handler: TSESTree.Node; signal: string } | undefined {
      for (let child: TSESTree.Node = call, parent = call.parent; parent; child = parent, parent = parent.parent) {
        if (!isFunctionNode(child) || parent.type !== T.CallExpression || !(parent.arguments as readonly TSESTree.Node[]).includes(child)) continue;
        const callee = unwrapExpression(parent.callee);
        if (callee.type !== T.MemberExpression || callee.computed || callee.property.type !== T.Identifier || !LISTEN_METHODS.has(callee.property.name)) continue;
        const signal = parent.arguments[0];
        const name = signal ? evaluate(signal, lookup) : undefined;
        if (name?.kind !== 'literal' || typeof name.value !== 'string' || !name.value.startsWith('SIG')) continue;
        const listener = resolver.resolve(callee);
        if (!isProcessMember(listener, callee.property.name)) continue;
        return { handler: child, signal: name.value };
      }
      return undefined;
    }

    function checkGraceTime(call: TSESTree.CallExpression): void {
      const arg = call.arguments[0];
      if (!arg || arg.type === T.SpreadElement) return;
      const opts = evaluate(arg, lookup);
      const activities = getProperty(opts, 'activities');
      if (typeof activities === 'string' || getProperty(opts, 'shutdownGraceTime') !== 'absent') return;
      const object = unwrapExpression(arg);
      context.report({
        node: call.callee,
        messageId: 'missingShutdownGraceTime',
        suggest:
          object.type === T.ObjectExpression
            ? [{ messageId: 'addShutdownGraceTime', fix: (fixer) => insertProperty(fixer, context.sourceCode, object, `shutdownGraceTime: '30 seconds'`) }]
            : [],
      });
    }
  },
});

/** An `await` in `handler` that runs before `target` (so the handler may be waiting for the worker to stop). */
function awaitsBefore(handler: TSESTree.Node, target: TSESTree.Node): boolean {
  const state = { found: false };
  const visit = (node: TSESTree.Node): void => {
    if (state.found || node.range[0] >= target.range[0]) return;
    if (node.type === T.AwaitExpression || (node.type === T.ForOfStatement && node.await)) {
      state.found = true;
      return;
    }
    if (node !== handler && isFunctionNode(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) {
        for (const item of value as unknown[]) if (isAstNode(item)) visit(item);
      } else if (isAstNode(value)) visit(value);
    }
  };
  visit(handler);
  if (state.found) return true;
  // `.then(() => process.exit())`: runs after the promise settles.
  for (let node: TSESTree.Node | undefined = target.parent; node && node !== handler; node = node.parent) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (isFunctionNode(node) && parent?.type === T.CallExpression && parent.callee.type === T.MemberExpression) {
      const method = parent.callee.property.type === T.Identifier ? parent.callee.property.name : '';
      if (method === 'then' || method === 'finally' || method === 'catch') return true;
    }
  }
  return false;
}

function isAstNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Reports `worker.run()` whose promise is dropped or whose rejection nobody handles. */
function checkRun(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, run: TSESTree.CallExpression): void {
  let expression: TSESTree.Node = run;
  for (;;) {
    const parent: TSESTree.Node = expression.parent;
    if (parent.type === T.ChainExpression || parent.type === T.TSNonNullExpression || parent.type === T.TSAsExpression) {
      expression = parent;
      continue;
    }
    // `.then(ok)` / `.finally(f)` keep the rejection; `.catch(h)` / `.then(ok, h)` handle it.
    const grand: TSESTree.Node | undefined = parent.type === T.MemberExpression ? parent.parent : undefined;
    if (parent.type === T.MemberExpression && parent.object === expression && grand?.type === T.CallExpression && grand.callee === parent) {
      const method = parent.property.type === T.Identifier ? parent.property.name : '';
      const call: TSESTree.CallExpression = grand;
      if (method === 'catch' || (method === 'then' && call.arguments.length >= 2)) return;
      if (method !== 'then' && method !== 'finally') return;
      expression = call;
      continue;
    }
    break;
  }
  const parent = expression.parent;
  const floating = parent.type === T.ExpressionStatement || (parent.type === T.UnaryExpression && parent.operator === 'void');
  if (!floating) return;
  const fn = enclosingFunction(run);
  const canAwait = parent.type === T.ExpressionStatement && expression === run && fn?.async === true;
  context.report({
    node: run,
    messageId: 'floatingRun',
    suggest: canAwait ? [{ messageId: 'addAwait', fix: (fixer) => fixer.insertTextBefore(run, 'await ') }] : [],
  });
}
