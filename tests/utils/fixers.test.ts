import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { addNamedImport, addNamedImports, hasCommentInside, lineIndent } from '../../src/utils/fixers.js';

/**
 * Applies, at every call of `target()`, a fix that replaces the call with the expressions returned by
 * `addNamedImports` for `names` of `source`, and returns the fixed code.
 */
function fix(code: string, names: string[], source = '@temporalio/workflow'): string {
  const rule = {
    meta: { type: 'problem', fixable: 'code', messages: { m: 'm.' }, schema: [], defaultOptions: [] },
    create(context: Readonly<TSESLint.RuleContext<'m', []>>) {
      return {
        'CallExpression[callee.name="target"]'(node: TSESTree.CallExpression) {
          context.report({
            node,
            messageId: 'm',
            fix(fixer) {
              const { fixes, localNames } =
                names.length === 1 && names[0]
                  ? (() => {
                      const r = addNamedImport(fixer, context.sourceCode, { source, name: names[0], at: node });
                      return { fixes: r.fixes, localNames: { [names[0]]: r.localName } };
                    })()
                  : addNamedImports(fixer, context.sourceCode, { source, names, at: node });
              return [...fixes, fixer.replaceText(node, names.map((n) => localNames[n]).join(' + '))];
            },
          });
        },
      };
    },
  };
  const linter = new Linter();
  const result = linter.verifyAndFix(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { test: { rules: { fix: rule as never } } },
        rules: { 'test/fix': 'error' },
      },
    ],
    { filename: 'src/workflows.ts' },
  );
  return result.output;
}

describe('addNamedImport', () => {
  it('adds a new import after the last import', () => {
    expect(fix(`import { x } from 'y';\ntarget();`, ['log'])).toBe(
      `import { x } from 'y';\nimport { log } from '@temporalio/workflow';\nlog;`,
    );
  });

  it('adds an import at the top of a file without imports', () => {
    expect(fix(`// header\ntarget();`, ['log'])).toBe(`// header\nimport { log } from '@temporalio/workflow';\nlog;`);
    expect(fix(`target()`, ['log'])).toBe(`import { log } from '@temporalio/workflow';\nlog`);
  });

  it('follows the quote and semicolon style of existing imports', () => {
    expect(fix(`import { x } from "y"\ntarget()`, ['log'])).toBe(
      `import { x } from "y"\nimport { log } from "@temporalio/workflow"\nlog`,
    );
  });

  it('reuses an existing named import, alias included', () => {
    expect(fix(`import { log as l } from '@temporalio/workflow';\ntarget();`, ['log'])).toBe(
      `import { log as l } from '@temporalio/workflow';\nl;`,
    );
  });

  it('reuses a namespace import and a require', () => {
    expect(fix(`import * as wf from '@temporalio/workflow';\ntarget();`, ['log'])).toBe(
      `import * as wf from '@temporalio/workflow';\nwf.log;`,
    );
    expect(fix(`const wf = require('@temporalio/workflow');\ntarget();`, ['log'])).toBe(
      `const wf = require('@temporalio/workflow');\nwf.log;`,
    );
    expect(fix(`const { log: l } = require('@temporalio/workflow');\ntarget();`, ['log'])).toBe(
      `const { log: l } = require('@temporalio/workflow');\nl;`,
    );
  });

  it('adds to an existing import list, with or without a trailing comma', () => {
    expect(fix(`import { sleep } from '@temporalio/workflow';\ntarget();`, ['log'])).toBe(
      `import { sleep, log } from '@temporalio/workflow';\nlog;`,
    );
    expect(fix(`import {\n  sleep,\n} from '@temporalio/workflow';\ntarget();`, ['log'])).toBe(
      `import {\n  sleep, log,\n} from '@temporalio/workflow';\nlog;`,
    );
  });

  it('does not add values to a type-only import', () => {
    expect(fix(`import type { Sinks } from '@temporalio/workflow';\ntarget();`, ['log'])).toBe(
      `import type { Sinks } from '@temporalio/workflow';\nimport { log } from '@temporalio/workflow';\nlog;`,
    );
    expect(fix(`import { type log } from '@temporalio/workflow';\ntarget();`, ['log'])).toBe(
      `import { type log, log as wfLog } from '@temporalio/workflow';\nwfLog;`,
    );
  });

  it('aliases a name that is taken or shadowed', () => {
    expect(fix(`const log = 1;\ntarget();`, ['log'])).toBe(
      `import { log as wfLog } from '@temporalio/workflow';\nconst log = 1;\nwfLog;`,
    );
    expect(fix(`import { sleep } from '@temporalio/workflow';\nfunction f(log: number) { target(); }`, ['log'])).toBe(
      `import { sleep, log as wfLog } from '@temporalio/workflow';\nfunction f(log: number) { wfLog; }`,
    );
    expect(fix(`import { log } from '@temporalio/workflow';\nfunction f(log: number) { target(); }`, ['log'])).toBe(
      `import { log, log as wfLog } from '@temporalio/workflow';\nfunction f(log: number) { wfLog; }`,
    );
    expect(fix(`const log = 1, wfLog = 2;\ntarget();`, ['log'])).toBe(
      `import { log as wfLog2 } from '@temporalio/workflow';\nconst log = 1, wfLog = 2;\nwfLog2;`,
    );
    expect(fix(`log;\ntarget();`, ['log'])).toBe(`import { log as wfLog } from '@temporalio/workflow';\nlog;\nwfLog;`);
  });
});

