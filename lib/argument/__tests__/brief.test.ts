import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ANALYST, negotiateNowSpec } from '../../../prisma/seed/negotiate-now';
import {
  assignSides,
  BRIEF_QUESTION_LIMIT,
  briefToMarkdown,
  buildBrief,
  groupByPoint,
  issueTone,
  type Side,
  type BriefInput,
  type BriefMeta,
  type CasePoint,
  type SideMark,
} from '../brief';
import type { Rating } from '../discussion';
import { evaluate } from '../evaluation';
import { buildGraphFromSpec } from '../map-spec';
import type { ArgumentGraph, NodeKind, StockIssue } from '../model';
import { LOST_ISSUE_RULE } from '../stock-issues';
import { attacks, graphOf, linked, supports, undercuts } from './fixtures';

/** A map view of `graph`: every node with the status the evaluation (as of `asOf`, when given) gives it, and the given ratings. */
function viewOf(graph: ArgumentGraph, ratings: Record<string, Rating> = {}, asOf: string | null = null): BriefInput {
  const evaluation = evaluate(graph, { asOf });
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, status: evaluation.nodes[n.id].status })), ratings, evaluation: { asOf } };
}

const ids = (points: { id: string }[]) => points.map((p) => p.id);

const META: BriefMeta = {
  mapTitle: 'Negotiate now?',
  document: { title: 'The Time is Now', author: 'Haeyoung Kim', source: 'Korea Policy Institute, 2009' },
  date: new Date('2026-03-01T10:00:00Z'),
};

describe('assignSides', () => {
  const t: [string, NodeKind] = ['t', 'thesis'];
  test.each<[string, ArgumentGraph, Record<string, SideMark | undefined>]>([
    ['a reason has the thesis’s side', graphOf([t, ['c', 'claim']], [supports('c', 't')]), { t: 'affirmative', c: 'affirmative' }],
    [
      'an objection takes the opposite side, and its rebuttal ours again (reinstatement of sides)',
      graphOf([t, ['c', 'claim'], ['o', 'objection'], ['r', 'rebuttal']], [supports('c', 't')], [attacks('o', 'c'), attacks('r', 'o')]),
      { c: 'affirmative', o: 'negative', r: 'affirmative' },
    ],
    [
      'an undercut of a step into X is against X',
      graphOf([t, ['c', 'claim'], ['u', 'objection']], [supports('c', 't', 'i1')], [undercuts('u', 'i1')]),
      { c: 'affirmative', u: 'negative' },
    ],
    [
      'evidence for an objection is on the objection’s side',
      graphOf([t, ['o', 'objection'], ['e', 'evidence']], [supports('e', 'o')], [attacks('o', 't')]),
      { o: 'negative', e: 'negative' },
    ],
    [
      'an undercut of the negative’s own step is affirmative',
      graphOf([t, ['o', 'objection'], ['e', 'evidence'], ['u', 'objection']], [supports('e', 'o', 'i1')], [attacks('o', 't'), undercuts('u', 'i1')]),
      { o: 'negative', e: 'negative', u: 'affirmative' },
    ],
    [
      'a node with no chain to the thesis has no side, nor does what hangs from it',
      graphOf([t, ['x', 'claim'], ['y', 'evidence'], ['z', 'objection']], [supports('y', 'x')], [attacks('z', 'x')]),
      { t: 'affirmative', x: undefined, y: undefined, z: undefined },
    ],
    [
      'a node reached with both polarities is mixed, and so is what holds it up',
      graphOf(
        [t, ['c', 'claim'], ['c2', 'claim'], ['o', 'objection'], ['e', 'evidence'], ['f', 'evidence']],
        [supports('c', 't'), supports('c2', 't'), supports('e', 'c'), supports('e', 'o'), supports('f', 'e')],
        [attacks('o', 'c2')],
      ),
      { c: 'affirmative', c2: 'affirmative', o: 'negative', e: 'mixed', f: 'mixed' },
    ],
    [
      'no thesis: nobody has a side',
      graphOf(
        [
          ['c', 'claim'],
          ['o', 'objection'],
        ],
        [],
        [attacks('o', 'c')],
      ),
      { c: undefined, o: undefined },
    ],
  ])('%s', (_name, graph, expected) => {
    const sides = assignSides(graph);
    for (const [id, side] of Object.entries(expected)) expect(sides.get(id), id).toBe(side);
  });
});

