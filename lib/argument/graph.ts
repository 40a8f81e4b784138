import { isNodeTarget, type ArgumentGraph } from './model';

/**
 * For each node, the nodes it points at: a premise points at its inference's conclusion, an
 * attacker at the node it attacks (or, for an undercut, at the undercut inference's conclusion).
 */
export function outgoingNodes(graph: ArgumentGraph): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>(graph.nodes.map((n) => [n.id, new Set<string>()]));
  const conclusionOf = new Map(graph.inferences.map((i) => [i.id, i.conclusion]));
  for (const inf of graph.inferences) {
    for (const p of inf.premises) out.get(p)?.add(inf.conclusion);
  }
  for (const c of graph.conflicts) {
    const to = isNodeTarget(c.target) ? c.target.node : conclusionOf.get(c.target.inference);
    if (to !== undefined) out.get(c.attacker)?.add(to);
  }
  return out;
}

/** The nodes that point at nothing: the thesis, and in an imported map every top-level conclusion. */
export function rootIds(graph: ArgumentGraph): string[] {
  const out = outgoingNodes(graph);
  return graph.nodes.filter((n) => (out.get(n.id)?.size ?? 0) === 0).map((n) => n.id);
}

/** For each node, the nodes pointing at it (the reverse of {@link outgoingNodes}), built in one pass. */
export function incomingNodes(graph: ArgumentGraph): Map<string, string[]> {
  const incoming = new Map<string, string[]>();
  for (const [from, tos] of outgoingNodes(graph)) {
    for (const to of tos) {
      const list = incoming.get(to);
      if (list) list.push(from);
      else incoming.set(to, [from]);
    }
  }
  return incoming;
}

/**
 * Nodes from which a path of supports/attacks leads to any of `targetIds` (including them), never
 * passing through `without`. One search from all the targets at once: linear in the graph however
 * many targets there are.
 */
export function nodesReachingAny(graph: ArgumentGraph, targetIds: Iterable<string>, without?: string): Set<string> {
  const incoming = incomingNodes(graph);
  const seen = new Set<string>();
  const stack = [...targetIds];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || id === without) continue;
    seen.add(id);
    for (const from of incoming.get(id) ?? []) if (!seen.has(from)) stack.push(from);
  }
  return seen;
}

/** Nodes from which a path of supports/attacks leads to `targetId` (including it). */
export function nodesReaching(graph: ArgumentGraph, targetId: string, without?: string): Set<string> {
  return nodesReachingAny(graph, [targetId], without);
}

/**
 * Keeps only what can stand among the given nodes: an inference needs its conclusion and at least
 * one premise (it keeps the premises that remain); a conflict needs its attacker and its target.
 * The database applies the same rule to soft-deleted nodes, so restoring them restores their links.
 */
export function pruneGraph(graph: ArgumentGraph): ArgumentGraph {
  const live = new Set(graph.nodes.map((n) => n.id));
  const inferences = graph.inferences
    .map((inf) => ({ ...inf, premises: inf.premises.filter((p) => live.has(p)) }))
    .filter((inf) => live.has(inf.conclusion) && inf.premises.length > 0);
  const liveInferences = new Set(inferences.map((i) => i.id));
  const conflicts = graph.conflicts.filter(
    (c) => live.has(c.attacker) && (isNodeTarget(c.target) ? live.has(c.target.node) : liveInferences.has(c.target.inference)),
  );
  return { nodes: graph.nodes, inferences, conflicts };
}

/**
 * The nodes that would hang in the air if `nodeId` were removed: everything whose every path to a
 * root runs through it (its reasons, objections to it, rebuttals of those, …). Deleting a node
 * removes these too, so the map never keeps fragments that support nothing.
 *
 * @example in thesis ← claim ← evidence, dependentsOf(graph, 'claim') is ['evidence'].
 */
export function dependentsOf(graph: ArgumentGraph, nodeId: string): string[] {
  const roots = rootIds(graph).filter((id) => id !== nodeId);
  // Without the node, some inferences and conflicts fall too (an undercut of a step whose only
  // premise was the node points at nothing), so anchoring is checked on the pruned graph.
  const without = pruneGraph({ ...graph, nodes: graph.nodes.filter((n) => n.id !== nodeId) });
  // One search from all the roots together, not one per root: a map can have thousands of roots.
  const stillAnchored = nodesReachingAny(without, roots);
  const anchoredBefore = nodesReachingAny(graph, rootIds(graph));
  return graph.nodes.map((n) => n.id).filter((id) => id !== nodeId && anchoredBefore.has(id) && !stillAnchored.has(id));
}
