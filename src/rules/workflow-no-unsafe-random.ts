import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils, TSESLint as TSESLintRuntime } from '@typescript-eslint/utils';
import { findRandomPackage, RANDOM_PACKAGES, type RandomPackage } from '../sdk/random-packages.js';
import { WORKFLOW_PACKAGE } from '../sdk/workflow-api.js';
import { createRule } from '../utils/create-rule.js';
import { addNamedImport, hasCommentInside } from '../utils/fixers.js';
import { isInReadOnlyHandler } from '../utils/read-only-handlers.js';
import { isFromPackage, isGlobal, requireSource, type ModuleReference } from '../utils/references.js';
import { getWorkflowCodeContext } from '../utils/workflow-code.js';

const { DefinitionType } = TSESLintRuntime.Scope;

export type Options = [];
export type MessageIds =
  | 'cryptoGlobal'
  | 'randomPackageCall'
  | 'randomPackageImport'
  | 'unsafeRandom'
  | 'useUuid4'
  | 'useMathRandom';

type Fixer = TSESLint.RuleFixer;

const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

const MAX_PACKAGE_LOOKUPS = 10_000;
const packageLookups = new Map<string, { pkg: RandomPackage; subpath: string } | null>();

/** `findRandomPackage`, remembered by module specifier: it is asked for every call of an imported function. */
function randomPackage(specifier: string): { pkg: RandomPackage; subpath: string } | undefined {
  let found = packageLookups.get(specifier);
  if (found === undefined) {
    found = findRandomPackage(specifier) ?? null;
    if (packageLookups.size >= MAX_PACKAGE_LOOKUPS) packageLookups.clear();
    packageLookups.set(specifier, found);
  }
  return found ?? undefined;
}
/** Ancestors that make an identifier a type-level name, not a run-time use. */
const TYPE_CONTEXTS: ReadonlySet<string> = new Set([
  T.TSTypeQuery,
  T.TSTypeReference,
  T.TSQualifiedName,
  T.TSPropertySignature,
  T.TSMethodSignature,
  T.TSTypeAnnotation,
  T.TSInterfaceBody,
  T.TSModuleDeclaration,
  T.TSEnumMember,
]);

function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === T.Identifier) return node.property.name;
  if (node.computed && node.property.type === T.Literal && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

/** `node` without the `?.` chain / TS wrappers around it, going up: the node whose parent is the real user. */
function outer(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === T.ChainExpression ||
      current.parent.type === T.TSNonNullExpression ||
      current.parent.type === T.TSAsExpression)
  ) {
    current = current.parent;
  }
  return current;
}

function stripDown(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === T.ChainExpression || current.type === T.TSNonNullExpression || current.type === T.TSAsExpression) {
    current = current.expression;
  }
  return current;
}

/** `typeof x` in a type position: not a run-time use. */
function isInTypeQuery(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === T.TSTypeQuery) return true;
    if (current.type === T.TSTypeAnnotation || current.type === T.TSTypeAliasDeclaration) return false;
  }
  return false;
}

/** The statement always ends by `return` / `throw`. */
function alwaysExits(node: TSESTree.Statement): boolean {
  if (node.type === T.ReturnStatement || node.type === T.ThrowStatement) return true;
  if (node.type === T.BlockStatement) {
    const last = node.body.at(-1);
    return last !== undefined && alwaysExits(last);
  }
  return false;
}

