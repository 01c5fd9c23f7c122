import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { WORKFLOW_PACKAGE } from '../sdk/workflow-api.js';
import { createRule } from '../utils/create-rule.js';
import { clockReading } from '../utils/dates.js';
import { addNamedImport, hasCommentInside } from '../utils/fixers.js';
import { enclosingFunction, isFunctionNode, type FunctionNode } from '../utils/ast.js';
import { getWorkflowCodeContext } from '../utils/workflow-code.js';

const { DefinitionType } = TSESLintRuntime.Scope;

export type Options = [];
export type MessageIds = 'busyWait' | 'elapsedZero' | 'useSleep';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Loop = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;
type AnyLoop = Loop | TSESTree.ForInStatement | TSESTree.ForOfStatement;

const MAX_DEPTH = 16;

function isLoop(node: TSESTree.Node): node is AnyLoop {
  return (
    node.type === T.WhileStatement ||
    node.type === T.DoWhileStatement ||
    node.type === T.ForStatement ||
    node.type === T.ForInStatement ||
    node.type === T.ForOfStatement
  );
}

function isSuspension(node: TSESTree.Node): boolean {
  return (
    node.type === T.AwaitExpression ||
    node.type === T.YieldExpression ||
    (node.type === T.ForOfStatement && node.await) ||
    (node.type === T.VariableDeclaration && node.kind === 'await using')
  );
}

/** Visits `node` and its descendants, not entering nested functions. `visit` returning true stops the walk. */
function walk(sourceCode: SourceCode, node: TSESTree.Node, visit: (n: TSESTree.Node) => boolean | undefined): boolean {
  // Iterative, so that deeply nested expressions cannot overflow the stack.
  const stack: TSESTree.Node[] = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (visit(current) === true) return true;
    for (const key of sourceCode.visitorKeys[current.type] ?? []) {
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (!child || typeof child !== 'object' || !('type' in child)) continue;
        const c = child as TSESTree.Node;
        if (!isFunctionNode(c)) stack.push(c);
      }
    }
  }
  return false;
}

function containsSuspension(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  return walk(sourceCode, node, (n) => isSuspension(n));
}

function isTrueLiteral(node: TSESTree.Node | null | undefined): boolean {
  if (!node) return true;
  return node.type === T.Literal && (node.value === true || (typeof node.value === 'number' && node.value !== 0));
}

/** Statements a loop's body can leave it by: `break` of this loop or an outer label, `return`, `throw`. */
function exitsOf(sourceCode: SourceCode, loop: Loop): TSESTree.Node[] {
  const ownLabel = loop.parent.type === T.LabeledStatement ? loop.parent.label.name : undefined;
  const exits: TSESTree.Node[] = [];
  interface Entry {
    node: TSESTree.Node;
    /** Loops and switches between `loop` and `node` (an unlabeled `break` leaves them, not `loop`). */
    nestedBreakable: number;
    /** Labels declared inside `loop`. */
    innerLabels: ReadonlySet<string>;
  }
  const stack: Entry[] = [{ node: loop.body, nestedBreakable: 0, innerLabels: new Set() }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, nestedBreakable, innerLabels } = entry;
    if (node.type === T.ReturnStatement || node.type === T.ThrowStatement) exits.push(node);
    if (node.type === T.BreakStatement) {
      if (node.label ? !innerLabels.has(node.label.name) : nestedBreakable === 0) exits.push(node);
      continue;
    }
    if (node.type === T.ContinueStatement) {
      if (node.label && !innerLabels.has(node.label.name) && node.label.name !== ownLabel) exits.push(node);
      continue;
    }
    const breakable = isLoop(node) || node.type === T.SwitchStatement ? nestedBreakable + 1 : nestedBreakable;
    const labels = node.type === T.LabeledStatement ? new Set([...innerLabels, node.label.name]) : innerLabels;
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (!child || typeof child !== 'object' || !('type' in child)) continue;
        const c = child as TSESTree.Node;
        if (isFunctionNode(c) || c.type === T.ClassBody) continue;
        stack.push({ node: c, nestedBreakable: breakable, innerLabels: labels });
      }
    }
  }
  return exits;
}

