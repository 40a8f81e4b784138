import { expect, test } from 'vitest';
import { NO_MODERATION, REDACTED_TEXT, redactEvent, type Moderation } from '@/lib/argument/moderation';
import { type MapEventView } from '@/lib/db/events';

/** `redactEvent` (lib/db/events.ts), the one place that decides what moderation hides from the log. */
// Payloads trimmed to what redaction reads; the full shapes are typed in lib/argument/map-events.ts.
const event = (id: number, type: MapEventView['type'], data: unknown): MapEventView => ({ id, type, actor: 'Ann', clientId: '', at: '', data }) as MapEventView;
const node = (id: string, text: string) => ({ id, kind: 'claim', text });
/** Point p1 reworded by the owner at event 10; point p2 deleted by the owner; comment c1 deleted; comment c2 reworded by the owner at event 20. */
const moderation: Moderation = {
  points: new Map([
    ['p1', 10],
    ['p2', Infinity],
  ]),
  comments: new Map([
    ['c1', Infinity],
    ['c2', 20],
  ]),
};

test.each([
  ['a point created before its moderated rewording', event(3, 'node.created', { node: node('p1', 'rude') }), ['rude']],
  [
    'the moderated rewording itself: the words it replaced',
    event(10, 'node.updated', { node: node('p1', 'civil'), before: { text: 'rude' }, moderated: true }),
    ['rude'],
  ],
  ['a move after the rewording', event(11, 'node.moved', { node: node('p1', 'civil'), before: { text: 'civil' } }), []],
  ['a point the owner deleted, in any event', event(50, 'node.updated', { node: node('p2', 'rude'), before: { text: 'ruder' } }), ['rude', 'ruder']],
  [
    'the delete that took it, in its graph',
    event(60, 'node.deleted', { removed: ['p2', 'p3'], graph: { nodes: [node('p2', 'rude'), node('p3', 'fine')], inferences: [], conflicts: [] } }),
    ['rude'],
  ],
  ['a deleted comment', event(5, 'comment.created', { id: 'c1', nodeId: 'p9', text: 'rude' }), ['rude']],
  ['a comment before its moderated rewording', event(15, 'comment.created', { id: 'c2', nodeId: 'p9', text: 'rude' }), ['rude']],
  ['a comment after its moderated rewording', event(20, 'comment.updated', { id: 'c2', nodeId: 'p9', text: 'civil', moderated: true }), []],
  ['a comment on a point the owner deleted', event(7, 'comment.created', { id: 'c3', nodeId: 'p2', text: 'rude' }), ['rude']],
  ['a point nobody moderated', event(8, 'node.created', { node: node('p4', 'fine') }), []],
])('%s', (_, original, hidden) => {
  const json = JSON.stringify(original);
  const redacted = JSON.stringify(redactEvent(original, moderation).data);
  for (const words of hidden) expect(redacted).not.toContain(`"${words}"`);
  expect(redacted.split(REDACTED_TEXT).length - 1).toBe(hidden.length);
  expect(JSON.stringify(original)).toBe(json); // never changes the event it was given
});

test('an event with nothing to hide is returned as it is', () => {
  const original = event(8, 'node.created', { node: node('p4', 'fine') });
  expect(redactEvent(original, moderation)).toBe(original);
  expect(redactEvent(event(9, 'vote.cast', { nodeId: 'p2', rating: { average: 1, count: 1 } }), moderation).data).toEqual({
    nodeId: 'p2',
    rating: { average: 1, count: 1 },
  });
  expect(redactEvent(event(3, 'node.created', { node: node('p1', 'rude') }), NO_MODERATION).data).toEqual({ node: node('p1', 'rude') });
});
