import { describe, expect, test } from 'vitest';
import { evaluate } from '../evaluation';
import type { ArgumentGraph, Conflict, Inference, NodeKind, StockIssue } from '../model';
import { LOST_ISSUE_RULE, listWords, stockIssueCase, type StockIssueCase, type StockIssueLine } from '../stock-issues';
import { attacks, graphOf, linked, node, supports, undercuts } from './fixtures';

/** Tags points with stock issues (and dates), and marks the thesis a proposal unless told not to. */
function tagged(graph: ArgumentGraph, issues: Record<string, StockIssue>, options: { proposal?: boolean; asOf?: Record<string, string> } = {}): ArgumentGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => ({
      ...n,
      stockIssue: issues[n.id] ?? null,
      asOf: options.asOf?.[n.id] ?? null,
      ...(n.kind === 'thesis' ? { proposal: options.proposal ?? true } : {}),
    })),
  };
}

/** The stock issues of `graph` under its own evaluation (as of `asOf`, when given). */
function read(graph: ArgumentGraph, asOf: string | null = null): StockIssueCase {
  const evaluation = evaluate(graph, { asOf });
  const result = stockIssueCase(graph, (id) => evaluation.nodes[id]?.status, { asOf });
  if (!result) throw new Error('expected a stock-issue case');
  return result;
}

const states = (c: StockIssueCase) => Object.fromEntries([...c.affirmative, ...c.negative].map((l) => [l.issue, l.state]));
const lineOf = (c: StockIssueCase, issue: StockIssue) => [...c.affirmative, ...c.negative].find((l) => l.issue === issue)!;

const FOUR: Record<string, StockIssue> = { h: 'harm', i: 'inherency', s: 'solvency', n: 'timeliness' };
const CASE_NODES: [string, NodeKind][] = [
  ['t', 'thesis'],
  ['h', 'claim'],
  ['i', 'premise'],
  ['s', 'claim'],
  ['n', 'premise'],
  ['eh', 'evidence'],
  ['es', 'evidence'],
  ['d', 'claim'],
  ['ed', 'evidence'],
];
// t ← [h + i + s + n] (the linked case step); h ← eh; s ← es; and a separate line t ← d ← ed.
const CASE_STEPS: Inference[] = [
  linked(['h', 'i', 's', 'n'], 't', 'case'),
  supports('eh', 'h'),
  supports('es', 's', 'into-s'),
  supports('d', 't', 'doctrine'),
  supports('ed', 'd'),
];

function policyCase(
  extraNodes: [string, NodeKind][] = [],
  conflicts: Conflict[] = [],
  issues: Record<string, StockIssue> = FOUR,
  extraSteps: Inference[] = [],
): ArgumentGraph {
  return tagged(graphOf([...CASE_NODES, ...extraNodes], [...CASE_STEPS, ...extraSteps], conflicts), issues);
}