export default createRule<Options, MessageIds>({
  name: 'workflow-no-busy-wait',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow waiting for the clock and measuring elapsed time within one workflow activation',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      busyWait:
        'This loop waits for the clock, but workflow time does not advance until the workflow awaits: it spins until the isolate execution timeout (5 s by default) fails the workflow task{{why}}.',
      elapsedZero:
        'This elapsed time is always 0: workflow time does not advance until the workflow awaits, and nothing is awaited since `{{start}}` was read{{why}}.',
      useSleep: 'Replace the loop with `await sleep(...)`, a durable timer.',
    },
  },
  create(context) {
    const wf = getWorkflowCodeContext(context);
    if (!wf) return {};
    const { resolver, why } = wf;
    const sourceCode = context.sourceCode;

    const readsClock = (node: TSESTree.Node): boolean => walk(sourceCode, node, (n) => clockReading(resolver, n) !== undefined);

    function variableOf(id: TSESTree.Identifier): TSESLint.Scope.Variable | null {
      try {
        return ASTUtils.findVariable(sourceCode.getScope(id), id);
      } catch {
        return null;
      }
    }

    /** The parts of a loop evaluated on every iteration. */
    function loopParts(loop: Loop): TSESTree.Node[] {
      const parts: TSESTree.Node[] = [loop.body];
      if (loop.test) parts.push(loop.test);
      if (loop.type === T.ForStatement && loop.update) parts.push(loop.update);
      return parts;
    }

    const within = (node: TSESTree.Node, parts: readonly TSESTree.Node[]): boolean =>
      parts.some((p) => node.range[0] >= p.range[0] && node.range[1] <= p.range[1]);

    /** The binding cannot change while the loop runs. */
    function isStableIdentifier(id: TSESTree.Identifier, loop: Loop): boolean {
      const variable = variableOf(id);
      if (!variable || variable.defs.length === 0) return id.name === 'undefined' || id.name === 'Infinity' || id.name === 'NaN';
      const def = variable.defs[0];
      if (!def) return false;
      if (def.type === DefinitionType.ImportBinding || def.type === DefinitionType.FunctionName || def.type === DefinitionType.ClassName) return true;
      if (def.type === DefinitionType.Variable && def.parent.kind === 'const') return true;
      if (def.type !== DefinitionType.Variable && def.type !== DefinitionType.Parameter) return false;
      const parts = loopParts(loop);
      return variable.references.every(
        (r) => !r.isWrite() || (!within(r.identifier, parts) && r.from.variableScope === variable.scope.variableScope),
      );
    }

    /** The loop body and update cannot change anything (no calls, no assignments). */
    function isPureLoop(loop: Loop): boolean {
      const parts = [loop.body, ...(loop.type === T.ForStatement && loop.update ? [loop.update] : [])];
      return !parts.some((part) =>
        walk(
          sourceCode,
          part,
          (n) =>
            n.type === T.CallExpression ||
            n.type === T.NewExpression ||
            n.type === T.AssignmentExpression ||
            n.type === T.UpdateExpression ||
            n.type === T.TaggedTemplateExpression ||
            (n.type === T.UnaryExpression && n.operator === 'delete'),
        ),
      );
    }

    const isReferencedIn = (id: TSESTree.Identifier, parts: readonly TSESTree.Node[]): boolean =>
      variableOf(id)?.references.some((r) => r.identifier !== id && within(r.identifier, parts)) ?? true;

    /** Every value in `node` is frozen during the loop: clock readings, literals, unchanging bindings. */
    function isStable(node: TSESTree.Node, loop: Loop, depth: number): boolean {
      if (depth > MAX_DEPTH) return false;
      if (clockReading(resolver, node) !== undefined) return true;
      switch (node.type) {
        case T.Literal:
          return true;
        case T.TemplateLiteral:
          return node.expressions.every((e) => isStable(e, loop, depth + 1));
        case T.Identifier:
          return isStableIdentifier(node, loop);
        case T.UnaryExpression:
          return node.operator !== 'delete' && isStable(node.argument, loop, depth + 1);
        case T.BinaryExpression:
        case T.LogicalExpression:
          return node.left.type !== T.PrivateIdentifier && isStable(node.left, loop, depth + 1) && isStable(node.right, loop, depth + 1);
        case T.ConditionalExpression:
          return isStable(node.test, loop, depth + 1) && isStable(node.consequent, loop, depth + 1) && isStable(node.alternate, loop, depth + 1);
        case T.TSAsExpression:
        case T.TSNonNullExpression:
        case T.TSSatisfiesExpression:
        case T.ChainExpression:
          return isStable(node.expression, loop, depth + 1);
        case T.MemberExpression: {
          if (node.computed && node.property.type !== T.Literal) return false;
          const objectStable = node.object.type === T.ThisExpression || isStable(node.object, loop, depth + 1);
          return objectStable && isPureLoop(loop);
        }
        case T.CallExpression: {
          // `deadline.getTime()` on a binding the loop does not touch
          const callee = node.callee;
          if (
            node.arguments.length === 0 &&
            callee.type === T.MemberExpression &&
            !callee.computed &&
            callee.property.type === T.Identifier &&
            (callee.property.name === 'getTime' || callee.property.name === 'valueOf') &&
            callee.object.type === T.Identifier
          ) {
            const parts = [loop.body, ...(loop.type === T.ForStatement && loop.update ? [loop.update] : [])];
            return isStableIdentifier(callee.object, loop) && !isReferencedIn(callee.object, parts);
          }
          return false;
        }
        default:
          return false;
      }
    }

    /** The `if` statement directly in the loop body whose consequent holds `exit`. */
    function guardOf(exit: TSESTree.Node, loop: Loop): TSESTree.IfStatement | undefined {
      let child: TSESTree.Node = exit;
      for (let current = exit.parent; current && current !== loop; child = current, current = current.parent) {
        if (current.type !== T.IfStatement || current.consequent !== child) continue;
        const holder = current.parent;
        const direct = holder === loop || (holder.type === T.BlockStatement && holder.parent === loop);
        if (direct) return current;
      }
      return undefined;
    }

    function suggestion(loop: Loop, fn: FunctionNode | undefined): TSESLint.ReportSuggestionArray<MessageIds> {
      if (!fn?.async || loop.parent.type === T.LabeledStatement) return [];
      if (loop.type === T.ForStatement && (loop.init || loop.update)) return [];
      const body = loop.body;
      if (!(body.type === T.EmptyStatement || (body.type === T.BlockStatement && body.body.length === 0))) return [];
      if (hasCommentInside(sourceCode, loop.range)) return [];
      const ms = sleepArgument(loop.test);
      if (ms === undefined) return [];
      return [
        {
          messageId: 'useSleep',
          fix(fixer) {
            const { fixes, localName } = addNamedImport(fixer, sourceCode, { source: WORKFLOW_PACKAGE, name: 'sleep', at: loop });
            return [...fixes, fixer.replaceText(loop, `await ${localName}(${ms});`)];
          },
        },
      ];
    }

    /** `X - Date.now()` for `Date.now() < X` and `Date.now() - S < N`; undefined for other shapes. */
    function sleepArgument(test: TSESTree.Expression | null): string | undefined {
      if (test?.type !== T.BinaryExpression || test.left.type === T.PrivateIdentifier) return undefined;
      const isNumberClock = (n: TSESTree.Node): boolean => clockReading(resolver, n) === 'number';
      const text = (n: TSESTree.Node): string => sourceCode.getText(n);
      const factor = (n: TSESTree.Node): string =>
        n.type === T.Identifier ||
        n.type === T.Literal ||
        n.type === T.MemberExpression ||
        n.type === T.CallExpression ||
        (n.type === T.BinaryExpression && ['*', '/', '%', '**'].includes(n.operator))
          ? text(n)
          : `(${text(n)})`;
      const term = (n: TSESTree.Node): string => (n.type === T.BinaryExpression && (n.operator === '+' || n.operator === '-') ? text(n) : factor(n));
      let clock: TSESTree.Node;
      let until: TSESTree.Node;
      if ((test.operator === '<' || test.operator === '<=') && isNumberClock(test.left)) {
        clock = test.left;
        until = test.right;
      } else if ((test.operator === '>' || test.operator === '>=') && isNumberClock(test.right)) {
        clock = test.right;
        until = test.left;
      } else if (
        (test.operator === '<' || test.operator === '<=') &&
        test.left.type === T.BinaryExpression &&
        test.left.operator === '-' &&
        isNumberClock(test.left.left)
      ) {
        return `${term(test.left.right)} + ${factor(test.right)} - ${text(test.left.left)}`;
      } else {
        return undefined;
      }
      return `${term(until)} - ${text(clock)}`;
    }

    function checkLoop(loop: Loop): void {
      if (containsSuspension(sourceCode, loop)) return;
      const test = loop.test;
      if (!isTrueLiteral(test)) {
        if (!test || !readsClock(test) || !isStable(test, loop, 0)) return;
        if (exitsOf(sourceCode, loop).length > 0) return;
        context.report({ node: test, messageId: 'busyWait', data: { why }, suggest: suggestion(loop, enclosingFunction(loop)) });
        return;
      }
      const exits = exitsOf(sourceCode, loop);
      if (exits.length === 0) return;
      let first: TSESTree.IfStatement | undefined;
      for (const exit of exits) {
        const guard = guardOf(exit, loop);
        if (!guard || !readsClock(guard.test) || !isStable(guard.test, loop, 0)) return;
        first ??= guard;
      }
      if (first) context.report({ node: first.test, messageId: 'busyWait', data: { why } });
    }

    /** The const / write-once variable's clock-reading initialiser, and its declarator. */
    function clockBinding(id: TSESTree.Identifier): { declarator: TSESTree.VariableDeclarator; variable: TSESLint.Scope.Variable; kind: 'number' | 'date' } | undefined {
      const variable = variableOf(id);
      const def = variable?.defs[0];
      if (!variable || def?.type !== DefinitionType.Variable || def.node.id.type !== T.Identifier || !def.node.init) return undefined;
      if (def.parent.kind !== 'const' && variable.references.filter((r) => r.isWrite()).length > 1) return undefined;
      const kind = clockReading(resolver, def.node.init);
      return kind ? { declarator: def.node, variable, kind } : undefined;
    }

    /** A number read from a clock-reading binding: `start`, `start.getTime()`, `+start`. */
    function boundReading(node: TSESTree.Node): { id: TSESTree.Identifier; declarator: TSESTree.VariableDeclarator; variable: TSESLint.Scope.Variable } | undefined {
      let target = node;
      if (target.type === T.UnaryExpression && target.operator === '+') target = target.argument;
      if (
        target.type === T.CallExpression &&
        target.arguments.length === 0 &&
        target.callee.type === T.MemberExpression &&
        !target.callee.computed &&
        target.callee.property.type === T.Identifier &&
        (target.callee.property.name === 'getTime' || target.callee.property.name === 'valueOf')
      ) {
        target = target.callee.object;
      }
      if (target.type !== T.Identifier) return undefined;
      const binding = clockBinding(target);
      return binding ? { id: target, declarator: binding.declarator, variable: binding.variable } : undefined;
    }

    const functionOf = (node: TSESTree.Node): TSESTree.Node => enclosingFunction(node) ?? sourceCode.ast;

    function checkElapsed(node: TSESTree.BinaryExpression): void {
      if (node.left.type === T.PrivateIdentifier) return;
      const start = boundReading(node.right);
      if (!start) return;
      // The later reading: the left operand itself, or the declarator of a binding that holds one.
      let later: TSESTree.Node;
      if (clockReading(resolver, node.left) !== undefined) later = node.left;
      else {
        const end = boundReading(node.left);
        if (!end || end.variable === start.variable) return;
        later = end.declarator;
      }
      const earlier = start.declarator;
      if (earlier.range[1] > later.range[0]) return;
      const fn = functionOf(earlier);
      if (functionOf(later) !== fn) return;
      const between: readonly [number, number] = [earlier.range[1], later.range[0]];
      const suspended = walk(sourceCode, fn, (n) => isSuspension(n) && n.range[0] >= between[0] && n.range[1] <= between[1] + 1);
      if (suspended) return;
      // A loop around the later reading but not around the earlier one repeats it after its own awaits.
      for (let current: TSESTree.Node | undefined = later.parent; current && current !== fn; current = current.parent) {
        if (!isLoop(current)) continue;
        if (current.range[0] <= earlier.range[0] && current.range[1] >= earlier.range[1]) break;
        if (containsSuspension(sourceCode, current)) return;
      }
      context.report({ node, messageId: 'elapsedZero', data: { start: start.id.name, why } });
    }

    return {
      WhileStatement: checkLoop,
      DoWhileStatement: checkLoop,
      ForStatement: checkLoop,
      BinaryExpression(node) {
        if (node.operator === '-') checkElapsed(node);
      },
    };
  },
});