describe('buildBrief: case outline', () => {
  // c1 is defeated (a standing objection), c2 stands, c3 is unsupported (a claim with no reason),
  // c4 is contested (its attacker sits in a two-cycle).
  const graph = graphOf(
    [
      ['t', 'thesis'],
      ['c1', 'claim'],
      ['c2', 'claim'],
      ['c3', 'claim'],
      ['c4', 'claim'],
      ['e1', 'evidence'],
      ['e2', 'evidence'],
      ['e4', 'evidence'],
      ['o1', 'objection'],
      ['x', 'objection'],
      ['y', 'rebuttal'],
    ],
    [supports('c1', 't'), supports('c2', 't'), supports('c3', 't'), supports('c4', 't'), supports('e1', 'c1'), supports('e2', 'c2'), supports('e4', 'c4')],
    [attacks('o1', 'c1'), attacks('x', 'c4'), attacks('y', 'x'), attacks('x', 'y')],
  );

  test.each<[string, Record<string, Rating>, string[]]>([
    ['by status: stands, contested, unsupported, defeated', {}, ['c2', 'c4', 'c3', 'c1']],
    // Votes never lift a point above a stronger status…
    ['votes do not outrank status', { c1: { average: 4, count: 9 }, c3: { average: 4, count: 9 } }, ['c2', 'c4', 'c3', 'c1']],
  ])('%s', (_name, ratings, expected) => {
    expect(ids(buildBrief(viewOf(graph, ratings), 'affirmative').case)).toEqual(expected);
  });

  test.each<[string, Record<string, Rating>, string[]]>([
    ['no votes: map order', {}, ['a', 'b', 'c']],
    ['higher average first', { c: { average: 3.5, count: 2 }, b: { average: 2, count: 1 } }, ['c', 'b', 'a']],
    ['equal averages: more votes first', { a: { average: 3, count: 1 }, b: { average: 3, count: 4 } }, ['b', 'a', 'c']],
  ])('among points of one status, the crowd’s rating orders them: %s', (_name, ratings, expected) => {
    const g = graphOf(
      [
        ['t', 'thesis'],
        ['a', 'evidence'],
        ['b', 'evidence'],
        ['c', 'evidence'],
      ],
      [supports('a', 't'), supports('b', 't'), supports('c', 't')],
    );
    const brief = buildBrief(viewOf(g, ratings), 'affirmative');
    expect(ids(brief.case)).toEqual(expected);
    expect(brief.case.find((p) => p.id === 'c')!.rating).toEqual(ratings.c ?? { average: 0, count: 0 });
  });

  test('each reason carries its evidence, its quote and the unstated premise it needs', () => {
    const g = graphOf(
      [
        ['t', 'thesis'],
        ['c', 'claim'],
        ['w', 'premise'],
        ['e', 'evidence'],
      ],
      [
        { ...linked(['c', 'w'], 't'), scheme: 'practical-reasoning' },
        { ...supports('e', 'c'), scheme: 'example' },
      ],
    );
    g.nodes.find((n) => n.id === 'w')!.implicit = true;
    g.nodes.find((n) => n.id === 'e')!.quote = { start: 0, end: 5, text: 'Words' };
    const [reason, ...rest] = buildBrief(viewOf(g), 'affirmative').case;
    // The warrant is not a reason of its own: it is shown with the point it completes.
    expect(rest).toEqual([]);
    expect(reason.id).toBe('c');
    expect(reason.scheme).toBe('Practical reasoning (from goal to action)');
    expect(ids(reason.together)).toEqual(['w']);
    expect(reason.support.map((s) => [s.id, s.quote, s.scheme])).toEqual([['e', 'Words', 'Argument from example']]);
  });

  test('the negative’s case: the points against the affirmative’s, strongest first, with their support and targets', () => {
    const g = graphOf(
      [
        ['t', 'thesis'],
        ['c', 'claim'],
        ['e', 'evidence'],
        ['weak', 'objection'],
        ['strong', 'objection'],
        ['s', 'evidence'],
        ['r', 'rebuttal'],
        ['u', 'objection'],
      ],
      [supports('c', 't', 'i-c'), supports('e', 'c'), supports('s', 'strong')],
      [attacks('weak', 'c'), attacks('strong', 'e'), attacks('r', 'weak'), undercuts('u', 'i-c')],
    );
    const brief = buildBrief(viewOf(g), 'negative');
    // `weak` is defeated by the rebuttal, so it comes last; the rebuttal is the affirmative's, not ours.
    expect(ids(brief.case)).toEqual(['strong', 'u', 'weak']);
    const [strong, undercut] = brief.case;
    expect(ids(strong.support)).toEqual(['s']);
    expect(strong.attacks.map((a) => [a.point.id, a.undercut])).toEqual([['e', false]]);
    expect(undercut.attacks.map((a) => [a.point.id, a.undercut])).toEqual([['t', true]]);
  });

  test('a map without a thesis gives an empty brief that says so', () => {
    const brief = buildBrief(viewOf(graphOf([['c', 'claim']], [])), 'affirmative');
    expect(brief).toMatchObject({ thesis: null, case: [], matrix: [], mixed: [] });
    expect(briefToMarkdown(brief, META)).toContain('This map has no thesis yet');
  });

  test('a support cycle does not loop', () => {
    const g = graphOf(
      [
        ['t', 'thesis'],
        ['a', 'claim'],
        ['b', 'claim'],
      ],
      [supports('a', 't'), supports('b', 'a'), supports('a', 'b')],
    );
    const depth = (p: CasePoint): number => 1 + Math.max(0, ...p.support.map(depth));
    expect(depth(buildBrief(viewOf(g), 'affirmative').case[0])).toBe(2);
  });
});

