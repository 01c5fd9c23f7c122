import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { WORKFLOW_PACKAGE } from '../sdk/workflow-api.js';
import { createRule } from '../utils/create-rule.js';
import { hasCommentInside } from '../utils/fixers.js';
import { isFromPackage, isModuleExport, unwrapExpression, type ReferenceResolver } from '../utils/references.js';
import { temporalPromiseKind } from '../utils/workflow-apis.js';
import { isFunctionNode } from '../utils/ast.js';
import { getWorkflowCodeContext } from '../utils/workflow-code.js';

export type Options = [];
export type MessageIds = 'sinkResultUsed' | 'awaitedSinkCall' | 'removeAwait' | 'nonCloneableArgument';

const { DefinitionType } = TSESLintRuntime.Scope;

/** `log.<level>` of `@temporalio/workflow` (`workflow/src/logs.ts`): a sink-backed logger. */
const LOG_LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error']);

/** Built-ins whose instances `postMessage` refuses (`DataCloneError`), besides functions and symbols. */
const UNCLONEABLE_CONSTRUCTORS = new Set(['WeakMap', 'WeakSet', 'WeakRef', 'Promise', 'FinalizationRegistry']);
const PROMISE_STATICS = new Set(['resolve', 'reject', 'all', 'allSettled', 'any', 'race', 'withResolvers']);

const MAX_DEPTH = 8;

export default createRule<Options, MessageIds>({
  name: 'workflow-valid-sink-usage',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow using the result of sink calls and passing sink arguments that cannot be copied out of the workflow sandbox',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      sinkResultUsed:
        'Sink call `{{name}}(...)` returns nothing to the workflow: the call is only recorded here and runs on the worker after the activation completes, so this value is always `undefined`{{why}}.',
      awaitedSinkCall:
        'Awaiting sink call `{{name}}(...)` waits for nothing: the call is only recorded here and runs on the worker after the activation completes{{why}}.',
      removeAwait: 'Remove the `await`.',
      nonCloneableArgument:
        'Sink call `{{name}}(...)` cannot take {{what}} as an argument: the worker copies sink arguments out of the workflow thread with `postMessage`, which throws `DataCloneError` and fails the workflow task on every attempt{{why}}.',
    },
  },
  create(context) {
    const wf = getWorkflowCodeContext(context);
    if (!wf) return {};
    const { resolver, why } = wf;
    const sourceCode = context.sourceCode;

    return {
      CallExpression(node) {
        const name = sinkCallName(resolver, node);
        if (name === undefined) return;

        const outer = outermostWrapper(node);
        const parent = outer.parent;
        if (parent?.type === T.AwaitExpression) {
          context.report({
            node: parent,
            messageId: 'awaitedSinkCall',
            data: { name, why },
            suggest: hasCommentInside(sourceCode, [parent.range[0], parent.argument.range[0]])
              ? []
              : [{ messageId: 'removeAwait', fix: (fixer) => fixer.replaceText(parent, sourceCode.getText(parent.argument)) }],
          });
        } else if (parent && isValueUsed(outer, parent)) {
          context.report({ node, messageId: 'sinkResultUsed', data: { name, why } });
        }

        for (const arg of node.arguments) {
          const found = findUncloneable(context.sourceCode, resolver, arg, 0, new Set());
          if (found) {
            context.report({ node: found.node, messageId: 'nonCloneableArgument', data: { what: found.what, name, why } });
          }
        }
      },
    };
  },
});

/**
 * `logger.info` for `const { logger } = proxySinks<S>(); logger.info(...)` (or `proxySinks().logger.info(...)`),
 * `log.info` for the SDK's sink-backed `log`; undefined for anything else.
 */
function sinkCallName(resolver: ReferenceResolver, call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== T.MemberExpression && callee.type !== T.Identifier) return undefined;
  const ref = resolver.resolve(callee);
  if (ref?.kind !== 'module' || !isFromPackage(ref.source, WORKFLOW_PACKAGE)) return undefined;
  const path = ref.path;
  if (path.length === 4 && path[0] === 'proxySinks' && path[1] === '()') return `${path[2] ?? ''}.${path[3] ?? ''}`;
  if (path.length === 2 && path[0] === 'log' && LOG_LEVELS.has(path[1] ?? '')) return `log.${path[1] ?? ''}`;
  return undefined;
}

