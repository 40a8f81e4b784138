import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ANALYST, negotiateNowSpec } from '../../../prisma/seed/negotiate-now';
import { buildBrief, type BriefInput } from '../brief';
import { evaluate } from '../evaluation';
import { buildGraphFromSpec } from '../map-spec';
import type { ArgumentGraph, NodeKind } from '../model';
import { askQuestion, NO_STEP, objectionOpening, patternFor, quotedTitle, stepWordsOf, TITLE_MAX, type StepWords } from '../question-words';
import { questionsForInference, unansweredQuestions } from '../questions';
import { SCHEMES, questionById } from '../schemes';
import { catalogueVariables } from './catalogue-variables';
import { graphOf, supports } from './fixtures';

const ESSAY = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../prisma/seed/negotiate-now.txt'), 'utf8');
const OP_ED: ArgumentGraph = buildGraphFromSpec(negotiateNowSpec, ESSAY, ANALYST);

describe('the variable check itself', () => {
  test.each([
    ['Is it practically possible for a to carry out A?', ['a', 'A']],
    ['What other goals does a have that might conflict with G?', ['a', 'G']],
    ['Is there some other case, C3, that is also similar to C1?', ['C3', 'C1']],
    ['Generally, if x has property F, then it also has property G.', ['x', 'F', 'G']],
    ['A does not reliably lead to B: …', ['A', 'B']],
    ['Doing A in C* will bring about O again.', ['A', 'C*', 'O']],
    ['E’s view is not backed by evidence: …', ['E']],
    ['Is a an honest (trustworthy, reliable) source?', ['a']],
    ['A counterexample to “Plan A works”: ', []],
    ['Someone has a goal; is it a good one?', []],
  ])('%s → %j', (text, variables) => {
    expect(catalogueVariables(text)).toEqual(variables);
  });
});

const point = (text: string, kind: NodeKind = 'claim') => ({ text, kind });

/** Steps of every shape a question may be asked of, for every scheme. */
const FIXTURE_STEPS: [string, StepWords][] = [
  ['no step at all', NO_STEP],
  ['a conclusion with no text and no premises', { conclusion: point(''), premises: [] }],
  ['a conclusion alone', { conclusion: point('We should negotiate now.', 'thesis'), premises: [] }],
  ['one reason', { conclusion: point('Talks can work.'), premises: [point('Talks froze the reactor in 1994.', 'evidence')] }],
  [
    'a reason and its warrant',
    { conclusion: point('Talks can work.'), premises: [point('Talks froze the reactor.', 'evidence'), point('What worked before works again.', 'premise')] },
  ],
  [
    'two reasons of their own',
    { conclusion: point('Talks can work.'), premises: [point('A freeze in 1994.', 'evidence'), point('A summit in 2000.', 'evidence')] },
  ],
  ['points that contain letters', { conclusion: point('Plan A beats plan B.'), premises: [point('Option C is "a mess" — see X.', 'evidence')] }],
  ...OP_ED.inferences.map((inf): [string, StepWords] => [`the op-ed's step ${inf.id}`, stepWordsOf(OP_ED, inf)]),
];

describe.each(SCHEMES.map((s) => [s.id, s] as const))('%s: no catalogue letters anywhere a person reads', (_id, scheme) => {
  test('the pattern, the general questions and the general openings', () => {
    for (const line of [...scheme.premises, scheme.conclusion, scheme.summary]) expect(catalogueVariables(line), line).toEqual([]);
    for (const q of scheme.questions) {
      expect(catalogueVariables(q.text), q.text).toEqual([]);
      expect(catalogueVariables(q.objectionPrompt), q.objectionPrompt).toEqual([]);
    }
  });

  test('every wording for a step names only the slots a step can fill, and is instantiable', () => {
    for (const q of scheme.questions) {
      expect(q.forStep.length, q.id).toBeGreaterThan(0);
      expect(q.promptForStep.length, q.id).toBeGreaterThan(0);
      for (const template of [...q.forStep, ...q.promptForStep]) {
        for (const [slot] of template.matchAll(/\{[^}]*\}/g)) expect(['{conclusion}', '{reason}'], template).toContain(slot);
        expect(catalogueVariables(template.replace(/\{\w+\}/g, '“”')), template).toEqual([]);
      }
    }
  });

  test.each(FIXTURE_STEPS)('asked of %s', (_name, step) => {
    const pattern = patternFor(scheme, step);
    for (const line of [...pattern.premises, pattern.conclusion, pattern.here ?? '']) expect(catalogueVariables(line), line).toEqual([]);
    for (const q of scheme.questions) {
      const asked = askQuestion(q, step);
      const opening = objectionOpening(q, step);
      expect(catalogueVariables(asked), asked).toEqual([]);
      expect(catalogueVariables(opening), opening).toEqual([]);
      expect(asked, q.id).toMatch(/^[^{}]+\?$/);
      // An opening the student completes: it ends in "…", where their words go (the form selects the last "…").
      expect(opening, q.id).toMatch(/^[^{}]+[^ ] …$/);
    }
  });
});

