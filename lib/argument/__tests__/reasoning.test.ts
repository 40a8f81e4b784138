import { describe, expect, test } from 'vitest';
import { evaluate } from '../evaluation';
import type { ArgNode, ArgumentGraph, Conflict, Inference, NodeKind } from '../model';
import { emptyReasoning, reasoningOf, reasoningSummary, type StudentReasoning } from '../reasoning';
import { attacks, linked, node, supports, undercuts } from './fixtures';

const ANN = 'member:ann';
const BEN = 'member:ben';
const CARA = 'member:cara';

type Point = [id: string, kind: NodeKind, maker: string | null, details?: Partial<ArgNode>];

/**
 * The seeded analysis — thesis `t`, claim `c` (with evidence `e` under it, the step `e>c` following
 * the analogy scheme) and the step `c>t` — plus the students' points given.
 */
function mapOf(points: Point[], inferences: Inference[] = [], conflicts: Conflict[] = []) {
  const seeded: Point[] = [
    ['t', 'thesis', null],
    ['c', 'claim', null],
    ['e', 'evidence', null],
  ];
  const all = [...seeded, ...points];
  const graph: ArgumentGraph = {
    nodes: all.map(([id, kind, , details]) => ({ ...node(id, kind), ...details })),
    inferences: [supports('c', 't'), { ...supports('e', 'c'), scheme: 'analogy' }, ...inferences],
    conflicts,
  };
  const makers = new Map(all.map(([id, , maker]) => [id, maker]));
  return { graph, makers };
}

function reasoningFor(mark: string, map: ReturnType<typeof mapOf>, asOf?: string): StudentReasoning {
  return reasoningOf(map.graph, evaluate(map.graph, { asOf }), map.makers).get(mark) ?? emptyReasoning(mark);
}

const QUOTE = { quote: { start: 0, end: 4, text: 'Talk' } };

describe('objections: defeating, answered', () => {
  test.each([
    [
      'an objection nothing answers defeats what it attacks',
      mapOf([['o1', 'objection', ANN]], [], [attacks('o1', 'c')]),
      { made: ['o1'], defeating: ['o1'], answered: [] },
    ],
    [
      'an objection later rebutted is answered',
      mapOf(
        [
          ['o1', 'objection', ANN],
          ['r1', 'rebuttal', BEN],
        ],
        [],
        [attacks('o1', 'c'), attacks('r1', 'o1')],
      ),
      { made: ['o1'], defeating: [], answered: ['o1'] },
    ],
    [
      'a rebuttal later defeated reinstates the objection',
      mapOf(
        [
          ['o1', 'objection', ANN],
          ['r1', 'rebuttal', BEN],
          ['x1', 'objection', CARA],
        ],
        [],
        [attacks('o1', 'c'), attacks('r1', 'o1'), attacks('x1', 'r1')],
      ),
      { made: ['o1'], defeating: ['o1'], answered: [] },
    ],
    [
      'rebutted by a rebuttal that is itself contested: neither',
      mapOf(
        [
          ['o1', 'objection', ANN],
          ['r1', 'rebuttal', BEN],
          ['r2', 'rebuttal', CARA],
        ],
        [],
        [attacks('o1', 'c'), attacks('r1', 'o1'), attacks('r2', 'r1'), attacks('r1', 'r2')],
      ),
      { made: ['o1'], defeating: [], answered: [] },
    ],
    [
      'an undercut that stands defeats the step',
      mapOf([['u1', 'objection', ANN]], [], [undercuts('u1', 'c>t')]),
      { made: ['u1'], defeating: ['u1'], answered: [] },
    ],
    [
      'an objection to a point already defeated by another still defeats it',
      mapOf(
        [
          ['o1', 'objection', ANN],
          ['o2', 'objection', BEN],
        ],
        [],
        [attacks('o1', 'c'), attacks('o2', 'c')],
      ),
      { made: ['o1'], defeating: ['o1'], answered: [] },
    ],
    ['an objection placed unconnected defeats nothing', mapOf([['o1', 'objection', ANN]]), { made: ['o1'], defeating: [], answered: [] }],
    [
      'an objection set aside as later (judged as of an earlier month) is neither',
      mapOf(
        [
          ['o1', 'objection', ANN, { asOf: '2012-02' }],
          ['r1', 'rebuttal', BEN],
        ],
        [],
        [attacks('o1', 'c'), attacks('r1', 'o1')],
      ),
      { made: ['o1'], defeating: [], answered: [] },
      '2010-01',
    ],
    [
      'a rebuttal set aside as later answers nothing then',
      mapOf(
        [
          ['o1', 'objection', ANN],
          ['r1', 'rebuttal', BEN, { asOf: '2012-02' }],
        ],
        [],
        [attacks('o1', 'c'), attacks('r1', 'o1')],
      ),
      { made: ['o1'], defeating: ['o1'], answered: [] },
      '2010-01',
    ],
  ] as const)('%s', (_name, map, objections, asOf?: string) => {
    expect(reasoningFor(ANN, map, asOf).objections).toEqual(objections);
  });

  test('a rebuttal’s own figures: it defeats the objection it answers, until it is answered', () => {
    const standing = mapOf(
      [
        ['o1', 'objection', ANN],
        ['r1', 'rebuttal', BEN],
      ],
      [],
      [attacks('o1', 'c'), attacks('r1', 'o1')],
    );
    expect(reasoningFor(BEN, standing).rebuttals).toEqual({ made: ['r1'], defeating: ['r1'], answered: [] });
    const defeated = mapOf(
      [
        ['o1', 'objection', ANN],
        ['r1', 'rebuttal', BEN],
        ['r2', 'rebuttal', ANN],
      ],
      [],
      [attacks('o1', 'c'), attacks('r1', 'o1'), attacks('r2', 'r1')],
    );
    expect(reasoningFor(BEN, defeated).rebuttals).toEqual({ made: ['r1'], defeating: [], answered: ['r1'] });
  });
});

