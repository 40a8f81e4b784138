import { describe, expect, test } from 'vitest';
import { BRIEF_CASE_DEPTH_MAX, BRIEF_TOGETHER_LIMIT, briefToMarkdown, buildBrief, type BriefInput, type CasePoint } from '../brief';
import { connectableNodes, connectionProblem } from '../connect';
import { evaluate, explainStatus, STATUSES } from '../evaluation';
import { authorsOf, EMPTY_FILTER, matchingNodes } from '../filter';
import { findGaps } from '../gaps';
import { dependentsOf, nodesReaching } from '../graph';
import { graphBefore, type HistoryEvent } from '../history';
import { buildLayoutGraph } from '../layout';
import type { ArgumentGraph } from '../model';
import { allRows, ancestorKeys, buildOutline, homeRowKey, visibleRows } from '../outline';
import { RAISED_BY_LIMIT, unansweredQuestions } from '../questions';
import { attackChain, chain, cycle, duplicates, ladder, manyRoots, sizeOf, star } from './shapes';

/**
 * Every function of the pure core must be linear (or n·log n) in the map for any shape: a ladder
 * has 2^levels paths, a chain is thousands deep, a star thousands wide. These tests assert on sizes
 * and structure (a function that walked paths or recursed per level would blow up or overflow the
 * stack long before an assertion); the one time bound is for work that took minutes before.
 */

/** The shapes each function is run against, at sizes that break path enumeration, recursion and per-step copies. */
const SHAPES: [string, ArgumentGraph][] = [
  ['a ladder of 18 levels', ladder(18)],
  ['a ladder of 200 levels', ladder(200, 'example')],
  ['a chain of 5,000 claims', chain(5000)],
  ['a chain of 5,000 attacks', attackChain(5000)],
  ['a star of 2 × 2,500 points', star(2500)],
  ['5,000 points, half of them loose', manyRoots(5000)],
  ['a support cycle of 5,000 claims', cycle(5000)],
  ['2,000 duplicate steps and a step of 2,000 premises', duplicates(2000)],
];

function viewOf(graph: ArgumentGraph): BriefInput {
  const evaluation = evaluate(graph);
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, status: evaluation.nodes[n.id].status })), ratings: {} };
}

/** Every case entry of a brief (the top-level ones and their support, at any depth), without recursion. */
function entriesOf(points: CasePoint[]): { count: number; depth: number; references: number } {
  let count = 0;
  let depth = 0;
  let references = 0;
  const stack: [CasePoint, number][] = points.map((p) => [p, 1]);
  while (stack.length > 0) {
    const [p, level] = stack.pop()!;
    count += 1;
    references += p.together.length + p.attacks.length;
    depth = Math.max(depth, level);
    for (const s of p.support) stack.push([s, level + 1]);
  }
  return { count, depth, references };
}

const META = { mapTitle: 'Shapes', document: { title: 'T', author: '', source: '' }, date: new Date('2026-03-01T00:00:00Z') };

