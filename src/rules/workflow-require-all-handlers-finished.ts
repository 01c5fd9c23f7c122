import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { ProjectModel, WorkflowType } from '../project/index.js';
import { WORKFLOW_PACKAGE } from '../sdk/workflow-api.js';
import { createRule } from '../utils/create-rule.js';
import { addNamedImports, lineIndent } from '../utils/fixers.js';
import { messageDefinitionKind, type MessageKind } from '../utils/message-definitions.js';
import { isFromPackage, unwrapExpression, type ReferenceResolver } from '../utils/references.js';
import { evaluate, getProperty, scopeLookup } from '../utils/static-value.js';
import { isFunctionNode, type FunctionNode } from '../utils/ast.js';
import { exportedFunctions, getWorkflowCodeContext, resolveLocalFunction, walk } from '../utils/workflow-code.js';

export type Options = [];
export type MessageIds = 'returnWithoutWaiting' | 'continueAsNewWithoutWaiting' | 'endWithoutWaiting' | 'insertWait';

type SourceCode = Readonly<TSESLint.SourceCode>;

interface AsyncHandler {
  /** `update handler \`setLanguage\``, `signal handler`, `default update handler`, `handler \`approve\``. */
  label: string;
  /** What the abandonment means for this kind of handler. */
  effect: string;
  /** End of the registering call: exits before it cannot abandon this handler. */
  registeredAt: number;
}

const STATEMENT_LISTS = new Set<string>([T.BlockStatement, T.Program, T.SwitchCase, T.StaticBlock]);

