import type { Evaluation } from './evaluation';
import { isNodeTarget, type ArgumentGraph, type Conflict, type Inference } from './model';
import { askQuestion, objectionOpening, stepWordsOf } from './question-words';
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
  /** The question in the words of its step (its points' short titles), as people read it; see ./question-words.ts. */
  text: string;
  /** The opening of an objection raised from it, in the same words: prefills the objection form. */
  prompt: string;
  inferenceId: string;
  state: QuestionState;
  /**
   * Nodes that raise this question against this inference (or one of its premises), in map order:
   * the first {@link RAISED_BY_LIMIT} of them.
   */
  raisedBy: string[];
  /** How many nodes raise it in all (`raisedBy` names at most {@link RAISED_BY_LIMIT}). */
  raisedCount: number;
}

/**
 * Most raisers named per question. A point that is a premise of thousands of steps, attacked by
 * thousands of objections raising one question, would otherwise give every one of those steps a
 * list of thousands: the work and the answer would grow with their product.
 */
export const RAISED_BY_LIMIT = 20;

/** The conflicts that raise each question, by what they aim at; built once per map. */
interface QuestionIndex {
  inferences: Map<string, Inference>;
  /** Key `node|question` or `inference|question` (see {@link raiserKey}) → conflict positions, in map order. */
  raisers: Map<string, number[]>;
  conflicts: readonly Conflict[];
}

const raiserKey = (target: Conflict['target'], question: string) =>
  isNodeTarget(target) ? `n:${target.node}|${question}` : `i:${target.inference}|${question}`;

const indexCache = new WeakMap<readonly Conflict[], { inferences: readonly Inference[]; sizes: string; index: QuestionIndex }>();

/**
 * The {@link QuestionIndex} of a graph, kept while its inferences and conflicts are the same lists
 * (views are replaced, not edited, when the map changes; the sizes guard against a list grown in place).
 */
function questionIndex(graph: ArgumentGraph): QuestionIndex {
  const sizes = `${graph.inferences.length}/${graph.conflicts.length}`;
  const cached = indexCache.get(graph.conflicts);
  if (cached && cached.inferences === graph.inferences && cached.sizes === sizes) return cached.index;
  const raisers = new Map<string, number[]>();
  graph.conflicts.forEach((c, position) => {
    if (!c.question) return;
    const key = raiserKey(c.target, c.question);
    const list = raisers.get(key);
    if (list) list.push(position);
    else raisers.set(key, [position]);
  });
  const index = { inferences: new Map(graph.inferences.map((i) => [i.id, i])), raisers, conflicts: graph.conflicts };
  indexCache.set(graph.conflicts, { inferences: graph.inferences, sizes, index });
  return index;
}

/** Per judgement: each list of raisers without the ones set aside as later (built once per list). */
const presentCache = new WeakMap<Evaluation, Map<number[], number[]>>();

/**
 * The raisers of `list` that count in `evaluation`: judged as of a month, a raiser known only later
 * raises nothing (it is set aside). Today's judgement keeps every list as it is.
 */
function presentRaisers(list: number[], index: QuestionIndex, evaluation: Evaluation): number[] {
  if (!evaluation.asOf) return list;
  let lists = presentCache.get(evaluation);
  if (!lists) {
    lists = new Map();
    presentCache.set(evaluation, lists);
  }
  let present = lists.get(list);
  if (!present) {
    present = list.filter((position) => evaluation.nodes[index.conflicts[position].attacker]?.status !== 'later');
    lists.set(list, present);
  }
  return present;
}

/**
 * The questions of one inference. `standingIn` remembers, per list of raisers, whether one of them
 * is not defeated: one point's list is shared by every step it is a premise of.
 */
function questionsOf(
  graph: ArgumentGraph,
  index: QuestionIndex,
  evaluation: Evaluation,
  inference: Inference,
  standingIn = new Map<number[], boolean>(),
): QuestionStatus[] {
  const scheme = inference.scheme ? schemeById(inference.scheme) : undefined;
  if (!scheme) return [];
  const words = stepWordsOf(graph, inference);
  return scheme.questions.map((question) => {
    const id = `${scheme.id}.${question.id}`;
    const lists: number[][] = [];
    const undercuts = index.raisers.get(raiserKey({ inference: inference.id }, id));
    if (undercuts) lists.push(presentRaisers(undercuts, index, evaluation));
    for (const premise of new Set(inference.premises)) {
      const rebuttals = index.raisers.get(raiserKey({ node: premise }, id));
      if (rebuttals) lists.push(presentRaisers(rebuttals, index, evaluation));
    }
    let raisedCount = 0;
    let standing = false;
    const first: number[] = [];
    for (const list of lists) {
      raisedCount += list.length;
      for (let i = 0; i < list.length && i < RAISED_BY_LIMIT; i++) first.push(list[i]);
    }
    const raisedBy = first
      .sort((a, b) => a - b)
      .slice(0, RAISED_BY_LIMIT)
      .map((position) => index.conflicts[position].attacker);
    for (const list of lists) {
      if (standing) break;
      let listStanding = standingIn.get(list);
      if (listStanding === undefined) {
        listStanding = list.some((position) => evaluation.nodes[index.conflicts[position].attacker]?.status !== 'defeated');
        standingIn.set(list, listStanding);
      }
      standing = listStanding;
    }
    const state: QuestionState = raisedCount === 0 ? 'open' : standing ? 'raised' : 'answered';
    return {
      id,
      scheme,
      question,
      text: askQuestion(question, words),
      prompt: objectionOpening(question, words),
      inferenceId: inference.id,
      state,
      raisedBy,
      raisedCount,
    };
  });
}

/** The critical questions of an inference's scheme, each with its state; empty when it names no scheme. */
export function questionsForInference(graph: ArgumentGraph, evaluation: Evaluation, inferenceId: string): QuestionStatus[] {
  const index = questionIndex(graph);
  const inference = index.inferences.get(inferenceId);
  return inference ? questionsOf(graph, index, evaluation, inference) : [];
}

/**
 * Every critical question on the map not yet answered, most important first: by the question's
 * weight, then by how close its inference is to the thesis (a doubt near the top matters more),
 * then raised before open (a live objection needs an answer first).
 */
export function unansweredQuestions(graph: ArgumentGraph, evaluation: Evaluation): QuestionStatus[] {
  const depth = depthFromRoots(graph);
  const index = questionIndex(graph);
  const standingIn = new Map<number[], boolean>();
  // A step set aside by a judgement "as of" a month (a premise or its conclusion known only later) asks nothing then.
  const all = graph.inferences.flatMap((inf) => (evaluation.inferences[inf.id]?.later ? [] : questionsOf(graph, index, evaluation, inf, standingIn)));
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
  const stepsInto = new Map<string, Inference[]>();
  for (const inf of graph.inferences) {
    const list = stepsInto.get(inf.conclusion);
    if (list) list.push(inf);
    else stepsInto.set(inf.conclusion, [inf]);
  }
  const supporting = new Set<string>();
  for (const inf of graph.inferences) for (const p of inf.premises) supporting.add(p);
  const depth = new Map<string, number>();
  const queue = graph.nodes.filter((n) => !supporting.has(n.id)).map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const inf of stepsInto.get(id) ?? []) {
      for (const p of inf.premises) {
        if (!depth.has(p)) {
          depth.set(p, depth.get(id)! + 1);
          queue.push(p);
        }
      }
    }
  }
  return depth;
}
