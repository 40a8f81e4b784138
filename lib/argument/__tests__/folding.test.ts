import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ANALYST, negotiateNowSpec } from '../../../prisma/seed/negotiate-now';
import { foldedView, foldsHiding, mainReasonsFolds, visiblePart } from '../folding';
import { buildGraphFromSpec } from '../map-spec';
import { attacks, graphOf, linked, supports, undercuts } from './fixtures';

// t ← a ← e1, t ← b (linked with c) ← e2; o attacks a; r attacks o; u undercuts a>t.
const graph = graphOf(
  [
    ['t', 'thesis'],
    ['a', 'claim'],
    ['b', 'claim'],
    ['c', 'premise'],
    ['e1', 'evidence'],
    ['e2', 'evidence'],
    ['o', 'objection'],
    ['r', 'rebuttal'],
    ['u', 'objection'],
  ],
  [supports('a', 't', 'a>t'), linked(['b', 'c'], 't', 'bc>t'), supports('e1', 'a'), supports('e2', 'b')],
  [attacks('o', 'a'), attacks('r', 'o'), undercuts('u', 'a>t')],
);

describe('foldedView', () => {
  test('with nothing folded, everything is drawn', () => {
    const { visible, hiddenUnder } = foldedView(graph, new Set());
    expect(visible.size).toBe(graph.nodes.length);
    expect(hiddenUnder.size).toBe(0);
  });

  test('a fold puts away everything resting on the point, and counts it', () => {
    const { visible, hiddenUnder, childCount } = foldedView(graph, new Set(['a']));
    expect([...visible].sort()).toEqual(['a', 'b', 'c', 'e2', 't', 'u']);
    expect(hiddenUnder.get('a')).toBe(3); // e1, o, r
    expect(childCount.get('a')).toBe(2); // e1 and o
    expect(childCount.get('t')).toBe(4); // a, b, c and the undercut u
  });

  test('a point another unfolded path reaches stays drawn', () => {
    const shared = graphOf(
      [
        ['t', 'thesis'],
        ['a', 'claim'],
        ['b', 'claim'],
        ['e', 'evidence'],
      ],
      [supports('a', 't'), supports('b', 't'), supports('e', 'a'), supports('e', 'b')],
    );
    const { visible, hiddenUnder } = foldedView(shared, new Set(['a']));
    expect(visible.has('e')).toBe(true);
    expect(hiddenUnder.get('a')).toBe(0);
  });

  test('a cycle of attacks no root reaches is never hidden for good', () => {
    const cycle = graphOf(
      [
        ['x', 'objection'],
        ['y', 'objection'],
      ],
      [],
      [attacks('x', 'y'), attacks('y', 'x')],
    );
    expect(foldedView(cycle, new Set(['x', 'y'])).visible.size).toBeGreaterThan(0);
  });

  test('linear: a 20,000-point chain folded at its top', () => {
    const n = 20_000;
    const chain = graphOf(
      Array.from({ length: n }, (_, i) => [`n${i}`, i === 0 ? 'thesis' : 'claim'] as [string, 'thesis' | 'claim']),
      Array.from({ length: n - 1 }, (_, i) => supports(`n${i + 1}`, `n${i}`)),
    );
    const { visible, hiddenUnder } = foldedView(chain, new Set(['n1']));
    expect(visible.size).toBe(2);
    expect(hiddenUnder.get('n1')).toBe(n - 2);
  });
});

describe('visiblePart', () => {
  test('draws the steps into unfolded points and the attacks on them only', () => {
    const folded = new Set(['a']);
    const part = visiblePart(graph, foldedView(graph, folded).visible, folded);
    expect(part.inferences.map((i) => i.id).sort()).toEqual(['a>t', 'bc>t', 'e2>b']);
    expect(part.conflicts.map((c) => c.attacker)).toEqual(['u']);
  });
});

describe('mainReasonsFolds', () => {
  test('folds what rests on the thesis directly, leaving the thesis and its reasons drawn', () => {
    const folded = mainReasonsFolds(graph);
    expect([...folded].sort()).toEqual(['a', 'b']);
    const { visible } = foldedView(graph, folded);
    expect([...visible].sort()).toEqual(['a', 'b', 'c', 't', 'u']);
  });

  test('the op-ed opens on its thesis and the reasons it rests on directly', () => {
    const essay = readFileSync(new URL('../../../prisma/seed/negotiate-now.txt', import.meta.url), 'utf8');
    const oped = buildGraphFromSpec(negotiateNowSpec, essay, ANALYST);
    const folded = mainReasonsFolds(oped);
    const { visible } = foldedView(oped, folded);
    const thesis = oped.nodes.find((n) => n.kind === 'thesis')!;
    const direct = new Set(oped.inferences.filter((i) => i.conclusion === thesis.id).flatMap((i) => i.premises));
    for (const id of direct) expect(visible.has(id)).toBe(true);
    expect(visible.size).toBeLessThan(oped.nodes.length / 2);
  });
});

describe('foldsHiding', () => {
  test('names every fold above a point, at any distance', () => {
    expect(foldsHiding(graph, new Set(['a', 'o', 'b']), 'r').sort()).toEqual(['a', 'o']);
    expect(foldsHiding(graph, new Set(['a']), 'a')).toEqual([]);
  });
});