export default createRule<Options, MessageIds>({
  name: 'workflow-require-all-handlers-finished',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require workflows with async signal or update handlers to wait for `allHandlersFinished` before returning or continuing as new',
      recommended: 'warn',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      returnWithoutWaiting:
        'Workflow `{{workflow}}` can return while its async {{handler}} is still running: {{effect}}, and the SDK logs warning `[TMPRL1102]`; first `await condition(allHandlersFinished)`, or register the handler with `unfinishedPolicy: HandlerUnfinishedPolicy.ABANDON`{{why}}.',
      continueAsNewWithoutWaiting:
        'Workflow `{{workflow}}` can continue as new while its async {{handler}} is still running: {{effect}}, and the SDK logs warning `[TMPRL1102]`; first `await condition(allHandlersFinished)`, or register the handler with `unfinishedPolicy: HandlerUnfinishedPolicy.ABANDON`{{why}}.',
      endWithoutWaiting:
        'Workflow `{{workflow}}` can complete here while its async {{handler}} is still running: {{effect}}, and the SDK logs warning `[TMPRL1102]`; first `await condition(allHandlersFinished)`, or register the handler with `unfinishedPolicy: HandlerUnfinishedPolicy.ABANDON`{{why}}.',
      insertWait: 'Insert `await condition(allHandlersFinished);` here.',
    },
  },
  create(context) {
    const wf = getWorkflowCodeContext(context);
    if (!wf) return {};
    const { resolver, why, model } = wf;
    const sourceCode = context.sourceCode;

    return {
      'Program:exit'() {
        for (const { fn, name } of workflowFunctions(sourceCode, model, context.filename)) {
          if (fn.body.type !== T.BlockStatement) continue;
          try {
            checkWorkflow(fn, fn.body, name);
          } catch {
            // never throw from a rule
          }
        }
      },
    };

    function checkWorkflow(fn: FunctionNode, body: TSESTree.BlockStatement, name: string): void {
      const handlers: AsyncHandler[] = [];
      const waits: TSESTree.AwaitExpression[] = [];
      const returns: TSESTree.ReturnStatement[] = [];
      const continues: TSESTree.CallExpression[] = [];

      walkOwnBody(sourceCode, body, (node) => {
        if (node.type === T.ReturnStatement) returns.push(node);
        else if (node.type === T.AwaitExpression && isAllHandlersFinishedWait(resolver, node)) waits.push(node);
        else if (node.type === T.CallExpression) {
          const path = workflowPath(resolver, node.callee);
          if (isContinueAsNewPath(path)) continues.push(node);
          else if (path) {
            const handler = asyncHandler(node, path);
            if (handler) handlers.push(handler);
          }
        }
      });
      const first = handlers.reduce<AsyncHandler | undefined>(
        (min, h) => (min === undefined || h.registeredAt < min.registeredAt ? h : min),
        undefined,
      );
      if (!first) return;

      const waitStatements = waits.map((w) => ({ wait: w, statement: innermostStatement(w) }));
      const covered = (node: TSESTree.Node): boolean => waitStatements.some((w) => dominates(w.wait, w.statement, node));
      const data = { workflow: name, handler: first.label, effect: first.effect, why };
      const canAwait = fn.async;

      for (const call of continues) {
        if (call.range[0] < first.registeredAt || covered(call)) continue;
        context.report({
          node: call,
          messageId: 'continueAsNewWithoutWaiting',
          data,
          suggest: canAwait ? insertBeforeSuggestion(innermostStatement(call), call) : [],
        });
      }
      for (const ret of returns) {
        if (ret.range[0] < first.registeredAt || covered(ret)) continue;
        const arg = ret.argument ? unwrapExpression(ret.argument) : undefined;
        if (arg && continues.includes(arg as TSESTree.CallExpression)) continue;
        context.report({
          node: ret,
          messageId: 'returnWithoutWaiting',
          data,
          suggest: canAwait ? insertBeforeSuggestion(ret, ret) : [],
        });
      }
      if (canCompleteNormally(body, resolver)) {
        const closing = sourceCode.getLastToken(body);
        const covers = waitStatements.some((w) => w.statement.parent === body);
        if (closing && !covers) {
          context.report({
            loc: closing.loc,
            messageId: 'endWithoutWaiting',
            data,
            suggest: canAwait ? insertAtEndSuggestion(body, closing) : [],
          });
        }
      }
    }

    /** A `setHandler` / `setDefault{Signal,Update}Handler` call whose handler is an async function that awaits. */
    function asyncHandler(call: TSESTree.CallExpression, path: readonly string[]): AsyncHandler | undefined {
      const api = path.length === 1 ? path[0] : undefined;
      let handlerArg: TSESTree.Node | undefined;
      let kind: MessageKind | undefined;
      let label: string;
      if (api === 'setHandler') {
        const [def, handler, options] = call.arguments;
        if (!def || def.type === T.SpreadElement) return undefined;
        kind = messageDefinitionKind(resolver, def, context);
        if (kind === 'query') return undefined;
        if (options && options.type !== T.SpreadElement && !warnsWhenUnfinished(options)) return undefined;
        handlerArg = handler;
        const defName = unwrapExpression(def);
        const named = defName.type === T.Identifier ? ` \`${defName.name}\`` : '';
        label = `${kind ? `${kind} ` : ''}handler${named}`;
      } else if (api === 'setDefaultSignalHandler' || api === 'setDefaultUpdateHandler') {
        handlerArg = call.arguments[0];
        kind = api === 'setDefaultSignalHandler' ? 'signal' : 'update';
        label = `default ${kind} handler`;
      } else {
        return undefined;
      }
      if (!handlerArg || handlerArg.type === T.SpreadElement) return undefined;
      const fn = resolveLocalFunction(sourceCode, handlerArg);
      if (!fn?.async || !awaitsInside(sourceCode, fn)) return undefined;
      const effect =
        kind === 'update'
          ? 'the handler is abandoned and the client waiting for the update gets an error instead of its result'
          : kind === 'signal'
            ? "the rest of the handler's work is abandoned"
            : "the rest of the handler's work is abandoned (for an update, the client gets an error instead of the result)";
      return { label, effect, registeredAt: call.range[1] };
    }

    /**
     * False when the options set `unfinishedPolicy: HandlerUnfinishedPolicy.ABANDON` (or `'ABANDON'`), or cannot be read
     * (then the rule stays silent).
     */
    function warnsWhenUnfinished(options: TSESTree.Node): boolean {
      const value = evaluate(options, scopeLookup(sourceCode));
      if (value.kind !== 'object') return false;
      const policy = getProperty(value, 'unfinishedPolicy');
      if (policy === 'absent') return true;
      if (policy === 'unknown') return false;
      if (policy.value.kind === 'literal') return policy.value.value !== 'ABANDON';
      const node = policy.valueNode ? unwrapExpression(policy.valueNode) : undefined;
      if (!node) return false;
      const ref = resolver.resolve(node);
      if (
        ref?.kind === 'module' &&
        (isFromPackage(ref.source, WORKFLOW_PACKAGE) || isFromPackage(ref.source, '@temporalio/common')) &&
        ref.path[0] === 'HandlerUnfinishedPolicy'
      ) {
        return ref.path[1] === 'WARN_AND_ABANDON';
      }
      return false;
    }

    function insertBeforeSuggestion(
      statement: TSESTree.Node,
      at: TSESTree.Node,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      return [
        {
          messageId: 'insertWait',
          fix(fixer) {
            const { fixes, localNames } = addNamedImports(fixer, sourceCode, {
              source: WORKFLOW_PACKAGE,
              names: ['condition', 'allHandlersFinished'],
              at,
            });
            const wait = `await ${localNames.condition ?? 'condition'}(${localNames.allHandlersFinished ?? 'allHandlersFinished'});`;
            if (!STATEMENT_LISTS.has(statement.parent?.type ?? '')) {
              // `if (x) return y;`: the statement needs a block around it.
              return [...fixes, fixer.replaceText(statement, `{ ${wait} ${sourceCode.getText(statement)} }`)];
            }
            const indent = lineIndent(sourceCode, statement);
            const text = indent === undefined ? `${wait} ` : `${wait}\n${indent}`;
            return [...fixes, fixer.insertTextBefore(statement, text)];
          },
        },
      ];
    }

    function insertAtEndSuggestion(
      body: TSESTree.BlockStatement,
      closing: TSESTree.Token,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      return [
        {
          messageId: 'insertWait',
          fix(fixer) {
            const last = body.body.at(-1);
            const { fixes, localNames } = addNamedImports(fixer, sourceCode, {
              source: WORKFLOW_PACKAGE,
              names: ['condition', 'allHandlersFinished'],
              at: last ?? body,
            });
            const wait = `await ${localNames.condition ?? 'condition'}(${localNames.allHandlersFinished ?? 'allHandlersFinished'});`;
            const indent = last ? lineIndent(sourceCode, last) : undefined;
            if (last && indent !== undefined && last.loc.end.line < closing.loc.start.line) {
              return [...fixes, fixer.insertTextAfter(last, `\n${indent}${wait}`)];
            }
            return [...fixes, fixer.insertTextBefore(closing, `${wait} `)];
          },
        },
      ];
    }
  },
});

