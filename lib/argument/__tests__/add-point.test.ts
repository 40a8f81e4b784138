import { describe, expect, test } from 'vitest';
import { capacitiesUsed, decideAddPoint, type AddPointFacts, type AddPointRequest } from '../add-point';
import { CAPACITY } from '../capacity';
import { decideConnection } from '../connect';
import type { ArgumentGraph, NodeKind } from '../model';
import { MAP_NODES_MAX } from '../../validation/limits';

/** The rules of adding a point, decided from facts alone: no database (lib/argument/add-point.ts). */
const claim = { node: { id: 'c1', kind: 'claim' as NodeKind } };
const objection = { node: { id: 'o1', kind: 'objection' as NodeKind } };
const step = { inference: { id: 'i1', conclusion: 't', scheme: 'expert-opinion' } };
const roomy = { links: 0, steps: 0, attacks: 0, premises: 0 };
const facts = (over: Partial<AddPointFacts> = {}): AddPointFacts => ({ livePoints: 10, hasThesis: true, room: roomy, ...over });

describe('decideAddPoint', () => {
  test.each<[string, AddPointRequest, AddPointFacts, string | null]>([
    ['a claim placed alone', { kind: 'claim' }, facts(), null],
    ['a first thesis', { kind: 'thesis' }, facts({ hasThesis: false }), null],
    ['a second thesis', { kind: 'thesis' }, facts(), 'This map already has a thesis.'],
    ['any point on a full map', { kind: 'claim' }, facts({ livePoints: MAP_NODES_MAX }), 'This map is full'],
    ['a premise under a missing target', { kind: 'premise', target: 'x', relation: 'supports' }, facts({ target: 'missing' }), 'The target is not a node'],
    ['a rebuttal of a claim', { kind: 'rebuttal', target: 'c1', relation: 'attacks' }, facts({ target: claim }), 'A rebuttal answers an objection.'],
    ['a rebuttal of an objection', { kind: 'rebuttal', target: 'o1', relation: 'attacks' }, facts({ target: objection }), null],
    [
      'a question of another scheme against a step',
      { kind: 'objection', target: 'i1', relation: 'attacks', question: 'analogy.cq1' },
      facts({ target: step }),
      'That critical question does not belong',
    ],
    [
      'a question of the step’s own scheme',
      { kind: 'objection', target: 'i1', relation: 'attacks', question: 'expert-opinion.cq1' },
      facts({ target: step }),
      null,
    ],
    [
      'a question against a point whose steps follow the scheme',
      { kind: 'objection', target: 'c1', relation: 'attacks', question: 'expert-opinion.cq1' },
      facts({ target: claim, schemesOfTargetSteps: [null, 'expert-opinion'] }),
      null,
    ],
    ['a quote past the essay’s end', { kind: 'evidence', quote: { start: 0, end: 99 } }, facts({ essay: 'short' }), 'The quote is outside the essay.'],
    ['a quote of spaces', { kind: 'evidence', quote: { start: 1, end: 3 } }, facts({ essay: 'a   b' }), 'The quote is empty.'],
    [
      'a support when the map has no room for links',
      { kind: 'premise', target: 'c1', relation: 'supports' },
      facts({ target: claim, room: { ...roomy, links: CAPACITY.links } }),
      'premise links',
    ],
    [
      'a premise joining a full step',
      { kind: 'premise', target: 'i1', relation: 'supports' },
      facts({ target: step, room: { ...roomy, premises: CAPACITY.premises } }),
      'premises, the most one step holds',
    ],
    ['an attack without the room counted', { kind: 'objection', target: 'c1', relation: 'attacks' }, facts({ target: claim, room: {} }), 'attacks'],
  ])('%s', (_name, request, given, refusal) => {
    const decision = decideAddPoint(request, given);
    if (refusal === null) expect(decision.ok).toBe(true);
    else expect(decision.ok ? null : decision.refusal.message).toContain(refusal);
  });

  test('the first rule broken is the one reported (full map before a second thesis)', () => {
    const decision = decideAddPoint({ kind: 'thesis' }, facts({ livePoints: MAP_NODES_MAX }));
    expect(decision.ok ? null : decision.refusal.message).toContain('This map is full');
  });

  test('how the point is connected', () => {
    const connect = (request: AddPointRequest, target: AddPointFacts['target']) => {
      const decision = decideAddPoint(request, facts({ target }));
      return decision.ok ? decision.value.connection : decision.refusal;
    };
    expect(connect({ kind: 'premise', target: 'c1', relation: 'supports' }, claim)).toEqual({ type: 'new-step', conclusion: 'c1' });
    expect(connect({ kind: 'premise', target: 'i1', relation: 'supports' }, step)).toEqual({ type: 'join-step', inference: 'i1', conclusion: 't' });
    expect(connect({ kind: 'objection', target: 'c1', relation: 'attacks' }, claim)).toEqual({ type: 'attack', target: { node: 'c1' } });
    expect(connect({ kind: 'objection', target: 'i1', relation: 'attacks' }, step)).toEqual({ type: 'attack', target: { inference: 'i1', conclusion: 't' } });
    expect(connect({ kind: 'claim' }, undefined)).toBeNull();
  });

  test('the quote kept is the essay’s own words', () => {
    const decision = decideAddPoint({ kind: 'evidence', quote: { start: 4, end: 9 } }, facts({ essay: 'The time is now' }));
    expect(decision.ok && decision.value.quote).toEqual({ start: 4, end: 9, text: 'time ' });
  });

  test('capacitiesUsed names only what the connection counts against', () => {
    expect(capacitiesUsed({}, undefined)).toEqual([]);
    expect(capacitiesUsed({ relation: 'attacks' }, claim)).toEqual([{ what: 'attacks', of: 'map' }]);
    expect(capacitiesUsed({ relation: 'supports' }, claim).map((c) => c.what)).toEqual(['links', 'steps']);
    expect(capacitiesUsed({ relation: 'supports' }, step)).toEqual([
      { what: 'links', of: 'map' },
      { what: 'premises', of: 'i1' },
    ]);
  });
});

