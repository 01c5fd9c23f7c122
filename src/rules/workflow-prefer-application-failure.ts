import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import type { ProjectModel, WorkerInfo } from '../project/index.js';
import { BUILTIN_ERROR_CLASSES, TEMPORAL_FAILURE_CLASSES, WORKFLOW_PACKAGE } from '../sdk/workflow-api.js';
import { createRule } from '../utils/create-rule.js';
import { escapeRegExp, readProjectFile, resolveImportedFile } from '../utils/cross-file.js';
import { addNamedImport, hasCommentInside } from '../utils/fixers.js';
import { messageDefinitionKind } from '../utils/message-definitions.js';
import { isFromPackage, unwrapExpression, type ReferenceResolver } from '../utils/references.js';
import { isWorkflowApi } from '../utils/workflow-apis.js';
import { isFunctionNode, type FunctionNode } from '../utils/ast.js';
import { getWorkflowCodeContext, resolveLocalFunction } from '../utils/workflow-code.js';

export type Options = [{ workflowFailureErrorTypes?: string[] }];
export type MessageIds = 'plainError' | 'useApplicationFailureCreate' | 'useApplicationFailureNonRetryable';

const { DefinitionType } = TSESLintRuntime.Scope;
const MAX_DEPTH = 8;

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * What a thrown class is: `chain` lists its name and its ancestors' names up to the built-in error
 * (`['NotFound', 'AppError', 'Error']`); `temporal` when it is (or extends) a `TemporalFailure`; undefined when unknown.
 */
type ErrorClass = { kind: 'plain'; chain: string[]; builtin: string } | { kind: 'temporal' };

function builtinChain(name: string): string[] {
  return name === 'Error' ? ['Error'] : [name, 'Error'];
}

/** Follow a class in another file's text: `class Name extends Base`. */
function classInText(text: string, name: string, depth: number): ErrorClass | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const m = new RegExp(String.raw`\bclass\s+${escapeRegExp(name)}\s+extends\s+([\w$]+)`).exec(text);
  const base = m?.[1];
  if (base === undefined) return undefined;
  if (TEMPORAL_FAILURE_CLASSES.includes(base)) return { kind: 'temporal' };
  if (BUILTIN_ERROR_CLASSES.includes(base)) return { kind: 'plain', chain: [name, ...builtinChain(base)], builtin: base };
  const inner = classInText(text, base, depth + 1);
  return inner?.kind === 'plain' ? { ...inner, chain: [name, ...inner.chain] } : inner;
}

function classify(
  context: AnyContext,
  resolver: ReferenceResolver,
  node: TSESTree.Node,
  depth: number,
): ErrorClass | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const target = unwrapExpression(node);
  if (target.type === T.ClassExpression || target.type === T.ClassDeclaration) {
    return classifyClass(context, resolver, target, target.id?.name, depth);
  }
  if (target.type !== T.Identifier && target.type !== T.MemberExpression) return undefined;
  const ref = resolver.resolve(target);
  if (ref?.kind === 'global') {
    const name = ref.path.length === 1 ? ref.path[0] : undefined;
    return name !== undefined && BUILTIN_ERROR_CLASSES.includes(name)
      ? { kind: 'plain', chain: builtinChain(name), builtin: name }
      : undefined;
  }
  if (ref?.kind === 'module') {
    const name = ref.path.length === 1 ? ref.path[0] : undefined;
    if (name === undefined) return undefined;
    if (isFromPackage(ref.source, WORKFLOW_PACKAGE) || isFromPackage(ref.source, '@temporalio/common')) {
      return TEMPORAL_FAILURE_CLASSES.includes(name) ? { kind: 'temporal' } : undefined;
    }
    // a class exported by another project file
    try {
      const file = resolveImportedFile(context, ref.source);
      const text = file === undefined ? undefined : readProjectFile(file);
      return text === undefined ? undefined : classInText(text, name, depth + 1);
    } catch {
      return undefined;
    }
  }
  if (target.type !== T.Identifier) return undefined;
  // a class declared in this file
  let variable: TSESLint.Scope.Variable | null;
  try {
    variable = ASTUtils.findVariable(context.sourceCode.getScope(target), target);
  } catch {
    return undefined;
  }
  const def = variable?.defs[0];
  if (!def) return undefined;
  if (def.type === DefinitionType.ClassName) {
    return classifyClass(context, resolver, def.node, target.name, depth);
  }
  if (def.type === DefinitionType.Variable && def.parent.kind === 'const' && def.node.init) {
    const init = unwrapExpression(def.node.init);
    if (init.type === T.ClassExpression) return classifyClass(context, resolver, init, target.name, depth);
  }
  return undefined;
}

