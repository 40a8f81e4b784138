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

/** Nodes from which a path of supports/attacks leads to `targetId` (including it). */
export function nodesReaching(graph: ArgumentGraph, targetId: string, without?: string): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const [from, tos] of outgoingNodes(graph)) {
    for (const to of tos) incoming.set(to, [...(incoming.get(to) ?? []), from]);
  }
  const seen = new Set<string>();
  const stack = [targetId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || id === without) continue;
    seen.add(id);
    stack.push(...(incoming.get(id) ?? []));
  }
  return seen;
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
  const stillAnchored = new Set<string>();
  for (const root of roots) for (const id of nodesReaching(graph, root, nodeId)) stillAnchored.add(id);
  const hanging = nodesReaching(graph, nodeId);
  return graph.nodes.map((n) => n.id).filter((id) => id !== nodeId && hanging.has(id) && !stillAnchored.has(id));
}
