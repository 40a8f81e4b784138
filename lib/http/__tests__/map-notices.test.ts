import { afterEach, expect, test, vi } from 'vitest';
import type { MapView } from '@/lib/argument/map-view';
import { createMapStore, NOTICE_MS, noticeOnScreen, NOTICES_MAX, type Notice } from '@/components/map-store/map-store';

/** The map page's notices (components/map-store/map-store.ts): one on screen, the others counted. */
const EMPTY_MAP = { map: { slug: 'notices' }, nodes: [], inferences: [], conflicts: [], edges: [], lastEventId: 0 } as unknown as MapView;

afterEach(() => {
  vi.useRealTimers();
});

const notice = (id: number, extra: Partial<Notice> = {}): Notice => ({ id, tone: 'info', message: `notice ${id}`, ...extra });

test('the newest notice is on screen, with a count of the others; +N steps back and round again', () => {
  expect(noticeOnScreen([], null)).toEqual({ notice: undefined, others: 0, nextId: undefined });
  expect(noticeOnScreen([notice(1)], null)).toEqual({ notice: notice(1), others: 0, nextId: undefined });

  const three = [notice(1, { undoDeletionId: 'd1' }), notice(2), notice(3)];
  expect(noticeOnScreen(three, null)).toMatchObject({ notice: { id: 3 }, others: 2, nextId: 2 });
  expect(noticeOnScreen(three, 2)).toMatchObject({ notice: { id: 2 }, others: 2, nextId: 1 });
  // The earlier Undo is reachable, and from the oldest the count leads back to the newest.
  expect(noticeOnScreen(three, 1)).toMatchObject({ notice: { id: 1, undoDeletionId: 'd1' }, nextId: 3 });
  // A picked notice that has gone leaves the newest on screen.
  expect(noticeOnScreen([notice(2), notice(3)], 1)).toMatchObject({ notice: { id: 3 }, others: 1 });
});

test('the store keeps the newest NOTICES_MAX notices, and each goes by itself (Undo later)', () => {
  vi.useFakeTimers();
  const store = createMapStore(EMPTY_MAP);
  const { notify } = store.getState();
  notify({ tone: 'info', message: 'Deleted the point.', undoDeletionId: 'd1', show: { type: 'node', id: 'n1' } });
  for (let i = 0; i < NOTICES_MAX + 2; i++) notify({ tone: 'info', message: `info ${i}` });
  const kept = store.getState().notices;
  expect(kept).toHaveLength(NOTICES_MAX);
  expect(kept.at(-1)!.message).toBe(`info ${NOTICES_MAX + 1}`);

  const store2 = createMapStore(EMPTY_MAP);
  store2.getState().notify({ tone: 'info', message: 'Deleted the point.', undoDeletionId: 'd1', show: { type: 'node', id: 'n1' } });
  store2.getState().notify({ tone: 'info', message: 'Link copied.' });
  expect(store2.getState().notices[0].show).toEqual({ type: 'node', id: 'n1' });
  vi.advanceTimersByTime(NOTICE_MS.plain);
  expect(store2.getState().notices.map((n) => n.message)).toEqual(['Deleted the point.']);
  vi.advanceTimersByTime(NOTICE_MS.undo - NOTICE_MS.plain);
  expect(store2.getState().notices).toEqual([]);
});
