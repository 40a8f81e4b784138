import { computeCoverage, type Span } from './coverage';
import type { Evaluation } from './evaluation';
import { ATTACKING_KINDS, isNodeTarget, type ArgNode, type ArgumentGraph, type Inference, type StockIssue } from './model';
import { unansweredQuestions, type QuestionStatus } from './questions';
import { stockIssueCase } from './stock-issues';

/**
 * The weak places of a map, for study mode ("find the gaps"). Each list is ordered the way a
 * student should work through it: closest to the thesis first.
 */
/** A stock issue a policy thesis needs and no premise of its step into the thesis argues. */
export interface MissingStockIssue {
  issue: StockIssue;
  /** The thesis, which proposes the policy. */
  thesis: string;
  /** The case step (see lib/argument/stock-issues.ts), or null when no step into the thesis argues any issue. */
  step: string | null;
  /** Points tagged with the issue elsewhere on the map: link one into the case step. */
  elsewhere: string[];
  /** The gap in a sentence. */
  summary: string;
}

export interface Gaps {
  /**
   * When the thesis is marked as a policy proposal: the affirmative stock issues (harm, inherency,
   * solvency, timeliness) that no premise of its step into the thesis argues. Each loses the round.
   */
  missingIssues: MissingStockIssue[];
  /**
   * Steps with no warrant: no premise (stated or unstated) says why the reasons carry the
   * conclusion — evidence or a claim leads straight to it. Each is a candidate for an unstated premise.
   */
  unwarranted: Inference[];
  /** The thesis and claims that no evidence reaches, through any chain of support. */
  unevidenced: ArgNode[];
  /** Critical questions of the named schemes that no standing objection has answered (most important first). */
  openQuestions: QuestionStatus[];
  /** Objections and rebuttals nobody has answered: nothing attacks them. */
  unanswered: ArgNode[];
  /** Sentences of the essay that no point quotes. */
  unquoted: Span[];
}

/** Kinds a warrant can be: a general statement the step relies on. */
const WARRANT_KINDS = new Set<ArgNode['kind']>(['premise']);

/**
 * Finds the gaps of a map: its graph, its evaluation and the essay it analyses (empty text: no
 * unquoted sentences).
 *
 * @example findGaps(graph, evaluate(graph), document.text).unwarranted // steps missing a warrant
 */
export function findGaps(graph: ArgumentGraph, evaluation: Evaluation, essay: string): Gaps {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const depth = depthFromRoots(graph);
  const nearFirst = (a: string, b: string) => (depth.get(a) ?? Infinity) - (depth.get(b) ?? Infinity);

  const unwarranted = graph.inferences
    .filter((inf) => !inf.premises.some((p) => WARRANT_KINDS.has(byId.get(p)?.kind ?? 'claim')))
    .filter((inf) => !ATTACKING_KINDS.includes(byId.get(inf.conclusion)?.kind ?? 'claim'))
    .sort((a, b) => nearFirst(a.conclusion, b.conclusion));

  const evidenced = nodesWithEvidence(graph);
  const unevidenced = graph.nodes.filter((n) => (n.kind === 'thesis' || n.kind === 'claim') && !evidenced.has(n.id)).sort((a, b) => nearFirst(a.id, b.id));

  const answered = new Set(graph.conflicts.filter((c) => isNodeTarget(c.target)).map((c) => (c.target as { node: string }).node));
  const unanswered = graph.nodes.filter((n) => ATTACKING_KINDS.includes(n.kind) && !answered.has(n.id)).sort((a, b) => nearFirst(a.id, b.id));

  const quotes = graph.nodes.flatMap((n) => (n.quote ? [n.quote] : []));
  const unquoted = essay.trim() === '' ? [] : computeCoverage(essay, quotes).uncovered;

  const stock = stockIssueCase(graph, (id) => evaluation.nodes[id]?.status, { asOf: evaluation.asOf });
  const missingIssues: MissingStockIssue[] = (stock?.affirmative ?? [])
    .filter((line) => line.state === 'missing')
    .map((line) => ({ issue: line.issue, thesis: stock!.thesis, step: stock!.step, elsewhere: line.elsewhere, summary: line.summary }));

  return { missingIssues, unwarranted, unevidenced, openQuestions: unansweredQuestions(graph, evaluation), unanswered, unquoted };
}

/** How many gaps there are in all (each missing stock issue, open question, step, point and sentence counts once). */
export function gapCount(gaps: Gaps): number {
  return (
    gaps.missingIssues.length + gaps.unwarranted.length + gaps.unevidenced.length + gaps.openQuestions.length + gaps.unanswered.length + gaps.unquoted.length
  );
}

/** The nodes with evidence beneath them: evidence itself, and whatever a chain of support leads it to. */
function nodesWithEvidence(graph: ArgumentGraph): Set<string> {
  const supportsInto = new Map<string, string[]>();
  for (const inf of graph.inferences) for (const p of inf.premises) appendTo(supportsInto, p, inf.conclusion);
  const reached = new Set<string>();
  const stack = graph.nodes.filter((n) => n.kind === 'evidence').map((n) => n.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const to of supportsInto.get(id) ?? []) if (!reached.has(to)) stack.push(to);
  }
  return reached;
}

/** Each node's distance (in supports and attacks) from the nearest root, e.g. the thesis at 0. */
function depthFromRoots(graph: ArgumentGraph): Map<string, number> {
  const conclusionOf = new Map(graph.inferences.map((i) => [i.id, i.conclusion]));
  const incoming = new Map<string, string[]>();
  const add = (to: string, from: string) => appendTo(incoming, to, from);
  const hasOut = new Set<string>();
  for (const inf of graph.inferences) {
    for (const p of inf.premises) {
      add(inf.conclusion, p);
      hasOut.add(p);
    }
  }
  for (const c of graph.conflicts) {
    const to = isNodeTarget(c.target) ? c.target.node : conclusionOf.get(c.target.inference);
    if (to === undefined) continue;
    add(to, c.attacker);
    hasOut.add(c.attacker);
  }
  const depth = new Map<string, number>();
  let frontier = graph.nodes.filter((n) => !hasOut.has(n.id)).map((n) => n.id);
  frontier.forEach((id) => depth.set(id, 0));
  for (let d = 1; frontier.length > 0; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const from of incoming.get(id) ?? []) {
        if (depth.has(from)) continue;
        depth.set(from, d);
        next.push(from);
      }
    }
    frontier = next;
  }
  return depth;
}

/** Adds `item` to the list under `key` in place (copying the list on every add is quadratic). */
function appendTo<T>(lists: Map<string, T[]>, key: string, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}
