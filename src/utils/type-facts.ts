import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * Small, optional questions to the TypeScript checker, for rules that work without types and get better with them.
 * Everything returns `undefined` without a program (untyped parser set-up) and never throws.
 * `typescript` itself is never imported: only methods of the checker and its types are used.
 */

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

// Stable numeric values of `ts.SymbolFlags.Optional` and `ts.ObjectFlags.ObjectLiteral` (public enums).
const SYMBOL_FLAG_OPTIONAL = 1 << 24;
const OBJECT_FLAG_OBJECT_LITERAL = 1 << 7;

interface TsType {
  isStringLiteral(): boolean;
  isNumberLiteral(): boolean;
  isUnion(): boolean;
  value?: unknown;
  flags: number;
  objectFlags?: number;
  getSymbol(): TsSymbol | undefined;
  aliasSymbol?: TsSymbol;
  getProperty(name: string): TsSymbol | undefined;
  getStringIndexType(): unknown;
}
interface TsSymbol {
  flags: number;
  getName(): string;
  declarations?: { getSourceFile(): { fileName: string } }[];
}
interface TsChecker {
  getTypeAtLocation(node: unknown): TsType;
  getTypeOfSymbolAtLocation(symbol: TsSymbol, node: unknown): TsType;
}
interface Services {
  program: { getTypeChecker(): TsChecker } | null;
  esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): unknown };
}

export type KeyPresence =
  | { kind: 'absent' }
  | { kind: 'optional' }
  | { kind: 'present'; literal: string | number | undefined }
  | { kind: 'unknown' };

export interface TypeFacts {
  /** The string or number literal type of an expression (`'1 month'` from an imported `as const`), if it is one. */
  literal(node: TSESTree.Node): string | number | undefined;
  /** Name and declaring file of the symbol of an expression's type (`WorkflowClient`, `.../@temporalio/client/...`). */
  typeSymbol(node: TSESTree.Node): { name: string; file: string } | undefined;
  /**
   * Whether an object expression's type has `key`. `absent` only for object-literal types (fresh literals, spreads
   * of them, inferred consts), where TypeScript knows every property; declared interfaces may hold more.
   */
  keyPresence(node: TSESTree.Node, key: string): KeyPresence;
}

const cache = new WeakMap<object, TypeFacts | null>();

/** Type facts for the linted file, or undefined when there is no type information. */
export function getTypeFacts(context: AnyContext): TypeFacts | undefined {
  const sourceCode = context.sourceCode;
  const cached = cache.get(sourceCode);
  if (cached !== undefined) return cached ?? undefined;
  let facts: TypeFacts | undefined;
  try {
    const services: Partial<Services> | undefined = sourceCode.parserServices;
    facts = create(services);
  } catch {
    facts = undefined;
  }
  cache.set(sourceCode, facts ?? null);
  return facts;
}

function create(services: Partial<Services> | undefined): TypeFacts | undefined {
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return undefined;
  const checker = program.getTypeChecker();
  const typeOf = (node: TSESTree.Node): TsType | undefined => {
    try {
      const tsNode = map.get(node);
      return tsNode ? checker.getTypeAtLocation(tsNode) : undefined;
    } catch {
      return undefined;
    }
  };
  const literalOf = (type: TsType | undefined): string | number | undefined => {
    if (!type) return undefined;
    if (type.isStringLiteral() && typeof type.value === 'string') return type.value;
    if (type.isNumberLiteral() && typeof type.value === 'number') return type.value;
    return undefined;
  };
  return {
    literal: (node) => literalOf(typeOf(node)),
    typeSymbol(node) {
      try {
        const type = typeOf(node);
        const symbol = type?.aliasSymbol ?? type?.getSymbol();
        if (!symbol) return undefined;
        const file = symbol.declarations?.[0]?.getSourceFile().fileName ?? '';
        return { name: symbol.getName(), file };
      } catch {
        return undefined;
      }
    },
    keyPresence(node, key) {
      try {
        const type = typeOf(node);
        if (!type || type.isUnion()) return { kind: 'unknown' };
        const prop = type.getProperty(key);
        if (!prop) {
          const literalObject = ((type.objectFlags ?? 0) & OBJECT_FLAG_OBJECT_LITERAL) !== 0;
          return literalObject && !type.getStringIndexType() ? { kind: 'absent' } : { kind: 'unknown' };
        }
        if ((prop.flags & SYMBOL_FLAG_OPTIONAL) !== 0) return { kind: 'optional' };
        const tsNode = map.get(node);
        return { kind: 'present', literal: tsNode ? literalOf(checker.getTypeOfSymbolAtLocation(prop, tsNode)) : undefined };
      } catch {
        return { kind: 'unknown' };
      }
    },
  };
}
