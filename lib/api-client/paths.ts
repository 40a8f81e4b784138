/**
 * How every API address is built: the one place, each segment encoded with `encodeURIComponent`
 * (a slug or id holding `/` or `?` stays one segment), and a query added by `withQuery`
 * (query.ts). Pure, so server pages may use them too.
 */

/** `/api/` and the segments. @example apiPath('maps', 'op ed', 'nodes') // '/api/maps/op%20ed/nodes' */
export function apiPath(...segments: string[]): string {
  return `/api/${segments.map(encodeURIComponent).join('/')}`;
}
