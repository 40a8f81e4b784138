import { connectionProblem } from '../connect';
import { isNodeTarget, type ArgNode, type ArgumentGraph, type Conflict, type Inference, type NodeKind, type Relation } from '../model';
import { shorten } from '../text';
import { INFERENCE_PREMISES_MAX, MAP_CONFLICTS_MAX, MAP_INFERENCES_MAX, MAP_NODES_MAX, MAP_PREMISE_LINKS_MAX } from '../../validation/limits';
import { InterchangeError, type ImportedGraph, type InterchangeIssue } from './imported-graph';
import { withInferredKinds } from './infer-kinds';

/**
 * The rules every import (AIF and Argdown alike) applies to the graph it read, before the graph
 * becomes a map: a point may not support or attack itself (the connect rules), exact duplicates
 * are merged, and the counts stay within the map's limits.
 */

/** Where an inference or conflict sits in the file, and how a message names it. */
export interface Located {
  path: InterchangeIssue['path'];
  /** `RA node "12"`, `Step "Expert"`. */
  label: string;
}

/** The default: no path into the file, the element named by its id. */
const byId = (entity: 'inference' | 'conflict', id: string): Located => ({ path: [], label: `${entity === 'inference' ? 'Step' : 'Attack'} ${quoted(id)}` });

/** An id or title as a message shows it: quoted, and cut when long. */
export function quoted(id: string): string {
  return `"${shorten(id, 60)}"`;
}

/**
 * Why `node` may not support (`supports`) or attack (`attacks`) itself, in the words of the
 * connect rules (`connectionProblem`, which `POST …/connections` answers with); null if they allowed it.
 * The node is given a kind that may make the relation, so only the rule about itself can answer.
 */
export function selfConnectionProblem(node: ArgNode, relation: Relation): string | null {
  const kind: NodeKind = relation === 'supports' ? 'premise' : 'objection';
  return connectionProblem({ nodes: [{ ...node, kind }], inferences: [], conflicts: [] }, node.id, node.id, relation)?.message ?? null;
}

/**
 * Finishes an imported graph: merges exact duplicates ({@link mergeDuplicates}), refuses one over
 * the map's limits ({@link refuseOverLimits}), then settles every node's kind (`given` wins, see
 * `inferKinds`). `locate` says where a step or attack is in the file, for the messages.
 */
export function settleImport(graph: ArgumentGraph, given: ReadonlyMap<string, NodeKind>, locate = byId): ImportedGraph {
  const { graph: merged, counts } = mergeDuplicates(graph);
  refuseOverLimits(merged, locate);
  return { ...withInferredKinds(merged, given), merged: counts };
}

/**
 * Merges exact duplicates into the first of them: steps with the same conclusion, the same set of
 * premises and the same scheme; attacks with the same attacker and the same target (an undercut of
 * a merged step then targets the step kept). A merged attack keeps the first critical question any
 * of its copies named. Linear in the graph (a file of 22,000 copies of one step is one step).
 */
export function mergeDuplicates(graph: ArgumentGraph): { graph: ArgumentGraph; counts: ImportedGraph['merged'] } {
  const stepOfKey = new Map<string, string>();
  const keptStep = new Map<string, string>();
  const inferences: Inference[] = [];
  for (const inference of graph.inferences) {
    const key = JSON.stringify([inference.conclusion, inference.scheme, [...new Set(inference.premises)].sort()]);
    const kept = stepOfKey.get(key);
    if (kept === undefined) {
      stepOfKey.set(key, inference.id);
      inferences.push(inference);
    } else keptStep.set(inference.id, kept);
  }
  const attackOfKey = new Map<string, Conflict>();
  const conflicts: Conflict[] = [];
  for (const conflict of graph.conflicts) {
    const target = isNodeTarget(conflict.target) ? conflict.target : { inference: keptStep.get(conflict.target.inference) ?? conflict.target.inference };
    const key = JSON.stringify([conflict.attacker, target]);
    const kept = attackOfKey.get(key);
    if (kept === undefined) {
      const attack = { ...conflict, target };
      attackOfKey.set(key, attack);
      conflicts.push(attack);
    } else if (kept.question === undefined && conflict.question !== undefined) kept.question = conflict.question;
  }
  return {
    graph: { nodes: graph.nodes, inferences, conflicts },
    counts: { inferences: graph.inferences.length - inferences.length, conflicts: graph.conflicts.length - conflicts.length },
  };
}

/**
 * Refuses a graph with more statements than MAP_NODES_MAX, more steps than MAP_INFERENCES_MAX,
 * more attacks than MAP_CONFLICTS_MAX, more premise links (a premise in a step) than
 * MAP_PREMISE_LINKS_MAX, or a step with more premises than INFERENCE_PREMISES_MAX; the message
 * names the count and the limit (the step too). The same limits hold for every write to a map
 * (`lib/db/maps.ts`), so what a map can hold does not depend on how it was built.
 */
export function refuseOverLimits(graph: ArgumentGraph, locate = byId): void {
  const over = (count: number, max: number, what: string) => {
    if (count <= max) return;
    const message = `The file has ${count} ${what}; a map holds at most ${max}.`;
    throw new InterchangeError(message, [{ path: [], message }]);
  };
  over(graph.nodes.length, MAP_NODES_MAX, 'statements');
  over(graph.inferences.length, MAP_INFERENCES_MAX, 'steps (inferences) once exact duplicates are merged');
  over(graph.conflicts.length, MAP_CONFLICTS_MAX, 'attacks (conflicts) once exact duplicates are merged');
  const links = graph.inferences.reduce((sum, inference) => sum + inference.premises.length, 0);
  over(links, MAP_PREMISE_LINKS_MAX, 'premise links (a premise in a step) once exact duplicates are merged');
  const issues = graph.inferences
    .filter((inference) => inference.premises.length > INFERENCE_PREMISES_MAX)
    .map((inference) => {
      const { path, label } = locate('inference', inference.id);
      return { path, message: `${label} has ${inference.premises.length} premises; a step holds at most ${INFERENCE_PREMISES_MAX}.` };
    });
  if (issues.length > 0) throw new InterchangeError(issues[0].message, issues);
}
