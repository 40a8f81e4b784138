import { describe, expect, test } from 'vitest';
import type { Role } from '../../auth/permissions';
import { decideEditPoint, type EditPlan, type EditPointFacts, type EditPointRequest, type MadePoint } from '../edit-point';
import type { ArgNode, NodeKind } from '../model';
import type { Checked, Person } from '../person';
import { stockIssueProblem } from '../../validation/node';

/** The rules of editing a point, decided from the point (and the thesis it may replace) alone: no database (lib/argument/edit-point.ts). */
const made = (kind: NodeKind, maker: string | null, over: Partial<ArgNode> = {}, id = 'p'): MadePoint => ({
  node: {
    id,
    kind,
    text: `${kind} words`,
    quote: null,
    implicit: false,
    asOf: null,
    stockIssue: null,
    proposal: false,
    author: 'A',
    position: null,
    version: 3,
    ...over,
  },
  maker,
});
/** Someone on an invite-only map (their points are theirs), or on an open one (every point is). */
const person = (role: Role, mark: string | null, openMap = false): Person => ({
  role,
  mark,
  openMap,
  owns: (maker) => openMap || (mark !== null && maker === mark),
});
const ana = person('editor', 'user:ana');
const owner = person('owner', 'user:olga');
const facts = (point: MadePoint | undefined, over: Partial<EditPointFacts> = {}): EditPointFacts => ({ point, person: ana, stockIssueProblem, ...over });

/** What a decision comes to, in a word: "ok", "nothing", the action lacking, or the refusal's status and message. */
function outcome(decision: Checked<EditPlan>): string {
  if (decision.ok) return decision.value.event ? 'ok' : 'nothing';
  return 'lacks' in decision ? `lacks ${decision.lacks}` : `${decision.refusal.code}: ${decision.refusal.message}`;
}

