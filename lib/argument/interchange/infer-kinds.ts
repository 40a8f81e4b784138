import { outgoingNodes } from '../graph';
import { ATTACKING_KINDS, isNodeTarget, type ArgumentGraph, type NodeKind } from '../model';

/**
 * Works out what each statement of an imported graph is doing from the graph's shape alone (AIF
 * and most Argdown files say nothing about kinds):
 *
 * - a **root** — a node that supports and attacks nothing — is the `thesis` when it is the only
 *   root, otherwise each root is a `claim` (an imported map may have several roots);
 * - an **attacker** (the attacker of some conflict) is a `rebuttal` when everything it attacks is
 *   itself an attacker (an answer to an objection), otherwise an `objection` (undercuts included);
 * - every other node is a `premise`.
 *
 * `given` holds kinds the file states (our own Argdown tags, the `kind` field of our AIF); they win,
 * and a given `thesis` keeps any root from being made a second one. Kinds can be changed after import.
 *
 * @example a ← b, c attacks b, d attacks c: a is the thesis, b a premise, c an objection, d a rebuttal.
 */
export function inferKinds(graph: ArgumentGraph, given: ReadonlyMap<string, NodeKind> = new Map()): Map<string, NodeKind> {
  const out = outgoingNodes(graph);
  const attackers = new Set(graph.conflicts.map((c) => c.attacker));
  const isAttacker = (id: string) => attackers.has(id) || ATTACKING_KINDS.includes(given.get(id) ?? 'premise');
  const nodeTargets = new Map<string, string[]>();
  for (const c of graph.conflicts) {
    if (!isNodeTarget(c.target)) continue;
    const targets = nodeTargets.get(c.attacker);
    if (targets) targets.push(c.target.node);
    else nodeTargets.set(c.attacker, [c.target.node]);
  }
  const roots = new Set(graph.nodes.filter((n) => (out.get(n.id)?.size ?? 0) === 0).map((n) => n.id));
  const thesisGiven = [...given.values()].includes('thesis');
  const soleRoot = roots.size === 1 && !thesisGiven ? [...roots][0] : undefined;

  const kinds = new Map<string, NodeKind>();
  for (const { id } of graph.nodes) {
    const stated = given.get(id);
    if (stated) kinds.set(id, stated);
    else if (roots.has(id)) kinds.set(id, id === soleRoot ? 'thesis' : 'claim');
    else if (attackers.has(id)) {
      const targets = nodeTargets.get(id) ?? [];
      kinds.set(id, targets.length > 0 && targets.every(isAttacker) ? 'rebuttal' : 'objection');
    } else kinds.set(id, 'premise');
  }
  return kinds;
}

/** The graph with every node's kind set by {@link inferKinds}. */
export function withInferredKinds(graph: ArgumentGraph, given?: ReadonlyMap<string, NodeKind>): ArgumentGraph {
  const kinds = inferKinds(graph, given);
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, kind: kinds.get(n.id) ?? n.kind })) };
}
