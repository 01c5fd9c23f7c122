import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils } from '@typescript-eslint/utils';
import { IO_CATEGORY_LABEL, matchIoPackage, type IoMatch } from '../sdk/io-packages.js';
import { NON_WORKFLOW_PACKAGES } from '../sdk/non-workflow-packages.js';
import {
  ALLOWED_BUILTIN_MODULES,
  isDisallowedBuiltin,
  moduleMatches,
  STUB_MODULE_EXPORTS,
} from '../sdk/node-builtins.js';
import { getTemporalSettings, type ProjectModel, type WorkerInfo } from '../project/index.js';
import { createRule } from '../utils/create-rule.js';
import { declaredVariables, isElidedImport, valueReferences } from '../utils/import-usage.js';
import { isTypeScriptFile, preservedImports } from '../utils/preserved-imports.js';
import { getWorkflowCodeContext } from '../utils/workflow-code.js';

export type Options = [];
export type MessageIds =
  | 'nodeSchemeAllowed'
  | 'nodeScheme'
  | 'nodeBuiltin'
  | 'builtinSubpath'
  | 'nonWorkflowPackage'
  | 'ioPackage'
  | 'stubMember'
  | 'ignoredModuleUse'
  | 'dynamicImport'
  | 'nonLiteralRequire';

const NODE_SCHEME = 'node:';

const ignoring = new WeakMap<readonly WorkerInfo[], boolean>();

/** Some worker has `ignoreModules` (most projects have none: then no file has any). Once per list of workers. */
function anyIgnoredModules(model: ProjectModel): boolean {
  const workers = model.workers;
  let any = ignoring.get(workers);
  if (any === undefined) {
    any = workers.some((w) => w.ignoreModules.length > 0);
    ignoring.set(workers, any);
  }
  return any;
}

/** What the built-in lists say of a module specifier (the same in every file). */
interface SpecifierFacts {
  builtin: boolean;
  sdk: (typeof NON_WORKFLOW_PACKAGES)[number] | undefined;
  io: IoMatch | undefined;
}

const MAX_SPECIFIERS = 10_000;
const specifiers = new Map<string, SpecifierFacts>();

/**
 * The lists are tried entry by entry (the I/O list pattern by pattern), and a project imports the same few modules
 * from many files: each specifier is classified once.
 */
function specifierFacts(specifier: string): SpecifierFacts {
  let facts = specifiers.get(specifier);
  if (!facts) {
    facts = {
      builtin: isDisallowedBuiltin(specifier),
      sdk: NON_WORKFLOW_PACKAGES.find((entry) => moduleMatches(specifier, [entry.module])),
      io: matchIoPackage(specifier),
    };
    if (specifiers.size >= MAX_SPECIFIERS) specifiers.clear();
    specifiers.set(specifier, facts);
  }
  return facts;
}

/** `matchIoPackage(specifier, extra)`: the built-in list first, then the settings' `ioModules`. */
function ioPackage(specifier: string, extra: readonly string[]): IoMatch | undefined {
  const builtIn = specifierFacts(specifier).io;
  if (builtIn) return builtIn;
  return extra.length > 0 ? matchIoPackage(specifier, extra) : undefined;
}

const NON_WORKFLOW_HINTS: Readonly<Record<string, string>> = {
  '@temporalio/activity': 'Call activities through `proxyActivities()` and import their types with `import type`',
  '@temporalio/common/lib/internal-non-workflow':
    'Import what workflow code needs from `@temporalio/common` or `@temporalio/workflow`',
};
const DEFAULT_NON_WORKFLOW_HINT = 'Import it only from worker, client, activity or test code';

function stringValue(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === T.Literal && typeof node.value === 'string') return node.value;
  if (node?.type === T.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) return node.property.type === T.Identifier ? node.property.name : undefined;
  return stringValue(node.property);
}

function patternKeyName(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === T.Identifier) return property.key.name;
  return stringValue(property.key);
}

