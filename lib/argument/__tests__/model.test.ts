import { describe, expect, test } from 'vitest';
import { flatEdges, type FlatEdge } from '../model';
import { attacks, linked, supports, undercuts } from './fixtures';

describe('flatEdges', () => {
  test('one supports edge per premise, from the premise to the conclusion', () => {
    const edges = flatEdges({ inferences: [linked(['evidence', 'warrant'], 'claim', 'inf'), supports('claim', 'thesis', 'top')], conflicts: [] });
    expect(edges).toEqual<FlatEdge[]>([
      { id: 'inf~evidence', from: 'evidence', to: 'claim', relation: 'supports', inference: 'inf' },
      { id: 'inf~warrant', from: 'warrant', to: 'claim', relation: 'supports', inference: 'inf' },
      { id: 'top~claim', from: 'claim', to: 'thesis', relation: 'supports', inference: 'top' },
    ]);
  });

  test('an attack on a node is an attacks edge from the attacker to the node, not an undercut', () => {
    const [edge] = flatEdges({ inferences: [], conflicts: [attacks('objection', 'claim', 'con')] });
    expect(edge).toEqual<FlatEdge>({ id: 'con', from: 'objection', to: 'claim', relation: 'attacks', conflict: 'con' });
    expect(edge).not.toHaveProperty('undercut');
  });

  test('an undercut points at the conclusion of the inference it attacks, marked undercut', () => {
    const edges = flatEdges({ inferences: [supports('evidence', 'claim', 'inf')], conflicts: [undercuts('objection', 'inf', 'con')] });
    expect(edges).toContainEqual<FlatEdge>({
      id: 'con',
      from: 'objection',
      to: 'claim',
      relation: 'attacks',
      undercut: true,
      conflict: 'con',
      inference: 'inf',
    });
  });

  test('a rebuttal of an objection is an attacks edge too', () => {
    const edges = flatEdges({ inferences: [], conflicts: [attacks('objection', 'claim', 'c1'), attacks('rebuttal', 'objection', 'c2')] });
    expect(edges.map((e) => [e.from, e.relation, e.to])).toEqual([
      ['objection', 'attacks', 'claim'],
      ['rebuttal', 'attacks', 'objection'],
    ]);
  });

  test('an undercut of an unknown inference gives no edge', () => {
    expect(flatEdges({ inferences: [], conflicts: [undercuts('objection', 'missing')] })).toEqual([]);
  });

  test('edge count is the number of premises plus the number of conflicts; ids are unique', () => {
    const graph = {
      inferences: [linked(['a', 'b', 'c'], 'claim', 'i1'), supports('claim', 'thesis', 'i2'), supports('a', 'thesis', 'i3')],
      conflicts: [attacks('o1', 'claim', 'k1'), undercuts('o2', 'i1', 'k2'), attacks('r1', 'o1', 'k3')],
    };
    const edges = flatEdges(graph);
    expect(edges).toHaveLength(5 + 3);
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
  });

  test('an empty graph has no edges', () => {
    expect(flatEdges({ inferences: [], conflicts: [] })).toEqual([]);
  });
});
