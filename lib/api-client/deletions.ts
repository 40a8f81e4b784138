import type { NodeKind } from '@/lib/argument/model';
import { request } from './request';
import { apiPath } from './paths';

/** A delete that can still be undone, as "Recently deleted" lists it. */
export interface DeletionSummary {
  deletionId: string;
  deletedAt: string;
  nodes: { id: string; kind: NodeKind; text: string }[];
}

/** `GET /api/maps/{slug}/deletions` — deletes not yet undone, newest first (undo one with `restoreDeletion`). */
export function listDeletions(slug: string): Promise<{ deletions: DeletionSummary[] }> {
  return request(apiPath('maps', slug, 'deletions'));
}
