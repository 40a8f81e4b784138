import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ESSAY_MONTH_EXAMPLE } from '../../lib/argument/as-of';
import { evaluate } from '../../lib/argument/evaluation';
import { nodesReaching } from '../../lib/argument/graph';
import { buildGraphFromSpec } from '../../lib/argument/map-spec';
import { AFFIRMATIVE_STOCK_ISSUES, MONTH_PATTERN, type ArgNode, type ArgumentGraph } from '../../lib/argument/model';
import { questionById, SCHEME_IDS } from '../../lib/argument/schemes';
import { stockIssueCase } from '../../lib/argument/stock-issues';
import { implicitProblem, stockIssueProblem } from '../../lib/validation/node';
import { ANALYST, SAMPLE_OBJECTION_AUTHOR, SAMPLE_REBUTTAL_AUTHOR, negotiateNowSpec } from './negotiate-now';

const ESSAY = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'negotiate-now.txt'), 'utf8');

/** Every scheme a seeded inference names must be in the catalogue. */
const SCHEMES: readonly string[] = SCHEME_IDS;

const graph: ArgumentGraph = buildGraphFromSpec(negotiateNowSpec, ESSAY, ANALYST);
const byId = new Map(graph.nodes.map((n) => [n.id, n]));
const quoted = graph.nodes.filter((n): n is ArgNode & { quote: NonNullable<ArgNode['quote']> } => n.quote !== null);
const ofKind = (kind: ArgNode['kind']) => graph.nodes.filter((n) => n.kind === kind);
const conclusionOf = new Map(graph.inferences.map((i) => [i.id, i.conclusion]));

/** The node a conflict points at: its target node, or the conclusion of the inference it undercuts. */
function attackedNode(target: ArgumentGraph['conflicts'][number]['target']): string | undefined {
  return 'node' in target ? target.node : conclusionOf.get(target.inference);
}

