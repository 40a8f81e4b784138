import { describe, expect, test } from 'vitest';
import { allowedRelations, connectionProblem } from '../connect';
import { attacks, graphOf, linked, supports } from './fixtures';

// thesis ← claim ← evidence; objection ⟂ claim; rebuttal ⟂ objection; a loose premise and a loose objection.
const graph = graphOf(
  [
    ['thesis', 'thesis'],
    ['claim', 'claim'],
    ['evidence', 'evidence'],
    ['warrant', 'premise'],
    ['objection', 'objection'],
    ['rebuttal', 'rebuttal'],
    ['loose', 'premise'],
    ['loose-objection', 'objection'],
  ],
  [supports('claim', 'thesis', 'i1'), linked(['evidence', 'warrant'], 'claim', 'i2')],
  [attacks('objection', 'claim', 'c1'), attacks('rebuttal', 'objection', 'c2')],
);

describe('connectionProblem', () => {
  test.each([
    ['a loose premise supporting a claim', 'loose', 'claim', 'supports'],
    ['a loose premise joining a step as a linked premise', 'loose', 'i2', 'supports'],
    ['evidence supporting the thesis directly', 'evidence', 'thesis', 'supports'],
    ['an objection attacking the thesis', 'loose-objection', 'thesis', 'attacks'],
    ['an objection undercutting a step', 'loose-objection', 'i1', 'attacks'],
    ['a rebuttal answering another objection', 'rebuttal', 'loose-objection', 'attacks'],
    ['evidence supporting an objection', 'evidence', 'objection', 'supports'],
  ] as const)('allows %s', (_name, from, to, relation) => {
    expect(connectionProblem(graph, from, to, relation)).toBeNull();
  });

  test.each([
    ['an unknown source', 'nope', 'claim', 'supports', 'from'],
    ['an unknown target', 'loose', 'nope', 'supports', 'to'],
    ['a point supporting itself', 'loose', 'loose', 'supports', 'to'],
    ['the thesis supporting anything', 'thesis', 'loose', 'supports', 'relation'],
    ['an objection supporting', 'objection', 'thesis', 'supports', 'relation'],
    ['a claim attacking', 'claim', 'objection', 'attacks', 'relation'],
    ['a support that exists already', 'claim', 'thesis', 'supports', 'to'],
    ['joining a step it is already in', 'evidence', 'i2', 'supports', 'to'],
    ['circular support', 'claim', 'evidence', 'supports', 'to'],
    ['circular support through a step', 'claim', 'i2', 'supports', 'to'],
    ['a rebuttal attacking a claim', 'rebuttal', 'claim', 'attacks', 'to'],
    ['an attack made twice', 'objection', 'claim', 'attacks', 'to'],
  ] as const)('refuses %s', (_name, from, to, relation, path) => {
    const problem = connectionProblem(graph, from, to, relation);
    expect(problem?.path).toBe(path);
    expect(problem?.message.length).toBeGreaterThan(10);
  });

  test('names both points when support would be circular', () => {
    expect(connectionProblem(graph, 'claim', 'evidence', 'supports')?.message).toBe(
      'That would be circular: “claim claim” already rests on “evidence evidence”.',
    );
  });
});

describe('allowedRelations', () => {
  test('offers only what the kinds allow', () => {
    expect(allowedRelations(graph, 'loose', 'claim')).toEqual(['supports']);
    expect(allowedRelations(graph, 'loose-objection', 'claim')).toEqual(['attacks']);
    expect(allowedRelations(graph, 'thesis', 'claim')).toEqual([]);
  });
});
