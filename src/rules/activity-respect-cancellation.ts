import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils } from '@typescript-eslint/utils';
import { getFileInfo, getProjectModel } from '../project/index.js';
import { ACTIVITY_PACKAGE } from '../sdk/activity-api.js';
import { lookupHttpCall, type HttpCall } from '../sdk/http-clients.js';
import { stripTypeWrappers } from '../utils/ast.js';
import { ActivityCode, canUseActivityExport, isCancellationSource, memberName, someOwn, walk } from '../utils/activity-code.js';
import { createRule } from '../utils/create-rule.js';
import { addNamedImport, hasCommentInside, lineIndent } from '../utils/fixers.js';
import { insertProperty } from '../utils/object-fixes.js';
import { fileResolver } from '../utils/references.js';
import { evaluate, getProperty, scopeLookup } from '../utils/static-value.js';

export type Options = [{ requireAbortSignal?: boolean }];
export type MessageIds = 'swallowedCancellation' | 'missingAbortSignal' | 'rethrowCancellation' | 'passAbortSignal';

/** Names whose presence in a `catch` shows it handles cancellation on purpose. */
const CANCELLATION_NAMES = new Set(['CancelledFailure', 'isCancellation', 'AbortError', 'isAbortError', 'cancellationSignal', 'cancellationDetails']);
const LOG_METHODS = new Set(['log', 'trace', 'debug', 'info', 'warn', 'error']);