/** The op-ed's step `key` (the seed's inference key) as a question sees it. */
const opEdStep = (key: string) =>
  stepWordsOf(
    OP_ED,
    OP_ED.inferences.find((i) => i.id === key)!,
  );
const ask = (fullId: string, step: StepWords) => askQuestion(questionById(fullId)!.question, step);
const open = (fullId: string, step: StepWords) => objectionOpening(questionById(fullId)!.question, step);

describe('questions on the op-ed’s own steps', () => {
  test.each([
    ['practical-reasoning.cq4', 'inf-thesis-case', 'Is it practically possible to do what “The US should change course and talk with North Korea…” proposes?'],
    [
      'practical-reasoning.cq1',
      'inf-thesis-case',
      'What other goals might conflict with doing what “The US should change course and talk with North Korea…” proposes?',
    ],
    ['example.cq1', 'inf-sunshine-summit', 'Is “The sunshine policy led to the June 2000 summit, the…” actually true?'],
    ['example.cq4', 'inf-clinton-freeze', 'Are there counterexamples to “Diplomacy with North Korea has clearly worked before”?'],
    [
      'sign.cq1',
      'inf-brownback',
      'Does “Senators led by Sam Brownback introduced a bill to put…” reliably show “Relations with North Korea are at a dangerous point”?',
    ],
    // Evidence linked with its unstated warrant: the evidence is the sign.
    ['sign.cq3', 'inf-window', 'Is “When Kim Dae-jung died, Kim Jong-il sent a…” really so?'],
    [
      'sign.cq1',
      'inf-sunshine-nobel',
      'Does “The policy earned Kim Dae-jung the Nobel Peace Prize…” reliably show “Kim Dae-jung’s ‘sunshine policy’ of engaging the North…”?',
    ],
    // Evidence linked with the sincerity premise: the gesture is the sign.
    [
      'sign.cq1',
      'inf-summit-interest',
      'Does “Kim Jong-il said he was interested in holding another…” reliably show “In recent weeks North Korea has softened its tone…”?',
    ],
    [
      'cause-to-effect.cq1',
      'inf-stalemate-danger',
      'Does “Demanding total denuclearisation before normalising…” really tend to lead to “Relations with North Korea are at a dangerous point”?',
    ],
    ['commitment.cq4', 'inf-thesis-doctrine', 'Has “Engaging North Korea is what the Obama…” since been withdrawn or qualified?'],
    // Two pieces of evidence of their own: which one is which is not known, so only the conclusion is named.
    [
      'correlation-to-cause.cq4',
      'inf-hardline',
      'Could some third factor explain what “The hard line backfired: North Korea’s nuclear…” puts down to one cause?',
    ],
    ['analogy.cq1', 'inf-stalemate', 'Do the cases compared for “Demanding total denuclearisation before normalising…” differ in a way that matters?'],
  ])('%s on %s', (fullId, key, expected) => {
    expect(ask(fullId, opEdStep(key))).toBe(expected);
  });

  test.each([
    [
      'practical-reasoning.cq4',
      'inf-thesis-case',
      'What “The US should change course and talk with North Korea…” proposes is not practically possible, because …',
    ],
    ['example.cq1', 'inf-clinton-freeze', '“Under Clinton, engagement froze North Korea’s…” is not accurate, because …'],
    ['past-practice.cq2', 'inf-past-practice', '“Diplomacy with North Korea has clearly worked before” no longer carries over to now, because …'],
  ])('the opening of an objection raising %s on %s', (fullId, key, expected) => {
    expect(open(fullId, opEdStep(key))).toBe(expected);
  });

  test('a role the step does not tell falls back to the next wording, then to general words', () => {
    const twoReasons = { conclusion: point('Talks can work.'), premises: [point('A freeze.', 'evidence'), point('A summit.', 'evidence')] };
    expect(ask('example.cq2', twoReasons)).toBe('Is the example really a case of “Talks can work”?');
    expect(ask('example.cq1', twoReasons)).toBe('Is what the example says actually true?');
    expect(ask('practical-reasoning.cq4', NO_STEP)).toBe('Is the proposed action practically possible?');
    expect(ask('practical-reasoning.cq4', { conclusion: point('  '), premises: [] })).toBe('Is the proposed action practically possible?');
    expect(open('practical-reasoning.cq4', NO_STEP)).toBe('It cannot actually be done, because …');
  });

  test('the pattern names the step’s own conclusion', () => {
    const pattern = patternFor(questionById('sign.cq1')!.scheme, opEdStep('inf-brownback'));
    expect(pattern.here).toBe('“Relations with North Korea are at a dangerous point”');
    expect(patternFor(questionById('sign.cq1')!.scheme, NO_STEP).here).toBeNull();
  });

  test('the map’s question lists carry the step’s words; ids and states are the catalogue’s', () => {
    const evaluation = evaluate(OP_ED);
    const onStep = questionsForInference(OP_ED, evaluation, 'inf-thesis-case').find((q) => q.id === 'practical-reasoning.cq4')!;
    expect(onStep.text).toBe(ask('practical-reasoning.cq4', opEdStep('inf-thesis-case')));
    expect(onStep.prompt).toBe(open('practical-reasoning.cq4', opEdStep('inf-thesis-case')));
    expect(onStep.state).toBe('open');
    const raised = unansweredQuestions(OP_ED, evaluation).find((q) => q.id === 'sign.cq1' && q.inferenceId === 'inf-window')!;
    expect(raised.state).toBe('raised');
    expect(raised.text).toContain('“When Kim Dae-jung died');
    for (const q of unansweredQuestions(OP_ED, evaluation)) expect(catalogueVariables(q.text), q.text).toEqual([]);
  });
});

