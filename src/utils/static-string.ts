import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { unwrapExpression } from './references.js';
import { evaluate, scopeLookup } from './static-value.js';

const { DefinitionType } = TSESLintRuntime.Scope;

/**
 * What a name argument (`patched(id)`, `defineSignal(name)`) is, statically:
 * - `string`: its value is known (`'v2'`, `` `order-${'x'}` ``, a `const` in scope, an `as const` member, a string enum member);
 * - `opaque`: fixed at build time but defined elsewhere (an imported binding or a member of one), so not checked;
 * - `parameter`: a parameter of the enclosing function, passed through (a wrapper such as `isPatched(id)`);
 * - `dynamic`: computed at run time (a call, a `let`, a member of run-time data, a template with such parts);
 * - `nonString`: a literal that is not a string.
 */
export type StaticString =
  | { kind: 'string'; value: string }
  | { kind: 'opaque' }
  | { kind: 'parameter' }
  | { kind: 'dynamic' }
  | { kind: 'nonString' };

type SourceCode = Readonly<TSESLint.SourceCode>;

function variableOf(sourceCode: SourceCode, node: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  try {
    return ASTUtils.findVariable(sourceCode.getScope(node), node);
  } catch {
    return null;
  }
}

/** Never throws. */
export function staticString(sourceCode: SourceCode, input: TSESTree.Node): StaticString {
  try {
    const value = evaluate(input, scopeLookup(sourceCode));
    if (value.kind === 'literal') {
      return typeof value.value === 'string' ? { kind: 'string', value: value.value } : { kind: 'nonString' };
    }
    return classifyUnknown(sourceCode, unwrapExpression(input));
  } catch {
    return { kind: 'opaque' };
  }
}

function classifyUnknown(sourceCode: SourceCode, node: TSESTree.Node): StaticString {
  if (node.type === T.Identifier) {
    const def = variableOf(sourceCode, node)?.defs[0];
    if (!def) return { kind: 'dynamic' };
    if (def.type === DefinitionType.ImportBinding) return { kind: 'opaque' };
    if (def.type === DefinitionType.Parameter) return { kind: 'parameter' };
    if (def.type === DefinitionType.Variable && def.parent.kind === 'const' && def.node.init) {
      const init = unwrapExpression(def.node.init);
      // `const ID = Names.V2` / `const ID = imported`: judge the initialiser.
      if (init.type === T.Identifier || init.type === T.MemberExpression) return classifyUnknown(sourceCode, init);
    }
    return { kind: 'dynamic' };
  }
  if (node.type === T.MemberExpression) {
    const enumValue = enumMember(sourceCode, node);
    if (enumValue) return enumValue;
    let root: TSESTree.Node = node;
    while (root.type === T.MemberExpression) root = unwrapExpression(root.object);
    if (root.type === T.Identifier) {
      const def = variableOf(sourceCode, root)?.defs[0];
      if (def?.type === DefinitionType.ImportBinding) return { kind: 'opaque' };
    }
    return { kind: 'dynamic' };
  }
  return { kind: 'dynamic' };
}

/** `Names.V2` for a `enum Names { V2 = 'v2' }` in scope. */
function enumMember(sourceCode: SourceCode, node: TSESTree.MemberExpression): StaticString | undefined {
  const object = unwrapExpression(node.object);
  if (object.type !== T.Identifier) return undefined;
  let key: string | undefined;
  if (!node.computed && node.property.type === T.Identifier) key = node.property.name;
  else if (node.property.type === T.Literal && typeof node.property.value === 'string') key = node.property.value;
  if (key === undefined) return undefined;
  const def = variableOf(sourceCode, object)?.defs[0];
  if (def?.type !== DefinitionType.TSEnumName) return undefined;
  const members = def.node.body.members;
  for (const member of members) {
    const name = member.id.type === T.Identifier ? member.id.name : member.id.value;
    if (name !== key) continue;
    const init = member.initializer;
    if (!init) return { kind: 'nonString' }; // auto-numbered
    if (init.type === T.Literal) return typeof init.value === 'string' ? { kind: 'string', value: init.value } : { kind: 'nonString' };
    return { kind: 'opaque' };
  }
  return undefined;
}
