import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { getFileInfo, getProjectModel } from '../project/index.js';
import { lookupWorkflowOnlyApi } from '../sdk/workflow-only-apis.js';
import { enclosingFunction } from '../utils/ast.js';
import { ActivityCode, canUseActivityExport, walk } from '../utils/activity-code.js';
import { createRule } from '../utils/create-rule.js';
import { addNamedImport, hasCommentInside } from '../utils/fixers.js';
import { fileResolver, isFromPackage, isModuleExport, type ModuleReference } from '../utils/references.js';

export type Options = [];
export type MessageIds = 'workflowOnlyApi' | 'workflowOnlyProxy' | 'useActivitySleep';

const { DefinitionType } = TSESLintRuntime.Scope;
const WORKFLOW = '@temporalio/workflow';
const ACTIVITY = '@temporalio/activity';

export default createRule<Options, MessageIds>({
  name: 'activity-no-workflow-apis',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `@temporalio/workflow` APIs that only work inside a workflow in activity code',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      workflowOnlyApi:
        '`{{name}}` from `@temporalio/workflow` only works inside a workflow: in activity code{{why}} it throws `{{error}}`.',
      workflowOnlyProxy:
        '`{{name}}()` from `@temporalio/workflow` only works inside a workflow: in activity code{{why}} every function it returns throws `{{error}}`. Call the implementation directly, or use the client from `getClient()` of `@temporalio/activity`.',
      useActivitySleep: 'Use `sleep()` from `@temporalio/activity`, which also rejects when the activity is cancelled.',
    },
  },
  create(context) {
    const info = getFileInfo(context);
    if (!info.has('activity')) return {};
    const sourceCode = context.sourceCode;
    if (!sourceCode.text.includes(WORKFLOW)) return {};
    // A module that is also in the workflow bundle runs its module scope and helpers in workflows too: there,
    // only the activity functions (which the worker calls as activities) are certainly activity code.
    const sharedWithWorkflows = info.has('workflow');
    const code = sharedWithWorkflows ? ActivityCode.for(sourceCode) : undefined;
    const model = getProjectModel(context);
    const resolver = fileResolver(sourceCode, context.filename, model);
    const evidence = info.roles.get('activity');
    // Quote the chain when the role comes from the worker's registration or settings (not self-evident in the file).
    const why =
      evidence && (evidence.source === 'discovery' || evidence.source === 'settings')
        ? ` (${info.describe('activity') ?? ''})`
        : '';
    const guardedFunctions = new Map<TSESTree.Node, boolean>();

    function workflowRef(node: TSESTree.Node): ModuleReference | undefined {
      const ref = resolver.resolveModule(node);
      return ref && isFromPackage(ref.source, WORKFLOW) ? ref : undefined;
    }

    /** Code that checks `inWorkflowContext()` decides at run time where it is (shared helpers). */
    function isGuarded(node: TSESTree.Node): boolean {
      const scope: TSESTree.Node = enclosingFunction(node) ?? sourceCode.ast;
      const cached = guardedFunctions.get(scope);
      if (cached !== undefined) return cached;
      let guarded = false;
      walk(scope, (n) => {
        if (guarded) return false;
        if (n.type === T.CallExpression && isModuleExport(resolver.resolve(n.callee), WORKFLOW, 'inWorkflowContext')) guarded = true;
        return undefined;
      });
      guardedFunctions.set(scope, guarded);
      return guarded;
    }

    function displayName(ref: ModuleReference): string {
      return ref.path.filter((segment) => segment !== '()' && segment !== 'new').join('.');
    }

    function sleepSuggestion(call: TSESTree.CallExpression): TSESLint.ReportSuggestionArray<MessageIds> {
      if (call.arguments.length !== 1 || call.arguments[0]?.type === T.SpreadElement) return [];
      const callee = call.callee;
      if (hasCommentInside(sourceCode, callee.range)) return [];
      if (callee.type === T.Identifier) return namedSleepSuggestion(callee);
      if (callee.type === T.MemberExpression && !call.optional) {
        if (!canUseActivityExport(sourceCode, 'sleep', call)) return [];
        return [
          {
            messageId: 'useActivitySleep',
            fix: (fixer) => {
              const { fixes, localName } = addNamedImport(fixer, sourceCode, { source: ACTIVITY, name: 'sleep', at: call });
              return [...fixes, fixer.replaceText(callee, localName)];
            },
          },
        ];
      }
      return [];
    }

    /**
     * `import { sleep } from '@temporalio/workflow'`: move the binding to `@temporalio/activity`, which fixes every
     * use at once. Offered only when every use is a call with one argument (the activity `sleep` has no options).
     */
    function namedSleepSuggestion(callee: TSESTree.Identifier): TSESLint.ReportSuggestionArray<MessageIds> {
      const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
      const def = variable?.defs[0];
      if (!variable || def?.type !== DefinitionType.ImportBinding || def.node.type !== T.ImportSpecifier) return [];
      const specifier = def.node;
      const declaration = specifier.parent;
      if (declaration.type !== T.ImportDeclaration || declaration.source.value !== WORKFLOW) return [];
      if (declaration.importKind === 'type' || specifier.importKind === 'type') return [];
      const allCalls = variable.references.every((reference) => {
        const parent = reference.identifier.parent;
        return (
          parent.type === T.CallExpression &&
          parent.callee === reference.identifier &&
          parent.arguments.length === 1 &&
          parent.arguments[0]?.type !== T.SpreadElement
        );
      });
      if (!allCalls) return [];
      const local = specifier.local.name;
      const text = local === 'sleep' ? 'sleep' : `sleep as ${local}`;
      const quote = declaration.source.raw.startsWith('"') ? '"' : "'";
      return [
        {
          messageId: 'useActivitySleep',
          fix: (fixer) => {
            if (declaration.specifiers.length === 1) {
              return fixer.replaceText(declaration.source, `${quote}${ACTIVITY}${quote}`);
            }
            const fixes: TSESLint.RuleFix[] = [removeSpecifier(fixer, specifier)];
            const target = sourceCode.ast.body.find(
              (s): s is TSESTree.ImportDeclaration =>
                s.type === T.ImportDeclaration &&
                s.source.value === ACTIVITY &&
                s.importKind !== 'type' &&
                s.specifiers.some((x) => x.type === T.ImportSpecifier),
            );
            const last = target?.specifiers.filter((s) => s.type === T.ImportSpecifier).at(-1);
            if (last) {
              fixes.push(fixer.insertTextAfter(last, `, ${text}`));
            } else {
              const semi = sourceCode.getText(declaration).trimEnd().endsWith(';') ? ';' : '';
              fixes.push(fixer.insertTextAfter(declaration, `\nimport { ${text} } from ${quote}${ACTIVITY}${quote}${semi}`));
            }
            return fixes;
          },
        },
      ];
    }

    function removeSpecifier(fixer: TSESLint.RuleFixer, specifier: TSESTree.ImportSpecifier): TSESLint.RuleFix {
      const after = sourceCode.getTokenAfter(specifier);
      if (after?.value === ',') {
        const next = sourceCode.getTokenAfter(after);
        return fixer.removeRange([specifier.range[0], next ? next.range[0] : after.range[1]]);
      }
      const before = sourceCode.getTokenBefore(specifier);
      return before?.value === ','
        ? fixer.removeRange([before.range[0], specifier.range[1]])
        : fixer.remove(specifier);
    }

    function check(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const ref = workflowRef(node.callee);
      if (!ref) return;
      const api = lookupWorkflowOnlyApi(ref.path, node.type === T.NewExpression ? 'new' : 'call');
      if (!api || isGuarded(node)) return;
      if (code && !code.enclosingActivity(node)) return;
      const name = displayName(ref);
      if (api.use === 'proxy') {
        context.report({ node, messageId: 'workflowOnlyProxy', data: { name, error: api.error, why } });
        return;
      }
      const suggest = node.type === T.CallExpression && ref.path.length === 1 && ref.path[0] === 'sleep' ? sleepSuggestion(node) : [];
      context.report({
        node,
        messageId: 'workflowOnlyApi',
        data: { name: node.type === T.NewExpression ? `new ${name}()` : `${name}()`, error: api.error, why },
        suggest,
      });
    }

    return {
      CallExpression: check,
      NewExpression: check,
    };
  },
});