function classifyClass(
  context: AnyContext,
  resolver: ReferenceResolver,
  cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  name: string | undefined,
  depth: number,
): ErrorClass | undefined {
  if (!cls.superClass) return undefined;
  const base = classify(context, resolver, cls.superClass, depth + 1);
  if (base?.kind !== 'plain') return base;
  return { ...base, chain: name === undefined ? base.chain : [name, ...base.chain] };
}

const failureTypesByWorkers = new WeakMap<readonly WorkerInfo[], ReadonlySet<string> | 'unknown'>();

/**
 * Error type names every worker that runs workflows fails the workflow on; `'unknown'` when a worker's list is unknown.
 * The same for every linted file: computed once per list of workers (the model replaces the list when they change).
 */
function workerFailureTypes(model: ProjectModel): ReadonlySet<string> | 'unknown' {
  const workers = model.workers;
  let result = failureTypesByWorkers.get(workers);
  if (result === undefined) {
    result = computeWorkerFailureTypes(workers);
    failureTypesByWorkers.set(workers, result);
  }
  return result;
}

function computeWorkerFailureTypes(workers: readonly WorkerInfo[]): ReadonlySet<string> | 'unknown' {
  const names = new Set<string>();
  for (const worker of workers) {
    if (worker.kind !== 'Worker.create' || (worker.workflowsPath === undefined && !worker.hasWorkflowBundle)) continue;
    if (worker.workflowFailureErrorTypes === undefined) return 'unknown';
    for (const name of worker.workflowFailureErrorTypes) names.add(name);
  }
  return names;
}

/** Names listed in `failureExceptionTypes` of `setWorkflowOptions` / `defineWorkflowOptions` in this file. */
function definitionFailureTypes(
  resolver: ReferenceResolver,
  call: TSESTree.CallExpression,
): { names: string[] } | 'unknown' | undefined {
  const callee = unwrapExpression(call.callee);
  let options: TSESTree.Node | undefined;
  if (isWorkflowApi(resolver, callee, 'setWorkflowOptions')) options = call.arguments[0];
  else if (isWorkflowApi(resolver, callee, 'defineWorkflowOptions')) {
    const config = call.arguments[1];
    if (!config) return undefined;
    if (config.type !== T.ObjectExpression) return 'unknown';
    options = propertyValue(config, 'workflowDefinitionOptions');
    if (options === undefined) return config.properties.some((p) => p.type === T.SpreadElement) ? 'unknown' : undefined;
  } else return undefined;
  if (!options) return undefined;
  const object = unwrapExpression(options);
  if (object.type !== T.ObjectExpression) return 'unknown';
  const list = propertyValue(object, 'failureExceptionTypes');
  if (list === undefined) return object.properties.some((p) => p.type === T.SpreadElement) ? 'unknown' : undefined;
  const array = unwrapExpression(list);
  if (array.type !== T.ArrayExpression) return 'unknown';
  const names: string[] = [];
  for (const element of array.elements) {
    if (element?.type !== T.Identifier) return 'unknown';
    names.push(element.name);
  }
  return { names };
}

function propertyValue(object: TSESTree.ObjectExpression, key: string): TSESTree.Node | undefined {
  for (const prop of object.properties) {
    if (prop.type !== T.Property || prop.computed) continue;
    const name = prop.key.type === T.Identifier ? prop.key.name : String(prop.key.value);
    if (name === key) return prop.value;
  }
  return undefined;
}

