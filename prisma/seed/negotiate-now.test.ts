import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { nodesReaching } from '../../lib/argument/graph';
import { buildGraphFromSpec } from '../../lib/argument/map-spec';
import { SCHEME_IDS } from '../../lib/argument/schemes';
import type { ArgNode, ArgumentGraph } from '../../lib/argument/model';
import {
  ANALYST,
  SAMPLE_OBJECTION_AUTHOR,
  SAMPLE_REBUTTAL_AUTHOR,
  negotiateNowSpec,
} from './negotiate-now';

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

  test('implicit premises are unquoted premises, and there are at least 3', () => {
    const implicit = graph.nodes.filter((n) => n.implicit);
    expect(implicit.length).toBeGreaterThanOrEqual(3);
    for (const n of implicit) {
      expect(n.kind, n.id).toBe('premise');
      expect(n.quote, n.id).toBeNull();
    }
  });

  test('has at least 25 nodes', () => {
    expect(graph.nodes.length).toBeGreaterThanOrEqual(25);
  });

  test('has at least 4 sample objections and a rebuttal of an objection', () => {
    const objections = ofKind('objection');
    expect(objections.filter((n) => n.author === SAMPLE_OBJECTION_AUTHOR).length).toBeGreaterThanOrEqual(4);
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

  test.each(bodyParagraphs().map((p) => [p.text.slice(0, 50), p] as const))(
    'paragraph "%s…" is quoted at least once',
    (_start, paragraph) => {
      expect(quoted.some((n) => n.quote.start >= paragraph.start && n.quote.end <= paragraph.end)).toBe(true);
    },
  );

  test('node texts are unique, non-empty and at most 300 characters', () => {
    const texts = graph.nodes.map((n) => n.text);
    expect(new Set(texts).size).toBe(texts.length);
    for (const n of graph.nodes) {
      expect(n.text.trim().length, n.id).toBeGreaterThan(0);
      expect(n.text.length, n.id).toBeLessThanOrEqual(300);
    }
  });
});
