import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { ACTIVATOR_GLOBALS, moduleScopeApi, needsActivator, type ModuleScopeEffect } from '../sdk/module-scope-apis.js';
import { FROZEN_NAMESPACE_OBJECTS, SANDBOX_BUILTINS } from '../sdk/sandbox-globals.js';
import { WORKFLOW_PACKAGE } from '../sdk/workflow-api.js';
import { createRule } from '../utils/create-rule.js';
import { runsAtModuleLoad } from '../utils/module-scope.js';
import { isFromPackage, unwrapExpression } from '../utils/references.js';
import { getWorkflowCodeContext } from '../utils/workflow-code.js';

export type ModuleStateMode = 'preloaded' | 'always';
export type Options = [{ moduleState?: ModuleStateMode }];
export type MessageIds =
  | 'moduleScopeCall'
  | 'moduleScopeFails'
  | 'moduleLoadThrows'
  | 'preloadActivator'
  | 'frozenBuiltin'
  | 'sharedBuiltin'
  | 'sharedModuleState'
  | 'moduleState';

const { DefinitionType, ScopeType } = TSESLintRuntime.Scope;

const EFFECT_TEXT: Readonly<Record<Exclude<ModuleScopeEffect, 'fails'>, string>> = {
  command: 'emits this command before its own, so changing this line breaks the replay of all of them',
  handler: 'gets this handler, whether or not it defines the message',
};

/** `Object.defineProperty(target, ...)` and friends: the first argument is modified. */
const MUTATING_STATICS: Readonly<Record<string, readonly string[]>> = {
  Object: ['defineProperty', 'defineProperties', 'assign', 'setPrototypeOf'],
  Reflect: ['defineProperty', 'set', 'deleteProperty', 'setPrototypeOf'],
};

const ARRAY_MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);
const COLLECTION_MUTATORS = new Set(['set', 'add', 'delete', 'clear']);
const COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);

type Container = 'object' | 'array' | 'collection';