describe('addNamedImports', () => {
  it('adds several names in one edit', () => {
    expect(fix(`import { sleep } from '@temporalio/workflow';\ntarget();`, ['condition', 'allHandlersFinished'])).toBe(
      `import { sleep, condition, allHandlersFinished } from '@temporalio/workflow';\ncondition + allHandlersFinished;`,
    );
    expect(fix(`import { condition } from '@temporalio/workflow';\ntarget();`, ['condition', 'allHandlersFinished'])).toBe(
      `import { condition, allHandlersFinished } from '@temporalio/workflow';\ncondition + allHandlersFinished;`,
    );
    expect(fix(`target();`, ['condition', 'allHandlersFinished'])).toBe(
      `import { condition, allHandlersFinished } from '@temporalio/workflow';\ncondition + allHandlersFinished;`,
    );
  });
});

describe('helpers', () => {
  it('finds comments inside a range and the indentation of a line', () => {
    const linter = new Linter();
    const seen: [boolean, string | undefined][] = [];
    const rule = {
      meta: { type: 'problem', messages: {}, schema: [], defaultOptions: [] },
      create(context: Readonly<TSESLint.RuleContext<string, []>>) {
        return {
          CallExpression(node: TSESTree.CallExpression) {
            seen.push([hasCommentInside(context.sourceCode, node.range), lineIndent(context.sourceCode, node)]);
          },
        };
      },
    };
    linter.verify(
      `  a(/* c */);\nx = b();`,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser },
          plugins: { test: { rules: { r: rule as never } } },
          rules: { 'test/r': 'error' },
        },
      ],
      'x.ts',
    );
    expect(seen).toEqual([
      [true, '  '],
      [false, undefined],
    ]);
  });
});

describe('addNamedImports: reuse and shadowing edge forms', () => {
  it('reuses a require of the module: a namespace binding or a destructured property, unless shadowed', () => {
    expect(fix(`const wf = require('@temporalio/workflow');\nexport function f() { target(); }`, ['sleep'])).toBe(
      `const wf = require('@temporalio/workflow');\nexport function f() { wf.sleep; }`,
    );
    expect(fix(`const { ['sleep']: s, condition: { x }, log: logger, ...rest } = require('@temporalio/workflow');\ntarget();`, ['log'])).toBe(
      `const { ['sleep']: s, condition: { x }, log: logger, ...rest } = require('@temporalio/workflow');\nlogger;`,
    );
    expect(fix(`const { log } = require('@temporalio/workflow');\nexport function f(log: unknown) { target(); }`, ['log'])).toBe(
      `import { log as wfLog } from '@temporalio/workflow';\nconst { log } = require('@temporalio/workflow');\nexport function f(log: unknown) { wfLog; }`,
    );
    expect(fix(`const { sleep: { x } } = require('@temporalio/workflow');\nconst other = require('other');\ntarget();`, ['sleep'])).toBe(
      `import { sleep } from '@temporalio/workflow';\nconst { sleep: { x } } = require('@temporalio/workflow');\nconst other = require('other');\nsleep;`,
    );
    expect(fix(`const wf = require('@temporalio/workflow');\nexport function f(wf: unknown) { target(); }`, ['sleep'])).toBe(
      `import { sleep } from '@temporalio/workflow';\nconst wf = require('@temporalio/workflow');\nexport function f(wf: unknown) { sleep; }`,
    );
  });

  it('does not reuse a shadowed namespace import, and asks for each name once', () => {
    expect(fix(`import * as wf from '@temporalio/workflow';\nexport function f(wf: unknown) { target(); }`, ['sleep', 'sleep'])).toBe(
      `import * as wf from '@temporalio/workflow';\nimport { sleep } from '@temporalio/workflow';\nexport function f(wf: unknown) { sleep + sleep; }`,
    );
  });

  it('avoids names declared by `declare` at the top level and names shadowed where the fix goes', () => {
    expect(fix(`declare var sleep: number;\ntarget();`, ['sleep'])).toBe(
      `import { sleep as wfSleep } from '@temporalio/workflow';\ndeclare var sleep: number;\nwfSleep;`,
    );
    expect(fix(`export function f(sleep: number) { return target() + sleep; }`, ['sleep'])).toBe(
      `import { sleep as wfSleep } from '@temporalio/workflow';\nexport function f(sleep: number) { return wfSleep + sleep; }`,
    );
  });
});
