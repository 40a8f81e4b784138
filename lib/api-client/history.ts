import type { HistoryEvent } from '@/lib/argument/history';
import { request } from './request';
import { apiPath } from './paths';

/** `GET /api/maps/{slug}/history` — the newest entries of the map's event log (who did what, when), newest first. */
export function getHistory(slug: string): Promise<{ events: HistoryEvent[] }> {
  return request(apiPath('maps', slug, 'history'));
}
