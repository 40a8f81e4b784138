const PROBE_ORIGIN = 'http://argmap.invalid';

/**
 * Where to go after signing in: `next` when it is a path on this site, else `"/"`. Refuses
 * anything that would leave the site — absolute URLs, protocol-relative `//host`, and `/\host`,
 * which browsers also read as protocol-relative — so a link cannot bounce a person elsewhere.
 *
 * @example safeNextPath('/maps/op-ed?tab=essay') // '/maps/op-ed?tab=essay'
 * @example safeNextPath('//evil.example') // '/'
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  try {
    const url = new URL(next, PROBE_ORIGIN);
    return url.origin === PROBE_ORIGIN ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}
