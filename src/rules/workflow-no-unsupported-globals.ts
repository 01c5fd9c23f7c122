import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { ABSENT_GLOBALS, CONSOLE_METHODS, THROWING_GLOBALS } from '../sdk/sandbox-globals.js';
import { createRule } from '../utils/create-rule.js';
import { hasCommentInside } from '../utils/fixers.js';
import { isGuarded } from '../utils/global-guards.js';
import { isInTypePosition } from '../utils/import-usage.js';
import { getWorkflowCodeContext } from '../utils/workflow-code.js';

export type Options = [];
export type MessageIds = 'absentGlobal' | 'processEnv' | 'nodeEnv' | 'throwingGlobal' | 'consoleMethod' | 'useDateNow';

/** Names through which code reaches the global object (`global` is rewritten by webpack to it). */
const GLOBAL_OBJECT_NAMES = new Set(['globalThis', 'global']);

function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) return node.property.type === T.Identifier ? node.property.name : undefined;
  const prop = node.property;
  if (prop.type === T.Literal && typeof prop.value === 'string') return prop.value;
  if (prop.type === T.TemplateLiteral && prop.expressions.length === 0) return prop.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function propertyNameOf(node: TSESTree.MemberExpression | undefined): string | undefined {
  return node ? propertyName(node) : undefined;
}

/** The member expression whose object is `node` (`node.x`), or undefined. */
function memberOf(node: TSESTree.Node): TSESTree.MemberExpression | undefined {
  const parent = node.parent;
  return parent?.type === T.MemberExpression && parent.object === node ? parent : undefined;
}

/** `node` is evaluated and then called, constructed or dereferenced (`x()`, `new x()`, `x.y`): not a bare read. */
function isDereferenced(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if ((parent.type === T.CallExpression || parent.type === T.NewExpression) && parent.callee === node) {
    return !(parent.type === T.CallExpression && parent.optional);
  }
  if (parent.type === T.MemberExpression && parent.object === node) return !parent.optional;
  if (parent.type === T.TaggedTemplateExpression && parent.tag === node) return true;
  return false;
}

function isTypeofOperand(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return parent?.type === T.UnaryExpression && parent.operator === 'typeof';
}

/** `process.env.NODE_ENV === 'x'`, `switch (process.env.NODE_ENV)`: the inlined string is compared. */
function isCompared(node: TSESTree.Node): boolean {
  let current = node;
  while (current.parent?.type === T.ChainExpression || current.parent?.type === T.TSNonNullExpression) current = current.parent;
  const parent = current.parent;
  if (!parent) return false;
  if (parent.type === T.BinaryExpression && ['===', '!==', '==', '!='].includes(parent.operator)) return true;
  if (parent.type === T.SwitchStatement && parent.discriminant === current) return true;
  return false;
}

