import { describe, expect, test } from 'vitest';
import { INFERENCE_PREMISES_MAX, MAP_CONFLICTS_MAX, MAP_INFERENCES_MAX, MAP_NODES_MAX, MAP_PREMISE_LINKS_MAX } from '../../../validation/limits';
import { fromAif } from '../aif';
import { fromArgdown } from '../argdown-import';
import { argdownScanWork, relationDepth } from '../argdown-scan';
import { InterchangeError, REPORTED_ISSUES_MAX, type ImportedGraph } from '../imported-graph';

/** The rules every import applies: no point supports or attacks itself, exact duplicates merge, a map's limits hold. */

type AifNodeInput = { nodeID: string; text?: string; type: string; scheme?: string; question?: string };
const I = (id: string, text = `Statement ${id}.`): AifNodeInput => ({ nodeID: id, text, type: 'I' });
const S = (id: string, type = 'RA', extra: Partial<AifNodeInput> = {}): AifNodeInput => ({ nodeID: id, type, ...extra });
const E = (fromID: string, toID: string) => ({ fromID, toID });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function refusal(run: () => unknown): InterchangeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InterchangeError);
    return error as InterchangeError;
  }
  throw new Error('expected the import to be refused');
}

/** `count` steps from distinct (premise, conclusion) pairs over `width` statements; no step repeats another. */
function distinctSteps(count: number, width: number) {
  const pairs = range(width)
    .flatMap((p) =>
      range(width)
        .filter((c) => c !== p)
        .map((c) => [p, c] as const),
    )
    .slice(0, count);
  return {
    nodes: [...range(width).map((i) => I(`n${i}`)), ...pairs.map((_, i) => S(`r${i}`))],
    edges: pairs.flatMap(([p, c], i) => [E(`n${p}`, `r${i}`), E(`r${i}`, `n${c}`)]),
  };
}

describe('exact duplicates are merged, and counted', () => {
  test('2 statements and 2,200 copies of one step: one step, 2,199 merged', () => {
    const graph = fromAif({
      nodes: [I('p'), I('c'), ...range(2200).map((i) => S(`r${i}`))],
      edges: range(2200).flatMap((i) => [E('p', `r${i}`), E(`r${i}`, 'c')]),
    });
    expect(graph.inferences).toEqual([{ id: 'r0', conclusion: 'c', premises: ['p'], scheme: null }]);
    expect(graph.merged).toEqual({ inferences: 2199, conflicts: 0 });
  });

  test('steps merge when premises are the same set in another order; a different scheme is another step', () => {
    const graph = fromAif({
      nodes: [I('a'), I('b'), I('c'), S('r1'), S('r2'), S('r3', 'RA', { scheme: 'Argument from expert opinion' })],
      edges: [E('a', 'r1'), E('b', 'r1'), E('r1', 'c'), E('b', 'r2'), E('a', 'r2'), E('r2', 'c'), E('a', 'r3'), E('b', 'r3'), E('r3', 'c')],
    });
    expect(graph.inferences.map((i) => [i.id, i.scheme])).toEqual([
      ['r1', null],
      ['r3', 'expert-opinion'],
    ]);
    expect(graph.merged.inferences).toBe(1);
  });

  test('copies of one attack merge, keeping a critical question; an undercut of a merged step targets the step kept', () => {
    const graph = fromAif({
      nodes: [I('p'), I('c'), I('o'), S('r1'), S('r2'), S('x1', 'CA'), S('x2', 'CA', { question: 'expert-opinion.cq1' }), S('x3', 'CA'), S('x4', 'CA')],
      edges: [
        E('p', 'r1'),
        E('r1', 'c'),
        E('p', 'r2'),
        E('r2', 'c'),
        E('o', 'x1'),
        E('x1', 'c'),
        E('o', 'x2'),
        E('x2', 'c'),
        E('o', 'x3'),
        E('x3', 'r1'),
        E('o', 'x4'),
        E('x4', 'r2'),
      ],
    });
    expect(graph.conflicts).toEqual([
      { id: 'x1', attacker: 'o', target: { node: 'c' }, question: 'expert-opinion.cq1' },
      { id: 'x3', attacker: 'o', target: { inference: 'r1' } },
    ]);
    expect(graph.merged).toEqual({ inferences: 1, conflicts: 2 });
  });

  test('Argdown: two arguments with the same premises and conclusion are one step; repeated relations add nothing', () => {
    const text = [
      '<A1>',
      '',
      '(1) [P]: It rained.',
      '----',
      '(2) [C]: The street is wet.',
      '',
      '<A2>',
      '',
      '(1) [P]',
      '----',
      '(2) [C]',
      '',
      '[C]',
      '  <- [P]',
      '  <- [P]',
    ].join('\n');
    const graph: ImportedGraph = fromArgdown(text);
    expect(graph.inferences).toEqual([{ id: 'A1', conclusion: 'C', premises: ['P'], scheme: null }]);
    expect(graph.merged.inferences).toBeGreaterThanOrEqual(1);
  });
});

