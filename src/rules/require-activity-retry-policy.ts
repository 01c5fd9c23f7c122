import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { durationToMs } from '../sdk/duration.js';
import { findActivityProxy, proxyFunctionOf } from '../utils/activity-proxies.js';
import { createRule } from '../utils/create-rule.js';
import { insertProperty, isInFile } from '../utils/object-fixes.js';
import { isFromPackage, isGlobal, type ReferenceResolver } from '../utils/references.js';
import { getProperty, type StaticValue } from '../utils/static-value.js';
import { createTemporalOptionsContext, mayUseTemporal, propertyValue, type TemporalOptionsContext } from '../utils/temporal-options.js';

export type Mode = 'handled-failures' | 'always';
export type Options = [{ mode?: Mode }];
export type MessageIds = 'unboundedRetriesHandled' | 'unboundedRetries' | 'addScheduleToCloseTimeout' | 'addMaximumAttempts';

const SCHEDULE_TO_CLOSE_PLACEHOLDER = "'10 minutes'";
const MAXIMUM_ATTEMPTS_PLACEHOLDER = '3';

type Bound = 'bounded' | 'unbounded' | 'unknown';

interface RetryFacts {
  bound: Bound;
  /** `retry.maximumAttempts: Infinity` written out: an explicit choice of unlimited attempts. */
  explicitUnlimited: boolean;
}

function combine(a: Bound, b: Bound): Bound {
  if (a === 'bounded' || b === 'bounded') return 'bounded';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return 'unbounded';
}

/**
 * Are ordinary failures of activities with these options retried a bounded number of times?
 * Bounded by a non-zero `scheduleToCloseTimeout` or a finite `retry.maximumAttempts` (the server default is unlimited).
 */
function retryFacts(ctx: TemporalOptionsContext, options: StaticValue): RetryFacts {
  if (options.kind !== 'object') return { bound: 'unknown', explicitUnlimited: false };
  // Absent keys leave retries unbounded; in partial overrides they simply add nothing (see `combine`).
  let bound: Bound = 'unbounded';
  let explicitUnlimited = false;

  const schedule = getProperty(options, 'scheduleToCloseTimeout');
  if (schedule === 'unknown') bound = combine(bound, 'unknown');
  else if (schedule !== 'absent') {
    const value = propertyValue(ctx, schedule);
    if (value.kind === 'literal') {
      const ms = durationToMs(value.value);
      const unset = value.value === undefined || value.value === null || ms === 0;
      bound = combine(bound, unset ? 'unbounded' : 'bounded');
    } else bound = combine(bound, value.kind === 'unknown' ? 'unknown' : 'bounded');
  }

  const retry = getProperty(options, 'retry');
  if (retry === 'unknown') bound = combine(bound, 'unknown');
  else if (retry !== 'absent') {
    const policy = retry.value;
    if (policy.kind === 'object') {
      const attempts = getProperty(policy, 'maximumAttempts');
      if (attempts === 'unknown') bound = combine(bound, 'unknown');
      else if (attempts !== 'absent') {
        const value = propertyValue(ctx, attempts);
        if (value.kind === 'literal') {
          const raw = value.value;
          if (raw === Number.POSITIVE_INFINITY) explicitUnlimited = true;
          const unlimited = raw === undefined || raw === null || raw === Number.POSITIVE_INFINITY;
          bound = combine(bound, unlimited ? 'unbounded' : 'bounded');
        } else bound = combine(bound, 'unknown');
      }
    } else if (policy.kind === 'unknown') bound = combine(bound, 'unknown');
  }
  return { bound, explicitUnlimited };
}

type Handler = 'try' | 'catch' | 'allSettled';

const PASS_THROUGH = new Set<string>([
  T.ChainExpression,
  T.TSAsExpression,
  T.TSNonNullExpression,
  T.TSSatisfiesExpression,
  T.TSTypeAssertion,
  T.ConditionalExpression,
  T.LogicalExpression,
  T.SequenceExpression,
  T.ArrayExpression,
  T.SpreadElement,
]);

function memberName(node: TSESTree.Node): string | undefined {
  if (node.type !== T.MemberExpression) return undefined;
  if (!node.computed && node.property.type === T.Identifier) return node.property.name;
  return undefined;
}

