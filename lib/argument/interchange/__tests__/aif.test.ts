import { describe, expect, test } from 'vitest';
import { isNodeTarget } from '../../model';
import { NODE_TEXT_MAX } from '../../../validation/limits';
import { fromAif, toAif } from '../aif';
import { InterchangeError, importGraph } from '../index';
import { catalogueSchemeId } from '../scheme-names';
import { fixtures, opEdGraph, structureOf } from './support';

interface RawAif {
  nodes: { nodeID: string; text: string; type: string; scheme?: string }[];
  edges: { fromID: string; toID: string }[];
}

/** What the raw file says, counted by hand: I-nodes; each RA's premise and conclusion texts; each CA's attacker and target. */
function countsOf(raw: RawAif) {
  const byId = new Map(raw.nodes.map((n) => [n.nodeID, n]));
  const into = (id: string) => raw.edges.filter((e) => e.toID === id).map((e) => byId.get(e.fromID)!);
  const outOf = (id: string) => raw.edges.filter((e) => e.fromID === id).map((e) => byId.get(e.toID)!);
  const ras = raw.nodes.filter((n) => n.type === 'RA');
  const cas = raw.nodes.filter((n) => n.type === 'CA');
  return {
    iNodes: raw.nodes.filter((n) => n.type === 'I').length,
    inferences: ras
      .map(
        (ra) =>
          `${into(ra.nodeID)
            .map((p) => p.text)
            .sort()
            .join(' + ')} → ${outOf(ra.nodeID)[0].text}`,
      )
      .sort(),
    conflicts: cas.map((ca) => `${into(ca.nodeID)[0].text} ⟂ ${outOf(ca.nodeID)[0].text}`).sort(),
    linked: ras.filter((ra) => into(ra.nodeID).length > 1).length,
  };
}

/** The expected error: an InterchangeError with an issue at `path`. */
function expectIssueAt(run: () => unknown, path: (string | number)[]) {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InterchangeError);
  expect((error as InterchangeError).issues.map((i) => i.path)).toContainEqual(path);
  return error as InterchangeError;
}

describe.each(fixtures('aif'))('AIF fixture %s', (_name, text) => {
  const raw = JSON.parse(text) as RawAif;
  const counts = countsOf(raw);
  const graph = fromAif(raw);

  test('every I-node is a node, every RA an inference with its premises, every CA a conflict', () => {
    expect(graph.nodes).toHaveLength(counts.iNodes);
    expect(graph.inferences).toHaveLength(raw.nodes.filter((n) => n.type === 'RA').length);
    expect(graph.conflicts).toHaveLength(raw.nodes.filter((n) => n.type === 'CA').length);
    const text = new Map(graph.nodes.map((n) => [n.id, n.text]));
    expect(
      graph.inferences
        .map(
          (i) =>
            `${i.premises
              .map((p) => text.get(p))
              .sort()
              .join(' + ')} → ${text.get(i.conclusion)}`,
        )
        .sort(),
    ).toEqual(counts.inferences);
    const conflicts = graph.conflicts.map((c) => `${text.get(c.attacker)} ⟂ ${isNodeTarget(c.target) ? text.get(c.target.node) : c.target.inference}`);
    expect(conflicts.sort()).toEqual(counts.conflicts);
  });

  test('linked premises stay linked in one inference', () => {
    expect(counts.linked).toBeGreaterThan(0);
    expect(graph.inferences.filter((i) => i.premises.length > 1)).toHaveLength(counts.linked);
  });

  test('imported nodes: ids from the file, no quote, not implicit, author "Imported"', () => {
    for (const node of graph.nodes) {
      expect(raw.nodes.some((n) => n.nodeID === node.id && n.type === 'I')).toBe(true);
      expect(node).toMatchObject({ quote: null, implicit: false, author: 'Imported', position: null, version: 1 });
    }
    expect(graph.nodes.filter((n) => n.kind === 'thesis').length).toBeLessThanOrEqual(1);
  });

  test('toAif → fromAif gives the same structure (kinds and schemes included)', () => {
    const again = fromAif(JSON.parse(JSON.stringify(toAif(graph))));
    expect(structureOf(again)).toEqual(structureOf(graph));
  });
});

