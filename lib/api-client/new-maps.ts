import type { z } from 'zod';
import type { documentCreateSchema } from '@/lib/validation/documents';
import type { importBodySchema } from '@/lib/validation/interchange';
import { request } from './request';
import { apiPath } from './paths';

/** `POST /api/documents`: the essay (title, text, and optionally its author, source and month published). */
export type DocumentCreate = z.input<typeof documentCreateSchema>;

/** `POST /api/maps/import`: an AIF or Argdown file's text and the new map's title. */
export type MapImport = z.input<typeof importBodySchema>;

/** What `POST /api/maps/import` answers (201): the new map, and how many exact duplicates the file repeated were stored once. */
export interface ImportedMap {
  map: { slug: string };
  merged: { inferences: number; conflicts: number };
}

/** `POST /api/documents` — store an essay and make an empty map on it (201): both slugs. */
export function createDocument(document: DocumentCreate): Promise<{ document: { slug: string }; map: { slug: string } }> {
  return request(apiPath('documents'), { method: 'POST', body: document });
}

/** `POST /api/maps/import` — a new map from an AIF or Argdown file (201). */
export function importMap(file: MapImport): Promise<ImportedMap> {
  return request(apiPath('maps', 'import'), { method: 'POST', body: file });
}