describe('a point may not support or attack itself (the connect rules)', () => {
  test.each([
    ['an RA whose premise is its conclusion', { nodes: [I('p'), I('q'), S('r')], edges: [E('p', 'r'), E('q', 'r'), E('r', 'p')] }, 2, 'support'],
    ['an MA (rephrase) of itself', { nodes: [I('p'), S('m', 'MA')], edges: [E('p', 'm'), E('m', 'p')] }, 1, 'support'],
    ['a CA whose attacker is its target', { nodes: [I('p'), I('o'), S('x', 'CA')], edges: [E('o', 'x'), E('x', 'o')] }, 2, 'attack'],
  ])('AIF: %s is refused at the S-node', (_name, doc, index) => {
    const error = refusal(() => fromAif(doc));
    expect(error.issues[0].path).toEqual(['nodes', index]);
    expect(error.issues[0].message).toContain('A point cannot support or attack itself.');
    expect(error.message).toContain(doc.nodes[index].nodeID);
  });

  test('AIF: an undercut by a premise of the step itself is allowed, as the connect rules allow it', () => {
    const graph = fromAif({ nodes: [I('p'), I('c'), S('r'), S('x', 'CA')], edges: [E('p', 'r'), E('r', 'c'), E('p', 'x'), E('x', 'r')] });
    expect(graph.conflicts).toEqual([{ id: 'x', attacker: 'p', target: { inference: 'r' } }]);
  });

  test.each([
    ['a statement supporting itself', ['[A]: It rained.', '  + [A]'].join('\n'), /Line 2/],
    ['a statement attacking itself', ['[A]: It rained.', '  - [A]'].join('\n'), /Line 2/],
    [
      'an argument step whose conclusion is one of its premises',
      ['<Arg>', '', '(1) [A]: It rained.', '(2) [B]: Rain wets streets.', '----', '(3) [A]'].join('\n'),
      /<Arg>/,
    ],
    ['an unreconstructed argument supporting itself', ['<Arg>: It rained.', '  + <Arg>'].join('\n'), /Line 2/],
  ])('Argdown: %s is refused, naming it', (_name, text, where) => {
    const error = refusal(() => fromArgdown(text));
    expect(error.issues[0].message).toContain('A point cannot support or attack itself.');
    expect(error.issues[0].message).toMatch(where);
  });
});

