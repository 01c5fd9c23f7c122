import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils } from '@typescript-eslint/utils';
import {
  HOST_FORMATTERS,
  INTL_DATE_FORMATTERS,
  LOCAL_GETTERS,
  LOCAL_SETTERS,
  LOCALE_FORMATTERS,
  SUGGESTED_LOCALE,
} from '../sdk/host-time.js';
import { WORKFLOW_PACKAGE } from '../sdk/workflow-api.js';
import { createRule } from '../utils/create-rule.js';
import { DateValues, isGlobalDateCall } from '../utils/dates.js';
import { hasCommentInside } from '../utils/fixers.js';
import { isInReadOnlyHandler } from '../utils/read-only-handlers.js';
import { isFromPackage, isGlobal as isGlobalRef, isModuleExport, type Reference, type ReferenceResolver } from '../utils/references.js';
import { evaluate, getProperty, literalValue, scopeLookup } from '../utils/static-value.js';
import { getWorkflowCodeContext } from '../utils/workflow-code.js';

export type Options = [{ reportLoggedValues?: boolean }];
export type MessageIds =
  | 'localTime'
  | 'timezoneOffset'
  | 'hostFormat'
  | 'hostDefaults'
  | 'localComponents'
  | 'localString'
  | 'unsafeNow'
  | 'useUtc'
  | 'useIso'
  | 'addDefaults'
  | 'useDateUtc'
  | 'appendZ'
  | 'useDateNow';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** `isGlobal` without type narrowing (a failed check must not narrow `ref` for the next one). */
const isGlobal = (ref: Reference | undefined, ...path: string[]): boolean => isGlobalRef(ref, ...path);
type Fixer = TSESLint.RuleFixer;

const LOG_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug']);
const WORKFLOW_LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'log']);

/** ECMAScript date-only forms (`2024`, `2024-01`, `2024-01-01`, `+002024-01-01`): parsed as UTC. */
const ISO_DATE_ONLY = /^(?:\d{4}|[+-]\d{6})(?:-\d{2}(?:-\d{2})?)?$/;
/** ECMAScript date-time forms; group 1 is the offset (`Z`, `+02:00`). Without it the time is local. */
const ISO_DATE_TIME = /^(?:\d{4}|[+-]\d{6})(?:-\d{2}(?:-\d{2})?)?T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i;
/** A zone in a string V8 parses with its legacy parser: `GMT`, `UTC`, `UT`, US zone names, or an offset after a time. */
const LEGACY_ZONE_NAME = /\b(?:UTC?|GMT|[ECMP][SD]T)\b/i;
const LEGACY_OFFSET = /\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z\b|[+-]\d{1,2}(?::?\d{2})?\b)/i;

/**
 * How a date string is parsed: `'isoLocal'` (an ECMAScript date-time form without an offset: local time, and `Z`
 * fixes it), `'local'` (another format V8 parses as local time), undefined (UTC, an explicit zone, or not a date).
 */
export function classifyDateString(text: string): 'isoLocal' | 'local' | undefined {
  const s = text.trim();
  if (ISO_DATE_ONLY.test(s)) return undefined;
  const iso = ISO_DATE_TIME.exec(s);
  if (iso) return iso[1] ? undefined : 'isoLocal';
  if (Number.isNaN(Date.parse(s))) return undefined;
  if (LEGACY_ZONE_NAME.test(s) || LEGACY_OFFSET.test(s)) return undefined;
  return 'local';
}

