/**
 * Precise "is this import binding used as a value?" with TypeScript's own parser (no type checker):
 * identifiers inside type nodes, interfaces, type aliases and `implements` clauses do not count,
 * exactly like the import elision of TypeScript and swc. Returns `undefined` when TypeScript is not installed.
 */
import type * as TS from 'typescript';
import { loadOptional } from './load.js';

function typescript(): typeof TS | undefined {
  return loadOptional('typescript', ['.', '@typescript-eslint/typescript-estree']) as typeof TS | undefined;
}

function isTypeOnlyContext(ts: typeof TS, node: TS.Node): boolean {
  if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return true;
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isImportDeclaration(node)) return true;
  if (ts.isImportEqualsDeclaration(node)) return true;
  if (ts.isHeritageClause(node)) {
    return node.token === ts.SyntaxKind.ImplementsKeyword || ts.isInterfaceDeclaration(node.parent);
  }
  if (ts.isExportDeclaration(node)) return node.isTypeOnly || node.moduleSpecifier !== undefined;
  if (ts.isExportSpecifier(node)) return node.isTypeOnly;
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword) ?? false;
}

function isReference(ts: typeof TS, node: TS.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node) return false;
  if (ts.isExportSpecifier(parent) && parent.propertyName !== undefined && parent.name === node) return false;
  return true;
}

/** Names among `names` that `text` uses in a value position; `undefined` without TypeScript. */
export function valueUsages(text: string, names: ReadonlySet<string>, jsx = true): Set<string> | undefined {
  const ts = typescript();
  if (!ts) return undefined;
  try {
    const kind = jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const source = ts.createSourceFile('file.tsx', text, ts.ScriptTarget.Latest, true, kind);
    const used = new Set<string>();
    const visit = (node: TS.Node): void => {
      if (isTypeOnlyContext(ts, node)) return;
      if (ts.isIdentifier(node) && names.has(node.text) && isReference(ts, node)) used.add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
    return used;
  } catch {
    return undefined;
  }
}