describe("a map's limits hold, naming the count and the limit", () => {
  test(`AIF: ${MAP_INFERENCES_MAX + 1} distinct steps are refused; ${MAP_INFERENCES_MAX} import`, () => {
    const error = refusal(() => fromAif(distinctSteps(MAP_INFERENCES_MAX + 1, 120)));
    expect(error.message).toContain(`${MAP_INFERENCES_MAX + 1} steps`);
    expect(error.message).toContain(`at most ${MAP_INFERENCES_MAX}`);
    expect(fromAif(distinctSteps(MAP_INFERENCES_MAX, 120)).inferences).toHaveLength(MAP_INFERENCES_MAX);
  });

  test(`AIF: ${MAP_CONFLICTS_MAX + 1} distinct attacks are refused`, () => {
    const steps = distinctSteps(MAP_CONFLICTS_MAX + 1, 120);
    const doc = { nodes: steps.nodes.map((n) => (n.type === 'RA' ? { ...n, type: 'CA' } : n)), edges: steps.edges };
    const error = refusal(() => fromAif(doc));
    expect(error.message).toContain(`${MAP_CONFLICTS_MAX + 1} attacks`);
    expect(error.message).toContain(`at most ${MAP_CONFLICTS_MAX}`);
  });

  test(`AIF: a step with ${INFERENCE_PREMISES_MAX + 1} premises is refused at its RA node`, () => {
    const n = INFERENCE_PREMISES_MAX + 1;
    const doc = { nodes: [I('c'), S('r'), ...range(n).map((i) => I(`p${i}`))], edges: [E('r', 'c'), ...range(n).map((i) => E(`p${i}`, 'r'))] };
    const error = refusal(() => fromAif(doc));
    expect(error.issues).toEqual([{ path: ['nodes', 1], message: `RA node "r" has ${n} premises; a step holds at most ${INFERENCE_PREMISES_MAX}.` }]);
  });

  test(`AIF: steps with ${MAP_PREMISE_LINKS_MAX + 1} premise links in all are refused`, () => {
    const per = INFERENCE_PREMISES_MAX;
    const steps = Math.ceil((MAP_PREMISE_LINKS_MAX + 1) / per);
    const width = MAP_NODES_MAX - steps;
    const premisesOf = (k: number) => range(per).map((j) => `n${(k * 37 + j) % width}`);
    const doc = {
      nodes: [...range(width).map((i) => I(`n${i}`)), ...range(steps).map((k) => I(`c${k}`)), ...range(steps).map((k) => S(`r${k}`))],
      edges: range(steps).flatMap((k) => [E(`r${k}`, `c${k}`), ...premisesOf(k).map((p) => E(p, `r${k}`))]),
    };
    const error = refusal(() => fromAif(doc));
    expect(error.message).toContain(`${steps * per} premise links`);
    expect(error.message).toContain(`at most ${MAP_PREMISE_LINKS_MAX}`);
  });

  test(`AIF: ${MAP_NODES_MAX + 1} statements are refused`, () => {
    expect(refusal(() => fromAif({ nodes: range(MAP_NODES_MAX + 1).map((i) => I(`n${i}`)), edges: [] })).message).toContain(`at most ${MAP_NODES_MAX}`);
  });

  test(`Argdown: a step with ${INFERENCE_PREMISES_MAX + 1} premises is refused, naming the argument`, () => {
    const n = INFERENCE_PREMISES_MAX + 1;
    const text = ['<Many>', '', ...range(n).map((i) => `(${i + 1}) Premise number ${i}.`), '----', `(${n + 1}) The conclusion.`].join('\n');
    const error = refusal(() => fromArgdown(text));
    expect(error.message).toMatch(new RegExp(`<Many>.* has ${n} premises; a step holds at most ${INFERENCE_PREMISES_MAX}`));
  });

  test(`Argdown: ${MAP_CONFLICTS_MAX + 1} distinct attacks are refused`, () => {
    const width = 120;
    const blocks = range(width).map((i) => `[S${i}]: Statement ${i}.`);
    let count = 0;
    for (let a = 0; a < width && count <= MAP_CONFLICTS_MAX; a++) {
      const lines = [`[S${a}]`];
      for (let t = 0; t < width && count <= MAP_CONFLICTS_MAX; t++) {
        if (t === a) continue;
        lines.push(`  -> [S${t}]`);
        count++;
      }
      blocks.push(lines.join('\n'));
    }
    const error = refusal(() => fromArgdown(blocks.join('\n\n')));
    expect(error.message).toContain(`${MAP_CONFLICTS_MAX + 1} attacks`);
  });
});

