import { describe, expect, test } from 'vitest';
import { BRIEF_CASE_DEPTH_MAX, BRIEF_TOGETHER_LIMIT, briefToMarkdown, buildBrief, type BriefInput, type CasePoint } from '../brief';
import { evaluate } from '../evaluation';
import { dependentsOf, nodesReaching } from '../graph';
import type { ArgumentGraph } from '../model';
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
