import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { PUBLIC_EXPORTS } from '../sdk/public-exports.js';
import { createRule } from '../utils/create-rule.js';
import { mayNameModule } from '../utils/references.js';

export type Options = [];
export type MessageIds = 'internalImport' | 'internalImportNoPublic' | 'usePublicEntry';

const INTERNAL = /^(@temporalio\/[^/]+)\/(lib|src)(\/.*)?$/;

interface Internal {
  pkg: string;
  /** Normalised module id, as in PUBLIC_EXPORTS: `@temporalio/common/lib/failure`. */
  module: string;
}

function parseInternal(source: string): Internal | undefined {
  const m = INTERNAL.exec(source);
  if (!m?.[1]) return undefined;
  const pkg = m[1];
  let rest = (m[3] ?? '/index').replace(/\.(d\.ts|js|ts|cjs|mjs)$/, '');
  if (rest === '/' || rest === '') rest = '/index';
  return { pkg, module: `${pkg}/lib${rest}` };
}

/** Names taken from the module, or undefined when the whole module is used (namespace, default, side effect). */
function importedNames(node: TSESTree.Node): string[] | undefined {
  const name = (n: TSESTree.Identifier | TSESTree.StringLiteral): string => (n.type === T.Identifier ? n.name : n.value);
  switch (node.type) {
    case T.ImportDeclaration: {
      if (node.specifiers.length === 0) return undefined;
      const names: string[] = [];
      for (const s of node.specifiers) {
        if (s.type !== T.ImportSpecifier) return undefined;
        names.push(name(s.imported));
      }
      return names;
    }
    case T.ExportNamedDeclaration:
      return node.specifiers.map((s) => name(s.local));
    case T.CallExpression: {
      const parent = node.parent;
      if (parent.type !== T.VariableDeclarator || parent.id.type !== T.ObjectPattern) return undefined;
      const names: string[] = [];
      for (const p of parent.id.properties) {
        if (p.type === T.RestElement || p.computed || p.key.type !== T.Identifier) return undefined;
        names.push(p.key.name);
      }
      return names;
    }
    default:
      return undefined;
  }
}

export default createRule<Options, MessageIds>({
  name: 'no-temporal-internal-imports',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow imports from the internal `lib/` and `src/` paths of `@temporalio/*` packages',
      recommended: 'warn',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      internalImport:
        '`{{source}}` is an internal path of `{{pkg}}`, not covered by semver: it can move or change in any SDK release. Import from `{{pkg}}` instead.',
      internalImportNoPublic:
        '`{{source}}` is an internal path of `{{pkg}}`, not covered by semver: it can move or change in any SDK release, and `{{pkg}}` does not export what is imported here.',
      usePublicEntry: 'Import from `{{pkg}}`.',
    },
  },
  create(context) {
    // Only specifiers under `@temporalio/` are reported.
    if (!mayNameModule(context.sourceCode, '@temporalio/')) return {};
    function check(node: TSESTree.Node, sourceNode: TSESTree.StringLiteral): void {
      const internal = parseInternal(sourceNode.value);
      if (!internal) return;
      const publicNames = PUBLIC_EXPORTS[internal.pkg];
      const names = importedNames(node);
      const data = { source: sourceNode.value, pkg: internal.pkg };
      const isTypeOnly =
        (node.type === T.ImportDeclaration || node.type === T.ExportNamedDeclaration) &&
        (node.type === T.ImportDeclaration ? node.importKind : node.exportKind) === 'type';
      const rewrite = (fixer: Parameters<NonNullable<Parameters<typeof context.report>[0]['fix']>>[0]) => {
        const quote = context.sourceCode.getText(sourceNode).startsWith('"') ? '"' : "'";
        return fixer.replaceText(sourceNode, `${quote}${internal.pkg}${quote}`);
      };
      if (!publicNames || !names || names.length === 0 || !names.every((n) => n in publicNames)) {
        context.report({ node: sourceNode, messageId: 'internalImportNoPublic', data });
        return;
      }
      const sameDeclaration =
        internal.module === `${internal.pkg}/lib/index` || names.every((n) => publicNames[n] === internal.module);
      if (sameDeclaration || isTypeOnly) {
        context.report({ node: sourceNode, messageId: 'internalImport', data, fix: rewrite });
      } else {
        context.report({
          node: sourceNode,
          messageId: 'internalImport',
          data,
          suggest: [{ messageId: 'usePublicEntry', data, fix: rewrite }],
        });
      }
    }

    return {
      ImportDeclaration(node) {
        check(node, node.source);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source);
      },
      ExportAllDeclaration(node) {
        check(node, node.source);
      },
      ImportExpression(node) {
        if (node.source.type === T.Literal && typeof node.source.value === 'string') {
          check(node, node.source);
        }
      },
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference.type === T.TSExternalModuleReference) check(node, node.moduleReference.expression);
      },
      CallExpression(node) {
        if (node.callee.type !== T.Identifier || node.callee.name !== 'require' || node.arguments.length !== 1) return;
        const arg = node.arguments[0];
        if (arg?.type === T.Literal && typeof arg.value === 'string') check(node, arg);
      },
    };
  },
});
