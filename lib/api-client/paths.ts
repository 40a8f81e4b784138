/**
 * How every API address is built: the one place, each segment encoded with `encodeURIComponent`
 * (a slug or id holding `/` or `?` stays one segment). Pure, so server pages may use it too.
 */

/** `/api/` and the segments. @example apiPath('maps', 'op ed', 'nodes') // '/api/maps/op%20ed/nodes' */
export function apiPath(...segments: string[]): string {
  return `/api/${segments.map(encodeURIComponent).join('/')}`;
}

/** `path` with a query string of the values given (an undefined one is left out), in their order. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.append(name, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
