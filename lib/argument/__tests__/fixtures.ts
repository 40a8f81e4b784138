import type { ArgNode, ArgumentGraph, Conflict, Inference, NodeKind } from '../model';

/**
 * Small hand-built graphs for unit tests. `node('c', 'claim')` makes a bare node;
 * `supports('c', 'thesis')` a one-premise inference `c→thesis`; `linked(['a','b'], 'c')` a linked
 * inference; `attacks('o', 'c')` a conflict; `undercuts('o', 'inf')` a conflict against an inference.
 */
export function node(id: string, kind: NodeKind): ArgNode {
  return { id, kind, text: `${kind} ${id}`, quote: null, implicit: false, author: 'Test', position: null, version: 1 };
}

export function supports(premise: string, conclusion: string, id = `${premise}>${conclusion}`): Inference {
  return { id, conclusion, premises: [premise], scheme: null };
}

export function linked(premises: string[], conclusion: string, id = `${premises.join('+')}>${conclusion}`): Inference {
  return { id, conclusion, premises, scheme: null };
}

export function attacks(attacker: string, target: string, id = `${attacker}x${target}`): Conflict {
  return { id, attacker, target: { node: target } };
}

export function undercuts(attacker: string, inference: string, id = `${attacker}x${inference}`): Conflict {
  return { id, attacker, target: { inference } };
}

export function graphOf(nodes: [string, NodeKind][], inferences: Inference[], conflicts: Conflict[] = []): ArgumentGraph {
  return { nodes: nodes.map(([id, kind]) => node(id, kind)), inferences, conflicts };
}
