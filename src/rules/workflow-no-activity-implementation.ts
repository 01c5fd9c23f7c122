import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule.js';
import { resolveImportedFile } from '../utils/cross-file.js';
import { declaredVariables, valueReferences } from '../utils/import-usage.js';
import { preservedImports } from '../utils/preserved-imports.js';
import { unwrapExpression } from '../utils/references.js';
import { getWorkflowCodeContext } from '../utils/workflow-code.js';

export type TypeOnlyImportsMode = 'always' | 'when-preserved';
export type Options = [{ typeOnlyImports?: TypeOnlyImportsMode }];
export type MessageIds = 'directCall' | 'valueUse' | 'activityReExport' | 'typeOnlyImport' | 'preservedTypeOnlyImport';

/** `./activities`, `../activities/index.js`, `@app/activities/payments`, `./payment.activities`. */
const ACTIVITY_SPECIFIER = /(^|\/)(activities(\/.*)?|[^/]+\.activit(y|ies))$/;
const SCRIPT_EXTENSION = /\.[cm]?[jt]sx?$/;
const MAX_NAME = 60;

interface ActivityModule {
  /** Why the module is activity code, for messages. */
  evidence: string;
}

function isNodeModulesPath(file: string): boolean {
  return file.split(/[\\/]/).includes('node_modules');
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > MAX_NAME ? `${oneLine.slice(0, MAX_NAME - 1)}…` : oneLine;
}

