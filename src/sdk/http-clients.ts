/**
 * HTTP client calls that accept an `AbortSignal`, and where their options argument goes, as data.
 *
 * - Global `fetch(input, init)` (Node ≥ 18, undici): `init.signal` (`undici-types` `fetch.d.ts`, `RequestInit`).
 * - `undici`: `fetch(input, init)`, `request(url, options)` (`options.signal`).
 * - `node-fetch`: `fetch(url, init)`; its own `AbortSignal` type (the SDK's sample casts it), so no suggestion.
 * - `axios`: `axios(config)` / `axios(url, config)`, `get|delete|head|options(url, config)`,
 *   `post|put|patch|postForm|putForm|patchForm(url, data, config)`, `request(config)`; `config.signal`
 *   (`GenericAbortSignal`), also on instances from `axios.create()`.
 * - `got`: `got(url, options)`, `got.get|post|put|patch|delete|head(url, options)`; `options.signal` exists from
 *   got 12 on only, so no suggestion.
 */

export interface HttpCall {
  /** Display name for messages (`fetch()`, `axios.get()`). */
  display: string;
  /** Index of the options argument for the call's arguments. */
  optionsIndex: number;
  /** A `signal` property added to the options type-checks with the package's own types. */
  suggest: boolean;
}

const AXIOS_URL_CONFIG = new Set(['get', 'delete', 'head', 'options']);
const AXIOS_URL_DATA_CONFIG = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const GOT_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);

function stripDefault(path: readonly string[]): readonly string[] {
  return path[0] === 'default' ? path.slice(1) : path;
}

/**
 * The HTTP call a callee refers to. `firstArgIsObject` tells `axios(config)` from `axios(url, config)`.
 * `source`/`path` come from the `ReferenceResolver` (`kind: 'global'` is passed as source `undefined`).
 */
export function lookupHttpCall(source: string | undefined, rawPath: readonly string[], firstArgIsObject: boolean): HttpCall | undefined {
  if (source === undefined) {
    return rawPath.length === 1 && rawPath[0] === 'fetch' ? { display: 'fetch()', optionsIndex: 1, suggest: true } : undefined;
  }
  const path = stripDefault(rawPath);
  switch (source) {
    case 'undici':
      if (path.length === 1 && (path[0] === 'fetch' || path[0] === 'request')) {
        return { display: `${path[0]}()`, optionsIndex: 1, suggest: true };
      }
      return undefined;
    case 'node-fetch':
      return path.length === 0 ? { display: 'fetch()', optionsIndex: 1, suggest: false } : undefined;
    case 'axios': {
      // axios.create() instances behave like axios itself.
      const method = path.length === 3 && path[0] === 'create' && path[1] === '()' ? path[2] : path.length === 1 ? path[0] : undefined;
      if (path.length === 0 || (path.length === 2 && path[0] === 'create' && path[1] === '()')) {
        return { display: 'axios()', optionsIndex: firstArgIsObject ? 0 : 1, suggest: true };
      }
      if (method === undefined) return undefined;
      if (AXIOS_URL_CONFIG.has(method)) return { display: `axios.${method}()`, optionsIndex: 1, suggest: true };
      if (AXIOS_URL_DATA_CONFIG.has(method)) return { display: `axios.${method}()`, optionsIndex: 2, suggest: true };
      if (method === 'request') return { display: 'axios.request()', optionsIndex: 0, suggest: true };
      return undefined;
    }
    case 'got': {
      if (path.length === 0) return { display: 'got()', optionsIndex: firstArgIsObject ? 0 : 1, suggest: false };
      const method = path.length === 1 ? path[0] : undefined;
      return method !== undefined && GOT_METHODS.has(method)
        ? { display: `got.${method}()`, optionsIndex: 1, suggest: false }
        : undefined;
    }
    default:
      return undefined;
  }
}
