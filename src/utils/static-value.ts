import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { unwrapExpression } from './references.js';

/**
 * Static evaluation of option objects and durations, without running anything.
 *
 * Objects keep partial knowledge: `{ ...unknownDefaults, retry }` yields an object whose `complete` is false,
 * so a rule can tell "the key is absent" from "the key may come from somewhere we cannot see".
 */
export type StaticValue = StaticLiteral | StaticObject | StaticArray | StaticUnknown;

export interface StaticLiteral {
  kind: 'literal';
  value: string | number | boolean | bigint | null | undefined;
  /** The node the value was read from (the literal itself, or the initialiser it came through). */
  node: TSESTree.Node;
}

export interface StaticProperty {
  key: string;
  value: StaticValue;
  /** The property's value node in the source where it was written (may be in another file). */
  valueNode: TSESTree.Node | undefined;
  keyNode: TSESTree.Node | undefined;
  /** True when the property was written in the file being linted (so it can be reported or fixed there). */
  local: boolean;
}

export interface StaticObject {
  kind: 'object';
  properties: Map<string, StaticProperty>;
  /** False when a spread or computed key could not be resolved: a missing key may still be present. */
  complete: boolean;
  node: TSESTree.Node;
}

export interface StaticArray {
  kind: 'array';
  elements: StaticValue[];
  complete: boolean;
  node: TSESTree.Node;
}

export interface StaticUnknown {
  kind: 'unknown';
  node?: TSESTree.Node;
}

/**
 * Finds what an identifier is bound to: a `const` initialiser in scope, or (across files) an exported const.
 * Returns the initialiser and the lookup to use inside it (it may live in another file).
 */
export type Lookup = ((id: TSESTree.Identifier) => Found | undefined) & {
  /** `ns.name` where `ns` is bound to a module namespace (`import * as ns from './constants'`): that export. */
  member?: (id: TSESTree.Identifier, name: string) => Found | undefined;
};

/** What a lookup finds: the initialiser, the lookup to use inside it, and whether it is in the linted file. */
export interface Found {
  node: TSESTree.Node;
  lookup: Lookup;
  local: boolean;
}

const { DefinitionType } = TSESLintRuntime.Scope;
const MAX_DEPTH = 32;
const UNKNOWN: StaticUnknown = { kind: 'unknown' };

/** Cross-file hook: resolves an imported binding to the exported const's initialiser in another project file. */
export type ImportLookup = (
  source: string,
  importedName: string,
) => { node: TSESTree.Node; lookup: Lookup } | undefined;

/**
 * A lookup over ESLint scopes: `const` (and never-reassigned `let`) bindings in scope, optionally following
 * imports through `importLookup` (provided by the project model).
 */
export function scopeLookup(sourceCode: Readonly<TSESLint.SourceCode>, importLookup?: ImportLookup): Lookup {
  const variableOf = (id: TSESTree.Identifier): TSESLint.Scope.Variable | null => {
    try {
      return ASTUtils.findVariable(sourceCode.getScope(id), id);
    } catch {
      return null;
    }
  };
  const lookup: Lookup = (id) => {
    const variable = variableOf(id);
    const def = variable?.defs[0];
    if (!variable || !def) return undefined;
    if (def.type === DefinitionType.Variable) {
      const declarator = def.node;
      const writes = variable.references.filter((r) => r.isWrite()).length;
      const isConst = def.parent.kind === 'const';
      if (!isConst && writes > 1) return undefined;
      if (!declarator.init || declarator.id.type !== T.Identifier) return undefined;
      return { node: declarator.init, lookup, local: true };
    }
    if (def.type === DefinitionType.ImportBinding && importLookup && (def.node.type === T.ImportSpecifier || def.node.type === T.ImportDefaultSpecifier)) {
      const decl = def.node.parent;
      if (decl.type !== T.ImportDeclaration) return undefined;
      const imported =
        def.node.type === T.ImportDefaultSpecifier ? 'default' : def.node.imported.type === T.Identifier ? def.node.imported.name : def.node.imported.value;
      try {
        const found = importLookup(decl.source.value, imported);
        return found ? { ...found, local: false } : undefined;
      } catch {
        return undefined;
      }
    }
    return undefined;
  };
  if (importLookup) {
    lookup.member = (id, name) => {
      const def = variableOf(id)?.defs[0];
      if (def?.type !== DefinitionType.ImportBinding || def.node.type !== T.ImportNamespaceSpecifier) return undefined;
      const decl = def.node.parent;
      if (decl.importKind === 'type') return undefined;
      try {
        const found = importLookup(decl.source.value, name);
        return found ? { ...found, local: false } : undefined;
      } catch {
        return undefined;
      }
    };
  }
  return lookup;
}

