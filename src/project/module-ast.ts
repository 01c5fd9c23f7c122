/**
 * Facts read from one parsed module (ESTree): import bindings, top-level declarations and constants, local exports.
 * Used by discovery and by the cross-file lookups rules make (`getModuleExportNode`, `getTopLevelConst`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

export interface ImportOrigin {
  source: string;
  /** `'default'`, `'*'` (namespace / whole module) or the imported name. */
  imported: string;
}

export type TopLevelDeclaration = TSESTree.FunctionDeclaration | TSESTree.ClassDeclaration | TSESTree.TSEnumDeclaration;

export interface ParsedModule {
  file: string;
  program: TSESTree.Program;
  /** Value import bindings and top-level `require()` bindings by local name. */
  imports: Map<string, ImportOrigin>;
  /** Top-level `const`/`let`/`var` declarators with an identifier name → initialiser (`null` without one). */
  topLevel: Map<string, TSESTree.Expression | null>;
  /** `const` declarators at any depth → initialiser; `null` when the name is declared more than once. */
  readonly consts: Map<string, TSESTree.Expression | null>;
  /** Top-level function, class and enum declarations. */
  declarations: Map<string, TopLevelDeclaration>;
  /** Export name → local name, for exports of this module's own bindings. */
  exportLocals: Map<string, string>;
  /** Export name → `{ source, imported }` for `export { a } from` and `export * as ns from`. */
  reExports: Map<string, ImportOrigin>;
  /** `export * from` sources. */
  starSources: string[];
  /** The expression of `export default <expression>` (not a named function or class). */
  defaultExpression?: Node;
}

const SKIPPED_KEYS = new Set(['parent', 'loc', 'range', 'tokens', 'comments', 'typeAnnotation', 'returnType', 'typeArguments', 'typeParameters']);

/** Calls `visit` on every node below `root` (depth first), skipping type annotations. Stops early when `visit` returns false. */
export function walk(root: Node, visit: (node: Node) => boolean | undefined): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    const typed = node as Node;
    if (typeof typed.type !== 'string') continue;
    if (visit(typed) === false) continue;
    for (const key of Object.keys(typed)) {
      if (SKIPPED_KEYS.has(key)) continue;
      const value = (typed as unknown as Record<string, unknown>)[key];
      if (value && typeof value === 'object') stack.push(value);
    }
  }
}

export function stringLiteral(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === T.Literal && typeof node.value === 'string') return node.value;
  if (node.type === T.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

export function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === T.Identifier ? node.name : node.value;
}

/** `require('x')` or `await import('x')` → `'x'`. */
function requiredSource(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === T.AwaitExpression) return requiredSource(node.argument);
  if (node.type === T.ImportExpression) return stringLiteral(node.source);
  if (node.type === T.CallExpression && node.callee.type === T.Identifier && node.callee.name === 'require') {
    return stringLiteral(node.arguments[0]);
  }
  return undefined;
}

function addImportDeclaration(decl: TSESTree.ImportDeclaration, imports: Map<string, ImportOrigin>): void {
  if (decl.importKind === 'type') return;
  const source = decl.source.value;
  for (const spec of decl.specifiers) {
    if (spec.type === T.ImportSpecifier) {
      if (spec.importKind === 'type') continue;
      imports.set(spec.local.name, { source, imported: moduleExportName(spec.imported) });
    } else {
      imports.set(spec.local.name, { source, imported: spec.type === T.ImportDefaultSpecifier ? 'default' : '*' });
    }
  }
}

function addRequireDeclarator(declarator: TSESTree.VariableDeclarator, imports: Map<string, ImportOrigin>): void {
  const source = requiredSource(declarator.init);
  if (source === undefined) return;
  if (declarator.id.type === T.Identifier) imports.set(declarator.id.name, { source, imported: '*' });
  else if (declarator.id.type === T.ObjectPattern) {
    for (const prop of declarator.id.properties) {
      if (prop.type !== T.Property || prop.computed || prop.key.type !== T.Identifier) continue;
      const value = prop.value.type === T.AssignmentPattern ? prop.value.left : prop.value;
      if (value.type === T.Identifier) imports.set(value.name, { source, imported: prop.key.name });
    }
  }
}