describe('the brief words its questions from the step, or from the point when several steps share one', () => {
  const briefOf = (graph: ArgumentGraph) => {
    const evaluation = evaluate(graph);
    const view: BriefInput = { ...graph, nodes: graph.nodes.map((n) => ({ ...n, status: evaluation.nodes[n.id].status })), ratings: {} };
    return { affirmative: buildBrief(view, 'affirmative'), negative: buildBrief(view, 'negative') };
  };

  test('one step: its reason and conclusion; three steps into one point: the point alone', () => {
    const one = graphOf(
      [
        ['t', 'thesis'],
        ['e1', 'evidence'],
      ],
      [{ ...supports('e1', 't', 's1'), scheme: 'example' }],
    );
    const texts = (graph: ArgumentGraph) => new Map(briefOf(graph).affirmative.questions.prepare.shown.map((q) => [q.id, q.text]));
    expect(texts(one).get('example.cq2')).toBe('Is “evidence e1” really a case of “thesis t”?');
    const three = graphOf(
      [
        ['t', 'thesis'],
        ['e1', 'evidence'],
        ['e2', 'evidence'],
        ['e3', 'evidence'],
      ],
      ['e1', 'e2', 'e3'].map((e, i) => ({ ...supports(e, 't', `s${i}`), scheme: 'example' })),
    );
    expect(texts(three).get('example.cq2')).toBe('Is the example really a case of “thesis t”?');
    expect(texts(three).get('example.cq1')).toBe('Is what the example says actually true?');
  });

  test('an objection raising a question of a premise asks it of that premise (the op-ed’s sample objection)', () => {
    const objection = briefOf(OP_ED).negative.case.find((p) => p.id === 'obj-wrong-dates')!;
    expect(objection.attacks.map((t) => t.question?.text)).toEqual(['Is “Under Clinton, engagement froze North Korea’s…” actually true?']);
  });
});

describe('quotedTitle', () => {
  test.each([
    ['We should negotiate now.', '“We should negotiate now”'],
    ['Relations with North Korea are at a dangerous point: the present US course leads to deadlock.', '“Relations with North Korea are at a dangerous point”'],
    // A first clause too short to stand for the point is not cut there.
    [
      'The hard line backfired: North Korea’s nuclear programme leapt forward only after Washington stopped.',
      '“The hard line backfired: North Korea’s nuclear…”',
    ],
    ['Kim Dae-jung’s “sunshine policy” worked.', '“Kim Dae-jung’s ‘sunshine policy’ worked”'],
    ['He called it "a mess".', '“He called it ‘a mess’”'],
    ['  spaced\n out  ', '“spaced out”'],
  ])('%j → %s', (text, title) => {
    expect(quotedTitle(text)).toBe(title);
  });

  test('a long point is cut at a word, within the limit', () => {
    const title = quotedTitle('word '.repeat(100));
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX + 2);
    expect(title).toMatch(/^“(word )+word…”$/);
  });
});
