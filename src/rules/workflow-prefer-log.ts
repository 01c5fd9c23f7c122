import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { WORKFLOW_PACKAGE } from '../sdk/workflow-api.js';
import { createRule } from '../utils/create-rule.js';
import { addNamedImport, hasCommentInside } from '../utils/fixers.js';
import { unwrapExpression } from '../utils/references.js';
import { getWorkflowCodeContext } from '../utils/workflow-code.js';

export type Options = [];
export type MessageIds = 'preferLog' | 'useLog';

/**
 * The console methods the workflow sandbox provides (`worker/src/workflow/vm-shared.ts`, the `console` global it
 * installs) and the `log` level each maps to. Other console methods do not exist in the sandbox; another rule reports them.
 */
const LEVELS: Readonly<Record<string, string>> = { log: 'info', info: 'info', warn: 'warn', error: 'error', debug: 'debug' };

/** printf-style substitutions that `console.*` interprets and `log.*` does not. */
const FORMAT_SPECIFIER = /%[sdifjoOc%]/;

export default createRule<Options, MessageIds>({
  name: 'workflow-prefer-log',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce the replay-aware `log` from `@temporalio/workflow` over `console` in workflow code',
      strict: 'warn',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      preferLog:
        '`console.{{method}}` output goes straight to the worker process console; `log.{{level}}` from `@temporalio/workflow` sends a structured entry with the workflow attributes to `Runtime.logger`{{why}}.',
      useLog: 'Use `log.{{level}}(...)` from `@temporalio/workflow` instead (output then goes to `Runtime.logger`).',
    },
  },
  create(context) {
    const wf = getWorkflowCodeContext(context);
    if (!wf) return {};
    const { resolver, why } = wf;
    const sourceCode = context.sourceCode;

    return {
      CallExpression(node) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== T.MemberExpression && callee.type !== T.Identifier) return;
        const ref = resolver.resolve(callee);
        if (ref?.kind !== 'global' || ref.path.length !== 2 || ref.path[0] !== 'console') return;
        const method = ref.path[1] ?? '';
        const level = Object.hasOwn(LEVELS, method) ? LEVELS[method] : undefined;
        if (level === undefined) return;

        const rewrite = callee.type === T.MemberExpression ? rewriteArguments(sourceCode, node) : undefined;
        context.report({
          node: callee,
          messageId: 'preferLog',
          data: { method, level, why },
          suggest:
            rewrite === undefined
              ? []
              : [
                  {
                    messageId: 'useLog',
                    data: { level },
                    fix(fixer) {
                      const { fixes, localName } = addNamedImport(fixer, sourceCode, {
                        source: WORKFLOW_PACKAGE,
                        name: 'log',
                        at: node,
                      });
                      const out = [...fixes, fixer.replaceText(callee, `${localName}.${level}`)];
                      if (rewrite.range) out.push(fixer.replaceTextRange(rewrite.range, rewrite.text));
                      return out;
                    },
                  },
                ],
        });
      },
    };
  },
});

interface ArgumentRewrite {
  /** Range of the arguments after the message to replace with `text`; absent when they stay as they are. */
  range?: [number, number];
  text: string;
}

/**
 * How the arguments of `console.x(...)` become `log.level(message, attrs?)`, or undefined when no rewrite keeps the
 * same output and type-checks: the first argument must be a string, the rest named values (`x`, `a.b`) that become
 * attributes (`{ x, b: a.b }`), or a single object literal.
 */
function rewriteArguments(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): ArgumentRewrite | undefined {
  const [message, ...rest] = call.arguments;
  if (!message || !isStringExpression(message)) return undefined;
  if (hasCommentInside(sourceCode, call.range)) return undefined;
  const first = rest[0];
  const last = rest.at(-1);
  if (!first || !last) return { text: '' };
  if (rest.length === 1 && first.type === T.ObjectExpression) return { text: '' };
  const entries: string[] = [];
  const keys = new Set<string>();
  for (const arg of rest) {
    let key: string;
    let entry: string;
    if (arg.type === T.Identifier) {
      key = arg.name;
      entry = arg.name;
    } else if (arg.type === T.MemberExpression && !arg.computed && arg.property.type === T.Identifier && !arg.optional) {
      key = arg.property.name;
      entry = `${key}: ${sourceCode.getText(arg)}`;
    } else {
      return undefined;
    }
    if (keys.has(key)) return undefined;
    keys.add(key);
    entries.push(entry);
  }
  return { range: [first.range[0], last.range[1]], text: `{ ${entries.join(', ')} }` };
}

function isStringExpression(node: TSESTree.Node): boolean {
  if (node.type === T.Literal) return typeof node.value === 'string' && !FORMAT_SPECIFIER.test(node.value);
  if (node.type === T.TemplateLiteral) return !node.quasis.some((q) => FORMAT_SPECIFIER.test(q.value.raw));
  return false;
}
