import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CANCELLABLE_KINDS } from '../sdk/workflow-api.js';
import { createRule } from '../utils/create-rule.js';
import { unwrapExpression, type ReferenceResolver } from '../utils/references.js';
import { isWorkflowApi, temporalExport, temporalPromiseKind, workflowApiPath } from '../utils/workflow-apis.js';
import { isFunctionNode, type FunctionNode } from '../utils/ast.js';
import { getWorkflowCodeContext, unconditionalAwaits, walk } from '../utils/workflow-code.js';

export type Options = [];
export type MessageIds = 'swallowedCancellation' | 'swallowedContinueAsNew';

interface Swallowable {
  cancellation: boolean;
  continueAsNew: boolean;
}

/** `CancellationScope.nonCancellable(fn)`: its promise is shielded from the workflow's cancellation. */
function isNonCancellableScope(resolver: ReferenceResolver, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (isWorkflowApi(resolver, callee, 'CancellationScope', 'nonCancellable')) return true;
  // `new CancellationScope({ cancellable: false }).run(fn)`
  if (callee.type !== T.MemberExpression) return false;
  const object = unwrapExpression(callee.object);
  if (object.type !== T.NewExpression || !isWorkflowApi(resolver, callee, 'CancellationScope', 'new', 'run')) return false;
  const options = object.arguments[0];
  return (
    options?.type === T.ObjectExpression &&
    options.properties.some(
      (p) =>
        p.type === T.Property &&
        !p.computed &&
        p.key.type === T.Identifier &&
        p.key.name === 'cancellable' &&
        p.value.type === T.Literal &&
        p.value.value === false,
    )
  );
}

/** What a promise expression can reject with that a catch-all would swallow. */
function rejections(resolver: ReferenceResolver, expr: TSESTree.Node): Swallowable {
  const node = unwrapExpression(expr);
  if (node.type === T.CallExpression) {
    if (isNonCancellableScope(resolver, node)) return { cancellation: false, continueAsNew: false };
    const callee = unwrapExpression(node.callee);
    if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier) {
      const method = callee.property.name;
      // `Promise.allSettled` never rejects; `p.catch(fn)` / `p.then(f, fn)` are judged on their own
      if (method === 'allSettled') return { cancellation: false, continueAsNew: false };
      const handlerArg = method === 'catch' ? node.arguments[0] : method === 'then' ? node.arguments[1] : undefined;
      if (handlerArg && isFunctionNode(handlerArg)) return { cancellation: false, continueAsNew: false };
    }
  }
  const kind = temporalPromiseKind(resolver, node);
  return {
    cancellation: kind !== undefined && CANCELLABLE_KINDS.has(kind),
    continueAsNew: kind === 'continueAsNew',
  };
}

/** True when the function runs inside `CancellationScope.nonCancellable(...)` (directly passed to it). */
function insideNonCancellable(resolver: ReferenceResolver, node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (isFunctionNode(current) && parent?.type === T.CallExpression) {
      if (parent.arguments.some((a) => a === current) && isNonCancellableScope(resolver, parent)) return true;
    }
  }
  return false;
}

/** Built-ins that only read or format a value: passing the error to them does not hand it on. */
const READING_GLOBALS = new Set(['console', 'String', 'Number', 'Boolean', 'JSON', 'Object', 'Array', 'Math', 'Reflect']);

/** A call that only records or formats the error: `log.*`, sink calls, `console.*`, `String(err)`, `JSON.stringify`. */
function isReadingCall(resolver: ReferenceResolver, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  const path = workflowApiPath(resolver, callee);
  if (path && (path[0] === 'log' || path[0] === 'proxySinks')) return true;
  const ref = resolver.resolve(callee);
  return ref?.kind === 'global' && READING_GLOBALS.has(ref.path[0] ?? '');
}

interface Handling {
  rethrows: boolean;
  checksCancellation: boolean;
  checksContinueAsNew: boolean;
}

/** How a catch body (or a `.catch` callback) deals with the error bound to `param`. */
function analyseHandler(
  resolver: ReferenceResolver,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  body: TSESTree.Node,
  param: TSESTree.Node | null | undefined,
): Handling {
  const result: Handling = { rethrows: false, checksCancellation: false, checksContinueAsNew: false };
  const paramName = param?.type === T.Identifier ? param.name : undefined;
  // throws in the handler itself (not in callbacks it defines)
  walk(
    body,
    visitorKeys,
    (node) => {
      if (node.type === T.ThrowStatement) result.rethrows = true;
      if (node.type === T.CallExpression && paramName !== undefined && !isReadingCall(resolver, node)) {
        // the error is handed on: `reject(err)`, `handleFailure(err)`, `errors.push(err)`
        for (const arg of node.arguments) {
          walk(arg, visitorKeys, (inner) => {
            if (inner.type === T.Identifier && inner.name === paramName) result.rethrows = true;
            return undefined;
          });
        }
      }
      return undefined;
    },
    true,
  );
  // explicit cancellation / continue-as-new checks, anywhere in the handler
  walk(body, visitorKeys, (node) => {
    if (node.type === T.CallExpression && isWorkflowApi(resolver, unwrapExpression(node.callee), 'isCancellation')) {
      result.checksCancellation = true;
    }
    if (node.type === T.BinaryExpression && node.operator === 'instanceof') {
      const ref = temporalExport(resolver, node.right);
      if (ref?.path.length === 1 && ref.path[0] === 'CancelledFailure') result.checksCancellation = true;
      if (ref?.path.length === 1 && ref.path[0] === 'ContinueAsNew') result.checksContinueAsNew = true;
    }
    return undefined;
  });
  return result;
}

