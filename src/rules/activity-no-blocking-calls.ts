import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { getFileInfo, getProjectModel } from '../project/index.js';
import {
  ATOMICS_WAIT_ALTERNATIVE,
  BLOCKING_CALL_NEEDLES,
  CLOCK_GLOBALS,
  blockingModule,
  lookupBlockingCall,
  type BlockingCall,
} from '../sdk/blocking-calls.js';
import { enclosingFunction, stripTypeWrappers, type FunctionNode } from '../utils/ast.js';
import { ActivityCode, memberName, someOwn } from '../utils/activity-code.js';
import { ProjectFunctions, type ModuleFacts, type TextFilter } from '../utils/project-functions.js';
import { createRule } from '../utils/create-rule.js';
import { addNamedImport, hasCommentInside } from '../utils/fixers.js';
import { fileResolver, isGlobal, mayHideNames, type Reference, requireSource } from '../utils/references.js';

export type Options = [
  {
    syncActivities?: 'report' | 'ignore';
    allow?: string[];
  },
];

export type MessageIds =
  | 'blockingCall'
  | 'blockingCallInSyncActivity'
  | 'blockingHelper'
  | 'busyWait'
  | 'useFsPromises'
  | 'usePromisify';

interface Blocking {
  /** Display form of the call, e.g. `fs.readFileSync()`. */
  display: string;
  /** `module.name` for the `allow` option, e.g. `fs.readFileSync`, `Atomics.wait`. */
  id: string;
  alternative: string;
  entry?: BlockingCall;
  ref?: Reference;
}

interface BlockingInfo {
  /** `calls \`fs.readFileSync()\``, `spins in a busy-wait loop`. */
  what: string;
  alternative: string;
}

const BUSY_WAIT_INFO: BlockingInfo = { what: 'spins in a busy-wait loop', alternative: '`await sleep()` from `@temporalio/activity`' };

const LOOP_TYPES = new Set<string>([T.WhileStatement, T.DoWhileStatement, T.ForStatement]);

/** The keywords of {@link LOOP_TYPES} (`do ... while`), which cannot be written with escapes. */
const LOOP_KEYWORD = /\b(?:for|while)\b/;

const ATOMICS = 'Atomics';

/** Names a clock read that {@link isSyntacticClockRead} sees contains (`Date`, `performance`, `hrtime`, ...). */
const CLOCK_NAMES = [...new Set(CLOCK_GLOBALS.flat())];

/**
 * The text of a module may hold what {@link foreignBlockingCall} finds: a blocking call needs its name (every one has
 * a needle of the SDK table), `Atomics.wait` its global, a busy-wait loop a loop keyword and a clock name.
 */
function mayBlockText(text: string): boolean {
  if (BLOCKING_CALL_NEEDLES.some((needle) => text.includes(needle)) || text.includes(ATOMICS)) return true;
  if (LOOP_KEYWORD.test(text) && CLOCK_NAMES.some((name) => text.includes(name))) return true;
  return mayHideNames(text);
}

const BLOCKING_TEXT: TextFilter = { key: 'blocking', mayMatch: mayBlockText };

/**
 * `Date.now()`, `new Date()`, `performance.now()`, `process.hrtime()` by name (for files read without scopes). Every
 * name it matches is in `CLOCK_GLOBALS`, which the text pre-filter ({@link mayBlockText}) looks for.
 */
function isSyntacticClockRead(node: TSESTree.Node): boolean {
  if (node.type === T.NewExpression) return node.callee.type === T.Identifier && node.callee.name === 'Date';
  if (node.type !== T.CallExpression) return false;
  const callee = stripTypeWrappers(node.callee);
  if (callee.type !== T.MemberExpression) return false;
  const method = memberName(callee);
  const object = stripTypeWrappers(callee.object);
  if (object.type === T.Identifier) {
    return (
      (object.name === 'Date' && method === 'now') ||
      (object.name === 'performance' && method === 'now') ||
      (object.name === 'process' && method === 'hrtime')
    );
  }
  return object.type === T.MemberExpression && memberName(object) === 'hrtime' && method === 'bigint';
}

/** Parents in which `await x` must be parenthesised to keep `x` the operand. */
function needsParentheses(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case T.MemberExpression:
      return parent.object === node;
    case T.CallExpression:
    case T.NewExpression:
      return parent.callee === node;
    case T.TaggedTemplateExpression:
      return parent.tag === node;
    case T.BinaryExpression:
      return parent.operator === '**' && parent.left === node;
    case T.TSNonNullExpression:
      return true;
    default:
      return false;
  }
}

