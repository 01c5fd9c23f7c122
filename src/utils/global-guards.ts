/**
 * Feature checks that make a use of a possibly-absent global safe:
 *
 *   typeof fetch !== 'undefined' && fetch(url)
 *   if (typeof process === 'undefined') return;  process.env.X
 *   globalThis.structuredClone ? globalThis.structuredClone(v) : copy(v)
 *   'Buffer' in globalThis ? ... : ...
 *
 * `isGuarded(node, name)` is true when `node` only runs after such a check of the global `name` succeeded. `name` may
 * be a dotted path of a member of a global that exists (`console.trace`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);
const PRESENT_TYPES = new Set(['function', 'object', 'string', 'number', 'boolean', 'symbol', 'bigint']);

function stringOf(node: TSESTree.Node): string | undefined {
  if (node.type === T.Literal && typeof node.value === 'string') return node.value;
  if (node.type === T.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `a.b.c` for a chain of identifiers and static members, without a leading `globalThis.` (or `global.`, ...). */
function accessPath(node: TSESTree.Node): string | undefined {
  if (node.type === T.Identifier) return node.name;
  if (node.type === T.ChainExpression) return accessPath(node.expression);
  if (node.type !== T.MemberExpression) return undefined;
  const prop = node.computed ? stringOf(node.property) : node.property.type === T.Identifier ? node.property.name : undefined;
  if (prop === undefined) return undefined;
  if (node.object.type === T.Identifier && GLOBAL_OBJECTS.has(node.object.name)) return prop;
  const base = accessPath(node.object);
  return base === undefined ? undefined : `${base}.${prop}`;
}

/** `name` (`fetch`, `console.trace`) or `globalThis.name`. */
function isGlobalAccess(node: TSESTree.Node, name: string): boolean {
  return accessPath(node) === name;
}

/** A member access naming `name` (`globalThis.fetch`, `console.trace`): reading it never throws, unlike a bare identifier. */
function isExplicitGlobalAccess(node: TSESTree.Node, name: string): boolean {
  const inner = node.type === T.ChainExpression ? node.expression : node;
  return inner.type === T.MemberExpression && isGlobalAccess(inner, name);
}

/** For `typeof X <op> 'type'` (either order): `true` if it implies presence, `false` if absence, undefined otherwise. */
function typeofCheck(test: TSESTree.BinaryExpression, name: string): boolean | undefined {
  let typeofSide: TSESTree.Node = test.left;
  let literalSide: TSESTree.Node = test.right;
  if (!(typeofSide.type === T.UnaryExpression && typeofSide.operator === 'typeof')) {
    typeofSide = test.right;
    literalSide = test.left;
  }
  if (!(typeofSide.type === T.UnaryExpression && typeofSide.operator === 'typeof')) return undefined;
  if (!isGlobalAccess(typeofSide.argument, name)) return undefined;
  const type = stringOf(literalSide);
  if (type === undefined) return undefined;
  const equal = test.operator === '===' || test.operator === '==';
  const notEqual = test.operator === '!==' || test.operator === '!=';
  if (!equal && !notEqual) return undefined;
  const present = type === 'undefined' ? notEqual : PRESENT_TYPES.has(type) ? equal : undefined;
  return present;
}

/** `test` being truthy means the global `name` exists. */
export function impliesPresent(test: TSESTree.Node, name: string): boolean {
  switch (test.type) {
    case T.BinaryExpression:
      if (test.operator === 'in') {
        return stringOf(test.left) === name && test.right.type === T.Identifier && GLOBAL_OBJECTS.has(test.right.name);
      }
      return typeofCheck(test, name) === true;
    case T.LogicalExpression:
      if (test.operator === '&&') return impliesPresent(test.left, name) || impliesPresent(test.right, name);
      if (test.operator === '||') return impliesPresent(test.left, name) && impliesPresent(test.right, name);
      return false;
    case T.UnaryExpression:
      return test.operator === '!' && impliesAbsent(test.argument, name);
    case T.CallExpression:
      // `Boolean(globalThis.fetch)`
      return (
        test.callee.type === T.Identifier &&
        test.callee.name === 'Boolean' &&
        test.arguments[0] !== undefined &&
        impliesPresent(test.arguments[0], name)
      );
    default:
      return isExplicitGlobalAccess(test, name);
  }
}

/** `test` being truthy means the global `name` does not exist. */
export function impliesAbsent(test: TSESTree.Node, name: string): boolean {
  switch (test.type) {
    case T.BinaryExpression:
      return typeofCheck(test, name) === false;
    case T.LogicalExpression:
      if (test.operator === '||') return impliesAbsent(test.left, name) || impliesAbsent(test.right, name);
      if (test.operator === '&&') return impliesAbsent(test.left, name) && impliesAbsent(test.right, name);
      return false;
    case T.UnaryExpression:
      return test.operator === '!' && impliesPresent(test.argument, name);
    default:
      return false;
  }
}

function exits(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case T.ReturnStatement:
    case T.ThrowStatement:
    case T.ContinueStatement:
    case T.BreakStatement:
      return true;
    case T.BlockStatement: {
      const last = statement.body.at(-1);
      return last !== undefined && exits(last);
    }
    default:
      return false;
  }
}

/** An earlier statement of the same block is `if (<absent>) return|throw|continue|break;`. */
function guardedByEarlyExit(statements: readonly TSESTree.Node[], child: TSESTree.Node, name: string): boolean {
  for (const statement of statements) {
    if (statement === child) return false;
    if (statement.type === T.IfStatement && !statement.alternate && impliesAbsent(statement.test, name) && exits(statement.consequent)) {
      return true;
    }
  }
  return false;
}

/** True when `node` runs only after a successful feature check of the global `name`. */
export function isGuarded(node: TSESTree.Node, name: string): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case T.LogicalExpression:
        if (current.right === child) {
          if (current.operator === '&&' && impliesPresent(current.left, name)) return true;
          if ((current.operator === '||' || current.operator === '??') && impliesAbsent(current.left, name)) return true;
        }
        break;
      case T.ConditionalExpression:
      case T.IfStatement:
        if (current.consequent === child && impliesPresent(current.test, name)) return true;
        if (current.alternate === child && impliesAbsent(current.test, name)) return true;
        break;
      case T.BlockStatement:
      case T.StaticBlock:
      case T.Program:
        if (guardedByEarlyExit(current.body, child, name)) return true;
        break;
      case T.SwitchCase:
        if (guardedByEarlyExit(current.consequent, child, name)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}
