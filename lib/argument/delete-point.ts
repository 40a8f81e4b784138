import { CAPACITY, CAPACITY_WORDS, liveCapacity } from './capacity';
import { dependentsOf, pruneGraph } from './graph';
import type { ArgumentGraph } from './model';
import { deletedByModerator } from './moderation';
import { lacking, refused, type Checked, type Person } from './person';

/**
 * The rules for deleting a point (`DELETE /api/maps/{slug}/nodes/{id}`) and for undoing a delete
 * (`POST /api/maps/{slug}/deletions/{deletionId}/restore`): what goes and what comes back with it,
 * who may, and whether what comes back fits the map. Decided on the graph read under the map's
 * lock. Pure: table-tested without a database (`__tests__/delete-point.test.ts`).
 */

export interface DeletePlan {
  /** The point and its dependents (see {@link dependentsOf}), removed under one deletion id. */
  removed: string[];
  /** The part of the graph they take with them, for the log (so the history can show it as it was). */
  graph: ArgumentGraph;
}

/**
 * Whether point `id` may be deleted from the live `graph` (`makers`: who made each live point), and
 * what goes with it — or the first rule it breaks: the point is not on the map; it is the thesis;
 * other people's points rest on the person's own point and they do not own the map; they may not
 * delete what goes (their own points, `delete-own`, or anyone's, `delete-any`).
 */
export function decideDeletePoint(graph: ArgumentGraph, makers: ReadonlyMap<string, string | null>, id: string, person?: Person): Checked<DeletePlan> {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) return refused('not_found', `There is no node "${id}" on this map.`);
  if (node.kind === 'thesis') return refused('bad_request', 'The thesis cannot be deleted: the whole map rests on it.');
  const removed = [id, ...dependentsOf(graph, id)];
  if (person) {
    const allOwn = removed.every((removedId) => person.owns(makers.get(removedId) ?? null));
    if (!allOwn && person.owns(makers.get(id) ?? null) && person.role !== 'owner') {
      return refused('forbidden', "Other people's points rest on this one, so only the map's owner can delete it.");
    }
    const stop = lacking(person, allOwn ? 'delete-own' : 'delete-any');
    if (stop) return stop;
  }
  const gone = new Set(removed);
  const touching = {
    nodes: graph.nodes.filter((n) => gone.has(n.id)),
    inferences: graph.inferences.filter((i) => gone.has(i.conclusion) || i.premises.some((p) => gone.has(p))),
    conflicts: graph.conflicts.filter((c) => gone.has(c.attacker) || ('node' in c.target && gone.has(c.target.node))),
  };
  const touchedInferences = new Set(touching.inferences.map((i) => i.id));
  const touchedConflicts = new Set(touching.conflicts);
  touching.conflicts.push(...graph.conflicts.filter((c) => 'inference' in c.target && touchedInferences.has(c.target.inference) && !touchedConflicts.has(c)));
  return { ok: true, value: { removed, graph: touching } };
}

/** A point as Undo sees it: whether it is deleted, in which delete, who made it and who deleted it. */
export interface StoredPoint {
  deleted: boolean;
  deletionId: string | null;
  createdBy: string | null;
  deletedBy: string | null;
}

/** The facts Undo decides on, read by the data layer under the map's lock. */
export interface RestoreFacts {
  /** Everything stored of the map's argument: every point, deleted ones too, every step with all its premises and every attack, none pruned. */
  stored: ArgumentGraph;
  /** Each point of `stored`, by id. */
  points: ReadonlyMap<string, StoredPoint>;
  /** The map owner's mark (`user:<id>`), null when nobody owns it: their delete of someone else's point is moderation. */
  ownerMark: string | null;
  person?: Person;
}

export interface RestorePlan {
  /** The deletes undone: the one asked for first. */
  deletions: string[];
  /** The points that come back, in map order. */
  restored: string[];
}

/**
 * What undoing delete `deletionId` brings back: every point removed under it. When a point coming
 * back rests on one that a later delete removed (undo out of order) — the conclusion of a step it is
 * a premise of, what it attacks (a step: its conclusion) — that delete is undone too, so nothing comes
 * back hanging in the air. Refused, in this order: nothing to restore; the person may not undo these
 * deletes; what comes back would bring the map past what it holds.
 *
 * One's own delete is one's own to undo (`restore-own`); anyone else's (the owner's moderation, a
 * classmate's, or one pulled in by this restore) is the owner's (`restore-any`). On an open map every
 * delete is everyone's to undo — except the owner's moderation, which would otherwise bring back what it hid.
 */
export function decideRestore(deletionId: string, facts: RestoreFacts): Checked<RestorePlan> {
  const { stored, points } = facts;
  const inDeletion = new Map<string, string[]>();
  for (const node of stored.nodes) {
    const deletion = points.get(node.id)?.deletionId;
    if (!deletion) continue;
    const list = inDeletion.get(deletion);
    if (list) list.push(node.id);
    else inDeletion.set(deletion, [node.id]);
  }
  const first = (inDeletion.get(deletionId) ?? []).filter((id) => points.get(id)?.deleted);
  if (first.length === 0) return refused('not_found', 'Nothing to restore: that delete is unknown or already undone.');

  // What each point rests on: the conclusions of the steps it is a premise of, what it attacks.
  const conclusionOf = new Map(stored.inferences.map((i) => [i.id, i.conclusion]));
  const restsOn = new Map<string, string[]>();
  const rests = (from: string, on: string | undefined) => {
    if (on === undefined) return;
    const list = restsOn.get(from);
    if (list) list.push(on);
    else restsOn.set(from, [on]);
  };
  for (const inference of stored.inferences) for (const premise of inference.premises) rests(premise, inference.conclusion);
  for (const conflict of stored.conflicts)
    rests(conflict.attacker, 'node' in conflict.target ? conflict.target.node : conclusionOf.get(conflict.target.inference));

  const deletions = new Set([deletionId]);
  let frontier = first;
  while (frontier.length > 0) {
    const more = new Set<string>();
    for (const id of frontier) {
      for (const needed of restsOn.get(id) ?? []) {
        const point = points.get(needed);
        if (point?.deleted && point.deletionId !== null && !deletions.has(point.deletionId)) more.add(point.deletionId);
      }
    }
    more.forEach((d) => deletions.add(d));
    frontier = [...more].flatMap((d) => inDeletion.get(d) ?? []);
  }
  const back = new Set([...deletions].flatMap((d) => inDeletion.get(d) ?? []));
  const restored = stored.nodes.filter((n) => back.has(n.id)).map((n) => n.id);

  const person = facts.person;
  if (person) {
    const comingBack = restored.map((id) => points.get(id)!);
    const moderated = comingBack.some((p) => deletedByModerator(p, facts.ownerMark));
    const mine = person.openMap ? !moderated : comingBack.every((p) => p.deletedBy !== null && p.deletedBy === person.mark);
    const stop = lacking(person, mine ? 'restore-own' : 'restore-any');
    if (stop) return stop;
  }

  // What comes back counts against the map's limits like anything added.
  const room = liveCapacity(pruneGraph({ ...stored, nodes: stored.nodes.filter((n) => !points.get(n.id)?.deleted || back.has(n.id)) }));
  for (const what of ['steps', 'links', 'attacks'] as const) {
    if (room[what] > CAPACITY[what]) {
      const message = `Undoing this would bring the map to ${room[what]} ${CAPACITY_WORDS[what]}, more than a map holds (${CAPACITY[what]}). Delete something first.`;
      return refused('conflict', message, ['deletionId']);
    }
  }
  return { ok: true, value: { deletions: [...deletions], restored } };
}
