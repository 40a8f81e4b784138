/**
 * The query string of an API address (apart from paths.ts: the map's error page needs only the
 * path, and it is a bundle of its own).
 */

/** `path` with a query string of the values given (an undefined one is left out), in their order. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.append(name, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
