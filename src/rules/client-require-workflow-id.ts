import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { getFileInfo } from '../project/index.js';
import { RANDOM_PACKAGES } from '../sdk/random-packages.js';
import { reportNode, workflowStartCall } from '../utils/contracts.js';
import { createRule } from '../utils/create-rule.js';
import { fileResolver, isFromPackage, isGlobal, type ReferenceResolver, unwrapExpression } from '../utils/references.js';
import { evaluate, getProperty, type Lookup, scopeLookup } from '../utils/static-value.js';

export type Options = [];
export type MessageIds = 'missingWorkflowId' | 'randomWorkflowId';

const MAX_DEPTH = 8;
/** Global calls that produce a value with no business meaning. */
const RANDOM_GLOBALS: readonly (readonly string[])[] = [
  ['crypto', 'randomUUID'],
  ['Math', 'random'],
  ['Date', 'now'],
];
const CRYPTO_MODULES = ['crypto', 'node:crypto'];
/** Methods that only re-format their receiver (`Date.now().toString()`, `new Date().getTime()`). */
const FORMATTERS = new Set(['toString', 'toISOString', 'getTime', 'valueOf', 'toJSON', 'slice', 'substring', 'replace', 'replaceAll', 'toUpperCase', 'toLowerCase']);

export default createRule<Options, MessageIds>({
  name: 'client-require-workflow-id',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require workflow starts to pass a `workflowId` derived from the business entity, not a random one',
      strict: 'error',
    },
    schema: [],
    messages: {
      missingWorkflowId:
        'This start has no `workflowId`: pass one derived from the business entity (`order-${orderId}`), so that a retried or duplicated request fails with `WorkflowExecutionAlreadyStartedError` instead of starting the workflow twice.',
      randomWorkflowId:
        '`workflowId` is random ({{source}}): every call starts a new execution, so a retried or duplicated request starts the workflow twice instead of failing with `WorkflowExecutionAlreadyStartedError`. Derive the id from the business entity (`order-${orderId}`).',
    },
  },
  create(context) {
    if (!/workflow/i.test(context.sourceCode.text)) return {};
    try {
      if (getFileInfo(context).has('test')) return {};
    } catch {
      // not knowing the roles is no reason to be silent
    }
    const resolver = fileResolver(context.sourceCode, context.filename);
    const lookup = scopeLookup(context.sourceCode);
    return {
      CallExpression(node) {
        const start = workflowStartCall(resolver, node);
        if (!start?.options) return;
        const options = evaluate(start.options, lookup);
        const prop = getProperty(options, 'workflowId');
        if (prop === 'unknown') return;
        if (prop === 'absent') {
          context.report({ node: reportNode(context.sourceCode, start.options, node.callee), messageId: 'missingWorkflowId' });
          return;
        }
        if (!prop.valueNode || reportNode(context.sourceCode, prop.valueNode, node) !== prop.valueNode) return;
        const source = randomSource(context.sourceCode, resolver, lookup, prop.valueNode, 0);
        if (source) context.report({ node: prop.valueNode, messageId: 'randomWorkflowId', data: { source: `\`${source}\`` } });
      },
    };
  },
});

/** `uuid()`-like: the text of the random call when `node` is built only from random values and constant text. */
function randomSource(
  sourceCode: Readonly<TSESLint.SourceCode>,
  resolver: ReferenceResolver,
  lookup: Lookup,
  input: TSESTree.Node,
  depth: number,
): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrapExpression(input);
  switch (node.type) {
    case T.CallExpression: {
      if (isRandomCall(resolver, node)) return sourceCode.getText(node);
      const callee = unwrapExpression(node.callee);
      if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier && FORMATTERS.has(callee.property.name)) {
        return randomSource(sourceCode, resolver, lookup, callee.object, depth + 1);
      }
      if (callee.type === T.Identifier && callee.name === 'String' && node.arguments[0] && node.arguments[0].type !== T.SpreadElement) {
        return randomSource(sourceCode, resolver, lookup, node.arguments[0], depth + 1);
      }
      return undefined;
    }
    case T.NewExpression:
      // `new Date()`: the current time.
      return isGlobal(resolver.resolve(node.callee), 'Date') && node.arguments.length === 0 ? sourceCode.getText(node) : undefined;
    case T.TemplateLiteral: {
      let found: string | undefined;
      for (const expression of node.expressions) {
        const inner = randomSource(sourceCode, resolver, lookup, expression, depth + 1);
        if (inner === undefined && !isConstantText(lookup, expression)) return undefined;
        found ??= inner;
      }
      return found;
    }
    case T.BinaryExpression: {
      if (node.operator !== '+') return undefined;
      const left = randomSource(sourceCode, resolver, lookup, node.left, depth + 1);
      const right = randomSource(sourceCode, resolver, lookup, node.right, depth + 1);
      if ((left === undefined && !isConstantText(lookup, node.left)) || (right === undefined && !isConstantText(lookup, node.right))) return undefined;
      return left ?? right;
    }
    case T.Identifier: {
      const found = lookup(node);
      return found?.local ? randomSource(sourceCode, resolver, found.lookup, found.node, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

function isConstantText(lookup: Lookup, node: TSESTree.Node): boolean {
  const value = evaluate(node, lookup);
  return value.kind === 'literal';
}

function isRandomCall(resolver: ReferenceResolver, call: TSESTree.CallExpression): boolean {
  const ref = resolver.resolve(call.callee);
  if (!ref) return false;
  if (ref.kind === 'global') return RANDOM_GLOBALS.some((path) => isGlobal(ref, ...path));
  if (CRYPTO_MODULES.includes(ref.source)) return ref.path.length === 1 && ref.path[0] === 'randomUUID';
  const pkg = RANDOM_PACKAGES.find((p) => isFromPackage(ref.source, p.name));
  if (!pkg) return false;
  const subpath = ref.source.slice(pkg.name.length + 1);
  const name = subpath && ref.path[0] === 'default' ? pkg.subpathExports?.[subpath] : ref.path[0] === 'default' ? (pkg.defaultExport ?? 'default') : ref.path[0];
  // `customAlphabet(...)()` and other factories: any call that ends in a random export's result.
  return name !== undefined && (pkg.randomExports ?? []).includes(name);
}
