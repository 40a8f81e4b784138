import { ArgdownTypes, IEquivalenceClass, RelationType, StatementRole, type IArgdownResponse, type IInference } from '@argdown/core';
import { describe, expect, test } from 'vitest';
import { isNodeTarget, type ArgumentGraph } from '../../model';
import { escapeArgdownText, toArgdown } from '../argdown-export';
import { importedNode } from '../imported-graph';
import { OP_ED_TITLE, opEdGraph, parseWithArgdown } from './support';

/** Every error `@argdown/core` reports: lexer, parser and plugin exceptions. */
function errorsOf(response: IArgdownResponse): string[] {
  return [
    ...(response.lexerErrors ?? []).map((e) => e.message),
    ...(response.parserErrors ?? []).map((e) => `${e.token?.startLine}:${e.token?.startColumn} ${e.message}`),
    ...(response.exceptions ?? []).map((e) => e.message),
  ];
}

/** The export's statement titles are n1, n2, … in node order; this maps them back to node ids. */
function idByTitle(graph: ArgumentGraph): Map<string, string> {
  return new Map(graph.nodes.map((n, i) => [`n${i + 1}`, n.id]));
}

/**
 * What the parsed Argdown says, in node ids: the premise → conclusion edges of each argument's
 * premise-conclusion structure, and the attack and undercut relations.
 */
function relationsOf(response: IArgdownResponse, graph: ArgumentGraph) {
  const id = idByTitle(graph);
  const inferenceId = new Map(graph.inferences.map((inf, i) => [`a${i + 1}`, inf.id]));
  const supports: string[] = [];
  for (const argument of Object.values(response.arguments ?? {})) {
    const conclusion = argument.pcs.at(-1)!;
    expect(conclusion.role).toBe(StatementRole.MAIN_CONCLUSION);
    for (const s of argument.pcs.slice(0, -1)) supports.push(`${id.get(s.title!)} → ${id.get(conclusion.title!)}`);
  }
  const attacks: string[] = [];
  const undercuts: string[] = [];
  const other: string[] = [];
  for (const r of response.relations ?? []) {
    if (r.relationType === RelationType.ATTACK && r.from?.type === ArgdownTypes.EQUIVALENCE_CLASS && r.to?.type === ArgdownTypes.EQUIVALENCE_CLASS) {
      attacks.push(`${id.get(r.from.title!)} ⟂ ${id.get(r.to.title!)}`);
    } else if (r.relationType === RelationType.UNDERCUT && r.from?.type === ArgdownTypes.EQUIVALENCE_CLASS && r.to?.type === ArgdownTypes.INFERENCE) {
      undercuts.push(`${id.get(r.from.title!)} ⟂ ${inferenceId.get((r.to as IInference).argumentTitle!)}`);
    } else other.push(`${r.relationType} ${r.from?.type} ${r.to?.type}`);
  }
  return { supports: supports.sort(), attacks: attacks.sort(), undercuts: undercuts.sort(), other };
}

function expectedRelations(graph: ArgumentGraph) {
  return {
    supports: graph.inferences.flatMap((inf) => inf.premises.map((p) => `${p} → ${inf.conclusion}`)).sort(),
    attacks: graph.conflicts.flatMap((c) => (isNodeTarget(c.target) ? [`${c.attacker} ⟂ ${c.target.node}`] : [])).sort(),
    undercuts: graph.conflicts.flatMap((c) => (isNodeTarget(c.target) ? [] : [`${c.attacker} ⟂ ${c.target.inference}`])).sort(),
    other: [],
  };
}