describe('buildBrief: rebuttal matrix', () => {
  const graph = graphOf(
    [
      ['t', 'thesis'],
      ['c', 'claim'],
      ['d', 'claim'],
      ['e', 'evidence'],
      ['answered', 'objection'],
      ['open', 'objection'],
      ['r', 'rebuttal'],
      ['u', 'objection'],
    ],
    [supports('c', 't', 'i-c'), supports('d', 't'), supports('e', 'c'), supports('e', 'd')],
    [attacks('answered', 'c'), attacks('r', 'answered'), attacks('open', 'd'), undercuts('u', 'i-c')],
  );

  test('affirmative: every negative point that attacks ours, unanswered first, with our responses', () => {
    const { matrix } = buildBrief(viewOf(graph), 'affirmative');
    expect(matrix.map((row) => [row.opposing.id, row.answered, ids(row.responses)])).toEqual([
      ['open', false, []],
      ['u', false, []],
      ['answered', true, ['r']],
    ]);
    expect(matrix[1].targets).toEqual([expect.objectContaining({ undercut: true, point: expect.objectContaining({ id: 't' }) })]);
  });

  test('negative: the affirmative’s rebuttals are the opposing points', () => {
    const { matrix } = buildBrief(viewOf(graph), 'negative');
    expect(matrix.map((row) => [row.opposing.id, ids(row.targets.map((t) => t.point)), row.answered])).toEqual([['r', ['answered'], false]]);
  });

  test('a counter-rebuttal answers the rebuttal on the negative’s matrix', () => {
    const g = { ...graph, nodes: [...graph.nodes, ...graphOf([['rr', 'rebuttal']], []).nodes], conflicts: [...graph.conflicts, attacks('rr', 'r')] };
    const { matrix } = buildBrief(viewOf(g), 'negative');
    expect(matrix.map((row) => [row.opposing.id, ids(row.responses)])).toEqual([['r', ['rr']]]);
  });

  test('a mixed point opens no row and answers none; the brief lists it apart', () => {
    const g = graphOf(
      [
        ['t', 'thesis'],
        ['c', 'claim'],
        ['c2', 'claim'],
        ['o', 'objection'],
        ['e', 'evidence'],
        ['m', 'objection'],
      ],
      [supports('c', 't'), supports('c2', 't'), supports('e', 'c'), supports('e', 'o')],
      [attacks('o', 'c2'), attacks('m', 'e')],
    );
    const brief = buildBrief(viewOf(g), 'affirmative');
    expect(ids(brief.mixed)).toEqual(['e', 'm']);
    expect(brief.matrix.map((row) => row.opposing.id)).toEqual(['o']);
  });
});

