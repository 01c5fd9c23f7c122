// Type-checks a TypeScript project the way `tsc --noEmit -p <tsconfig>` does, many times over with different
// in-memory edits: the compiler host overlays edited texts and shares parsed declaration files between programs
// (the @temporalio/* and @types/node declarations are parsed once, not once per edit).
import path from 'node:path';
import ts from 'typescript';

type SourceFileCache = Map<string, { text: string; file: ts.SourceFile }>;

/** One multiset of diagnostics: `file: TS1234: message` without positions (edits move lines). */
export type DiagnosticKeys = Map<string, number>;

const sharedSourceFiles: SourceFileCache = new Map();

function keyOf(options: ts.ScriptTarget | ts.CreateSourceFileOptions): string {
  return typeof options === 'number' ? String(options) : `${options.languageVersion}:${String(options.impliedNodeFormat)}`;
}

export class ProjectTypeChecker {
  readonly options: ts.CompilerOptions;
  readonly rootNames: readonly string[];
  private baselineProgram: ts.Program | undefined;
  private baselineKeys: DiagnosticKeys | undefined;

  /**
   * @param root directory that diagnostics are reported relative to
   * @param config a tsconfig.json path, or compiler options and root files for virtual projects
   * @param virtualFiles files that exist only in memory (absolute path → text)
   */
  constructor(
    readonly root: string,
    config: string | { options: ts.CompilerOptions; rootNames: readonly string[] },
    private readonly virtualFiles: ReadonlyMap<string, string> = new Map(),
  ) {
    if (typeof config === 'string') {
      const parsed = ts.getParsedCommandLineOfConfigFile(config, { noEmit: true }, {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      });
      if (!parsed) throw new Error(`cannot read ${config}`);
      this.options = { ...parsed.options, noEmit: true };
      this.rootNames = parsed.fileNames;
    } else {
      this.options = { ...config.options, noEmit: true };
      this.rootNames = config.rootNames;
    }
  }

  private host(overlays: ReadonlyMap<string, string>): ts.CompilerHost {
    const host = ts.createCompilerHost(this.options, true);
    const textOf = (fileName: string): string | undefined => {
      const normal = path.resolve(fileName);
      return overlays.get(normal) ?? this.virtualFiles.get(normal) ?? ts.sys.readFile(fileName);
    };
    host.readFile = textOf;
    host.fileExists = (fileName) => {
      const normal = path.resolve(fileName);
      return overlays.has(normal) || this.virtualFiles.has(normal) || ts.sys.fileExists(fileName);
    };
    host.getSourceFile = (fileName, languageVersionOrOptions) => {
      const text = textOf(fileName);
      if (text === undefined) return undefined;
      const key = `${path.resolve(fileName)}\0${keyOf(languageVersionOrOptions)}`;
      const cached = sharedSourceFiles.get(key);
      if (cached?.text === text) return cached.file;
      const file = ts.createSourceFile(fileName, text, languageVersionOrOptions, true);
      // Keep declaration files and the unedited project files; edited texts are used once.
      if (!overlays.has(path.resolve(fileName))) sharedSourceFiles.set(key, { text, file });
      return file;
    };
    return host;
  }

  private diagnostics(program: ts.Program): DiagnosticKeys {
    const keys: DiagnosticKeys = new Map();
    const add = (d: ts.Diagnostic): void => {
      const file = d.file ? path.relative(this.root, d.file.fileName) : '<global>';
      const key = `${file}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      keys.set(key, (keys.get(key) ?? 0) + 1);
    };
    for (const d of program.getOptionsDiagnostics()) add(d);
    for (const d of program.getGlobalDiagnostics()) add(d);
    for (const name of this.rootNames) {
      const file = program.getSourceFile(name);
      if (!file) continue;
      for (const d of program.getSyntacticDiagnostics(file)) add(d);
      for (const d of program.getSemanticDiagnostics(file)) add(d);
    }
    return keys;
  }

  /** Diagnostics of the unedited project. */
  baseline(): DiagnosticKeys {
    if (!this.baselineKeys) {
      this.baselineProgram = ts.createProgram({ rootNames: this.rootNames, options: this.options, host: this.host(new Map()) });
      this.baselineKeys = this.diagnostics(this.baselineProgram);
    }
    return this.baselineKeys;
  }

  /** Diagnostics with some files replaced (absolute path → text) that the baseline does not have. */
  newDiagnostics(overlays: ReadonlyMap<string, string>): string[] {
    const baseline = this.baseline();
    const program = ts.createProgram({
      rootNames: this.rootNames,
      options: this.options,
      host: this.host(new Map([...overlays].map(([file, text]) => [path.resolve(file), text]))),
      ...(this.baselineProgram ? { oldProgram: this.baselineProgram } : {}),
    });
    const found: string[] = [];
    for (const [key, count] of this.diagnostics(program)) {
      const extra = count - (baseline.get(key) ?? 0);
      for (let i = 0; i < extra; i++) found.push(key);
    }
    return found;
  }
}