describe('decideEditPoint', () => {
  test.each<[string, EditPointRequest, EditPointFacts, string]>([
    ['a point not on the map', { text: 'x', version: 3 }, facts(undefined), 'not_found: There is no node "p" on this map.'],
    ['rewording one’s own point', { text: 'New words', version: 3 }, facts(made('claim', 'user:ana')), 'ok'],
    ['rewording someone else’s point', { text: 'New words', version: 3 }, facts(made('claim', 'user:ben')), 'lacks edit-any'],
    [
      'rewording someone else’s point on an open map',
      { text: 'New words', version: 3 },
      facts(made('claim', null), { person: person('editor', null, true) }),
      'ok',
    ],
    ['the owner rewording anyone’s point', { text: 'New words', version: 3 }, facts(made('claim', 'user:ben'), { person: owner }), 'ok'],
    ['rewording on nobody’s behalf (nothing checked)', { text: 'New words', version: 3 }, facts(made('claim', 'user:ben'), { person: undefined }), 'ok'],
    ['moving someone else’s point (the route checks arranging)', { position: { x: 1, y: 2 } }, facts(made('claim', 'user:ben')), 'ok'],
    ['a viewer changing a date', { asOf: '2020-01' }, facts(made('evidence', 'user:ana'), { person: person('viewer', 'user:ana') }), 'lacks edit-own'],
    [
      'new words on a version someone changed since',
      { text: 'New words', version: 2 },
      facts(made('claim', 'user:ana')),
      'conflict: Someone changed this point since you loaded it.',
    ],
    ['a stale version, without the right to edit the point: the right first', { text: 'x', version: 2 }, facts(made('claim', 'user:ben')), 'lacks edit-any'],
    ['a date on the thesis', { asOf: '2020-01' }, facts(made('thesis', 'user:ana')), 'bad_request: The thesis has no date of its own.'],
    ['a date on the thesis made a claim in the same request', { asOf: '2020-01', kind: 'claim' }, facts(made('thesis', 'user:ana')), 'ok'],
    [
      'a date on a claim made the thesis in the same request',
      { asOf: '2020-01', kind: 'thesis' },
      facts(made('claim', 'user:ana')),
      'bad_request: The thesis has no date of its own.',
    ],
    [
      'a stock issue of the negative on a reason',
      { stockIssue: 'counterplan' },
      facts(made('claim', 'user:ana')),
      'bad_request: That stock issue does not fit this point.',
    ],
    [
      'a misfit detail, without the right to edit: the detail first',
      { stockIssue: 'counterplan' },
      facts(made('claim', 'user:ben')),
      'bad_request: That stock issue does not fit this point.',
    ],
    ['a stock issue of the negative on an objection', { stockIssue: 'counterplan' }, facts(made('objection', 'user:ana')), 'ok'],
    ['a claim proposing a policy', { proposal: true }, facts(made('claim', 'user:ana')), 'bad_request: Only the thesis proposes a policy.'],
    ['the thesis proposing a policy', { proposal: true }, facts(made('thesis', 'user:ana')), 'ok'],
    ['a month it already has', { asOf: '2020-01' }, facts(made('evidence', 'user:ben', { asOf: '2020-01' })), 'nothing'],
    ['its own kind', { kind: 'claim' }, facts(made('claim', 'user:ben')), 'nothing'],
    [
      'an objection made a claim',
      { kind: 'claim' },
      facts(made('objection', 'user:ana')),
      'bad_request: An objection keeps its kind: it enters the map by attacking.',
    ],
    [
      'a rebuttal made evidence',
      { kind: 'evidence' },
      facts(made('rebuttal', 'user:ana')),
      'bad_request: A rebuttal keeps its kind: it enters the map by attacking.',
    ],
    [
      'a stale version and a kind it keeps: the version first',
      { text: 'x', version: 1, kind: 'claim' },
      facts(made('objection', 'user:ana')),
      'conflict: Someone changed this point since you loaded it.',
    ],
    [
      'an unstated premise made evidence',
      { kind: 'evidence' },
      facts(made('premise', 'user:ana', { implicit: true })),
      'bad_request: An unstated premise stays a premise or a claim.',
    ],
    ['an unstated premise made a claim', { kind: 'claim' }, facts(made('premise', 'user:ana', { implicit: true })), 'ok'],
    [
      'one’s claim made the thesis, demoting one’s own thesis',
      { kind: 'thesis' },
      facts(made('claim', 'user:ana'), { thesis: made('thesis', 'user:ana', {}, 't') }),
      'ok',
    ],
    [
      'one’s claim made the thesis, demoting someone else’s thesis',
      { kind: 'thesis' },
      facts(made('claim', 'user:ana'), { thesis: made('thesis', 'user:olga', {}, 't') }),
      'lacks edit-any',
    ],
    ['a claim made the thesis of a map that has none', { kind: 'thesis' }, facts(made('claim', 'user:ana')), 'ok'],
  ])('%s', (_name, request, given, expected) => {
    expect(outcome(decideEditPoint('p', request, given))).toBe(expected);
  });

  const plan = (request: EditPointRequest, given: EditPointFacts): EditPlan => {
    const decision = decideEditPoint('p', request, given);
    if (!decision.ok) throw new Error(outcome(decision));
    return decision.value;
  };

  test.each<[string, EditPointRequest, number]>([
    ['new words', { text: 'x', version: 3 }, 4],
    ['new words and new details count once', { text: 'x', version: 3, stockIssue: 'harm' }, 4],
    ['a new kind', { kind: 'evidence' }, 4],
    ['new words and a new kind', { text: 'x', version: 3, kind: 'evidence' }, 5],
    ['a move', { position: { x: 1, y: 1 } }, 3],
  ])('the version after %s', (_name, request, version) => {
    expect(plan(request, facts(made('claim', 'user:ana'))).point.node.version).toBe(version);
  });

  test('a move is logged as a move, its position written and nothing else changed', () => {
    const { point, event, demoted } = plan({ position: { x: 5, y: 6 } }, facts(made('claim', 'user:ana', { position: { x: 1, y: 1 } })));
    expect(point.moved).toBe(true);
    expect(demoted).toBeNull();
    expect(event).toEqual({ type: 'node.moved', data: { node: point.node, before: { text: 'claim words', version: 3, position: { x: 1, y: 1 } } } });
    expect(point.node).toMatchObject({ position: { x: 5, y: 6 }, text: 'claim words', version: 3 });
    expect(plan({ position: null }, facts(made('claim', 'user:ana', { position: { x: 1, y: 1 } }))).point.node.position).toBeNull();
  });

  test('one event for the whole request, its before the point as it was', () => {
    const request: EditPointRequest = { text: 'Sharper', version: 3, kind: 'evidence', asOf: '2019-05', position: { x: 9, y: 9 } };
    const { point, event } = plan(request, facts(made('claim', 'user:ana')));
    expect(point).toEqual({
      node: expect.objectContaining({ text: 'Sharper', kind: 'evidence', asOf: '2019-05', position: { x: 9, y: 9 }, version: 5 }),
      version: 3,
      moved: true,
    });
    expect(event).toEqual({
      type: 'node.updated',
      data: {
        node: point.node,
        before: { text: 'claim words', version: 3, position: null, kind: 'claim', details: { asOf: null, stockIssue: null, proposal: false } },
      },
    });
  });

  test('making a point the thesis demotes the thesis to a claim, logged apart; each takes what fits its new kind', () => {
    const thesis = made('thesis', 'user:ana', { text: 'Old thesis', proposal: true, version: 7 }, 't');
    const { point, demoted } = plan({ kind: 'thesis' }, facts(made('claim', 'user:ana', { asOf: '2020-01', stockIssue: 'harm' }), { thesis }));
    expect(point.node).toMatchObject({ kind: 'thesis', asOf: null, stockIssue: null, version: 4 });
    expect(demoted?.change).toEqual({ node: expect.objectContaining({ id: 't', kind: 'claim', proposal: false, version: 8 }), version: 7, moved: false });
    expect(demoted?.event).toEqual({
      node: demoted?.change.node,
      before: { text: 'Old thesis', version: 7, kind: 'thesis', details: { asOf: null, stockIssue: null, proposal: true } },
    });
  });

  test.each<[string, Person, string | null, string, boolean]>([
    ['the owner rewording someone else’s point', owner, 'user:ben', 'Reworded', true],
    ['the owner rewording their own point', owner, 'user:olga', 'Reworded', false],
    ['the owner resending the same words', owner, 'user:ben', 'claim words', false],
    ['an editor rewording their own point', ana, 'user:ana', 'Reworded', false],
  ])('moderation: %s', (_name, who, maker, text, moderated) => {
    const { event } = plan({ text, version: 3 }, facts(made('claim', maker), { person: who }));
    expect(event?.type === 'node.updated' && event.data.moderated).toBe(moderated ? true : undefined);
  });
});