describe('buildBrief: critical questions', () => {
  // Two "from example" steps into one claim ask the same questions once; `o` raises example.cq1.
  const graph = graphOf(
    [
      ['t', 'thesis'],
      ['c', 'claim'],
      ['e1', 'evidence'],
      ['e2', 'evidence'],
      ['o', 'objection'],
      ['s', 'evidence'],
    ],
    [
      { ...supports('c', 't'), scheme: 'practical-reasoning' },
      { ...supports('e1', 'c'), scheme: 'example' },
      { ...supports('e2', 'c'), scheme: 'example' },
      { ...supports('s', 'o'), scheme: 'sign' },
    ],
    [{ ...attacks('o', 'e1'), question: 'example.cq1' }],
  );

  test('the affirmative prepares for the questions on its own steps, raised ones first, each once per point', () => {
    const { prepare, openings } = buildBrief(viewOf(graph), 'affirmative').questions;
    expect(prepare.shown[0]).toMatchObject({ id: 'example.cq1', state: 'raised', step: { conclusion: { id: 'c' } } });
    expect(ids(prepare.shown[0].raisedBy)).toEqual(['o']);
    const keys = prepare.shown.map((q) => `${q.id}@${q.step.conclusion.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k.startsWith('example.cq2'))).toEqual(['example.cq2@c']);
    // The negative's own step (sign, into the objection) is where the affirmative can attack.
    expect(openings.shown.length).toBeGreaterThan(0);
    expect(openings.shown.every((q) => q.step.conclusion.id === 'o')).toBe(true);
  });

  test('judged as of a month, a question raised only by a later objection is open, as the brief’s statuses are judged', () => {
    const dated: ArgumentGraph = { ...graph, nodes: graph.nodes.map((n) => (n.id === 'o' ? { ...n, asOf: '2012-01' } : n)) };
    const today = buildBrief(viewOf(dated), 'affirmative').questions.prepare.shown.find((q) => q.id === 'example.cq1')!;
    expect(today).toMatchObject({ state: 'raised' });
    const then = buildBrief(viewOf(dated, {}, '2009-08'), 'affirmative').questions;
    expect(then.prepare.shown.find((q) => q.id === 'example.cq1')).toMatchObject({ state: 'open', raisedBy: [] });
  });

  test('for the negative the same questions are the openings', () => {
    const affirmative = buildBrief(viewOf(graph), 'affirmative').questions;
    const negative = buildBrief(viewOf(graph), 'negative').questions;
    expect(negative.openings).toEqual(affirmative.prepare);
    expect(negative.prepare).toEqual(affirmative.openings);
  });

  test(`at most ${BRIEF_QUESTION_LIMIT} are listed; the rest are counted`, () => {
    const nodes: [string, NodeKind][] = [['t', 'thesis']];
    const inferences = [];
    for (let i = 0; i < 10; i++) {
      nodes.push([`e${i}`, 'evidence']);
      inferences.push({ ...supports(`e${i}`, 't'), scheme: 'expert-opinion' });
    }
    const { prepare } = buildBrief(viewOf(graphOf(nodes, inferences)), 'affirmative').questions;
    // Ten steps into one point with the same scheme: its six questions, once each.
    expect(prepare.shown.length + prepare.more).toBe(6);
    expect(prepare.more).toBe(0);
  });
});

describe('briefToMarkdown', () => {
  const graph = graphOf(
    [
      ['t', 'thesis'],
      ['c', 'claim'],
      ['o', 'objection'],
      ['o2', 'objection'],
      ['r', 'rebuttal'],
    ],
    [supports('c', 't')],
    [attacks('o', 'c'), attacks('o2', 'c'), attacks('r', 'o2')],
  );
  graph.nodes.find((n) => n.id === 'c')!.quote = { start: 0, end: 9, text: 'the words' };
  graph.nodes.find((n) => n.id === 'o')!.text = 'Costs | benefits, *really*';
  const markdown = briefToMarkdown(buildBrief(viewOf(graph, { c: { average: 2.5, count: 4 } }), 'affirmative'), {
    ...META,
    url: 'http://localhost:3000/maps/x',
  });

  test.each([
    ['a title naming the side', '# Debate brief: Affirmative'],
    ['the essay reference', '**Essay:** The Time is Now — Haeyoung Kim, Korea Policy Institute, 2009'],
    ['the date', '**Date:** 2026-03-01'],
    ['the link to the map', '<http://localhost:3000/maps/x>'],
    ['numbered reasons with status as a word and mark, and the crowd’s rating', '1. **claim c** — Claim · Defeated ✕ · crowd 2.5/4 (4 votes)'],
    ['quotes as blockquotes under their point', '   > “the words”'],
    ['the matrix as a table', '| Their point | Against our point | Our response |'],
    ['an unanswered objection, in bold', '| **unanswered** |'],
    ['an answered one with its rebuttal', '| rebuttal r (Stands ✓) |'],
    ['markup characters escaped, so a pipe cannot break the table', 'Costs \\| benefits, \\*really\\*'],
    ['the questions heading for this side', '## 3. Questions to prepare for'],
  ])('%s', (_name, expected) => {
    expect(markdown).toContain(expected);
  });

  test('every table row has exactly three cells', () => {
    const rows = markdown.split('\n').filter((line) => line.startsWith('|'));
    expect(rows.length).toBe(4);
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(3);
  });

  test('the negative’s brief words its questions as openings', () => {
    expect(briefToMarkdown(buildBrief(viewOf(graph), 'negative'), META)).toContain('## 3. Openings to attack');
  });
});

describe('buildBrief: stock issues', () => {
  // t (a policy proposal) ← [h + i + s + n] linked; s ← es; a separate line t ← d.
  // o attacks the solvency claim; dis (disadvantage) attacks the thesis; r answers dis.
  function policyMap(
    issues: Record<string, StockIssue>,
    conflicts = [attacks('o', 's'), attacks('dis', 't'), attacks('r', 'dis')],
    proposal = true,
  ): ArgumentGraph {
    const g = graphOf(
      [
        ['t', 'thesis'],
        ['h', 'premise'],
        ['i', 'premise'],
        ['s', 'claim'],
        ['n', 'premise'],
        ['es', 'evidence'],
        ['d', 'premise'],
        ['o', 'objection'],
        ['dis', 'objection'],
        ['r', 'rebuttal'],
      ],
      [linked(['h', 'i', 's', 'n'], 't', 'case'), supports('es', 's'), supports('d', 't', 'doctrine')],
      conflicts,
    );
    for (const n of g.nodes) {
      n.stockIssue = issues[n.id] ?? null;
      if (n.kind === 'thesis') n.proposal = proposal;
    }
    return g;
  }
  const ISSUES: Record<string, StockIssue> = { h: 'harm', i: 'inherency', s: 'solvency', n: 'timeliness', dis: 'disadvantage' };

  test('only a policy proposal has the section', () => {
    expect(buildBrief(viewOf(policyMap(ISSUES, [], false)), 'affirmative').stockIssues).toBeNull();
  });

  test('affirmative: the issues we must hold, our points, their attacks, and which are lost', () => {
    const stock = buildBrief(viewOf(policyMap(ISSUES)), 'affirmative').stockIssues!;
    expect(stock.affirmative.map((i) => [i.issue, i.arguedBy, i.state])).toEqual([
      ['harm', 'affirmative', 'held'],
      ['inherency', 'affirmative', 'held'],
      ['solvency', 'affirmative', 'lost'],
      ['timeliness', 'affirmative', 'held'],
    ]);
    const solvency = stock.affirmative[2];
    expect(ids(solvency.points)).toEqual(['s']);
    expect(solvency.points[0]).toMatchObject({ status: 'defeated', stockIssue: 'solvency' });
    expect(solvency.attacks.map((a) => [a.attacker.id, a.target.id, a.undercut])).toEqual([['o', 's', false]]);
    expect(solvency.advice).toBe('Lost: its only point is defeated. A lost stock issue loses the round.');
    expect(stock.losing).toEqual(['solvency']);
    expect(stock.verdict).toBe(`The affirmative loses the round on the stock issues: solvency is lost. ${LOST_ISSUE_RULE}`);
    // The negative's disadvantage, answered by our rebuttal.
    expect(stock.negative.map((i) => [i.issue, i.state, ids(i.points), i.attacks.map((a) => a.attacker.id)])).toEqual([
      ['disadvantage', 'lost', ['dis'], ['r']],
      ['counterplan', 'missing', [], []],
    ]);
    expect(stock.negative[0].advice).toBe('Their disadvantage is answered: none of its points stands.');
  });

  test('negative: which issues to attack — press the lost one, open a line on the unattacked ones; our own lines', () => {
    const stock = buildBrief(viewOf(policyMap({ h: 'harm', i: 'inherency', s: 'solvency', dis: 'disadvantage' })), 'negative').stockIssues!;
    expect(stock.affirmative.map((i) => [i.issue, i.state])).toEqual([
      ['harm', 'held'],
      ['inherency', 'held'],
      ['solvency', 'lost'],
      ['timeliness', 'missing'],
    ]);
    expect(stock.affirmative[0].advice).toBe('Held, and nothing attacks it yet: open a line here by asking its question.');
    expect(stock.affirmative[2].advice).toBe('The affirmative has lost solvency: press it — a lost stock issue loses the round.');
    expect(stock.affirmative[3].advice).toContain('The affirmative never argues timeliness: say so');
    expect(stock.negative[0].advice).toBe('Answered: none of our disadvantage points stands. Rebuild it or drop it.');
    expect(stock.negative[1].advice).toBe('Not argued yet: an objection tagged counterplan would raise it.');
  });

  test('the strongest attacks come first', () => {
    // o2 is defeated by r2; o stands: o is listed first although o2 comes first on the map.
    const g = policyMap(ISSUES, [attacks('o2', 's'), attacks('o', 's'), attacks('r2', 'o2')]);
    g.nodes.push(
      ...graphOf(
        [
          ['o2', 'objection'],
          ['r2', 'rebuttal'],
        ],
        [],
      ).nodes,
    );
    const solvency = buildBrief(viewOf(g), 'negative').stockIssues!.affirmative[2];
    expect(solvency.attacks.map((a) => [a.attacker.id, a.attacker.status])).toEqual([
      ['o', 'stands'],
      ['o2', 'defeated'],
    ]);
  });

  test.each<[Side, StockIssue, 'held' | 'lost' | 'missing', 'good' | 'bad' | 'open']>([
    ['affirmative', 'harm', 'held', 'good'],
    ['affirmative', 'harm', 'lost', 'bad'],
    ['affirmative', 'harm', 'missing', 'bad'],
    ['negative', 'harm', 'held', 'open'],
    ['negative', 'harm', 'lost', 'good'],
    ['negative', 'harm', 'missing', 'good'],
    ['affirmative', 'disadvantage', 'held', 'bad'],
    ['affirmative', 'disadvantage', 'lost', 'good'],
    ['affirmative', 'disadvantage', 'missing', 'open'],
  ])('for the %s, %s %s is %s news', (side, issue, state, tone) => {
    const arguedBy = issue === 'harm' ? 'affirmative' : 'negative';
    expect(issueTone(side, { arguedBy, state })).toBe(tone);
  });

  test('the JSON answer carries the section whole', () => {
    const brief = buildBrief(viewOf(policyMap(ISSUES)), 'affirmative');
    const json = JSON.parse(JSON.stringify(brief)) as typeof brief;
    expect(json.stockIssues).toEqual(brief.stockIssues);
    expect(Object.keys(json.stockIssues!).sort()).toEqual(['affirmative', 'losing', 'negative', 'rule', 'stepAttacks', 'verdict']);
    expect(Object.keys(json.stockIssues!.affirmative[0]).sort()).toEqual([
      'advice',
      'arguedBy',
      'attacks',
      'elsewhere',
      'issue',
      'label',
      'points',
      'question',
      'state',
      'summary',
    ]);
  });

  describe('in Markdown', () => {
    const affirmative = briefToMarkdown(buildBrief(viewOf(policyMap(ISSUES)), 'affirmative'), META);
    const negative = briefToMarkdown(buildBrief(viewOf(policyMap(ISSUES)), 'negative'), META);

    test.each([
      [
        'the section after the resolution, before the case',
        (md: string) => md.indexOf('## Stock issues') > md.indexOf('## Resolution') && md.indexOf('## Stock issues') < md.indexOf('## 1. Case outline'),
      ],
      ['the verdict', (md: string) => md.includes(`**Verdict:** The affirmative loses the round on the stock issues: solvency is lost. ${LOST_ISSUE_RULE}`)],
      ['the issues we must hold', (md: string) => md.includes('### Stock issues we must hold')],
      [
        'a lost issue, with its rule',
        (md: string) =>
          md.includes(
            '#### Solvency — Lost ✕\n\n_Would the proposal remedy it?_ Lost: its only point is defeated. A lost stock issue loses the round.'.replace(
              /\\n/g,
              '\n',
            ),
          ),
      ],
      ['our point, with its issue', (md: string) => md.includes('- Our points: **claim s** — Claim · Defeated ✕ · issue: Solvency')],
      ['their attack and what it attacks', (md: string) => md.includes('- Their attacks: **objection o** — Objection · Stands ✓ — against “claim s”')],
      [
        'the negative’s lines, and our answer to them',
        (md: string) =>
          md.includes('### The negative’s lines: disadvantage and counterplan') &&
          md.includes('- Our answers: **rebuttal r** — Rebuttal · Stands ✓ — against “objection dis”'),
      ],
    ])('affirmative: %s', (_name, check) => {
      expect(check(affirmative)).toBe(true);
    });

    test('negative: the issues to attack, their points and our attacks, our own lines', () => {
      expect(negative).toContain('### Stock issues to attack');
      expect(negative).toContain('- Their points: **claim s** — Claim · Defeated ✕ · issue: Solvency');
      expect(negative).toContain('- Our attacks: **objection o** — Objection · Stands ✓ — against “claim s”');
      expect(negative).toContain('### Our lines: disadvantage and counterplan');
      expect(negative).toContain('#### Disadvantage — Answered ✕');
      expect(negative).toContain('#### Counterplan — Not argued —');
    });

    test('a map that proposes no policy has no section', () => {
      expect(briefToMarkdown(buildBrief(viewOf(policyMap(ISSUES, [], false)), 'affirmative'), META)).not.toContain('Stock issues');
    });
  });

  describe('judged as of a month: points known only later are set aside, neither argued nor attacking', () => {
    /** `policyMap` with the given points dated, judged as of Aug 2009. */
    function asOf2009(dates: Record<string, string>, side: Side, conflicts?: Parameters<typeof policyMap>[1]) {
      const g = policyMap(ISSUES, conflicts);
      for (const n of g.nodes) n.asOf = dates[n.id] ?? null;
      return { today: buildBrief(viewOf(g), side), then: buildBrief(viewOf(g, {}, '2009-08'), side) };
    }
    const issueOf = (brief: ReturnType<typeof buildBrief>, issue: StockIssue) =>
      [...brief.stockIssues!.affirmative, ...brief.stockIssues!.negative].find((i) => i.issue === issue)!;

    test.each<[string, Record<string, string>, Side, StockIssue, { state: string; points: string[]; attacks: string[]; advice: string }]>([
      [
        'a disadvantage dated 2012, for the affirmative: not argued, not “answered”',
        { dis: '2012-04' },
        'affirmative',
        'disadvantage',
        {
          state: 'missing',
          points: [],
          attacks: [],
          advice: 'The negative has not argued disadvantage as of Aug 2009: its point rests on facts known only later.',
        },
      ],
      [
        'a disadvantage dated 2012, for the negative',
        { dis: '2012-04' },
        'negative',
        'disadvantage',
        {
          state: 'missing',
          points: [],
          attacks: [],
          advice:
            'Not argued as of Aug 2009: our disadvantage point rests on facts known only later. Argue it from what was known then, or judge with hindsight.',
        },
      ],
      [
        'a later rebuttal answers nothing then: their disadvantage stands',
        { r: '2012-04' },
        'affirmative',
        'disadvantage',
        { state: 'held', points: ['dis'], attacks: [], advice: 'Their disadvantage stands: answer it, or show the plan’s gains outweigh it.' },
      ],
      [
        'a later objection to solvency, for the affirmative: held, its attack set aside',
        { o: '2012-04' },
        'affirmative',
        'solvency',
        {
          state: 'held',
          points: ['s'],
          attacks: [],
          advice: 'Held: its point stands. Nothing attacks it as of Aug 2009 (1 attack, known only later, is set aside).',
        },
      ],
      [
        'a later objection to solvency, for the negative: not counted among our attacks',
        { o: '2012-04' },
        'negative',
        'solvency',
        {
          state: 'held',
          points: ['s'],
          attacks: [],
          advice: 'Held, and nothing of ours attacks it as of Aug 2009 (1 attack, known only later, is set aside): open a line here by asking its question.',
        },
      ],
      [
        'the only timeliness premise known only later, for the negative: missing then',
        { n: '2010-03' },
        'negative',
        'timeliness',
        {
          state: 'missing',
          points: [],
          attacks: [],
          advice:
            'As of Aug 2009, the affirmative does not argue timeliness: its point rests on facts known only later. Say so — an issue nobody argues is lost, and a lost stock issue loses the round.',
        },
      ],
    ])('%s', (_name, dates, side, issue, expected) => {
      const { then } = asOf2009(dates, side);
      const line = issueOf(then, issue);
      expect({ state: line.state, points: ids(line.points), attacks: line.attacks.map((a) => a.attacker.id), advice: line.advice }).toEqual(expected);
    });

    test('the repro: a 2012 disadvantage judged as of Aug 2009 reads “Not argued” in the Markdown, and the JSON lists no point', () => {
      const { today, then } = asOf2009({ dis: '2012-04' }, 'affirmative');
      expect(issueOf(today, 'disadvantage').state).toBe('lost');
      const markdown = briefToMarkdown(then, { ...META, asOf: '2009-08' });
      expect(markdown).toContain(
        '#### Disadvantage — Not argued —\n\n_Would the proposal bring worse harms of its own?_ The negative has not argued disadvantage as of Aug 2009',
      );
      expect(markdown).not.toContain('Disadvantage — Answered');
      expect(markdown).not.toContain('Their disadvantage is answered');
      expect(markdown).not.toMatch(/Their points: \*\*objection dis\*\*/);
      const json = JSON.parse(JSON.stringify(then)) as typeof then;
      expect(issueOf(json, 'disadvantage')).toMatchObject({ state: 'missing', points: [], attacks: [] });
      expect(issueOf(json, 'disadvantage').summary).toMatch(/^Not argued as of Aug 2009: /);
    });

    test('a later attack is not listed among the attacks in the Markdown; the advice counts it as set aside', () => {
      const { today, then } = asOf2009({ o: '2012-04' }, 'negative');
      expect(briefToMarkdown(today, META)).toContain('- Our attacks: **objection o**');
      const markdown = briefToMarkdown(then, { ...META, asOf: '2009-08' });
      expect(markdown).not.toContain('- Our attacks: **objection o**');
      expect(markdown).toContain('#### Solvency — Held ✓');
    });
  });
});

describe('the seeded op-ed', () => {
  const essay = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../prisma/seed/negotiate-now.txt'), 'utf8');
  const graph = buildGraphFromSpec(negotiateNowSpec, essay, ANALYST);
  const view = viewOf(graph);
  /** The map judged as of a month (the essay's: the hindsight objections set aside). */
  const viewAsOf = (month: string): BriefInput => viewOf(graph, {}, month);
  const objections = graph.nodes.filter((n) => n.kind === 'objection').map((n) => n.id);

  test('every point has one side: nothing is mixed or cut off, and the negative is exactly the objections', () => {
    const sides = assignSides(graph);
    expect(graph.nodes.filter((n) => !sides.has(n.id)).map((n) => n.id)).toEqual([]);
    expect([...sides].filter(([, side]) => side === 'mixed')).toEqual([]);
    expect(graph.nodes.filter((n) => sides.get(n.id) === 'negative').map((n) => n.id)).toEqual(objections);
  });

  test('the affirmative’s reasons: the linked case’s three stated claims, then the doctrine claim leading its warrant', () => {
    const asOf2009 = buildBrief(viewAsOf('2009-08'), 'affirmative');
    expect(ids(asOf2009.case).sort()).toEqual(['claim-dangerous-moment', 'claim-diplomacy-can-yield', 'claim-door-open', 'claim-own-doctrine']);
    // The unstated premises of the linked case ride with each of its reasons.
    expect(ids(asOf2009.case.find((p) => p.id === 'claim-door-open')!.together)).toEqual(
      expect.arrayContaining(['imp-seize-opening', 'imp-precondition-stalls', 'imp-peace-worth-costs', 'claim-dangerous-moment']),
    );
    // A step of unstated points only: the reconstructed claim leads, its warrant is what it also needs.
    expect(ids(asOf2009.case.find((p) => p.id === 'claim-own-doctrine')!.together)).toEqual(['imp-act-consistently']);
  });

  test.each<[string, Record<string, Rating>]>([
    ['by status', {}],
    ['votes reorder points of one status', { 'claim-own-doctrine': { average: 3, count: 2 } }],
  ])('the affirmative’s reasons today, %s', (_name, ratings) => {
    const brief = buildBrief(viewOf(graph, ratings), 'affirmative');
    const order = ids(brief.case);
    // Strongest first: the harm claim stands; solvency's claim is defeated by hindsight objections.
    expect(order[0]).toBe('claim-dangerous-moment');
    expect(order.at(-1)).toBe('claim-diplomacy-can-yield');
    const voted = order.indexOf('claim-own-doctrine') < order.indexOf('claim-door-open');
    expect(voted).toBe(Object.keys(ratings).length > 0);
  });

  test('the affirmative’s matrix: the unanswered objections first, then each rebutted one with its rebuttal', () => {
    const { matrix } = buildBrief(view, 'affirmative');
    expect(matrix.map((row) => row.opposing.id).sort()).toEqual([...objections].sort());
    const firstAnswered = matrix.findIndex((row) => row.answered);
    expect(matrix.slice(firstAnswered).every((row) => row.answered)).toBe(true);
    expect(matrix.filter((row) => row.answered).map((row) => [row.opposing.id, ids(row.responses)])).toEqual([
      ['obj-pyongyang-walked-out', ['reb-bilateral-offer']],
      ['obj-charm-after-sanctions', ['reb-pressure-opening']],
      ['obj-peace-treaty', ['reb-treaty-with-denuclearization']],
      ['obj-six-party-talks', ['reb-talks-stalled']],
      ['obj-2007-precedent', ['reb-2007-yielded']],
      ['obj-heu-programme', ['reb-plutonium-frozen']],
    ]);
  });

  test('the negative’s case and matrix', () => {
    const brief = buildBrief(view, 'negative');
    expect(ids(brief.case).sort()).toEqual([...objections].sort());
    const standing = brief.case.filter((p) => p.status === 'stands').length;
    expect(brief.case.slice(0, standing).every((p) => p.status === 'stands')).toBe(true);
    expect(brief.case.slice(standing).every((p) => p.status === 'defeated')).toBe(true);
    // Every rebuttal is unanswered by the negative.
    expect(brief.matrix.every((row) => !row.answered && row.opposing.kind === 'rebuttal')).toBe(true);
    expect(brief.matrix).toHaveLength(graph.nodes.filter((n) => n.kind === 'rebuttal').length);
    // The questions the objections raised lead the openings.
    const shown = brief.questions.openings.shown;
    const raised = shown.filter((q) => q.state === 'raised').length;
    expect(raised).toBeGreaterThan(0);
    expect(shown.slice(0, raised).every((q) => q.raisedBy.length > 0)).toBe(true);
    expect(shown.length).toBe(BRIEF_QUESTION_LIMIT);
    expect(brief.questions.openings.more).toBeGreaterThan(0);
  });

  test('stock issues judged as of the essay’s month: the affirmative holds all four', () => {
    const stock = buildBrief(viewAsOf('2009-08'), 'affirmative').stockIssues!;
    expect(stock.affirmative.map((i) => [i.issue, i.state, ids(i.points)])).toEqual([
      ['harm', 'held', ['claim-dangerous-moment']],
      ['inherency', 'held', ['imp-precondition-stalls']],
      ['solvency', 'held', ['claim-diplomacy-can-yield']],
      ['timeliness', 'held', expect.arrayContaining(['claim-door-open', 'imp-seize-opening'])],
    ]);
    expect(stock.losing).toEqual([]);
    // The treaty disadvantage was answered in its time.
    expect(stock.negative.map((i) => [i.issue, i.state])).toEqual([
      ['disadvantage', 'lost'],
      ['counterplan', 'missing'],
    ]);
  });

  test('the negative’s solvency as of the essay’s month counts its 2 attacks of then; the hindsight one is set aside, not counted', () => {
    const then = buildBrief(viewAsOf('2009-08'), 'negative').stockIssues!.affirmative.find((i) => i.issue === 'solvency')!;
    expect(then.state).toBe('held');
    expect(then.attacks.map((a) => [a.attacker.id, a.attacker.status])).toEqual([
      ['obj-different-conditions', 'stands'],
      ['obj-2007-precedent', 'defeated'],
    ]);
    expect(then.advice).toBe(
      'Held: our 2 attacks on it are answered or not enough (1 more attack, known only later, is set aside). Find another line against it.',
    );
    const markdown = briefToMarkdown(buildBrief(viewAsOf('2009-08'), 'negative'), { ...META, asOf: '2009-08' });
    expect(markdown).not.toContain('our 3 attacks');
    expect(markdown).not.toMatch(/Our attacks: .*Later ◷/);
    // Today the hindsight objection counts, and takes the issue.
    const today = buildBrief(view, 'negative').stockIssues!.affirmative.find((i) => i.issue === 'solvency')!;
    expect(today.attacks).toHaveLength(3);
    expect(today.state).toBe('lost');
  });

  test('stock issues today: hindsight takes solvency and timeliness, and the brief says the round is lost', () => {
    const brief = buildBrief(view, 'affirmative');
    const stock = brief.stockIssues!;
    expect(stock.losing).toEqual(['solvency', 'timeliness']);
    expect(stock.affirmative.find((i) => i.issue === 'solvency')!.attacks.filter((a) => a.attacker.status === 'stands').length).toBeGreaterThan(0);
    expect(stock.verdict).toBe(`The affirmative loses the round on the stock issues: solvency and timeliness are lost. ${LOST_ISSUE_RULE}`);
    const markdown = briefToMarkdown(brief, META);
    expect(markdown).toContain('#### Solvency — Lost ✕');
    expect(markdown).toContain('#### Harm — Held ✓');
    const negative = briefToMarkdown(buildBrief(view, 'negative'), META);
    expect(negative).toContain('The affirmative has lost solvency: press it — a lost stock issue loses the round.');
  });

  test('the questions are gathered under each point, named once, numbered on across the groups', () => {
    const brief = buildBrief(view, 'affirmative');
    const groups = groupByPoint(brief.questions.prepare.shown);
    expect(groups.flatMap((g) => g.questions)).toHaveLength(brief.questions.prepare.shown.length);
    expect(new Set(groups.map((g) => g.conclusion.id)).size).toBe(groups.length);
    const markdown = briefToMarkdown(brief, META);
    const thesisHeads = markdown.split('\n').filter((line) => line.startsWith('On “The US should change course'));
    expect(thesisHeads).toHaveLength(1);
    expect(markdown).toMatch(new RegExp(`\\n${BRIEF_QUESTION_LIMIT}\\. \\*\\*`));
  });
});
