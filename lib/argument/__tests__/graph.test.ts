import { describe, expect, test } from 'vitest';
import { dependentsOf, outgoingNodes, rootIds } from '../graph';
import type { ArgumentGraph } from '../model';
import { attacks, graphOf, linked, supports, undercuts } from './fixtures';

/** thesis ← claim ← evidence */
const chain = graphOf(
  [
    ['thesis', 'thesis'],
    ['claim', 'claim'],
    ['evidence', 'evidence'],
  ],
  [supports('claim', 'thesis'), supports('evidence', 'claim')],
);

/** thesis ← claim ← evidence, with an objection to the claim and a rebuttal of the objection. */
const debated = graphOf(
  [
    ['thesis', 'thesis'],
    ['claim', 'claim'],
    ['evidence', 'evidence'],
    ['objection', 'objection'],
    ['rebuttal', 'rebuttal'],
  ],
  [supports('claim', 'thesis'), supports('evidence', 'claim')],
  [attacks('objection', 'claim'), attacks('rebuttal', 'objection')],
);

/** One piece of evidence supports two claims, and has evidence of its own. */
const sharedPremise = graphOf(
  [
    ['thesis', 'thesis'],
    ['claim-a', 'claim'],
    ['claim-b', 'claim'],
    ['shared', 'evidence'],
    ['detail', 'evidence'],
  ],
  [supports('claim-a', 'thesis'), supports('claim-b', 'thesis'), supports('shared', 'claim-a'), supports('shared', 'claim-b'), supports('detail', 'shared')],
);

/** thesis ← claim ←(inf: evidence) with an undercut of inf, and a rebuttal of the undercut. */
const undercut = graphOf(
  [
    ['thesis', 'thesis'],
    ['claim', 'claim'],
    ['evidence', 'evidence'],
    ['undercutter', 'objection'],
    ['rebuttal', 'rebuttal'],
  ],
  [supports('claim', 'thesis'), supports('evidence', 'claim', 'inf')],
  [undercuts('undercutter', 'inf'), attacks('rebuttal', 'undercutter')],
);

/** thesis ←(inf: evidence + warrant, linked) with an undercut of the linked inference. */
const linkedUndercut = graphOf(
  [
    ['thesis', 'thesis'],
    ['evidence', 'evidence'],
    ['warrant', 'premise'],
    ['undercutter', 'objection'],
  ],
  [linked(['evidence', 'warrant'], 'thesis', 'inf')],
  [undercuts('undercutter', 'inf')],
);

/** An imported map: two unrelated top-level conclusions. */
const twoRoots = graphOf(
  [
    ['root-a', 'claim'],
    ['root-b', 'claim'],
    ['reason-a', 'evidence'],
    ['reason-b', 'evidence'],
  ],
  [supports('reason-a', 'root-a'), supports('reason-b', 'root-b')],
);

/** outgoingNodes as plain arrays, for readable expectations. */
function outgoing(graph: ArgumentGraph): Record<string, string[]> {
  return Object.fromEntries([...outgoingNodes(graph)].map(([id, to]) => [id, [...to].sort()]));
}

describe('outgoingNodes', () => {
  test('a premise points at its conclusion; the thesis points nowhere', () => {
    expect(outgoing(chain)).toEqual({ thesis: [], claim: ['thesis'], evidence: ['claim'] });
  });

  test('an objection points at what it attacks, a rebuttal at the objection', () => {
    expect(outgoing(debated)).toEqual({
      thesis: [],
      claim: ['thesis'],
      evidence: ['claim'],
      objection: ['claim'],
      rebuttal: ['objection'],
    });
  });

  test('an undercut points at the conclusion of the inference it attacks', () => {
    expect(outgoing(undercut).undercutter).toEqual(['claim']);
  });

  test('a premise of two inferences points at both conclusions', () => {
    expect(outgoing(sharedPremise).shared).toEqual(['claim-a', 'claim-b']);
  });

  test('every linked premise points at the conclusion', () => {
    expect(outgoing(linkedUndercut)).toMatchObject({ evidence: ['thesis'], warrant: ['thesis'] });
  });

  test('a conflict against an unknown inference points nowhere', () => {
    const graph: ArgumentGraph = {
      ...chain,
      nodes: [...chain.nodes, ...graphOf([['stray', 'objection']], []).nodes],
      conflicts: [undercuts('stray', 'missing')],
    };
    expect(outgoing(graph).stray).toEqual([]);
  });
});

describe('rootIds', () => {
  test.each([
    ['chain', chain, ['thesis']],
    ['debated', debated, ['thesis']],
    ['shared premise', sharedPremise, ['thesis']],
    ['undercut', undercut, ['thesis']],
    ['two roots', twoRoots, ['root-a', 'root-b']],
    ['a lone node', graphOf([['thesis', 'thesis']], []), ['thesis']],
  ])('%s → %j', (_name, graph, expected) => {
    expect(rootIds(graph)).toEqual(expected);
  });
});

describe('dependentsOf', () => {
  test.each([
    // name, graph, deleted node, expected dependents (in node order)
    ['chain: a claim takes its evidence', chain, 'claim', ['evidence']],
    ['chain: a leaf takes nothing', chain, 'evidence', []],
    ['a claim takes its evidence, its objection and the rebuttal of that', debated, 'claim', ['evidence', 'objection', 'rebuttal']],
    ['an objection takes its rebuttal', debated, 'objection', ['rebuttal']],
    ['a rebuttal takes nothing', debated, 'rebuttal', []],
    ['evidence takes nothing, not even the objection beside it', debated, 'evidence', []],
    ['a premise that also supports another claim stays', sharedPremise, 'claim-a', []],
    ['…and so does its own evidence', sharedPremise, 'claim-b', []],
    ['the shared premise takes its own evidence', sharedPremise, 'shared', ['detail']],
    [
      'deleting the conclusion takes the inference’s premise and its undercut (and the undercut’s rebuttal)',
      undercut,
      'claim',
      ['evidence', 'undercutter', 'rebuttal'],
    ],
    ['an undercut takes its rebuttal', undercut, 'undercutter', ['rebuttal']],
    ['one linked premise goes; the inference and its undercut stay', linkedUndercut, 'warrant', []],
    ['one root of an imported map does not take the other', twoRoots, 'root-a', ['reason-a']],
  ])('%s', (_name, graph, deleted, expected) => {
    expect(dependentsOf(graph, deleted)).toEqual(expected);
  });

  test.each([
    ['chain', chain],
    ['debated', debated],
    ['shared premise', sharedPremise],
    ['undercut', undercut],
    ['linked undercut', linkedUndercut],
  ])('deleting the thesis of %s takes every other node', (_name, graph) => {
    expect(dependentsOf(graph, 'thesis')).toEqual(graph.nodes.map((n) => n.id).filter((id) => id !== 'thesis'));
  });

  test('never lists the deleted node itself', () => {
    for (const graph of [chain, debated, sharedPremise, undercut, linkedUndercut, twoRoots]) {
      for (const n of graph.nodes) expect(dependentsOf(graph, n.id)).not.toContain(n.id);
    }
  });

  // When the only premise of an inference goes, the inference goes with it (the map drops inferences
  // with no premise left, and with them the conflicts that undercut them). The undercut then attacks
  // nothing and would be left hanging, so it is a dependent of that premise.
  test('deleting the only premise of an undercut inference takes the undercut and its rebuttal', () => {
    expect(dependentsOf(undercut, 'evidence')).toEqual(['undercutter', 'rebuttal']);
  });
});
