import type { z } from 'zod';
import type { SuggestedUnits } from '@/lib/argument/suggest';
import type { documentCreateSchema } from '@/lib/validation/documents';
import { request } from './request';
import { apiPath } from './urls';

/** `POST /api/documents`: the essay (title, text, and optionally its author, source and month published). */
export type DocumentCreate = z.input<typeof documentCreateSchema>;

/** `POST /api/documents` — store an essay and make an empty map on it (201): both slugs. */
export function createDocument(document: DocumentCreate): Promise<{ document: { slug: string }; map: { slug: string } }> {
  return request(apiPath('documents'), { method: 'POST', body: document });
}

/** `GET /api/documents/{slug}/suggestions` — candidate thesis, claims, premises and evidence of the essay, each with its reason. */
export function getSuggestions(documentSlug: string): Promise<SuggestedUnits> {
  return request(apiPath('documents', documentSlug, 'suggestions'));
}
