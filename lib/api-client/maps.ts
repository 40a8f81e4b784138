import type { z } from 'zod';
import type { MapView } from '@/lib/argument/map-view';
import type { MapSettings } from '@/lib/protocol/answers';
import type { mapUpdateSchema } from '@/lib/validation/documents';
import { request } from './request';
import { apiPath } from './paths';

/** `PATCH /api/maps/{slug}`: a new title, archived or not, the access policy, anonymity (at least one). */
export type MapUpdate = z.input<typeof mapUpdateSchema>;

/** A map's settings, as `PATCH /api/maps/{slug}` answers. */
export type { MapSettings };

/** `GET /api/maps/{slug}` — the map, its document and its live graph as this viewer sees it. */
export function getMap(slug: string): Promise<MapView> {
  return request(apiPath('maps', slug));
}

/** `PATCH /api/maps/{slug}` — rename, archive or restore the map, set its policy or anonymity. */
export function updateMap(slug: string, change: MapUpdate): Promise<MapSettings> {
  return request(apiPath('maps', slug), { method: 'PATCH', body: change });
}