describe('decideConnection', () => {
  const graph: ArgumentGraph = {
    nodes: [
      { id: 't', kind: 'thesis', text: 'Negotiate now', quote: null, implicit: false, asOf: null, author: '', position: null, version: 1 },
      { id: 'c', kind: 'claim', text: 'Talks work', quote: null, implicit: false, asOf: null, author: '', position: null, version: 1 },
      { id: 'e', kind: 'evidence', text: '1994', quote: null, implicit: false, asOf: null, author: '', position: null, version: 1 },
      { id: 'o', kind: 'objection', text: 'They cheat', quote: null, implicit: false, asOf: null, author: '', position: null, version: 1 },
      { id: 'r', kind: 'rebuttal', text: 'Verified', quote: null, implicit: false, asOf: null, author: '', position: null, version: 1 },
    ],
    inferences: [{ id: 'i1', conclusion: 't', premises: ['c'], scheme: null }],
    conflicts: [],
  };
  test.each<[string, string, string, 'supports' | 'attacks', string]>([
    ['evidence supports a claim: a new step', 'e', 'c', 'supports', 'new-step'],
    ['evidence joins a step', 'e', 'i1', 'supports', 'join-step'],
    ['an objection attacks a step', 'o', 'i1', 'attacks', 'attack'],
    ['a rebuttal answers an objection', 'r', 'o', 'attacks', 'attack'],
    ['a rebuttal of a claim', 'r', 'c', 'attacks', 'A rebuttal answers an objection'],
    ['a circle', 't', 'c', 'supports', 'The thesis is the conclusion'],
  ])('%s', (_name, from, to, relation, expected) => {
    const decision = decideConnection(graph, from, to, relation);
    expect(decision.ok ? decision.value.type : decision.refusal.message).toContain(expected);
  });
});
