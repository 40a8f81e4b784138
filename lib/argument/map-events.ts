import type { CommentView, Rating } from './discussion';
import type { ArgNode, ArgumentGraph, FlatEdge, Inference } from './model';
import type { TaskTargets } from './progress';

/**
 * The map's event log, one kind of change per `type`, each with its own payload: the one shape the
 * writer records (lib/db), the history replays and words (history.ts, history-words.ts), progress
 * counts (progress.ts), the live stream sends (lib/http/event-stream.ts) and the browser applies
 * (use-live-updates.ts). Narrow on `type` to read `data`.
 */

/** A point's dated details, as an edit records what they were. */
export type PointDetails = Pick<ArgNode, 'asOf' | 'stockIssue' | 'proposal'>;

/** What a `tasks.updated` event records of the tasks: null when they are turned off. */
export interface TasksSetting {
  targets: TaskTargets;
  dueAt: string | null;
  instructions: string;
}

/** The payload of each kind of event. */
export interface MapEventData {
  /** A point was added, with the edge that connects it (null for a first thesis) and the critical question an objection raised. */
  'node.created': { node: ArgNode; edge: FlatEdge | null; question?: string };
  /** A point was reworded, retyped or its details changed; `moderated` when the map's owner reworded someone else's. */
  'node.updated': {
    node: ArgNode;
    before?: { text: string; version: number; position?: ArgNode['position']; kind?: ArgNode['kind']; details?: PointDetails };
    moderated?: true;
  };
  /** A point was only moved. */
  'node.moved': { node: ArgNode; before?: { text: string; version: number; position?: ArgNode['position'] } };
  /** Points were deleted under one deletion id, with the part of the graph they took with them. */
  'node.deleted': { deletionId: string; removed: string[]; graph?: ArgumentGraph };
  /** Deletions were undone. */
  'node.restored': { restored: string[]; deletions?: string[] };
  /** A step's scheme was set. */
  'inference.updated': { inference: Inference; before?: { scheme: string | null } };
  /** Two points already on the map were connected. */
  'connection.created': { edge: FlatEdge };
  /** The map's title, archived state or anonymity changed. */
  'map.updated': {
    map: { title: string; archived: boolean; anonymous: boolean };
    before: { title: string; archived: boolean; anonymous: boolean };
  };
  /** Many points were placed (or unplaced) at once. */
  'positions.saved': { positions: Record<string, { x: number; y: number } | null> };
  'comment.created': CommentView;
  'comment.updated': CommentView & { moderated?: true };
  'comment.deleted': { id: string; nodeId: string };
  /** Someone's vote changed a point's crowd rating. */
  'vote.cast': { nodeId: string; rating: Rating };
  /** The class's tasks were set or turned off. */
  'tasks.updated': { tasks: TasksSetting | null; before: TasksSetting | null };
}

/** The kinds of change the event log records. */
export type MapEventType = keyof MapEventData;

/** Every kind, for checks that a stored type is one we know. */
export const MAP_EVENT_TYPES: readonly MapEventType[] = [
  'node.created',
  'node.updated',
  'node.moved',
  'node.deleted',
  'node.restored',
  'inference.updated',
  'connection.created',
  'map.updated',
  'positions.saved',
  'comment.created',
  'comment.updated',
  'comment.deleted',
  'vote.cast',
  'tasks.updated',
];

/** One entry of a map's event log, as it leaves the server (never who is behind a display name). */
export type MapEvent = {
  [T in MapEventType]: { id: number; type: T; actor: string; clientId: string; at: string; data: MapEventData[T] };
}[MapEventType];