export default createRule<Options, MessageIds>({
  name: 'workflow-no-unsupported-globals',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow globals in workflow code that do not exist or throw in the workflow sandbox',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      useDateNow: 'Use `Date.now()`, the workflow time (it only advances between activations).',
      absentGlobal:
        '`{{name}}` does not exist in the workflow sandbox: this code throws when the workflow runs, failing the workflow task{{why}}. Instead, {{hint}}.',
      processEnv:
        '`{{expression}}` cannot be read in workflow code: the sandbox has no `process` (the bundler inlines only `process.env.NODE_ENV`), so this throws a `ReferenceError` when the workflow runs{{why}}. Pass configuration in as workflow arguments, or read it in an activity.',
      nodeEnv:
        '`process.env.NODE_ENV` is always `"development"` in workflow code: the worker bundles workflows in webpack development mode, whatever the worker\'s environment{{why}}. Pass the environment in as a workflow argument if the workflow needs it.',
      throwingGlobal:
        '`{{name}}` throws `DeterminismViolationError` in workflow code: the SDK replaces it because garbage collection is not deterministic{{why}}. Use a `Map` or a `WeakMap`, which the sandbox supports.',
      consoleMethod:
        'The workflow sandbox\'s `console` has only `log`, `info`, `warn`, `error` and `debug`: `console.{{method}}` is `undefined`, so this call throws a `TypeError` when the workflow runs{{why}}. Use `log` from `@temporalio/workflow`.',
    },
  },
  create(context) {
    const wc = getWorkflowCodeContext(context);
    if (!wc) return {};
    const { why } = wc;
    const sourceCode = context.sourceCode;

    function checkProcess(id: TSESTree.Node): void {
      const env = memberOf(id);
      if (env && propertyName(env) === 'env') {
        const variable = memberOf(env);
        const name = variable ? propertyName(variable) : undefined;
        if (variable && name === 'NODE_ENV') {
          // Inlined by webpack's DefinePlugin: never throws; only the value is fixed.
          if (!isCompared(variable)) context.report({ node: variable, messageId: 'nodeEnv', data: { why } });
          return;
        }
        const shown = variable ? sourceCode.getText(variable) : 'process.env';
        context.report({ node: variable ?? env, messageId: 'processEnv', data: { expression: shown, why } });
        return;
      }
      context.report({ node: id, messageId: 'absentGlobal', data: { name: 'process', hint: hintOf('process'), why } });
    }

    function hintOf(name: string): string {
      return ABSENT_GLOBALS[name]?.hint ?? 'move this code to an activity';
    }

    function checkConsoleMember(consoleNode: TSESTree.Node): void {
      const member = memberOf(consoleNode);
      if (!member) return;
      const method = propertyName(member);
      if (method === undefined || CONSOLE_METHODS.includes(method)) return;
      const call = member.parent;
      let callee: TSESTree.Node = member;
      if (call.type === T.ChainExpression) callee = call;
      const outer = callee.parent;
      if (outer.type !== T.CallExpression || outer.callee !== callee || outer.optional) return;
      if (isGuarded(member, `console.${method}`)) return;
      context.report({ node: member, messageId: 'consoleMethod', data: { method, why } });
    }

    /** A global read through `globalThis.x` / `global.x`: absent ones fail only when called or dereferenced. */
    function checkGlobalObjectMember(objectNode: TSESTree.Node): void {
      const member = memberOf(objectNode);
      if (!member) return;
      const name = propertyName(member);
      if (name === undefined) return;
      if (name === 'console') {
        checkConsoleMember(member);
        return;
      }
      if (isInTypePosition(member) || isTypeofOperand(member)) return;
      if (THROWING_GLOBALS.includes(name)) {
        const parent = member.parent;
        if ((parent.type === T.NewExpression || parent.type === T.CallExpression) && parent.callee === member) {
          context.report({ node: member, messageId: 'throwingGlobal', data: { name, why } });
        }
        return;
      }
      if (name in ABSENT_GLOBALS && !GLOBAL_OBJECT_NAMES.has(name) && isDereferenced(member) && !isGuarded(member, name)) {
        context.report({ node: member, messageId: 'absentGlobal', data: { name, hint: hintOf(name), why } });
      }
    }

    /** `performance.now()`: absent like the rest of `performance`, with `Date.now()` as the drop-in. */
    function checkPerformance(id: TSESTree.Identifier): void {
      const member = memberOf(id);
      const call = member?.parent;
      const data = { name: 'performance', hint: hintOf('performance'), why };
      if (
        member &&
        propertyNameOf(member) === 'now' &&
        call?.type === T.CallExpression &&
        call.callee === member &&
        call.arguments.length === 0 &&
        !hasCommentInside(sourceCode, call.range)
      ) {
        context.report({
          node: id,
          messageId: 'absentGlobal',
          data,
          suggest: [{ messageId: 'useDateNow', fix: (fixer) => fixer.replaceText(call, 'Date.now()') }],
        });
        return;
      }
      context.report({ node: id, messageId: 'absentGlobal', data });
    }

    function checkIdentifier(id: TSESTree.Identifier): void {
      const name = id.name;
      if (isInTypePosition(id) || isTypeofOperand(id)) return;
      if (GLOBAL_OBJECT_NAMES.has(name)) {
        checkGlobalObjectMember(id);
        return;
      }
      if (name === 'console') {
        checkConsoleMember(id);
        return;
      }
      if (THROWING_GLOBALS.includes(name)) {
        const parent = id.parent;
        if ((parent.type === T.NewExpression || parent.type === T.CallExpression) && parent.callee === id) {
          context.report({ node: id, messageId: 'throwingGlobal', data: { name, why } });
        }
        return;
      }
      if (!(name in ABSENT_GLOBALS)) return;
      if (isGuarded(id, name)) return;
      if (name === 'performance') {
        checkPerformance(id);
        return;
      }
      if (name === 'process') {
        checkProcess(id);
        return;
      }
      context.report({ node: id, messageId: 'absentGlobal', data: { name, hint: hintOf(name), why } });
    }

    return {
      'Program:exit'(program) {
        let scope: TSESLint.Scope.Scope;
        try {
          scope = sourceCode.getScope(program);
        } catch {
          return;
        }
        const seen = new Set<TSESTree.Node>();
        const visit = (ref: TSESLint.Scope.Reference): void => {
          const id = ref.identifier;
          if (id.type !== T.Identifier || seen.has(id)) return;
          if (!ref.isValueReference) return;
          seen.add(id);
          checkIdentifier(id);
        };
        // References to globals: unresolved ones, and those resolved to a global without a declaration (a lib or
        // configured global). Every reference the global scope resolves, or fails to, is one of its own or passed up
        // by a child scope: walking those avoids scanning the hundreds of lib globals that this file never names.
        const toGlobal = (ref: TSESLint.Scope.Reference): void => {
          const target = ref.resolved;
          if (target === null || (target.scope === scope && target.defs.length === 0)) visit(ref);
        };
        for (const ref of scope.references) toGlobal(ref);
        for (const child of scope.childScopes) for (const ref of child.through) toGlobal(ref);
      },
    };
  },
});
