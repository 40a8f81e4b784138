import { expect, test } from 'vitest';
import type { MapView } from '@/lib/argument/map-view';
import { createMapStore, draftKey, DRAFTS_MAX } from '@/components/map-store/map-store';

/** The map page's unsent drafts (components/map-store/map-store.ts): kept until sent, bounded. */
const EMPTY_MAP = { map: { slug: 'drafts' }, nodes: [], inferences: [], conflicts: [], edges: [], lastEventId: 0 } as unknown as MapView;

test('a draft is kept until dropped, and the store keeps at most DRAFTS_MAX of them, the newest', () => {
  const store = createMapStore(EMPTY_MAP);
  const { setDraft } = store.getState();
  setDraft(draftKey('composer.object', 'n1'), 'first words');
  expect(store.getState().drafts).toEqual({ 'composer.object:n1': 'first words' });
  store.getState().setConnection('offline');
  expect(store.getState().drafts['composer.object:n1']).toBe('first words');

  for (let i = 0; i < DRAFTS_MAX * 3; i++) setDraft(draftKey('comment.new', `n${i}`), `comment ${i}`);
  const kept = Object.keys(store.getState().drafts);
  expect(kept).toHaveLength(DRAFTS_MAX);
  expect(kept.at(-1)).toBe(`comment.new:n${DRAFTS_MAX * 3 - 1}`);
  expect(kept).not.toContain('composer.object:n1');

  // Typing into an old draft makes it the newest; sending drops it.
  const oldest = kept[0];
  setDraft(oldest, 'edited');
  expect(Object.keys(store.getState().drafts).at(-1)).toBe(oldest);
  setDraft(oldest, null);
  expect(store.getState().drafts[oldest]).toBeUndefined();
});
