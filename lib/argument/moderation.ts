import type { MapEvent, MapEventType } from './map-events';

/*
 * What moderation hides from the log, decided from the log itself: pure, so the data layer
 * (lib/db/log-reads.ts) and tests apply the same rules.
 */

type MapEventView = MapEvent;

/** What stands, for everyone but the map's owner, in place of words that moderation took away. */
export const REDACTED_TEXT = '[removed]';

/**
 * What moderation has taken out of a map's words, as of now. Each entry maps a point or comment id
 * to the id of the event from which its words may be read again: a text in an earlier event is
 * hidden (and the `before` of that event itself); `Infinity` hides it in every event.
 * - **Points the owner deleted** that someone else made (a delete not yet undone): every text of
 *   theirs, in every event — until the delete is undone. Anyone else's delete is not moderation: a
 *   point its maker (or, on an open map, a classmate) deleted stays readable, and restorable.
 * - **Points the owner reworded** that someone else made (`moderated: true` on the `node.updated`
 *   event): every earlier wording.
 * - **Comments**: every deleted comment, every comment on a point the owner deleted, and the earlier
 *   wordings of a comment the owner reworded (`moderated: true` on the `comment.updated` event).
 */
export interface Moderation {
  points: ReadonlyMap<string, number>;
  comments: ReadonlyMap<string, number>;
}

/** No moderation: nothing hidden. */
export const NO_MODERATION: Moderation = { points: new Map(), comments: new Map() };

type TextOf = { id: string; text: string };

type EventData = {
  node?: TextOf;
  before?: { text?: string };
  graph?: { nodes?: TextOf[] };
  id?: string;
  nodeId?: string;
  text?: string;
};

/** Whether an event of this type can hold the words of a point or comment. */
export function carriesText(event: MapEventView): boolean {
  return TEXT_EVENTS.has(event.type);
}

const TEXT_EVENTS: ReadonlySet<MapEventType> = new Set(['node.created', 'node.updated', 'node.moved', 'node.deleted', 'comment.created', 'comment.updated']);

/**
 * The event as someone other than the map's owner may read it: every text that `moderation` hides
 * (see {@link Moderation}) replaced by {@link REDACTED_TEXT}. Pure; returns the event itself when
 * nothing in it is hidden, else a copy (the event is never changed).
 *
 * @example redactEvent({ id: 7, type: 'comment.created', data: { id: 'c1', nodeId: 'n1', text: 'rude' }, … }, { points: new Map(), comments: new Map([['c1', Infinity]]) }).data.text === '[removed]'
 */
export function redactEvent(event: MapEventView, moderation: Moderation): MapEventView {
  if (!carriesText(event) || event.data === null || typeof event.data !== 'object') return event;
  const data = event.data as EventData;
  const hiddenBefore = (threshold: number | undefined) => threshold !== undefined && event.id < threshold;
  const pointHidden = (id: string) => hiddenBefore(moderation.points.get(id));
  let redacted: EventData | null = null;
  const edit = () => (redacted ??= { ...data });
  switch (event.type) {
    case 'node.created':
    case 'node.updated':
    case 'node.moved': {
      if (!data.node) break;
      const threshold = moderation.points.get(data.node.id);
      if (hiddenBefore(threshold)) edit().node = { ...data.node, text: REDACTED_TEXT };
      // The edit that moderation made shows its new words, never the ones it replaced.
      if (threshold !== undefined && event.id <= threshold && data.before?.text !== undefined) edit().before = { ...data.before, text: REDACTED_TEXT };
      break;
    }
    case 'node.deleted': {
      const nodes = data.graph?.nodes;
      if (!nodes?.some((n) => pointHidden(n.id))) break;
      edit().graph = { ...data.graph, nodes: nodes.map((n) => (pointHidden(n.id) ? { ...n, text: REDACTED_TEXT } : n)) };
      break;
    }
    case 'comment.created':
    case 'comment.updated': {
      const onHiddenPoint = data.nodeId !== undefined && moderation.points.get(data.nodeId) === Infinity;
      if (data.id !== undefined && (hiddenBefore(moderation.comments.get(data.id)) || onHiddenPoint)) edit().text = REDACTED_TEXT;
      break;
    }
  }
  return redacted ? { ...event, data: redacted } : event;
}

/**
 * Whether the point was deleted by the map's owner (`ownerMark`, `user:<ownerId>`; null for a map
 * nobody owns) and made by someone else: moderation, not the maker's own change of mind.
 */
export function deletedByModerator(point: { createdBy: string | null; deletedBy: string | null }, ownerMark: string | null): boolean {
  return ownerMark !== null && point.deletedBy === ownerMark && point.createdBy !== ownerMark;
}

/** The points and comments whose words `events` hold (a comment's point too: its thread goes with it). */
export function mentionedIn(events: readonly MapEventView[]): { points: string[]; comments: string[] } {
  const points = new Set<string>();
  const comments = new Set<string>();
  for (const event of events) {
    if (!carriesText(event) || event.data === null || typeof event.data !== 'object') continue;
    const data = event.data as EventData;
    if (data.node) points.add(data.node.id);
    for (const node of data.graph?.nodes ?? []) points.add(node.id);
    if (event.type.startsWith('comment.') && data.id !== undefined) {
      comments.add(data.id);
      if (data.nodeId !== undefined) points.add(data.nodeId);
    }
  }
  return { points: [...points], comments: [...comments] };
}