/** The call with parentheses-free wrappers (`x!`, `x as T`, `a?.b()`) around it. */
function outermostWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === T.ChainExpression ||
      current.parent.type === T.TSNonNullExpression ||
      current.parent.type === T.TSAsExpression ||
      current.parent.type === T.TSSatisfiesExpression)
  ) {
    current = current.parent;
  }
  return current;
}

/** True where the value of `node` is consumed (assigned, passed, tested, member-accessed), not merely discarded. */
function isValueUsed(node: TSESTree.Node, parent: TSESTree.Node): boolean {
  switch (parent.type) {
    case T.ExpressionStatement:
    case T.SequenceExpression:
    case T.ArrowFunctionExpression: // `() => logger.info(...)`: a void callback
    case T.ReturnStatement:
      return false;
    case T.LogicalExpression: // `cond && logger.info(...)` discards it; `logger.info(...) && x` tests it
      return parent.left === node;
    case T.ConditionalExpression:
      return parent.test === node;
    case T.UnaryExpression:
      return parent.operator !== 'void';
    case T.ForStatement:
      return parent.test === node;
    default:
      return true;
  }
}

interface Uncloneable {
  node: TSESTree.Node;
  what: string;
}

/**
 * The first part of `node` that structured clone refuses: functions (also as methods or fields), symbols, promises,
 * `WeakMap`/`WeakSet`/`WeakRef`, followed through object and array literals and local `const` bindings.
 * Class instances and errors are cloned (as plain objects / plain errors) and are not reported.
 */
