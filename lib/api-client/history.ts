import type { HistoryEvent } from '@/lib/argument/history';
import type { NodeKind } from '@/lib/argument/model';
import { request } from './request';
import { mapPath, withQuery } from './urls';

/** A delete that can still be undone, as "Recently deleted" lists it. */
export interface DeletionSummary {
  deletionId: string;
  deletedAt: string;
  nodes: { id: string; kind: NodeKind; text: string }[];
}

/**
 * `GET /api/maps/{slug}/history[?limit=…&before=…]` — the newest entries of the map's event log
 * (who did what, when), newest first; a page of at most `limit` (the server's maximum by default)
 * before event `before`.
 */
export function getHistory(slug: string, { limit, before }: { limit?: number; before?: number } = {}): Promise<{ events: HistoryEvent[] }> {
  return request(withQuery(mapPath(slug, 'history'), { limit, before }));
}

/** `GET /api/maps/{slug}/deletions` — deletes not yet undone, newest first. */
export function listDeletions(slug: string): Promise<{ deletions: DeletionSummary[] }> {
  return request(mapPath(slug, 'deletions'));
}

/** `POST /api/maps/{slug}/deletions/{deletionId}/restore` — undo one delete: the points it brings back. */
export function restoreDeletion(slug: string, deletionId: string): Promise<{ restored: string[] }> {
  return request(mapPath(slug, 'deletions', deletionId, 'restore'), { method: 'POST' });
}