describe('challenges: attacks on their points, and which they answered', () => {
  test.each([
    ['nothing attacks their points', mapOf([['a1', 'claim', ANN]], [supports('a1', 't')]), { aimed: [], answered: [], aimedKind: 'attack' }],
    [
      'a rebuttal to their objection, unanswered',
      mapOf(
        [
          ['o1', 'objection', ANN],
          ['r1', 'rebuttal', BEN],
        ],
        [],
        [attacks('o1', 'c'), attacks('r1', 'o1')],
      ),
      { aimed: ['r1'], answered: [], aimedKind: 'rebuttal' },
    ],
    [
      'they answered it with a rebuttal that stands',
      mapOf(
        [
          ['o1', 'objection', ANN],
          ['r1', 'rebuttal', BEN],
          ['r2', 'rebuttal', ANN],
        ],
        [],
        [attacks('o1', 'c'), attacks('r1', 'o1'), attacks('r2', 'r1')],
      ),
      { aimed: ['r1'], answered: ['r1'], aimedKind: 'rebuttal' },
    ],
    [
      'answered by someone else is not answered by them',
      mapOf(
        [
          ['o1', 'objection', ANN],
          ['r1', 'rebuttal', BEN],
          ['r2', 'rebuttal', CARA],
        ],
        [],
        [attacks('o1', 'c'), attacks('r1', 'o1'), attacks('r2', 'r1')],
      ),
      { aimed: ['r1'], answered: [], aimedKind: 'rebuttal' },
    ],
    [
      'their answer, itself defeated, does not count',
      mapOf(
        [
          ['o1', 'objection', ANN],
          ['r1', 'rebuttal', BEN],
          ['r2', 'rebuttal', ANN],
          ['r3', 'rebuttal', BEN],
        ],
        [],
        [attacks('o1', 'c'), attacks('r1', 'o1'), attacks('r2', 'r1'), attacks('r3', 'r2')],
      ),
      { aimed: ['r1', 'r3'], answered: [], aimedKind: 'rebuttal' },
    ],
    [
      'the seeded analysis’s objection and an undercut of their step both count; their own attack does not',
      mapOf(
        [
          ['a1', 'claim', ANN],
          ['x', 'objection', null],
          ['u1', 'objection', BEN],
          ['o2', 'objection', ANN],
        ],
        [supports('a1', 't')],
        [attacks('x', 'a1'), undercuts('u1', 'a1>t'), attacks('o2', 'a1')],
      ),
      { aimed: ['x', 'u1'], answered: [], aimedKind: 'objection' },
    ],
    [
      'an undercut of a linked step they share with a classmate counts for both',
      mapOf(
        [
          ['a1', 'premise', ANN],
          ['b1', 'evidence', BEN],
          ['u1', 'objection', CARA],
        ],
        [linked(['a1', 'b1'], 't', 'ab')],
        [undercuts('u1', 'ab')],
      ),
      { aimed: ['u1'], answered: [], aimedKind: 'objection' },
    ],
    [
      'one objection attacking two of their points is one challenge; a mix of kinds reads "attack"',
      mapOf(
        [
          ['a1', 'claim', ANN],
          ['a2', 'objection', ANN],
          ['o1', 'objection', BEN],
          ['r1', 'rebuttal', BEN],
        ],
        [supports('a1', 't')],
        [attacks('o1', 'a1'), attacks('a2', 'c'), attacks('r1', 'a2'), attacks('o1', 'a2')],
      ),
      { aimed: ['o1', 'r1'], answered: [], aimedKind: 'attack' },
    ],
  ] as const)('%s', (_name, map, challenges) => {
    expect(reasoningFor(ANN, map).challenges).toEqual(challenges);
  });

  test('a challenge set aside as later is nobody’s', () => {
    const map = mapOf(
      [
        ['o1', 'objection', ANN],
        ['r1', 'rebuttal', BEN, { asOf: '2012-02' }],
      ],
      [],
      [attacks('o1', 'c'), attacks('r1', 'o1')],
    );
    expect(reasoningFor(ANN, map, '2010-01').challenges.aimed).toEqual([]);
    expect(reasoningFor(ANN, map).challenges.aimed).toEqual(['r1']);
  });
});