describe('schemes', () => {
  test('AraucariaDB scheme names resolve to the catalogue; unknown ones are kept as written', () => {
    const [, text] = fixtures('aif').find(([name]) => name === 'nodeset137.json')!;
    expect(fromAif(JSON.parse(text)).inferences.map((i) => i.scheme)).toEqual(['ExceptionalCase', 'expert-opinion']);
  });

  test.each([
    ['ExpertOpinion', 'expert-opinion'],
    ['CauseToEffect', 'cause-to-effect'],
    ['Argument From Expert Opinion', 'expert-opinion'],
    ['Argument from sign', 'sign'],
    ['Practical Reasoning', 'practical-reasoning'],
    ['Argument from precedent (past practice)', 'past-practice'],
    ['past-practice', 'past-practice'],
    ['ExceptionalCase', undefined],
  ])('%s → %s', (name, id) => {
    expect(catalogueSchemeId(name)).toBe(id);
  });

  test('an RA without a scheme field takes its scheme from its text when the catalogue knows it', () => {
    const doc = {
      nodes: [
        { nodeID: 1, text: 'Dr A says so', type: 'I' },
        { nodeID: 2, text: 'It is so', type: 'I' },
        { nodeID: 3, text: 'Argument From Expert Opinion', type: 'RA' },
        { nodeID: 4, text: 'Default Inference', type: 'RA' },
        { nodeID: 5, text: 'Dr B says so', type: 'I' },
      ],
      edges: [
        { fromID: 1, toID: 3 },
        { fromID: 3, toID: 2 },
        { fromID: 5, toID: 4 },
        { fromID: 4, toID: 2 },
      ],
    };
    expect(fromAif(doc).inferences.map((i) => i.scheme)).toEqual(['expert-opinion', null]);
  });
});

describe('toAif', () => {
  const graph = opEdGraph();
  const aif = toAif(graph);

  test('I, RA and CA nodes for nodes, inferences and conflicts; edges from node to what it feeds', () => {
    expect(aif.nodes.filter((n) => n.type === 'I')).toHaveLength(graph.nodes.length);
    expect(aif.nodes.filter((n) => n.type === 'RA')).toHaveLength(graph.inferences.length);
    expect(aif.nodes.filter((n) => n.type === 'CA')).toHaveLength(graph.conflicts.length);
    const premiseEdges = graph.inferences.reduce((sum, i) => sum + i.premises.length + 1, 0);
    expect(aif.edges).toHaveLength(premiseEdges + 2 * graph.conflicts.length);
    const undercut = aif.nodes
      .filter((n) => n.type === 'CA')
      .filter((ca) => {
        const target = aif.edges.find((e) => e.fromID === ca.nodeID)!.toID;
        return aif.nodes.find((n) => n.nodeID === target)!.type === 'RA';
      });
    expect(undercut).toHaveLength(graph.conflicts.filter((c) => !isNodeTarget(c.target)).length);
  });

  test('RA nodes name their scheme', () => {
    const first = aif.nodes.find((n) => n.type === 'RA')!;
    expect(graph.inferences[0].scheme).toBe('practical-reasoning');
    expect(first).toMatchObject({ scheme: 'Practical reasoning (from goal to action)', text: 'Practical reasoning (from goal to action)' });
  });

  test('op-ed round trip: fromAif(toAif(g)) has the same structure as g', () => {
    expect(structureOf(fromAif(JSON.parse(JSON.stringify(aif))))).toEqual(structureOf(graph));
  });
});

describe('what fromAif ignores or reshapes', () => {
  test('dialogue nodes (L, TA, YA) and preferences (PA) are ignored with their edges', () => {
    const doc = {
      nodes: [
        { nodeID: 'p', text: 'It rained', type: 'I' },
        { nodeID: 'c', text: 'The street is wet', type: 'I' },
        { nodeID: 'ra', text: 'Default Inference', type: 'RA' },
        { nodeID: 'l1', text: 'Bob: it rained', type: 'L' },
        { nodeID: 'ya', text: 'Asserting', type: 'YA' },
        { nodeID: 'ta', text: 'Default Transition', type: 'TA' },
        { nodeID: 'pa', text: 'Default Preference', type: 'PA' },
      ],
      edges: [
        { fromID: 'p', toID: 'ra' },
        { fromID: 'ra', toID: 'c' },
        { fromID: 'l1', toID: 'ya' },
        { fromID: 'ya', toID: 'p' },
        { fromID: 'l1', toID: 'ta' },
        { fromID: 'pa', toID: 'ra' },
      ],
      locutions: [],
    };
    const graph = fromAif(doc);
    expect(graph.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['p', 'premise'],
      ['c', 'thesis'],
    ]);
    expect(graph.inferences).toEqual([{ id: 'ra', conclusion: 'c', premises: ['p'], scheme: null }]);
  });

  test('an MA (rephrase) becomes a one-step inference without a scheme', () => {
    const doc = {
      nodes: [
        { nodeID: 1, text: 'Taxes should fall', type: 'I' },
        { nodeID: 2, text: 'We should cut taxes', type: 'I' },
        { nodeID: 3, text: 'Default Rephrase', type: 'MA' },
      ],
      edges: [
        { fromID: 1, toID: 3 },
        { fromID: 3, toID: 2 },
      ],
    };
    expect(fromAif(doc).inferences).toEqual([{ id: '3', conclusion: '2', premises: ['1'], scheme: null }]);
  });

  test('a CA into an RA is an undercut; Argmap’s kind and question fields are read back', () => {
    const doc = {
      nodes: [
        { nodeID: 1, text: 'Dr A says the bridge is safe', type: 'I', kind: 'evidence' },
        { nodeID: 2, text: 'The bridge is safe', type: 'I', kind: 'thesis' },
        { nodeID: 3, text: 'Argument from expert opinion', type: 'RA', scheme: 'Argument from expert opinion' },
        { nodeID: 4, text: 'Dr A is not an engineer', type: 'I', kind: 'not-a-kind' },
        { nodeID: 5, text: 'Default Conflict', type: 'CA', question: 'expert-opinion.cq1' },
      ],
      edges: [
        { fromID: 1, toID: 3 },
        { fromID: 3, toID: 2 },
        { fromID: 4, toID: 5 },
        { fromID: 5, toID: 3 },
      ],
    };
    const graph = fromAif(doc);
    expect(graph.nodes.map((n) => n.kind)).toEqual(['evidence', 'thesis', 'objection']);
    expect(graph.conflicts).toEqual([{ id: '5', attacker: '4', target: { inference: '3' }, question: 'expert-opinion.cq1' }]);
  });
});

