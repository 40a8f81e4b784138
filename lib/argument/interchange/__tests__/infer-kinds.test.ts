import { describe, expect, test } from 'vitest';
import type { ArgumentGraph, NodeKind } from '../../model';
import { attacks, graphOf, linked, supports, undercuts } from '../../__tests__/fixtures';
import { inferKinds, withInferredKinds } from '../infer-kinds';

/** A graph whose nodes all start as premises, so only the inference decides. */
function bare(ids: string[], inferences: ArgumentGraph['inferences'], conflicts: ArgumentGraph['conflicts'] = []): ArgumentGraph {
  return graphOf(
    ids.map((id) => [id, 'premise' as NodeKind]),
    inferences,
    conflicts,
  );
}

describe('inferKinds', () => {
  test.each<[string, ArgumentGraph, Record<string, NodeKind>]>([
    ['a lone statement is the thesis', bare(['a'], []), { a: 'thesis' }],
    [
      'the only root is the thesis, its reasons premises',
      bare(['t', 'r1', 'r2'], [supports('r1', 't'), supports('r2', 't')]),
      { t: 'thesis', r1: 'premise', r2: 'premise' },
    ],
    [
      'a chain: intermediate conclusions are premises too',
      bare(['t', 'c', 'e'], [supports('c', 't'), supports('e', 'c')]),
      { t: 'thesis', c: 'premise', e: 'premise' },
    ],
    ['linked premises are premises', bare(['t', 'p', 'w'], [linked(['p', 'w'], 't')]), { t: 'thesis', p: 'premise', w: 'premise' }],
    ['two roots are both claims', bare(['a', 'b', 'r'], [supports('r', 'a')]), { a: 'claim', b: 'claim', r: 'premise' }],
    [
      'an attacker of a statement is an objection',
      bare(['t', 'p', 'o'], [supports('p', 't')], [attacks('o', 'p')]),
      { t: 'thesis', p: 'premise', o: 'objection' },
    ],
    ['an attacker of the thesis is an objection', bare(['t', 'o'], [], [attacks('o', 't')]), { t: 'thesis', o: 'objection' }],
    [
      'an attacker of an attacker is a rebuttal, and of a rebuttal too',
      bare(['t', 'o', 'r', 'rr'], [], [attacks('o', 't'), attacks('r', 'o'), attacks('rr', 'r')]),
      { t: 'thesis', o: 'objection', r: 'rebuttal', rr: 'rebuttal' },
    ],
    ['an undercut is an objection', bare(['t', 'p', 'u'], [supports('p', 't', 'inf')], [undercuts('u', 'inf')]), { t: 'thesis', p: 'premise', u: 'objection' }],
    [
      'an attacker of an attacker and of a statement is an objection',
      bare(['t', 'o', 'x'], [], [attacks('o', 't'), attacks('x', 'o'), attacks('x', 't')]),
      { t: 'thesis', o: 'objection', x: 'objection' },
    ],
    [
      'a reason for an objection is a premise',
      bare(['t', 'o', 'why'], [supports('why', 'o')], [attacks('o', 't')]),
      { t: 'thesis', o: 'objection', why: 'premise' },
    ],
    [
      'rival statements: the one that attacks nothing is the root',
      bare(['h1', 'h2', 'h3'], [], [attacks('h1', 'h2'), attacks('h1', 'h3'), attacks('h2', 'h3')]),
      { h1: 'objection', h2: 'objection', h3: 'thesis' },
    ],
  ])('%s', (_name, graph, expected) => {
    expect(Object.fromEntries(inferKinds(graph))).toEqual(expected);
  });

  test('kinds the file states win, and a stated thesis keeps the sole root a claim', () => {
    const graph = bare(['t', 'e', 'root'], [supports('e', 't')]);
    const given = new Map<string, NodeKind>([
      ['t', 'thesis'],
      ['e', 'evidence'],
    ]);
    expect(Object.fromEntries(inferKinds(graph, given))).toEqual({ t: 'thesis', e: 'evidence', root: 'claim' });
  });

  test('a stated objection makes its attacker a rebuttal', () => {
    const graph = bare(['t', 'o', 'r'], [supports('o', 't')], [attacks('r', 'o')]);
    expect(inferKinds(graph, new Map([['o', 'objection']])).get('r')).toBe('rebuttal');
  });

  test('withInferredKinds sets every node’s kind and leaves the rest of the graph alone', () => {
    const graph = bare(['t', 'o'], [], [attacks('o', 't')]);
    const result = withInferredKinds(graph);
    expect(result.nodes.map((n) => n.kind)).toEqual(['thesis', 'objection']);
    expect(result.conflicts).toBe(graph.conflicts);
    expect(graph.nodes.map((n) => n.kind)).toEqual(['premise', 'premise']);
  });
});