describe('critical questions raised', () => {
  const raising = (conflict: Conflict, question: string): Conflict => ({ ...conflict, question });

  test.each([
    ['raised against a premise, unanswered', [attacks('q1', 'e')], 'raised'],
    ['raised against the step (an undercut), unanswered', [undercuts('q1', 'e>c')], 'raised'],
    ['raised, then rebutted', [attacks('q1', 'e'), attacks('r1', 'q1')], 'answered'],
  ] as const)('%s → %s', (_name, conflicts, state) => {
    const map = mapOf(
      [
        ['q1', 'objection', ANN],
        ['r1', 'rebuttal', BEN],
      ],
      [],
      conflicts.map((c) => (c.attacker === 'q1' ? raising(c, 'analogy.cq1') : c)),
    );
    const [raised, ...rest] = reasoningFor(ANN, map).questions;
    expect(rest).toEqual([]);
    expect(raised).toMatchObject({ nodeId: 'q1', question: 'analogy.cq1', inferenceIds: ['e>c'], stepCount: 1, state });
    expect(raised.text.length).toBeGreaterThan(0);
  });

  test('a question raised by a point set aside as later is open as of then', () => {
    const map = mapOf([['q1', 'objection', ANN, { asOf: '2012-02' }]], [], [raising(attacks('q1', 'e'), 'analogy.cq1')]);
    expect(reasoningFor(ANN, map, '2010-01').questions.map((q) => q.state)).toEqual(['open']);
  });

  test('a raise that fits no step any more (its scheme was changed) is left out, the objection stays', () => {
    const map = mapOf([['q1', 'objection', ANN]], [], [raising(attacks('q1', 'c'), 'analogy.cq1')]);
    const r = reasoningFor(ANN, map);
    expect(r.questions).toEqual([]);
    expect(r.objections.made).toEqual(['q1']);
  });

  test('a premise of two steps of the scheme: asked of both, raised while one still has it unanswered', () => {
    const map = mapOf(
      [
        ['c2', 'claim', null],
        ['q1', 'objection', ANN],
        ['q2', 'objection', BEN],
        ['r1', 'rebuttal', BEN],
      ],
      [{ ...supports('e', 'c2'), scheme: 'analogy' }],
      [raising(attacks('q1', 'e'), 'analogy.cq1'), raising(undercuts('q2', 'e>c2'), 'analogy.cq1'), attacks('r1', 'q1')],
    );
    const [raised] = reasoningFor(ANN, map).questions;
    // Ann's objection is rebutted, but Ben's raise of the same question against e>c2 stands.
    expect(raised).toMatchObject({ inferenceIds: ['e>c', 'e>c2'], stepCount: 2, state: 'raised' });
  });
});