describe('buildBrief and briefToMarkdown are linear in the map', () => {
  test.each(SHAPES)('%s', (_name, graph) => {
    const size = sizeOf(graph);
    for (const side of ['affirmative', 'negative'] as const) {
      const brief = buildBrief(viewOf(graph), side);
      const all = entriesOf([...brief.case, ...brief.continued]);
      // One entry per premise slot (a point in full once, then as a reference) and per attacker.
      expect(all.count).toBeLessThanOrEqual(size);
      expect(all.references).toBeLessThanOrEqual(BRIEF_TOGETHER_LIMIT * size);
      expect(all.depth).toBeLessThanOrEqual(BRIEF_CASE_DEPTH_MAX);
      // Each point is listed in full at most once.
      const full = new Map<string, number>();
      const stack = [...brief.case, ...brief.continued];
      while (stack.length > 0) {
        const p = stack.pop()!;
        if (!p.repeat && !p.continued) full.set(p.id, (full.get(p.id) ?? 0) + 1);
        stack.push(...p.support);
      }
      expect(Math.max(0, ...full.values())).toBeLessThanOrEqual(1);
      const json = JSON.stringify(brief);
      const markdown = briefToMarkdown(brief, META);
      // A few hundred bytes per entry and per point it names beside it (at most BRIEF_TOGETHER_LIMIT).
      expect(json.length).toBeLessThan(300 * (1 + BRIEF_TOGETHER_LIMIT) * size);
      expect(markdown.length).toBeLessThan(100 * (1 + BRIEF_TOGETHER_LIMIT) * size);
    }
  });

  test('the 18-level ladder lists each of its 37 points in full once, and the rest as references', () => {
    const brief = buildBrief(viewOf(ladder(18)), 'affirmative');
    const ids = new Set<string>();
    const stack = [...brief.case, ...brief.continued];
    let repeats = 0;
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (p.repeat) repeats += 1;
      else ids.add(p.id);
      stack.push(...p.support);
    }
    expect(ids.size).toBe(36);
    expect(repeats).toBe(ladder(18).inferences.length - 36);
    expect(briefToMarkdown(brief, META)).toContain('see above');
  });

  test('a chain of 5,000 claims stops at the depth limit and continues, listing every claim once', () => {
    const brief = buildBrief(viewOf(chain(5000)), 'affirmative');
    const all = entriesOf([...brief.case, ...brief.continued]);
    expect(all.count).toBe(5000 + brief.continued.length);
    expect(brief.continued.length).toBe(Math.ceil(5000 / (BRIEF_CASE_DEPTH_MAX - 1)) - 1);
    expect(briefToMarkdown(brief, META)).toContain('### Reasons continued');
  });
});

