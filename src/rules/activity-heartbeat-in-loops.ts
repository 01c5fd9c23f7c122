import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { getFileInfo, getProjectModel } from '../project/index.js';
import { ACTIVITY_PACKAGE, ACTIVITY_SLEEP_PATHS, matchesAnyPath } from '../sdk/activity-api.js';
import { isFunctionNode, stripTypeWrappers, type FunctionNode } from '../utils/ast.js';
import { ActivityCode, canUseActivityExport, isHeartbeatNode, memberName, someOwn, walk } from '../utils/activity-code.js';
import { createRule } from '../utils/create-rule.js';
import { ProjectFunctions } from '../utils/project-functions.js';
import { addNamedImport, lineIndent } from '../utils/fixers.js';
import { fileResolver, isFromPackage, isGlobal } from '../utils/references.js';

export type Options = [];
export type MessageIds = 'loopWithoutHeartbeat' | 'pollingWithoutHeartbeat' | 'addHeartbeat';

type Loop =
  | TSESTree.ForOfStatement
  | TSESTree.ForInStatement
  | TSESTree.ForStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

type Evidence = 'unbounded' | 'polling';

const { DefinitionType } = TSESLintRuntime.Scope;

const LOOP_TYPES = new Set<string>([
  T.ForOfStatement,
  T.ForInStatement,
  T.ForStatement,
  T.WhileStatement,
  T.DoWhileStatement,
]);

const SLEEP_NAME = /^(sleep|delay|wait|pause|backoff)$|(Sleep|Delay|Backoff)$/;

function isLoop(node: TSESTree.Node): node is Loop {
  return LOOP_TYPES.has(node.type);
}

