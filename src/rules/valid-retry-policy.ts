import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { FAILURE_TEXT, TIMEOUT_FAILURE_PREFIX, TIMEOUT_TYPES, type FailurePoint } from '../sdk/duration-options.js';
import { durationToMs } from '../sdk/duration.js';
import { createRule } from '../utils/create-rule.js';
import { hasCommentInside } from '../utils/fixers.js';
import { isInFile } from '../utils/object-fixes.js';
import type { StaticProperty, StaticValue } from '../utils/static-value.js';
import {
  createTemporalOptionsContext,
  mayUseTemporal,
  forEachRetryPolicy,
  propertyValue,
  reportNodeOf,
  reportOnce,
  temporalOptionsListener,
  type RetryPolicyValue,
} from '../utils/temporal-options.js';

export type Options = [];
export type MessageIds =
  | 'maximumAttemptsZero'
  | 'maximumAttemptsInvalid'
  | 'backoffCoefficientNotPositive'
  | 'backoffCoefficientBelowOne'
  | 'backoffCoefficientIgnored'
  | 'zeroInterval'
  | 'maximumBelowInitial'
  | 'errorTypesNotArray'
  | 'errorTypeNotString'
  | 'invalidTimeoutType'
  | 'useInfinity'
  | 'wrapInArray'
  | 'useClassName';

/** `RetryPolicy.initialInterval` when omitted (`common/src/retry-policy.ts`: `retryPolicy.initialInterval ?? 1000`). */
const DEFAULT_INITIAL_INTERVAL_MS = 1000;

const SERVER_CONSEQUENCE: Readonly<Record<FailurePoint, string>> = {
  workflowTask: ', failing the workflow task',
  client: ', so the client call throws',
  schedule: '',
  worker: '',
  activity: '',
  test: '',
  failure: '',
  unknown: '',
};

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