describe('stockIssueCase', () => {
  test('only a thesis marked as a policy proposal is read for stock issues', () => {
    const plain = tagged(graphOf(CASE_NODES, CASE_STEPS), FOUR, { proposal: false });
    expect(stockIssueCase(plain, () => 'stands')).toBeNull();
    expect(stockIssueCase(graphOf([['c', 'claim']], []), () => 'stands')).toBeNull();
  });

  test('all four issues argued on the linked step and standing: held, nothing loses the round', () => {
    const c = read(policyCase());
    expect(c.step).toBe('case');
    expect(states(c)).toEqual({ harm: 'held', inherency: 'held', solvency: 'held', timeliness: 'held', disadvantage: 'missing', counterplan: 'missing' });
    expect(c.losing).toEqual([]);
    expect(c.verdict).toBe('The affirmative holds all four stock issues (harm, inherency, solvency and timeliness).');
    expect(lineOf(c, 'harm').summary).toBe('Held: its point stands.');
  });

  test('a standing objection to the solvency claim loses the issue and the round, though another line keeps the thesis standing', () => {
    const graph = policyCase([['o', 'objection']], [attacks('o', 's')]);
    const c = read(graph);
    expect(evaluate(graph).thesis).toBe('stands');
    expect(lineOf(c, 'solvency')).toMatchObject({ state: 'lost', points: ['s'], standing: [], attacks: [{ attacker: 'o', target: 's', undercut: false }] });
    expect(lineOf(c, 'solvency').summary).toBe('Lost: its only point is defeated. A lost stock issue loses the round.');
    expect(c.losing).toEqual(['solvency']);
    expect(c.verdict).toBe(`The affirmative loses the round on the stock issues: solvency is lost. ${LOST_ISSUE_RULE}`);
  });

  test('a rebuttal that defeats the objection wins the issue back (reinstatement)', () => {
    const c = read(
      policyCase(
        [
          ['o', 'objection'],
          ['r', 'rebuttal'],
        ],
        [attacks('o', 's'), attacks('r', 'o')],
      ),
    );
    expect(lineOf(c, 'solvency').state).toBe('held');
    expect(c.losing).toEqual([]);
  });

  test('an issue whose claim loses its evidence is lost as unsupported; an undercut of a step into it is an attack on it', () => {
    const c = read(policyCase([['u', 'objection']], [undercuts('u', 'into-s')]));
    expect(lineOf(c, 'solvency')).toMatchObject({ state: 'lost', attacks: [{ attacker: 'u', target: 's', undercut: true }] });
    expect(lineOf(c, 'solvency').summary).toContain('its only point is unsupported');
  });

  test('an issue nobody argues on the case step is missing, and missing loses the round too', () => {
    const c = read(policyCase([], [], { h: 'harm', i: 'inherency', s: 'solvency' }));
    expect(lineOf(c, 'timeliness')).toMatchObject({ state: 'missing', points: [], elsewhere: [] });
    expect(lineOf(c, 'timeliness').summary).toBe(
      'Missing: no premise of the step into the thesis argues timeliness (Why now?). An issue nobody argues is lost, and a lost stock issue loses the round.',
    );
    expect(c.losing).toEqual(['timeliness']);
    expect(c.verdict).toBe(`The affirmative loses the round on the stock issues: timeliness is never argued. ${LOST_ISSUE_RULE}`);
  });

  test('lost and missing issues are both named in the verdict', () => {
    const c = read(
      policyCase(
        [
          ['o', 'objection'],
          ['o2', 'objection'],
        ],
        [attacks('o', 'h'), attacks('o2', 'i')],
        { h: 'harm', i: 'inherency', s: 'solvency' },
      ),
    );
    expect(c.losing).toEqual(['harm', 'inherency', 'timeliness']);
    expect(c.verdict).toContain('harm and inherency are lost, and timeliness is never argued.');
  });

  test('the case step is the step into the thesis arguing the most issues; a tag on another step does not hold an issue', () => {
    // The doctrine step's claim is tagged timeliness: it is a separate reason, not part of the linked case.
    const c = read(policyCase([], [], { h: 'harm', i: 'inherency', s: 'solvency', d: 'timeliness', es: 'solvency' }));
    expect(c.step).toBe('case');
    expect(lineOf(c, 'timeliness')).toMatchObject({ state: 'missing', elsewhere: ['d'] });
    expect(lineOf(c, 'timeliness').summary).toContain('It is tagged on 1 point off that step: link one into it as a premise.');
    // Evidence beneath the solvency claim tagged solvency too: listed, but the claim on the step holds it.
    expect(lineOf(c, 'solvency')).toMatchObject({ state: 'held', points: ['s'], elsewhere: ['es'] });
  });

  test('a tie between steps goes to the first in map order; no tagged step at all leaves every issue missing', () => {
    const twoSteps = tagged(
      graphOf(
        [
          ['t', 'thesis'],
          ['a', 'premise'],
          ['b', 'premise'],
        ],
        [supports('a', 't', 'first'), supports('b', 't', 'second')],
      ),
      { a: 'harm', b: 'solvency' },
    );
    expect(read(twoSteps).step).toBe('first');
    const untagged = read(tagged(graphOf(CASE_NODES, CASE_STEPS), {}));
    expect(untagged.step).toBeNull();
    expect(untagged.losing).toEqual(['harm', 'inherency', 'solvency', 'timeliness']);
  });

  test('several points on one issue of the linked step: each is needed, so the issue falls with either', () => {
    const graph = (conflicts: Conflict[]) =>
      tagged(
        graphOf(
          [
            ['t', 'thesis'],
            ['h1', 'premise'],
            ['h2', 'premise'],
            ['o', 'objection'],
          ],
          [linked(['h1', 'h2'], 't', 'case')],
          conflicts,
        ),
        { h1: 'harm', h2: 'harm' },
      );
    expect(lineOf(read(graph([])), 'harm')).toMatchObject({ state: 'held', summary: 'Held: its 2 points stand.' });
    const attacked = lineOf(read(graph([attacks('o', 'h1')])), 'harm');
    expect(attacked).toMatchObject({ state: 'lost', points: ['h1', 'h2'], standing: ['h2'] });
    expect(attacked.summary).toBe(
      'Lost: 1 of its 2 points does not stand (defeated), and on the linked step every premise is needed. A lost stock issue loses the round.',
    );
  });

  test('a premise of the case step tagged with no issue is needed too: the verdict says when it fails', () => {
    const graph = tagged(
      graphOf(
        [...CASE_NODES, ['w', 'premise'], ['o', 'objection']],
        [linked(['h', 'i', 's', 'n', 'w'], 't', 'case'), ...CASE_STEPS.slice(1)],
        [attacks('o', 'w')],
      ),
      FOUR,
    );
    const c = read(graph);
    expect(c.untagged).toEqual(['w']);
    expect(c.losing).toEqual([]);
    expect(c.verdict).toContain('But a premise of the step that links them, tagged with no issue, does not stand: the step fails all the same.');
  });

  test('an undercut of the case step is listed apart: the issues are held, but together they do not carry the proposal', () => {
    const c = read(policyCase([['u', 'objection']], [undercuts('u', 'case')]));
    expect(c.stepAttacks).toEqual([{ attacker: 'u', target: 't', undercut: true }]);
    expect(c.losing).toEqual([]);
    expect(c.verdict).toContain('But an undercut of the step that links them stands');
  });

  describe('judged as of a month: points set aside as later argue nothing and attack nothing', () => {
    /** `policyCase`, with the given points dated (`asOf`). */
    const dated = (
      asOf: Record<string, string>,
      extraNodes: [string, NodeKind][] = [],
      conflicts: Conflict[] = [],
      issues: Record<string, StockIssue> = FOUR,
      extraSteps: Inference[] = [],
    ) => tagged(graphOf([...CASE_NODES, ...extraNodes], [...CASE_STEPS, ...extraSteps], conflicts), issues, { asOf });
    const DIS: Record<string, StockIssue> = { ...FOUR, dis: 'disadvantage', dis2: 'disadvantage' };

    test.each<{ name: string; graph: ArgumentGraph; issue: StockIssue; today: Partial<StockIssueLine>; asOf2009: Partial<StockIssueLine> }>([
      {
        name: 'an affirmative issue whose only point is later is missing as of then, not lost',
        graph: dated({ n: '2010-03' }),
        issue: 'timeliness',
        today: { state: 'held', points: ['n'], laterPoints: [] },
        asOf2009: {
          state: 'missing',
          points: [],
          laterPoints: ['n'],
          summary:
            'Missing as of Aug 2009: its only point rests on facts known only later and is set aside, so then no premise of the step into the thesis argues timeliness (Why now?). An issue nobody argues is lost, and a lost stock issue loses the round.',
        },
      },
      {
        name: 'a later objection to the solvency claim is no attack as of then: the issue is held',
        graph: dated({ o: '2012-04' }, [['o', 'objection']], [attacks('o', 's')]),
        issue: 'solvency',
        today: { state: 'lost', attacks: [{ attacker: 'o', target: 's', undercut: false }], laterAttacks: [] },
        asOf2009: { state: 'held', attacks: [], laterAttacks: [{ attacker: 'o', target: 's', undercut: false }], summary: 'Held: its point stands.' },
      },
      {
        name: 'a disadvantage dated 2012 is not argued as of 2009, not “answered”',
        graph: dated({ dis: '2012-04' }, [['dis', 'objection']], [attacks('dis', 't')], DIS),
        issue: 'disadvantage',
        today: { state: 'held', points: ['dis'] },
        asOf2009: {
          state: 'missing',
          points: [],
          laterPoints: ['dis'],
          summary:
            'Not argued as of Aug 2009: its only point rests on facts known only later and is set aside. The negative could then ask: Would the proposal bring worse harms of its own?',
        },
      },
      {
        name: 'a disadvantage with one point answered and one later is answered, and says one more is set aside',
        graph: dated(
          { dis2: '2012-04' },
          [
            ['dis', 'objection'],
            ['dis2', 'objection'],
            ['r', 'rebuttal'],
          ],
          [attacks('dis', 't'), attacks('dis2', 't'), attacks('r', 'dis')],
          DIS,
        ),
        issue: 'disadvantage',
        today: { state: 'held', standing: ['dis2'] },
        asOf2009: {
          state: 'lost',
          points: ['dis'],
          laterPoints: ['dis2'],
          summary: 'Answered: its only point is defeated. 1 more point is set aside as of Aug 2009 (known only later).',
        },
      },
      {
        name: 'a later rebuttal is no answer as of then: the disadvantage stands',
        graph: dated(
          { r: '2012-04' },
          [
            ['dis', 'objection'],
            ['r', 'rebuttal'],
          ],
          [attacks('dis', 't'), attacks('r', 'dis')],
          DIS,
        ),
        issue: 'disadvantage',
        today: { state: 'lost', attacks: [{ attacker: 'r', target: 'dis', undercut: false }] },
        asOf2009: { state: 'held', attacks: [], laterAttacks: [{ attacker: 'r', target: 'dis', undercut: false }] },
      },
      {
        name: 'an undercut of a step set aside (its evidence is later) is no attack: the claim is unsupported as of then',
        graph: dated({ es: '2010-01' }, [['u', 'objection']], [undercuts('u', 'into-s')]),
        issue: 'solvency',
        today: { state: 'lost', attacks: [{ attacker: 'u', target: 's', undercut: true }] },
        asOf2009: { state: 'lost', attacks: [], laterAttacks: [], summary: 'Lost: its only point is unsupported. A lost stock issue loses the round.' },
      },
    ])('$name', ({ graph, issue, today, asOf2009 }) => {
      expect(lineOf(read(graph), issue)).toMatchObject(today);
      expect(lineOf(read(graph, '2009-08'), issue)).toMatchObject(asOf2009);
    });

    test('the verdict names an issue argued only later as not argued then; with no month given it says “the month judged”', () => {
      const graph = dated({ n: '2010-03' });
      expect(read(graph, '2009-08').verdict).toBe(
        `The affirmative loses the round on the stock issues: timeliness is not argued as of Aug 2009 (what argues it was known only later). ${LOST_ISSUE_RULE}`,
      );
      expect(read(graph, '2009-08').losing).toEqual(['timeliness']);
      const evaluation = evaluate(graph, { asOf: '2009-08' });
      const unnamed = stockIssueCase(graph, (id) => evaluation.nodes[id]?.status)!;
      expect(lineOf(unnamed, 'timeliness').summary).toMatch(/^Missing as of the month judged: /);
    });

    test('a later premise of the case step (tagged or not) sets the step aside: the issues may hold, the verdict says the step cannot be made then', () => {
      // The case step needs a second harm premise (h2) and an untagged warrant (w), both known only later.
      const only = tagged(
        graphOf([...CASE_NODES, ['h2', 'premise'], ['w', 'premise']], [linked(['h', 'h2', 'i', 's', 'n', 'w'], 't', 'case'), ...CASE_STEPS.slice(1)]),
        { ...FOUR, h2: 'harm' },
        { asOf: { h2: '2010-03', w: '2011-01' } },
      );
      const read2009 = read(only, '2009-08');
      expect(read2009.laterPremises).toEqual(['h2', 'w']);
      expect(lineOf(read2009, 'harm')).toMatchObject({
        state: 'held',
        points: ['h'],
        laterPoints: ['h2'],
        summary: 'Held: its point stands. 1 more point is set aside as of Aug 2009 (known only later).',
      });
      expect(read2009.losing).toEqual([]);
      expect(read2009.verdict).toBe(
        'The affirmative holds all four stock issues (harm, inherency, solvency and timeliness). But 2 premises of the step that links them rest on facts known only later: as of Aug 2009 that step is set aside, and it does not carry the proposal.',
      );
      // Today both premises stand, and nothing is said of them.
      expect(read(only).verdict).toBe('The affirmative holds all four stock issues (harm, inherency, solvency and timeliness).');
    });

    test('a later undercut of the case step is not listed as of then', () => {
      const graph = dated({ u: '2012-01' }, [['u', 'objection']], [undercuts('u', 'case')]);
      expect(read(graph).stepAttacks).toEqual([{ attacker: 'u', target: 't', undercut: true }]);
      const then = read(graph, '2009-08');
      expect(then.stepAttacks).toEqual([]);
      expect(then.verdict).toBe('The affirmative holds all four stock issues (harm, inherency, solvency and timeliness).');
    });
  });

  describe('the negative’s lines', () => {
    const nodes: [string, NodeKind][] = [
      ['dis', 'objection'],
      ['cp', 'objection'],
      ['r', 'rebuttal'],
      ['ev', 'evidence'],
    ];
    const issues: Record<string, StockIssue> = { ...FOUR, dis: 'disadvantage', cp: 'counterplan' };

    test('a disadvantage that stands must be answered or outweighed; a counterplan rebutted is answered', () => {
      const graph = policyCase(nodes, [attacks('dis', 't'), attacks('cp', 't'), attacks('r', 'cp')], issues, [supports('ev', 'dis')]);
      const c = read(graph);
      expect(lineOf(c, 'disadvantage')).toMatchObject({ side: 'negative', state: 'held', points: ['dis'], attacks: [] });
      expect(lineOf(c, 'disadvantage').summary).toBe('Stands: 1 point argues it; the affirmative must answer it or outweigh it.');
      expect(lineOf(c, 'counterplan')).toMatchObject({ state: 'lost', attacks: [{ attacker: 'r', target: 'cp', undercut: false }] });
      expect(lineOf(c, 'counterplan').summary).toBe('Answered: its only point is defeated.');
      // A negative line never loses the affirmative's round by itself; the verdict says it must be weighed.
      expect(c.losing).toEqual([]);
      expect(c.verdict).toContain('The negative’s disadvantage stands and must be answered or outweighed.');
    });

    test('a line the negative has not argued says what it could ask', () => {
      expect(lineOf(read(policyCase()), 'counterplan').summary).toBe('Not argued. The negative can ask: Would another course do better?');
    });
  });

  test('listWords joins with commas and “and”', () => {
    expect([listWords([]), listWords(['a']), listWords(['a', 'b']), listWords(['a', 'b', 'c'])]).toEqual(['', 'a', 'a and b', 'a, b and c']);
  });
});

