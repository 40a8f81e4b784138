import { apiPath } from './paths';
import { withQuery } from './query';

/**
 * `GET /api/maps/{slug}/events` — the live stream (Server-Sent Events), an address for
 * `new EventSource` rather than a fetch: the map's changes after event `after`, who is here, and
 * this viewer's access; `client` is this browser's public id (its own changes are not echoed back)
 * and `name` the name it is listed under.
 */
export function eventsUrl(slug: string, { after, client, name }: { after: number; client: string; name: string }): string {
  return withQuery(apiPath('maps', slug, 'events'), { after, client, name });
}