describe('shapes that must stay linear', () => {
  test('a 5,000-long chain of steps imports from AIF and from Argdown', () => {
    const n = MAP_NODES_MAX;
    const aif = fromAif({
      nodes: [...range(n).map((i) => I(`n${i}`)), ...range(n - 1).map((i) => S(`r${i}`))],
      edges: range(n - 1).flatMap((i) => [E(`n${i}`, `r${i}`), E(`r${i}`, `n${i + 1}`)]),
    });
    expect([aif.nodes.length, aif.inferences.length]).toEqual([n, n - 1]);
    expect(aif.nodes.filter((node) => node.kind === 'thesis').map((node) => node.id)).toEqual([`n${n - 1}`]);
    const argdown = fromArgdown(
      range(n - 1)
        .map((i) => `[S${i + 1}]: Statement ${i + 1}.\n  <+ [S${i}]: Statement ${i}.`)
        .join('\n\n'),
    );
    expect([argdown.nodes.length, argdown.inferences.length]).toEqual([n, n - 1]);
  });

  test(`a file with 60,000 dangling edges lists ${REPORTED_ISSUES_MAX} of them and counts the rest`, () => {
    const error = refusal(() => fromAif({ nodes: [I('p')], edges: range(60000).map((i) => E('p', `z${i}`)) }));
    expect(error.issues).toHaveLength(REPORTED_ISSUES_MAX + 1);
    expect(error.issues.at(-1)!.message).toContain(`${60000 - REPORTED_ISSUES_MAX} more`);
  });

  test('an RA with 4,999 conclusions names a few of them, not all', () => {
    const error = refusal(() =>
      fromAif({ nodes: [I('p'), S('r'), ...range(4999).map((i) => I(`n${i}`))], edges: [E('p', 'r'), ...range(4999).map((i) => E('r', `n${i}`))] }),
    );
    expect(error.issues[0].message).toMatch(/4999 conclusions \(n0, n1, n2, n3, n4 and 4994 more\)/);
  });
});

describe('Argdown that @argdown/core would read in quadratic time, or not at all', () => {
  test.each([
    ['unclosed "{" (YAML data)', '{', '{'.repeat(20_000)],
    ['unclosed "[" on many lines', '[', `[A]: Fine.\n\n${`${'['.repeat(99)}\n`.repeat(400)}`],
    ['an unclosed "<!--" comment, many times', '<', '<!--'.repeat(10_000)],
    ['"//" with no line end', '/', '//'.repeat(20_000)],
  ])('%s is refused before the lexer runs, naming the character and its line', (_name, opener, text) => {
    const error = refusal(() => fromArgdown(text));
    expect(error.message).toMatch(/would take too long to read/);
    expect(error.issues[0].message).toMatch(new RegExp(`^Line \\d+: too many "${opener.replace(/[[{]/, '\\$&')}`));
  });

  test('brackets that close where they open cost about the length of the file', () => {
    const text = range(5000)
      .map((i) => `[S${i}]: See [S${i + 1}] and <A${i}>, {uses: [1]} #(tag ${i}) // note`)
      .join('\n\n');
    expect(argdownScanWork(text).work).toBeLessThan(10 * text.length);
  });

  test('a file of 300,000 markup characters (each a token the lexer spends microseconds on) is refused before it is read', () => {
    expect(refusal(() => fromArgdown(`[a]: ${'*_'.repeat(150_000)}`)).message).toMatch(/too long to read\. The file has 300\d{3} characters of markup/);
  });

  test('a file with hundreds of syntax errors is refused at the first one', () => {
    const error = refusal(() => fromArgdown(`[a]: ${'*_'.repeat(50)}\n\n`.repeat(200)));
    expect(error.message).toMatch(/has a syntax error\. Line \d+/);
    expect(error.issues).toHaveLength(1);
  });

  test.each([' ', '\t'])('relations nested 2,000 deep (indented by %j) are refused, naming the depth and the line', (indent) => {
    const text = range(2000)
      .map((i) => `${indent.repeat(i)}${i ? '+ ' : ''}[S${i}]: Statement ${i}.`)
      .join('\n');
    expect(refusal(() => fromArgdown(text)).issues[0].message).toBe('Line 2000: relations nested 1999 levels deep; at most 100 are read.');
  });

  test('relations nested 100 deep import; an empty line starts again from the top', () => {
    const chain = (from: number) =>
      range(101)
        .map((i) => `${'  '.repeat(i)}${i ? '+ ' : ''}[S${from + i}]: Statement ${from + i}.`)
        .join('\n');
    expect(relationDepth(chain(0))).toEqual({ depth: 100, line: 101 });
    expect(fromArgdown(`${chain(0)}\n\n${chain(101)}`).inferences).toHaveLength(200);
  });
});