/** Evaluate `node` statically. Never throws; anything not statically known is `{ kind: 'unknown' }`. */
export function evaluate(node: TSESTree.Node | undefined | null, lookup: Lookup, local = true): StaticValue {
  if (!node) return UNKNOWN;
  try {
    return evaluateInner(node, lookup, local, 0);
  } catch {
    return { kind: 'unknown', node };
  }
}

function literal(value: StaticLiteral['value'], node: TSESTree.Node): StaticLiteral {
  return { kind: 'literal', value, node };
}

function evaluateInner(input: TSESTree.Node, lookup: Lookup, local: boolean, depth: number): StaticValue {
  if (depth > MAX_DEPTH) return { kind: 'unknown', node: input };
  const node = unwrapExpression(input);
  switch (node.type) {
    case T.Literal:
      if ('regex' in node) return { kind: 'unknown', node };
      return literal(node.value, node);
    case T.TemplateLiteral: {
      let out = node.quasis[0]?.value.cooked ?? '';
      for (let i = 0; i < node.expressions.length; i++) {
        const expr = node.expressions[i];
        const v = expr ? evaluateInner(expr, lookup, local, depth + 1) : UNKNOWN;
        if (v.kind !== 'literal' || typeof v.value === 'object' || typeof v.value === 'symbol') {
          return { kind: 'unknown', node };
        }
        out += String(v.value) + (node.quasis[i + 1]?.value.cooked ?? '');
      }
      return literal(out, node);
    }
    case T.Identifier: {
      if (node.name === 'undefined') return literal(undefined, node);
      if (node.name === 'Infinity') return literal(Infinity, node);
      if (node.name === 'NaN') return literal(NaN, node);
      const found = lookup(node);
      if (!found) return { kind: 'unknown', node };
      return evaluateInner(found.node, found.lookup, local && found.local, depth + 1);
    }
    case T.UnaryExpression: {
      const arg = evaluateInner(node.argument, lookup, local, depth + 1);
      if (arg.kind !== 'literal') return { kind: 'unknown', node };
      switch (node.operator) {
        case '-':
          return typeof arg.value === 'number' ? literal(-arg.value, node) : { kind: 'unknown', node };
        case '+':
          return typeof arg.value === 'number' ? literal(arg.value, node) : { kind: 'unknown', node };
        case '!':
          return literal(!arg.value, node);
        case 'void':
          return literal(undefined, node);
        default:
          return { kind: 'unknown', node };
      }
    }
    case T.BinaryExpression: {
      if (node.left.type === T.PrivateIdentifier) return { kind: 'unknown', node };
      const l = evaluateInner(node.left, lookup, local, depth + 1);
      const r = evaluateInner(node.right, lookup, local, depth + 1);
      if (l.kind !== 'literal' || r.kind !== 'literal') return { kind: 'unknown', node };
      return binary(node.operator, l.value, r.value, node);
    }
    case T.LogicalExpression: {
      const l = evaluateInner(node.left, lookup, local, depth + 1);
      if (l.kind !== 'literal') return { kind: 'unknown', node };
      if (node.operator === '??') {
        return l.value !== null && l.value !== undefined ? l : evaluateInner(node.right, lookup, local, depth + 1);
      }
      if (node.operator === '||') return l.value ? l : evaluateInner(node.right, lookup, local, depth + 1);
      return l.value ? evaluateInner(node.right, lookup, local, depth + 1) : l;
    }
    case T.ObjectExpression:
      return evaluateObject(node, lookup, local, depth);
    case T.ArrayExpression: {
      const elements: StaticValue[] = [];
      let complete = true;
      for (const el of node.elements) {
        if (!el) {
          elements.push(literal(undefined, node));
        } else if (el.type === T.SpreadElement) {
          const v = evaluateInner(el.argument, lookup, local, depth + 1);
          if (v.kind === 'array') {
            elements.push(...v.elements);
            complete &&= v.complete;
          } else complete = false;
        } else {
          elements.push(evaluateInner(el, lookup, local, depth + 1));
        }
      }
      return { kind: 'array', elements, complete, node };
    }
    case T.MemberExpression: {
      let key: string | undefined;
      if (!node.computed && node.property.type === T.Identifier) key = node.property.name;
      else if (node.computed) {
        const k = evaluateInner(node.property, lookup, local, depth + 1);
        if (k.kind === 'literal' && (typeof k.value === 'string' || typeof k.value === 'number')) key = String(k.value);
      }
      if (key === undefined) return { kind: 'unknown', node };
      const namespace = node.object.type === T.Identifier ? lookup.member?.(node.object, key) : undefined;
      if (namespace) return evaluateInner(namespace.node, namespace.lookup, local && namespace.local, depth + 1);
      const obj = evaluateInner(node.object, lookup, local, depth + 1);
      if (obj.kind === 'object') {
        const prop = obj.properties.get(key);
        if (prop) return prop.value;
        return obj.complete ? literal(undefined, node) : { kind: 'unknown', node };
      }
      if (obj.kind === 'array') {
        if (key === 'length' && obj.complete) return literal(obj.elements.length, node);
        const idx = Number(key);
        if (Number.isInteger(idx) && obj.complete) return obj.elements[idx] ?? literal(undefined, node);
      }
      if (obj.kind === 'literal' && typeof obj.value === 'string' && key === 'length') return literal(obj.value.length, node);
      return { kind: 'unknown', node };
    }
    case T.ConditionalExpression: {
      const test = evaluateInner(node.test, lookup, local, depth + 1);
      if (test.kind !== 'literal') return { kind: 'unknown', node };
      return evaluateInner(test.value ? node.consequent : node.alternate, lookup, local, depth + 1);
    }
    case T.CallExpression: {
      // `Object.freeze({...})` and `structuredClone`-free helpers that return their argument unchanged.
      const callee = node.callee;
      if (
        callee.type === T.MemberExpression &&
        callee.object.type === T.Identifier &&
        callee.object.name === 'Object' &&
        callee.property.type === T.Identifier &&
        callee.property.name === 'freeze' &&
        node.arguments[0] &&
        node.arguments[0].type !== T.SpreadElement
      ) {
        return evaluateInner(node.arguments[0], lookup, local, depth + 1);
      }
      return { kind: 'unknown', node };
    }
    default:
      return { kind: 'unknown', node };
  }
}

