import type { SuggestedUnits } from '@/lib/argument/suggest';
import { request } from './request';
import { apiPath } from './paths';

/** `GET /api/documents/{slug}/suggestions` — candidate thesis, claims, premises and evidence of the essay, each with its reason. */
export function getSuggestions(documentSlug: string): Promise<SuggestedUnits> {
  return request(apiPath('documents', documentSlug, 'suggestions'));
}