export default createRule<Options, MessageIds>({
  name: 'activity-no-blocking-calls',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow synchronous calls that block the worker event loop in activities',
      recommended: 'error',
      strict: { severity: 'error', options: { syncActivities: 'report' } },
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          syncActivities: {
            type: 'string',
            enum: ['report', 'ignore'],
            description:
              'Whether to report blocking calls in synchronous (non-`async`) activities, where the whole activity blocks anyway.',
          },
          allow: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Calls to allow, as `module.name` (`fs.readFileSync`, `child_process.execSync`, `Atomics.wait`) or `module.*`.',
          },
        },
      },
    ],
    defaultOptions: [{ syncActivities: 'ignore', allow: [] }],
    messages: {
      blockingCall:
        "`{{call}}` blocks the worker's only event loop until it returns, stalling this activity's heartbeats and cancellation, every other activity and workflow task processing on the worker. Use {{alternative}} instead.",
      blockingCallInSyncActivity:
        "`{{call}}` blocks the worker's only event loop, and the synchronous activity `{{activity}}` cannot yield: heartbeats, cancellation, other activities and workflow tasks wait until it returns. Make the activity `async` and use {{alternative}}, or move the work to a worker thread.",
      blockingHelper:
        "`{{helper}}()` {{what}} ({{where}}), which blocks the worker's only event loop, stalling this activity's heartbeats and cancellation, every other activity and workflow task processing. Use {{alternative}} in `{{helper}}()` instead.",
      busyWait:
        "This loop waits for the clock without `await`, spinning on the worker's only event loop: this activity's heartbeats and cancellation, every other activity and workflow task processing stop until it ends. Use `await sleep()` from `@temporalio/activity`, which also ends early on cancellation.",
      useFsPromises: 'Use `await {{replacement}}()` from the promise API.',
      usePromisify: 'Use `await promisify({{replacement}})()`.',
    },
  },
  create(context, [options]) {
    if (!getFileInfo(context).has('activity')) return {};
    const sourceCode = context.sourceCode;
    const reportSync = options.syncActivities === 'report';
    const allow = new Set(options.allow ?? []);
    // The project analyser is shared by every linted file: its cached search results depend on `allow`.
    const searchKey = `blocking:${JSON.stringify([...allow].sort())}`;
    const model = getProjectModel(context);
    const resolver = fileResolver(sourceCode, context.filename, model);
    const code = ActivityCode.for(sourceCode);
    if (code.activities.size === 0) return {};

    function isAllowed(id: string): boolean {
      if (allow.has(id)) return true;
      const dot = id.indexOf('.');
      return dot > 0 && allow.has(`${id.slice(0, dot)}.*`);
    }

    function calleeText(call: TSESTree.CallExpression): string {
      const text = sourceCode.getText(call.callee).replace(/\s+/g, ' ');
      return `${text.length > 40 ? `${text.slice(0, 37)}...` : text}()`;
    }

    function blockingCallOf(call: TSESTree.CallExpression): Blocking | undefined {
      const ref = resolver.resolve(call.callee);
      if (!ref) return undefined;
      if (ref.kind === 'global') {
        return isGlobal(ref, 'Atomics', 'wait') && !isAllowed('Atomics.wait')
          ? { display: calleeText(call), id: 'Atomics.wait', alternative: ATOMICS_WAIT_ALTERNATIVE }
          : undefined;
      }
      const module = blockingModule(ref.source);
      if (!module) return undefined;
      const path = ref.path[0] === 'default' ? ref.path.slice(1) : ref.path;
      const name = path[0];
      if (path.length !== 1 || name === undefined) return undefined;
      const entry = lookupBlockingCall(module, name);
      if (!entry) return undefined;
      const id = `${module}.${name}`;
      const bare = ref.source.startsWith('node:') ? ref.source.slice(5) : ref.source;
      if (isAllowed(id) || isAllowed(`${bare}.${name}`)) return undefined;
      return { display: calleeText(call), id, alternative: entry.alternative, entry, ref };
    }

    function isClockRead(node: TSESTree.Node): boolean {
      if (node.type === T.NewExpression) return isGlobal(resolver.resolve(node.callee), 'Date');
      if (node.type !== T.CallExpression) return false;
      const ref = resolver.resolve(node.callee);
      if (ref?.kind === 'global') return CLOCK_GLOBALS.some((path) => isGlobal(ref, ...path));
      if (ref?.kind === 'module' && /^(node:)?perf_hooks$/.test(ref.source)) {
        return ref.path.join('.') === 'performance.now';
      }
      return false;
    }

    /** A loop that reads the clock in its condition (or, endless, in its body) and never awaits. */
    function isBusyWaitWith(node: TSESTree.Node, clockRead: (node: TSESTree.Node) => boolean): boolean {
      if (!LOOP_TYPES.has(node.type)) return false;
      const loop = node as TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;
      if (someOwn(loop, (n) => n.type === T.AwaitExpression || n.type === T.YieldExpression)) return false;
      const test = loop.test;
      const unconditional = !test || (test.type === T.Literal && test.value === true);
      if (test && someOwn(test, clockRead)) return true;
      return unconditional && someOwn(loop.body, clockRead);
    }

    function isBusyWait(node: TSESTree.Node): boolean {
      return isBusyWaitWith(node, isClockRead);
    }

    // -------------------------------------------------------------------------------------------------------------
    // Helpers in other project files (through the project model's ASTs, names resolved syntactically)

    let projectFunctions: ProjectFunctions | undefined;
    function project(): ProjectFunctions {
      projectFunctions ??= ProjectFunctions.for(model);
      return projectFunctions;
    }

    function relative(file: string): string {
      const root = model.root.endsWith('/') ? model.root : `${model.root}/`;
      return file.startsWith(root) ? file.slice(root.length) : file;
    }

    /** A blocking call in another file: `readFileSync()` from an import or a top-level `require`. */
    function foreignBlockingCall(node: TSESTree.Node, facts: ModuleFacts): BlockingInfo | undefined {
      if (node.type !== T.CallExpression) {
        return isBusyWaitWith(node, isSyntacticClockRead) ? BUSY_WAIT_INFO : undefined;
      }
      const callee = stripTypeWrappers(node.callee);
      let source: string | undefined;
      let name: string | undefined;
      if (callee.type === T.Identifier) {
        const binding = facts.imports.get(callee.name);
        if (binding && binding.imported !== '*' && binding.imported !== 'default') {
          source = binding.source;
          name = binding.imported;
        }
      } else if (callee.type === T.MemberExpression) {
        name = memberName(callee);
        const object = stripTypeWrappers(callee.object);
        if (object.type === T.Identifier) {
          const binding = facts.imports.get(object.name);
          if (binding && (binding.imported === '*' || binding.imported === 'default')) source = binding.source;
          else if (!binding && object.name === ATOMICS && name === 'wait' && !isAllowed('Atomics.wait')) {
            return { what: 'calls `Atomics.wait()`', alternative: ATOMICS_WAIT_ALTERNATIVE };
          }
        } else {
          source = requireSource(object);
        }
      }
      if (source === undefined || name === undefined) return undefined;
      const module = blockingModule(source);
      const entry = module ? lookupBlockingCall(module, name) : undefined;
      if (!module || !entry) return undefined;
      const bare = source.startsWith('node:') ? source.slice(5) : source;
      if (isAllowed(`${module}.${name}`) || isAllowed(`${bare}.${name}`)) return undefined;
      return { what: `calls \`${name}()\``, alternative: entry.alternative };
    }

    /** A call of a function exported by another project file that blocks (there or in what it calls). */
    function projectCallBlocking(call: TSESTree.CallExpression): (BlockingInfo & { where: string }) | undefined {
      const ref = resolver.resolve(call.callee);
      if (ref?.kind !== 'module' || ref.path.length !== 1) return undefined;
      const name = ref.path[0];
      // Re-exports through project barrels resolve to the declaring file's absolute path.
      const file = name === undefined ? undefined : ref.source.startsWith('/') ? ref.source : project().resolve(context.filename, ref.source);
      if (!file || name === undefined) return undefined;
      // A module whose import closure cannot block (by its text) is not parsed.
      if (!project().mayReach(file, BLOCKING_TEXT)) return undefined;
      const located = project().exportedFunction(file, name);
      const hit = located ? project().search(located, searchKey, foreignBlockingCall, BLOCKING_TEXT) : undefined;
      if (!hit) return undefined;
      return { ...hit.value, where: `${relative(hit.file)}, line ${hit.node.loc.start.line}` };
    }

    // -------------------------------------------------------------------------------------------------------------

    const infoCache = new WeakMap<TSESTree.Node, (BlockingInfo & { where: string }) | null>();

    /** What makes a node of this file block: a blocking call, a busy-wait loop, or a blocking project helper call. */
    function blockingInfo(node: TSESTree.Node): (BlockingInfo & { where: string }) | undefined {
      const cached = infoCache.get(node);
      if (cached !== undefined) return cached ?? undefined;
      let info: (BlockingInfo & { where: string }) | undefined;
      const where = `line ${node.loc.start.line}`;
      if (node.type === T.CallExpression) {
        const direct = blockingCallOf(node);
        info = direct ? { what: `calls \`${direct.display}\``, alternative: direct.alternative, where } : projectCallBlocking(node);
      } else if (isBusyWait(node)) {
        info = { ...BUSY_WAIT_INFO, where };
      }
      infoCache.set(node, info ?? null);
      return info;
    }

    function isBlockingNode(node: TSESTree.Node): boolean {
      return blockingInfo(node) !== undefined;
    }

    /** The activity `node` runs in, when it is reported there (sync activities only with `syncActivities: 'report'`). */
    function reportableActivity(node: TSESTree.Node): { fn: FunctionNode; sync: boolean } | undefined {
      const fn = code.enclosingActivity(node);
      if (!fn) return undefined;
      const sync = code.isSynchronous(fn);
      if (sync && !reportSync) return undefined;
      return { fn, sync };
    }

    function fsSuggestion(
      call: TSESTree.CallExpression,
      blocking: Blocking,
    ): TSESLint.ReportSuggestionArray<MessageIds> {
      const entry = blocking.entry;
      const ref = blocking.ref;
      if (!entry || ref?.kind !== 'module') return [];
      if (!canRewriteToAwait(call)) return [];
      if (entry.maxArgs !== undefined && call.arguments.length > entry.maxArgs) return [];
      if (entry.promisesName) {
        const first = call.arguments[0];
        if (first && looksLikeFileDescriptor(first)) return [];
        return fsPromisesSuggestion(call, entry, entry.promisesName, ref.source);
      }
      if (entry.promisifyName) return promisifySuggestion(call, entry.promisifyName, ref.source);
      return [];
    }

    function canRewriteToAwait(call: TSESTree.CallExpression): boolean {
      if (call.optional || call.parent.type === T.ChainExpression) return false;
      if (call.arguments.some((arg) => arg.type === T.SpreadElement)) return false;
      if (call.typeArguments) return false;
      if (enclosingFunction(call)?.async !== true) return false;
      return !hasCommentInside(sourceCode, call.range);
    }

    /** The object part of `fs.readFileSync` when it is the module itself (namespace, default import, require). */
    function moduleObjectText(call: TSESTree.CallExpression): string | undefined {
      const callee = stripTypeWrappers(call.callee);
      if (callee.type !== T.MemberExpression || callee.computed) return undefined;
      const objectRef = resolver.resolve(callee.object);
      if (objectRef?.kind !== 'module') return undefined;
      if (objectRef.path.length > 1 || (objectRef.path.length === 1 && objectRef.path[0] !== 'default')) return undefined;
      return sourceCode.getText(callee.object);
    }

    /** Named imports (`import { readFileSync } from 'fs'`), not `require` destructuring (the file may be CommonJS). */
    function isNamedEsmImport(call: TSESTree.CallExpression, ref: Reference): boolean {
      return (
        ref.kind === 'module' && ref.declaration.type === T.ImportDeclaration && stripTypeWrappers(call.callee).type === T.Identifier
      );
    }

    function rewriteCall(call: TSESTree.CallExpression, newCallee: string): string {
      const args = sourceCode.text.slice(call.callee.range[1], call.range[1]);
      const awaited = call.parent.type === T.AwaitExpression ? `${newCallee}${args}` : `await ${newCallee}${args}`;
      return call.parent.type !== T.AwaitExpression && needsParentheses(call) ? `(${awaited})` : awaited;
    }

    function fsPromisesSuggestion(
      call: TSESTree.CallExpression,
      entry: BlockingCall,
      promisesName: string,
      source: string,
    ): TSESLint.ReportSuggestionArray<MessageIds> {
      const ref = calleeRef(call);
      const objectText = entry.module === 'fs' ? moduleObjectText(call) : undefined;
      if (objectText !== undefined && /^(node:)?fs$/.test(source)) {
        const replacement = `${objectText}.promises.${promisesName}`;
        return [
          {
            messageId: 'useFsPromises',
            data: { replacement },
            fix: (fixer) => fixer.replaceText(call, rewriteCall(call, replacement)),
          },
        ];
      }
      if (!ref || !isNamedEsmImport(call, ref)) return [];
      const promisesSource = source.startsWith('node:') ? 'node:fs/promises' : 'fs/promises';
      return [
        {
          messageId: 'useFsPromises',
          data: { replacement: promisesName },
          fix: (fixer) => {
            const { fixes, localName } = addNamedImport(fixer, sourceCode, { source: promisesSource, name: promisesName, at: call });
            return [...fixes, fixer.replaceText(call, rewriteCall(call, localName))];
          },
        },
      ];
    }

    function utilSource(): string {
      for (const statement of sourceCode.ast.body) {
        if (statement.type !== T.ImportDeclaration || statement.importKind === 'type') continue;
        const source = statement.source.value;
        if (source !== 'util' && source !== 'node:util') continue;
        const hasPromisify = statement.specifiers.some(
          (s) => s.type === T.ImportSpecifier && s.imported.type === T.Identifier && s.imported.name === 'promisify',
        );
        if (hasPromisify) return source;
      }
      return sourceCode.ast.body.some(
        (s) => s.type === T.ImportDeclaration && typeof s.source.value === 'string' && s.source.value.startsWith('node:'),
      )
        ? 'node:util'
        : 'util';
    }

    function promisifySuggestion(
      call: TSESTree.CallExpression,
      asyncName: string,
      source: string,
    ): TSESLint.ReportSuggestionArray<MessageIds> {
      const ref = calleeRef(call);
      if (!ref) return [];
      const objectText = moduleObjectText(call);
      const named = objectText === undefined && isNamedEsmImport(call, ref);
      if (objectText === undefined && !named) return [];
      if (!sourceCode.ast.body.some((s) => s.type === T.ImportDeclaration)) return [];
      const display = objectText === undefined ? asyncName : `${objectText}.${asyncName}`;
      return [
        {
          messageId: 'usePromisify',
          data: { replacement: display },
          fix: (fixer) => {
            const util = addNamedImport(fixer, sourceCode, { source: utilSource(), name: 'promisify', at: call });
            let target = display;
            const fixes = [...util.fixes];
            if (named) {
              const added = addNamedImport(fixer, sourceCode, { source, name: asyncName, at: call });
              target = added.localName;
              fixes.push(...added.fixes);
            }
            return [...fixes, fixer.replaceText(call, rewriteCall(call, `${util.localName}(${target})`))];
          },
        },
      ];
    }

    function calleeRef(call: TSESTree.CallExpression): Reference | undefined {
      return resolver.resolve(call.callee);
    }

    return {
      CallExpression(call) {
        // Every report is in an activity: calls elsewhere (module scope, factories, helpers) are not resolved.
        const activity = reportableActivity(call);
        if (!activity) return;
        const blocking = blockingCallOf(call);
        if (blocking) {
          if (activity.sync) {
            context.report({
              node: call,
              messageId: 'blockingCallInSyncActivity',
              data: { call: blocking.display, activity: code.nameOf(activity.fn), alternative: blocking.alternative },
            });
            return;
          }
          context.report({
            node: call,
            messageId: 'blockingCall',
            data: { call: blocking.display, alternative: blocking.alternative },
            suggest: fsSuggestion(call, blocking),
          });
          return;
        }
        const helper = code.localCallee(call);
        if (helper) {
          if (code.activities.has(helper) || code.factories.has(helper)) return;
          // A function nested in an activity is analysed where it is: its calls are in the activity already.
          if (code.enclosingActivity(helper)) return;
          const found = code.findInFunction(helper, searchKey, isBlockingNode);
          const info = found ? blockingInfo(found.node) : undefined;
          if (!info) return;
          context.report({
            node: call,
            messageId: 'blockingHelper',
            data: { helper: code.nameOf(helper), what: info.what, where: info.where, alternative: info.alternative },
          });
          return;
        }
        const info = projectCallBlocking(call);
        if (!info) return;
        context.report({
          node: call,
          messageId: 'blockingHelper',
          data: { helper: calleeText(call).slice(0, -2), what: info.what, where: info.where, alternative: info.alternative },
        });
      },
      'WhileStatement, DoWhileStatement, ForStatement'(node: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement) {
        if (!reportableActivity(node) || !isBusyWait(node)) return;
        const first = sourceCode.getFirstToken(node);
        context.report({ node, loc: first?.loc ?? node.loc, messageId: 'busyWait' });
      },
    };
  },
});

/** `fd`, `fileDescriptor`, `handle.fd`, numeric literals: `fs/promises` takes a `FileHandle` there. */
function looksLikeFileDescriptor(node: TSESTree.Node): boolean {
  const inner = stripTypeWrappers(node);
  if (inner.type === T.Literal) return typeof inner.value === 'number';
  if (inner.type === T.Identifier) return /^fd$|fd$|Fd$|descriptor/i.test(inner.name);
  if (inner.type === T.MemberExpression && !inner.computed && inner.property.type === T.Identifier) {
    return /^fd$|Fd$|descriptor/i.test(inner.property.name);
  }
  return false;
}
