/**
 * A fast, forgiving JavaScript/TypeScript tokenizer for the import scan. It never throws: an unterminated
 * string or comment ends at the end of the line or file. Regular expressions are told from division by
 * the previous token; JSX text is not understood (rare in workflow code; the parser path covers it).
 */

export enum TokenKind {
  Identifier,
  String,
  /** A template literal without substitutions (its value is the raw text). */
  Template,
  /** The head of a template literal with substitutions. */
  TemplateHead,
  Number,
  Punctuator,
  RegExp,
}

export interface Token {
  kind: TokenKind;
  value: string;
  start: number;
  line: number;
  column: number;
  /** True when a line break separates this token from the previous one. */
  newline: boolean;
}

const MULTI_PUNCTUATORS = ['...', '===', '!==', '?.', '=>', '==', '!=', '&&', '||', '??', '+=', '-=', '++', '--'];
/** Multi-character punctuators by their first character code, longest first. */
const MULTI_BY_FIRST = new Map<number, string[]>();
for (const p of MULTI_PUNCTUATORS) {
  const list = MULTI_BY_FIRST.get(p.charCodeAt(0)) ?? [];
  list.push(p);
  MULTI_BY_FIRST.set(p.charCodeAt(0), list);
}
const REGEX_AFTER_KEYWORDS = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await',
]);

function isIdentifierStart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 36 || code === 95 || code === 35 || code > 127
  );
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 48 && code <= 57);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

class Lexer {
  readonly tokens: Token[] = [];
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private sawNewline = false;
  /** Brace depths at which a template substitution `${` was opened. */
  private readonly templateStack: number[] = [];
  private braceDepth = 0;

  constructor(private readonly text: string) {}

  run(): Token[] {
    const { text } = this;
    if (text.startsWith('#!')) this.skipLine();
    while (this.pos < text.length) {
      const code = text.charCodeAt(this.pos);
      if (code === 10) {
        this.newline(this.pos + 1);
        this.pos++;
      } else if (code === 32 || code === 9 || code === 13 || code === 0xfeff || code === 0xa0 || code === 11 || code === 12) {
        this.pos++;
      } else if (code === 47 && text.charCodeAt(this.pos + 1) === 47) {
        this.skipLine();
      } else if (code === 47 && text.charCodeAt(this.pos + 1) === 42) {
        this.skipBlockComment();
      } else if (code === 39 || code === 34) {
        this.readString(code);
      } else if (code === 96) {
        this.pos++;
        this.readTemplate(this.pos - 1, true);
      } else if (isIdentifierStart(code)) {
        this.readIdentifier();
      } else if (isDigit(code) || (code === 46 && isDigit(text.charCodeAt(this.pos + 1)))) {
        this.readNumber();
      } else if (code === 47 && this.regexAllowed()) {
        this.readRegExp();
      } else {
        this.readPunctuator(code);
      }
    }
    return this.tokens;
  }

  private newline(nextLineStart: number): void {
    this.line++;
    this.lineStart = nextLineStart;
    this.sawNewline = true;
  }

  private push(kind: TokenKind, value: string, start: number, line = this.line, lineStart = this.lineStart): void {
    this.tokens.push({ kind, value, start, line, column: start - lineStart, newline: this.sawNewline });
    this.sawNewline = false;
  }

  private skipLine(): void {
    const end = this.text.indexOf('\n', this.pos);
    this.pos = end === -1 ? this.text.length : end;
  }

  private skipBlockComment(): void {
    const end = this.text.indexOf('*/', this.pos + 2);
    const stop = end === -1 ? this.text.length : end + 2;
    for (let i = this.pos; i < stop; i++) if (this.text.charCodeAt(i) === 10) this.newline(i + 1);
    this.pos = stop;
  }