export default createRule<Options, MessageIds>({
  name: 'workflow-no-activity-implementation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow calling activity implementations directly from workflow code, and require `import type` for activity modules',
      recommended: 'error',
      strict: { severity: 'error', options: { typeOnlyImports: 'always' } },
    },
    fixable: 'code',
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          typeOnlyImports: {
            type: 'string',
            enum: ['always', 'when-preserved'],
            description:
              'When to report value imports of activity modules whose bindings are used only as types: `always`, or `when-preserved` (only when the tsconfig keeps such imports in compiled code: `verbatimModuleSyntax`, `preserveValueImports`, `importsNotUsedAsValues: "preserve"`).',
          },
        },
      },
    ],
    defaultOptions: [{ typeOnlyImports: 'when-preserved' }],
    messages: {
      directCall:
        '`{{name}}` is an activity implementation ({{evidence}}): calling it from workflow code runs it inline in the workflow sandbox, with no retries, no timeout and no history, and bundles its module into the workflow{{why}}. Call it through `proxyActivities()` instead.',
      valueUse:
        '`{{name}}` comes from an activity module ({{evidence}}): using it as a value bundles the activity code and its imports into the workflow sandbox{{why}}. Import activity types with `import type` and call activities through `proxyActivities()`.',
      activityReExport:
        'Re-exporting activity module `{{source}}` ({{evidence}}) from workflow code bundles the activities into the workflow sandbox, and a `workflowsPath` module would register them as workflow types{{why}}. Re-export only types, with `export type`.',
      typeOnlyImport:
        'Activity module `{{source}}` ({{evidence}}) is imported only for its types: use `import type`, so that no compiler setting can bundle activity code into the workflow sandbox{{why}}.',
      preservedTypeOnlyImport:
        '`{{option}}` (in `{{tsconfig}}`) keeps this import in the compiled workflow code, so the worker bundles activity module `{{source}}` ({{evidence}}) and everything it imports into the workflow sandbox{{why}}. Use `import type`.',
    },
  },
  create(context, [options]) {
    const wc = getWorkflowCodeContext(context);
    if (!wc) return {};
    const { why, model, resolver } = wc;
    const sourceCode = context.sourceCode;
    const mode: TypeOnlyImportsMode = options.typeOnlyImports ?? 'when-preserved';

    let registeredFiles: Set<string> | undefined;
    function registered(): Set<string> {
      if (!registeredFiles) {
        registeredFiles = new Set();
        try {
          for (const file of model.activityModules()) registeredFiles.add(file.split(path.sep).join('/'));
        } catch {
          // no registrations known
        }
      }
      return registeredFiles;
    }

    const moduleCache = new Map<string, ActivityModule | null>();
    function activityModule(specifier: string): ActivityModule | undefined {
      const cached = moduleCache.get(specifier);
      if (cached !== undefined) return cached ?? undefined;
      let result: ActivityModule | undefined;
      try {
        result = classify(specifier);
      } catch {
        result = undefined;
      }
      moduleCache.set(specifier, result ?? null);
      return result;
    }

    function classify(specifier: string): ActivityModule | undefined {
      const resolved = resolveImportedFile(context, specifier);
      if (resolved !== undefined) {
        if (isNodeModulesPath(resolved)) return undefined;
        const info = model.fileInfo(resolved);
        const evidence = info.roles.get('activity');
        if (!evidence) return undefined;
        // A module that is activity code only because activities import it may be a shared, pure helper.
        const isImplementation =
          evidence.source !== 'discovery' || registered().has(resolved.split(path.sep).join('/')) || !info.has('workflow');
        if (!isImplementation) return undefined;
        return { evidence: info.describe('activity') ?? `${specifier} is activity code` };
      }
      const bare = specifier.replace(SCRIPT_EXTENSION, '');
      if (ACTIVITY_SPECIFIER.test(bare)) return { evidence: `\`${specifier}\` is named like an activity module` };
      return undefined;
    }

    function reportTypeOnly(node: TSESTree.ImportDeclaration, module: ActivityModule, fix: TSESLint.ReportFixFunction | null): void {
      const preserved = preservedImports(context.filename);
      const source = node.source.value;
      if (preserved) {
        const tsconfig = path.relative(context.cwd, preserved.file).split(path.sep).join('/') || preserved.file;
        context.report({
          node,
          messageId: 'preservedTypeOnlyImport',
          data: { option: preserved.option, tsconfig, source, evidence: module.evidence, why },
          fix,
        });
      } else if (mode === 'always') {
        context.report({ node, messageId: 'typeOnlyImport', data: { source, evidence: module.evidence, why }, fix });
      }
    }

    /** `import type ...` for a declaration whose bindings are all unused as values. */
    function wholeDeclarationFix(node: TSESTree.ImportDeclaration): TSESLint.ReportFixFunction | null {
      if (node.attributes.length > 0) return null;
      const importToken = sourceCode.getFirstToken(node);
      if (importToken?.value !== 'import') return null;
      const defaults = node.specifiers.filter((s) => s.type === T.ImportDefaultSpecifier);
      const others = node.specifiers.filter((s) => s.type !== T.ImportDefaultSpecifier);
      const named = node.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === T.ImportSpecifier);
      const specifierText = (s: TSESTree.ImportSpecifier): string => {
        const text = sourceCode.getText(s);
        return s.importKind === 'type' ? text.replace(/^type\s+/, '') : text;
      };
      if (defaults.length > 0 && others.length > 0) {
        // `import type` cannot name a default and other bindings at once: split the declaration.
        if (sourceCode.getCommentsInside(node).length > 0) return null;
        const defaultSpec = defaults[0];
        if (!defaultSpec) return null;
        const src = sourceCode.getText(node.source);
        const semi = sourceCode.getLastToken(node)?.value === ';' ? ';' : '';
        const indent = ' '.repeat(node.loc.start.column);
        const rest =
          others[0]?.type === T.ImportNamespaceSpecifier
            ? sourceCode.getText(others[0])
            : `{ ${named.map(specifierText).join(', ')} }`;
        const text = `import type ${defaultSpec.local.name} from ${src}${semi}\n${indent}import type ${rest} from ${src}${semi}`;
        return (fixer) => fixer.replaceText(node, text);
      }
      return (fixer) => {
        const fixes = [fixer.insertTextAfter(importToken, ' type')];
        for (const spec of named) {
          if (spec.importKind !== 'type') continue;
          const typeToken = sourceCode.getFirstToken(spec);
          const next = typeToken ? sourceCode.getTokenAfter(typeToken, { includeComments: true }) : null;
          if (typeToken?.value === 'type' && next) fixes.push(fixer.removeRange([typeToken.range[0], next.range[0]]));
        }
        return fixes;
      };
    }

    function checkImport(node: TSESTree.ImportDeclaration): void {
      if (node.importKind === 'type' || node.specifiers.length === 0) return;
      const module = activityModule(node.source.value);
      if (!module) return;
      const typeOnlySpecifiers: TSESTree.ImportClause[] = [];
      let anyValueSpecifier = false;
      for (const spec of node.specifiers) {
        if (spec.type === T.ImportSpecifier && spec.importKind === 'type') continue;
        const variable = declaredVariables(sourceCode, spec)[0];
        if (!variable) continue;
        const uses = valueReferences(variable);
        if (uses.length === 0) {
          typeOnlySpecifiers.push(spec);
          continue;
        }
        anyValueSpecifier = true;
        for (const use of uses) reportValueUse(use, module);
      }
      if (typeOnlySpecifiers.length === 0) return;
      if (!anyValueSpecifier) {
        reportTypeOnly(node, module, wholeDeclarationFix(node));
        return;
      }
      // Mixed: named bindings used only as types get an inline `type`.
      const inline = typeOnlySpecifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === T.ImportSpecifier);
      reportTypeOnly(
        node,
        module,
        inline.length === typeOnlySpecifiers.length ? (fixer) => inline.map((s) => fixer.insertTextBefore(s, 'type ')) : null,
      );
    }

    /** A value use of an activity binding that is not a call (calls are reported by the `CallExpression` visitor). */
    function reportValueUse(use: TSESTree.Identifier, module: ActivityModule): void {
      let outer: TSESTree.Node = use;
      while (outer.parent.type === T.MemberExpression && outer.parent.object === outer) outer = outer.parent;
      let callee: TSESTree.Node = outer;
      while (
        callee.parent.type === T.ChainExpression ||
        callee.parent.type === T.TSNonNullExpression ||
        callee.parent.type === T.TSAsExpression ||
        callee.parent.type === T.TSInstantiationExpression
      ) {
        callee = callee.parent;
      }
      const parent = callee.parent;
      if ((parent.type === T.CallExpression || parent.type === T.NewExpression) && parent.callee === callee) return;
      if (parent.type === T.UnaryExpression && parent.operator === 'typeof') return;
      context.report({ node: outer, messageId: 'valueUse', data: { name: shorten(sourceCode.getText(outer)), evidence: module.evidence, why } });
    }

    function checkCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const callee = unwrapExpression(node.callee);
      const ref = resolver.resolve(callee);
      if (ref?.kind !== 'module') return;
      const module = activityModule(ref.source);
      if (!module) return;
      context.report({ node: callee, messageId: 'directCall', data: { name: shorten(sourceCode.getText(callee)), evidence: module.evidence, why } });
    }

    return {
      ImportDeclaration: checkImport,
      CallExpression: checkCall,
      NewExpression: checkCall,
      ExportAllDeclaration(node) {
        if (node.exportKind === 'type') return;
        const module = activityModule(node.source.value);
        if (module) context.report({ node, messageId: 'activityReExport', data: { source: node.source.value, evidence: module.evidence, why } });
      },
      ExportNamedDeclaration(node) {
        if (!node.source || node.exportKind === 'type') return;
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.exportKind === 'type')) return;
        const module = activityModule(node.source.value);
        if (module) context.report({ node, messageId: 'activityReExport', data: { source: node.source.value, evidence: module.evidence, why } });
      },
    };
  },
});