describe('stockIssueCase on a 20,000-point map', () => {
  /**
   * Built to punish anything quadratic: a case step of 8,000 tagged premises, each with its own
   * objection (so 8,000 attacks to gather), 2,000 tagged points off the step, 1,999 separate steps
   * into the thesis to choose among, and 1,999 negative points attacking the thesis.
   */
  function bigPolicyMap(): ArgumentGraph {
    const issues = ['harm', 'inherency', 'solvency', 'timeliness'] as const;
    const nodes = [{ ...node('t', 'thesis'), proposal: true }];
    const inferences: Inference[] = [];
    const conflicts: Conflict[] = [];
    const casePremises: string[] = [];
    for (let i = 0; i < 8000; i++) {
      nodes.push({ ...node(`p${i}`, 'premise'), stockIssue: issues[i % 4] } as never);
      nodes.push(node(`o${i}`, 'objection') as never);
      casePremises.push(`p${i}`);
      conflicts.push(attacks(`o${i}`, `p${i}`));
    }
    inferences.push(linked(casePremises, 't', 'case'));
    for (let i = 0; i < 2000; i++) {
      nodes.push({ ...node(`x${i}`, 'claim'), stockIssue: 'harm' } as never);
      if (i > 0) inferences.push(supports(`x${i}`, 't', `side${i}`));
    }
    for (let i = 1; i < 2000; i++) {
      nodes.push({ ...node(`d${i}`, 'objection'), stockIssue: 'disadvantage' } as never);
      conflicts.push(attacks(`d${i}`, 't'));
    }
    return { nodes, inferences, conflicts };
  }

  test('it reads every issue in one linear pass', () => {
    const graph = bigPolicyMap();
    expect(graph.nodes.length).toBe(20_000);
    const evaluation = evaluate(graph);
    const statusOf = (id: string) => evaluation.nodes[id]?.status;
    stockIssueCase(graph, statusOf); // warm up the JIT
    const started = performance.now();
    const c = stockIssueCase(graph, statusOf)!;
    const elapsed = performance.now() - started;
    expect(c.step).toBe('case');
    expect(lineOf(c, 'harm')).toMatchObject({ state: 'lost' });
    expect(lineOf(c, 'harm').points).toHaveLength(2000);
    expect(lineOf(c, 'harm').attacks).toHaveLength(2000);
    expect(lineOf(c, 'harm').elsewhere).toHaveLength(2000);
    expect(lineOf(c, 'disadvantage').points).toHaveLength(1999);
    // Linear work here takes about 35 ms; gathering the attacks point by point (8,000 points × 12,000
    // conflicts) took about 480 ms on the same machine.
    expect(elapsed).toBeLessThan(150);
  });
});