export default createRule<Options, MessageIds>({
  name: 'activity-heartbeat-in-loops',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require long-running loops in activities to heartbeat',
      recommended: 'warn',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      loopWithoutHeartbeat:
        "This loop `await`s on every iteration over input of unknown size, and the activity `{{activity}}` never calls `heartbeat()`: the workflow's cancellation never reaches it, a hung attempt is only detected at `startToCloseTimeout`, and a retry cannot resume from checkpointed progress. Call `heartbeat()` in the loop (and set `heartbeatTimeout` where the workflow proxies it).",
      pollingWithoutHeartbeat:
        "This polling loop sleeps between attempts, and the activity `{{activity}}` never calls `heartbeat()`: the workflow's cancellation never reaches it and a hung attempt is only detected at `startToCloseTimeout`. Call `heartbeat()` in the loop (and set `heartbeatTimeout` where the workflow proxies it).",
      addHeartbeat: 'Call `heartbeat()` at the start of each iteration.',
    },
  },
  create(context) {
    if (!getFileInfo(context).has('activity')) return {};
    const sourceCode = context.sourceCode;
    const model = getProjectModel(context);
    const resolver = fileResolver(sourceCode, context.filename, model);
    const code = ActivityCode.for(sourceCode);
    if (code.activities.size === 0) return {};
    const evidenceCache = new Map<Loop, Evidence | null>();

    /** A constant, literal collection: `['a', 'b']`, `STEPS` (a const array literal), `Object.keys({...})`, `'abc'`. */
    function isSmallConstant(input: TSESTree.Node, depth = 0): boolean {
      if (depth > 4) return false;
      const node = stripTypeWrappers(input);
      if (node.type === T.ArrayExpression) return node.elements.every((e) => e?.type !== T.SpreadElement);
      if (node.type === T.ObjectExpression) return node.properties.every((p) => p.type === T.Property);
      if (node.type === T.Literal) return typeof node.value === 'string';
      if (node.type === T.Identifier) {
        const value = code.localValue(node);
        return value !== undefined && isConstBinding(node) && isSmallConstant(value, depth + 1);
      }
      if (node.type === T.CallExpression && node.callee.type === T.MemberExpression) {
        const ref = resolver.resolve(node.callee);
        const isObjectIteration =
          isGlobal(ref, 'Object', 'keys') || isGlobal(ref, 'Object', 'values') || isGlobal(ref, 'Object', 'entries');
        const arg = node.arguments[0];
        return isObjectIteration && arg !== undefined && arg.type !== T.SpreadElement && isSmallConstant(arg, depth + 1);
      }
      return false;
    }

    function isConstBinding(id: TSESTree.Identifier): boolean {
      try {
        const def = ASTUtils.findVariable(sourceCode.getScope(id), id)?.defs[0];
        return def?.type === DefinitionType.Variable && def.parent.kind === 'const';
      } catch {
        return false;
      }
    }

    function isNumericConstant(input: TSESTree.Node): boolean {
      const node = stripTypeWrappers(input);
      if (node.type === T.Literal) return typeof node.value === 'number';
      if (node.type === T.UnaryExpression && node.operator === '-') return isNumericConstant(node.argument);
      if (node.type === T.Identifier && isConstBinding(node)) {
        const value = code.localValue(node);
        return value !== undefined && isNumericConstant(value);
      }
      return false;
    }

    /** `i < 10`, `attempt <= MAX` (a const number), `n-- > 0` with a literal bound: a loop with a constant bound. */
    function hasConstantBound(test: TSESTree.Expression | null): boolean {
      if (!test) return false;
      const node = stripTypeWrappers(test);
      if (node.type === T.LogicalExpression && node.operator === '&&') {
        return hasConstantBound(node.left) || hasConstantBound(node.right);
      }
      if (node.type !== T.BinaryExpression) return false;
      if (!['<', '<=', '>', '>=', '!==', '!='].includes(node.operator)) return false;
      return isNumericConstant(node.left) || isNumericConstant(node.right);
    }

    /** A sleep: the activity's `sleep()`, `timers/promises` `setTimeout()`, `new Promise(r => setTimeout(r, ms))`, or a helper named like one. */
    function isSleep(node: TSESTree.Node): boolean {
      if (node.type === T.NewExpression) {
        if (!isGlobal(resolver.resolve(node.callee), 'Promise')) return false;
        const executor = node.arguments[0];
        return executor !== undefined && someOwnDeep(executor, (n) => n.type === T.CallExpression && isGlobal(resolver.resolve(n.callee), 'setTimeout'));
      }
      if (node.type !== T.CallExpression) return false;
      const ref = resolver.resolve(node.callee);
      if (ref?.kind === 'module') {
        if (isFromPackage(ref.source, ACTIVITY_PACKAGE)) return matchesAnyPath(ACTIVITY_SLEEP_PATHS, ref.path);
        if (/^(node:)?timers\/promises$/.test(ref.source)) {
          const path = (ref.path[0] === 'default' ? ref.path.slice(1) : ref.path).join('.');
          return path === 'setTimeout' || path === 'scheduler.wait';
        }
      }
      // Project helpers named like a sleep (`delay(ms)`, `jitteredSleep()`).
      const callee = stripTypeWrappers(node.callee);
      const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? memberName(callee) : undefined;
      return name !== undefined && SLEEP_NAME.test(name);
    }

    function someOwnDeep(root: TSESTree.Node, test: (node: TSESTree.Node) => boolean): boolean {
      let found = false;
      walk(root, (node) => {
        if (found) return false;
        if (test(node)) found = true;
        return undefined;
      });
      return found;
    }

    function awaitsEachIteration(loop: Loop): boolean {
      if (loop.type === T.ForOfStatement && loop.await) return true;
      const parts: (TSESTree.Node | null | undefined)[] = [loop.body];
      if (loop.type === T.ForStatement) parts.push(loop.test, loop.update);
      if (loop.type === T.WhileStatement || loop.type === T.DoWhileStatement) parts.push(loop.test);
      return parts.some((part) =>
        someOwn(part, (n) => n.type === T.AwaitExpression || (n.type === T.ForOfStatement && n.await)),
      );
    }

    function sleepsEachIteration(loop: Loop): boolean {
      return someOwn(loop.body, (n) => n.type === T.AwaitExpression && isSleep(stripTypeWrappers(n.argument)));
    }

    /** Why the loop may run long, or undefined when it is bounded by constants. */
    function evidenceOf(loop: Loop): Evidence | undefined {
      const cached = evidenceCache.get(loop);
      if (cached !== undefined) return cached ?? undefined;
      let result: Evidence | undefined;
      if (awaitsEachIteration(loop)) {
        const sleeps = sleepsEachIteration(loop);
        switch (loop.type) {
          case T.ForOfStatement:
          case T.ForInStatement:
            if (!isSmallConstant(loop.right)) result = sleeps ? 'polling' : 'unbounded';
            break;
          case T.ForStatement:
          case T.WhileStatement:
          case T.DoWhileStatement:
            if (!hasConstantBound(loop.test)) result = sleeps ? 'polling' : 'unbounded';
            break;
        }
      }
      evidenceCache.set(loop, result ?? null);
      return result;
    }

    /** An enclosing loop of the same activity already carries the report. */
    function hasReportedAncestor(loop: Loop, activity: FunctionNode): boolean {
      let node: TSESTree.Node | undefined = loop.parent;
      while (node && node !== activity) {
        if (isFunctionNode(node)) return false;
        if (isLoop(node) && evidenceOf(node)) return true;
        node = node.parent;
      }
      return false;
    }

    let projectFunctions: ProjectFunctions | undefined;

    /** A call of a function from another project file that heartbeats (or may: code it cannot read counts too). */
    function callsHeartbeatingProjectCode(node: TSESTree.Node): boolean {
      if (node.type !== T.CallExpression) return false;
      const ref = resolver.resolve(node.callee);
      if (ref?.kind !== 'module' || ref.path.length !== 1) return false;
      const name = ref.path[0];
      if (name === undefined) return false;
      projectFunctions ??= ProjectFunctions.for(model);
      const file = ref.source.startsWith('/') ? ref.source : projectFunctions.resolve(context.filename, ref.source);
      if (!file) return false;
      const located = projectFunctions.exportedFunction(file, name);
      if (!located) return true;
      const facts = projectFunctions.analyze(located);
      return facts.mentions || facts.unknown;
    }

    function heartbeats(activity: FunctionNode): boolean {
      const test = (node: TSESTree.Node): boolean => isHeartbeatNode(node, resolver) || callsHeartbeatingProjectCode(node);
      return code.findInFunction(activity, 'heartbeat', test) !== undefined;
    }

    function suggestion(loop: Loop): TSESLint.ReportSuggestionArray<MessageIds> {
      const body = loop.body;
      if (body.type !== T.BlockStatement || !canUseActivityExport(sourceCode, 'heartbeat', body)) return [];
      const open = sourceCode.getFirstToken(body);
      if (!open) return [];
      const first = body.body[0];
      const loopIndent = lineIndent(sourceCode, loop) ?? '';
      const indent = (first && first.loc.start.line !== open.loc.start.line ? lineIndent(sourceCode, first) : undefined) ?? `${loopIndent}  `;
      return [
        {
          messageId: 'addHeartbeat',
          fix: (fixer) => {
            const { fixes, localName } = addNamedImport(fixer, sourceCode, { source: ACTIVITY_PACKAGE, name: 'heartbeat', at: body });
            const text = first && first.loc.start.line === open.loc.start.line ? ` ${localName}();` : `\n${indent}${localName}();`;
            return [...fixes, fixer.insertTextAfter(open, text)];
          },
        },
      ];
    }

    function check(loop: Loop): void {
      const activity = code.enclosingActivity(loop);
      if (!activity) return;
      const evidence = evidenceOf(loop);
      if (!evidence || hasReportedAncestor(loop, activity) || heartbeats(activity)) return;
      const head = sourceCode.getFirstToken(loop);
      context.report({
        node: loop,
        loc: head?.loc ?? loop.loc,
        messageId: evidence === 'polling' ? 'pollingWithoutHeartbeat' : 'loopWithoutHeartbeat',
        data: { activity: code.nameOf(activity) },
        suggest: suggestion(loop),
      });
    }

    return {
      ForOfStatement: check,
      ForInStatement: check,
      ForStatement: check,
      WhileStatement: check,
      DoWhileStatement: check,
    };
  },
});