describe('invalid AIF is refused with a path to the problem', () => {
  const valid = () => ({
    nodes: [
      { nodeID: '1', text: 'Premise', type: 'I' },
      { nodeID: '2', text: 'Conclusion', type: 'I' },
      { nodeID: '3', text: 'RA', type: 'RA' },
      { nodeID: '4', text: 'Objection', type: 'I' },
      { nodeID: '5', text: 'CA', type: 'CA' },
    ],
    edges: [
      { fromID: '1', toID: '3' },
      { fromID: '3', toID: '2' },
      { fromID: '4', toID: '5' },
      { fromID: '5', toID: '2' },
    ],
  });

  test('the valid baseline imports', () => {
    expect(fromAif(valid()).conflicts).toHaveLength(1);
  });

  test('not JSON', () => {
    const error = expectIssueAt(() => importGraph('aif', '{"nodes": [ oops'), []);
    expect(error.message).toMatch(/not valid JSON/);
  });

  test('an empty file', () => {
    expectIssueAt(() => importGraph('aif', '  \n'), []);
  });

  test('JSON that is not an object', () => {
    expectIssueAt(() => fromAif([1, 2, 3]), []);
  });

  test('nodes missing', () => {
    expectIssueAt(() => fromAif({ edges: [] }), ['nodes']);
  });

  test('a node of an unknown type', () => {
    const doc = valid();
    (doc.nodes[3] as { type: string }).type = 'X';
    expectIssueAt(() => fromAif(doc), ['nodes', 3, 'type']);
  });

  test('a node without an id', () => {
    const doc = valid();
    delete (doc.nodes[1] as { nodeID?: string }).nodeID;
    expectIssueAt(() => fromAif(doc), ['nodes', 1, 'nodeID']);
  });

  test('two nodes with one id', () => {
    const doc = valid();
    doc.nodes[4].nodeID = '1';
    expectIssueAt(() => fromAif(doc), ['nodes', 4, 'nodeID']);
  });

  test('an edge to an unknown node', () => {
    const doc = valid();
    doc.edges[1].toID = '99';
    const error = expectIssueAt(() => fromAif(doc), ['edges', 1, 'toID']);
    expect(error.issues[0].message).toContain('"99"');
  });

  test('a CA with no target', () => {
    const doc = valid();
    doc.edges.pop();
    const error = expectIssueAt(() => fromAif(doc), ['nodes', 4]);
    expect(error.issues[0].message).toMatch(/CA node "5" has no target/);
  });

  test('a CA with no attacker', () => {
    const doc = valid();
    doc.edges.splice(2, 1);
    expectIssueAt(() => fromAif(doc), ['nodes', 4]);
  });

  test('an RA with no conclusion', () => {
    const doc = valid();
    doc.edges.splice(1, 1);
    expect(expectIssueAt(() => fromAif(doc), ['nodes', 2]).issues[0].message).toMatch(/RA node "3" has no conclusion/);
  });

  test('an RA with two conclusions', () => {
    const doc = valid();
    doc.edges.push({ fromID: '3', toID: '4' });
    expectIssueAt(() => fromAif(doc), ['nodes', 2]);
  });

  test('an I-node without text', () => {
    const doc = valid();
    doc.nodes[0].text = '   ';
    expectIssueAt(() => fromAif(doc), ['nodes', 0, 'text']);
  });

  test(`an I-node longer than ${NODE_TEXT_MAX} characters is refused, naming the node`, () => {
    const doc = valid();
    doc.nodes[3].text = 'x'.repeat(NODE_TEXT_MAX + 1);
    const error = expectIssueAt(() => fromAif(doc), ['nodes', 3, 'text']);
    expect(error.issues[0].message).toContain('I-node "4"');
    doc.nodes[3].text = 'x'.repeat(NODE_TEXT_MAX);
    expect(fromAif(doc).nodes[2].text).toHaveLength(NODE_TEXT_MAX);
  });

  test('a file with no I-nodes', () => {
    expectIssueAt(() => fromAif({ nodes: [{ nodeID: 'l', text: 'Bob: hi', type: 'L' }], edges: [] }), ['nodes']);
  });
});
