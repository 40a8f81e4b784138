import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { evaluate, explainStatus, type Status } from '../evaluation';
import { buildGraphFromSpec } from '../map-spec';
import type { ArgumentGraph } from '../model';
import { ANALYST, negotiateNowSpec } from '../../../prisma/seed/negotiate-now';
import { attacks, graphOf, linked, supports, undercuts } from './fixtures';

type Case = { name: string; graph: ArgumentGraph; expected: Record<string, Status>; thesis?: Status | null; assume?: string[] };

/** Textbook cases (Dung 1995; Pollock's undercutters; linked premises as in Walton). */
const cases: Case[] = [
  {
    name: 'an unattacked claim with unattacked evidence stands',
    graph: graphOf(
      [
        ['t', 'thesis'],
        ['e', 'evidence'],
      ],
      [supports('e', 't')],
    ),
    expected: { t: 'stands', e: 'stands' },
    thesis: 'stands',
  },
  {
    name: 'simple defeat: an unanswered objection defeats its target',
    graph: graphOf(
      [
        ['t', 'thesis'],
        ['e', 'evidence'],
        ['o', 'objection'],
      ],
      [supports('e', 't')],
      [attacks('o', 'e')],
    ),
    expected: { o: 'stands', e: 'defeated', t: 'unsupported' },
    thesis: 'unsupported',
  },
  {
    name: 'reinstatement: C attacks B attacks A, so A stands again',
    graph: graphOf(
      [
        ['a', 'evidence'],
        ['b', 'objection'],
        ['c', 'rebuttal'],
      ],
      [],
      [attacks('b', 'a'), attacks('c', 'b')],
    ),
    expected: { c: 'stands', b: 'defeated', a: 'stands' },
  },
  {
    name: 'mutual attack leaves both contested',
    graph: graphOf(
      [
        ['a', 'objection'],
        ['b', 'objection'],
      ],
      [],
      [attacks('a', 'b'), attacks('b', 'a')],
    ),
    expected: { a: 'contested', b: 'contested' },
  },
  {
    name: 'an odd cycle (a→b→c→a) leaves all three contested',
    graph: graphOf(
      [
        ['a', 'objection'],
        ['b', 'objection'],
        ['c', 'objection'],
      ],
      [],
      [attacks('a', 'b'), attacks('b', 'c'), attacks('c', 'a')],
    ),
    expected: { a: 'contested', b: 'contested', c: 'contested' },
  },
  {
    name: 'an even cycle attacked from outside is settled: d defeats a, so c stands and b is defeated',
    graph: graphOf(
      [
        ['a', 'objection'],
        ['b', 'objection'],
        ['c', 'objection'],
        ['d', 'objection'],
      ],
      [],
      [attacks('a', 'b'), attacks('b', 'c'), attacks('c', 'a'), attacks('d', 'a')],
    ),
    expected: { d: 'stands', a: 'defeated', b: 'stands', c: 'defeated' },
  },
  {
    name: 'linked premises: one defeated premise breaks the step, the other premise still stands',
    graph: graphOf(
      [
        ['c', 'claim'],
        ['e', 'evidence'],
        ['w', 'premise'],
        ['o', 'objection'],
      ],
      [linked(['e', 'w'], 'c')],
      [attacks('o', 'w')],
    ),
    expected: { e: 'stands', w: 'defeated', c: 'unsupported', o: 'stands' },
  },
  {
    name: 'undercut: the premise stands but the step is cut, so the claim is unsupported',
    graph: graphOf(
      [
        ['c', 'claim'],
        ['e', 'evidence'],
        ['u', 'objection'],
      ],
      [supports('e', 'c', 'i1')],
      [undercuts('u', 'i1')],
    ),
    expected: { e: 'stands', u: 'stands', c: 'unsupported' },
  },
  {
    name: 'an undercut that is rebutted no longer cuts the step',
    graph: graphOf(
      [
        ['c', 'claim'],
        ['e', 'evidence'],
        ['u', 'objection'],
        ['r', 'rebuttal'],
      ],
      [supports('e', 'c', 'i1')],
      [undercuts('u', 'i1'), attacks('r', 'u')],
    ),
    expected: { e: 'stands', u: 'defeated', r: 'stands', c: 'stands' },
  },
  {
    name: 'a claim whose only evidence is defeated is unsupported',
    graph: graphOf(
      [
        ['t', 'thesis'],
        ['c', 'claim'],
        ['e', 'evidence'],
        ['o', 'objection'],
      ],
      [supports('c', 't'), supports('e', 'c')],
      [attacks('o', 'e')],
    ),
    expected: { e: 'defeated', c: 'unsupported', t: 'unsupported' },
    thesis: 'unsupported',
  },
  {
    name: 'one surviving reason is enough: a claim with a defeated and a standing reason stands',
    graph: graphOf(
      [
        ['c', 'claim'],
        ['e1', 'evidence'],
        ['e2', 'evidence'],
        ['o', 'objection'],
      ],
      [supports('e1', 'c'), supports('e2', 'c')],
      [attacks('o', 'e1')],
    ),
    expected: { e1: 'defeated', e2: 'stands', c: 'stands' },
  },
  {
    name: 'a claim with no reasons at all is unsupported; a premise with none stands',
    graph: graphOf(
      [
        ['c', 'claim'],
        ['p', 'premise'],
      ],
      [],
    ),
    expected: { c: 'unsupported', p: 'stands' },
  },
  {
    name: 'a contested premise makes its conclusion contested, not defeated',
    graph: graphOf(
      [
        ['c', 'claim'],
        ['e', 'evidence'],
        ['a', 'objection'],
        ['b', 'rebuttal'],
      ],
      [supports('e', 'c')],
      [attacks('a', 'e'), attacks('b', 'a'), attacks('a', 'b')],
    ),
    expected: { a: 'contested', b: 'contested', e: 'contested', c: 'contested' },
  },
  {
    name: 'what-if: assuming the evidence is rejected leaves the thesis unsupported',
    graph: graphOf(
      [
        ['t', 'thesis'],
        ['e', 'evidence'],
      ],
      [supports('e', 't')],
    ),
    assume: ['e'],
    expected: { e: 'defeated', t: 'unsupported' },
    thesis: 'unsupported',
  },
  {
    name: 'what-if: assuming an objection is rejected reinstates what it attacked',
    graph: graphOf(
      [
        ['t', 'thesis'],
        ['e', 'evidence'],
        ['o', 'objection'],
      ],
      [supports('e', 't')],
      [attacks('o', 'e')],
    ),
    assume: ['o'],
    expected: { o: 'defeated', e: 'stands', t: 'stands' },
    thesis: 'stands',
  },
];

