import { describe, expect, test } from 'vitest';
import { currentMonth, monthLabel, setAsideAfter } from '../as-of';
import { evaluate, explainStatus } from '../evaluation';
import { questionsForInference, unansweredQuestions } from '../questions';
import type { ArgNode, ArgumentGraph } from '../model';

const node = (id: string, kind: ArgNode['kind'], asOf: string | null = null): ArgNode => ({
  id,
  kind,
  text: id,
  quote: null,
  implicit: false,
  author: 'T',
  position: null,
  version: 1,
  asOf,
});

/** T ← C ← E; O (2010) attacks C; R (2009) rebuts O; U (2011) undercuts the step E → C. */
const graph: ArgumentGraph = {
  nodes: [
    node('T', 'thesis'),
    node('C', 'claim'),
    node('E', 'evidence'),
    node('O', 'objection', '2010-03'),
    node('R', 'rebuttal', '2009-06'),
    node('U', 'objection', '2011-01'),
    node('L', 'evidence', '2012-05'),
  ],
  inferences: [
    { id: 'i1', conclusion: 'T', premises: ['C'], scheme: null },
    { id: 'i2', conclusion: 'C', premises: ['E'], scheme: null },
    { id: 'i3', conclusion: 'O', premises: ['L'], scheme: null },
  ],
  conflicts: [
    { id: 'k1', attacker: 'O', target: { node: 'C' } },
    { id: 'k2', attacker: 'R', target: { node: 'O' } },
    { id: 'k3', attacker: 'U', target: { inference: 'i2' } },
  ],
};

