import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { BUILTIN_QUERIES, MESSAGE_DEFINERS, WORKFLOW_PACKAGE } from '../sdk/workflow-api.js';
import { escapeRegExp, readProjectFile, resolveImportedFile } from './cross-file.js';
import { isFromPackage, unwrapExpression, type ReferenceResolver } from './references.js';

export type MessageKind = 'signal' | 'query' | 'update';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

function definerKind(name: string | undefined): MessageKind | undefined {
  return name !== undefined && Object.hasOwn(MESSAGE_DEFINERS, name)
    ? MESSAGE_DEFINERS[name as keyof typeof MESSAGE_DEFINERS]
    : undefined;
}

/** Kind of an exported `const name = defineX(...)` in another file's text (namespace or named import of the definer). */
export function messageKindInText(text: string, name: string): MessageKind | undefined {
  if (!text.includes(WORKFLOW_PACKAGE)) return undefined;
  const re = new RegExp(
    String.raw`(?:^|[\s;])(?:export\s+)?(?:const|let|var)\s+${escapeRegExp(name)}\s*(?::[^=;]+)?=\s*(?:[\w$]+\s*\.\s*)?(define(?:Signal|Query|Update))\s*[<(]`,
    'm',
  );
  return definerKind(re.exec(text)?.[1]);
}

/**
 * What kind of message definition `node` (the first argument of `setHandler`) is: `defineQuery(...)` inline, a const
 * bound to it (aliases and namespaces included), an SDK built-in query, or an export of another project file whose
 * text declares it with `defineSignal/defineQuery/defineUpdate`. Undefined when it cannot be known.
 */
export function messageDefinitionKind(
  resolver: ReferenceResolver,
  node: TSESTree.Node,
  context?: AnyContext,
): MessageKind | undefined {
  const ref = resolver.resolve(unwrapExpression(node));
  if (ref?.kind !== 'module') return undefined;
  if (isFromPackage(ref.source, WORKFLOW_PACKAGE)) {
    if (ref.path.length === 2 && ref.path[1] === '()') return definerKind(ref.path[0]);
    if (ref.path.length === 1 && BUILTIN_QUERIES.includes(ref.path[0] ?? '')) return 'query';
    return undefined;
  }
  if (!context || ref.path.length !== 1) return undefined;
  const name = ref.path[0];
  if (name === undefined || name === 'default') return undefined;
  try {
    const file = resolveImportedFile(context, ref.source);
    const text = file === undefined ? undefined : readProjectFile(file);
    return text === undefined ? undefined : messageKindInText(text, name);
  } catch {
    return undefined;
  }
}