function findUncloneable(
  sourceCode: Readonly<TSESLint.SourceCode>,
  resolver: ReferenceResolver,
  input: TSESTree.Node,
  depth: number,
  seen: Set<TSESTree.Node>,
  reportAt?: TSESTree.Node,
): Uncloneable | undefined {
  if (depth > MAX_DEPTH || seen.has(input)) return undefined;
  seen.add(input);
  const node = input.type === T.SpreadElement ? input.argument : unwrapExpression(input);
  const at = reportAt ?? input;
  switch (node.type) {
    case T.ArrowFunctionExpression:
    case T.FunctionExpression:
      return { node: at, what: 'a function' };
    case T.ClassExpression:
      return { node: at, what: 'a class' };
    case T.ObjectExpression:
      for (const prop of node.properties) {
        if (prop.type === T.SpreadElement) {
          const inner = findUncloneable(sourceCode, resolver, prop.argument, depth + 1, seen, reportAt);
          if (inner) return inner;
          continue;
        }
        if (prop.method) return { node: reportAt ?? prop, what: 'an object with a method' };
        if (prop.kind !== 'init') continue; // getters are read by the clone, setters are skipped
        const inner = findUncloneable(sourceCode, resolver, prop.value, depth + 1, seen, reportAt);
        if (inner) return inner;
      }
      return undefined;
    case T.ArrayExpression:
      for (const element of node.elements) {
        if (!element) continue;
        const inner = findUncloneable(sourceCode, resolver, element, depth + 1, seen, reportAt);
        if (inner) return inner;
      }
      return undefined;
    case T.Identifier:
      return identifierUncloneable(sourceCode, resolver, node, depth, seen, at);
    case T.MemberExpression: {
      const ref = resolver.resolve(node);
      if (ref?.kind === 'global' && ref.path[0] === 'Symbol' && ref.path.length === 2) {
        return { node: at, what: ref.path[1] === 'for' || ref.path[1] === 'keyFor' ? 'a function' : 'a symbol' };
      }
      // `workflowInfo().unsafe` holds functions (`now`, `random.*`): `@temporalio/workflow` `src/interfaces.ts`.
      if (ref?.kind === 'module' && isFromPackage(ref.source, WORKFLOW_PACKAGE) && ref.path[0] === 'workflowInfo' && ref.path[1] === '()' && ref.path[2] === 'unsafe') {
        if (ref.path.length === 3) return { node: at, what: '`workflowInfo().unsafe` (its `now` is a function)' };
        if (ref.path.length === 4 && ref.path[3] === 'now') return { node: at, what: 'a function' };
        if (ref.path.length === 4 && ref.path[3] === 'random') return { node: at, what: 'an object with methods' };
      }
      return undefined;
    }
    case T.CallExpression: {
      const ref = resolver.resolve(node.callee);
      if (isModuleExport(ref, WORKFLOW_PACKAGE, 'workflowInfo')) {
        return { node: at, what: 'the whole `workflowInfo()` (its `unsafe.now` is a function; pass the fields you need)' };
      }
      if (ref?.kind === 'global') {
        if (ref.path[0] === 'Symbol' && (ref.path.length === 1 || ref.path[1] === 'for')) return { node: at, what: 'a symbol' };
        if (ref.path[0] === 'Promise' && ref.path.length === 2 && PROMISE_STATICS.has(ref.path[1] ?? '')) {
          return { node: at, what: 'a promise' };
        }
      }
      if (temporalPromiseKind(resolver, node) !== undefined) return { node: at, what: 'a promise' };
      const fn = localFunction(sourceCode, node.callee);
      if (fn?.async === true) return { node: at, what: 'a promise' };
      return undefined;
    }
    case T.NewExpression: {
      const ref = resolver.resolve(node.callee);
      if (ref?.kind === 'global' && ref.path.length === 1 && UNCLONEABLE_CONSTRUCTORS.has(ref.path[0] ?? '')) {
        return { node: at, what: `a \`${ref.path[0] ?? ''}\`` };
      }
      const cls = localClass(sourceCode, node.callee);
      if (cls && hasFunctionFields(cls)) {
        return {
          node: at,
          what: cls.id ? `an instance of \`${cls.id.name}\` (it has function-valued fields)` : 'a class instance with function-valued fields',
        };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function findVariable(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  try {
    return ASTUtils.findVariable(sourceCode.getScope(node), node);
  } catch {
    return null;
  }
}

function identifierUncloneable(
  sourceCode: Readonly<TSESLint.SourceCode>,
  resolver: ReferenceResolver,
  node: TSESTree.Identifier,
  depth: number,
  seen: Set<TSESTree.Node>,
  at: TSESTree.Node,
): Uncloneable | undefined {
  const variable = findVariable(sourceCode, node);
  const def = variable?.defs[0];
  if (!variable || !def) return undefined;
  if (def.type === DefinitionType.FunctionName) return { node: at, what: `function \`${node.name}\`` };
  if (def.type === DefinitionType.ClassName) return { node: at, what: `class \`${node.name}\`` };
  if (def.type === DefinitionType.Variable && def.node.id.type === T.Identifier && def.node.init) {
    const writes = variable.references.filter((r) => r.isWrite()).length;
    if (def.parent.kind !== 'const' && writes > 1) return undefined;
    const init = unwrapExpression(def.node.init);
    if (isFunctionNode(init)) return { node: at, what: `function \`${node.name}\`` };
    return findUncloneable(sourceCode, resolver, init, depth + 1, seen, at);
  }
  return undefined;
}

function localFunction(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Node): TSESTree.FunctionLike | undefined {
  const target = unwrapExpression(callee);
  if (target.type !== T.Identifier) return undefined;
  const def = findVariable(sourceCode, target)?.defs[0];
  if (def?.type === DefinitionType.FunctionName && isFunctionNode(def.node)) return def.node;
  if (def?.type === DefinitionType.Variable && def.parent.kind === 'const' && def.node.init) {
    const init = unwrapExpression(def.node.init);
    return isFunctionNode(init) ? init : undefined;
  }
  return undefined;
}

function localClass(
  sourceCode: Readonly<TSESLint.SourceCode>,
  callee: TSESTree.Node,
): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const target = unwrapExpression(callee);
  if (target.type !== T.Identifier) return undefined;
  const def = findVariable(sourceCode, target)?.defs[0];
  if (def?.type === DefinitionType.ClassName) return def.node;
  return undefined;
}

/** Instance fields initialised with functions (`cb = () => ...`) or `this.x = () => ...` in the constructor. */
function hasFunctionFields(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  for (const member of cls.body.body) {
    if (member.type === T.PropertyDefinition && !member.static && member.value && isFunctionNode(unwrapExpression(member.value))) {
      return true;
    }
    if (member.type === T.MethodDefinition && member.kind === 'constructor' && member.value.body) {
      for (const statement of member.value.body.body) {
        if (
          statement.type === T.ExpressionStatement &&
          statement.expression.type === T.AssignmentExpression &&
          statement.expression.left.type === T.MemberExpression &&
          statement.expression.left.object.type === T.ThisExpression &&
          isFunctionNode(unwrapExpression(statement.expression.right))
        ) {
          return true;
        }
      }
    }
  }
  return false;
}
