import type { Side } from '@/lib/argument/brief';
import type { BriefFormat } from '@/lib/validation/brief';
import type { ExportFormat } from '@/lib/validation/interchange';

/**
 * The API's addresses: the one place they are built, each segment encoded with
 * `encodeURIComponent` (a slug or id holding `/` or `?` stays one segment). Pure, so server pages
 * may use it for their links too.
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

/** A map's address under `/api/maps/`, and anything below it. */
export function mapPath(slug: string, ...below: string[]): string {
  return apiPath('maps', slug, ...below);
}

// Addresses the browser opens itself — downloads and the live stream — rather than fetches.

/** `GET /api/maps/{slug}/export?format=…`: the map as a file to download. */
export function exportUrl(slug: string, format: ExportFormat): string {
  return withQuery(mapPath(slug, 'export'), { format });
}

/** `GET /api/maps/{slug}/brief?side=…&format=…[&asOf=YYYY-MM]`: one side's debate brief, judged today or as of a month. */
export function briefUrl(slug: string, { side, format = 'markdown', asOf }: { side: Side; format?: BriefFormat; asOf?: string | null }): string {
  return withQuery(mapPath(slug, 'brief'), { side, format, asOf: asOf ?? undefined });
}

/** `GET /api/maps/{slug}/progress.csv`: the class's progress for a gradebook (owner only). */
export function progressCsvUrl(slug: string): string {
  return mapPath(slug, 'progress.csv');
}

/**
 * `GET /api/maps/{slug}/events` (Server-Sent Events, for `new EventSource`): the map's changes after
 * event `after`, who is here, and this viewer's access; `client` is this browser's public id (its
 * own changes are not echoed back) and `name` the name it is listed under.
 */
export function eventsUrl(slug: string, { after, client, name }: { after: number; client: string; name: string }): string {
  return withQuery(mapPath(slug, 'events'), { after, client, name });
}