export default createRule<Options, MessageIds>({
  name: 'valid-retry-policy',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require retry policies that the Temporal SDK and server accept',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      maximumAttemptsZero:
        '`maximumAttempts: 0` does not mean unlimited in the TypeScript SDK: `compileRetryPolicy` throws `RetryPolicy.maximumAttempts must be a positive integer`, so {{failure}}. Omit it or use `Infinity` for unlimited attempts.',
      maximumAttemptsInvalid:
        '`maximumAttempts: {{value}}` is not a positive integer: `compileRetryPolicy` throws a `ValueError`, so {{failure}}.',
      backoffCoefficientNotPositive:
        '`backoffCoefficient: {{value}}` is not greater than 0: `compileRetryPolicy` throws `RetryPolicy.backoffCoefficient must be greater than 0`, so {{failure}}.',
      backoffCoefficientBelowOne:
        '`backoffCoefficient: {{value}}` is below 1: the server rejects the retry policy (`BackoffCoefficient cannot be less than 1`){{consequence}}.',
      backoffCoefficientIgnored:
        '`backoffCoefficient: {{value}}` is below 1: local activities silently use the default coefficient of 2 instead.',
      zeroInterval: '`{{key}}: {{value}}` is not allowed: `compileRetryPolicy` throws `RetryPolicy.{{key}} cannot be 0`, so {{failure}}.',
      maximumBelowInitial:
        '`maximumInterval` ({{maximum}}) is shorter than `initialInterval` ({{initial}}): `compileRetryPolicy` throws `RetryPolicy.maximumInterval cannot be less than its initialInterval`, so {{failure}}.',
      errorTypesNotArray:
        '`nonRetryableErrorTypes` must be an array of error type names, not {{value}}: the SDK does not wrap a single value, so the intended type is not matched.',
      errorTypeNotString:
        '`nonRetryableErrorTypes` entries are compared with `ApplicationFailure.type` strings: {{value}} is not a string and never matches.',
      invalidTimeoutType:
        '`{{value}}` names no timeout type: the server accepts `TemporalTimeout:StartToClose`, `ScheduleToStart`, `ScheduleToClose` or `Heartbeat` and rejects the retry policy otherwise.',
      useInfinity: 'Use `maximumAttempts: Infinity` (unlimited attempts, what `0` means on the wire).',
      wrapInArray: 'Use `[{{value}}]`.',
      useClassName: "Use the class name as a string: `'{{name}}'`.",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    if (!mayUseTemporal(context)) return {};
    const ctx = createTemporalOptionsContext(context);
    const once = reportOnce();

    const localNode = (node: TSESTree.Node | undefined): node is TSESTree.Node => node !== undefined && isInFile(sourceCode, node);
    const literalNode = (node: TSESTree.Node | undefined): node is TSESTree.Node =>
      localNode(node) && (node.type === T.Literal || node.type === T.TemplateLiteral) && !hasCommentInside(sourceCode, node.range);

    const valueOf = (policy: StaticValue, key: string): { prop: StaticProperty; value: StaticValue } | undefined => {
      if (policy.kind !== 'object') return undefined;
      const prop = policy.properties.get(key);
      return prop ? { prop, value: propertyValue(ctx, prop) } : undefined;
    };

    const checkPolicy = (entry: RetryPolicyValue): void => {
      const { value: policy, failure } = entry;
      if (policy.kind !== 'object') return;
      const failureText = FAILURE_TEXT[failure];
      const at = (prop: StaticProperty): TSESTree.Node => reportNodeOf(prop, entry.anchor);

      // maximumAttempts (compileRetryPolicy: `<= 0` and non-integers throw; Infinity is dropped)
      const attempts = valueOf(policy, 'maximumAttempts');
      if (attempts?.value.kind === 'literal') {
        const raw = attempts.value.value;
        const node = at(attempts.prop);
        if (raw === 0) {
          if (once(node, 'maximumAttempts')) {
            const fixNode = attempts.prop.valueNode;
            context.report({
              node,
              messageId: 'maximumAttemptsZero',
              data: { failure: failureText },
              suggest:
                attempts.prop.local && literalNode(fixNode)
                  ? [{ messageId: 'useInfinity', fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(fixNode, 'Infinity') }]
                  : [],
            });
          }
        } else if (raw !== null && raw !== undefined && raw !== Number.POSITIVE_INFINITY) {
          const invalid = typeof raw !== 'number' || raw <= 0 || !Number.isInteger(raw);
          if (invalid && once(node, 'maximumAttempts')) {
            context.report({ node, messageId: 'maximumAttemptsInvalid', data: { value: show(raw), failure: failureText } });
          }
        }
      }

      // backoffCoefficient (SDK: `<= 0` throws; server: `< 1` rejected unless maximumAttempts is 1; Core: replaced by 2)
      const coefficient = valueOf(policy, 'backoffCoefficient');
      if (coefficient?.value.kind === 'literal' && typeof coefficient.value.value === 'number') {
        const raw = coefficient.value.value;
        const node = at(coefficient.prop);
        if (raw <= 0) {
          if (once(node, 'backoffCoefficient')) {
            context.report({ node, messageId: 'backoffCoefficientNotPositive', data: { value: String(raw), failure: failureText } });
          }
        } else if (raw < 1) {
          const singleAttempt = attempts?.value.kind === 'literal' && attempts.value.value === 1;
          if (!singleAttempt && once(node, 'backoffCoefficient')) {
            if (entry.owner === 'localActivityOptions') {
              context.report({ node, messageId: 'backoffCoefficientIgnored', data: { value: String(raw) } });
            } else {
              context.report({
                node,
                messageId: 'backoffCoefficientBelowOne',
                data: { value: String(raw), consequence: SERVER_CONSEQUENCE[failure] },
              });
            }
          }
        }
      }

      // initialInterval / maximumInterval
      const initial = valueOf(policy, 'initialInterval');
      const maximum = valueOf(policy, 'maximumInterval');
      const msOf = (v: { value: StaticValue } | undefined): number | undefined =>
        v?.value.kind === 'literal' ? durationToMs(v.value.value) : undefined;
      const initialMs = msOf(initial);
      const maximumMs = msOf(maximum);
      for (const [key, v, ms] of [
        ['initialInterval', initial, initialMs],
        ['maximumInterval', maximum, maximumMs],
      ] as const) {
        if (!v || ms !== 0) continue;
        const node = at(v.prop);
        if (once(node, key)) {
          context.report({
            node,
            messageId: 'zeroInterval',
            data: { key, value: v.value.kind === 'literal' ? show(v.value.value) : '0', failure: failureText },
          });
        }
      }
      if (maximum && maximumMs !== undefined && maximumMs !== 0) {
        let effectiveInitial: number | undefined;
        let initialText = '';
        const initialNullish = initial?.value.kind === 'literal' && (initial.value.value === undefined || initial.value.value === null);
        if (initialMs !== undefined && initialMs !== 0 && initial?.value.kind === 'literal') {
          effectiveInitial = initialMs;
          initialText = show(initial.value.value);
        } else if ((!initial && policy.complete && !entry.partial) || initialNullish) {
          effectiveInitial = DEFAULT_INITIAL_INTERVAL_MS;
          initialText = '1 second by default';
        }
        if (effectiveInitial !== undefined && maximumMs < effectiveInitial && maximum.value.kind === 'literal') {
          const node = at(maximum.prop);
          if (once(node, 'maximumInterval')) {
            context.report({
              node,
              messageId: 'maximumBelowInitial',
              data: {
                maximum: show(maximum.value.value),
                initial: initialText,
                failure: failureText,
              },
            });
          }
        }
      }

      // nonRetryableErrorTypes
      const types = valueOf(policy, 'nonRetryableErrorTypes');
      if (types) checkErrorTypes(types.prop, types.value, entry.anchor);
    };

    const checkErrorTypes = (prop: StaticProperty, value: StaticValue, anchor: TSESTree.Node): void => {
      const node = reportNodeOf(prop, anchor);
      if (value.kind === 'literal') {
        if (value.value === undefined || value.value === null) return;
        if (!once(node, 'nonRetryableErrorTypes')) return;
        const fixNode = prop.valueNode;
        const canWrap = typeof value.value === 'string' && prop.local && literalNode(fixNode);
        context.report({
          node,
          messageId: 'errorTypesNotArray',
          data: { value: show(value.value) },
          suggest: canWrap
            ? [
                {
                  messageId: 'wrapInArray',
                  data: { value: sourceCode.getText(fixNode) },
                  fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(fixNode, `[${sourceCode.getText(fixNode)}]`),
                },
              ]
            : [],
        });
        return;
      }
      if (value.kind !== 'array') return;
      for (const element of value.elements) {
        const elementNode = element.node && localNode(element.node) ? element.node : node;
        if (element.kind === 'literal') {
          if (typeof element.value === 'string') {
            if (element.value.startsWith(TIMEOUT_FAILURE_PREFIX)) {
              const timeoutType = element.value.slice(TIMEOUT_FAILURE_PREFIX.length);
              if (!(TIMEOUT_TYPES as readonly string[]).includes(timeoutType) && once(elementNode, 'timeoutType')) {
                context.report({ node: elementNode, messageId: 'invalidTimeoutType', data: { value: element.value } });
              }
            }
          } else if (once(elementNode, 'errorType')) {
            context.report({ node: elementNode, messageId: 'errorTypeNotString', data: { value: show(element.value) } });
          }
          continue;
        }
        if (element.kind === 'unknown' && element.node?.type === T.Identifier && localNode(element.node)) {
          const id = element.node;
          const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
          const def = variable?.defs[0];
          if (def?.type !== TSESLintRuntime.Scope.DefinitionType.ClassName || !once(id, 'errorType')) continue;
          context.report({
            node: id,
            messageId: 'errorTypeNotString',
            data: { value: `the class \`${id.name}\`` },
            suggest: [
              {
                messageId: 'useClassName',
                data: { name: id.name },
                fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(id, `'${id.name}'`),
              },
            ],
          });
        }
      }
    };

    return temporalOptionsListener(context, ctx, {
      options(site) {
        forEachRetryPolicy(ctx, site, (entry) => {
          checkPolicy(entry);
        });
      },
    });
  },
});
