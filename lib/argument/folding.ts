import { incomingNodes, rootIds } from './graph';
import { isNodeTarget, type ArgumentGraph } from './model';

/**
 * Folding a branch of the map: a folded point stays on the canvas, and everything that rests on it
 * (its reasons and the objections to it, their reasons and objections, …) is put away behind a
 * "+7" badge — unless another, unfolded path from a root still leads to it. Folding is a view of
 * one reader's, never stored with the map; every function here is linear in the size of the map.
 */
export interface FoldedView {
  /** The points drawn: reachable from a root without passing below a folded point. */
  visible: Set<string>;
  /** For each folded point drawn, how many points its fold puts away (each counted under one fold). */
  hiddenUnder: Map<string, number>;
  /** For each point, how many points rest on it directly (its reasons and the objections to it). */
  childCount: Map<string, number>;
}

/**
 * The roots a reader starts from: the points that point at nothing (the thesis, an imported map's
 * top conclusions) and, so that nothing can be hidden for good, one point of every cycle of
 * attacks that no root reaches.
 */
function entryPoints(graph: ArgumentGraph, children: Map<string, string[]>): string[] {
  const roots = rootIds(graph);
  const reached = walk(roots, children, () => false);
  const entries = [...roots];
  for (const n of graph.nodes) {
    if (reached.has(n.id)) continue;
    entries.push(n.id);
    // Into the same set: every point is walked once however many cycles lead into it.
    walk([n.id], children, () => false, reached);
  }
  return entries;
}

/** Depth-first from `starts` along `children`, not going below points where `stop` is true; adds to `seen`. */
function walk(starts: readonly string[], children: Map<string, string[]>, stop: (id: string) => boolean, seen = new Set<string>()): Set<string> {
  const stack = [...starts];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (stop(id)) continue;
    for (const child of children.get(id) ?? []) if (!seen.has(child)) stack.push(child);
  }
  return seen;
}

/** What a reader sees of `graph` with the points in `folded` folded. */
export function foldedView(graph: ArgumentGraph, folded: ReadonlySet<string>): FoldedView {
  const children = incomingNodes(graph);
  const entries = entryPoints(graph, children);
  const visible = walk(entries, children, (id) => folded.has(id));
  // Each put-away point is counted under the first fold that reaches it (one search from all of them).
  const hiddenUnder = new Map<string, number>();
  const owner = new Map<string, string>();
  const queue: string[] = [];
  for (const id of folded) {
    if (!visible.has(id)) continue;
    hiddenUnder.set(id, 0);
    owner.set(id, id);
    queue.push(id);
  }
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i];
    for (const child of children.get(from) ?? []) {
      if (visible.has(child) || owner.has(child)) continue;
      const fold = owner.get(from)!;
      owner.set(child, fold);
      hiddenUnder.set(fold, hiddenUnder.get(fold)! + 1);
      queue.push(child);
    }
  }
  const childCount = new Map<string, number>();
  for (const [id, list] of children) childCount.set(id, new Set(list).size);
  return { visible, hiddenUnder, childCount };
}

/**
 * The part of the map a folded view draws: the visible points, the steps into an unfolded point
 * (all of whose premises are then visible) and the attacks on what is drawn unfolded.
 */
export function visiblePart<G extends ArgumentGraph>(graph: G, visible: ReadonlySet<string>, folded: ReadonlySet<string>): G {
  const open = (id: string) => visible.has(id) && !folded.has(id);
  const inferences = graph.inferences.filter((i) => open(i.conclusion) && i.premises.every((p) => visible.has(p)));
  const shownSteps = new Set(inferences.map((i) => i.id));
  const conflicts = graph.conflicts.filter(
    (c) => visible.has(c.attacker) && (isNodeTarget(c.target) ? open(c.target.node) : shownSteps.has(c.target.inference)),
  );
  return { ...graph, nodes: graph.nodes.filter((n) => visible.has(n.id)), inferences, conflicts };
}

/**
 * "Main reasons": every root with the points that rest on it directly, each of those folded — the
 * thesis, its reasons and the objections to it, with their status, and nothing further down.
 */
export function mainReasonsFolds(graph: ArgumentGraph): Set<string> {
  const children = incomingNodes(graph);
  const folded = new Set<string>();
  for (const root of entryPoints(graph, children)) {
    for (const child of children.get(root) ?? []) if ((children.get(child)?.length ?? 0) > 0) folded.add(child);
  }
  return folded;
}

/**
 * The folds to open so that `id` is drawn: every folded point it rests on, at any distance (the
 * points it supports or attacks, theirs, and so on up to the roots), and not `id` itself.
 */
export function foldsHiding(graph: ArgumentGraph, folded: ReadonlySet<string>, id: string): string[] {
  const parents = new Map<string, string[]>();
  for (const [parent, list] of incomingNodes(graph)) {
    for (const child of list) {
      const up = parents.get(child);
      if (up) up.push(parent);
      else parents.set(child, [parent]);
    }
  }
  const above = walk(parents.get(id) ?? [], parents, () => false);
  return [...above].filter((p) => p !== id && folded.has(p));
}
