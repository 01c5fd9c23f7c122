import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { reservedNameReason } from '../sdk/reserved-names.js';
import { MESSAGE_DEFINERS, WORKFLOW_PACKAGE } from '../sdk/workflow-api.js';
import { createRule } from '../utils/create-rule.js';
import { isFromPackage, unwrapExpression } from '../utils/references.js';
import { staticString } from '../utils/static-string.js';
import { enclosingFunction } from '../utils/ast.js';
import { getWorkflowCodeContext } from '../utils/workflow-code.js';

export type Options = [
  {
    requireModuleScope?: boolean;
    requireLiteralNames?: boolean;
    requireQueryResultType?: boolean;
  },
];
export type MessageIds = 'reservedName' | 'nonLiteralName' | 'definitionInFunction' | 'missingQueryResultType';

const TS_FILE = /\.[cm]?tsx?$/;

export default createRule<Options, MessageIds>({
  name: 'workflow-valid-message-definitions',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow reserved names in signal, query and update definitions, and require definitions at module scope with literal names and typed query results',
      recommended: {
        severity: 'error',
        options: { requireModuleScope: false, requireLiteralNames: false, requireQueryResultType: false },
      },
      strict: 'error',
    },
    schema: [
      {
        type: 'object',
        properties: {
          requireModuleScope: {
            type: 'boolean',
            description: 'Report `defineSignal`/`defineQuery`/`defineUpdate` called inside a function.',
          },
          requireLiteralNames: {
            type: 'boolean',
            description: 'Report definition names that are not string literals or constants.',
          },
          requireQueryResultType: {
            type: 'boolean',
            description: 'Report `defineQuery` without a result type argument (TypeScript files only).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireModuleScope: true, requireLiteralNames: true, requireQueryResultType: true }],
    messages: {
      reservedName:
        '`{{definer}}(\'{{name}}\')` uses a name reserved by the Temporal SDK ({{reason}}): `setHandler` throws a `TypeError` for it, which fails the workflow task on every attempt{{why}}.',
      nonLiteralName:
        'The name passed to `{{definer}}` is computed at run time: clients and workflows must agree on message names, so make it a string literal or a constant{{why}}.',
      definitionInFunction:
        '`{{definer}}` is called inside a function: define messages once at module scope and export them, so that clients send exactly the name and types the workflow handles{{why}}.',
      missingQueryResultType:
        '`defineQuery` has no result type argument, so clients get `unknown` and an `async` handler type-checks although every query to it fails at run time; write `defineQuery<Result>(...)`{{why}}.',
    },
  },
  create(context, [options]) {
    const wf = getWorkflowCodeContext(context);
    if (!wf) return {};
    const { resolver, why } = wf;
    const sourceCode = context.sourceCode;
    const isTypeScript = TS_FILE.test(context.filename);

    return {
      CallExpression(node) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== T.Identifier && callee.type !== T.MemberExpression) return;
        const ref = resolver.resolve(callee);
        if (ref?.kind !== 'module' || !isFromPackage(ref.source, WORKFLOW_PACKAGE) || ref.path.length !== 1) return;
        const definer = ref.path[0] ?? '';
        if (!Object.hasOwn(MESSAGE_DEFINERS, definer)) return;
        const kind = MESSAGE_DEFINERS[definer as keyof typeof MESSAGE_DEFINERS];

        const nameArg = node.arguments[0];
        if (nameArg && nameArg.type !== T.SpreadElement) {
          const name = staticString(sourceCode, nameArg);
          if (name.kind === 'string') {
            const reason = reservedNameReason(kind, name.value);
            if (reason !== undefined) {
              context.report({ node: nameArg, messageId: 'reservedName', data: { definer, name: name.value, reason, why } });
            }
          } else if (options.requireLiteralNames === true && name.kind !== 'opaque') {
            context.report({ node: nameArg, messageId: 'nonLiteralName', data: { definer, why } });
          }
        }

        if (options.requireModuleScope === true && enclosingFunction(node)) {
          context.report({ node: callee, messageId: 'definitionInFunction', data: { definer, why } });
        }

        if (
          options.requireQueryResultType === true &&
          isTypeScript &&
          kind === 'query' &&
          !node.typeArguments &&
          !hasContextualType(node)
        ) {
          context.report({ node: callee, messageId: 'missingQueryResultType', data: { why } });
        }
      },
    };
  },
});

/** `const q: QueryDefinition<string> = defineQuery('q')`, `defineQuery('q') as ...`, `satisfies`: TS infers `Ret`. */
function hasContextualType(node: TSESTree.CallExpression): boolean {
  const parent = node.parent;
  if (parent.type === T.TSAsExpression || parent.type === T.TSSatisfiesExpression || parent.type === T.TSTypeAssertion) {
    return true;
  }
  if (parent.type === T.VariableDeclarator && parent.init === node && parent.id.typeAnnotation) return true;
  if (parent.type === T.PropertyDefinition && parent.value === node && parent.typeAnnotation) return true;
  return false;
}
