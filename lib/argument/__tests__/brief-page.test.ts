import { describe, expect, test } from 'vitest';
import { BRIEF_PAGE_POINTS_MAX, BRIEF_STOCK_LIST_MAX, briefPage, buildBrief, type BriefInput, type BriefStockIssues, type CasePoint } from '../brief';
import { evaluate } from '../evaluation';
import type { ArgumentGraph } from '../model';
import { attackChain, chain, ladder, star } from './shapes';

/** A thesis with `width` reasons, and one objection attacking every one of them. */
function oneAttacksMany(width: number): ArgumentGraph {
  const graph = star(width);
  const thesis = graph.nodes[0].id;
  const reasons = graph.nodes.filter((n) => n.id !== thesis);
  graph.nodes.push({ ...reasons[0], id: 'objection', kind: 'objection', text: 'One objection to every reason.' });
  for (const r of reasons) graph.conflicts.push({ id: `c-${r.id}`, attacker: 'objection', target: { node: r.id } });
  return graph;
}

function viewOf(graph: ArgumentGraph): BriefInput {
  const evaluation = evaluate(graph);
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, status: evaluation.nodes[n.id].status })), ratings: {} };
}

function count(points: CasePoint[]): number {
  let n = 0;
  const stack = [...points];
  while (stack.length > 0) {
    const point = stack.pop()!;
    n += 1 + point.attacks.length;
    stack.push(...point.support);
  }
  return n;
}

/** Every entry the page can draw: the case and its continuation (with what each point attacks), matrix rows with their targets and answers, mixed points. */
const pointsOf = (brief: ReturnType<typeof buildBrief>) =>
  count(brief.case) + count(brief.continued) + brief.matrix.reduce((n, row) => n + 1 + row.targets.length + row.responses.length, 0) + brief.mixed.length;

describe('the brief page draws at most BRIEF_PAGE_POINTS_MAX points and counts the rest', () => {
  test.each([
    ['a 5,000-long chain', chain(5000), 'affirmative'],
    ['a star of 5,000 reasons', star(5000), 'affirmative'],
    ['a 5,000-long chain of attacks', attackChain(5000), 'negative'],
    ['a 200-level ladder', ladder(200), 'affirmative'],
    ['one objection attacking 2,000 points', oneAttacksMany(2000), 'negative'],
    ['one objection attacking 2,000 points, read by its target side', oneAttacksMany(2000), 'affirmative'],
  ] as const)('%s', (_, graph, side) => {
    const whole = buildBrief(viewOf(graph), side);
    const { brief, omitted } = briefPage(whole);
    expect(pointsOf(brief)).toBeLessThanOrEqual(BRIEF_PAGE_POINTS_MAX);
    expect(pointsOf(brief) + omitted).toBe(pointsOf(whole));
    expect(omitted).toBeGreaterThan(0);
  });

  test('a brief within the limit is drawn whole', () => {
    const whole = buildBrief(viewOf(star(50)), 'affirmative');
    const { brief, omitted } = briefPage(whole);
    expect(omitted).toBe(0);
    expect(brief).toEqual(whole);
  });
});

describe('the stock issues on the page', () => {
  /** A policy thesis whose one step has `width` premises tagged harm, each attacked by its own objection. */
  function policyStar(width: number): ArgumentGraph {
    const base = { quote: null, implicit: false, author: 'Test', position: null, version: 1 };
    const graph: ArgumentGraph = { nodes: [{ ...base, id: 't', kind: 'thesis', text: 'Adopt the plan.', proposal: true }], inferences: [], conflicts: [] };
    const premises: string[] = [];
    for (let i = 0; i < width; i++) {
      graph.nodes.push(
        { ...base, id: `h${i}`, kind: 'premise', text: `Harm ${i}.`, stockIssue: 'harm' },
        { ...base, id: `o${i}`, kind: 'objection', text: `Not so ${i}.` },
      );
      graph.conflicts.push({ id: `c${i}`, attacker: `o${i}`, target: { node: `h${i}` } });
      premises.push(`h${i}`);
    }
    graph.inferences.push({ id: 'case', conclusion: 't', premises, scheme: null });
    return graph;
  }
  const stockSize = (s: BriefStockIssues | null) =>
    s ? s.stepAttacks.length + [...s.affirmative, ...s.negative].reduce((n, i) => n + i.points.length + i.attacks.length + i.elsewhere.length, 0) : 0;

  test(`each list shows at most ${BRIEF_STOCK_LIST_MAX}, first on the page; the rest are counted`, () => {
    const whole = buildBrief(viewOf(policyStar(300)), 'negative');
    expect(whole.stockIssues!.affirmative[0].points).toHaveLength(300);
    const { brief, omitted } = briefPage(whole);
    const harm = brief.stockIssues!.affirmative[0];
    expect([harm.points.length, harm.attacks.length]).toEqual([BRIEF_STOCK_LIST_MAX, BRIEF_STOCK_LIST_MAX]);
    expect(pointsOf(brief) + stockSize(brief.stockIssues)).toBeLessThanOrEqual(BRIEF_PAGE_POINTS_MAX);
    expect(pointsOf(brief) + stockSize(brief.stockIssues) + omitted).toBe(pointsOf(whole) + stockSize(whole.stockIssues));
  });
});