describe('toArgdown on the op-ed map', () => {
  const graph = opEdGraph();
  const text = toArgdown({ map: { title: OP_ED_TITLE }, ...graph });
  const response = parseWithArgdown(text);

  test('@argdown/core parses it with zero errors', () => {
    expect(errorsOf(response)).toEqual([]);
  });

  test('one statement per node, with its text and its kind as a tag', () => {
    const statements = Object.values(response.statements ?? {});
    expect(statements).toHaveLength(graph.nodes.length);
    const id = idByTitle(graph);
    for (const ec of statements) {
      const node = graph.nodes.find((n) => n.id === id.get(ec.title!))!;
      expect(ec.tags, node.id).toEqual([node.kind]);
      expect(IEquivalenceClass.getCanonicalMemberText(ec)?.replace(/ #\w+\s*$/, ''), node.id).toBe(node.text);
    }
  });

  test('one reconstructed argument per inference, linked premises in one argument', () => {
    const args = Object.values(response.arguments ?? {});
    expect(args).toHaveLength(graph.inferences.length);
    const id = idByTitle(graph);
    for (const [i, inference] of graph.inferences.entries()) {
      const argument = response.arguments![`a${i + 1}`];
      expect(
        argument.pcs.map((s) => id.get(s.title!)),
        inference.id,
      ).toEqual([...inference.premises, inference.conclusion]);
    }
    expect(graph.inferences.some((i) => i.premises.length > 1)).toBe(true);
  });

  test('support, attack and undercut relations have the graph’s counts and endpoints', () => {
    const parsed = relationsOf(response, graph);
    const expected = expectedRelations(graph);
    expect(parsed).toEqual(expected);
    // The op-ed map has all three, so none of these comparisons is vacuous.
    expect(expected.supports.length).toBe(graph.inferences.reduce((sum, i) => sum + i.premises.length, 0));
    expect(expected.attacks.length).toBeGreaterThan(0);
    expect(expected.undercuts.length).toBeGreaterThan(0);
  });

  test('schemes are the inference rules, by their catalogue names', () => {
    const withScheme = graph.inferences.findIndex((i) => i.scheme === 'practical-reasoning');
    expect(withScheme).toBeGreaterThanOrEqual(0);
    const conclusion = response.arguments![`a${withScheme + 1}`].pcs.at(-1) as { inference?: IInference };
    expect(conclusion.inference?.inferenceRules).toEqual(['Practical reasoning (from goal to action)']);
  });

  test('the title is in the front matter', () => {
    expect(text.startsWith(`===\ntitle: "${OP_ED_TITLE}"\n===\n`)).toBe(true);
  });
});

describe('escaping: texts full of Argdown syntax read back exactly', () => {
  const texts = [
    'Brackets [like this] and <like this> and a title-like [x]: inside',
    'A #hashtag, an @[mention] and an @<argument mention>',
    '*Not italic*, _not italic_, **not bold**, __not bold__ and snake_case_names',
    'Shortcodes :heart: and .->. and e.g. 10:30, a.k.a. 3.14 stay as typed',
    'A link [text](https://example.org/a_b) and a URL https://example.org//x',
    'Not a comment // here, nor /* here */, nor <!-- here -->',
    'No data {a: 1} and no front matter === here ===, nor ====',
    'A backslash \\ and an escaped-looking \\[ pair',
    '(1) not a number, - not an attack, + not a support, -- not an inference --',
    'Ends with a colon:',
    'Ends with a dot.',
    'Ends with a backslash \\',
    'Unicode: “quotes” — dashes ’ and emoji 🙂',
    'Percent % dollar $ caret ^ pipe | tilde ~ ampersand & semicolon ;',
  ];

  test.each(texts)('%s', (original) => {
    const graph: ArgumentGraph = { nodes: [importedNode('x', original, 'thesis')], inferences: [], conflicts: [] };
    const response = parseWithArgdown(toArgdown({ map: { title: 'Escaping' }, ...graph }));
    expect(errorsOf(response)).toEqual([]);
    const statements = Object.values(response.statements ?? {});
    expect(statements).toHaveLength(1);
    expect(statements[0].tags).toEqual(['thesis']);
    expect(IEquivalenceClass.getCanonicalMemberText(statements[0])).toBe(`${original} #thesis`);
  });

  test('line breaks and runs of spaces become single spaces', () => {
    const graph: ArgumentGraph = { nodes: [importedNode('x', 'one\n  - two\n\n(3) three   four', 'claim')], inferences: [], conflicts: [] };
    const response = parseWithArgdown(toArgdown({ map: { title: 'Lines' }, ...graph }));
    expect(errorsOf(response)).toEqual([]);
    expect(IEquivalenceClass.getCanonicalMemberText(Object.values(response.statements!)[0])).toBe('one - two (3) three four #claim');
  });

  test('escapeArgdownText leaves plain prose alone', () => {
    expect(escapeArgdownText('Plain prose, with commas; a question? Yes: and a dash - fine.')).toBe(
      'Plain prose, with commas; a question? Yes: and a dash - fine.',
    );
  });

  test('a title with front-matter and YAML syntax', () => {
    const graph: ArgumentGraph = { nodes: [importedNode('x', 'Text', 'thesis')], inferences: [], conflicts: [] };
    const text = toArgdown({ map: { title: 'A "quoted" title: === with # and \\ and\nnewline' }, ...graph });
    expect(errorsOf(parseWithArgdown(text))).toEqual([]);
  });
});