function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === T.Identifier) return node.property.name;
  if (node.computed && node.property.type === T.Literal && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

/** `Date` at `node` is the global one (so a suggestion may write `Date.now()` / `Date.UTC(...)`). */
function globalDateVisible(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  try {
    const variable = ASTUtils.findVariable(sourceCode.getScope(node), 'Date');
    return !variable || variable.defs.length === 0;
  } catch {
    return false;
  }
}

function isLogCallee(resolver: ReferenceResolver, callee: TSESTree.Node): boolean {
  const ref = resolver.resolve(callee);
  if (ref?.kind === 'global') return ref.path.length === 2 && ref.path[0] === 'console' && LOG_METHODS.has(ref.path[1] ?? '');
  return (
    ref?.kind === 'module' &&
    isFromPackage(ref.source, WORKFLOW_PACKAGE) &&
    ref.path.length === 2 &&
    ref.path[0] === 'log' &&
    WORKFLOW_LOG_METHODS.has(ref.path[1] ?? '')
  );
}

/**
 * True when the value of `node` only flows into the arguments of a logging call (`console.log`, the workflow `log`),
 * through templates, concatenation, object/array literals and method calls on it: it cannot reach a command.
 */
function feedsLogCall(resolver: ReferenceResolver, node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case T.TemplateLiteral:
      case T.ObjectExpression:
      case T.ArrayExpression:
      case T.SpreadElement:
      case T.ChainExpression:
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.LogicalExpression:
        continue;
      case T.BinaryExpression:
        if (parent.operator !== '+') return false;
        continue;
      case T.ConditionalExpression:
        if (parent.test === child) return false;
        continue;
      case T.Property:
        if (parent.value !== child) return false;
        continue;
      case T.MemberExpression: {
        // a method call on the value: `fmt.format(d)`, `s.padStart(2)`
        const call = parent.parent;
        if (parent.object !== child || call.type !== T.CallExpression || call.callee !== parent) return false;
        parent = call;
        continue;
      }
      case T.CallExpression:
        return parent.arguments.includes(child as TSESTree.CallExpressionArgument) && isLogCallee(resolver, parent.callee);
      default:
        return false;
    }
  }
  return false;
}

/** `(` ... `)` of a call or `new` expression, or undefined for `new X` without parentheses. */
function argumentParens(
  sourceCode: SourceCode,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
): { open: TSESTree.Token; close: TSESTree.Token } | undefined {
  const last = sourceCode.getLastToken(node);
  if (!last || !ASTUtils.isClosingParenToken(last)) return undefined;
  const open = sourceCode.getTokenAfter(node.typeArguments ?? node.callee, ASTUtils.isOpeningParenToken);
  if (!open || open.range[0] >= last.range[0] + 1 || open.range[0] < node.callee.range[1]) return undefined;
  return { open, close: last };
}

function needsParens(node: TSESTree.Node): boolean {
  return !(
    node.type === T.Identifier ||
    node.type === T.MemberExpression ||
    node.type === T.CallExpression ||
    node.type === T.ThisExpression
  );
}

