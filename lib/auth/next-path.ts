const PROBE_ORIGIN = 'http://argmap.invalid';

/**
 * The longest `next` looked at; a longer one goes to `"/"`. Real paths are far shorter, and the
 * bound keeps URL parsing of a hostile query string cheap.
 */
export const NEXT_PATH_MAX = 2048;

/**
 * Where to go after signing in: `next` when it is a path on this site, else `"/"`.
 *
 * The decision is made on the string that is returned, not on the one that came in: `next` is
 * resolved as a browser would resolve a link on this site (tabs and newlines dropped, `\` read as
 * `/`, `/./` and `/../` removed, `%2e` read as a dot), and the result must stay on this site *and*
 * not begin with `//` or `/\`, which a browser would read as another host when it follows it. So
 * `/.//evil.example` (whose normal form is `//evil.example`) is refused, not passed on.
 *
 * Invariant (property-tested): the answer is `"/"` or a path that starts with a single `/`,
 * resolves to this site, and is its own answer again.
 *
 * @example safeNextPath('/maps/op-ed?tab=essay') // '/maps/op-ed?tab=essay'
 * @example safeNextPath('//evil.example') // '/'
 * @example safeNextPath('/.//evil.example') // '/'
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || next.length > NEXT_PATH_MAX || !next.startsWith('/')) return '/';
  let resolved: URL;
  try {
    resolved = new URL(next, PROBE_ORIGIN);
  } catch {
    return '/';
  }
  if (resolved.origin !== PROBE_ORIGIN) return '/';
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return isSameSitePath(path) ? path : '/';
}

/** A path a browser follows on this site: one leading `/`, no second `/` or `\` after it. */
function isSameSitePath(path: string): boolean {
  return path.startsWith('/') && path[1] !== '/' && path[1] !== '\\';
}