type VisitorKeys = TSESLint.SourceCode.VisitorKeys;

/** The awaits a statement always runs (its straight-line parts only). */
function statementAwaits(statement: TSESTree.Node, keys: VisitorKeys): TSESTree.Node[] {
  switch (statement.type) {
    case T.ExpressionStatement:
      return unconditionalAwaits(statement.expression, keys);
    case T.VariableDeclaration:
      return statement.declarations.flatMap((d) => (d.init ? unconditionalAwaits(d.init, keys) : []));
    case T.ReturnStatement:
    case T.ThrowStatement:
      return statement.argument ? unconditionalAwaits(statement.argument, keys) : [];
    case T.IfStatement:
      return unconditionalAwaits(statement.test, keys);
    case T.SwitchStatement:
      return unconditionalAwaits(statement.discriminant, keys);
    case T.ForOfStatement:
    case T.ForInStatement:
      return unconditionalAwaits(statement.right, keys);
    case T.WhileStatement:
      return unconditionalAwaits(statement.test, keys);
    case T.BlockStatement:
      return straightLineAwaits(statement.body, keys);
    case T.TryStatement:
      return straightLineAwaits(statement.block.body, keys);
    default:
      return [];
  }
}

/** Awaits of a statement list up to the first statement that leaves it (`return`, `throw`, `break`, `continue`). */
function straightLineAwaits(statements: readonly TSESTree.Node[], keys: VisitorKeys): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const statement of statements) {
    out.push(...statementAwaits(statement, keys));
    if (leaves(statement)) break;
  }
  return out;
}

function leaves(statement: TSESTree.Node): boolean {
  return (
    statement.type === T.ReturnStatement ||
    statement.type === T.ThrowStatement ||
    statement.type === T.BreakStatement ||
    statement.type === T.ContinueStatement
  );
}

/**
 * True when, after `start` (a statement) completes normally, the function always awaits another cancellable Temporal
 * operation: in a cancelled scope that operation rejects at once with a `CancelledFailure`, so the cancellation a
 * catch-all swallowed surfaces again (`workflow.ts`: `scope.consideredCancelled` checks).
 */
function cancellationResurfaces(
  resolver: ReferenceResolver,
  keys: VisitorKeys,
  start: TSESTree.Node,
  extra: readonly TSESTree.Node[] = [],
): boolean {
  const cancellable = (awaits: readonly TSESTree.Node[]): boolean =>
    awaits.some((a) => a.type === T.AwaitExpression && rejections(resolver, a.argument).cancellation);
  if (cancellable(straightLineAwaits(extra, keys))) return true;
  if (extra.some(leaves)) return false;
  let current: TSESTree.Node = start;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent || isFunctionNode(parent)) return false;
    const siblings: readonly TSESTree.Node[] | undefined =
      parent.type === T.BlockStatement || parent.type === T.Program || parent.type === T.StaticBlock
        ? parent.body
        : parent.type === T.SwitchCase
          ? parent.consequent
          : undefined;
    if (siblings) {
      const after = siblings.slice(siblings.indexOf(current) + 1);
      if (cancellable(straightLineAwaits(after, keys))) return true;
      if (after.some(leaves)) return false;
    }
    if (parent.type === T.TryStatement && parent.finalizer && current !== parent.finalizer) {
      if (cancellable(straightLineAwaits(parent.finalizer.body, keys))) return true;
    }
    // a loop body that ends here may run again or not: only what follows the loop is certain
    current = parent;
  }
}

/** The statement that contains `node` directly in a statement list. */
function enclosingStatement(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    current.parent.type !== T.BlockStatement &&
    current.parent.type !== T.Program &&
    current.parent.type !== T.SwitchCase &&
    current.parent.type !== T.StaticBlock &&
    !isFunctionNode(current.parent)
  ) {
    current = current.parent;
  }
  return current;
}

