import { describe, expect, test } from 'vitest';
import { NODE_TEXT_MAX } from '../../../validation/limits';
import { toArgdown } from '../argdown-export';
import { fromArgdown } from '../argdown-import';
import { InterchangeError } from '../imported-graph';
import { fixtures, OP_ED_TITLE, opEdGraph, parseWithArgdown, structureOf } from './support';

function importError(text: string): InterchangeError {
  try {
    fromArgdown(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InterchangeError);
    return error as InterchangeError;
  }
  throw new Error('expected the import to fail');
}

/** Node text by id, and each inference / conflict written with texts. */
function readable(text: string) {
  const graph = fromArgdown(text);
  const t = new Map(graph.nodes.map((n) => [n.id, n.text]));
  return {
    graph,
    kinds: Object.fromEntries(graph.nodes.map((n) => [n.text, n.kind])),
    inferences: graph.inferences.map((i) => `${i.premises.map((p) => t.get(p)).join(' + ')} → ${t.get(i.conclusion)}${i.scheme ? ` [${i.scheme}]` : ''}`),
    conflicts: graph.conflicts.map((c) => `${t.get(c.attacker)} ⟂ ${'node' in c.target ? t.get(c.target.node) : `<${c.target.inference}>`}`),
  };
}

describe('op-ed round trip through Argdown', () => {
  const graph = opEdGraph();
  const back = fromArgdown(toArgdown({ map: { title: OP_ED_TITLE }, ...graph }));

  test('same nodes (kinds restored from tags, texts exact), inferences with schemes, conflicts and undercuts', () => {
    expect(structureOf(back)).toEqual(structureOf(graph));
    expect(back.nodes.map((n) => n.text)).toEqual(graph.nodes.map((n) => n.text));
    expect(back.nodes.map((n) => n.kind)).toEqual(graph.nodes.map((n) => n.kind));
  });

  test('imported nodes have no quote, are not implicit, and are by "Imported"', () => {
    for (const node of back.nodes) expect(node).toMatchObject({ quote: null, implicit: false, author: 'Imported', position: null });
  });

  test('export → import → export gives the same text', () => {
    const first = toArgdown({ map: { title: OP_ED_TITLE }, ...graph });
    expect(toArgdown({ map: { title: OP_ED_TITLE }, ...back })).toBe(first);
  });
});

describe.each(fixtures('argdown'))('Argdown fixture %s', (_name, text) => {
  const graph = fromArgdown(text);
  const model = parseWithArgdown(text);

  test('imports with every statement as a node and every argument as a node or inferences', () => {
    const statements = Object.values(model.statements ?? {});
    const args = Object.values(model.arguments ?? {});
    const reconstructed = args.filter((a) => a.pcs.length > 0);
    expect(graph.nodes.length).toBeGreaterThanOrEqual(1);
    expect(graph.nodes).toHaveLength(statements.length + args.length - reconstructed.length);
    const steps = reconstructed.reduce((sum, a) => sum + a.pcs.filter((s) => s.role !== 'premise').length, 0);
    expect(graph.inferences.length).toBeGreaterThanOrEqual(steps);
    expect(graph.conflicts.length).toBeGreaterThan(0);
  });

  test('export → import keeps the structure, and a second round changes nothing', () => {
    const exported = toArgdown({ map: { title: 'Fixture' }, ...graph });
    const again = fromArgdown(exported);
    expect(structureOf(again)).toEqual(structureOf(graph));
    expect(toArgdown({ map: { title: 'Fixture' }, ...again })).toBe(exported);
  });
});

