import type { TSESLint } from '@typescript-eslint/utils';
import { getProjectModel } from '../project/index.js';
import { scopeLookup, type ImportLookup, type Lookup } from './static-value.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * A static-value lookup for the linted file that also follows imports of `const`s from other project files
 * (`import { ACTIVITY_OPTIONS } from './shared'`), through the project model's parsed ASTs. Inside another file,
 * identifiers resolve to that file's top-level constants (imports followed again). Never throws.
 */
export function projectLookup(context: AnyContext): Lookup {
  let importLookup: ImportLookup | undefined;
  try {
    const model = getProjectModel(context);
    const fileLookups = new Map<string, Lookup>();
    const fileLookup = (file: string): Lookup => {
      let lookup = fileLookups.get(file);
      if (!lookup) {
        lookup = (id) => {
          try {
            const found = model.getTopLevelConst(file, id.name);
            return found ? { node: found.node, lookup: fileLookup(found.file), local: false } : undefined;
          } catch {
            return undefined;
          }
        };
        fileLookups.set(file, lookup);
      }
      return lookup;
    };
    importLookup = (source, importedName) => {
      const file = model.resolveModule(context.filename, source);
      if (!file) return undefined;
      const found = model.getModuleExportNode(file, importedName);
      return found ? { node: found.node, lookup: fileLookup(found.file) } : undefined;
    };
  } catch {
    importLookup = undefined;
  }
  return scopeLookup(context.sourceCode, importLookup);
}