function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) return node.property.type === T.Identifier ? node.property.name : undefined;
  const prop = node.property;
  if (prop.type === T.Literal && typeof prop.value === 'string') return prop.value;
  if (prop.type === T.TemplateLiteral && prop.expressions.length === 0) return prop.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function stringLiteral(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === T.Literal && typeof node.value === 'string') return node.value;
  if (node?.type === T.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function throwsOn(test: () => unknown): boolean {
  try {
    test();
    return false;
  } catch {
    return true;
  }
}

export default createRule<Options, MessageIds>({
  name: 'workflow-no-global-state',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow module-scope workflow code that runs in every workflow of the bundle, throws while loading, or shares state between workflows',
      recommended: 'error',
      strict: { severity: 'error', options: { moduleState: 'always' } },
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          moduleState: {
            type: 'string',
            enum: ['preloaded', 'always'],
            description:
              'Where to report module-level state written from functions: `preloaded` (only in `bundlerOptions.preloadModules` files, where every workflow shares it) or `always` (everywhere in workflow code).',
          },
        },
      },
    ],
    defaultOptions: [{ moduleState: 'preloaded' }],
    messages: {
      moduleScopeCall:
        '`{{name}}()` at module scope runs whenever the worker loads this module for a workflow execution, before the workflow function starts: every workflow type in this bundle {{effect}}{{why}}. Call it inside the workflow function.',
      moduleScopeFails:
        '`{{name}}()` at module scope runs whenever the worker loads this module, before the workflow function starts: its rejected promise is unhandled, so every workflow type in this bundle fails its first workflow task{{why}}. Call it inside the workflow function.',
      moduleLoadThrows:
        'Loading this module throws ({{what}}), and the worker loads it for every workflow execution: every workflow type in this bundle fails its first workflow task{{why}}.',
      preloadActivator:
        '`{{name}}` needs a workflow context, but this module is preloaded (`bundlerOptions.preloadModules`) and runs before any workflow exists: it throws `IllegalStateError` when the worker sets up its workflow sandbox{{why}}. Call it from functions that workflows run.',
      frozenBuiltin:
        '`{{target}}` is frozen in the workflow sandbox (the worker freezes built-ins when it reuses V8 contexts, the default): modifying it throws a `TypeError` in workflow code{{why}}. Use a helper function or a module variable instead.',
      sharedBuiltin:
        '`{{target}}` is shared by every workflow on the worker thread (built-in prototypes are not isolated when V8 contexts are reused, the default): this change leaks into other workflow executions, and makes them nondeterministic if it depends on this one{{why}}. Use a helper function instead.',
      sharedModuleState:
        '`{{name}}` belongs to a preloaded module (`bundlerOptions.preloadModules`), whose state is shared by every workflow execution on the worker thread: writing it from workflow code leaks state between executions and breaks replay{{why}}. Keep workflow state inside the workflow function.',
      moduleState:
        '`{{name}}` is module-level state written from a function: keep workflow state inside the workflow function (each cached execution holds its own copy of every module, a preloaded module shares it between executions, and SDKs before 1.20.1 leaked it with webpack 5.108+){{why}}.',
    },
  },
  create(context, [options]) {
    const wc = getWorkflowCodeContext(context);
    if (!wc) return {};
    const { why, resolver, info } = wc;
    const sourceCode = context.sourceCode;
    const preloaded = info.isPreloaded;
    const reportModuleState = preloaded || options.moduleState === 'always';

    function workflowPath(node: TSESTree.Node): string[] | undefined {
      const ref = resolver.resolve(node);
      return ref?.kind === 'module' && isFromPackage(ref.source, WORKFLOW_PACKAGE) ? ref.path : undefined;
    }

    function globalPath(node: TSESTree.Node): string[] | undefined {
      const ref = resolver.resolve(node);
      return ref?.kind === 'global' ? ref.path : undefined;
    }

    function calleeName(node: TSESTree.CallExpression | TSESTree.NewExpression): string {
      const text = sourceCode.getText(unwrapExpression(node.callee)).replace(/\s+/g, ' ');
      return text.length > 60 ? `${text.slice(0, 59)}…` : text;
    }

    function checkPreloaded(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const callee = unwrapExpression(node.callee);
      const path = workflowPath(callee);
      if (path && needsActivator(path)) {
        context.report({ node, messageId: 'preloadActivator', data: { name: `${calleeName(node)}()`, why } });
        return;
      }
      const result = globalPath(node);
      if (!result) return;
      const entry = ACTIVATOR_GLOBALS.find(
        (g) => g.path.length === result.length && g.path.every((p, i) => p === result[i]) && (!g.noArguments || node.arguments.length === 0),
      );
      if (entry) {
        const name = node.type === T.NewExpression ? `new ${calleeName(node)}()` : `${calleeName(node)}()`;
        context.report({ node, messageId: 'preloadActivator', data: { name, why } });
      }
    }

    function checkModuleScopeCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      if (node.type !== T.CallExpression) return;
      const callee = unwrapExpression(node.callee);
      const path = workflowPath(callee);
      let effect: ModuleScopeEffect | undefined = path ? moduleScopeApi(path)?.effect : undefined;
      if (!effect) {
        const global = globalPath(callee);
        if (global?.length === 1 && global[0] === 'setTimeout') effect = 'command';
      }
      if (!effect) return;
      const name = calleeName(node);
      if (effect === 'fails') {
        context.report({ node, messageId: 'moduleScopeFails', data: { name, why } });
      } else {
        context.report({ node, messageId: 'moduleScopeCall', data: { name, effect: EFFECT_TEXT[effect], why } });
      }
    }

    /** `JSON.parse('{bad')`, `new RegExp('(')`, `BigInt('1.5')` at load time. */
    function checkThrowingLiteral(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const path = globalPath(unwrapExpression(node.callee));
      if (!path) return;
      const first = node.arguments[0];
      const text = stringLiteral(first);
      if (text === undefined) return;
      let what: string | undefined;
      if (path.length === 2 && path[0] === 'JSON' && path[1] === 'parse' && node.type === T.CallExpression) {
        if (node.arguments.length === 1 && throwsOn(() => JSON.parse(text))) what = '`JSON.parse()` of invalid JSON';
      } else if (path.length === 1 && path[0] === 'RegExp') {
        const flagsNode = node.arguments[1];
        const flags = flagsNode === undefined ? '' : stringLiteral(flagsNode);
        if (flags !== undefined && throwsOn(() => new RegExp(text, flags))) what = '`RegExp` with an invalid pattern or flags';
      } else if (path.length === 1 && path[0] === 'BigInt' && node.type === T.CallExpression) {
        if (throwsOn(() => BigInt(text))) what = '`BigInt()` of a string that is not an integer';
      }
      if (what) context.report({ node, messageId: 'moduleLoadThrows', data: { what, why } });
    }

    /** How modifying the object `node` goes wrong, when it is a sandbox built-in. */
    function builtinKind(node: TSESTree.Node): 'frozen' | 'shared' | undefined {
      const path = globalPath(node);
      const root = path?.[0];
      if (!path || root === undefined || !SANDBOX_BUILTINS.includes(root)) return undefined;
      if (path.some((p) => p === '()' || p === 'new')) return undefined;
      if (path.includes('prototype')) return 'shared';
      if (path.length === 1 || FROZEN_NAMESPACE_OBJECTS.includes(root)) return 'frozen';
      return 'shared';
    }

    function reportBuiltin(objectNode: TSESTree.Node, reportNode: TSESTree.Node): void {
      const kind = builtinKind(objectNode);
      if (!kind) return;
      const target = sourceCode.getText(unwrapExpression(objectNode));
      context.report({ node: reportNode, messageId: kind === 'frozen' ? 'frozenBuiltin' : 'sharedBuiltin', data: { target, why } });
    }

    function checkMemberWrite(target: TSESTree.Node, reportNode: TSESTree.Node): void {
      const member = unwrapExpression(target);
      if (member.type !== T.MemberExpression) return;
      reportBuiltin(member.object, reportNode);
    }

    function checkMutatingStatic(node: TSESTree.CallExpression): void {
      const path = globalPath(unwrapExpression(node.callee));
      if (path?.length !== 2) return;
      const [owner, method] = path;
      if (owner === undefined || method === undefined || !Object.hasOwn(MUTATING_STATICS, owner)) return;
      // `Object.hasOwn`: `globalThis.constructor.constructor(...)` must not find `Object.prototype.constructor`.
      if (!MUTATING_STATICS[owner]?.includes(method)) return;
      const target = node.arguments[0];
      if (target && target.type !== T.SpreadElement) reportBuiltin(target, node);
    }

    function containerOf(init: TSESTree.Node | null | undefined): Container | undefined {
      if (!init) return undefined;
      const value = unwrapExpression(init);
      if (value.type === T.ObjectExpression) return 'object';
      if (value.type === T.ArrayExpression) return 'array';
      if (value.type === T.NewExpression && value.callee.type === T.Identifier) {
        const global = globalPath(value.callee);
        const name = global?.length === 1 ? global[0] : undefined;
        if (name && COLLECTIONS.has(name)) return 'collection';
        if (name === 'Array') return 'array';
        if (name === 'Object') return 'object';
      }
      return undefined;
    }

    /** Is this reference (inside a function) a write to the variable or a mutation of its container? */
    function isMutation(id: TSESTree.Node, container: Container | undefined): boolean {
      if (!container) return false;
      const parent = id.parent;
      if (parent?.type !== T.MemberExpression || parent.object !== id) {
        // `Object.assign(state, ...)`
        if (parent?.type === T.CallExpression && parent.arguments[0] === id) {
          const path = globalPath(unwrapExpression(parent.callee));
          return path?.length === 2 && path[0] === 'Object' && path[1] === 'assign';
        }
        return false;
      }
      const outer = parent.parent;
      if (outer.type === T.AssignmentExpression && outer.left === parent) return true;
      if (outer.type === T.UpdateExpression && outer.argument === parent) return true;
      if (outer.type === T.UnaryExpression && outer.operator === 'delete' && outer.argument === parent) return true;
      if (outer.type === T.CallExpression && outer.callee === parent) {
        const method = memberName(parent);
        if (method === undefined) return false;
        if (container === 'array') return ARRAY_MUTATORS.has(method);
        if (container === 'collection') return COLLECTION_MUTATORS.has(method);
      }
      return false;
    }

    function checkModuleState(program: TSESTree.Program): void {
      let scope: TSESLint.Scope.Scope;
      try {
        const global = sourceCode.getScope(program);
        scope = global.childScopes.find((s) => s.type === ScopeType.module) ?? global;
      } catch {
        return;
      }
      for (const variable of scope.variables) {
        const def = variable.defs[0];
        if (def?.type !== DefinitionType.Variable) continue;
        const declaration = def.parent;
        const isConst = declaration.kind === 'const' || declaration.kind === 'using' || declaration.kind === 'await using';
        const container = def.node.id.type === T.Identifier ? containerOf(def.node.init) : undefined;
        for (const ref of variable.references) {
          if (ref.init === true) continue;
          const id = ref.identifier;
          if (runsAtModuleLoad(id)) continue;
          const written = !isConst && ref.isWrite();
          if (!written && !isMutation(id, container)) continue;
          context.report({
            node: id,
            messageId: preloaded ? 'sharedModuleState' : 'moduleState',
            data: { name: variable.name, why },
          });
        }
      }
    }

    function checkCallLike(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      if (node.type === T.CallExpression) checkMutatingStatic(node);
      if (!runsAtModuleLoad(node)) return;
      checkThrowingLiteral(node);
      if (preloaded) checkPreloaded(node);
      else checkModuleScopeCall(node);
    }

    return {
      CallExpression: checkCallLike,
      NewExpression: checkCallLike,
      AssignmentExpression(node) {
        checkMemberWrite(node.left, node);
      },
      UpdateExpression(node) {
        checkMemberWrite(node.argument, node);
      },
      UnaryExpression(node) {
        if (node.operator === 'delete') checkMemberWrite(node.argument, node);
      },
      ThrowStatement(node) {
        if (node.parent.type === T.Program) {
          context.report({ node, messageId: 'moduleLoadThrows', data: { what: 'a top-level `throw`', why } });
        }
      },
      'Program:exit'(program) {
        if (reportModuleState) checkModuleState(program);
      },
    };
  },
});
