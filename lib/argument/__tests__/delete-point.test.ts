import { describe, expect, test } from 'vitest';
import type { Role } from '../../auth/permissions';
import { CAPACITY } from '../capacity';
import { decideDeletePoint, decideRestore, type RestoreFacts, type StoredPoint } from '../delete-point';
import type { ArgumentGraph } from '../model';
import type { Checked, Person } from '../person';
import { attacks, graphOf, supports, undercuts } from './fixtures';

/** The rules of deleting a point and undoing deletes, decided on the graph alone: no database (lib/argument/delete-point.ts). */
const person = (role: Role, mark: string | null, openMap = false): Person => ({
  role,
  mark,
  openMap,
  owns: (maker) => openMap || (mark !== null && maker === mark),
});
const ana = person('editor', 'user:ana');
const ben = person('editor', 'user:ben');
const owner = person('owner', 'user:olga');

function outcome<T>(decision: Checked<T>, ok: (value: T) => string = () => 'ok'): string {
  if (decision.ok) return ok(decision.value);
  return 'lacks' in decision ? `lacks ${decision.lacks}` : `${decision.refusal.code}: ${decision.refusal.message}`;
}

// t ← c ← e; o attacks c and f; r attacks o; u undercuts the step e→c; s ← f is Ana's alone.
const graph = graphOf(
  [
    ['t', 'thesis'],
    ['c', 'claim'],
    ['e', 'evidence'],
    ['o', 'objection'],
    ['r', 'rebuttal'],
    ['u', 'objection'],
    ['s', 'claim'],
    ['f', 'evidence'],
  ],
  [supports('c', 't'), supports('e', 'c'), supports('s', 't'), supports('f', 's')],
  [attacks('o', 'c'), attacks('r', 'o'), undercuts('u', 'e>c'), attacks('o', 'f', 'oxf')],
);
const makers = new Map<string, string | null>([
  ['t', 'user:olga'],
  ['c', 'user:ana'],
  ['e', 'user:ben'],
  ['o', 'user:ben'],
  ['r', 'user:ana'],
  ['u', 'user:ben'],
  ['s', 'user:ana'],
  ['f', 'user:ana'],
]);

describe('decideDeletePoint', () => {
  test.each<[string, string, Person | undefined, string]>([
    ['a point not on the map', 'x', ana, 'not_found: There is no node "x" on this map.'],
    ['the thesis', 't', owner, 'bad_request: The thesis cannot be deleted: the whole map rests on it.'],
    ['one’s own point that others’ points rest on', 'c', ana, "forbidden: Other people's points rest on this one, so only the map's owner can delete it."],
    ['someone else’s point', 'c', ben, 'lacks delete-any'],
    ['one’s own point, with only one’s own resting on it', 's', ana, 'removes s f'],
    ['one’s own leaf', 'e', ben, 'removes e u'],
    ['any point, by the owner', 'c', owner, 'removes c e u'],
    ['any point, on an open map', 'c', person('editor', null, true), 'removes c e u'],
    ['any point, on nobody’s behalf', 'c', undefined, 'removes c e u'],
    ['one’s own leaf, as a viewer', 'r', person('viewer', 'user:ana'), 'lacks delete-own'],
  ])('%s', (_name, id, who, expected) => {
    expect(outcome(decideDeletePoint(graph, makers, id, who), (plan) => `removes ${plan.removed.join(' ')}`)).toBe(expected);
  });

  test('the log keeps the part of the graph that goes: its points, the steps and attacks touching them, and undercuts of those steps', () => {
    const decision = decideDeletePoint(graph, makers, 'e', ben);
    expect(decision.ok && decision.value.graph).toEqual({
      nodes: graph.nodes.filter((n) => ['e', 'u'].includes(n.id)),
      inferences: [supports('e', 'c')],
      conflicts: [undercuts('u', 'e>c')],
    });
    const bigger = decideDeletePoint(graph, makers, 's', ana);
    expect(bigger.ok && bigger.value.graph.conflicts).toEqual([attacks('o', 'f', 'oxf')]);
  });
});

