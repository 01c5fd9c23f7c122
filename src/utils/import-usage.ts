/**
 * How the bindings of an import (or `require`) are used: as values, or only in type positions.
 *
 * typescript-eslint's scope manager records `typeof x` inside a type (`proxyActivities<typeof acts>`) as a value
 * reference; for TypeScript's import elision it is a type position, and so it is here.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

/** True when `node` is inside a type: `typeof x` in an annotation or type argument, a type reference, ... */
export function isInTypePosition(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    switch (current.type) {
      case T.TSTypeQuery:
      case T.TSTypeReference:
      case T.TSTypeAnnotation:
      case T.TSTypeParameterInstantiation:
      case T.TSInterfaceHeritage:
      case T.TSTypeAliasDeclaration:
      case T.TSInterfaceDeclaration:
        return true;
      case T.ExpressionStatement:
      case T.VariableDeclaration:
      case T.BlockStatement:
      case T.Program:
        return false;
      default:
        break;
    }
  }
  return false;
}

/** References of `variable` that are uses of its value at run time (reads outside type positions). */
export function valueReferences(variable: TSESLint.Scope.Variable): TSESTree.Identifier[] {
  const out: TSESTree.Identifier[] = [];
  for (const ref of variable.references) {
    if (!ref.isValueReference || ref.init === true) continue;
    if (ref.isWrite() && !ref.isRead()) continue;
    const id = ref.identifier;
    if (id.type !== T.Identifier) continue;
    if (isInTypePosition(id)) continue;
    out.push(id);
  }
  return out;
}

/** The variables an import declaration (or `import x = require()`) declares, never throwing. */
export function declaredVariables(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): readonly TSESLint.Scope.Variable[] {
  try {
    return sourceCode.getDeclaredVariables(node);
  } catch {
    return [];
  }
}

/**
 * True when TypeScript (and swc, in the worker's bundler) would drop this import from emitted JavaScript under
 * default settings: it declares bindings and none of them is used as a value.
 */
export function isElidedImport(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.ImportDeclaration | TSESTree.TSImportEqualsDeclaration): boolean {
  if (node.type === T.ImportDeclaration && node.specifiers.length === 0) return false;
  const variables = declaredVariables(sourceCode, node);
  if (variables.length === 0) return false;
  return variables.every((variable) => valueReferences(variable).length === 0);
}