function declarationName(node: Node): string | undefined {
  if ((node.type === T.FunctionDeclaration || node.type === T.ClassDeclaration || node.type === T.TSEnumDeclaration) && node.id) {
    return node.id.name;
  }
  return undefined;
}

function addExport(statement: TSESTree.ExportNamedDeclaration, mod: ParsedModule): void {
  if (statement.exportKind === 'type') return;
  const decl = statement.declaration;
  if (decl) {
    if (decl.type === T.VariableDeclaration) {
      for (const d of decl.declarations) if (d.id.type === T.Identifier) mod.exportLocals.set(d.id.name, d.id.name);
    } else {
      const name = declarationName(decl);
      if (name) mod.exportLocals.set(name, name);
    }
    return;
  }
  for (const spec of statement.specifiers) {
    if (spec.exportKind === 'type') continue;
    const local = moduleExportName(spec.local);
    const exported = moduleExportName(spec.exported);
    if (statement.source) mod.reExports.set(exported, { source: statement.source.value, imported: local });
    else mod.exportLocals.set(exported, local);
  }
}

function addTopLevel(statement: Node, mod: ParsedModule): void {
  const target = statement.type === T.ExportNamedDeclaration && statement.declaration ? statement.declaration : statement;
  if (target.type === T.VariableDeclaration) {
    for (const d of target.declarations) {
      if (d.id.type === T.Identifier) mod.topLevel.set(d.id.name, d.init);
      addRequireDeclarator(d, mod.imports);
    }
  }
  const name = declarationName(target);
  if (name && target.type !== T.VariableDeclaration) mod.declarations.set(name, target as TopLevelDeclaration);
}

function addStatement(statement: TSESTree.ProgramStatement, mod: ParsedModule): void {
  addTopLevel(statement, mod);
  switch (statement.type) {
    case T.ImportDeclaration:
      addImportDeclaration(statement, mod.imports);
      break;
    case T.TSImportEqualsDeclaration:
      if (statement.importKind !== 'type' && statement.moduleReference.type === T.TSExternalModuleReference) {
        const source = stringLiteral(statement.moduleReference.expression);
        if (source !== undefined) mod.imports.set(statement.id.name, { source, imported: '*' });
      }
      break;
    case T.ExportNamedDeclaration:
      addExport(statement, mod);
      break;
    case T.ExportAllDeclaration:
      if (statement.exportKind === 'type') break;
      if (statement.exported) mod.reExports.set(moduleExportName(statement.exported), { source: statement.source.value, imported: '*' });
      else mod.starSources.push(statement.source.value);
      break;
    case T.ExportDefaultDeclaration: {
      const name = declarationName(statement.declaration);
      if (name) {
        mod.declarations.set(name, statement.declaration as TopLevelDeclaration);
        mod.exportLocals.set('default', name);
      } else if (statement.declaration.type === T.Identifier) mod.exportLocals.set('default', statement.declaration.name);
      else mod.defaultExpression = statement.declaration;
      break;
    }
    default:
      break;
  }
}

/** Collects the facts of a parsed module. */
export function analyseModule(file: string, program: TSESTree.Program): ParsedModule {
  let consts: Map<string, TSESTree.Expression | null> | undefined;
  const mod: ParsedModule = {
    file,
    program,
    imports: new Map(),
    topLevel: new Map(),
    // On first use: the model adopts the tree of every linted file, and few are ever evaluated.
    get consts() {
      return (consts ??= collectConsts(program));
    },
    declarations: new Map(),
    exportLocals: new Map(),
    reExports: new Map(),
    starSources: [],
  };
  for (const statement of program.body) addStatement(statement, mod);
  return mod;
}

function collectConsts(program: TSESTree.Program): Map<string, TSESTree.Expression | null> {
  const consts = new Map<string, TSESTree.Expression | null>();
  walk(program, (node) => {
    if (node.type === T.VariableDeclaration && node.kind === 'const') {
      for (const d of node.declarations) {
        if (d.id.type !== T.Identifier) continue;
        consts.set(d.id.name, consts.has(d.id.name) ? null : d.init);
      }
    }
  });
  return consts;
}
