import type { Evaluation } from './evaluation';
import { isNodeTarget, type ArgumentGraph } from './model';
import { schemeById, type CriticalQuestion, type Scheme } from './schemes';

/**
 * Where a critical question stands on the map:
 * - `open` — nobody has raised it yet;
 * - `raised` — an objection raised from it stands (or is contested): the step is in trouble;
 * - `answered` — every objection raised from it has been defeated (rebutted, or itself undercut).
 */
export type QuestionState = 'open' | 'raised' | 'answered';

export interface QuestionStatus {
  /** `"<scheme>.<cq>"`, as stored on conflicts. */
  id: string;
  scheme: Scheme;
  question: CriticalQuestion;
  inferenceId: string;
  state: QuestionState;
  /** Nodes that raise this question against this inference (or one of its premises). */
  raisedBy: string[];
}

/** The critical questions of an inference's scheme, each with its state; empty when it names no scheme. */
export function questionsForInference(graph: ArgumentGraph, evaluation: Evaluation, inferenceId: string): QuestionStatus[] {
  const inference = graph.inferences.find((i) => i.id === inferenceId);
  const scheme = inference?.scheme ? schemeById(inference.scheme) : undefined;
  if (!inference || !scheme) return [];
  const aimedHere = graph.conflicts.filter((c) =>
    isNodeTarget(c.target) ? inference.premises.includes(c.target.node) : c.target.inference === inferenceId,
  );
  return scheme.questions.map((question) => {
    const id = `${scheme.id}.${question.id}`;
    const raisedBy = aimedHere.filter((c) => c.question === id).map((c) => c.attacker);
    const state: QuestionState =
      raisedBy.length === 0 ? 'open' : raisedBy.every((n) => evaluation.nodes[n]?.status === 'defeated') ? 'answered' : 'raised';
    return { id, scheme, question, inferenceId, state, raisedBy };
  });
}

/**
 * Every critical question on the map not yet answered, most important first: by the question's
 * weight, then by how close its inference is to the thesis (a doubt near the top matters more),
 * then raised before open (a live objection needs an answer first).
 */
export function unansweredQuestions(graph: ArgumentGraph, evaluation: Evaluation): QuestionStatus[] {
  const depth = depthFromRoots(graph);
  const all = graph.inferences.flatMap((inf) => questionsForInference(graph, evaluation, inf.id));
  const conclusionDepth = new Map(graph.inferences.map((i) => [i.id, depth.get(i.conclusion) ?? Infinity]));
  return all
    .filter((q) => q.state !== 'answered')
    .sort(
      (a, b) =>
        a.question.weight - b.question.weight ||
        conclusionDepth.get(a.inferenceId)! - conclusionDepth.get(b.inferenceId)! ||
        (a.state === 'raised' ? 0 : 1) - (b.state === 'raised' ? 0 : 1),
    );
}

/** How many support steps separate each node from a node that supports nothing (the thesis). */
function depthFromRoots(graph: ArgumentGraph): Map<string, number> {
  const premisesOf = new Map<string, string[]>();
  for (const inf of graph.inferences) premisesOf.set(inf.conclusion, [...(premisesOf.get(inf.conclusion) ?? []), ...inf.premises]);
  const supporting = new Set(graph.inferences.flatMap((i) => i.premises));
  const depth = new Map<string, number>();
  const queue = graph.nodes.filter((n) => !supporting.has(n.id)).map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const p of premisesOf.get(id) ?? []) {
      if (!depth.has(p)) {
        depth.set(p, depth.get(id)! + 1);
        queue.push(p);
      }
    }
  }
  return depth;
}
