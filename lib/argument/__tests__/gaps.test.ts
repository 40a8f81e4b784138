import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ANALYST, negotiateNowSpec } from '../../../prisma/seed/negotiate-now';
import { evaluate } from '../evaluation';
import { EMPTY_FILTER, authorsOf, isFilterActive, matchingNodes } from '../filter';
import { findGaps, gapCount } from '../gaps';
import { buildGraphFromSpec } from '../map-spec';
import type { ArgumentGraph, StockIssue } from '../model';
import { attacks, graphOf, linked, node, supports } from './fixtures';

const ESSAY = readFileSync(new URL('../../../prisma/seed/negotiate-now.txt', import.meta.url), 'utf8');

// thesis ← claim ← evidence (no warrant); claim2 ← (evidence2 + warrant); claim3 has nothing;
// objection ⟂ claim (answered by rebuttal); objection2 ⟂ thesis (unanswered).
const graph = graphOf(
  [
    ['thesis', 'thesis'],
    ['claim', 'claim'],
    ['evidence', 'evidence'],
    ['claim2', 'claim'],
    ['evidence2', 'evidence'],
    ['warrant', 'premise'],
    ['claim3', 'claim'],
    ['objection', 'objection'],
    ['rebuttal', 'rebuttal'],
    ['objection2', 'objection'],
  ],
  [
    supports('claim', 'thesis', 'i1'),
    supports('evidence', 'claim', 'i2'),
    linked(['evidence2', 'warrant'], 'claim2', 'i3'),
    supports('claim2', 'thesis', 'i4'),
    supports('claim3', 'thesis', 'i5'),
  ],
  [attacks('objection', 'claim', 'c1'), attacks('rebuttal', 'objection', 'c2'), attacks('objection2', 'thesis', 'c3')],
);

describe('findGaps', () => {
  const gaps = findGaps(graph, evaluate(graph), '');

  test('steps without a warrant are the candidates for unstated premises, nearest the thesis first', () => {
    expect(gaps.unwarranted.map((i) => i.id)).toEqual(['i1', 'i4', 'i5', 'i2']);
  });

  test('claims that no evidence reaches, through any chain of support', () => {
    expect(gaps.unevidenced.map((n) => n.id)).toEqual(['claim3']);
  });

  test('objections and rebuttals that nothing attacks are unanswered', () => {
    expect(gaps.unanswered.map((n) => n.id).sort()).toEqual(['objection2', 'rebuttal']);
  });

  test('no essay, no unquoted sentences; the count adds every list', () => {
    expect(gaps.unquoted).toEqual([]);
    expect(gapCount(gaps)).toBe(4 + 1 + gaps.openQuestions.length + 2);
  });

  test('a thesis with no evidence beneath it at all is a gap', () => {
    const bare: ArgumentGraph = graphOf(
      [
        ['t', 'thesis'],
        ['c', 'claim'],
      ],
      [supports('c', 't')],
    );
    expect(findGaps(bare, evaluate(bare), '').unevidenced.map((n) => n.id)).toEqual(['t', 'c']);
  });

  test('on the seeded op-ed: the one unquoted sentence, and steps still missing a warrant', () => {
    const opEd = buildGraphFromSpec(negotiateNowSpec, ESSAY, ANALYST);
    const found = findGaps(opEd, evaluate(opEd), ESSAY);
    expect(found.unquoted).toHaveLength(1);
    expect(ESSAY.slice(found.unquoted[0].start, found.unquoted[0].end).length).toBeGreaterThan(10);
    expect(found.unwarranted.length).toBeGreaterThan(0);
    expect(found.unwarranted.length).toBeLessThan(opEd.inferences.length);
    // The sample rebuttals answer six of the sixteen sample objections.
    const objections = opEd.nodes.filter((n) => n.kind === 'objection');
    const rebutted = new Set(
      opEd.conflicts.filter((c) => opEd.nodes.find((n) => n.id === c.attacker)?.kind === 'rebuttal').map((c) => (c.target as { node: string }).node),
    );
    expect(found.unanswered.filter((n) => n.kind === 'objection').length).toBe(objections.length - rebutted.size);
    expect(objections.length - rebutted.size).toBeGreaterThan(0);
    // The thesis is a policy proposal and its linked step argues all four stock issues.
    expect(opEd.nodes.find((n) => n.kind === 'thesis')!.proposal).toBe(true);
    expect(found.missingIssues).toEqual([]);
  });
});

