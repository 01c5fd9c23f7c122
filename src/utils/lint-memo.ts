/**
 * A memo for the file being linted, shared by the rules that lint it. It holds one file at a time: ESLint and oxlint
 * lint the files of a thread one after another, each to the end. A map keyed by the file's tree would do as well
 * while linting, but the project model keeps the trees it adopts, and a value that holds the file's `SourceCode`
 * would then keep every linted file's tokens, scopes and parser services alive to the end of the run.
 */
export class LintMemo<V> {
  private key: object | undefined;
  private value: V | undefined;

  /** The value kept for `key` (the linted file's tree), if `key` is the last one set. */
  get(key: object): V | undefined {
    return key === this.key ? this.value : undefined;
  }

  set(key: object, value: V): V {
    this.key = key;
    this.value = value;
    return value;
  }
}