export default createRule<Options, MessageIds>({
  name: 'workflow-prefer-application-failure',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Require workflow code to throw `ApplicationFailure` rather than plain `Error`s, which fail the workflow task instead of the workflow',
      recommended: 'warn',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          workflowFailureErrorTypes: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              "Error class names that fail the workflow in your set-up (as in the worker's `workflowFailureErrorTypes`), for workers the plugin cannot read. `'Error'` allows every error.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ workflowFailureErrorTypes: [] }],
    messages: {
      plainError:
        'Throwing `{{name}}` from workflow code fails the workflow task, not the workflow: the task is retried until the code changes and the workflow stays open{{why}}. Throw an `ApplicationFailure` to fail the workflow, or list `{{name}}` in the worker\'s `workflowFailureErrorTypes`.',
      useApplicationFailureCreate:
        'Throw `ApplicationFailure.create(...)` instead (fails the workflow; retried only under a workflow retry policy).',
      useApplicationFailureNonRetryable:
        'Throw `ApplicationFailure.nonRetryable(...)` instead (fails the workflow without retries).',
    },
  },
  create(context, [options]) {
    const wf = getWorkflowCodeContext(context);
    // a module that is also activity code may throw in an activity, where a plain `Error` is the normal failure
    if (!wf || wf.info.has('activity')) return {};
    const { resolver, why, model } = wf;
    const { sourceCode } = context;

    const allowed = new Set(options.workflowFailureErrorTypes ?? []);
    let workerTypes: ReadonlySet<string> | 'unknown';
    try {
      workerTypes = workerFailureTypes(model);
    } catch {
      workerTypes = 'unknown';
    }
    if (workerTypes === 'unknown') return {};
    for (const name of workerTypes) allowed.add(name);
    if (allowed.has('Error')) return {};

    /** Query handlers and update validators: a throw there fails the query or rejects the update (facts §1.13). */
    const exempt = new Set<FunctionNode>();
    const definitionClasses: string[] = [];
    let definitionUnknown = false;
    const throws: { node: TSESTree.ThrowStatement; argument: TSESTree.NewExpression | TSESTree.CallExpression }[] = [];

    const exemptFunction = (node: TSESTree.Node | undefined): void => {
      if (!node) return;
      const fn = resolveLocalFunction(sourceCode, node);
      if (fn) exempt.add(fn);
    };

    const isExempt = (node: TSESTree.Node): boolean => {
      for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
        if (isFunctionNode(current) && exempt.has(current)) return true;
      }
      return false;
    };

    /** A class listed in `failureExceptionTypes` (or `Error`) covers the thrown class and its subclasses (`instanceof`). */
    const coveredByDefinition = (chain: string[]): boolean =>
      definitionClasses.some((name) => name === 'Error' || chain.includes(name));

    return {
      CallExpression(call) {
        const callee = unwrapExpression(call.callee);
        if (isWorkflowApi(resolver, callee, 'setHandler')) {
          const def = call.arguments[0];
          const kind = def ? messageDefinitionKind(resolver, def, context) : undefined;
          // unknown kind: it may be a query handler, where throwing is how a query fails
          if (kind === 'query' || kind === undefined) exemptFunction(call.arguments[1]);
          const opts = call.arguments[2];
          if (opts?.type === T.ObjectExpression) exemptFunction(propertyValue(opts, 'validator'));
        } else if (isWorkflowApi(resolver, callee, 'setDefaultQueryHandler')) {
          exemptFunction(call.arguments[0]);
        } else {
          const types = definitionFailureTypes(resolver, call);
          if (types === 'unknown') definitionUnknown = true;
          else if (types) {
            definitionClasses.push(...types.names);
          }
        }
      },
      ThrowStatement(node) {
        const argument = unwrapExpression(node.argument);
        if (argument.type === T.NewExpression || argument.type === T.CallExpression) {
          throws.push({ node, argument });
        }
      },
      'Program:exit'() {
        if (definitionUnknown) return;
        for (const { node, argument } of throws) {
          if (isExempt(node)) continue;
          const cls = classify(context, resolver, argument.callee, 0);
          if (cls?.kind !== 'plain') continue;
          // `Error('x')` without `new` only for the built-ins (calling a class throws a `TypeError`)
          if (argument.type === T.CallExpression && cls.chain[0] !== cls.builtin) continue;
          if (cls.chain.some((name) => allowed.has(name))) continue;
          if (coveredByDefinition(cls.chain)) continue;
          const name = cls.chain[0] ?? cls.builtin;
          context.report({
            node: argument,
            messageId: 'plainError',
            data: { name, why },
            suggest: suggestions(sourceCode, argument, cls),
          });
        }
      },
    };
  },
});

function suggestions(
  sourceCode: Readonly<TSESLint.SourceCode>,
  argument: TSESTree.NewExpression | TSESTree.CallExpression,
  cls: Extract<ErrorClass, { kind: 'plain' }>,
): TSESLint.ReportSuggestionArray<MessageIds> {
  // only the built-in errors: a custom class's constructor arguments mean something else
  if (cls.chain.length > 2 || (cls.chain.length === 2 && cls.chain[0] !== cls.builtin)) return [];
  if (argument.arguments.length > 1 || argument.arguments.some((a) => a.type === T.SpreadElement)) return [];
  if (hasCommentInside(sourceCode, argument.range)) return [];
  const message = argument.arguments[0] ? sourceCode.getText(argument.arguments[0]) : undefined;
  const type = cls.builtin === 'Error' ? undefined : `'${cls.builtin}'`;
  const replace =
    (build: (local: string) => string) =>
    (fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] => {
      const { fixes, localName } = addNamedImport(fixer, sourceCode, {
        source: WORKFLOW_PACKAGE,
        name: 'ApplicationFailure',
        at: argument,
      });
      return [...fixes, fixer.replaceText(argument, build(localName))];
    };
  const createFields = [type ? `type: ${type}` : undefined, message ? `message: ${message}` : undefined].filter(
    (f): f is string => f !== undefined,
  );
  const nonRetryableArgs = type ? [message ?? 'undefined', type] : message ? [message] : [];
  return [
    {
      messageId: 'useApplicationFailureCreate',
      fix: replace((local) => `${local}.create({${createFields.length > 0 ? ` ${createFields.join(', ')} ` : ''}})`),
    },
    {
      messageId: 'useApplicationFailureNonRetryable',
      fix: replace((local) => `${local}.nonRetryable(${nonRetryableArgs.join(', ')})`),
    },
  ];
}
