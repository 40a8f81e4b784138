import { nodesReaching } from './graph';
import { ATTACKING_KINDS, isNodeTarget, SUPPORTING_KINDS, type ArgNode, type ArgumentGraph, type NodeKind, type Relation } from './model';
import { liveCapacity, roomRefusal } from './capacity';
import type { Decision } from './refusal';
import { shorten } from './text';

/** How a point is connected: a step of its own, a premise joining a step, or an attack on a point or (an undercut) a step. */
export type NewConnection =
  | { type: 'new-step'; conclusion: string }
  | { type: 'join-step'; inference: string; conclusion: string }
  | { type: 'attack'; target: { node: string } | { inference: string; conclusion: string } };

/** Whether a rebuttal may answer a point of this kind: it answers an objection or another rebuttal. The one place this rule lives. */
export function rebuttalMayAnswer(kind: NodeKind | undefined): boolean {
  return kind !== undefined && ATTACKING_KINDS.includes(kind);
}

/** Why a connection cannot be made, and which field of the request is at fault. */
export interface ConnectionProblem {
  path: 'from' | 'to' | 'relation';
  message: string;
}

/**
 * Whether `from` may be connected to `to` with `relation`, on the live graph: the rules of the map
 * model, the same in the browser (which connections a drag offers) and on the server (which it
 * stores). `to` is a node, or — for a linked premise or an undercut — an inference.
 * - `supports`: `from` is a claim, premise or evidence; it does not support `to` already; and the
 *   support would not close a circle (`to` resting on `from` already).
 * - `attacks`: `from` is an objection or rebuttal; a rebuttal answers an objection or rebuttal; the
 *   same attack is not made twice.
 *
 * @returns null when the connection is allowed.
 * @example connectionProblem(graph, 'evidence-1', 'claim-2', 'supports') // null, or why not
 */
export function connectionProblem(graph: ArgumentGraph, from: string, to: string, relation: Relation): ConnectionProblem | null {
  const source = graph.nodes.find((n) => n.id === from);
  if (!source) return { path: 'from', message: `No point "${from}" on this map.` };
  const targetNode = graph.nodes.find((n) => n.id === to);
  const targetInference = targetNode ? undefined : graph.inferences.find((i) => i.id === to);
  if (!targetNode && !targetInference) return { path: 'to', message: `No point or step "${to}" on this map.` };
  if (from === to) return { path: 'to', message: 'A point cannot support or attack itself.' };
  const name = (text: string) => `“${shorten(text, 50)}”`;

  if (relation === 'supports') {
    if (!SUPPORTING_KINDS.includes(source.kind)) {
      return {
        path: 'relation',
        message:
          source.kind === 'thesis'
            ? 'The thesis is the conclusion: it supports nothing.'
            : `${source.kind === 'objection' ? 'An objection' : 'A rebuttal'} attacks; it cannot support.`,
      };
    }
    const conclusion = targetNode?.id ?? targetInference!.conclusion;
    if (conclusion === from) return { path: 'to', message: 'A point cannot support itself.' };
    if (targetInference?.premises.includes(from)) return { path: 'to', message: 'It is already a premise of that step.' };
    if (targetNode && graph.inferences.some((i) => i.conclusion === to && i.premises.includes(from))) {
      return { path: 'to', message: `It already supports ${name(targetNode.text)}.` };
    }
    if (nodesReaching(graph, from).has(conclusion)) {
      const text = graph.nodes.find((n) => n.id === conclusion)?.text ?? '';
      return { path: 'to', message: `That would be circular: ${name(source.text)} already rests on ${name(text)}.` };
    }
    return null;
  }

  if (!ATTACKING_KINDS.includes(source.kind)) {
    return { path: 'relation', message: 'Only objections and rebuttals attack; this point can support instead.' };
  }
  if (source.kind === 'rebuttal' && !rebuttalMayAnswer(targetNode?.kind)) {
    return { path: 'to', message: 'A rebuttal answers an objection (or another rebuttal).' };
  }
  const duplicate = graph.conflicts.some((c) => c.attacker === from && (isNodeTarget(c.target) ? c.target.node === to : c.target.inference === to));
  if (duplicate) return { path: 'to', message: 'It already attacks that.' };
  return null;
}

/**
 * `POST /api/maps/{slug}/connections` decided on the live graph: the connection to write, or why not
 * (the rules of {@link connectionProblem}, then room for it on the map and in the step).
 */
export function decideConnection(graph: ArgumentGraph, from: string, to: string, relation: Relation): Decision<NewConnection> {
  const problem = connectionProblem(graph, from, to, relation);
  if (problem) return { ok: false, refusal: { code: 'bad_request', message: problem.message, issues: [{ path: [problem.path], message: problem.message }] } };
  const targetInference = graph.inferences.find((i) => i.id === to);
  const room = liveCapacity(graph);
  const refusal =
    relation === 'supports'
      ? (roomRefusal('links', room.links) ?? (targetInference ? roomRefusal('premises', targetInference.premises.length) : roomRefusal('steps', room.steps)))
      : roomRefusal('attacks', room.attacks);
  if (refusal) return { ok: false, refusal };
  if (relation === 'supports') {
    return {
      ok: true,
      value: targetInference
        ? { type: 'join-step', inference: targetInference.id, conclusion: targetInference.conclusion }
        : { type: 'new-step', conclusion: to },
    };
  }
  return {
    ok: true,
    value: { type: 'attack', target: targetInference ? { inference: targetInference.id, conclusion: targetInference.conclusion } : { node: to } },
  };
}

/** The relations `from` may have to `to`, in the order a chooser offers them. */
export function allowedRelations(graph: ArgumentGraph, from: string, to: string): Relation[] {
  return (['supports', 'attacks'] as const).filter((relation) => connectionProblem(graph, from, to, relation) === null);
}

/**
 * Every node `from` may be connected to with `relation` — exactly those for which
 * {@link connectionProblem} finds nothing, in map order — worked out in one pass over the map
 * (asking {@link connectionProblem} of each node in turn would walk the map once per node).
 *
 * @example connectableNodes(graph, 'evidence-1', 'supports') // the claims it could back
 */
export function connectableNodes<N extends ArgNode>(graph: Omit<ArgumentGraph, 'nodes'> & { nodes: N[] }, from: string, relation: Relation): N[] {
  const source = graph.nodes.find((n) => n.id === from);
  if (!source) return [];
  if (relation === 'supports') {
    if (!SUPPORTING_KINDS.includes(source.kind)) return [];
    // Nodes resting on `from` (a support to them would close a circle), `from` itself among them.
    const restingOnFrom = nodesReaching(graph, from);
    const supported = new Set(graph.inferences.filter((i) => i.premises.includes(from)).map((i) => i.conclusion));
    return graph.nodes.filter((n) => !restingOnFrom.has(n.id) && !supported.has(n.id));
  }
  if (!ATTACKING_KINDS.includes(source.kind)) return [];
  const attacked = new Set(graph.conflicts.flatMap((c) => (c.attacker === from && isNodeTarget(c.target) ? [c.target.node] : [])));
  return graph.nodes.filter((n) => n.id !== from && !attacked.has(n.id) && (source.kind !== 'rebuttal' || ATTACKING_KINDS.includes(n.kind)));
}