describe('quotes and unsupported assertions', () => {
  test('quoting points, and claims, objections and rebuttals resting on nothing', () => {
    const map = mapOf(
      [
        ['a1', 'claim', ANN, QUOTE],
        ['a2', 'claim', ANN],
        ['a3', 'claim', ANN],
        ['a4', 'evidence', ANN],
        ['w1', 'premise', ANN, { implicit: true }],
        ['k1', 'claim', ANN, { implicit: true }],
        ['o1', 'objection', ANN],
        ['o2', 'objection', ANN, QUOTE],
        ['p1', 'premise', ANN],
      ],
      [supports('a1', 't'), supports('a2', 't'), supports('a3', 't'), supports('a4', 'a3'), supports('w1', 'c'), supports('p1', 'o1'), supports('k1', 't')],
      [attacks('o2', 'c')],
    );
    const r = reasoningFor(ANN, map);
    expect(r.quoted).toEqual(['a1', 'o2']);
    // a3 has a reason (a4), o1 has one (p1); unstated points are reconstructions, not assertions.
    expect(r.unsupported).toEqual(['a2']);
    expect(r.points).toEqual(['a1', 'a2', 'a3', 'a4', 'w1', 'k1', 'o1', 'o2', 'p1']);
  });

  test('an objection with no quote and no reason is an unsupported assertion, whatever it defeats', () => {
    const r = reasoningFor(ANN, mapOf([['o1', 'objection', ANN]], [], [attacks('o1', 'c')]));
    expect(r.unsupported).toEqual(['o1']);
    expect(r.objections.defeating).toEqual(['o1']);
  });
});