function isFunction(node: TSESTree.Node): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration {
  return node.type === T.ArrowFunctionExpression || node.type === T.FunctionExpression || node.type === T.FunctionDeclaration;
}

/**
 * How the workflow handles a failure of the promise `call`: inside a `try` with a `catch` (awaited there), with a
 * `.catch` / two-argument `.then`, or in `Promise.allSettled`. Follows the promise through `await`, `Promise.all`,
 * arrays, and callbacks of `.map` / `CancellationScope` helpers; stops where it is stored or passed elsewhere.
 */
function failureHandler(resolver: ReferenceResolver, call: TSESTree.CallExpression): Handler | undefined {
  let node: TSESTree.Node = call;
  let awaited = false;
  for (let depth = 0; depth < 200; depth++) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (PASS_THROUGH.has(parent.type)) {
      node = parent;
      continue;
    }
    switch (parent.type) {
      case T.AwaitExpression:
        awaited = true;
        node = parent;
        continue;
      case T.MemberExpression: {
        if (parent.object !== node) return undefined;
        const name = memberName(parent);
        const outer: TSESTree.Node = parent.parent;
        if (outer.type !== T.CallExpression || outer.callee !== parent) return undefined;
        if (name === 'catch' || (name === 'then' && outer.arguments.length >= 2)) {
          const handler = outer.arguments[name === 'catch' ? 0 : 1];
          return handlerHandlesFailures(resolver, handler) ? 'catch' : undefined;
        }
        if (name === 'then' || name === 'finally') {
          node = outer;
          continue;
        }
        return undefined;
      }
      case T.CallExpression: {
        if (parent.callee === node) return undefined;
        const ref = resolver.resolve(parent.callee);
        if (isGlobal(ref, 'Promise', 'allSettled')) return 'allSettled';
        if (isGlobal(ref, 'Promise', 'all') || isGlobal(ref, 'Promise', 'race') || isGlobal(ref, 'Promise', 'any')) {
          node = parent;
          continue;
        }
        // An awaited value passed on has already thrown; a promise passed on goes where we cannot follow.
        if (awaited) {
          node = parent;
          continue;
        }
        return undefined;
      }
      case T.ArrowFunctionExpression:
      case T.FunctionExpression:
      case T.FunctionDeclaration:
      case T.BlockStatement:
      case T.ExpressionStatement:
      case T.ReturnStatement:
      case T.VariableDeclarator:
      case T.VariableDeclaration:
      case T.AssignmentExpression:
      case T.IfStatement:
      case T.ForStatement:
      case T.ForOfStatement:
      case T.ForInStatement:
      case T.WhileStatement:
      case T.DoWhileStatement:
      case T.SwitchCase:
      case T.SwitchStatement:
      case T.LabeledStatement:
      case T.CatchClause:
        if (isFunction(parent)) {
          if (parent.type === T.FunctionDeclaration) return undefined;
          const outer: TSESTree.Node = parent.parent;
          if (outer.type !== T.CallExpression || !outer.arguments.includes(parent)) return undefined;
          if (!isCallbackCarrier(resolver, outer)) return undefined;
          node = outer;
          awaited = false;
          continue;
        }
        // Leaving an expression for a statement: only an awaited failure is thrown here.
        if (!awaited && parent.type !== T.BlockStatement && !isExpressionContainer(parent)) return undefined;
        node = parent;
        continue;
      case T.TryStatement:
        if (parent.block === node && parent.handler && awaited) {
          return catchHandlesFailures(resolver, parent.handler.param, parent.handler.body.body) ? 'try' : undefined;
        }
        node = parent;
        continue;
      default:
        return undefined;
    }
  }
  return undefined;
}