describe('findGaps: stock issues of a policy thesis', () => {
  // t ← [h + s] linked; t ← d separately, d tagged timeliness (off the case step).
  function policy(proposal: boolean): ArgumentGraph {
    const g = graphOf(
      [
        ['t', 'thesis'],
        ['h', 'premise'],
        ['s', 'premise'],
        ['d', 'premise'],
      ],
      [linked(['h', 's'], 't', 'case'), supports('d', 't', 'other')],
    );
    const issues: Record<string, StockIssue> = { h: 'harm', s: 'solvency', d: 'timeliness' };
    return { ...g, nodes: g.nodes.map((n) => ({ ...n, stockIssue: issues[n.id] ?? null, proposal: n.kind === 'thesis' ? proposal : undefined })) };
  }

  test('a policy thesis missing stock issues on its step into the thesis is flagged, one gap per issue', () => {
    const g = policy(true);
    const gaps = findGaps(g, evaluate(g), '');
    expect(gaps.missingIssues.map((m) => [m.issue, m.thesis, m.step, m.elsewhere])).toEqual([
      ['inherency', 't', 'case', []],
      ['timeliness', 't', 'case', ['d']],
    ]);
    expect(gaps.missingIssues[0].summary).toBe(
      'Missing: no premise of the step into the thesis argues inherency (Is the present course what causes or keeps the harm?). An issue nobody argues is lost, and a lost stock issue loses the round.',
    );
    expect(gapCount(gaps)).toBe(2 + gaps.unwarranted.length + gaps.unevidenced.length + gaps.openQuestions.length + gaps.unanswered.length);
  });

  test('tagging the missing premise closes the gap; a thesis that proposes no policy has none', () => {
    const g = policy(true);
    const tagged = {
      ...g,
      nodes: [...g.nodes, { ...node('i', 'premise'), stockIssue: 'inherency' as const }, { ...node('n', 'premise'), stockIssue: 'timeliness' as const }],
      inferences: [linked(['h', 's', 'i', 'n'], 't', 'case')],
    };
    expect(findGaps(tagged, evaluate(tagged), '').missingIssues).toEqual([]);
    const plain = policy(false);
    expect(findGaps(plain, evaluate(plain), '').missingIssues).toEqual([]);
  });
});

describe('matchingNodes', () => {
  const status = evaluate(graph);
  const statusOf = (id: string) => status.nodes[id]?.status;
  const withAuthors: ArgumentGraph = {
    ...graph,
    nodes: graph.nodes.map((n) => (n.id === 'objection2' ? { ...n, author: 'Ada', text: 'The État never kept a deal' } : n)),
  };

  test('no active filter keeps everything as it is (null)', () => {
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(matchingNodes(graph, statusOf, EMPTY_FILTER)).toBeNull();
  });

  test.each([
    ['a kind', { kinds: ['evidence'] }, ['evidence', 'evidence2']],
    ['unanswered', { unanswered: true }, ['objection2', 'rebuttal']],
    ['an author', { authors: ['Ada'] }, ['objection2']],
    ['a search, ignoring case and accents, every word', { query: 'etat  DEAL' }, ['objection2']],
    ['a status', { statuses: ['unsupported'] }, ['claim3']],
    ['two conditions at once', { kinds: ['objection'], unanswered: true }, ['objection2']],
  ] as const)('keeps by %s', (_name, change, ids) => {
    expect([...matchingNodes(withAuthors, statusOf, { ...EMPTY_FILTER, ...change } as never)!].sort()).toEqual([...ids].sort());
  });

  test('authors are listed most prolific first', () => {
    const g = { ...graph, nodes: [node('a', 'claim'), { ...node('b', 'claim'), author: 'Ada' }, { ...node('c', 'claim'), author: 'Ada' }] };
    expect(authorsOf(g)).toEqual(['Ada', 'Test']);
  });
});
