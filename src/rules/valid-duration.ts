import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { FAILURE_TEXT, type DurationTraits, type FailurePoint } from '../sdk/duration-options.js';
import { explainInvalidDuration, parseDurationString, secondsString } from '../sdk/duration.js';
import { createRule } from '../utils/create-rule.js';
import { hasCommentInside } from '../utils/fixers.js';
import { isInFile } from '../utils/object-fixes.js';
import type { StaticValue } from '../utils/static-value.js';
import {
  createTemporalOptionsContext,
  mayUseTemporal,
  forEachDurationProperty,
  nodeValue,
  reportNodeOf,
  reportOnce,
  temporalOptionsListener,
} from '../utils/temporal-options.js';

export type Options = [{ suspiciousNumbers?: boolean }];
export type MessageIds = 'invalidDuration' | 'negativeDuration' | 'suspiciousNumber' | 'useSeconds' | 'removeWhitespace';

/** Whole numbers below this many milliseconds are reported as seconds written as milliseconds. */
const SUSPICIOUS_BELOW = 100;

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function display(value: StaticValue): string {
  if (value.kind !== 'literal') return '…';
  return typeof value.value === 'string' ? quote(value.value) : String(value.value);
}

export default createRule<Options, MessageIds>({
  name: 'valid-duration',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `Duration` values that the Temporal SDK accepts and that mean what they say',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          suspiciousNumbers: {
            type: 'boolean',
            description:
              'Report whole numbers from 1 to 99 written in timeout, timer and interval positions: they are milliseconds, almost always meant as seconds.',
          },
        },
      },
    ],
    defaultOptions: [{ suspiciousNumbers: true }],
    messages: {
      invalidDuration:
        '`{{value}}` is not a valid duration ({{reason}}): the SDK\'s `ms` parser rejects it and the conversion throws, so {{failure}}.',
      negativeDuration: '`{{what}}` is a negative timeout: Temporal rejects negative timeouts, so {{failure}}.',
      suspiciousNumber:
        '`{{what}}` is {{value}} milliseconds: numeric durations are milliseconds in the Temporal SDK, so this is almost certainly meant as seconds.',
      useSeconds: 'Use `{{replacement}}` ({{value}} seconds).',
      removeWhitespace: 'Remove the whitespace: `{{replacement}}`.',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!mayUseTemporal(context)) return {};
    const ctx = createTemporalOptionsContext(context);
    const once = reportOnce();
    const checkSuspicious = options.suspiciousNumbers !== false;

    const check = (
      value: StaticValue,
      reportNode: TSESTree.Node,
      what: string,
      traits: DurationTraits,
      failure: FailurePoint,
    ): void => {
      if (value.kind !== 'literal') return;
      const raw = value.value;
      const failureText = FAILURE_TEXT[failure];
      if (typeof raw === 'string') {
        const ms = parseDurationString(raw);
        if (ms === undefined) {
          if (!once(reportNode, `invalid:${what}`)) return;
          const trimmed = raw.trim();
          const literal = reportNode.type === T.Literal && reportNode.value === raw && isInFile(sourceCode, reportNode);
          const fixable = literal && trimmed !== raw && parseDurationString(trimmed) !== undefined;
          context.report({
            node: reportNode,
            messageId: 'invalidDuration',
            data: { value: quote(raw), reason: explainInvalidDuration(raw), failure: failureText },
            suggest: fixable
              ? [
                  {
                    messageId: 'removeWhitespace',
                    data: { replacement: quote(trimmed) },
                    fix: (fixer) => fixer.replaceText(reportNode, quote(trimmed)),
                  },
                ]
              : [],
          });
          return;
        }
        if (ms < 0 && traits.negativeRejected && once(reportNode, `negative:${what}`)) {
          context.report({ node: reportNode, messageId: 'negativeDuration', data: { what, failure: failureText } });
        }
        return;
      }
      if (typeof raw !== 'number') return;
      if (raw < 0 && traits.negativeRejected) {
        if (once(reportNode, `negative:${what}`)) {
          context.report({ node: reportNode, messageId: 'negativeDuration', data: { what, failure: failureText } });
        }
        return;
      }
      const written = value.node;
      if (
        !checkSuspicious ||
        !traits.suspicious ||
        !Number.isInteger(raw) ||
        raw < 1 ||
        raw >= SUSPICIOUS_BELOW ||
        written.type !== T.Literal ||
        typeof written.value !== 'number'
      ) {
        return;
      }
      if (!once(reportNode, `suspicious:${what}`)) return;
      const replacement = quote(secondsString(raw));
      const fixable = written === reportNode && isInFile(sourceCode, written) && !hasCommentInside(sourceCode, written.range);
      context.report({
        node: reportNode,
        messageId: 'suspiciousNumber',
        data: { what, value: String(raw) },
        suggest: fixable
          ? [
              {
                messageId: 'useSeconds',
                data: { replacement, value: String(raw) },
                fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(written, replacement),
              },
            ]
          : [],
      });
    };

    return temporalOptionsListener(context, ctx, {
      options(site) {
        forEachDurationProperty(ctx, site, (entry) => {
          const reportNode = reportNodeOf(entry.prop, entry.anchor);
          check(entry.value, reportNode, `${entry.key}: ${display(entry.value)}`, entry.traits, entry.failure);
        });
      },
      duration(site) {
        const value = nodeValue(ctx, site.node, site.value);
        const args = site.argument === 0 ? display(value) : `…, ${display(value)}`;
        check(value, site.node, `${site.name}(${args})`, site.traits, site.failure);
      },
    });
  },
});