describe('evaluate', () => {
  test.each(cases)('$name', ({ graph, expected, thesis, assume }) => {
    const result = evaluate(graph, { assumeRejected: assume });
    const statuses = Object.fromEntries(Object.keys(expected).map((id) => [id, result.nodes[id].status]));
    expect(statuses).toEqual(expected);
    if (thesis !== undefined) expect(result.thesis).toBe(thesis);
  });

  test('a long chain of 500 attacks alternates defeated and standing down to the end', () => {
    const n = 500;
    const ids = Array.from({ length: n }, (_, i) => `x${i}`);
    const graph = graphOf(
      ids.map((id) => [id, 'objection'] as [string, 'objection']),
      [],
      ids.slice(1).map((id, i) => attacks(id, ids[i])),
    );
    const result = evaluate(graph);
    // x499 is unattacked, so it stands; x498 is defeated; … ; x0 has the parity of 499.
    expect(result.nodes.x499.status).toBe('stands');
    expect(result.nodes.x498.status).toBe('defeated');
    expect(result.nodes.x0.status).toBe((n - 1) % 2 === 0 ? 'stands' : 'defeated');
  });

  test('a long support chain carries the thesis, and one undercut at the bottom breaks all of it', () => {
    const n = 300;
    const nodes: [string, 'thesis' | 'claim' | 'evidence'][] = [['c0', 'thesis']];
    for (let i = 1; i < n; i++) nodes.push([`c${i}`, 'claim']);
    nodes.push(['e', 'evidence']);
    const infs = [...Array.from({ length: n - 1 }, (_, i) => supports(`c${i + 1}`, `c${i}`)), supports('e', `c${n - 1}`, 'bottom')];
    expect(evaluate(graphOf(nodes, infs)).thesis).toBe('stands');
    const cut = graphOf([...nodes, ['u', 'objection']], infs, [undercuts('u', 'bottom')]);
    expect(evaluate(cut).thesis).toBe('unsupported');
  });

  test('the seeded op-ed: its thesis stands as of the essay (Aug 2009), not today; sample objections defeat what they attack unless rebutted', () => {
    const text = readFileSync(new URL('../../../prisma/seed/negotiate-now.txt', import.meta.url), 'utf8');
    const graph = buildGraphFromSpec(negotiateNowSpec, text, ANALYST);
    const result = evaluate(graph);
    // Judged with what was known when it was published (prisma/seed/index.ts: 2009-08), the case holds;
    // the sample objections dated later (the 2010 and 2012 events) leave it unsupported today.
    expect(evaluate(graph, { asOf: '2009-08' }).thesis).toBe('stands');
    expect(result.thesis).toBe('unsupported');
    for (const c of graph.conflicts) {
      const attacker = result.nodes[c.attacker];
      const rebutted = graph.conflicts.some((other) => 'node' in other.target && other.target.node === c.attacker);
      if (!rebutted) expect(attacker.status).toBe('stands');
      if ('node' in c.target && attacker.status === 'stands') expect(result.nodes[c.target.node].status).toBe('defeated');
    }
  });
});

describe('explainStatus', () => {
  const graph = graphOf(
    [
      ['t', 'thesis'],
      ['e', 'evidence'],
      ['o', 'objection'],
    ],
    [supports('e', 't', 'i1')],
    [attacks('o', 'e')],
  );
  const text = (id: string) => graph.nodes.find((n) => n.id === id)!.text;
  const result = evaluate(graph);

  test.each([
    ['e', /^Defeated by “objection o”, which nothing answers\.$/],
    ['t', /^Unsupported: none of its reasons carries it \(“evidence e” does not stand\)\.$/],
    ['o', /^Stands\. Nothing attacks it\.$/],
  ])('%s', (id, pattern) => {
    expect(explainStatus(graph, result, id, text)).toMatch(pattern);
  });

  test('an assumed rejection says so', () => {
    const assumed = evaluate(graph, { assumeRejected: ['o'] });
    expect(explainStatus(graph, assumed, 'o', text)).toMatch(/assuming this is rejected/);
  });
});