/** Exported functions that are workflow types (by the project model when it knows them, else every export). */
function workflowFunctions(
  sourceCode: SourceCode,
  model: ProjectModel,
  filename: string,
): { fn: FunctionNode; name: string }[] {
  let names: ReadonlySet<string> | undefined;
  try {
    const types = model.workflowTypes();
    if (types) names = typesByFile(types).get(normalisePath(filename)) ?? new Set();
  } catch {
    names = undefined;
  }
  const out: { fn: FunctionNode; name: string }[] = [];
  for (const fn of exportedFunctions(sourceCode)) {
    const name = functionName(fn);
    if (names && !names.has(name)) continue;
    out.push({ fn, name });
  }
  return out;
}

function normalisePath(file: string): string {
  return file.replaceAll('\\', '/');
}

const typeIndexes = new WeakMap<readonly WorkflowType[], Map<string, Set<string>>>();

/** Workflow type names (export keys and function names) by file, built once per model's list of types. */
function typesByFile(types: readonly WorkflowType[]): ReadonlyMap<string, ReadonlySet<string>> {
  let index = typeIndexes.get(types);
  if (!index) {
    index = new Map();
    for (const t of types) {
      const file = normalisePath(t.file);
      let names = index.get(file);
      if (!names) {
        names = new Set();
        index.set(file, names);
      }
      names.add(t.name);
      if (t.functionName) names.add(t.functionName);
    }
    typeIndexes.set(types, index);
  }
  return index;
}

function functionName(fn: FunctionNode): string {
  if (fn.type !== T.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  return 'default';
}

function workflowPath(resolver: ReferenceResolver, callee: TSESTree.Node): string[] | undefined {
  const node = unwrapExpression(callee);
  if (node.type !== T.Identifier && node.type !== T.MemberExpression && node.type !== T.CallExpression) return undefined;
  const ref = resolver.resolve(node);
  return ref?.kind === 'module' && isFromPackage(ref.source, WORKFLOW_PACKAGE) ? ref.path : undefined;
}

function isContinueAsNewPath(path: readonly string[] | undefined): boolean {
  if (!path) return false;
  if (path.length === 1) return path[0] === 'continueAsNew';
  return path.length === 2 && path[0] === 'makeContinueAsNewFunc' && path[1] === '()';
}

/** `await condition(allHandlersFinished)`, `await wf.condition(() => wf.allHandlersFinished() && x, '1m')`. */
function isAllHandlersFinishedWait(resolver: ReferenceResolver, node: TSESTree.AwaitExpression): boolean {
  const call = unwrapExpression(node.argument);
  if (call.type !== T.CallExpression) return false;
  const path = workflowPath(resolver, call.callee);
  if (path?.length !== 1 || path[0] !== 'condition') return false;
  const predicate = call.arguments[0];
  if (!predicate || predicate.type === T.SpreadElement) return false;
  return mentionsAllHandlersFinished(resolver, predicate, 0);
}

function mentionsAllHandlersFinished(resolver: ReferenceResolver, node: TSESTree.Node, depth: number): boolean {
  if (depth > 6) return false;
  const target = unwrapExpression(node);
  if (target.type === T.Identifier || target.type === T.MemberExpression) {
    const path = workflowPath(resolver, target);
    if (path?.length === 1 && path[0] === 'allHandlersFinished') return true;
    return false;
  }
  switch (target.type) {
    case T.ArrowFunctionExpression:
      if (target.body.type !== T.BlockStatement) return mentionsAllHandlersFinished(resolver, target.body, depth + 1);
      return target.body.body.some(
        (s) => s.type === T.ReturnStatement && s.argument !== null && mentionsAllHandlersFinished(resolver, s.argument, depth + 1),
      );
    case T.CallExpression:
      return mentionsAllHandlersFinished(resolver, target.callee, depth + 1);
    case T.LogicalExpression:
      return (
        mentionsAllHandlersFinished(resolver, target.left, depth + 1) ||
        mentionsAllHandlersFinished(resolver, target.right, depth + 1)
      );
    default:
      return false;
  }
}

/** Visit every node of a function body, without entering nested functions or classes. */
function walkOwnBody(sourceCode: SourceCode, root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  walk(
    root,
    sourceCode.visitorKeys,
    (node) => {
      if (node.type === T.ClassDeclaration || node.type === T.ClassExpression) return false;
      visit(node);
      return undefined;
    },
    true,
  );
}

/** True if `fn` awaits in its own body (`await`, `for await`), not only in nested functions. */
function awaitsInside(sourceCode: SourceCode, fn: FunctionNode): boolean {
  let found = false;
  walkOwnBody(sourceCode, fn.body, (node) => {
    if (node.type === T.AwaitExpression || (node.type === T.ForOfStatement && node.await)) found = true;
  });
  return found;
}

/** The innermost statement that contains `node` (or `node` itself). */
function innermostStatement(node: TSESTree.Node): TSESTree.Node {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (isStatement(current)) return current;
  }
  return node;
}

