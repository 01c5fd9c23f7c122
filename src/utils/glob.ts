/**
 * A small glob matcher for `settings.temporalio` globs (no dependency): `**`, `*`, `?`, `{a,b}`, `[abc]`,
 * and a leading `!` to exclude. Paths are matched with forward slashes; a leading `./` is ignored.
 */

function escapeRegExp(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

function braceEnd(glob: string, start: number): number {
  let depth = 0;
  for (let i = start; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (ch === '\\') {
      current += ch + (body[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] ?? '';
    if (ch === '\\') {
      out += escapeRegExp(glob[i + 1] ?? '\\');
      i++;
    } else if (ch === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        i++;
        if (atSegmentStart && glob[i + 1] === '/') {
          out += '(?:[^/]*(?:/|$))*';
          i++;
        } else out += '.*';
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) out += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else if (ch === '{') {
      const end = braceEnd(glob, i);
      if (end === -1) out += '\\{';
      else {
        out += `(?:${splitAlternatives(glob.slice(i + 1, end)).map(globSource).join('|')})`;
        i = end;
      }
    } else out += escapeRegExp(ch);
  }
  return out;
}

/** The regular expression equivalent to `glob` (anchored). */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${globSource(glob.replace(/^\.\//, ''))}$`);
}

/** A predicate over forward-slash relative paths: true when a positive pattern matches and no `!` pattern does. */
export function createGlobMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const include: RegExp[] = [];
  const exclude: RegExp[] = [];
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) exclude.push(globToRegExp(pattern.slice(1)));
    else include.push(globToRegExp(pattern));
  }
  return (relativePath) => {
    const p = relativePath.replace(/^\.\//, '');
    return include.some((re) => re.test(p)) && !exclude.some((re) => re.test(p));
  };
}
