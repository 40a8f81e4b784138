import { readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, test } from 'vitest';
import { ANALYST, negotiateNowSpec } from '../../../prisma/seed/negotiate-now';
import { JUNCTION_SIZE, buildLayoutGraph, estimateCardSize, inferencesWithJunction, junctionId, positionsFromLayout, wrappedLines, type Size } from '../layout';
import { buildGraphFromSpec } from '../map-spec';
import { isNodeTarget } from '../model';

const ESSAY = readFileSync(new URL('../../../prisma/seed/negotiate-now.txt', import.meta.url), 'utf8');
const graph = buildGraphFromSpec(negotiateNowSpec, ESSAY, ANALYST);
const FALLBACK: Size = { width: 280, height: 120 };
const layout = buildLayoutGraph(graph, new Map(), FALLBACK);

const nodeIds = graph.nodes.map((n) => n.id);
const thesisId = graph.nodes.find((n) => n.kind === 'thesis')!.id;
const undercutInferences = new Set(graph.conflicts.flatMap((c) => (isNodeTarget(c.target) ? [] : [c.target.inference])));
const expectedJunctions = graph.inferences.filter((i) => i.premises.length > 1 || undercutInferences.has(i.id)).map((i) => junctionId(i.id));

describe('buildLayoutGraph on the seeded map', () => {
  test('every node is a child exactly once', () => {
    const childIds = layout.children.map((c) => c.id);
    for (const id of nodeIds)
      expect(
        childIds.filter((c) => c === id),
        id,
      ).toHaveLength(1);
  });

  test('junction children exist exactly for linked and undercut inferences', () => {
    const junctions = layout.children.filter((c) => !nodeIds.includes(c.id)).map((c) => c.id);
    expect(expectedJunctions.length).toBeGreaterThanOrEqual(4);
    expect(junctions.sort()).toEqual([...expectedJunctions].sort());
    expect(inferencesWithJunction(graph)).toEqual(new Set(expectedJunctions.map((j) => j.slice('junction:'.length))));
    for (const j of layout.children.filter((c) => junctions.includes(c.id))) {
      expect(j).toMatchObject({ width: JUNCTION_SIZE, height: JUNCTION_SIZE });
    }
  });

  test('the undercut inference has a junction, and the undercut hangs from it', () => {
    const undercut = graph.conflicts.find((c) => !isNodeTarget(c.target))!;
    const j = junctionId((undercut.target as { inference: string }).inference);
    expect(layout.edges).toContainEqual(expect.objectContaining({ sources: [j], targets: [undercut.attacker] }));
  });

  test('nodes get their measured size, or the fallback', () => {
    const sized = buildLayoutGraph(graph, new Map([[thesisId, { width: 400, height: 90 }]]), FALLBACK);
    expect(sized.children.find((c) => c.id === thesisId)).toMatchObject({ width: 400, height: 90 });
    const other = graph.nodes.find((n) => n.id !== thesisId)!;
    expect(sized.children.find((c) => c.id === other.id)).toMatchObject(FALLBACK);
  });

  test('every edge joins two children, and edge ids are unique', () => {
    const childIds = new Set(layout.children.map((c) => c.id));
    for (const e of layout.edges) {
      expect(childIds.has(e.sources[0]), e.id).toBe(true);
      expect(childIds.has(e.targets[0]), e.id).toBe(true);
    }
    expect(new Set(layout.edges.map((e) => e.id)).size).toBe(layout.edges.length);
  });

  test('edges run from a conclusion down to its premises and from the attacked point down to its attacker', () => {
    const reaches = (from: string, to: string) =>
      layout.edges.some((e) => e.sources[0] === from && e.targets[0] === to) ||
      layout.edges.some(
        (e) => e.sources[0] === from && e.targets[0].startsWith('junction:') && layout.edges.some((f) => f.sources[0] === e.targets[0] && f.targets[0] === to),
      );
    for (const inf of graph.inferences) for (const p of inf.premises) expect(reaches(inf.conclusion, p), `${inf.id}: ${p}`).toBe(true);
    for (const c of graph.conflicts) {
      const from = isNodeTarget(c.target) ? c.target.node : junctionId(c.target.inference);
      expect(
        layout.edges.some((e) => e.sources[0] === from && e.targets[0] === c.attacker),
        c.id,
      ).toBe(true);
    }
  });

  test('the thesis is the only argument node with no incoming edge', () => {
    const withIncoming = new Set(layout.edges.map((e) => e.targets[0]));
    expect(nodeIds.filter((id) => !withIncoming.has(id))).toEqual([thesisId]);
  });
});

