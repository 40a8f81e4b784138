import type { ArgNode, ArgumentGraph, Conflict, Inference, NodeKind } from '../model';

/**
 * Adversarial map shapes for the "linear in the map" tests: each is small to describe and costly
 * for any algorithm that walks paths instead of points, recurses once per level, or copies a list
 * per step. Node ids are short and stable so tests can name them.
 */

function point(id: string, kind: NodeKind): ArgNode {
  return { id, kind, text: `${kind} ${id}`, quote: null, implicit: false, author: `author ${id.length % 3}`, position: null, version: 1 };
}

const step = (premise: string, conclusion: string, scheme: string | null = null): Inference => ({
  id: `${premise}>${conclusion}`,
  conclusion,
  premises: [premise],
  scheme,
});

/**
 * A ladder: the thesis, then `levels` levels of two points each, every point supporting both points
 * of the level above (the first level supports the thesis). 2·levels + 1 points, about 4·levels
 * steps — and 2^levels paths from the bottom to the thesis.
 */
export function ladder(levels: number, scheme: string | null = null): ArgumentGraph {
  const nodes = [point('t', 'thesis')];
  const inferences: Inference[] = [];
  let above = ['t'];
  for (let level = 0; level < levels; level++) {
    const here = [`a${level}`, `b${level}`];
    for (const id of here) {
      nodes.push(point(id, level === levels - 1 ? 'evidence' : 'claim'));
      for (const up of above) inferences.push(step(id, up, scheme));
    }
    above = here;
  }
  return { nodes, inferences, conflicts: [] };
}

/** The thesis and a chain of `length` claims, each supporting the one above; evidence at the bottom. */
export function chain(length: number): ArgumentGraph {
  const nodes = [point('t', 'thesis')];
  const inferences: Inference[] = [];
  let up = 't';
  for (let i = 0; i < length; i++) {
    const id = `c${i}`;
    nodes.push(point(id, i === length - 1 ? 'evidence' : 'claim'));
    inferences.push(step(id, up));
    up = id;
  }
  return { nodes, inferences, conflicts: [] };
}

/** A chain of `length` objections and rebuttals, each attacking the one above, under one claim. */
export function attackChain(length: number): ArgumentGraph {
  const nodes = [point('t', 'thesis'), point('c', 'claim'), point('e', 'evidence')];
  const inferences = [step('c', 't'), step('e', 'c')];
  const conflicts: Conflict[] = [];
  let target = 'c';
  for (let i = 0; i < length; i++) {
    const id = `x${i}`;
    nodes.push(point(id, i === 0 ? 'objection' : 'rebuttal'));
    conflicts.push({ id: `${id}x${target}`, attacker: id, target: { node: target } });
    target = id;
  }
  return { nodes, inferences, conflicts };
}

/**
 * The thesis with `width` pieces of evidence supporting it directly ("from example"), and `width`
 * objections: the even ones attack the thesis, the odd ones raise a critical question against a piece of evidence.
 */
export function star(width: number): ArgumentGraph {
  const nodes = [point('t', 'thesis')];
  const inferences: Inference[] = [];
  const conflicts: Conflict[] = [];
  for (let i = 0; i < width; i++) {
    nodes.push(point(`e${i}`, 'evidence'), point(`o${i}`, 'objection'));
    inferences.push(step(`e${i}`, 't', 'example'));
    conflicts.push(
      i % 2 === 0
        ? { id: `o${i}xt`, attacker: `o${i}`, target: { node: 't' } }
        : { id: `o${i}xe`, attacker: `o${i}`, target: { node: `e${i}` }, question: 'example.cq1' },
    );
  }
  return { nodes, inferences, conflicts };
}

/** `count` points: every other one supports the thesis, the rest are loose (each a root of its own). */
export function manyRoots(count: number): ArgumentGraph {
  const nodes = [point('t', 'thesis')];
  const inferences: Inference[] = [];
  for (let i = 1; i < count; i++) {
    nodes.push(point(`n${i}`, 'claim'));
    if (i % 2 === 0) inferences.push(step(`n${i}`, 't'));
  }
  return { nodes, inferences, conflicts: [] };
}

/** A support cycle of `length` claims hanging from the thesis: c0 → t, c1 → c0, …, c0 → c(length-1). */
export function cycle(length: number): ArgumentGraph {
  const graph = chain(length);
  graph.nodes[length].kind = 'claim';
  graph.inferences.push(step('c0', `c${length - 1}`));
  return graph;
}

/**
 * One claim under the thesis held up by `count` separate steps from the same two pieces of evidence
 * (duplicates an import merges but a graph can still carry), and one linked step of `count` premises.
 */
export function duplicates(count: number): ArgumentGraph {
  const nodes = [point('t', 'thesis'), point('c', 'claim'), point('e', 'evidence'), point('f', 'evidence')];
  const inferences: Inference[] = [step('c', 't')];
  for (let i = 0; i < count; i++) inferences.push({ id: `dup${i}`, conclusion: 'c', premises: ['e', 'f'], scheme: null });
  const linkedPremises: string[] = [];
  for (let i = 0; i < count; i++) {
    nodes.push(point(`p${i}`, 'premise'));
    linkedPremises.push(`p${i}`);
  }
  inferences.push({ id: 'wide', conclusion: 't', premises: linkedPremises, scheme: 'expert-opinion' });
  return { nodes, inferences, conflicts: [] };
}

/** How many premise slots, points and conflicts a graph has: the size "linear in the map" is measured against. */
export function sizeOf(graph: ArgumentGraph): number {
  return graph.nodes.length + graph.inferences.reduce((sum, inf) => sum + inf.premises.length, 0) + graph.conflicts.length;
}
