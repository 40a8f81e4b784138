import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../evaluation';
import { buildGraphFromSpec } from '../map-spec';
import { allRows, ancestorKeys, buildOutline, homeRowKey, UNCONNECTED_KEY, visibleRows, type OutlineRow } from '../outline';
import { outlineLabel } from '../outline-label';
import { ANALYST, negotiateNowSpec } from '../../../prisma/seed/negotiate-now';
import { attacks, graphOf, linked, node, supports, undercuts } from './fixtures';

/** The outline as `indent + id (relation)` lines, easy to read in a failing test. */
function sketch(rows: OutlineRow[]): string[] {
  return allRows(rows).map((r) => {
    const what = r.type === 'node' ? r.nodeId : r.type === 'step' ? `[together ${r.linkedCount}]` : '[not connected]';
    return `${'  '.repeat(r.depth - 1)}${what}${r.relation ? ` (${r.relation})` : ''}${r.repeat ? ' repeat' : ''}`;
  });
}

describe('buildOutline', () => {
  test('thesis, its reasons, their evidence; objections and rebuttals under what they attack', () => {
    const graph = graphOf(
      [
        ['t', 'thesis'],
        ['c', 'claim'],
        ['e', 'evidence'],
        ['o', 'objection'],
        ['r', 'rebuttal'],
      ],
      [supports('c', 't'), supports('e', 'c')],
      [attacks('o', 'c'), attacks('r', 'o')],
    );
    expect(sketch(buildOutline(graph))).toEqual(['t', '  c (supports)', '    e (supports)', '    o (attacks)', '      r (attacks)']);
  });

  test('linked premises of one step are grouped in a "together" row; an undercut of the step follows them', () => {
    const graph = graphOf(
      [
        ['t', 'thesis'],
        ['e', 'evidence'],
        ['w', 'premise'],
        ['u', 'objection'],
      ],
      [linked(['e', 'w'], 't', 'step')],
      [undercuts('u', 'step')],
    );
    const rows = buildOutline(graph);
    expect(sketch(rows)).toEqual(['t', '  [together 2] (supports)', '    e (supports)', '    w (supports)', '    u (undercuts)']);
    const [e, , u] = rows[0].children[0].children;
    expect(e).toMatchObject({ parentId: 't', parentText: 'thesis t', linkedCount: 2, inferenceId: 'step' });
    // The undercut names the reason whose step it attacks.
    expect(u).toMatchObject({ relation: 'undercuts', parentId: 'e', inferenceId: 'step' });
  });

  test('the undercut of a one-premise step sits under that reason, after its own reasons and objections', () => {
    const graph = graphOf(
      [
        ['t', 'thesis'],
        ['c', 'claim'],
        ['e', 'evidence'],
        ['o', 'objection'],
        ['u', 'objection'],
      ],
      [supports('c', 't', 'ct'), supports('e', 'c')],
      [attacks('o', 'c'), undercuts('u', 'ct')],
    );
    expect(sketch(buildOutline(graph))).toEqual(['t', '  c (supports)', '    e (supports)', '    o (attacks)', '    u (undercuts)']);
  });

  test('an undercut of a lone premise’s step hangs under the premise where it is listed again', () => {
    const graph = graphOf(
      [
        ['t', 'thesis'],
        ['a', 'claim'],
        ['b', 'claim'],
        ['shared', 'premise'],
        ['u', 'objection'],
      ],
      [supports('a', 't'), supports('b', 't'), supports('shared', 'a'), supports('shared', 'b', 'sb')],
      [undercuts('u', 'sb')],
    );
    expect(sketch(buildOutline(graph))).toEqual([
      't',
      '  a (supports)',
      '    shared (supports)',
      '  b (supports)',
      '    shared (supports) repeat',
      '      u (undercuts)',
    ]);
  });

  test('a point supporting two conclusions is listed in full once and marked as a repeat the second time', () => {
    const graph = graphOf(
      [
        ['t', 'thesis'],
        ['a', 'claim'],
        ['b', 'claim'],
        ['shared', 'claim'],
        ['e', 'evidence'],
      ],
      [supports('a', 't'), supports('b', 't'), supports('shared', 'a'), supports('shared', 'b'), supports('e', 'shared')],
    );
    expect(sketch(buildOutline(graph))).toEqual([
      't',
      '  a (supports)',
      '    shared (supports)',
      '      e (supports)',
      '  b (supports)',
      '    shared (supports) repeat',
    ]);
  });

  test('cycles terminate', () => {
    // a supports b, b supports a, and a supports the thesis; a rebuttal war between two objections.
    const graph = graphOf(
      [
        ['t', 'thesis'],
        ['a', 'claim'],
        ['b', 'claim'],
        ['o1', 'objection'],
        ['o2', 'objection'],
      ],
      [supports('a', 't'), supports('b', 'a'), supports('a', 'b')],
      [attacks('o1', 'b'), attacks('o2', 'o1'), attacks('o1', 'o2')],
    );
    expect(sketch(buildOutline(graph))).toEqual([
      't',
      '  a (supports)',
      '    b (supports)',
      '      a (supports) repeat',
      '      o1 (attacks)',
      '        o2 (attacks)',
      '          o1 (attacks) repeat',
    ]);
  });

  test('points that lead to no thesis close the outline in "Not connected yet", with their own reasons nested', () => {
    const graph = graphOf(
      [
        ['t', 'thesis'],
        ['c', 'claim'],
        ['lone', 'claim'],
        ['ev', 'evidence'],
        ['orphan', 'objection'],
      ],
      [supports('c', 't'), supports('ev', 'lone')],
    );
    const rows = buildOutline(graph);
    expect(sketch(rows)).toEqual(['t', '  c (supports)', '[not connected]', '  lone', '    ev (supports)', '  orphan']);
    expect(rows[1].key).toBe(UNCONNECTED_KEY);
  });

  test('a loose cycle still appears once, in the group', () => {
    const graph = graphOf(
      [
        ['t', 'thesis'],
        ['a', 'claim'],
        ['b', 'claim'],
      ],
      [supports('a', 'b'), supports('b', 'a')],
    );
    expect(sketch(buildOutline(graph))).toEqual(['t', '[not connected]', '  a', '    b (supports)', '      a (supports) repeat']);
  });

  test('a new map with no thesis yet lists every point as not connected; an imported one starts from its conclusions', () => {
    expect(
      sketch(
        buildOutline(
          graphOf(
            [
              ['c', 'claim'],
              ['e', 'evidence'],
            ],
            [],
          ),
        ),
      ),
    ).toEqual(['[not connected]', '  c', '  e']);
    expect(
      sketch(
        buildOutline(
          graphOf(
            [
              ['c', 'claim'],
              ['e', 'evidence'],
            ],
            [supports('e', 'c')],
          ),
        ),
      ),
    ).toEqual(['c', '  e (supports)']);
    expect(buildOutline(graphOf([], []))).toEqual([]);
  });

  test('every row key is unique, and every node of the op-ed appears exactly once in full', () => {
    const text = readFileSync(new URL('../../../prisma/seed/negotiate-now.txt', import.meta.url), 'utf8');
    const graph = buildGraphFromSpec(negotiateNowSpec, text, ANALYST);
    const rows = allRows(buildOutline(graph));
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    const full = rows.filter((r) => r.type === 'node' && !r.repeat).map((r) => r.nodeId);
    expect(full.sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    // Everything hangs from the thesis: no "Not connected yet" group in the seeded map.
    expect(rows.some((r) => r.type === 'group')).toBe(false);
    // The shared sub-argument (the sunshine policy worked) supports two claims: once in full, once as a repeat.
    const sunshine = rows.filter((r) => r.nodeId === 'claim-sunshine-worked');
    expect(sunshine.map((r) => r.repeat)).toEqual([false, true]);
  });
});

describe('navigating the outline', () => {
  const graph = graphOf(
    [
      ['t', 'thesis'],
      ['c', 'claim'],
      ['e', 'evidence'],
      ['w', 'premise'],
    ],
    [supports('c', 't', 'ct'), linked(['e', 'w'], 'c', 'ec')],
  );
  const rows = buildOutline(graph);

  test('visibleRows hides the children of collapsed rows', () => {
    const keys = (expanded: Set<string>) => visibleRows(rows, (r) => expanded.has(r.key)).map((r) => r.nodeId ?? r.type);
    expect(keys(new Set())).toEqual(['t']);
    expect(keys(new Set(['t']))).toEqual(['t', 'c']);
    const all = new Set(allRows(rows).map((r) => r.key));
    expect(keys(all)).toEqual(['t', 'c', 'step', 'e', 'w']);
  });

  test('homeRowKey finds a node, a linked step, and a one-premise step (its premise row)', () => {
    const e = homeRowKey(rows, { type: 'node', id: 'e' })!;
    expect(ancestorKeys(rows, e).map((k) => allRows(rows).find((r) => r.key === k)!.type)).toEqual(['node', 'node', 'step']);
    expect(allRows(rows).find((r) => r.key === homeRowKey(rows, { type: 'inference', id: 'ec' }))!.type).toBe('step');
    expect(allRows(rows).find((r) => r.key === homeRowKey(rows, { type: 'inference', id: 'ct' }))!.nodeId).toBe('c');
    expect(homeRowKey(rows, { type: 'node', id: 'missing' })).toBeNull();
  });
});

describe('outlineLabel', () => {
  const graph = graphOf(
    [
      ['t', 'thesis'],
      ['c', 'claim'],
      ['o', 'objection'],
      ['w', 'premise'],
    ],
    [linked(['c', 'w'], 't', 'step')],
    [attacks('o', 'c')],
  );
  graph.nodes.find((n) => n.id === 'c')!.text = 'Diplomacy has worked before';
  graph.nodes.find((n) => n.id === 'o')!.text = 'The freeze was not complete.';
  graph.nodes.find((n) => n.id === 'w')!.implicit = true;
  const rows = allRows(buildOutline(graph));
  const nodeOf = (id: string) => graph.nodes.find((n) => n.id === id)!;
  const status = evaluate(graph);

  test.each([
    ['o', 'defeated', 'Objection, defeated, attacks: Diplomacy has worked before. The freeze was not complete.'],
    ['c', 'stands', 'Claim, stands, supports: thesis t, together with 1 other. Diplomacy has worked before'],
    ['w', 'contested', 'Premise, unstated, contested, supports: thesis t, together with 1 other. premise w'],
    ['t', 'unsupported', 'Thesis, unsupported. thesis t'],
  ] as const)('%s as %s', (id, st, expected) => {
    const row = rows.find((r) => r.nodeId === id)!;
    expect(outlineLabel(row, nodeOf(id), st)).toBe(expected);
  });

  test('the labels use the evaluation: the unanswered objection stands, the claim it attacks is defeated', () => {
    const row = rows.find((r) => r.nodeId === 'o')!;
    expect(outlineLabel(row, nodeOf('o'), status.nodes.o.status)).toMatch(/^Objection, stands, attacks: Diplomacy has worked before\./);
  });

  test('step, group and repeat rows say what they are; long parent text is shortened', () => {
    const step = rows.find((r) => r.type === 'step')!;
    expect(outlineLabel(step, null, null, { scheme: 'example' })).toBe('Step of reasoning (Argument from example), 2 reasons together, supports: thesis t');
    const loose = buildOutline(graphOf([['x', 'claim']], []))[0];
    expect(outlineLabel(loose, null, null)).toBe('Not connected yet, 1 point that lead to no thesis');
    const long = { ...rows.find((r) => r.nodeId === 'o')!, parentText: 'word '.repeat(40), repeat: true };
    const label = outlineLabel(long, node('o', 'objection'), 'stands');
    expect(label).toMatch(/attacks: (word ){10,}word…\. objection o\. Listed again/);
  });
});