/** `isCancellation(e)` / `e instanceof CancelledFailure` (Temporal's), possibly negated: `true`, `false` (negated) or undefined. */
function cancellationTest(resolver: ReferenceResolver, test: TSESTree.Expression, param: string): boolean | undefined {
  if (test.type === T.UnaryExpression && test.operator === '!') {
    const inner = cancellationTest(resolver, test.argument, param);
    return inner === undefined ? undefined : !inner;
  }
  if (test.type === T.CallExpression) {
    const ref = resolver.resolveModule(test.callee);
    const arg = test.arguments[0];
    const isCheck = ref !== undefined && isFromPackage(ref.source, '@temporalio/workflow') && ref.path.length === 1 && ref.path[0] === 'isCancellation';
    return isCheck && arg?.type === T.Identifier && arg.name === param ? true : undefined;
  }
  if (test.type === T.BinaryExpression && test.operator === 'instanceof') {
    if (test.left.type !== T.Identifier || test.left.name !== param) return undefined;
    const ref = resolver.resolveModule(test.right);
    const isCancelled = ref !== undefined && ref.source.startsWith('@temporalio/') && ref.path.length === 1 && ref.path[0] === 'CancelledFailure';
    return isCancelled ? true : undefined;
  }
  return undefined;
}

function asStatements(node: TSESTree.Statement | null | undefined): TSESTree.Statement[] {
  if (!node) return [];
  return node.type === T.BlockStatement ? node.body : [node];
}

/**
 * Does the handler do something for ordinary (non-cancellation) failures? A handler whose non-cancellation path only
 * rethrows (`if (isCancellation(err)) { ... } throw err;`, the samples' cancellation idiom) does not.
 */
function catchHandlesFailures(
  resolver: ReferenceResolver,
  param: TSESTree.Node | null | undefined,
  body: readonly TSESTree.Statement[],
): boolean {
  if (param?.type !== T.Identifier) return true;
  const name = param.name;
  const onlyRethrows = (statements: readonly TSESTree.Statement[], depth: number): boolean => {
    if (depth > 8) return false;
    const [first, ...rest] = statements;
    if (!first) return false;
    if (first.type === T.ThrowStatement) return first.argument.type === T.Identifier && first.argument.name === name;
    if (first.type === T.IfStatement) {
      const test = cancellationTest(resolver, first.test, name);
      if (test === true) return onlyRethrows([...asStatements(first.alternate), ...rest], depth + 1);
      if (test === false) return onlyRethrows([...asStatements(first.consequent), ...rest], depth + 1);
    }
    return false;
  };
  return !onlyRethrows(body, 0);
}

function handlerHandlesFailures(resolver: ReferenceResolver, handler: TSESTree.Node | undefined): boolean {
  if (handler?.type !== T.ArrowFunctionExpression && handler?.type !== T.FunctionExpression) return true;
  if (handler.body.type !== T.BlockStatement) return true;
  return catchHandlesFailures(resolver, handler.params[0], handler.body.body);
}

function isExpressionContainer(node: TSESTree.Node): boolean {
  return node.type === T.VariableDeclarator || node.type === T.AssignmentExpression;
}

/** Calls whose callback's rejection flows into their result: `.map`, `.flatMap`, `CancellationScope` helpers. */
function isCallbackCarrier(resolver: ReferenceResolver, call: TSESTree.CallExpression): boolean {
  const name = memberName(call.callee);
  if (name === 'map' || name === 'flatMap' || name === 'run') return true;
  const ref = resolver.resolveModule(call.callee);
  return (
    ref !== undefined &&
    isFromPackage(ref.source, '@temporalio/workflow') &&
    ref.path[0] === 'CancellationScope' &&
    ['cancellable', 'nonCancellable', 'withTimeout'].includes(ref.path[1] ?? '')
  );
}

const HANDLER_TEXT: Readonly<Record<Handler, string>> = {
  try: 'the `catch` block around it only runs',
  catch: 'its rejection handler only runs',
  allSettled: '`Promise.allSettled` only sees it rejected',
};

