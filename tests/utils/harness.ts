import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * Runs `visit` on every node matched by `selector` in `code`, with the rule context, and returns what it collected.
 * For unit tests of utilities that need a real SourceCode and scope manager.
 */
export function collect<R>(
  code: string,
  selector: string,
  visit: (node: TSESTree.Node, context: Readonly<TSESLint.RuleContext<string, []>>) => R,
  filename = 'src/workflows.ts',
): R[] {
  const out: R[] = [];
  const rule = {
    meta: { type: 'problem', messages: {}, schema: [], defaultOptions: [] },
    create(context: Readonly<TSESLint.RuleContext<string, []>>) {
      return {
        [selector](node: TSESTree.Node) {
          out.push(visit(node, context));
        },
      };
    },
  };
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { test: { rules: { collect: rule as never } } },
        rules: { 'test/collect': 'error' },
      },
    ],
    filename,
  );
  const fatal = messages.find((m) => m.fatal === true);
  if (fatal) throw new Error(fatal.message);
  return out;
}