describe('dependentsOf and nodesReaching are linear in the map', () => {
  test('deleting one point of a 5,000-point map with 2,500 roots', () => {
    const graph = manyRoots(5000);
    const started = performance.now();
    expect(dependentsOf(graph, 'n2')).toEqual([]);
    // 234 s before (one search per root, each rebuilding the index by copying lists).
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test.each(SHAPES)('%s', (_name, graph) => {
    expect(nodesReaching(graph, 't').size).toBeLessThanOrEqual(graph.nodes.length);
    const under = graph.nodes[1].id;
    expect(dependentsOf(graph, under).length).toBeLessThan(graph.nodes.length);
  });

  test('deleting the top of a 5,000-long chain takes the whole chain', () => {
    expect(dependentsOf(chain(5000), 'c0')).toHaveLength(4999);
  });
});

describe('the other functions of the core are linear in the map', () => {
  test.each(SHAPES)('evaluate and explainStatus: %s', (_name, graph) => {
    const evaluation = evaluate(graph);
    expect(Object.keys(evaluation.nodes)).toHaveLength(graph.nodes.length);
    for (const n of graph.nodes) expect(STATUSES).toContain(evaluation.nodes[n.id].status);
    for (const n of graph.nodes) expect(explainStatus(graph, evaluation, n.id, (id) => id)).not.toBe('');
  });

  test('evaluate settles long chains of support and of attack', () => {
    expect(new Set(Object.values(evaluate(chain(5000)).nodes).map((n) => n.status))).toEqual(new Set(['stands']));
    const attacked = evaluate(attackChain(5000)).nodes;
    // The last rebuttal stands, so the points alternate up the chain: x4998 is defeated, x4997 stands, …, x0 is defeated.
    expect([attacked.x4999.status, attacked.x4998.status, attacked.x1.status, attacked.x0.status, attacked.c.status]).toEqual([
      'stands',
      'defeated',
      'stands',
      'defeated',
      'stands',
    ]);
    expect(new Set(Object.values(evaluate(cycle(5000)).nodes).map((n) => n.status))).toEqual(new Set(['contested']));
  });

  test.each(SHAPES)('buildOutline, visibleRows, homeRowKey and ancestorKeys: %s', (_name, graph) => {
    const rows = buildOutline(graph);
    const every = allRows(rows);
    // One row per point at the top or in the loose group, per premise slot, per step and per conflict.
    expect(every.length).toBeLessThanOrEqual(sizeOf(graph) + graph.inferences.length + 1);
    expect(new Set(every.map((r) => r.key)).size).toBe(every.length);
    // Keys do not spell out the path to the row: their total length grows with the rows, not with rows × depth.
    expect(every.reduce((sum, r) => sum + r.key.length, 0)).toBeLessThan(64 * every.length);
    expect(visibleRows(rows, () => true)).toHaveLength(every.length);
    const deepest = every.reduce((a, b) => (b.depth > a.depth ? b : a));
    expect(ancestorKeys(rows, deepest.key)).toHaveLength(deepest.depth - 1);
    expect(homeRowKey(rows, { type: 'node', id: graph.nodes[graph.nodes.length - 1].id })).not.toBeNull();
  });

  test.each(SHAPES)('findGaps: %s', (_name, graph) => {
    const gaps = findGaps(graph, evaluate(graph), '');
    expect(gaps.unwarranted.length).toBeLessThanOrEqual(graph.inferences.length);
    expect(gaps.unevidenced.length + gaps.unanswered.length).toBeLessThanOrEqual(graph.nodes.length);
  });

  test.each(SHAPES)('unansweredQuestions: %s', (_name, graph) => {
    const questions = unansweredQuestions(graph, evaluate(graph));
    expect(questions.length).toBeLessThanOrEqual(10 * graph.inferences.length);
    for (const q of questions) expect(q.raisedBy.length).toBeLessThanOrEqual(Math.min(RAISED_BY_LIMIT, q.raisedCount));
  });

  test('a point that is a premise of 2,000 steps, attacked 2,000 times with one question, names at most a few raisers per step', () => {
    const graph = star(2000);
    for (let i = 0; i < 2000; i++) graph.inferences.push({ id: `again${i}`, conclusion: `o${i}`, premises: ['e1'], scheme: 'example' });
    for (let i = 0; i < 2000; i++) graph.conflicts.push({ id: `q${i}`, attacker: `o${(2 * i + 1) % 2000}`, target: { node: 'e1' }, question: 'example.cq1' });
    const raised = unansweredQuestions(graph, evaluate(graph)).filter((q) => q.inferenceId.startsWith('again') && q.question.id === 'cq1');
    expect(raised).toHaveLength(2000);
    for (const q of raised) expect([q.raisedBy.length, q.raisedCount]).toEqual([RAISED_BY_LIMIT, 2001]);
  });

  test.each(SHAPES)('matchingNodes with every author selected: %s', (_name, graph) => {
    const kept = matchingNodes(graph, () => 'stands', { ...EMPTY_FILTER, authors: authorsOf(graph), query: 'claim' });
    expect(kept!.size).toBe(graph.nodes.filter((n) => n.text.includes('claim')).length);
  });

  test.each(SHAPES)('graphBefore undoes one event per point: %s', (_name, graph) => {
    const events: HistoryEvent[] = graph.nodes.map((n, i) => ({ id: i + 1, type: 'node.created' as const, actor: '', at: '', data: { node: n, edge: null } }));
    expect(graphBefore(graph, events)).toEqual({ nodes: [], inferences: [], conflicts: [] });
  });

  test.each(SHAPES)('buildLayoutGraph: %s', (_name, graph) => {
    const layout = buildLayoutGraph(graph, new Map());
    expect(layout.edges.length).toBeLessThanOrEqual(sizeOf(graph) + graph.inferences.length);
    expect(layout.children.length).toBeLessThanOrEqual(graph.nodes.length + graph.inferences.length);
  });

  test.each(SHAPES)('connectableNodes from the deepest point: %s', (_name, graph) => {
    const from = graph.nodes[graph.nodes.length - 1].id;
    for (const relation of ['supports', 'attacks'] as const) {
      expect(connectableNodes(graph, from, relation).length).toBeLessThan(graph.nodes.length);
    }
  });

  test.each<[string, ArgumentGraph]>([
    ['a ladder', ladder(4)],
    ['a chain', chain(12)],
    ['a chain of attacks', attackChain(6)],
    ['a star', star(6)],
    ['loose points', manyRoots(12)],
    ['a cycle', cycle(8)],
    ['duplicates', duplicates(4)],
  ])('connectableNodes agrees with connectionProblem on %s', (_name, graph) => {
    for (const from of graph.nodes) {
      for (const relation of ['supports', 'attacks'] as const) {
        const oneByOne = graph.nodes.filter((n) => n.id !== from.id && connectionProblem(graph, from.id, n.id, relation) === null).map((n) => n.id);
        expect(connectableNodes(graph, from.id, relation).map((n) => n.id)).toEqual(oneByOne);
      }
    }
  });
});