export default createRule<Options, MessageIds>({
  name: 'workflow-no-disallowed-modules',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow modules in workflow code that fail the workflow bundle or are empty at run time',
      recommended: 'error',
    },
    fixable: 'code',
    schema: [],
    messages: {
      nodeSchemeAllowed:
        'The workflow bundler cannot read `node:` specifiers: `{{source}}` makes `Worker.create` fail with `UnhandledSchemeError`{{why}}. Import `{{bare}}` instead.',
      nodeScheme:
        '`{{source}}` is a Node built-in, which workflow code cannot import: the bundler fails on the `node:` scheme (`UnhandledSchemeError`) and `Worker.create` rejects the bundle{{why}}. Move this code to an activity.',
      nodeBuiltin:
        '`{{source}}` is a Node built-in, which workflow code cannot import: `Worker.create` rejects the workflow bundle ("importing the following disallowed modules"){{why}}. Move this code to an activity.',
      builtinSubpath:
        '`{{source}}` is a disallowed module in workflow code, because only the bare `assert`, `url` and `util` built-ins are allowed: `Worker.create` rejects the workflow bundle{{why}}. Import `{{base}}` or move this code to an activity.',
      nonWorkflowPackage:
        '`{{source}}` cannot run in the workflow sandbox: `Worker.create` rejects any workflow bundle that imports it{{why}}. {{hint}}.',
      ioPackage:
        '`{{source}}` is {{category}}, and workflow code cannot do I/O: the worker rejects the bundle (Node built-ins) or the call fails in the sandbox, which has no network or file APIs{{why}}. Call it from an activity.',
      stubMember:
        'In the workflow bundle `{{module}}` is a stub that exports only {{exports}}: `{{name}}` is `undefined` when the workflow runs{{why}}. Move this code to an activity.',
      ignoredModuleUse:
        '`{{source}}` is in the worker\'s `bundlerOptions.ignoreModules`, so it is an empty module in the workflow bundle: using `{{name}}` fails with a `TypeError` when the workflow runs{{why}}.',
      dynamicImport:
        'A dynamic `import()` in workflow code makes the whole workflow bundle fail to load ("Automatic publicPath is not supported in this browser"), so no workflow of the worker can run{{why}}. Use a static `import`.',
      nonLiteralRequire:
        '`require()` with a computed argument cannot be resolved by the workflow bundler: webpack bundles every file the expression could match, or none, and the call fails with "Cannot find module" for anything else{{why}}. Use static imports.',
    },
  },
  create(context) {
    const wc = getWorkflowCodeContext(context);
    if (!wc) return {};
    const { why, model } = wc;
    const sourceCode = context.sourceCode;

    let ignoreModules: readonly string[] = [];
    let ioExtra: readonly string[] = [];
    try {
      // `ignoreModules` of the workers whose bundle contains this file; `settings.temporalio.ioModules`.
      if (anyIgnoredModules(model)) ignoreModules = model.ignoredModules(context.filename);
      ioExtra = getTemporalSettings(context).ioModules ?? [];
    } catch {
      // keep the defaults
    }
    // TypeScript elides imports used only as types, unless the tsconfig preserves them (read on first need).
    let elides: boolean | undefined;
    const elisionApplies = (): boolean => (elides ??= isTypeScriptFile(context.filename) && preservedImports(context.filename) === undefined);

    function resolvesToProjectFile(specifier: string): boolean {
      try {
        const resolved = model.resolveModule(context.filename, specifier);
        return resolved !== undefined && !resolved.split(/[\\/]/).includes('node_modules');
      } catch {
        return false;
      }
    }

    function isGlobalRequire(callee: TSESTree.Node): boolean {
      if (callee.type !== T.Identifier || callee.name !== 'require') return false;
      try {
        const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
        return !variable || variable.defs.length === 0;
      } catch {
        return false;
      }
    }

    /** Report a disallowed specifier; returns what the bindings of this import need checking for. */
    function checkSpecifier(specifier: string, literal: TSESTree.Node): { stub?: string; ignored: boolean } {
      if (specifier.startsWith(NODE_SCHEME)) {
        const bare = specifier.slice(NODE_SCHEME.length);
        if (ALLOWED_BUILTIN_MODULES.includes(bare)) {
          context.report({
            node: literal,
            messageId: 'nodeSchemeAllowed',
            data: { source: specifier, bare, why },
            fix(fixer) {
              const raw = sourceCode.getText(literal);
              const quote = raw.charAt(0);
              if (quote !== "'" && quote !== '"' && quote !== '`') return null;
              return fixer.replaceText(literal, `${quote}${bare}${quote}`);
            },
          });
          return { ...(bare in STUB_MODULE_EXPORTS ? { stub: bare } : {}), ignored: false };
        }
        context.report({ node: literal, messageId: 'nodeScheme', data: { source: specifier, why } });
        return { ignored: false };
      }
      const ignored = moduleMatches(specifier, ignoreModules);
      const facts = specifierFacts(specifier);
      if (facts.builtin) {
        if (ignored) return { ignored: true };
        const base = specifier.split('/')[0] ?? specifier;
        if (ALLOWED_BUILTIN_MODULES.includes(base)) {
          context.report({ node: literal, messageId: 'builtinSubpath', data: { source: specifier, base, why } });
        } else {
          context.report({ node: literal, messageId: 'nodeBuiltin', data: { source: specifier, why } });
        }
        return { ignored: false };
      }
      const sdk = facts.sdk;
      if (sdk) {
        if (ignored) return { ignored: true };
        context.report({
          node: literal,
          messageId: 'nonWorkflowPackage',
          data: { source: specifier, hint: NON_WORKFLOW_HINTS[sdk.module] ?? DEFAULT_NON_WORKFLOW_HINT, why },
        });
        return { ignored: false };
      }
      if (ignored) return { ignored: true };
      const io = ioPackage(specifier, ioExtra);
      if (io && !resolvesToProjectFile(specifier)) {
        const category = io.category === 'settings' ? 'an I/O package (settings `temporalio.ioModules`)' : IO_CATEGORY_LABEL[io.category];
        context.report({ node: literal, messageId: 'ioPackage', data: { source: specifier, category, why } });
        return { ignored: false };
      }
      return { ...(specifier in STUB_MODULE_EXPORTS ? { stub: specifier } : {}), ignored: false };
    }

    function reportStubMember(node: TSESTree.Node, stub: string, name: string): void {
      const exports = STUB_MODULE_EXPORTS[stub];
      if (!exports || exports.includes(name) || name === 'default' || name === '__esModule') return;
      context.report({
        node,
        messageId: 'stubMember',
        data: { module: stub, exports: exports.map((e) => `\`${e}\``).join(' and '), name, why },
      });
    }

    /** Members read from a whole-module binding (`util.promisify`, `const { promisify } = util`). */
    function checkModuleObjectUse(use: TSESTree.Node, stub: string): void {
      const parent = use.parent;
      if (parent?.type === T.MemberExpression && parent.object === use) {
        const name = memberName(parent);
        if (name !== undefined) reportStubMember(parent.property, stub, name);
      } else if (parent?.type === T.VariableDeclarator && parent.init === use && parent.id.type === T.ObjectPattern) {
        for (const property of parent.id.properties) {
          if (property.type !== T.Property) continue;
          const name = patternKeyName(property);
          if (name !== undefined) reportStubMember(property.key, stub, name);
        }
      }
    }

    function reportIgnoredUse(use: TSESTree.Node, specifier: string, name: string): void {
      const parent = use.parent;
      if (parent?.type === T.UnaryExpression && parent.operator === 'typeof') return;
      if (parent?.type === T.ExportSpecifier) return;
      let shown = name;
      if (parent?.type === T.MemberExpression && parent.object === use) {
        const member = memberName(parent);
        if (member !== undefined) shown = `${name}.${member}`;
        if (parent.optional) return;
        // `fs.existsSync?.(path)`: an optional call of a member that is missing is a safe feature check.
        if (parent.parent.type === T.CallExpression && parent.parent.callee === parent && parent.parent.optional) return;
        // `typeof fs.readFileSync === 'function'` is a safe feature check.
        if (parent.parent.type === T.UnaryExpression && parent.parent.operator === 'typeof') return;
      }
      context.report({ node: use, messageId: 'ignoredModuleUse', data: { source: specifier, name: shown, why } });
    }

    /** Bindings declared by an import / `import x = require()` / `const x = require()`. */
    function checkBindings(declaration: TSESTree.Node, specifier: string, found: { stub?: string; ignored: boolean }): void {
      if (!found.stub && !found.ignored) return;
      for (const variable of declaredVariables(sourceCode, declaration)) {
        const def = variable.defs[0];
        if (!def) continue;
        const uses = valueReferences(variable);
        if (found.ignored) {
          for (const use of uses) reportIgnoredUse(use, specifier, variable.name);
          continue;
        }
        const stub = found.stub;
        if (stub === undefined) continue;
        const node = def.node;
        if (node.type === T.ImportSpecifier) {
          if (node.importKind === 'type') continue;
          if (uses.length === 0 && elisionApplies()) continue;
          const imported = node.imported.type === T.Identifier ? node.imported.name : node.imported.value;
          reportStubMember(node.imported, stub, imported);
        } else if (node.type === T.VariableDeclarator && node.id.type === T.ObjectPattern) {
          // `const { promisify } = require('util')`: reported once, at the pattern (below)
        } else {
          for (const use of uses) checkModuleObjectUse(use, stub);
        }
      }
    }

    function checkRequireCall(node: TSESTree.CallExpression): void {
      if (!isGlobalRequire(node.callee) || node.arguments.length !== 1) return;
      const arg = node.arguments[0];
      if (!arg) return;
      const specifier = stringValue(arg);
      if (specifier === undefined) {
        if (arg.type !== T.SpreadElement) context.report({ node, messageId: 'nonLiteralRequire', data: { why } });
        return;
      }
      const found = checkSpecifier(specifier, arg);
      const parent = node.parent;
      if (parent.type === T.VariableDeclarator && parent.init === node) {
        if (found.stub && parent.id.type === T.ObjectPattern) checkModuleObjectUse(node, found.stub);
        checkBindings(parent, specifier, found);
      } else if (parent.type === T.MemberExpression && parent.object === node) {
        if (found.stub) checkModuleObjectUse(node, found.stub);
        if (found.ignored && !parent.optional) {
          context.report({
            node: parent,
            messageId: 'ignoredModuleUse',
            data: { source: specifier, name: sourceCode.getText(parent), why },
          });
        }
      }
    }

    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type') return;
        const { specifiers } = node;
        if (specifiers.length > 0 && specifiers.every((s) => s.type === T.ImportSpecifier && s.importKind === 'type')) return;
        if (isElidedImport(sourceCode, node) && elisionApplies()) return;
        const found = checkSpecifier(node.source.value, node.source);
        checkBindings(node, node.source.value, found);
      },
      TSImportEqualsDeclaration(node) {
        if (node.importKind === 'type') return;
        const ref = node.moduleReference;
        if (ref.type !== T.TSExternalModuleReference) return;
        const specifier = stringValue(ref.expression);
        if (specifier === undefined) return;
        if (isElidedImport(sourceCode, node) && elisionApplies()) return;
        const found = checkSpecifier(specifier, ref.expression);
        checkBindings(node, specifier, found);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind === 'type') return;
        checkSpecifier(node.source.value, node.source);
      },
      ExportNamedDeclaration(node) {
        if (!node.source || node.exportKind === 'type') return;
        const { specifiers } = node;
        if (specifiers.length > 0 && specifiers.every((s) => s.exportKind === 'type')) return;
        const found = checkSpecifier(node.source.value, node.source);
        if (found.stub) {
          for (const spec of specifiers) {
            if (spec.exportKind === 'type') continue;
            const local = spec.local.type === T.Identifier ? spec.local.name : spec.local.value;
            reportStubMember(spec.local, found.stub, local);
          }
        }
      },
      ImportExpression(node) {
        context.report({ node, messageId: 'dynamicImport', data: { why } });
      },
      CallExpression: checkRequireCall,
    };
  },
});