describe('ELK layout of the seeded map', async () => {
  const laidOut = await new ELK().layout(structuredClone(layout));
  const positions = positionsFromLayout(laidOut);
  const sizes = new Map(layout.children.map((c) => [c.id, c]));

  test('places every child', () => {
    for (const c of layout.children) expect(positions.has(c.id), c.id).toBe(true);
  });

  test('puts the thesis at the top', () => {
    const thesisY = positions.get(thesisId)!.y;
    for (const [id, p] of positions) if (id !== thesisId) expect(p.y, id).toBeGreaterThan(thesisY);
  });

  test('no two argument nodes overlap', () => {
    const boxes = nodeIds.map((id) => ({ ...positions.get(id)!, width: sizes.get(id)!.width, height: sizes.get(id)!.height, id }));
    const overlaps: string[] = [];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) overlaps.push(`${a.id} × ${b.id}`);
      }
    }
    expect(overlaps).toEqual([]);
  });

  test('premises sit below their conclusion and attackers below what they attack', () => {
    const y = (id: string) => positions.get(id)!.y;
    for (const inf of graph.inferences) for (const p of inf.premises) expect(y(p), `${inf.id}: ${p}`).toBeGreaterThan(y(inf.conclusion));
    for (const c of graph.conflicts) {
      const target = isNodeTarget(c.target) ? c.target.node : junctionId(c.target.inference);
      expect(y(c.attacker), c.id).toBeGreaterThan(y(target));
    }
  });
});

describe('estimateCardSize', () => {
  test('grows with the words, line by line, and the thesis card is wider', () => {
    const short = estimateCardSize({ kind: 'claim', text: 'Talks work.' });
    const long = estimateCardSize({ kind: 'claim', text: 'x'.repeat(200) });
    expect(short).toEqual({ width: 280, height: 100 });
    expect(long.height).toBe(80 + 7 * 20);
    expect(estimateCardSize({ kind: 'thesis', text: 'Negotiate now.' })).toEqual({ width: 360, height: 144 });
  });
});

describe('wrappedLines', () => {
  test.each([
    ['', 1],
    ['one', 1],
    ['a'.repeat(30), 1],
    ['a'.repeat(31), 2],
    ['a'.repeat(61), 3],
    [`${'a'.repeat(15)} ${'b'.repeat(14)}`, 1],
    [`${'a'.repeat(15)} ${'b'.repeat(15)}`, 2],
    ['  spaced   out\n words  ', 1],
    [`${'a'.repeat(29)} ${'b'.repeat(40)} c`, 3],
    // Wide characters count twice: 16 Hangul syllables are 32 letters, two lines.
    ['\uac00'.repeat(16), 2],
    ['\u6f22\u5b57'.repeat(15), 2],
  ])('%j wraps to %i lines at 30 letters', (text, lines) => {
    expect(wrappedLines(text, 30)).toBe(lines);
  });

  test('is linear: a 100,000-letter text without spaces is counted at once', () => {
    expect(wrappedLines('x'.repeat(100_000), 30)).toBe(Math.ceil(100_000 / 30));
  });
});

describe('the order points were written in', () => {
  test('a small map keeps its reasons left to right in the order they were written', async () => {
    const reasons = Array.from({ length: 8 }, (_, i) => `r${i + 1}`);
    const graph = {
      nodes: [{ id: 't', kind: 'thesis' as const }, ...reasons.map((id) => ({ id, kind: 'claim' as const }))].map((n) => ({
        ...n,
        text: `${n.kind} ${n.id}`,
        quote: null,
        implicit: false,
        author: 'Test',
        position: null,
        version: 1,
      })),
      inferences: reasons.map((id) => ({ id: `${id}>t`, conclusion: 't', premises: [id], scheme: null })),
      conflicts: [],
    };
    const laidOut = await new ELK().layout(buildLayoutGraph(graph, new Map()) as never);
    const positions = positionsFromLayout(laidOut);
    const xs = reasons.map((id) => positions.get(id)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });
});
