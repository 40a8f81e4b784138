import type { z } from 'zod';
import type { MapView } from '@/lib/argument/map-view';
import type { Policy } from '@/lib/auth/permissions';
import type { mapUpdateSchema } from '@/lib/validation/documents';
import type { importBodySchema } from '@/lib/validation/interchange';
import { request } from './request';
import { apiPath, mapPath, withQuery } from './urls';

/** `PATCH /api/maps/{slug}`: a new title, archived or not, the access policy, anonymity (at least one). */
export type MapUpdate = z.input<typeof mapUpdateSchema>;

/** A map's settings, as `PATCH /api/maps/{slug}` answers. */
export interface MapSettings {
  slug: string;
  title: string;
  archived: boolean;
  /** When it was archived (ISO 8601), or null. */
  archivedAt: string | null;
  policy: Policy;
  /** Students see each other as "Student N"; the owner sees names. */
  anonymous: boolean;
}

/** `POST /api/maps/import`: an AIF or Argdown file's text and the new map's title. */
export type MapImport = z.input<typeof importBodySchema>;

/** What `POST /api/maps/import` answers (201): the new map, and how many exact duplicates the file repeated were stored once. */
export interface ImportedMap {
  map: { slug: string };
  merged: { inferences: number; conflicts: number };
}

/** `GET /api/maps/{slug}[?asOf=YYYY-MM]` — the map, its document and its live graph as this viewer sees it, judged today or as of a month. */
export function getMap(slug: string, { asOf }: { asOf?: string } = {}): Promise<MapView> {
  return request(withQuery(mapPath(slug), { asOf }));
}

/** `PATCH /api/maps/{slug}` — rename, archive or restore the map, set its policy or anonymity. */
export function updateMap(slug: string, change: MapUpdate): Promise<MapSettings> {
  return request(mapPath(slug), { method: 'PATCH', body: change });
}

/** `POST /api/maps/import` — a new map from an AIF or Argdown file. */
export function importMap(file: MapImport): Promise<ImportedMap> {
  return request(apiPath('maps', 'import'), { method: 'POST', body: file });
}