export default createRule<Options, MessageIds>({
  name: 'require-activity-retry-policy',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a bound on activity retries where the workflow handles activity failures',
      recommended: 'warn',
      strict: { severity: 'warn', options: { mode: 'always' } },
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          mode: {
            type: 'string',
            enum: ['handled-failures', 'always'],
            description:
              "`'handled-failures'`: report activity calls whose failure the workflow handles while retries are unbounded. `'always'`: report every `proxyActivities` / `proxyLocalActivities` call whose options leave retries unbounded.",
          },
        },
      },
    ],
    defaultOptions: [{ mode: 'handled-failures' }],
    messages: {
      unboundedRetriesHandled:
        '`{{name}}` retries forever on ordinary failures (its options set no finite `retry.maximumAttempts` and no `scheduleToCloseTimeout`), so {{handler}} for non-retryable failures and cancellation.',
      unboundedRetries:
        'Activities from this `{{proxy}}` call retry forever on ordinary failures: bound them with `scheduleToCloseTimeout` (what Temporal recommends) or `retry.maximumAttempts`.',
      addScheduleToCloseTimeout: 'Add `scheduleToCloseTimeout: {{placeholder}}` (then choose the real limit).',
      addMaximumAttempts: 'Add `retry: { maximumAttempts: {{placeholder}} }` (then choose the real limit).',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!mayUseTemporal(context)) return {};
    const ctx = createTemporalOptionsContext(context);
    const mode: Mode = options.mode ?? 'handled-failures';

    const suggestions = (
      value: StaticValue,
    ): TSESLint.ReportSuggestionArray<MessageIds> => {
      if (value.kind !== 'object' || !value.complete || value.node.type !== T.ObjectExpression) return [];
      const object = value.node;
      if (!isInFile(sourceCode, object)) return [];
      const result: TSESLint.ReportSuggestionArray<MessageIds> = [];
      const schedule = getProperty(value, 'scheduleToCloseTimeout');
      if (schedule === 'absent') {
        result.push({
          messageId: 'addScheduleToCloseTimeout',
          data: { placeholder: SCHEDULE_TO_CLOSE_PLACEHOLDER },
          fix: (fixer) => insertProperty(fixer, sourceCode, object, `scheduleToCloseTimeout: ${SCHEDULE_TO_CLOSE_PLACEHOLDER}`),
        });
      }
      const retry = getProperty(value, 'retry');
      if (retry === 'absent') {
        result.push({
          messageId: 'addMaximumAttempts',
          data: { placeholder: MAXIMUM_ATTEMPTS_PLACEHOLDER },
          fix: (fixer) => insertProperty(fixer, sourceCode, object, `retry: { maximumAttempts: ${MAXIMUM_ATTEMPTS_PLACEHOLDER} }`),
        });
      } else if (retry !== 'unknown' && retry.value.kind === 'object' && retry.value.complete) {
        const policy = retry.value.node;
        if (
          policy.type === T.ObjectExpression &&
          isInFile(sourceCode, policy) &&
          getProperty(retry.value, 'maximumAttempts') === 'absent'
        ) {
          result.push({
            messageId: 'addMaximumAttempts',
            data: { placeholder: MAXIMUM_ATTEMPTS_PLACEHOLDER },
            fix: (fixer) => insertProperty(fixer, sourceCode, policy, `maximumAttempts: ${MAXIMUM_ATTEMPTS_PLACEHOLDER}`),
          });
        }
      }
      return result;
    };

    if (mode === 'always') {
      return {
        CallExpression(node) {
          try {
            const proxy = proxyFunctionOf(ctx.resolver, node);
            const arg = node.arguments[0];
            if (!proxy || !arg || arg.type === T.SpreadElement) return;
            const value = ctx.evaluate(arg);
            const facts = retryFacts(ctx, value);
            if (facts.bound !== 'unbounded' || facts.explicitUnlimited) return;
            context.report({ node: arg, messageId: 'unboundedRetries', data: { proxy }, suggest: suggestions(value) });
          } catch {
            // a rule never throws
          }
        },
      };
    }

    return {
      CallExpression(node) {
        try {
          const proxy = findActivityProxy(ctx.resolver, sourceCode, node.callee);
          if (!proxy?.optionsNode) return;
          const handler = failureHandler(ctx.resolver, node);
          if (!handler) return;
          const base = ctx.evaluate(proxy.optionsNode);
          let bound = retryFacts(ctx, base).bound;
          if (proxy.withOptions) {
            const overrides = node.arguments[0];
            const overrideBound =
              overrides && overrides.type !== T.SpreadElement ? retryFacts(ctx, ctx.evaluate(overrides)).bound : 'unknown';
            bound = combine(bound, overrideBound);
          }
          if (bound !== 'unbounded') return;
          context.report({
            node: node.callee,
            messageId: 'unboundedRetriesHandled',
            data: { name: proxy.activityName ?? 'activity', handler: HANDLER_TEXT[handler] },
            suggest: suggestions(base),
          });
        } catch {
          // a rule never throws
        }
      },
    };
  },
});