export default createRule<Options, MessageIds>({
  name: 'activity-respect-cancellation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require activities to let cancellation through: rethrow `CancelledFailure` and pass the abort signal on',
      recommended: 'warn',
      strict: { severity: 'warn', options: { requireAbortSignal: true } },
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requireAbortSignal: {
            type: 'boolean',
            description:
              'Also report HTTP calls (`fetch`, `axios`, `got`, `undici`) in activities that do not pass the activity\'s `AbortSignal`.',
          },
        },
      },
    ],
    defaultOptions: [{ requireAbortSignal: false }],
    messages: {
      swallowedCancellation:
        'This `catch` also catches the `CancelledFailure` (or abort error) that cancellation raises, and never rethrows: the activity then reports success instead of being cancelled (and completes instead of pausing or resetting). Rethrow when the activity is cancelled.',
      missingAbortSignal:
        "`{{call}}` does not get the activity's `AbortSignal`: when the activity is cancelled, times out or its worker shuts down, the request keeps running until it ends on its own. Pass `signal: cancellationSignal()` from `@temporalio/activity`.",
      rethrowCancellation: 'Rethrow the error first when `cancellationSignal().aborted`.',
      passAbortSignal: 'Pass `signal: cancellationSignal()`.',
    },
  },
  create(context, [options]) {
    if (!getFileInfo(context).has('activity')) return {};
    const sourceCode = context.sourceCode;
    const model = getProjectModel(context);
    const resolver = fileResolver(sourceCode, context.filename, model);
    const code = ActivityCode.for(sourceCode);
    if (code.activities.size === 0) return {};
    const lookup = scopeLookup(sourceCode);

    // ---------------------------------------------------------------------------------------------------------------
    // Swallowed cancellation

    /** The `try` block can raise cancellation: it awaits and uses `sleep()`/`cancelled()`/the signal (or a helper does). */
    function tryRaisesCancellation(block: TSESTree.BlockStatement): boolean {
      const awaits = someOwn(block, (n) => n.type === T.AwaitExpression || (n.type === T.ForOfStatement && n.await));
      if (!awaits) return false;
      return code.find(block, 'cancellation', (n) => isCancellationSource(n, resolver)) !== undefined;
    }

    function isLoggingCall(call: TSESTree.CallExpression): boolean {
      const callee = stripTypeWrappers(call.callee);
      if (callee.type !== T.MemberExpression) return false;
      const method = memberName(callee);
      if (method === undefined || !LOG_METHODS.has(method)) return false;
      return true;
    }

    /** The catch deals with cancellation: rethrows, checks for it, or hands the error to code that may rethrow it. */
    function handlesCancellation(clause: TSESTree.CatchClause): boolean {
      return handlerDealsWithError(clause.param, clause.body);
    }

    /** A handler (`catch (err) {...}` or `.catch((err) => ...)`) rethrows, checks for cancellation, or passes the error on. */
    function handlerDealsWithError(param: TSESTree.Node | null | undefined, body: TSESTree.Node): boolean {
      const paramVariable = param?.type === T.Identifier ? ASTUtils.findVariable(sourceCode.getScope(body), param) : undefined;
      const passedOn =
        paramVariable?.references.some((reference) => {
          const parent = reference.identifier.parent;
          if (parent.type !== T.CallExpression && parent.type !== T.NewExpression) return false;
          if (parent.callee === reference.identifier) return false;
          return !(parent.type === T.CallExpression && isLoggingCall(parent));
        }) ?? false;
      if (passedOn) return true;
      return someOwn(body, (node) => {
        if (node.type === T.ThrowStatement) return true;
        // `.catch((e) => Promise.reject(e))`
        if (node.type === T.CallExpression && node.callee.type === T.MemberExpression && memberName(node.callee) === 'reject') return true;
        if (node.type === T.Identifier) return CANCELLATION_NAMES.has(node.name);
        if (node.type === T.MemberExpression) return memberName(node) === 'aborted';
        if (node.type === T.Literal) return node.value === 'AbortError' || node.value === 'CancelledFailure';
        return false;
      });
    }

    function rethrowSuggestion(clause: TSESTree.CatchClause): TSESLint.ReportSuggestionArray<MessageIds> {
      const param = clause.param;
      if (param && param.type !== T.Identifier) return [];
      if (!canUseActivityExport(sourceCode, 'cancellationSignal', clause.body)) return [];
      let name = param?.name;
      if (name === undefined) {
        const used = new Set<string>();
        walk(clause.body, (n) => {
          if (n.type === T.Identifier) used.add(n.name);
          return undefined;
        });
        name = ['err', 'error', 'e'].find((candidate) => !used.has(candidate));
        if (name === undefined) return [];
      }
      const errorName = name;
      const open = sourceCode.getFirstToken(clause.body);
      if (!open) return [];
      const first = clause.body.body[0];
      const clauseIndent = lineIndent(sourceCode, clause) ?? lineIndent(sourceCode, clause.parent) ?? '';
      const indent = (first && first.loc.start.line !== open.loc.start.line ? lineIndent(sourceCode, first) : undefined) ?? `${clauseIndent}  `;
      const sameLine = first !== undefined ? first.loc.start.line === open.loc.start.line : open.loc.start.line === clause.body.loc.end.line;
      return [
        {
          messageId: 'rethrowCancellation',
          fix: (fixer) => {
            const { fixes, localName } = addNamedImport(fixer, sourceCode, { source: ACTIVITY_PACKAGE, name: 'cancellationSignal', at: clause.body });
            const statement = `if (${localName}().aborted) throw ${errorName};`;
            const result = [...fixes, fixer.insertTextAfter(open, sameLine ? ` ${statement}${first ? '' : ' '}` : `\n${indent}${statement}`)];
            if (!param) {
              const catchToken = sourceCode.getFirstToken(clause);
              if (catchToken) result.push(fixer.insertTextAfter(catchToken, ` (${errorName})`));
            }
            return result;
          },
        },
      ];
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Abort signal on HTTP calls

    function httpCallOf(call: TSESTree.CallExpression): HttpCall | undefined {
      const ref = resolver.resolve(call.callee);
      if (!ref) return undefined;
      const first = call.arguments[0];
      const firstIsObject = first !== undefined && stripTypeWrappers(first).type === T.ObjectExpression;
      return lookupHttpCall(ref.kind === 'module' ? ref.source : undefined, ref.path, firstIsObject);
    }

    function signalSuggestion(call: TSESTree.CallExpression, http: HttpCall, options: TSESTree.Node | undefined): TSESLint.ReportSuggestionArray<MessageIds> {
      if (!http.suggest || call.arguments.some((a) => a.type === T.SpreadElement)) return [];
      if (!canUseActivityExport(sourceCode, 'cancellationSignal', call)) return [];
      if (hasCommentInside(sourceCode, call.range)) return [];
      if (options !== undefined && stripTypeWrappers(options).type !== T.ObjectExpression) return [];
      if (options === undefined && call.arguments.length === 0) return [];
      return [
        {
          messageId: 'passAbortSignal',
          fix: (fixer) => {
            const { fixes, localName } = addNamedImport(fixer, sourceCode, { source: ACTIVITY_PACKAGE, name: 'cancellationSignal', at: call });
            const property = `signal: ${localName}()`;
            if (options) {
              return [...fixes, insertProperty(fixer, sourceCode, stripTypeWrappers(options) as TSESTree.ObjectExpression, property)];
            }
            const last = call.arguments[call.arguments.length - 1];
            if (!last) return fixes;
            const parts = [...Array<string>(Math.max(0, http.optionsIndex - call.arguments.length)).fill('undefined'), `{ ${property} }`];
            const after = sourceCode.getTokenAfter(last);
            return after?.value === ','
              ? [...fixes, fixer.insertTextAfter(after, ` ${parts.join(', ')},`)]
              : [...fixes, fixer.insertTextAfter(last, `, ${parts.join(', ')}`)];
          },
        },
      ];
    }

    function checkHttpCall(call: TSESTree.CallExpression): void {
      if (!code.enclosingActivity(call)) return;
      const http = httpCallOf(call);
      if (!http) return;
      const options = call.arguments[http.optionsIndex];
      if (options?.type === T.SpreadElement) return;
      if (options) {
        const value = evaluate(options, lookup);
        if (value.kind !== 'object') return;
        if (getProperty(value, 'signal') !== 'absent') return;
      } else if (call.arguments.some((a) => a.type === T.SpreadElement)) {
        return;
      }
      context.report({
        node: call,
        messageId: 'missingAbortSignal',
        data: { call: http.display },
        suggest: signalSuggestion(call, http, options),
      });
    }

    /** `await sleep(ms).catch(() => undefined)`: a rejection handler that swallows cancellation. */
    function checkPromiseCatch(call: TSESTree.CallExpression): void {
      const callee = stripTypeWrappers(call.callee);
      if (callee.type !== T.MemberExpression || memberName(callee) !== 'catch') return;
      const handler = call.arguments[0] ? stripTypeWrappers(call.arguments[0]) : undefined;
      if (!handler || (handler.type !== T.ArrowFunctionExpression && handler.type !== T.FunctionExpression)) return;
      if (!code.enclosingActivity(call)) return;
      if (code.find(callee.object, 'cancellation', (n) => isCancellationSource(n, resolver)) === undefined) return;
      if (handlerDealsWithError(handler.params[0], handler.body)) return;
      context.report({ node: callee.property, messageId: 'swallowedCancellation' });
    }

    return {
      CatchClause(clause) {
        if (!code.enclosingActivity(clause)) return;
        const statement = clause.parent;
        if (!tryRaisesCancellation(statement.block)) return;
        if (handlesCancellation(clause)) return;
        const catchToken = sourceCode.getFirstToken(clause);
        const end = clause.param ? sourceCode.getTokenAfter(clause.param) : catchToken;
        context.report({
          node: clause,
          loc: catchToken && end ? { start: catchToken.loc.start, end: end.loc.end } : clause.loc,
          messageId: 'swallowedCancellation',
          suggest: rethrowSuggestion(clause),
        });
      },
      CallExpression(call) {
        if (options.requireAbortSignal === true) checkHttpCall(call);
        checkPromiseCatch(call);
      },
    };
  },
});