describe('fromArgdown reads', () => {
  test('the semmelweis example: premises shared between arguments, a contradiction, attacks between hypotheses', () => {
    const [, text] = fixtures('argdown').find(([name]) => name.startsWith('semmelweis'))!;
    const { graph, conflicts } = readable(text);
    const byTitle = (id: string) => graph.nodes.find((n) => n.id === id)!;
    // [Epidemic Influence Hypothesis] is a premise of three reconstructed arguments.
    expect(graph.inferences.filter((i) => i.premises.includes('Epidemic Influence Hypothesis'))).toHaveLength(3);
    expect(conflicts).toContain(`${byTitle('Epidemic Influence Hypothesis').text} ⟂ ${byTitle('Rough Examination Hypothesis').text}`);
    // `>< [More Injuries]` under the conclusion of <Medical Students Skillfull>.
    expect(conflicts).toContain(`Medical students don't cause more injuries during examination than midwives. ⟂ ${byTitle('More Injuries').text}`);
    // Trailing tags (#H1, #aux) label statements; they are not part of the text.
    expect(byTitle('Epidemic Influence Hypothesis').text).toBe('The outbreak of childbed fever is controlled by epidemic influences.');
  });

  test('statements and relations between them; kinds inferred from the structure', () => {
    const { kinds, inferences, conflicts } = readable(
      ['[T]: We should act.', '  + [R]: It helps.', '  - [O]: It costs too much.', '    - [B]: The cost is small.'].join('\n'),
    );
    expect(kinds).toEqual({ 'We should act.': 'thesis', 'It helps.': 'premise', 'It costs too much.': 'objection', 'The cost is small.': 'rebuttal' });
    expect(inferences).toEqual(['It helps. → We should act.']);
    expect(conflicts.sort()).toEqual(['It costs too much. ⟂ We should act.', 'The cost is small. ⟂ It costs too much.']);
  });

  test('a reconstructed argument: linked premises, scheme from the inference rule, an undercut of its step', () => {
    const { graph, inferences, conflicts, kinds } = readable(
      [
        '<Expert>',
        '',
        '(1) Dr A says the bridge is safe.',
        '(2) Dr A is an expert on bridges.',
        '-- Argument from expert opinion --',
        '(3) [Safe]: The bridge is safe.',
        '',
        '<Expert>',
        '  <_ [Paid]: Dr A was paid by the builder.',
      ].join('\n'),
    );
    expect(inferences).toEqual(['Dr A says the bridge is safe. + Dr A is an expert on bridges. → The bridge is safe. [expert-opinion]']);
    expect(graph.inferences[0].id).toBe('Expert');
    expect(conflicts).toEqual(['Dr A was paid by the builder. ⟂ <Expert>']);
    expect(kinds['Dr A was paid by the builder.']).toBe('objection');
    expect(kinds['The bridge is safe.']).toBe('thesis');
  });

  test('an argument in several steps is one inference per step; `uses` picks a step’s premises', () => {
    const { inferences } = readable(
      ['<Chain>', '', '(1) A holds.', '(2) If A then B.', '----', '(3) B holds.', '(4) If B then C.', '----', '(5) C holds.'].join('\n'),
    );
    expect(inferences).toEqual(['A holds. + If A then B. → B holds.', 'B holds. + If B then C. → C holds.']);
    const picked = readable(['<Pick>', '', '(1) A holds.', '(2) Noise.', '-- {uses: [1]} --', '(3) B holds.'].join('\n'));
    expect(picked.inferences).toEqual(['A holds. → B holds.']);
  });

  test('an argument that is not reconstructed is a node that supports or attacks as a whole', () => {
    const { graph, inferences, conflicts } = readable(
      ['[T]: Cities should ban cars.', '  + <Air>: Cars pollute the air.', '  - <Jobs>: Car makers employ people.'].join('\n'),
    );
    expect(graph.nodes.map((n) => n.id)).toEqual(['T', '<Air>', '<Jobs>']);
    expect(inferences).toEqual(['Cars pollute the air. → Cities should ban cars.']);
    expect(conflicts).toEqual(['Car makers employ people. ⟂ Cities should ban cars.']);
  });

  test('kinds from our tags win over the structure', () => {
    const { kinds } = readable(['[T]: A #thesis', '  + [E]: B #evidence', '  + [C]: C #claim'].join('\n'));
    expect(kinds).toEqual({ A: 'thesis', B: 'evidence', C: 'claim' });
  });

  test('an escaped # is text, not a tag', () => {
    expect(readable('[T]: We are \\#1 #thesis').graph.nodes[0]).toMatchObject({ text: 'We are #1', kind: 'thesis' });
  });
});

describe('fromArgdown refuses', () => {
  test('an empty file', () => {
    expect(importError('').message).toMatch(/empty/);
    expect(importError(' \n\n\t').message).toMatch(/empty/);
  });

  test('a file with only comments', () => {
    expect(importError('// nothing here\n/* or here */').message).toMatch(/no statements|syntax error/);
  });

  test('a syntax error, with its line and column', () => {
    const error = importError(['[A]: One.', '', '<Arg>', '', '(1) A premise.', '(2) Another premise.'].join('\n'));
    expect(error.message).toMatch(/syntax error/);
    expect(error.message).toMatch(/Line 6, column \d+/);
    expect(error.issues[0]).toEqual({ path: [], message: expect.stringMatching(/^Line 6, column \d+: .*inference/i) });
  });

  // Markup the lexer reads without an error, but as text the writer never meant (issue 11: "- ["
  // imported as an objection whose text was "[").
  test.each([
    [
      'an unclosed statement title and an unclosed argument title',
      '[A]: claim\n  + <B: unclosed\n  - [',
      'Line 2, column 5: “<” opens an argument title that is never closed.',
    ],
    ['a relation to a lone "["', '[A]: claim\n  - [', 'Line 2, column 5: “[” opens a statement title that is never closed.'],
    ['an unclosed title on the first line', '[A: a claim', 'Line 1, column 1: “[” opens a statement title that is never closed.'],
    ['a statement of punctuation only', '[A]: claim\n  - :', 'Line 2, column 5: a statement with no words, only “:”.'],
  ])('broken markup: %s, naming the first problem’s line and column', (_name, text, start) => {
    const error = importError(text);
    expect(error.message).toMatch(/^The Argdown file has (a syntax error|\d+ syntax errors)\. Line \d+, column \d+: /);
    expect(error.issues[0]).toEqual({ path: [], message: expect.stringContaining(start) });
    expect(error.issues[0].message.startsWith(start)).toBe(true);
  });

  test.each([
    ['an open bracket or angle inside a sentence', '[A]: A claim [not a title, and 3 < 4.'],
    ['an escaped bracket at the start', '[A]: claim\n  - \\[sic\\] an objection'],
  ])('but not %s', (_name, text) => {
    expect(() => fromArgdown(text)).not.toThrow();
  });

  test('a premise-conclusion structure without a conclusion', () => {
    expect(importError('<A>\n\n(1) premise\n----\n').issues[0].message).toMatch(/^(Line \d+, column \d+|At the end of the file): /);
  });

  test(`a statement longer than ${NODE_TEXT_MAX} characters, naming it and its line`, () => {
    const error = importError(`[Short]: Fine.\n\n[Long]: ${'word '.repeat(NODE_TEXT_MAX / 5 + 1)}`);
    expect(error.issues[0].message).toMatch(/^Line 3: Statement \[Long\] has \d+ characters; a node holds at most 1000\./);
  });
});