export default createRule<Options, MessageIds>({
  name: 'workflow-no-swallowed-cancellation',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow catch-alls in workflow code that swallow the cancellation or continue-as-new of awaited Temporal operations',
      recommended: 'warn',
    },
    schema: [],
    messages: {
      swallowedCancellation:
        'This catch-all around {{what}} also catches the `CancelledFailure` of a workflow cancellation and does not rethrow it, so a cancelled workflow can complete as if it succeeded{{why}}. Rethrow the error (test it with `isCancellation(err)`) and run clean-up in `CancellationScope.nonCancellable`.',
      swallowedContinueAsNew:
        'This catch-all swallows the `ContinueAsNew` error that `{{what}}` throws, so the workflow keeps running instead of continuing as new{{why}}. Rethrow it (test with `err instanceof ContinueAsNew`) or move `continueAsNew` out of the `try`.',
    },
  },
  create(context) {
    const wf = getWorkflowCodeContext(context);
    if (!wf) return {};
    const { resolver, why } = wf;
    const { sourceCode } = context;
    const visitorKeys = sourceCode.visitorKeys;

    const report = (
      loc: TSESTree.SourceLocation,
      swallowable: Swallowable,
      handling: Handling,
      whatCancel: string,
      whatCan: string,
      shielded: () => boolean,
    ): void => {
      if (handling.rethrows) return;
      if (swallowable.cancellation && !handling.checksCancellation && !shielded()) {
        context.report({ loc, messageId: 'swallowedCancellation', data: { what: whatCancel, why } });
      }
      if (swallowable.continueAsNew && !handling.checksContinueAsNew) {
        context.report({ loc, messageId: 'swallowedContinueAsNew', data: { what: whatCan, why } });
      }
    };

    return {
      CatchClause(handler) {
        const tryStatement = handler.parent;
        const swallowable: Swallowable = { cancellation: false, continueAsNew: false };
        let whatCancel = '';
        let whatCan = '';
        walk(
          tryStatement.block,
          visitorKeys,
          (node) => {
            if (node.type !== T.AwaitExpression) return undefined;
            const r = rejections(resolver, node.argument);
            if (r.cancellation && !swallowable.cancellation) {
              swallowable.cancellation = true;
              whatCancel = `\`${describe(sourceCode, node.argument)}\``;
            }
            if (r.continueAsNew && !swallowable.continueAsNew) {
              swallowable.continueAsNew = true;
              whatCan = describe(sourceCode, node.argument);
            }
            return undefined;
          },
          true,
        );
        if (!swallowable.cancellation && !swallowable.continueAsNew) return;
        const handling = analyseHandler(resolver, visitorKeys, handler.body, handler.param);
        const catchToken = sourceCode.getFirstToken(handler);
        const end = handler.param ? sourceCode.getTokenAfter(handler.param) : catchToken;
        if (!catchToken || !end) return;
        const loc = { start: catchToken.loc.start, end: end.loc.end };
        report(
          loc,
          swallowable,
          handling,
          whatCancel,
          whatCan,
          () =>
            insideNonCancellable(resolver, handler) ||
            cancellationResurfaces(resolver, visitorKeys, tryStatement, handler.body.body),
        );
      },

      CallExpression(call) {
        const callee = unwrapExpression(call.callee);
        if (callee.type !== T.MemberExpression || callee.computed || callee.property.type !== T.Identifier) return;
        const method = callee.property.name;
        const handlerArg = method === 'catch' ? call.arguments[0] : method === 'then' ? call.arguments[1] : undefined;
        if (!handlerArg || !isFunctionNode(handlerArg)) return;
        const swallowable = rejections(resolver, callee.object);
        if (!swallowable.cancellation && !swallowable.continueAsNew) return;
        const fn: FunctionNode = handlerArg;
        const handling = analyseHandler(resolver, visitorKeys, fn.body, fn.params[0]);
        const what = describe(sourceCode, callee.object);
        report(
          fn.loc,
          swallowable,
          handling,
          `\`${what}\``,
          what,
          () =>
            insideNonCancellable(resolver, call) ||
            cancellationResurfaces(resolver, visitorKeys, enclosingStatement(call)),
        );
      },
    };
  },
});

/** Short display text of the awaited operation (`greet(...)`, `sleep(...)`). */
function describe(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  let current = unwrapExpression(node);
  while (current.type === T.CallExpression) {
    const callee = unwrapExpression(current.callee);
    if (
      callee.type === T.MemberExpression &&
      !callee.computed &&
      callee.property.type === T.Identifier &&
      ['then', 'catch', 'finally'].includes(callee.property.name)
    ) {
      current = unwrapExpression(callee.object);
      continue;
    }
    const text = sourceCode.getText(callee).replace(/\s+/g, ' ');
    return `${text.length > 50 ? `${text.slice(0, 47)}...` : text}(...)`;
  }
  const text = sourceCode.getText(current).replace(/\s+/g, ' ');
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}
