/**
 * Recognising workflow clock readings and `Date` values, by origin (the global `Date`, not a local class of that
 * name) and, where ESLint has type information, by type.
 */
import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { isGlobal, type ReferenceResolver } from './references.js';

const { DefinitionType } = TSESLintRuntime.Scope;

const MAX_DEPTH = 8;

/** The callee of `new Date(...)` / `Date(...)` is the global `Date`. */
export function isGlobalDateCall(resolver: ReferenceResolver, node: TSESTree.Node): boolean {
  return (node.type === T.NewExpression || node.type === T.CallExpression) && isGlobal(resolver.resolve(node.callee), 'Date');
}

function strip(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === T.ChainExpression ||
    current.type === T.TSNonNullExpression ||
    current.type === T.TSAsExpression ||
    current.type === T.TSSatisfiesExpression ||
    current.type === T.TSTypeAssertion
  ) {
    current = current.expression;
  }
  return current;
}

function methodName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === T.Identifier) return node.property.name;
  if (node.computed && node.property.type === T.Literal && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

/**
 * A reading of the workflow clock, which is frozen for the whole activation: `Date.now()` → `'number'`,
 * `new Date()` / `Date()` without arguments → `'date'`, `.getTime()` / `.valueOf()` / unary `+` / `Number()` of
 * such a Date → `'number'`.
 */
export function clockReading(resolver: ReferenceResolver, input: TSESTree.Node): 'number' | 'date' | undefined {
  const node = strip(input);
  if (node.type === T.CallExpression) {
    if (node.arguments.length === 0 && isGlobal(resolver.resolve(node.callee), 'Date', 'now')) return 'number';
    if (node.arguments.length === 0 && isGlobal(resolver.resolve(node.callee), 'Date')) return 'date';
    const callee = strip(node.callee);
    if (callee.type === T.MemberExpression && node.arguments.length === 0) {
      const name = methodName(callee);
      if ((name === 'getTime' || name === 'valueOf') && clockReading(resolver, callee.object) === 'date') return 'number';
    }
    const arg = node.arguments[0];
    if (node.arguments.length === 1 && arg && isGlobal(resolver.resolve(node.callee), 'Number') && clockReading(resolver, arg) === 'date') {
      return 'number';
    }
    return undefined;
  }
  if (node.type === T.NewExpression) {
    return node.arguments.length === 0 && isGlobal(resolver.resolve(node.callee), 'Date') ? 'date' : undefined;
  }
  if (node.type === T.UnaryExpression && node.operator === '+' && clockReading(resolver, node.argument) === 'date') return 'number';
  return undefined;
}

/** True for the type annotation `Date` (or `Date | null | undefined`). */
export function isDateTypeNode(type: TSESTree.TypeNode | undefined): boolean {
  if (!type) return false;
  if (type.type === T.TSTypeReference) {
    return type.typeName.type === T.Identifier && type.typeName.name === 'Date' && !type.typeArguments;
  }
  if (type.type === T.TSUnionType) {
    const rest = type.types.filter((t) => t.type !== T.TSNullKeyword && t.type !== T.TSUndefinedKeyword);
    return rest.length > 0 && rest.every((t) => isDateTypeNode(t));
  }
  return false;
}

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Knows which expressions are `Date` objects. With type information (the typed config), the checker decides;
 * without it: `new Date(...)` and `Date(...)` (a Date in the workflow sandbox), consts and never-reassigned variables
 * initialised with one, and variables, parameters, class properties and object members annotated `Date` in this file.
 */
export class DateValues {
  private readonly services: ParserServicesWithTypeInformation | undefined;

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly resolver: ReferenceResolver,
  ) {
    const services = sourceCode.parserServices;
    this.services = services?.program && services.esTreeNodeToTSNodeMap ? (services as ParserServicesWithTypeInformation) : undefined;
  }

  isDate(node: TSESTree.Node): boolean {
    try {
      const typed = this.typedIsDate(node);
      if (typed !== undefined) return typed;
      return this.syntacticIsDate(node, 0);
    } catch {
      return false;
    }
  }

  /** The checker's answer: undefined when there is no type information or the type is `any`/unknown. */
  private typedIsDate(node: TSESTree.Node): boolean | undefined {
    const services = this.services;
    if (!services?.program) return undefined;
    const checker = services.program.getTypeChecker();
    const tsNode = services.esTreeNodeToTSNodeMap.get(node as never);
    const type = checker.getNonNullableType(checker.getTypeAtLocation(tsNode));
    const parts = type.isUnion() ? type.types : [type];
    const program = services.program;
    const isLibDate = (t: (typeof parts)[number]): boolean => {
      const symbol = t.getSymbol();
      return (
        symbol?.getName() === 'Date' &&
        (symbol.getDeclarations() ?? []).some((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()))
      );
    };
    if (parts.every(isLibDate)) return true;
    // `any` / `unknown` / error types: fall back to the syntax.
    // TypeFlags.Any = 1, TypeFlags.Unknown = 2 (stable across TypeScript versions; `typescript` is not imported at run time).
    if (parts.some((t) => (t.flags & 3) !== 0)) return undefined;
    return false;
  }

  private syntacticIsDate(input: TSESTree.Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    let node = input;
    for (;;) {
      if (node.type === T.TSAsExpression || node.type === T.TSTypeAssertion) {
        if (isDateTypeNode(node.typeAnnotation)) return true;
        node = node.expression;
      } else if (node.type === T.TSNonNullExpression || node.type === T.ChainExpression || node.type === T.TSSatisfiesExpression) {
        node = node.expression;
      } else break;
    }
    // `Date(...)` without `new` is a Date too in the workflow sandbox, which replaces the global
    // (`workflow/src/global-overrides.ts`), although TypeScript types it as a string.
    if (isGlobalDateCall(this.resolver, node)) return true;
    if (node.type === T.Identifier) {
      const declared = this.declaredType(node, depth);
      if (declared) return isDateTypeNode(declared);
      const init = this.constInit(node);
      return init ? this.syntacticIsDate(init, depth + 1) : false;
    }
    if (node.type === T.MemberExpression) {
      const name = methodName(node);
      if (name === undefined) return false;
      if (node.object.type === T.ThisExpression) return this.thisPropertyIsDate(node, name, depth);
      return isDateTypeNode(this.memberType(this.declaredType(node.object, depth), name, node, depth));
    }
    return false;
  }

  /**
   * `'call'` when `node` is `Date(...)` called without `new`, `'binding'` when it is a const initialised (directly or
   * through other consts) with one: TypeScript types those as strings, so a rewrite must not call Date methods on them.
   */
  plainCall(input: TSESTree.Node, depth = 0): 'call' | 'binding' | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = strip(input);
    if (node.type === T.CallExpression && isGlobalDateCall(this.resolver, node)) return 'call';
    if (node.type !== T.Identifier) return undefined;
    const init = this.constInit(node);
    return init && this.plainCall(init, depth + 1) ? 'binding' : undefined;
  }

  private variableOf(id: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    try {
      return ASTUtils.findVariable(this.sourceCode.getScope(id), id);
    } catch {
      return null;
    }
  }

  /** The initialiser of a const (or never-reassigned variable) `id`. */
  private constInit(id: TSESTree.Identifier): TSESTree.Expression | undefined {
    const variable = this.variableOf(id);
    const def = variable?.defs[0];
    if (!variable || def?.type !== DefinitionType.Variable || def.node.id.type !== T.Identifier) return undefined;
    const writes = variable.references.filter((r) => r.isWrite()).length;
    if (def.parent.kind !== 'const' && writes > 1) return undefined;
    return def.node.init ?? undefined;
  }

  /** The type annotation written on the declaration of an identifier or a member chain, or undefined. */
  private declaredType(node: TSESTree.Node, depth: number): TSESTree.TypeNode | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const target = strip(node);
    if (target.type === T.Identifier) {
      const variable = this.variableOf(target);
      const def = variable?.defs[0];
      if (!def) return undefined;
      if (def.type === DefinitionType.Variable && def.node.id.type === T.Identifier) return def.node.id.typeAnnotation?.typeAnnotation;
      if (def.type === DefinitionType.Parameter && def.name.type === T.Identifier) return def.name.typeAnnotation?.typeAnnotation;
      return undefined;
    }
    if (target.type === T.MemberExpression) {
      const name = methodName(target);
      return name === undefined ? undefined : this.memberType(this.declaredType(target.object, depth + 1), name, target, depth + 1);
    }
    return undefined;
  }

  /** The declared type of member `name` of `type` (a type literal, or an interface / type alias of this file). */
  private memberType(
    type: TSESTree.TypeNode | undefined,
    name: string,
    at: TSESTree.Node,
    depth: number,
  ): TSESTree.TypeNode | undefined {
    if (!type || depth > MAX_DEPTH) return undefined;
    if (type.type === T.TSTypeLiteral) return memberOf(type.members, name);
    if (type.type === T.TSUnionType) {
      const rest = type.types.filter((t) => t.type !== T.TSNullKeyword && t.type !== T.TSUndefinedKeyword);
      const only = rest.length === 1 ? rest[0] : undefined;
      return only ? this.memberType(only, name, at, depth + 1) : undefined;
    }
    if (type.type === T.TSTypeReference && type.typeName.type === T.Identifier && !type.typeArguments) {
      let variable: TSESLint.Scope.Variable | null;
      try {
        variable = ASTUtils.findVariable(this.sourceCode.getScope(at), type.typeName.name);
      } catch {
        variable = null;
      }
      for (const def of variable?.defs ?? []) {
        const decl = def.node;
        if (decl.type === T.TSInterfaceDeclaration) {
          const found = memberOf(decl.body.body, name);
          if (found) return found;
        } else if (decl.type === T.TSTypeAliasDeclaration) {
          return this.memberType(decl.typeAnnotation, name, at, depth + 1);
        }
      }
    }
    return undefined;
  }

  private thisPropertyIsDate(node: TSESTree.MemberExpression, name: string, depth: number): boolean {
    let current: TSESTree.Node | undefined = node.parent;
    // `this` inside an arrow function still refers to the class instance; a plain function has its own `this`.
    while (current && current.type !== T.ClassBody) {
      if (current.type === T.FunctionDeclaration || (current.type === T.FunctionExpression && current.parent.type !== T.MethodDefinition)) {
        return false;
      }
      current = current.parent;
    }
    if (!current) return false;
    for (const member of current.body) {
      if (member.type === T.PropertyDefinition && !member.computed && member.key.type === T.Identifier && member.key.name === name) {
        if (member.typeAnnotation) return isDateTypeNode(member.typeAnnotation.typeAnnotation);
        return member.value ? this.syntacticIsDate(member.value, depth + 1) : false;
      }
      if (member.type === T.MethodDefinition && member.kind === 'constructor') {
        for (const param of member.value.params) {
          if (param.type === T.TSParameterProperty && param.parameter.type === T.Identifier && param.parameter.name === name) {
            return isDateTypeNode(param.parameter.typeAnnotation?.typeAnnotation);
          }
        }
      }
    }
    return false;
  }
}

function memberOf(members: readonly TSESTree.TypeElement[], name: string): TSESTree.TypeNode | undefined {
  for (const member of members) {
    if (member.type !== T.TSPropertySignature || member.computed) continue;
    const key = member.key;
    const keyName = key.type === T.Identifier ? key.name : String(key.value);
    if (keyName === name) return member.typeAnnotation?.typeAnnotation;
  }
  return undefined;
}