describe('decideRestore', () => {
  // Ana deleted Ben's e (d1); then the owner deleted Ana's c, which e rests on (d2: moderation); Ben deleted r (d3).
  const deleted: Record<string, Pick<StoredPoint, 'deletionId' | 'deletedBy'>> = {
    e: { deletionId: 'd1', deletedBy: 'user:ana' },
    c: { deletionId: 'd2', deletedBy: 'user:olga' },
    r: { deletionId: 'd3', deletedBy: 'user:ben' },
  };
  const points = new Map(
    graph.nodes.map((n): [string, StoredPoint] => [
      n.id,
      { deleted: n.id in deleted, deletionId: deleted[n.id]?.deletionId ?? null, deletedBy: deleted[n.id]?.deletedBy ?? null, createdBy: makers.get(n.id)! },
    ]),
  );
  const facts = (over: Partial<RestoreFacts> = {}): RestoreFacts => ({ stored: graph, points, ownerMark: 'user:olga', ...over });

  test.each<[string, string, RestoreFacts, string]>([
    ['an unknown delete', 'd9', facts(), 'not_found: Nothing to restore: that delete is unknown or already undone.'],
    [
      'a delete already undone',
      'd3',
      facts({ points: new Map([...points, ['r', { ...points.get('r')!, deleted: false }]]) }),
      'not_found: Nothing to restore: that delete is unknown or already undone.',
    ],
    ['one’s own delete of a point resting on nothing deleted', 'd3', facts({ person: ben }), 'd3: r'],
    ['someone else’s delete', 'd3', facts({ person: ana }), 'lacks restore-any'],
    ['a point resting on a later delete brings that delete back too', 'd1', facts(), 'd1 d2: c e'],
    ['one’s own delete that pulls in the owner’s', 'd1', facts({ person: ana }), 'lacks restore-any'],
    ['the owner’s moderation, on an open map', 'd2', facts({ person: person('editor', null, true) }), 'lacks restore-any'],
    ['a classmate’s delete, on an open map', 'd3', facts({ person: person('editor', null, true) }), 'd3: r'],
    ['anything, by the owner', 'd1', facts({ person: owner }), 'd1 d2: c e'],
    ['one’s own delete, as a viewer', 'd3', facts({ person: person('viewer', 'user:ben') }), 'lacks restore-own'],
  ])('%s', (_name, deletionId, given, expected) => {
    expect(outcome(decideRestore(deletionId, given), (plan) => `${plan.deletions.join(' ')}: ${plan.restored.join(' ')}`)).toBe(expected);
  });

  test('an attacker brings back the delete of what it attacks (a step: its conclusion)', () => {
    // u undercuts e→c; with c and u deleted apart, undoing u brings c back.
    const apart = new Map(points);
    apart.set('u', { deleted: true, deletionId: 'd4', deletedBy: null, createdBy: null });
    expect(outcome(decideRestore('d4', facts({ points: apart })), (plan) => plan.deletions.join(' '))).toBe('d4 d2');
  });

  test('what comes back must fit the map: more steps than a map holds is refused, and said in its words', () => {
    // A full map of one-premise steps, and one more deleted step that Undo would bring back.
    const ids = Array.from({ length: CAPACITY.steps + 1 }, (_, i) => `p${i}`);
    const full: ArgumentGraph = graphOf(
      [['t', 'thesis'], ...ids.map((id): [string, 'claim'] => [id, 'claim'])],
      ids.map((id) => supports(id, 't')),
    );
    const stored = new Map(full.nodes.map((n): [string, StoredPoint] => [n.id, { deleted: false, deletionId: null, createdBy: null, deletedBy: null }]));
    stored.set('p0', { deleted: true, deletionId: 'd1', createdBy: null, deletedBy: null });
    const decision = decideRestore('d1', { stored: full, points: stored, ownerMark: null, person: owner });
    const message = `Undoing this would bring the map to ${CAPACITY.steps + 1} steps of reasoning, more than a map holds (${CAPACITY.steps}). Delete something first.`;
    expect(decision).toEqual({ ok: false, refusal: { code: 'conflict', message, issues: [{ path: ['deletionId'], message }] } });
    // The person's right to undo is checked before the room.
    expect(outcome(decideRestore('d1', { stored: full, points: stored, ownerMark: null, person: ana }))).toBe('lacks restore-any');
  });
});