export default createRule<Options, MessageIds>({
  name: 'workflow-no-host-dependent-time',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow time and date APIs in workflow code that depend on the worker host's time zone, locale or real clock",
      recommended: 'warn',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          reportLoggedValues: {
            type: 'boolean',
            description:
              'Also report host-dependent values that only flow into `console.*` or the workflow `log` (they cannot change commands, so they are skipped by default).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportLoggedValues: false }],
    messages: {
      localTime:
        "`{{name}}()` works in the worker host's time zone: workers with different `TZ` settings compute different values, and replay diverges when a command depends on it{{why}}.",
      timezoneOffset:
        "`getTimezoneOffset()` returns the worker host's time-zone offset: it differs between workers, and replay diverges when a command depends on it{{why}}.",
      hostFormat:
        "`{{name}}` formats the date in the worker host's time zone and locale: workers format it differently, and replay diverges when a command depends on it{{why}}.",
      hostDefaults:
        "`{{name}}` without an explicit {{missing}} uses the worker host's defaults: workers format dates differently, and replay diverges when a command depends on it{{why}}.",
      localComponents:
        "`{{name}}` with date components reads them in the worker host's time zone: workers build different instants, and replay diverges when a command depends on it{{why}}.",
      localString:
        "The date string {{text}} has no time-zone offset, so it is parsed in the worker host's time zone: workers get different instants, and replay diverges when a command depends on it{{why}}.",
      unsafeNow:
        '`workflowInfo().unsafe.now()` reads the real clock, which differs on replay: outside query handlers and update validators use `Date.now()`, the deterministic workflow time{{why}}.',
      useUtc: "Use `{{replacement}}()`, which does not depend on the host's time zone.",
      useIso: 'Use `{{replacement}}`, which formats in UTC.',
      addDefaults: 'Add {{added}}.',
      useDateUtc: 'Read the components as UTC: `new Date(Date.UTC(...))`.',
      appendZ: 'Append `Z` to parse the string as UTC.',
      useDateNow: 'Use `Date.now()`, the workflow time (it only advances between activations).',
    },
  },
  create(context, [options]) {
    const wf = getWorkflowCodeContext(context);
    if (!wf) return {};
    const { resolver, why } = wf;
    const sourceCode = context.sourceCode;
    const dates = new DateValues(sourceCode, resolver);
    const lookup = scopeLookup(sourceCode);
    const reportLogged = options.reportLoggedValues === true;

    const skipLogged = (node: TSESTree.Node): boolean => !reportLogged && feedsLogCall(resolver, node);

    /** `(locales, options)` of `toLocale*String` / `Intl.DateTimeFormat`. */
    function checkLocaleArguments(
      call: TSESTree.CallExpression | TSESTree.NewExpression,
      name: string,
      reportNode: TSESTree.Node,
    ): void {
      const args = call.arguments;
      if (args.some((a) => a.type === T.SpreadElement)) return;
      const [locales, opts] = args;
      const localeValue = locales ? evaluate(locales, lookup) : undefined;
      const missingLocale =
        !locales ||
        (localeValue?.kind === 'literal' && localeValue.value === undefined) ||
        (localeValue?.kind === 'array' && localeValue.complete && localeValue.elements.length === 0);
      let missingZone = false;
      if (!opts) missingZone = true;
      else {
        const value = evaluate(opts, lookup);
        if (value.kind === 'literal') missingZone = value.value === undefined;
        else if (value.kind === 'object') {
          const zone = getProperty(value, 'timeZone');
          missingZone = zone === 'absent' || (zone !== 'unknown' && zone.value.kind === 'literal' && zone.value.value === undefined);
        }
      }
      if (!missingLocale && !missingZone) return;
      if (skipLogged(call)) return;
      const missing = missingLocale && missingZone ? 'locale and time zone' : missingLocale ? 'locale' : 'time zone';
      const added = [missingLocale ? `the locale \`'${SUGGESTED_LOCALE}'\`` : '', missingZone ? "`timeZone: 'UTC'`" : '']
        .filter(Boolean)
        .join(' and ');
      const fix = localeFix(call, missingLocale, missingZone);
      context.report({
        node: reportNode,
        messageId: 'hostDefaults',
        data: { name, missing, why },
        suggest: fix ? [{ messageId: 'addDefaults', data: { added }, fix }] : [],
      });
    }

    function localeFix(
      call: TSESTree.CallExpression | TSESTree.NewExpression,
      missingLocale: boolean,
      missingZone: boolean,
    ): ((fixer: Fixer) => TSESLint.RuleFix[]) | undefined {
      const [locales, opts] = call.arguments;
      const locale = `'${SUGGESTED_LOCALE}'`;
      const zone = "timeZone: 'UTC'";
      if (!locales) {
        const parens = argumentParens(sourceCode, call);
        if (parens && hasCommentInside(sourceCode, [parens.open.range[1], parens.close.range[0]])) return undefined;
        return (fixer) => [
          parens
            ? fixer.replaceTextRange([parens.open.range[1], parens.close.range[0]], `${locale}, { ${zone} }`)
            : fixer.insertTextAfter(call, `(${locale}, { ${zone} })`),
        ];
      }
      if (missingLocale && hasCommentInside(sourceCode, locales.range)) return undefined;
      let zoneFix: ((fixer: Fixer) => TSESLint.RuleFix) | undefined;
      if (missingZone) {
        if (!opts) {
          zoneFix = (fixer) => fixer.insertTextAfter(locales, `, { ${zone} }`);
        } else if (opts.type === T.ObjectExpression) {
          const first = opts.properties[0];
          if (!first) {
            if (hasCommentInside(sourceCode, opts.range)) return undefined;
            zoneFix = (fixer) => fixer.replaceText(opts, `{ ${zone} }`);
          } else {
            const existing = opts.properties.find(
              (p) => p.type === T.Property && !p.computed && p.key.type === T.Identifier && p.key.name === 'timeZone',
            );
            if (existing) {
              if (hasCommentInside(sourceCode, existing.range)) return undefined;
              zoneFix = (fixer) => fixer.replaceText(existing, zone);
            } else {
              const sameLine = first.loc.start.line === opts.loc.start.line;
              const indent = sourceCode.lines[first.loc.start.line - 1]?.slice(0, first.loc.start.column) ?? '';
              const text = sameLine || !/^\s*$/.test(indent) ? `${zone}, ` : `${zone},\n${indent}`;
              zoneFix = (fixer) => fixer.insertTextBefore(first, text);
            }
          }
        } else {
          if (hasCommentInside(sourceCode, opts.range)) return undefined;
          zoneFix = (fixer) => fixer.replaceText(opts, `{ ...${sourceCode.getText(opts)}, ${zone} }`);
        }
      }
      return (fixer) => {
        const fixes: TSESLint.RuleFix[] = [];
        if (missingLocale) fixes.push(fixer.replaceText(locales, locale));
        if (zoneFix) fixes.push(zoneFix(fixer));
        return fixes;
      };
    }

    /** `new Date(str)`, `Date(str)`, `Date.parse(str)`. */
    function checkDateString(arg: TSESTree.CallExpressionArgument | undefined): void {
      if (!arg || arg.type === T.SpreadElement) return;
      const text = literalValue(evaluate(arg, lookup));
      if (typeof text !== 'string') return;
      const kind = classifyDateString(text);
      if (!kind) return;
      const direct = arg.type === T.Literal || (arg.type === T.TemplateLiteral && arg.expressions.length === 0);
      const raw = sourceCode.getText(arg);
      context.report({
        node: arg,
        messageId: 'localString',
        data: { text: `\`${direct ? raw : JSON.stringify(text)}\``, why },
        suggest:
          kind === 'isoLocal' && direct
            ? [{ messageId: 'appendZ', fix: (fixer) => fixer.replaceText(arg, `${raw.slice(0, -1)}Z${raw.slice(-1)}`) }]
            : [],
      });
    }

    /** `new Date(y, m, ...)` / `Date(y, m, ...)`, `new Date(str)`. */
    function checkDateConstruction(node: TSESTree.NewExpression | TSESTree.CallExpression): void {
      const args = node.arguments;
      if (args.length === 0 || args.some((a) => a.type === T.SpreadElement)) return;
      if (args.length === 1) {
        checkDateString(args[0]);
        return;
      }
      const first = args[0];
      const last = args[args.length - 1];
      const name = node.type === T.NewExpression ? 'new Date(year, month, ...)' : 'Date(year, month, ...)';
      context.report({
        node,
        messageId: 'localComponents',
        data: { name, why },
        suggest:
          first && last && globalDateVisible(sourceCode, node)
            ? [
                {
                  messageId: 'useDateUtc',
                  fix: (fixer) => [fixer.insertTextBefore(first, 'Date.UTC('), fixer.insertTextAfter(last, ')')],
                },
              ]
            : [],
      });
    }

    /** `d.getHours()`, `d.toLocaleString()`, ... on a known Date. */
    function checkDateMethod(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression, name: string): void {
      const isGetter = Object.hasOwn(LOCAL_GETTERS, name);
      const isSetter = Object.hasOwn(LOCAL_SETTERS, name);
      const isFormatter = Object.hasOwn(HOST_FORMATTERS, name);
      const isLocale = LOCALE_FORMATTERS.has(name);
      if (!isGetter && !isSetter && !isFormatter && !isLocale && name !== 'getTimezoneOffset') return;
      if (!dates.isDate(callee.object)) return;
      const reportNode = callee.property;
      const canRename = !callee.computed && callee.property.type === T.Identifier;
      if (isGetter || isSetter) {
        if (isGetter && skipLogged(node)) return;
        const replacement = isGetter ? LOCAL_GETTERS[name] : LOCAL_SETTERS[name];
        context.report({
          node: reportNode,
          messageId: 'localTime',
          data: { name, why },
          suggest:
            replacement && canRename
              ? [{ messageId: 'useUtc', data: { replacement }, fix: (fixer) => fixer.replaceText(callee.property, replacement) }]
              : [],
        });
        return;
      }
      if (skipLogged(node)) return;
      if (name === 'getTimezoneOffset') {
        context.report({ node: reportNode, messageId: 'timezoneOffset', data: { why } });
        return;
      }
      if (isLocale) {
        checkLocaleArguments(node, `${name}()`, reportNode);
        return;
      }
      const replacement = HOST_FORMATTERS[name];
      const suggestible = replacement !== undefined && canRename && node.arguments.length === 0 && !hasCommentInside(sourceCode, [callee.property.range[0], node.range[1]]);
      context.report({
        node: reportNode,
        messageId: 'hostFormat',
        data: { name: `${name}()`, why },
        suggest: suggestible
          ? [
              {
                messageId: 'useIso',
                data: { replacement },
                fix: (fixer) => fixer.replaceTextRange([callee.property.range[0], node.range[1]], replacement),
              },
            ]
          : [],
      });
    }

    /** Implicit `toString()`: `${date}` and `String(date)`. */
    function reportImplicitToString(value: TSESTree.Node, replaceNode: TSESTree.Node, name: string): void {
      if (skipLogged(replaceNode)) return;
      const text = sourceCode.getText(value);
      // `Date()` without `new` is typed as a string: the rewrite says `new Date()`, which is the same in the sandbox.
      const plain = dates.plainCall(value);
      const iso = plain === 'call' ? `new ${text}.toISOString()` : `${needsParens(value) ? `(${text})` : text}.toISOString()`;
      context.report({
        node: value,
        messageId: 'hostFormat',
        data: { name, why },
        suggest: hasCommentInside(sourceCode, replaceNode.range) || plain === 'binding'
          ? []
          : [{ messageId: 'useIso', data: { replacement: 'toISOString()' }, fix: (fixer) => fixer.replaceText(replaceNode, iso) }],
      });
    }

    function dateNowSuggestion(node: TSESTree.Node): TSESLint.ReportSuggestionArray<MessageIds> {
      if (!globalDateVisible(sourceCode, node) || hasCommentInside(sourceCode, node.range)) return [];
      return [{ messageId: 'useDateNow', fix: (fixer) => fixer.replaceText(node, 'Date.now()') }];
    }

    return {
      CallExpression(node) {
        const callee = node.callee.type === T.ChainExpression ? node.callee.expression : node.callee;
        if (callee.type === T.MemberExpression) {
          const name = propertyName(callee);
          if (name !== undefined) {
            if (name === 'now') {
              const ref = resolver.resolve(callee);
              if (isModuleExport(ref, WORKFLOW_PACKAGE, 'workflowInfo', '()', 'unsafe', 'now')) {
                if (!isInReadOnlyHandler(node, resolver, sourceCode, context)) {
                  context.report({ node, messageId: 'unsafeNow', data: { why }, suggest: dateNowSuggestion(node) });
                }
                return;
              }
            }
            if (name === 'parse' && isGlobal(resolver.resolve(callee), 'Date', 'parse')) {
              checkDateString(node.arguments[0]);
              return;
            }
            checkDateMethod(node, callee, name);
            if (INTL_DATE_FORMATTERS.has(name) && isGlobal(resolver.resolve(callee), 'Intl', name)) {
              checkLocaleArguments(node, `Intl.${name}`, callee);
            }
            return;
          }
        }
        if (callee.type === T.Identifier) {
          const ref = resolver.resolve(callee);
          if (isGlobal(ref, 'Date')) {
            checkDateConstruction(node);
            return;
          }
          if (isGlobal(ref, 'String') && node.arguments.length === 1) {
            const arg = node.arguments[0];
            if (arg && arg.type !== T.SpreadElement && dates.isDate(arg)) reportImplicitToString(arg, node, 'String(date)');
            return;
          }
          if (ref?.kind === 'global' || ref?.kind === 'module') {
            // `const { now } = workflowInfo().unsafe`
            if (isModuleExport(ref, WORKFLOW_PACKAGE, 'workflowInfo', '()', 'unsafe', 'now')) {
              if (!isInReadOnlyHandler(node, resolver, sourceCode, context)) {
                context.report({ node, messageId: 'unsafeNow', data: { why }, suggest: dateNowSuggestion(node) });
              }
            } else if (ref.path.length === 2 && ref.path[0] === 'Intl' && INTL_DATE_FORMATTERS.has(ref.path[1] ?? '')) {
              checkLocaleArguments(node, `Intl.${ref.path[1] ?? ''}`, callee);
            }
          }
        }
      },
      NewExpression(node) {
        if (isGlobalDateCall(resolver, node)) {
          checkDateConstruction(node);
          return;
        }
        const ref = resolver.resolve(node.callee);
        if (ref?.kind === 'global' && ref.path.length === 2 && ref.path[0] === 'Intl' && INTL_DATE_FORMATTERS.has(ref.path[1] ?? '')) {
          checkLocaleArguments(node, `Intl.${ref.path[1] ?? ''}`, node.callee);
        }
      },
      TemplateLiteral(node) {
        if (node.parent.type === T.TaggedTemplateExpression) return;
        for (const expression of node.expressions) {
          if (dates.isDate(expression)) reportImplicitToString(expression, expression, '${date}');
        }
      },
    };
  },
});