function isStatement(node: TSESTree.Node): boolean {
  return node.type.endsWith('Statement') || node.type.endsWith('Declaration');
}

/**
 * True if the wait runs before `node` on every path that reaches it: the wait's statement sits in a statement list
 * and precedes (in that list) a statement containing `node`, or the wait is in the test of an `if` whose branches
 * contain `node`.
 */
function dominates(wait: TSESTree.Node, waitStatement: TSESTree.Node, node: TSESTree.Node): boolean {
  const list = waitStatement.parent;
  if (!list || !STATEMENT_LISTS.has(list.type)) return false;
  for (let current: TSESTree.Node | undefined = node; current && current !== list; current = current.parent) {
    if (current.parent === list && current !== waitStatement && current.range[0] >= waitStatement.range[1]) return true;
    if (current === waitStatement && current.type === T.IfStatement && node !== current) {
      return wait.range[0] >= current.test.range[0] && wait.range[1] <= current.test.range[1];
    }
  }
  return false;
}

/** Whether execution can fall off the end of `node` (no return, throw, or endless loop on every path). */
function canCompleteNormally(node: TSESTree.Node, resolver: ReferenceResolver): boolean {
  switch (node.type) {
    case T.ReturnStatement:
    case T.ThrowStatement:
      return false;
    case T.BlockStatement:
      return node.body.every((s) => canCompleteNormally(s, resolver));
    case T.IfStatement:
      return !node.alternate || canCompleteNormally(node.consequent, resolver) || canCompleteNormally(node.alternate, resolver);
    case T.TryStatement: {
      if (node.finalizer && !canCompleteNormally(node.finalizer, resolver)) return false;
      return canCompleteNormally(node.block, resolver) || (node.handler ? canCompleteNormally(node.handler.body, resolver) : false);
    }
    case T.WhileStatement:
    case T.DoWhileStatement:
    case T.ForStatement: {
      const test = node.test;
      const endless = !test || (test.type === T.Literal && test.value === true);
      return !endless || containsBreak(node.body);
    }
    case T.LabeledStatement:
      return canCompleteNormally(node.body, resolver) || containsBreak(node.body);
    case T.ExpressionStatement: {
      // `await continueAsNew(...)` never completes.
      const expr = unwrapExpression(node.expression);
      if (expr.type === T.CallExpression && isContinueAsNewPath(workflowPath(resolver, expr.callee))) return false;
      return true;
    }
    default:
      return true;
  }
}

/** A `break` that can leave `node` (any unlabeled break not inside a nested loop/switch, or any labeled break). */
function containsBreak(node: TSESTree.Node): boolean {
  const stack: { node: TSESTree.Node; nested: boolean }[] = [{ node, nested: false }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const current = item.node;
    if (current.type === T.BreakStatement && (current.label !== null || !item.nested)) return true;
    if (isFunctionNode(current)) continue;
    const nested =
      item.nested ||
      current.type === T.WhileStatement ||
      current.type === T.DoWhileStatement ||
      current.type === T.ForStatement ||
      current.type === T.ForInStatement ||
      current.type === T.ForOfStatement ||
      current.type === T.SwitchStatement;
    for (const value of Object.values(current)) {
      if (value === current.parent) continue;
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) stack.push({ node: child, nested: nested && current !== node });
      } else if (isNode(value) && value !== current.parent) {
        stack.push({ node: value, nested: nested && current !== node });
      }
    }
  }
  return false;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