  private readString(quote: number): void {
    const start = this.pos;
    const { text } = this;
    let value = '';
    let i = start + 1;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === quote) break;
      if (code === 10) break; // unterminated
      if (code === 92) {
        const next = text[i + 1] ?? '';
        if (next === '\n') this.newline(i + 2);
        value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        i++;
        continue;
      }
      value += text.charAt(i);
    }
    this.pos = i < text.length && text.charCodeAt(i) === quote ? i + 1 : i;
    this.push(TokenKind.String, value, start);
  }

  /** Reads template text from `pos` to the closing backtick or the next `${`. */
  private readTemplate(start: number, head: boolean): void {
    const { text } = this;
    const startLine = this.line;
    const startLineStart = this.lineStart;
    let value = '';
    let i = this.pos;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 92) {
        value += text[i + 1] ?? '';
        if (text.charCodeAt(i + 1) === 10) this.newline(i + 2);
        i++;
        continue;
      }
      if (code === 96) {
        this.pos = i + 1;
        if (head) this.push(TokenKind.Template, value, start, startLine, startLineStart);
        return;
      }
      if (code === 36 && text.charCodeAt(i + 1) === 123) {
        this.pos = i + 2;
        if (head) this.push(TokenKind.TemplateHead, value, start, startLine, startLineStart);
        this.braceDepth++;
        this.templateStack.push(this.braceDepth);
        return;
      }
      if (code === 10) this.newline(i + 1);
      value += text.charAt(i);
    }
    this.pos = i;
    if (head) this.push(TokenKind.Template, value, start, startLine, startLineStart);
  }

  private readIdentifier(): void {
    const start = this.pos;
    let i = start + 1;
    while (i < this.text.length && isIdentifierPart(this.text.charCodeAt(i))) i++;
    this.pos = i;
    this.push(TokenKind.Identifier, this.text.slice(start, i), start);
  }

  private readNumber(): void {
    const start = this.pos;
    let i = start + 1;
    while (i < this.text.length && (isIdentifierPart(this.text.charCodeAt(i)) || this.text.charCodeAt(i) === 46)) i++;
    this.pos = i;
    this.push(TokenKind.Number, this.text.slice(start, i), start);
  }

  private regexAllowed(): boolean {
    const prev = this.tokens[this.tokens.length - 1];
    if (!prev) return true;
    if (prev.kind === TokenKind.Identifier) return REGEX_AFTER_KEYWORDS.has(prev.value);
    if (prev.kind === TokenKind.Punctuator) return prev.value !== ')' && prev.value !== ']' && prev.value !== '}';
    return false;
  }

  private readRegExp(): void {
    const start = this.pos;
    const { text } = this;
    let i = start + 1;
    let inClass = false;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\n') break;
      if (ch === '\\') i++;
      else if (ch === '[') inClass = true;
      else if (ch === ']') inClass = false;
      else if (ch === '/' && !inClass) break;
    }
    i++;
    while (i < text.length && isIdentifierPart(text.charCodeAt(i))) i++;
    this.pos = Math.min(i, text.length);
    this.push(TokenKind.RegExp, text.slice(start, this.pos), start);
  }

  private readPunctuator(code: number): void {
    const start = this.pos;
    if (code === 123) this.braceDepth++;
    if (code === 125) {
      if (this.templateStack[this.templateStack.length - 1] === this.braceDepth) {
        this.templateStack.pop();
        this.braceDepth--;
        this.pos++;
        this.readTemplate(start, false);
        return;
      }
      this.braceDepth--;
    }
    const candidates = MULTI_BY_FIRST.get(code);
    for (const p of candidates ?? []) {
      if (this.text.startsWith(p, start)) {
        // `a?.5:b` is a conditional, not optional chaining
        if (p === '?.' && isDigit(this.text.charCodeAt(start + 2))) continue;
        this.pos += p.length;
        this.push(TokenKind.Punctuator, p, start);
        return;
      }
    }
    this.pos++;
    this.push(TokenKind.Punctuator, this.text[start] ?? '', start);
  }
}

/** Tokens of `text`; comments and whitespace are dropped. Never throws. */
export function tokenize(text: string): Token[] {
  return new Lexer(text).run();
}
