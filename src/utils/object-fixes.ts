import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { lineIndent } from './fixers.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** True if `node` belongs to the file being linted (values reached through other files do not). */
export function isInFile(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  while (current.parent) current = current.parent;
  return current === sourceCode.ast;
}

/**
 * Adds `text` (a `key: value` property) at the end of an object literal, following its layout: one line
 * (`{ a: 1, text }`), or one property per line with the last property's indentation, keeping a trailing comma.
 */
export function insertProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  text: string,
): TSESLint.RuleFix {
  const last = object.properties[object.properties.length - 1];
  if (!last) {
    const inner = sourceCode.text.slice(object.range[0] + 1, object.range[1] - 1);
    if (/^\s*$/.test(inner)) return fixer.replaceText(object, `{ ${text} }`);
    return fixer.insertTextAfterRange([object.range[0], object.range[0] + 1], ` ${text}`);
  }
  const after = sourceCode.getTokenAfter(last);
  const trailingComma = after?.value === ',' ? after : undefined;
  const indent = last.loc.start.line !== object.loc.start.line ? lineIndent(sourceCode, last) : undefined;
  if (indent !== undefined) {
    return trailingComma
      ? fixer.insertTextAfter(trailingComma, `\n${indent}${text},`)
      : fixer.insertTextAfter(last, `,\n${indent}${text}`);
  }
  return trailingComma ? fixer.insertTextAfter(trailingComma, ` ${text},`) : fixer.insertTextAfter(last, `, ${text}`);
}