describe('judging as of a month', () => {
  test('without a month nothing is set aside, and the evaluation says so', () => {
    expect(setAsideAfter(graph, null).later).toEqual([]);
    expect(evaluate(graph).asOf).toBeNull();
    // Today: U undercuts the only step into C, so C and with it T are unsupported.
    expect(evaluate(graph).thesis).toBe('unsupported');
  });

  test('points dated after the month are set aside with the steps they are in and the attacks they make or take', () => {
    const aside = setAsideAfter(graph, '2010-12');
    expect(aside.later.sort()).toEqual(['L', 'U']);
    expect(aside.laterInferences).toEqual(['i3']);
    expect(aside.graph.conflicts.map((c) => c.id)).toEqual(['k1', 'k2']);
    const ev = evaluate(graph, { asOf: '2010-12' });
    expect(ev.asOf).toBe('2010-12');
    expect(ev.nodes.U.status).toBe('later');
    expect(ev.nodes.L.status).toBe('later');
    expect(ev.inferences.i3.carries).toBeNull();
    // O stands on nothing it needs (an objection is asserted), R rebuts it, C stands.
    expect(ev.nodes.O.status).toBe('defeated');
    expect(ev.thesis).toBe('stands');
  });

  test('the month itself counts: a point dated in it is known then', () => {
    expect(evaluate(graph, { asOf: '2009-06' }).nodes.R.status).toBe('stands');
    expect(evaluate(graph, { asOf: '2009-05' }).nodes.R.status).toBe('later');
  });

  test('a later point explains itself with both months', () => {
    const ev = evaluate(graph, { asOf: '2009-08' });
    expect(explainStatus(graph, ev, 'O', (id) => id)).toBe('Later: it relies on facts known in Mar 2010, after Aug 2009; set aside in this judgement.');
  });

  test('explanations judged as of a month count and blame only what was known then', () => {
    // d is attacked by o2 (2009) and by o3 (2012); o2's only answer r2 is from 2012.
    const g: ArgumentGraph = {
      nodes: [
        node('t', 'thesis'),
        node('d', 'premise'),
        node('o2', 'objection', '2009-01'),
        node('o3', 'objection', '2012-01'),
        node('r2', 'rebuttal', '2012-02'),
        node('c', 'claim'),
        node('ev', 'evidence', '2012-05'),
      ],
      inferences: [
        { id: 'i', conclusion: 't', premises: ['d'], scheme: null },
        { id: 'j', conclusion: 'c', premises: ['ev'], scheme: null },
      ],
      conflicts: [
        { id: 'k2', attacker: 'o2', target: { node: 'd' } },
        { id: 'k3', attacker: 'o3', target: { node: 'd' } },
        { id: 'kr', attacker: 'r2', target: { node: 'o2' } },
      ],
    };
    const then = evaluate(g, { asOf: '2009-08' });
    expect(explainStatus(g, then, 'd', (id) => id)).toBe('Defeated by “o2”, which nothing answers.');
    expect(explainStatus(g, then, 'c', (id) => id)).toBe('Unsupported as of Aug 2009: its reasons rest on facts known only later, and are set aside.');
    const today = evaluate(g);
    expect(explainStatus(g, today, 'o2', (id) => id)).toBe('Defeated by “r2”, which nothing answers.');
    expect(explainStatus(g, today, 'c', (id) => id)).toMatch(/^Stands\. Nothing attacks it\./);
    // r2 answered o2 today, so d stands only if o3 does not: o3 stands, d is defeated by it.
    expect(today.nodes.d.defeatedBy).toEqual(['o3']);
  });

  test('a critical question raised only by a later objection is open as of an earlier month', () => {
    const g: ArgumentGraph = {
      nodes: [node('c', 'claim'), node('e', 'evidence'), node('o', 'objection', '2010-05')],
      inferences: [{ id: 'i', conclusion: 'c', premises: ['e'], scheme: 'sign' }],
      conflicts: [{ id: 'k', attacker: 'o', target: { node: 'e' }, question: 'sign.cq1' }],
    };
    const state = (asOf: string | null) => questionsForInference(g, evaluate(g, { asOf }), 'i').find((q) => q.id === 'sign.cq1');
    expect(state(null)).toMatchObject({ state: 'raised', raisedBy: ['o'], raisedCount: 1 });
    expect(state('2009-08')).toMatchObject({ state: 'open', raisedBy: [], raisedCount: 0 });
  });

  test('a step set aside as later asks no question then', () => {
    const g: ArgumentGraph = {
      nodes: [node('c', 'claim'), node('e', 'evidence', '2012-01')],
      inferences: [{ id: 'i', conclusion: 'c', premises: ['e'], scheme: 'sign' }],
      conflicts: [],
    };
    expect(unansweredQuestions(g, evaluate(g)).length).toBeGreaterThan(0);
    expect(unansweredQuestions(g, evaluate(g, { asOf: '2009-08' }))).toEqual([]);
  });

  test('what-if and as-of combine: a set-aside point assumed rejected stays set aside', () => {
    const ev = evaluate(graph, { asOf: '2009-08', assumeRejected: ['O', 'E'] });
    expect(ev.nodes.O.status).toBe('later');
    expect(ev.nodes.E.status).toBe('defeated');
    expect(ev.thesis).toBe('unsupported');
  });

  test('setting aside is linear: 20,000 dated attackers in one pass', () => {
    const n = 20_000;
    const big: ArgumentGraph = {
      nodes: [node('T', 'thesis'), node('P', 'premise'), ...Array.from({ length: n }, (_, i) => node(`o${i}`, 'objection', i % 2 ? '2010-01' : '2009-01'))],
      inferences: [{ id: 'i', conclusion: 'T', premises: ['P'], scheme: null }],
      conflicts: Array.from({ length: n }, (_, i) => ({ id: `k${i}`, attacker: `o${i}`, target: { node: 'P' } })),
    };
    const ev = evaluate(big, { asOf: '2009-08' });
    expect(Object.values(ev.nodes).filter((e) => e.status === 'later')).toHaveLength(n / 2);
    expect(ev.nodes.P.defeatedBy).toHaveLength(n / 2);
  });

  test('months read as people write them', () => {
    expect(monthLabel('2009-08')).toBe('Aug 2009');
    expect(monthLabel('nonsense')).toBe('nonsense');
    expect(currentMonth(new Date('2026-12-05T01:00:00Z'))).toBe('2026-12');
  });
});