describe('reasoningOf over the whole map', () => {
  test('only students with points are in it; the seeded analysis belongs to nobody', () => {
    const map = mapOf(
      [
        ['o1', 'objection', ANN],
        ['x', 'objection', null],
      ],
      [],
      [attacks('o1', 'c'), attacks('x', 'o1')],
    );
    const all = reasoningOf(map.graph, evaluate(map.graph), map.makers);
    expect([...all.keys()]).toEqual([ANN]);
    expect(all.get(ANN)!.objections.answered).toEqual(['o1']);
  });

  test('a 20,000-point class map in one pass', () => {
    // 200 students, each with 25 claims under the thesis, 25 objections to a classmate's claim
    // (every other one rebutted by the claim's maker), 25 critical questions raised against one
    // premise shared by all 5,000 steps of the analogy scheme, and 25 quoting pieces of evidence.
    const students = Array.from({ length: 200 }, (_, i) => `member:s${i}`);
    const nodes: ArgNode[] = [node('t', 'thesis'), node('shared', 'premise')];
    const makers = new Map<string, string | null>([
      ['t', null],
      ['shared', null],
    ]);
    const inferences: Inference[] = [];
    const conflicts: Conflict[] = [];
    const add = (id: string, kind: NodeKind, maker: string, details: Partial<ArgNode> = {}) => {
      nodes.push({ ...node(id, kind), ...details });
      makers.set(id, maker);
    };
    students.forEach((s, i) => {
      const next = students[(i + 1) % students.length];
      for (let k = 0; k < 25; k++) {
        add(`c${i}-${k}`, 'claim', s);
        inferences.push({ ...linked(['shared', `c${i}-${k}`], 't', `s${i}-${k}`), scheme: 'analogy' });
        add(`o${i}-${k}`, 'objection', s);
        conflicts.push(attacks(`o${i}-${k}`, `c${(i + 1) % students.length}-${k}`));
        if (k % 2 === 0) {
          add(`r${i}-${k}`, 'rebuttal', next);
          conflicts.push(attacks(`r${i}-${k}`, `o${i}-${k}`));
        }
        add(`q${i}-${k}`, 'objection', s);
        conflicts.push({ ...attacks(`q${i}-${k}`, 'shared'), question: 'analogy.cq1' });
        add(`e${i}-${k}`, 'evidence', s, QUOTE);
      }
    });
    const graph: ArgumentGraph = { nodes, inferences, conflicts };
    expect(graph.nodes.length).toBe(22_602);
    const evaluation = evaluate(graph);
    reasoningOf(graph, evaluation, makers); // warm up the JIT
    const started = performance.now();
    const all = reasoningOf(graph, evaluation, makers);
    const elapsed = performance.now() - started;
    const s1 = all.get('member:s1')!;
    expect(s1.objections.made).toHaveLength(50);
    expect(s1.objections.answered).toHaveLength(13);
    expect(s1.questions).toHaveLength(25);
    expect(s1.questions[0]).toMatchObject({ state: 'raised', stepCount: 5000 });
    expect(s1.questions[0].inferenceIds).toHaveLength(20);
    expect(s1.quoted).toHaveLength(25);
    expect(s1.challenges.aimed).toHaveLength(25 + 13);
    expect(s1.challenges.answered).toHaveLength(13);
    // Gathering each raise's steps one by one would be 5,000 raises × 5,000 steps.
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('reasoningSummary', () => {
  const figures = (partial: Partial<StudentReasoning>): StudentReasoning => ({ ...emptyReasoning(ANN), points: ['x'], ...partial });
  const ids = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const raised = (state: 'raised' | 'answered') => ({ nodeId: 'q', question: 'analogy.cq1', text: '', inferenceIds: ['i'], stepCount: 1, state });

  test.each([
    [
      'the issue’s example',
      figures({
        objections: { made: ids(3), defeating: ids(2), answered: ['p2'] },
        challenges: { aimed: ids(2, 'r'), answered: ['r0'], aimedKind: 'rebuttal' },
        quoted: ids(2, 'q'),
      }),
      '3 objections, 2 unanswered and standing, 1 answered; answered 1 of 2 rebuttals to their points; quoted the essay twice',
    ],
    [
      'one of each',
      figures({
        rebuttals: { made: ['r'], defeating: [], answered: ['r'] },
        challenges: { aimed: ['o'], answered: [], aimedKind: 'objection' },
        questions: [raised('raised')],
        quoted: ['q'],
        unsupported: ['u'],
      }),
      '1 rebuttal, 1 answered; answered 0 of 1 objection to their points; raised 1 critical question, 1 still unanswered; quoted the essay once; 1 unsupported assertion',
    ],
    [
      'questions all answered, a mix of attacks',
      figures({
        questions: [raised('answered'), raised('answered'), raised('raised')],
        challenges: { aimed: ids(3), answered: ids(3), aimedKind: 'attack' },
        quoted: ids(4),
      }),
      'Answered 3 of 3 attacks to their points; raised 3 critical questions, 1 still unanswered, 2 answered; quoted the essay 4 times',
    ],
    ['points, none that the figures name', figures({ points: ['a', 'b'] }), '2 points, no objection, rebuttal or quote among them'],
    ['no points', emptyReasoning(ANN), 'No points on the map yet'],
  ])('%s', (_name, r, sentence) => {
    expect(reasoningSummary(r)).toBe(sentence);
  });

  test('reads the figures of a real map', () => {
    const map = mapOf(
      [
        ['o1', 'objection', ANN, QUOTE],
        ['o2', 'objection', ANN],
        ['r1', 'rebuttal', BEN],
        ['r2', 'rebuttal', ANN],
        ['r3', 'rebuttal', BEN],
      ],
      [],
      [attacks('o1', 'c'), attacks('o2', 'e'), attacks('r1', 'o1'), attacks('r2', 'r1'), attacks('r3', 'o2')],
    );
    expect(reasoningSummary(reasoningFor(ANN, map))).toBe(
      '2 objections, 1 unanswered and standing, 1 answered; 1 rebuttal, 1 unanswered and standing; answered 1 of 2 rebuttals to their points; quoted the essay once; 2 unsupported assertions',
    );
  });
});

describe('the worked example of docs/evaluation.md ("Assessing a student’s reasoning")', () => {
  const example = (annRebuts: boolean) =>
    mapOf(
      [
        ['b1', 'evidence', BEN, QUOTE],
        ['a1', 'objection', ANN],
        ['a2', 'objection', ANN, QUOTE],
        ['r1', 'rebuttal', BEN],
        ...(annRebuts ? ([['a4', 'rebuttal', ANN]] as Point[]) : []),
      ],
      [supports('b1', 't')],
      [attacks('a1', 'b1'), { ...attacks('a2', 'e'), question: 'analogy.cq1' }, attacks('r1', 'a1'), ...(annRebuts ? [attacks('a4', 'r1')] : [])],
    );

  test('figures and summaries after step 9', () => {
    const map = example(false);
    const evaluation = evaluate(map.graph);
    expect(evaluation.thesis).toBe('stands');
    expect(evaluation.nodes.c.status).toBe('unsupported');
    const all = reasoningOf(map.graph, evaluation, map.makers);
    const ann = all.get(ANN)!;
    const ben = all.get(BEN)!;
    expect(ann.objections).toEqual({ made: ['a1', 'a2'], defeating: ['a2'], answered: ['a1'] });
    expect(ann.challenges).toEqual({ aimed: ['r1'], answered: [], aimedKind: 'rebuttal' });
    expect(ann.questions.map((q) => [q.nodeId, q.state])).toEqual([['a2', 'raised']]);
    expect([ann.quoted, ann.unsupported]).toEqual([['a2'], ['a1']]);
    expect(ben.rebuttals).toEqual({ made: ['r1'], defeating: ['r1'], answered: [] });
    expect(ben.challenges).toEqual({ aimed: ['a1'], answered: ['a1'], aimedKind: 'objection' });
    expect([ben.quoted, ben.unsupported]).toEqual([['b1'], ['r1']]);
    expect(reasoningSummary(ann)).toBe(
      '2 objections, 1 unanswered and standing, 1 answered; answered 0 of 1 rebuttal to their points; raised 1 critical question, 1 still unanswered; quoted the essay once; 1 unsupported assertion',
    );
    expect(reasoningSummary(ben)).toBe(
      '1 rebuttal, 1 unanswered and standing; answered 1 of 1 objection to their points; quoted the essay once; 1 unsupported assertion',
    );
  });

  test('Ann rebuts r1: a1 is reinstated, Ben’s rebuttal answered', () => {
    const map = example(true);
    const all = reasoningOf(map.graph, evaluate(map.graph), map.makers);
    expect(all.get(ANN)!.objections.defeating).toEqual(['a1', 'a2']);
    expect(all.get(ANN)!.challenges).toEqual({ aimed: ['r1'], answered: ['r1'], aimedKind: 'rebuttal' });
    expect(all.get(BEN)!.rebuttals.answered).toEqual(['r1']);
    expect(evaluate(map.graph).nodes.b1.defeatedBy).toEqual(['a1']);
    expect(evaluate(map.graph).thesis).toBe('unsupported');
  });
});
