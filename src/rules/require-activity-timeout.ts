import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CLOSE_TIMEOUTS } from '../sdk/duration-options.js';
import { durationToMs } from '../sdk/duration.js';
import { proxyFunctionOf } from '../utils/activity-proxies.js';
import { createRule } from '../utils/create-rule.js';
import { hasCommentInside } from '../utils/fixers.js';
import { insertProperty, isInFile } from '../utils/object-fixes.js';
import { getProperty, type StaticProperty, type StaticValue } from '../utils/static-value.js';
import { createTemporalOptionsContext, isModuleLevel, mayUseTemporal, propertyValue, type TemporalOptionsContext } from '../utils/temporal-options.js';

export type Options = [];
export type MessageIds = 'missingOptions' | 'missingTimeout' | 'zeroTimeout' | 'addStartToCloseTimeout' | 'replaceWithTimeout';

/** The placeholder the suggestions write; the user edits it. */
const PLACEHOLDER = "'1 minute'";

type TimeoutState =
  | { kind: 'absent' }
  | { kind: 'unknown' }
  | { kind: 'set' }
  | { kind: 'zero'; key: string; shown: string; isNull: boolean; prop: StaticProperty | undefined };

function classifyValue(key: string, value: StaticValue, prop: StaticProperty | undefined): TimeoutState {
  if (value.kind === 'unknown') return { kind: 'unknown' };
  if (value.kind !== 'literal') return { kind: 'set' };
  const raw = value.value;
  if (raw === undefined) return { kind: 'absent' };
  if (raw === null) return { kind: 'zero', key, shown: 'null', isNull: true, prop };
  if (durationToMs(raw) === 0) {
    const shown = typeof raw === 'string' ? `'${raw}'` : String(raw);
    return { kind: 'zero', key, shown, isNull: false, prop };
  }
  return { kind: 'set' };
}

function classify(ctx: TemporalOptionsContext, options: StaticValue, node: TSESTree.Node, key: string): TimeoutState {
  const typed = (): TimeoutState => {
    const presence = ctx.types?.keyPresence(node, key);
    if (!presence) return { kind: 'unknown' };
    if (presence.kind === 'absent') return { kind: 'absent' };
    if (presence.kind === 'present' && presence.literal !== undefined) {
      return classifyValue(key, { kind: 'literal', value: presence.literal, node }, undefined);
    }
    return presence.kind === 'present' ? { kind: 'set' } : { kind: 'unknown' };
  };
  if (options.kind !== 'object') return typed();
  const prop = getProperty(options, key);
  if (prop === 'absent') return { kind: 'absent' };
  if (prop === 'unknown') return typed();
  return classifyValue(key, propertyValue(ctx, prop), prop);
}

export default createRule<Options, MessageIds>({
  name: 'require-activity-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `startToCloseTimeout` or `scheduleToCloseTimeout` in `proxyActivities` and `proxyLocalActivities` options',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      missingOptions: '`{{name}}` is called without options: the SDK throws `options must be defined` {{when}}.',
      missingTimeout:
        '`{{name}}` options set neither `startToCloseTimeout` nor `scheduleToCloseTimeout`: the SDK throws `Required either scheduleToCloseTimeout or startToCloseTimeout` {{when}}.',
      zeroTimeout: '`{{key}}: {{value}}` does not set a timeout, so {{consequence}}.',
      addStartToCloseTimeout: 'Add `startToCloseTimeout: {{placeholder}}` (then choose the real limit).',
      replaceWithTimeout: 'Use `{{key}}: {{placeholder}}` (then choose the real limit).',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    if (!mayUseTemporal(context)) return {};
    const ctx = createTemporalOptionsContext(context);

    const check = (call: TSESTree.CallExpression): void => {
      const name = proxyFunctionOf(ctx.resolver, call);
      if (!name) return;
      const local = name === 'proxyLocalActivities';
      const when = isModuleLevel(call)
        ? 'when this module is loaded, which fails the first workflow task of every workflow that imports it'
        : 'when this call runs, which fails the workflow task';
      const arg = call.arguments[0];
      if (!arg) {
        context.report({ node: call, messageId: 'missingOptions', data: { name, when } });
        return;
      }
      if (arg.type === T.SpreadElement) return;
      const options = ctx.evaluate(arg);
      if (options.kind === 'literal') return;
      const states = CLOSE_TIMEOUTS.map((key) => classify(ctx, options, arg, key));
      if (states.some((s) => s.kind === 'set' || s.kind === 'unknown')) return;

      const zeros = states.filter((s) => s.kind === 'zero');
      if (zeros.length === 0) {
        const object = options.kind === 'object' && options.complete ? options.node : undefined;
        const fixable = object?.type === T.ObjectExpression && isInFile(sourceCode, object);
        // `startToCloseTimeout: undefined` written here: replace the value instead of adding a duplicate key.
        const existing = options.kind === 'object' ? options.properties.get('startToCloseTimeout') : undefined;
        const existingValue = existing?.local ? existing.valueNode : undefined;
        context.report({
          node: arg,
          messageId: 'missingTimeout',
          data: { name, when },
          suggest: fixable
            ? [
                {
                  messageId: 'addStartToCloseTimeout',
                  data: { placeholder: PLACEHOLDER },
                  fix: (fixer: TSESLint.RuleFixer) =>
                    existingValue
                      ? fixer.replaceText(existingValue, PLACEHOLDER)
                      : insertProperty(fixer, sourceCode, object, `startToCloseTimeout: ${PLACEHOLDER}`),
                },
              ]
            : [],
        });
        return;
      }
      for (const zero of zeros) {
        const valueNode = zero.prop?.local ? zero.prop.valueNode : undefined;
        const node = valueNode ?? arg;
        const consequence = local
          ? zero.isNull
            ? 'the local activity cannot be scheduled and the workflow task fails'
            : 'every attempt of the local activity times out at once'
          : 'the server rejects the scheduled activity (`A valid StartToClose or ScheduleToCloseTimeout is not set`) and the workflow task fails';
        const fixable =
          valueNode !== undefined &&
          (valueNode.type === T.Literal || valueNode.type === T.TemplateLiteral) &&
          isInFile(sourceCode, valueNode) &&
          !hasCommentInside(sourceCode, valueNode.range);
        context.report({
          node,
          messageId: 'zeroTimeout',
          data: { key: zero.key, value: zero.shown, consequence },
          suggest: fixable
            ? [
                {
                  messageId: 'replaceWithTimeout',
                  data: { key: zero.key, placeholder: PLACEHOLDER },
                  fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(valueNode, PLACEHOLDER),
                },
              ]
            : [],
        });
      }
    };

    return {
      CallExpression(node) {
        try {
          check(node);
        } catch {
          // a rule never throws
        }
      },
    };
  },
});