/** Export path of a listed package after CommonJS default interop and subpaths; undefined when it is safe. */
function normalisePath(pkg: RandomPackage, subpath: string, path: readonly string[]): string[] | undefined {
  let result = [...path];
  if (subpath) {
    if (pkg.safeSubpaths?.includes(subpath)) return undefined;
    const base = pkg.subpathExports?.[subpath];
    if (base !== undefined) {
      if (result[0] === 'default') result = [base, ...result.slice(1)];
      else if (result.length === 0 || result[0] === '()') result = [base, ...result];
    } else {
      // An unknown subpath of an RNG package: every export draws randomness.
      return result.length === 0 || result[0] === '()' ? ['*', ...result] : ['*', ...result.slice(1)];
    }
  }
  if (result.length === 0 || result[0] === '()' || result[0] === 'new') {
    // the CommonJS module itself is called: `require('uuid')()` (uuid ≤ 3)
    result = [pkg.defaultExport ?? 'default', ...result];
  } else if (result[0] === 'default') {
    const next = result[1];
    if (next !== undefined && next !== '()' && next !== 'new') result = result.slice(1);
    else result = [pkg.defaultExport ?? 'default', ...result.slice(1)];
  }
  return result;
}

export default createRule<Options, MessageIds>({
  name: 'workflow-no-unsafe-random',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `crypto`, npm ID and random-number packages, and `workflowInfo().unsafe.random` in workflow code',
      recommended: 'error',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      cryptoGlobal:
        '`crypto` does not exist in the workflow sandbox, so `{{name}}` fails there (a `ReferenceError` or `TypeError` fails the workflow task){{why}}.',
      randomPackageCall: '`{{name}}` from `{{source}}` cannot run in the workflow sandbox: {{reason}}{{why}}.',
      randomPackageImport: '`{{source}}` cannot be used in workflow code: {{reason}}{{why}}.',
      unsafeRandom:
        '`workflowInfo().unsafe.random` draws fresh entropy that differs on replay: outside query handlers and update validators it makes the workflow nondeterministic{{why}}.',
      useUuid4: 'Replace with `uuid4()` from `@temporalio/workflow`, drawn from the seeded workflow PRNG (deterministic on replay).',
      useMathRandom: 'Replace with `Math.random()`, the seeded workflow PRNG (deterministic on replay).',
    },
  },
  create(context) {
    const wf = getWorkflowCodeContext(context);
    if (!wf) return {};
    const { resolver, why } = wf;
    const sourceCode = context.sourceCode;

    // ---------------------------------------------------------------- `crypto` global

    /** `typeof crypto` / `globalThis.crypto` / `'crypto' in globalThis`: true when `test` holding proves it exists. */
    function assertsCrypto(test: TSESTree.Node): boolean {
      const node = stripDown(test);
      if (node.type === T.LogicalExpression && node.operator === '&&') return assertsCrypto(node.left) || assertsCrypto(node.right);
      if (node.type === T.UnaryExpression && node.operator === '!') return refutesCrypto(node.argument);
      if (node.type === T.BinaryExpression) {
        const typeofSide = [node.left, node.right].find((s) => s.type === T.UnaryExpression && s.operator === 'typeof');
        const other = [node.left, node.right].find((s) => s !== typeofSide);
        if (typeofSide?.type === T.UnaryExpression && other?.type === T.Literal && isCryptoPath(typeofSide.argument)) {
          if ((node.operator === '!==' || node.operator === '!=') && other.value === 'undefined') return true;
          if ((node.operator === '===' || node.operator === '==') && (other.value === 'object' || other.value === 'function')) return true;
        }
        if (node.operator === 'in' && node.left.type === T.Literal && node.left.value === 'crypto') return true;
        return false;
      }
      return isCryptoPath(node);
    }

    function refutesCrypto(test: TSESTree.Node): boolean {
      const node = stripDown(test);
      if (node.type === T.LogicalExpression && node.operator === '||') return refutesCrypto(node.left) || refutesCrypto(node.right);
      if (node.type === T.UnaryExpression && node.operator === '!') return assertsCrypto(node.argument);
      if (node.type === T.BinaryExpression) {
        const typeofSide = [node.left, node.right].find((s) => s.type === T.UnaryExpression && s.operator === 'typeof');
        const other = [node.left, node.right].find((s) => s !== typeofSide);
        if (typeofSide?.type === T.UnaryExpression && other?.type === T.Literal && isCryptoPath(typeofSide.argument)) {
          return (node.operator === '===' || node.operator === '==') && other.value === 'undefined';
        }
      }
      return false;
    }

    function isCryptoPath(node: TSESTree.Node): boolean {
      const ref = resolver.resolve(node);
      return ref?.kind === 'global' && ref.path[0] === 'crypto';
    }

    /** The use sits where a feature test has shown that `crypto` exists (so in the sandbox it never runs). */
    function isGuarded(node: TSESTree.Node): boolean {
      let child: TSESTree.Node = node;
      for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
        switch (parent.type) {
          case T.IfStatement:
          case T.ConditionalExpression:
            if (parent.consequent === child && assertsCrypto(parent.test)) return true;
            if (parent.alternate === child && refutesCrypto(parent.test)) return true;
            break;
          case T.LogicalExpression:
            if (parent.right === child && parent.operator === '&&' && assertsCrypto(parent.left)) return true;
            if (parent.right === child && (parent.operator === '||' || parent.operator === '??') && refutesCrypto(parent.left)) {
              return parent.operator === '||';
            }
            break;
          case T.BlockStatement:
          case T.Program: {
            const index = (parent.body as TSESTree.Node[]).indexOf(child);
            for (const earlier of parent.body.slice(0, Math.max(0, index))) {
              if (earlier.type === T.IfStatement && !earlier.alternate && refutesCrypto(earlier.test) && alwaysExits(earlier.consequent)) {
                return true;
              }
            }
            break;
          }
          default:
            break;
        }
      }
      return false;
    }

    function reportCrypto(ref: TSESTree.Node, baseName: string): void {
      if (isGuarded(ref)) return;
      let node: TSESTree.Node = outer(ref);
      let name = baseName;
      let isRandomUUID = false;
      const parent = node.parent;
      if (parent?.type === T.MemberExpression && parent.object === node) {
        const member = memberName(parent);
        name = `${baseName}.${member ?? '…'}`;
        node = outer(parent);
        const call = node.parent;
        if (call?.type === T.CallExpression && call.callee === node) {
          name += '()';
          isRandomUUID = member === 'randomUUID' && call.arguments.length === 0;
          node = call;
        }
      } else if (parent?.type === T.CallExpression && parent.callee === node) {
        name += '()';
        node = parent;
      }
      const target = node;
      context.report({
        node: target,
        messageId: 'cryptoGlobal',
        data: { name, why },
        suggest: isRandomUUID && !hasCommentInside(sourceCode, target.range) ? [uuid4Suggestion(target)] : [],
      });
    }

    function uuid4Suggestion(call: TSESTree.Node, removal?: (fixer: Fixer) => TSESLint.RuleFix | undefined): TSESLint.SuggestionReportDescriptor<MessageIds> {
      return {
        messageId: 'useUuid4',
        fix(fixer) {
          const { fixes, localName } = addNamedImport(fixer, sourceCode, { source: WORKFLOW_PACKAGE, name: 'uuid4', at: call });
          const replace = fixer.replaceText(call, `${localName}()`);
          const remove = removal?.(fixer);
          if (!remove) return [...fixes, replace];
          // The new import goes right after the one being removed: write it in its place.
          const inside = fixes.find((f) => f.range[0] === f.range[1] && f.range[0] >= remove.range[0] && f.range[0] <= remove.range[1]);
          if (!inside) return [...fixes, replace, remove];
          const rest = fixes.filter((f) => f !== inside);
          const removedText = sourceCode.text.slice(remove.range[0], remove.range[1]);
          const trailing = /\r?\n$/.exec(removedText)?.[0] ?? '';
          const statement = inside.text.replace(/^\r?\n/, '');
          const text = /\n$/.test(statement) ? statement : `${statement}${trailing}`;
          return [...rest, replace, fixer.replaceTextRange(remove.range, text)];
        },
      };
    }

    // ---------------------------------------------------------------- npm packages

    /** A statement's full lines (with its line break) when it is alone on them, else just its range. */
    function statementRange(node: TSESTree.Node): [number, number] {
      const text = sourceCode.text;
      let start = node.range[0];
      let end = node.range[1];
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const before = text.slice(lineStart, start);
      const newline = text.indexOf('\n', end);
      const after = text.slice(end, newline === -1 ? text.length : newline);
      if (/^\s*$/.test(before) && /^\s*$/.test(after)) {
        start = lineStart;
        end = newline === -1 ? text.length : newline + 1;
      }
      return [start, end];
    }

    /** Removes the import / require binding that `root` refers to, when `root` is its only use. */
    function bindingRemoval(root: TSESTree.Identifier): ((fixer: Fixer) => TSESLint.RuleFix | undefined) | undefined {
      let variable: TSESLint.Scope.Variable | null;
      try {
        variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
      } catch {
        return undefined;
      }
      const def = variable?.defs[0];
      if (!variable || !def || variable.defs.length !== 1) return undefined;
      const uses = variable.references.filter((r) => !r.init);
      if (uses.length !== 1 || uses[0]?.identifier !== root) return undefined;
      let range: [number, number] | undefined;
      if (def.type === DefinitionType.ImportBinding && def.parent.type === T.ImportDeclaration) {
        const decl = def.parent;
        const spec = def.node;
        if (decl.specifiers.length === 1) range = statementRange(decl);
        else if (spec.type === T.ImportSpecifier && decl.specifiers.filter((s) => s.type === T.ImportSpecifier).length > 1) {
          range = listItemRange(spec);
        }
      } else if (def.type === DefinitionType.Variable && def.node.init && requireSource(def.node.init) !== undefined) {
        const declaration = def.parent;
        const id = def.node.id;
        if (declaration.declarations.length !== 1) return undefined;
        if (id.type === T.Identifier) range = statementRange(declaration);
        else if (id.type === T.ObjectPattern) {
          const prop = id.properties.find((p) => p.type === T.Property && p.value === def.name);
          if (!prop) return undefined;
          range = id.properties.length === 1 ? statementRange(declaration) : listItemRange(prop);
        }
      }
      if (!range || hasCommentInside(sourceCode, range)) return undefined;
      const finalRange = range;
      return (fixer) => fixer.removeRange(finalRange);
    }

    /** A list element with the comma that separates it from its neighbour. */
    function listItemRange(node: TSESTree.Node): [number, number] | undefined {
      const after = sourceCode.getTokenAfter(node);
      if (after && ASTUtils.isCommaToken(after)) {
        const next = sourceCode.getTokenAfter(after);
        if (next && !ASTUtils.isClosingBraceToken(next)) return [node.range[0], next.range[0]];
      }
      const before = sourceCode.getTokenBefore(node);
      if (before && ASTUtils.isCommaToken(before)) return [before.range[0], node.range[1]];
      return undefined;
    }

    /** The root identifier of a callee chain (`uuidv4`, the `uuid` of `uuid.v4`), if any. */
    function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
      const current = stripDown(node);
      if (current.type === T.Identifier) return current;
      if (current.type === T.MemberExpression) return rootIdentifier(current.object);
      return undefined;
    }

    /** True when the call passes its own randomness (`v4({ random })`, `ulid(time, prng)`). */
    function hasOwnRandomness(pkg: RandomPackage, name: string, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
      const rule = pkg.ownRandomness?.[name];
      if (!rule) return false;
      const arg = call.arguments[rule.index];
      if (!arg) return false;
      if (!rule.keys) return true;
      if (arg.type !== T.ObjectExpression) return arg.type !== T.Identifier || arg.name !== 'undefined';
      return arg.properties.some(
        (p) => p.type === T.SpreadElement || p.computed || (p.key.type === T.Identifier && rule.keys?.includes(p.key.name) === true),
      );
    }

    function checkPackageCall(node: TSESTree.CallExpression | TSESTree.NewExpression, ref: ModuleReference): void {
      const found = randomPackage(ref.source);
      if (found?.pkg.failsAt !== 'call') return;
      const { pkg, subpath } = found;
      const path = normalisePath(pkg, subpath, ref.path);
      if (!path) return;
      const [first, second, third] = path;
      let name: string | undefined;
      if (path.length === 1 && first !== undefined && (first === '*' || pkg.randomExports?.includes(first))) {
        if (first !== '*' && hasOwnRandomness(pkg, first, node)) return;
        name = first === '*' ? ref.source : first;
      } else if (path.length === 3 && first !== undefined && second === '()' && third !== undefined && pkg.randomResultMembers?.[first]?.includes(third)) {
        name = `${first}().${third}`;
      }
      if (name === undefined) return;
      const label = node.type === T.NewExpression ? `new ${name}()` : `${name}()`;
      const uuid4Like = first !== undefined && path.length === 1 && pkg.uuid4Equivalent?.includes(first) && node.type === T.CallExpression && node.arguments.length === 0;
      const root = uuid4Like ? rootIdentifier(node.callee) : undefined;
      context.report({
        node,
        messageId: 'randomPackageCall',
        data: { name: label, source: ref.source, reason: pkg.reason, why },
        suggest: uuid4Like && !hasCommentInside(sourceCode, node.range) ? [uuid4Suggestion(node, root ? bindingRemoval(root) : undefined)] : [],
      });
    }

    /** A random export passed along without being called (`ids.map(nanoid)`). */
    function checkPackageValue(node: TSESTree.Node): void {
      const ref = resolver.resolveModule(node);
      if (!ref) return;
      const found = randomPackage(ref.source);
      if (found?.pkg.failsAt !== 'call') return;
      const path = normalisePath(found.pkg, found.subpath, ref.path);
      const first = path?.[0];
      if (path?.length !== 1 || first === undefined || !(first === '*' || found.pkg.randomExports?.includes(first))) return;
      context.report({
        node,
        messageId: 'randomPackageCall',
        data: { name: sourceCode.getText(node), source: ref.source, reason: found.pkg.reason, why },
      });
    }

    function reportImport(node: TSESTree.Node, source: string): void {
      const found = randomPackage(source);
      if (!found || found.pkg.failsAt === 'call') return;
      if (found.pkg.safeSubpaths?.includes(found.subpath)) return;
      context.report({ node, messageId: 'randomPackageImport', data: { source, reason: found.pkg.reason, why } });
    }

    /** swc drops imports whose bindings are never used as values, so only those reach the bundle. */
    function isBundledImport(node: TSESTree.ImportDeclaration): boolean {
      if (node.importKind === 'type') return false;
      if (node.specifiers.length === 0) return true;
      return node.specifiers.some((spec) => {
        if (spec.type === T.ImportSpecifier && spec.importKind === 'type') return false;
        try {
          return sourceCode
            .getDeclaredVariables(spec)
            .some((v) => v.references.some((r) => r.isValueReference && !isInTypeQuery(r.identifier)));
        } catch {
          return true;
        }
      });
    }

    // ---------------------------------------------------------------- visitors

    // Cheap text pre-filter: most workflow files mention neither an ID package nor `unsafe`.
    const text = sourceCode.text;
    const mayCallPackages = text.includes('unsafe') || RANDOM_PACKAGES.some((p) => text.includes(p.name));

    const checkCallee = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      if (!mayCallPackages) return;
      const ref = resolver.resolve(node.callee);
      if (ref?.kind === 'module') {
        const [f, call, unsafe, random, method] = ref.path;
        if (
          isFromPackage(ref.source, WORKFLOW_PACKAGE) &&
          ref.path.length === 5 &&
          f === 'workflowInfo' &&
          call === '()' &&
          unsafe === 'unsafe' &&
          random === 'random'
        ) {
          if (!isInReadOnlyHandler(node, resolver, sourceCode, context)) reportUnsafeRandom(node, method);
          return;
        }
        checkPackageCall(node, ref);
      }
      for (const arg of node.arguments) {
        if (arg.type === T.Identifier || arg.type === T.MemberExpression) checkPackageValue(arg);
      }
    };

    function reportUnsafeRandom(node: TSESTree.CallExpression | TSESTree.NewExpression, method: string | undefined): void {
      const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
      if (!hasCommentInside(sourceCode, node.range) && node.arguments.length === 0) {
        if (method === 'uuid4') suggest.push(uuid4Suggestion(node));
        if (method === 'random' && mathIsGlobal(node)) {
          suggest.push({ messageId: 'useMathRandom', fix: (fixer) => fixer.replaceText(node, 'Math.random()') });
        }
      }
      context.report({ node, messageId: 'unsafeRandom', data: { why }, suggest });
    }

    function mathIsGlobal(node: TSESTree.Node): boolean {
      try {
        const variable = ASTUtils.findVariable(sourceCode.getScope(node), 'Math');
        return !variable || variable.defs.length === 0;
      } catch {
        return false;
      }
    }

    return {
      ImportDeclaration(node) {
        if (isBundledImport(node)) reportImport(node, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source && node.exportKind !== 'type') reportImport(node, node.source.value);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind !== 'type') reportImport(node, node.source.value);
      },
      CallExpression(node) {
        const source = requireSource(node);
        if (source !== undefined) {
          reportImport(node, source);
          return;
        }
        checkCallee(node);
      },
      NewExpression: checkCallee,
      Identifier(node) {
        if (node.name !== 'crypto') return;
        const parent = node.parent;
        // only references: not `x.crypto`, `{ crypto: 1 }`, declarations, or `typeof crypto`
        if (parent.type === T.MemberExpression && parent.property === node && !parent.computed) return;
        if (
          (parent.type === T.Property || parent.type === T.PropertyDefinition || parent.type === T.MethodDefinition) &&
          parent.key === node &&
          !(parent.type === T.Property && parent.value === node)
        ) {
          return;
        }
        if (parent.type === T.LabeledStatement || parent.type === T.BreakStatement || parent.type === T.ContinueStatement) return;
        if (parent.type === T.UnaryExpression && parent.operator === 'typeof') return;
        for (let current: TSESTree.Node | undefined = parent; current; current = current.parent) {
          if (TYPE_CONTEXTS.has(current.type)) return;
        }
        let variable: TSESLint.Scope.Variable | null;
        try {
          variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
        } catch {
          return;
        }
        if (variable && variable.defs.length > 0) return;
        if (!isGlobal(resolver.resolve(node), 'crypto')) return;
        reportCrypto(node, 'crypto');
      },
      MemberExpression(node) {
        if (memberName(node) !== 'crypto') return;
        const object = stripDown(node.object);
        if (object.type !== T.Identifier || !GLOBAL_OBJECTS.has(object.name)) return;
        if (!isGlobal(resolver.resolve(node), 'crypto')) return;
        const top = outer(node);
        if (top.parent?.type === T.UnaryExpression && top.parent.operator === 'typeof') return;
        // `if (globalThis.crypto)` / `globalThis.crypto && ...` / `globalThis.crypto?.x`: a feature test, not a use
        const parent = top.parent;
        if (parent && (parent.type === T.IfStatement || parent.type === T.ConditionalExpression) && parent.test === top) return;
        if (parent?.type === T.LogicalExpression && parent.left === top) return;
        if (parent?.type === T.UnaryExpression && parent.operator === '!') return;
        reportCrypto(node, `${object.name}.crypto`);
      },
      VariableDeclarator(node) {
        // `const { crypto } = globalThis`
        if (node.id.type !== T.ObjectPattern || !node.init) return;
        const init = stripDown(node.init);
        if (init.type !== T.Identifier || !GLOBAL_OBJECTS.has(init.name) || !isGlobal(resolver.resolve(init))) return;
        for (const prop of node.id.properties) {
          if (prop.type === T.Property && !prop.computed && prop.key.type === T.Identifier && prop.key.name === 'crypto') {
            context.report({ node: prop, messageId: 'cryptoGlobal', data: { name: `${init.name}.crypto`, why } });
          }
        }
      },
    };
  },
});