function evaluateObject(node: TSESTree.ObjectExpression, lookup: Lookup, local: boolean, depth: number): StaticObject {
  const properties = new Map<string, StaticProperty>();
  let complete = true;
  for (const prop of node.properties) {
    if (prop.type === T.SpreadElement) {
      const v = evaluateInner(prop.argument, lookup, local, depth + 1);
      if (v.kind === 'object') {
        for (const [k, p] of v.properties) properties.set(k, p);
        complete &&= v.complete;
      } else if (v.kind === 'literal' && (v.value === undefined || v.value === null)) {
        // `...undefined` adds nothing
      } else {
        // Unknown spread: keys already set may be overridden, keys not set may appear.
        complete = false;
        for (const p of properties.values()) p.value = { kind: 'unknown', node: p.valueNode };
      }
      continue;
    }
    let key: string | undefined;
    if (!prop.computed && prop.key.type === T.Identifier) key = prop.key.name;
    else if (prop.key.type === T.Literal && (typeof prop.key.value === 'string' || typeof prop.key.value === 'number')) {
      key = String(prop.key.value);
    } else if (prop.computed) {
      const k = evaluateInner(prop.key, lookup, local, depth + 1);
      if (k.kind === 'literal' && (typeof k.value === 'string' || typeof k.value === 'number')) key = String(k.value);
    }
    if (key === undefined) {
      complete = false;
      continue;
    }
    const valueNode = prop.value;
    const value =
      prop.kind === 'init' && !prop.method && valueNode.type !== T.AssignmentPattern
        ? evaluateInner(valueNode, lookup, local, depth + 1)
        : { kind: 'unknown' as const, node: valueNode };
    properties.set(key, { key, value, valueNode, keyNode: prop.key, local });
  }
  return { kind: 'object', properties, complete, node };
}

function binary(op: string, l: StaticLiteral['value'], r: StaticLiteral['value'], node: TSESTree.Node): StaticValue {
  if (op === '+' && (typeof l === 'string' || typeof r === 'string')) return literal(String(l) + String(r), node);
  if (typeof l === 'number' && typeof r === 'number') {
    switch (op) {
      case '+':
        return literal(l + r, node);
      case '-':
        return literal(l - r, node);
      case '*':
        return literal(l * r, node);
      case '/':
        return literal(l / r, node);
      case '%':
        return literal(l % r, node);
      case '**':
        return literal(l ** r, node);
      default:
        break;
    }
  }
  switch (op) {
    case '===':
      return literal(l === r, node);
    case '!==':
      return literal(l !== r, node);
    default:
      return { kind: 'unknown', node };
  }
}

/** Property `key` of an evaluated object: `'absent'` only when the object is complete and lacks it. */
export function getProperty(obj: StaticValue, key: string): StaticProperty | 'absent' | 'unknown' {
  if (obj.kind !== 'object') return 'unknown';
  const prop = obj.properties.get(key);
  if (prop) return prop;
  return obj.complete ? 'absent' : 'unknown';
}

/** The literal value of a StaticValue, or undefined when not a literal. */
export function literalValue(v: StaticValue | undefined): StaticLiteral['value'] | undefined {
  return v?.kind === 'literal' ? v.value : undefined;
}