/** Body paragraphs of the essay: blank-line separated, without the title (first) and byline (last). */
function bodyParagraphs(): { text: string; start: number; end: number }[] {
  const paragraphs: { text: string; start: number; end: number }[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g;
  for (let m = re.exec(ESSAY); m !== null; m = re.exec(ESSAY)) {
    if (m[0].trim() !== '') paragraphs.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return paragraphs.slice(1, -1);
}

describe('negotiate-now seed map', () => {
  test('builds from the essay without error', () => {
    expect(() => buildGraphFromSpec(negotiateNowSpec, ESSAY, ANALYST)).not.toThrow();
  });

  test.each(quoted.map((n) => [n.id, n] as const))('quote of %s is the exact essay span', (_id, node) => {
    expect(ESSAY.slice(node.quote.start, node.quote.end)).toBe(node.quote.text);
  });

  test('has exactly one thesis, and it quotes the final sentence', () => {
    const theses = ofKind('thesis');
    expect(theses).toHaveLength(1);
    const lastParagraph = bodyParagraphs().at(-1)!;
    expect(theses[0].quote).not.toBeNull();
    expect(theses[0].quote!.start).toBeGreaterThanOrEqual(lastParagraph.start);
    expect(theses[0].quote!.end).toBeLessThanOrEqual(lastParagraph.end);
  });

  test('every node reaches the thesis', () => {
    const thesis = ofKind('thesis')[0].id;
    for (const c of graph.conflicts) expect(attackedNode(c.target), `conflict ${c.id}`).toBeDefined();
    const anchored = nodesReaching(graph, thesis);
    const unreached = graph.nodes.filter((n) => !anchored.has(n.id)).map((n) => n.id);
    expect(unreached).toEqual([]);
  });

  test('unstated nodes are unquoted premises or reconstructed claims, and there are at least 3', () => {
    const implicit = graph.nodes.filter((n) => n.implicit);
    expect(implicit.length).toBeGreaterThanOrEqual(3);
    for (const n of implicit) {
      expect(implicitProblem(n.kind), n.id).toBeNull();
      expect(['premise', 'claim'], n.id).toContain(n.kind);
      expect(n.quote, n.id).toBeNull();
    }
    // The own-doctrine line is the analyst's wording, shown as such.
    expect(byId.get('claim-own-doctrine')).toMatchObject({ kind: 'claim', implicit: true, quote: null });
  });

  test('has at least 25 nodes', () => {
    expect(graph.nodes.length).toBeGreaterThanOrEqual(25);
  });

  test('has at least 10 sample objections and a rebuttal of an objection', () => {
    const objections = ofKind('objection');
    expect(objections.filter((n) => n.author === SAMPLE_OBJECTION_AUTHOR).length).toBeGreaterThanOrEqual(10);
    for (const n of objections) expect(n.author, n.id).toBe(SAMPLE_OBJECTION_AUTHOR);
    const rebuttals = ofKind('rebuttal');
    for (const n of rebuttals) expect(n.author, n.id).toBe(SAMPLE_REBUTTAL_AUTHOR);
    const rebuttalsOfObjections = graph.conflicts.filter((c) => {
      const target = attackedNode(c.target);
      return byId.get(c.attacker)?.kind === 'rebuttal' && target !== undefined && byId.get(target)?.kind === 'objection';
    });
    expect(rebuttalsOfObjections.length).toBeGreaterThanOrEqual(1);
  });

  test('has at least one undercut (an objection aimed at an inference)', () => {
    const undercuts = graph.conflicts.filter((c) => 'inference' in c.target);
    expect(undercuts.length).toBeGreaterThanOrEqual(1);
    for (const c of undercuts) expect(byId.get(c.attacker)?.kind, c.id).toBe('objection');
  });

  test('sample objections and rebuttals are not quotes of the essay; analysis nodes are by the analyst', () => {
    for (const n of graph.nodes) {
      if (n.kind === 'objection' || n.kind === 'rebuttal') expect(n.quote, n.id).toBeNull();
      else expect(n.author, n.id).toBe(ANALYST);
    }
  });

  test.each(graph.conflicts.map((c) => [c.id, c] as const))('attacker of %s is an objection or rebuttal', (_id, c) => {
    expect(['objection', 'rebuttal']).toContain(byId.get(c.attacker)?.kind);
  });

  test.each(graph.inferences.map((i) => [i.id, i] as const))('inference %s is well-formed', (_id, inf) => {
    for (const p of inf.premises) expect(['claim', 'premise', 'evidence'], p).toContain(byId.get(p)?.kind);
    expect(['thesis', 'claim', 'premise']).toContain(byId.get(inf.conclusion)?.kind);
    expect(inf.premises).not.toContain(inf.conclusion);
    if (inf.scheme !== null) expect(SCHEMES).toContain(inf.scheme);
  });

  test('has at least 3 linked inferences (2 or more premises)', () => {
    expect(graph.inferences.filter((i) => i.premises.length >= 2).length).toBeGreaterThanOrEqual(3);
  });

  test('the essay splits into its body paragraphs', () => {
    const paragraphs = bodyParagraphs();
    expect(paragraphs.length).toBeGreaterThanOrEqual(5);
    expect(ESSAY.slice(0, paragraphs[0].start)).toContain('The Time is Now to Negotiate with North Korea');
    expect(ESSAY.slice(paragraphs.at(-1)!.end)).toContain('Haeyoung Kim is a Fellow');
  });

  test.each(bodyParagraphs().map((p) => [p.text.slice(0, 50), p] as const))('paragraph "%s…" is quoted at least once', (_start, paragraph) => {
    expect(quoted.some((n) => n.quote.start >= paragraph.start && n.quote.end <= paragraph.end)).toBe(true);
  });

  test('node texts are unique, non-empty and at most 300 characters', () => {
    const texts = graph.nodes.map((n) => n.text);
    expect(new Set(texts).size).toBe(texts.length);
    for (const n of graph.nodes) {
      expect(n.text.trim().length, n.id).toBeGreaterThan(0);
      expect(n.text.length, n.id).toBeLessThanOrEqual(300);
    }
  });
});

/** The op-ed is judged as of its own month, or today (everything on the map). */
const ESSAY_MONTH = ESSAY_MONTH_EXAMPLE;
const thesisId = ofKind('thesis')[0].id;
const intoThesis = graph.inferences.filter((i) => i.conclusion === thesisId);
/** The policy case: the step into the thesis whose premises carry stock issues. */
const caseStep = intoThesis.find((i) => i.premises.some((p) => byId.get(p)?.stockIssue))!;
const statusAsOf = (asOf: string | null, assumeRejected: string[] = []) => evaluate(graph, { asOf, assumeRejected });

describe('negotiate-now as a policy case (stock issues)', () => {
  test('the thesis proposes the change of course: talks without denuclearization first, aimed at a peace treaty', () => {
    const thesis = byId.get(thesisId)!;
    expect(thesis.proposal).toBe(true);
    expect(thesis.text).toMatch(/without first demanding denucleari[sz]ation/);
    expect(thesis.text).toMatch(/peace treaty/);
  });

  test('one linked step carries harm, inherency, solvency and timeliness into the thesis', () => {
    expect(caseStep).toBeDefined();
    expect(caseStep.premises.length).toBeGreaterThanOrEqual(3);
    const issues = caseStep.premises.map((p) => byId.get(p)!.stockIssue).filter((i) => i != null);
    expect(new Set(issues)).toEqual(new Set(AFFIRMATIVE_STOCK_ISSUES));
    const premiseWith = (issue: string) => caseStep.premises.filter((p) => byId.get(p)!.stockIssue === issue);
    expect(premiseWith('harm')).toEqual(['claim-dangerous-moment']);
    expect(premiseWith('inherency')).toEqual(['imp-precondition-stalls']);
    expect(premiseWith('solvency')).toEqual(['claim-diplomacy-can-yield']);
    expect(premiseWith('timeliness')).toEqual(['claim-door-open', 'imp-seize-opening']);
    // Inherency is the essay's unstated premise: Washington's precondition keeps the talks stalled.
    expect(byId.get('imp-precondition-stalls')).toMatchObject({ kind: 'premise', implicit: true });
    // No issue is argued by a separate step: the own-doctrine line is the only other reason, and it carries none.
    for (const inf of intoThesis.filter((i) => i !== caseStep)) {
      for (const p of inf.premises) expect(byId.get(p)!.stockIssue ?? null, p).toBeNull();
    }
    expect(intoThesis.map((i) => i.id).sort()).toEqual(['inf-thesis-case', 'inf-thesis-doctrine']);
    expect(stockIssueCase(graph, (id) => statusAsOf(ESSAY_MONTH).nodes[id]?.status)?.step).toBe(caseStep.id);
  });

  test('every stock issue, unstated mark and date sits on a kind that may carry it', () => {
    for (const n of graph.nodes) {
      if (n.stockIssue) expect(stockIssueProblem(n.kind, n.stockIssue), n.id).toBeNull();
      if (n.proposal) expect(n.kind, n.id).toBe('thesis');
    }
    expect(byId.get(thesisId)!.asOf ?? null).toBeNull();
    // The negative's disadvantage disputes the case's weighing premise: that the gains are worth the costs.
    const disadvantages = graph.nodes.filter((n) => n.stockIssue === 'disadvantage').map((n) => n.id);
    expect(disadvantages).toEqual(['obj-peace-treaty']);
    expect(graph.conflicts.find((c) => c.attacker === 'obj-peace-treaty')?.target).toEqual({ node: 'imp-peace-worth-costs' });
    expect(caseStep.premises).toContain('imp-peace-worth-costs');
    // Unanswered, it alone would sink the case.
    expect(statusAsOf(ESSAY_MONTH, ['reb-treaty-with-denuclearization']).thesis).not.toBe('stands');
  });

  test('seeded state: the thesis stands judged as of the essay (Aug 2009), and not today', () => {
    expect(statusAsOf(ESSAY_MONTH).thesis).toBe('stands');
    expect(statusAsOf(ESSAY_MONTH).inferences[caseStep.id].carries).toBe(true);
    const today = statusAsOf(null);
    expect(today.thesis).toBe('unsupported');
    // With hindsight the case loses its timeliness (the gestures were not a turn) and its solvency.
    expect(today.nodes['claim-door-open'].status).toBe('unsupported');
    expect(today.nodes['imp-goodwill-signals'].defeatedBy).toEqual(['obj-condolence-tactic']);
    expect(today.nodes['claim-diplomacy-can-yield'].defeatedBy).toEqual(['obj-leap-day-deal']);
    const reading = stockIssueCase(graph, (id) => today.nodes[id]?.status)!;
    expect(reading.losing).toContain('solvency');
    expect(stockIssueCase(graph, (id) => statusAsOf(ESSAY_MONTH).nodes[id]?.status)!.losing).toEqual([]);
  });

  test.each([
    ['harm', 'claim-dangerous-moment'],
    ['solvency', 'claim-diplomacy-can-yield'],
    ['inherency', 'imp-precondition-stalls'],
    ['timeliness', 'claim-door-open'],
  ])('what if the %s premise (%s) is rejected: the thesis no longer stands', (_issue, id) => {
    for (const asOf of [ESSAY_MONTH, null]) {
      const judged = statusAsOf(asOf, [id]);
      expect(judged.thesis, `as of ${asOf ?? 'today'}`).not.toBe('stands');
      expect(judged.inferences[caseStep.id].carries, `as of ${asOf ?? 'today'}`).toBe(false);
    }
  });

  test('the own-doctrine line is an extra reason that does not carry the thesis on its own: a dated objection undercuts it', () => {
    const judged = statusAsOf(ESSAY_MONTH);
    expect(judged.inferences['inf-thesis-doctrine'].carries).toBe(false);
    expect(judged.nodes['claim-own-doctrine'].status).toBe('unsupported');
    expect(judged.inferences['inf-doctrine-applies'].undercutBy).toEqual(['obj-conditional-doctrine']);
    expect(byId.get('obj-conditional-doctrine')!.text).toMatch(/20 January 2009/);
    // Were the objection answered, the doctrine line alone would keep the thesis up whatever the case.
    expect(statusAsOf(ESSAY_MONTH, ['obj-conditional-doctrine', 'claim-dangerous-moment']).thesis).toBe('stands');
  });

  test('the sincerity premise is linked into every gesture step, so a charm objection can take away "the door is open"', () => {
    const gestures = ['ev-condolence-delegation', 'ev-summit-interest', 'ev-border-links', 'ev-warm-reception'];
    for (const gesture of gestures) {
      const steps = graph.inferences.filter((i) => i.premises.includes(gesture));
      expect(steps.length, gesture).toBeGreaterThan(0);
      for (const step of steps) expect(step.premises, step.id).toContain('imp-goodwill-signals');
    }
    // As of 2009 the charm objection is answered; with its answer rejected, the door is no longer shown open.
    expect(statusAsOf(ESSAY_MONTH).nodes['claim-door-open'].status).toBe('stands');
    const unanswered = statusAsOf(ESSAY_MONTH, ['reb-pressure-opening']);
    expect(unanswered.nodes['imp-goodwill-signals'].defeatedBy).toEqual(['obj-charm-after-sanctions']);
    expect(unanswered.nodes['claim-door-open'].status).not.toBe('stands');
    expect(unanswered.thesis).not.toBe('stands');
  });

  test('the “tough guy” line is a claim with evidence, Bush’s own 2007 turn among it', () => {
    expect(byId.get('claim-tough-fails')).toMatchObject({ kind: 'claim', quote: { text: 'that Bush realized too late would not work' } });
    const support = graph.inferences.filter((i) => i.conclusion === 'claim-tough-fails').flatMap((i) => i.premises);
    expect(support).toContain('ev-bush-turn-2007');
    expect(byId.get('ev-bush-turn-2007')).toMatchObject({ kind: 'evidence', quote: null, asOf: '2007-02' });
    expect(statusAsOf(ESSAY_MONTH).nodes['claim-tough-fails'].status).toBe('stands');
  });
});

describe('negotiate-now judged as of a month', () => {
  const objections = ofKind('objection');
  const rebuttals = ofKind('rebuttal');

  test.each(objections.map((n) => [n.id, n] as const))('objection %s states a dated fact and carries asOf', (_id, n) => {
    expect(n.text).toMatch(/\b(19|20)\d{2}\b/);
    expect(n.asOf).toMatch(MONTH_PATTERN);
    // The newest fact it rests on is named in its text.
    expect(n.text, n.id).toContain(n.asOf!.slice(0, 4));
  });

  test.each(rebuttals.map((n) => [n.id, n] as const))('rebuttal %s carries asOf', (_id, n) => {
    expect(n.asOf).toMatch(MONTH_PATTERN);
    expect(n.text, n.id).toContain(n.asOf!.slice(0, 4));
  });

  test('points known only after the essay say they are hindsight; the rest were known by Aug 2009', () => {
    const later = graph.nodes.filter((n) => n.asOf != null && n.asOf > ESSAY_MONTH);
    expect(later.map((n) => n.id).sort()).toEqual(['obj-condolence-tactic', 'obj-leap-day-deal']);
    for (const n of later) expect(n.text, n.id).toMatch(/hindsight/i);
    for (const n of graph.nodes) if (n.asOf != null && n.asOf <= ESSAY_MONTH) expect(n.text, n.id).not.toMatch(/hindsight/i);
  });

  test('judged as of 2009-08, exactly the hindsight points are set aside as later', () => {
    const judged = statusAsOf(ESSAY_MONTH);
    const later = Object.entries(judged.nodes)
      .filter(([, e]) => e.status === 'later')
      .map(([id]) => id);
    expect(later.sort()).toEqual(['obj-condolence-tactic', 'obj-leap-day-deal']);
    for (const n of graph.nodes.filter((n) => n.asOf?.startsWith('2009') || n.asOf == null)) {
      expect(judged.nodes[n.id].status, n.id).not.toBe('later');
    }
    expect(statusAsOf(null).nodes['obj-condolence-tactic'].status).toBe('stands');
  });
});

describe('negotiate-now conflicts raise questions of the steps they aim at', () => {
  const byInference = new Map(graph.inferences.map((i) => [i.id, i]));
  test.each(graph.conflicts.filter((c) => c.question).map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const found = questionById(c.question!);
    expect(found, c.question).toBeDefined();
    const { scheme, question } = found!;
    if ('inference' in c.target) {
      expect(question.attacks, `${c.question} questions a step`).toBe('inference');
      expect(byInference.get(c.target.inference)?.scheme).toBe(scheme.id);
    } else {
      const target = c.target.node;
      expect(question.attacks, `${c.question} doubts a premise`).toBe('premise');
      expect(
        graph.inferences.some((i) => i.scheme === scheme.id && i.premises.includes(target)),
        `${target} is a premise of a ${scheme.id} step`,
      ).toBe(true);
    }
  });
});
