/**
 * The debate brief: a map read from one side of the debate, as a team prints it the night before.
 *
 * **Sides.** The thesis is affirmative. A node that supports X is on X's side; a node that attacks X
 * — or undercuts a step whose conclusion is X — is on the opposite side. Sides spread from the
 * thesis along those relations only, so a node with no chain of supports and attacks to the thesis
 * has no side. A node reached with **both** polarities (say, evidence that backs one of the
 * affirmative's claims and also an objection to another) is `mixed`: it is counted on neither side
 * — neither as one of our points nor as one of theirs, so it never opens or answers a row of the
 * rebuttal matrix — because citing it helps the other team too. The brief lists mixed points apart,
 * as "points that cut both ways", so nothing on the map is silently lost. Whatever is reached only
 * through a mixed node is mixed as well.
 *
 * **The brief** for a side has three parts: the case outline (what we argue, strongest first), the
 * rebuttal matrix (each opposing point that attacks one of ours, with our answers, or marked
 * unanswered) and the open critical questions (on our steps: to prepare for; on theirs: openings).
 * When the thesis proposes a policy it opens with the **stock issues** (lib/argument/stock-issues.ts):
 * for each issue, who argues it, the attacks on it and whether it is held, lost or missing — read
 * from this side (the affirmative must hold all four; the negative picks which to attack).
 *
 * **Each point once.** A map is a graph, not a tree: one piece of evidence can hold up several claims,
 * and a "ladder" of points that each support both points above has exponentially many paths. The
 * case outline lists a point in full (with its reasons) where it first appears in reading order and
 * afterwards only as a `repeat` — a reference without its reasons — so the brief grows with the map,
 * never with the number of paths through it. Chains nested deeper than {@link BRIEF_CASE_DEPTH_MAX}
 * stop there (`continued`) and carry on in {@link Brief.continued}, so nothing is lost and nothing
 * is indented off the page.
 *
 * Pure: it reads a {@link MapView}-shaped value (nodes with their evaluated `status`, and the crowd's
 * `ratings`), so the server (Markdown export) and the browser (the brief page) build the same brief.
 */
import { NO_RATING, formatAverage, type Rating } from './discussion';
import { monthLabel } from './as-of';
import { evaluate, STATUS_LABELS, type Status } from './evaluation';
import type { MapView } from './map-view';
import {
  isNodeTarget,
  KIND_LABELS,
  STOCK_ISSUE_LABELS,
  STOCK_ISSUE_QUESTIONS,
  type ArgNode,
  type ArgumentGraph,
  type Inference,
  type NodeKind,
  type StockIssue,
} from './model';
import { askQuestion, type StepWords } from './question-words';
import { unansweredQuestions, type QuestionState } from './questions';
import { questionById, schemeById } from './schemes';
import { asOfPhrase, LOST_ISSUE_RULE, stockIssueCase, type StockIssueLine, type StockIssueState } from './stock-issues';

/** The two teams: the affirmative defends the thesis, the negative attacks it. */
export const SIDES = ['affirmative', 'negative'] as const;
export type Side = (typeof SIDES)[number];

/** A node's side: one of the two, or `mixed` when it is reached from the thesis with both polarities. */
export type SideMark = Side | 'mixed';

/** The other team. @example opposite('affirmative') // 'negative' */
export function opposite(side: Side): Side {
  return side === 'affirmative' ? 'negative' : 'affirmative';
}

/**
 * What {@link buildBrief} reads: the map's graph, each node with its evaluated status, the crowd's
 * ratings, and the month the statuses were judged as of (`evaluation.asOf`; absent or null: today),
 * which the brief's critical questions and stock issues are judged by too.
 */
export type BriefInput = Pick<MapView, 'inferences' | 'conflicts' | 'ratings'> & {
  nodes: (ArgNode & { status: Status })[];
  evaluation?: Pick<MapView['evaluation'], 'asOf'>;
};

/** One statement as the brief shows it. `quote` is the essay's exact words, when the node quotes it. */
export interface BriefPoint {
  id: string;
  kind: NodeKind;
  text: string;
  quote: string | null;
  implicit: boolean;
  author: string;
  status: Status;
  /** The crowd's 0–4 rating; `{ average: 0, count: 0 }` when nobody voted. */
  rating: Rating;
  /** The stock issue it is tagged with, or null. */
  stockIssue: StockIssue | null;
}

/** What one of the points in a rebuttal or an objection attacks. */
export interface AttackTarget {
  point: BriefPoint;
  /** True when the attack grants the premises but denies the step from them to `point` (an undercut). */
  undercut: boolean;
  /** The critical question the attack raises, when it was raised from one. */
  question: { id: string; text: string } | null;
}

/** A point of a case, with the reasons that hold it up. */
export interface CasePoint extends BriefPoint {
  /**
   * The other premises of the step this point sits in: it supports its conclusion only together
   * with them (typically the unstated warrant). Empty for a simple reason and for an objection.
   * At most {@link BRIEF_TOGETHER_LIMIT}; `togetherMore` counts the rest.
   */
  together: BriefPoint[];
  /** How many more premises the step needs than `together` names. */
  togetherMore: number;
  /** The name of the scheme of that step, when one is named. */
  scheme: string | null;
  /** Its own reasons (evidence and sub-claims), strongest first, each with theirs. Empty for a `repeat` or a `continued` point. */
  support: CasePoint[];
  /**
   * Listed in full earlier in the brief (it is reached again along another path): shown here as a
   * reference, without its reasons.
   */
  repeat: boolean;
  /**
   * Nested too deep to indent further: its reasons are listed under its own entry in
   * {@link Brief.continued}.
   */
  continued: boolean;
  /** For an objection in the negative's case: the affirmative points it attacks. Empty otherwise. */
  attacks: AttackTarget[];
}

/** One row of the rebuttal matrix: an opposing point that attacks ours, and how we answer it. */
export interface MatrixRow {
  opposing: BriefPoint;
  /** Our points it attacks (usually one). */
  targets: AttackTarget[];
  /** Our points that attack it (or undercut the step holding it up), strongest first. */
  responses: BriefPoint[];
  /** False when nothing of ours answers it: the brief marks the row **unanswered**. */
  answered: boolean;
}

/** A critical question not yet answered, on one step of reasoning. */
export interface BriefQuestion {
  /** `"<scheme>.<cq>"`. */
  id: string;
  schemeName: string;
  /** The question in the words of its step: of the point it tests alone when it is asked of several steps into that point. */
  text: string;
  /** `open`: nobody raised it; `raised`: an objection raised from it is not defeated. */
  state: Exclude<QuestionState, 'answered'>;
  /** 1 = ask first. */
  weight: 1 | 2 | 3;
  /** Whether it doubts a premise or the step itself. */
  attacks: 'premise' | 'inference';
  step: { inferenceId: string; conclusion: BriefPoint; premises: BriefPoint[] };
  raisedBy: BriefPoint[];
}

/**
 * The most important unanswered questions on one side's steps, and how many more there are.
 * Raised questions (a live objection stands behind them) come first, then the order of
 * `unansweredQuestions`: by the question's weight, then by how close the step is to the thesis.
 */
export interface QuestionList {
  /** At most {@link BRIEF_QUESTION_LIMIT} of them. */
  shown: BriefQuestion[];
  /** How many more are open on the map (shown on the map's Open questions list, not in the brief). */
  more: number;
}

/** A brief lists at most this many questions per side: a team can prepare a dozen, not a hundred. */
export const BRIEF_QUESTION_LIMIT = 12;

/**
 * How deep the case outline nests (the top-level points are level 1). A longer chain of support
 * stops at this level and carries on in {@link Brief.continued}: deeper indentation is unreadable
 * on paper, and the nesting of the JSON and the page stays small however long the chain.
 */
export const BRIEF_CASE_DEPTH_MAX = 8;

/**
 * Most of a linked step's other premises named beside each of its reasons (the rest are counted):
 * naming all of them beside each one would grow with the square of the step's size.
 */
export const BRIEF_TOGETHER_LIMIT = 6;

/** An attack on a point that argues a stock issue. */
export interface IssueAttack {
  attacker: BriefPoint;
  /** The point it attacks (for an undercut: the conclusion of the step it undercuts). */
  target: BriefPoint;
  undercut: boolean;
}

/** One stock issue as the brief reads it, from the brief's side. */
export interface BriefStockIssue {
  issue: StockIssue;
  label: string;
  /** What the issue asks, in a student's words. */
  question: string;
  /** Who must argue it: the affirmative (harm … timeliness) or the negative (disadvantage, counterplan). */
  arguedBy: Side;
  /** From the side that argues it: `held`, `lost` or `missing` (see lib/argument/stock-issues.ts). */
  state: StockIssueState;
  /** The points that argue it, strongest first. */
  points: BriefPoint[];
  /** The attacks on them, strongest attacker first. */
  attacks: IssueAttack[];
  /** Points tagged with it off the case step (affirmative issues only): they do not hold it. */
  elsewhere: BriefPoint[];
  /** The issue's state in words, as the map's gaps panel says it. */
  summary: string;
  /** What the brief's side should do about it, in one or two sentences. */
  advice: string;
}

/** The stock-issues section of a brief on a policy thesis. */
export interface BriefStockIssues {
  /** Harm, inherency, solvency, timeliness: what the affirmative must hold. */
  affirmative: BriefStockIssue[];
  /** Disadvantage and counterplan: the negative's own lines. */
  negative: BriefStockIssue[];
  /** Affirmative issues lost or missing; any one loses the round. */
  losing: StockIssue[];
  /** Who wins on the stock issues, in words. */
  verdict: string;
  /** "A lost stock issue loses the round…" */
  rule: string;
  /** Undercuts of the step that links the issues: they deny that the issues together carry the proposal. */
  stepAttacks: BriefPoint[];
}

/** The brief for one side of one map; see the module comment for what each part means. */
export interface Brief {
  side: Side;
  /** The resolution under debate; null when the map has no thesis (then every part is empty). */
  thesis: BriefPoint | null;
  /**
   * The case outline, strongest first. Affirmative: the thesis's direct reasons, each with its
   * support. Negative: the points that attack the affirmative's, each with its support and targets.
   */
  case: CasePoint[];
  /**
   * Points whose chain of support runs deeper than {@link BRIEF_CASE_DEPTH_MAX}: each is marked
   * `continued` where the outline stops, and listed here with its reasons, in reading order.
   */
  continued: CasePoint[];
  /** Every opposing point that attacks one of ours: unanswered rows first, then the strongest. */
  matrix: MatrixRow[];
  questions: {
    /** Unanswered questions on our own steps: what the other team can ask us. */
    prepare: QuestionList;
    /** Unanswered questions on the other team's steps: where to attack. */
    openings: QuestionList;
  };
  /** Points reached with both polarities, which neither side counts (see the module comment). */
  mixed: BriefPoint[];
  /** The stock issues, when the thesis is marked as a policy proposal; null otherwise. */
  stockIssues: BriefStockIssues | null;
}

/** Order of strength: a point that stands first, a defeated one last. */
const STATUS_RANK: Record<Status, number> = { stands: 0, contested: 1, unsupported: 2, defeated: 3, later: 4 };

/** How a status reads in text: the word and its mark, as the badges show it. */
export const STATUS_MARKS: Record<Status, string> = {
  stands: `${STATUS_LABELS.stands} ✓`,
  defeated: `${STATUS_LABELS.defeated} ✕`,
  contested: `${STATUS_LABELS.contested} ?`,
  unsupported: `${STATUS_LABELS.unsupported} —`,
  later: `${STATUS_LABELS.later} ◷`,
};

/**
 * Compares two points by strength, strongest first: evaluation status (stands, contested,
 * unsupported, defeated), then the crowd's average rating, then how many voted. Ties keep map order
 * (the sorts that use it are stable).
 */
export function byStrength(a: Pick<BriefPoint, 'status' | 'rating'>, b: Pick<BriefPoint, 'status' | 'rating'>): number {
  return STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.rating.average - a.rating.average || b.rating.count - a.rating.count;
}

/** The relations a side is read through: what supports, attacks and undercuts into each node. */
interface Incoming {
  /** Inferences whose conclusion is the node, in map order. */
  inferencesInto: Map<string, Inference[]>;
  /** Conflicts against the node, and undercuts of the steps concluding in it. */
  attacksInto: Map<string, { attacker: string; undercut: boolean; question: string | undefined }[]>;
}

/** Adds `item` to the list under `key` (in place: building a list by copying it on every add is quadratic). */
function appendTo<K, T>(lists: Map<K, T[]>, key: K, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}

function incomingOf(graph: Pick<ArgumentGraph, 'inferences' | 'conflicts'>): Incoming {
  const inferencesInto = new Map<string, Inference[]>();
  const conclusionOf = new Map<string, string>();
  for (const inf of graph.inferences) {
    conclusionOf.set(inf.id, inf.conclusion);
    appendTo(inferencesInto, inf.conclusion, inf);
  }
  const attacksInto: Incoming['attacksInto'] = new Map();
  for (const c of graph.conflicts) {
    const target = isNodeTarget(c.target) ? c.target.node : conclusionOf.get(c.target.inference);
    if (target === undefined) continue;
    const entry = { attacker: c.attacker, undercut: !isNodeTarget(c.target), question: c.question };
    appendTo(attacksInto, target, entry);
  }
  return { inferencesInto, attacksInto };
}

/**
 * Each node's side, spread from the thesis (affirmative) against the direction of the relations:
 * a premise takes its conclusion's side, an attacker or undercutter the opposite one. Nodes not in
 * the result have no side; `mixed` marks a node reached with both polarities.
 *
 * @example
 * // thesis ← c (supports) ← o (attacks) ← r (attacks)
 * assignSides(graph) // thesis, c, r → 'affirmative'; o → 'negative'
 */
export function assignSides(graph: Pick<ArgumentGraph, 'nodes' | 'inferences' | 'conflicts'>): Map<string, SideMark> {
  const thesis = graph.nodes.find((n) => n.kind === 'thesis');
  const sides = new Map<string, SideMark>();
  if (!thesis) return sides;
  const { inferencesInto, attacksInto } = incomingOf(graph);
  const reached = new Map<string, Set<Side>>();
  const queue: [string, Side][] = [[thesis.id, 'affirmative']];
  for (let i = 0; i < queue.length; i++) {
    const [id, side] = queue[i];
    const seen = reached.get(id) ?? new Set<Side>();
    if (seen.has(side)) continue;
    seen.add(side);
    reached.set(id, seen);
    for (const inf of inferencesInto.get(id) ?? []) for (const p of inf.premises) queue.push([p, side]);
    for (const a of attacksInto.get(id) ?? []) queue.push([a.attacker, opposite(side)]);
  }
  for (const [id, seen] of reached) sides.set(id, seen.size === 2 ? 'mixed' : [...seen][0]);
  return sides;
}

/**
 * Builds the brief for `side` from a map view (see {@link Brief}). Critical questions come from
 * lib/argument/questions.ts, evaluated on the same graph.
 */
export function buildBrief(view: BriefInput, side: Side): Brief {
  const graph: ArgumentGraph = { nodes: view.nodes, inferences: view.inferences, conflicts: view.conflicts };
  const sides = assignSides(graph);
  const thesisNode = view.nodes.find((n) => n.kind === 'thesis');
  const noQuestions: QuestionList = { shown: [], more: 0 };
  if (!thesisNode)
    return {
      side,
      thesis: null,
      case: [],
      continued: [],
      matrix: [],
      questions: { prepare: noQuestions, openings: noQuestions },
      mixed: [],
      stockIssues: null,
    };

  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const order = new Map(view.nodes.map((n, i) => [n.id, i]));
  const { inferencesInto, attacksInto } = incomingOf(graph);
  const them = opposite(side);
  const isSide = (id: string, s: Side) => sides.get(id) === s;

  const point = (id: string): BriefPoint => {
    const n = byId.get(id)!;
    return {
      id: n.id,
      kind: n.kind,
      text: n.text,
      quote: n.quote?.text ?? null,
      implicit: n.implicit,
      author: n.author,
      status: n.status,
      rating: view.ratings[n.id] ?? NO_RATING,
      stockIssue: n.stockIssue ?? null,
    };
  };
  const strongestFirst = <T extends BriefPoint>(points: T[]): T[] => [...points].sort((a, b) => byStrength(a, b) || order.get(a.id)! - order.get(b.id)!);
  /**
   * The question an attack on `targetId` raises, in the words of what it attacks: an undercut's
   * step concludes in the target; an objection to a point questions it as the step's reason.
   */
  const questionOf = (fullId: string | undefined, targetId: string, undercut: boolean) => {
    const found = fullId ? questionById(fullId) : undefined;
    if (!found || !fullId) return null;
    const target = byId.get(targetId)!;
    const words: StepWords = undercut ? { conclusion: target, premises: [] } : { conclusion: null, premises: [target] };
    return { id: fullId, text: askQuestion(found.question, words) };
  };

  const caseEntry = (id: string): CasePoint => ({
    ...point(id),
    together: [],
    togetherMore: 0,
    scheme: null,
    support: [],
    attacks: [],
    repeat: false,
    continued: false,
  });

  /**
   * The reasons for `id`, strongest first and not yet expanded: one entry per stated premise of each
   * step into it (in a step with none stated, per unstated claim), the rest of the step as `together`. Premises on `onPath` (the points above, a
   * cycle) are left out.
   */
  const reasonsFor = (id: string, onPath: ReadonlySet<string>): CasePoint[] => {
    const entries: CasePoint[] = [];
    for (const inf of inferencesInto.get(id) ?? []) {
      const onMap = inf.premises.filter((p) => byId.has(p));
      const premises = onMap.filter((p) => !onPath.has(p));
      // Stated points lead; in a step of unstated points only, a reconstructed claim leads its warrant.
      const stated = premises.filter((p) => !byId.get(p)!.implicit);
      const claims = premises.filter((p) => byId.get(p)!.kind !== 'premise');
      const leads = stated.length > 0 ? stated : claims.length > 0 ? claims : premises;
      const scheme = inf.scheme ? (schemeById(inf.scheme)?.name ?? null) : null;
      for (const lead of leads) {
        const together: BriefPoint[] = [];
        for (const p of onMap) {
          if (together.length === BRIEF_TOGETHER_LIMIT) break;
          if (p !== lead) together.push(point(p));
        }
        entries.push({ ...caseEntry(lead), together, togetherMore: onMap.length - 1 - together.length, scheme });
      }
    }
    return strongestFirst(entries);
  };
  const hasReasons = (id: string) => (inferencesInto.get(id) ?? []).some((inf) => inf.premises.some((p) => byId.has(p)));

  // Points listed in full so far (or waiting in `continued`): met again, they are a `repeat`.
  const shown = new Set<string>([thesisNode.id]);
  const continueFrom: string[] = [];
  /**
   * Fills in the reasons below `entries` (already the reasons of `rootId`, at `depth`), depth-first
   * in reading order, with an explicit stack: a chain of thousands of points must not exhaust the
   * call stack. Each point is expanded once, so the work is linear in the map.
   */
  const expand = (rootId: string, entries: CasePoint[], depth: number) => {
    const onPath = new Set([rootId]);
    const stack = [{ id: rootId, depth, entries, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.next === frame.entries.length) {
        stack.pop();
        onPath.delete(frame.id);
        continue;
      }
      const entry = frame.entries[frame.next++];
      if (shown.has(entry.id)) {
        entry.repeat = true;
        continue;
      }
      shown.add(entry.id);
      if (!hasReasons(entry.id)) continue;
      if (frame.depth >= BRIEF_CASE_DEPTH_MAX) {
        entry.continued = true;
        continueFrom.push(entry.id);
        continue;
      }
      onPath.add(entry.id);
      entry.support = reasonsFor(entry.id, onPath);
      stack.push({ id: entry.id, depth: frame.depth + 1, entries: entry.support, next: 0 });
    }
  };

  /** Attacks by `attackerSide` on points of the other side, grouped by attacker in map order. */
  const attacksBy = (attackerSide: Side): Map<string, AttackTarget[]> => {
    const grouped = new Map<string, AttackTarget[]>();
    for (const n of view.nodes) {
      if (sides.get(n.id) !== opposite(attackerSide)) continue;
      for (const a of attacksInto.get(n.id) ?? []) {
        if (!isSide(a.attacker, attackerSide)) continue;
        const target: AttackTarget = { point: point(n.id), undercut: a.undercut, question: questionOf(a.question, n.id, a.undercut) };
        appendTo(grouped, a.attacker, target);
      }
    }
    return new Map([...grouped].sort(([a], [b]) => order.get(a)! - order.get(b)!));
  };

  let caseOutline: CasePoint[];
  if (side === 'affirmative') {
    caseOutline = reasonsFor(thesisNode.id, new Set([thesisNode.id]));
    expand(thesisNode.id, caseOutline, 1);
  } else {
    caseOutline = strongestFirst([...attacksBy('negative')].map(([id, targets]) => ({ ...caseEntry(id), attacks: targets })));
    for (const entry of caseOutline) {
      if (shown.has(entry.id)) {
        entry.repeat = true;
        continue;
      }
      shown.add(entry.id);
      entry.support = reasonsFor(entry.id, new Set([entry.id]));
      expand(entry.id, entry.support, 2);
    }
  }
  const continued: CasePoint[] = [];
  for (let i = 0; i < continueFrom.length; i++) {
    const entry = caseEntry(continueFrom[i]);
    entry.support = reasonsFor(entry.id, new Set([entry.id]));
    continued.push(entry);
    expand(entry.id, entry.support, 2);
  }

  const matrix: MatrixRow[] = [...attacksBy(them)].map(([id, targets]) => {
    const responses = strongestFirst([...new Set((attacksInto.get(id) ?? []).map((a) => a.attacker))].filter((a) => isSide(a, side)).map(point));
    return { opposing: point(id), targets, responses, answered: responses.length > 0 };
  });
  matrix.sort((a, b) => Number(a.answered) - Number(b.answered) || byStrength(a.opposing, b.opposing) || order.get(a.opposing.id)! - order.get(b.opposing.id)!);

  // One entry per question and conclusion: three "from example" steps into one claim ask the same thing.
  const inferenceById = new Map(view.inferences.map((i) => [i.id, i]));
  const questions = new Map<string, BriefQuestion>();
  const raisedIds = new Map<string, Set<string>>();
  // Judged as the nodes' statuses were: a question raised only by a later point is open as of then.
  for (const q of unansweredQuestions(graph, evaluate(graph, { asOf: view.evaluation?.asOf ?? null }))) {
    const inf = inferenceById.get(q.inferenceId)!;
    if (!byId.has(inf.conclusion)) continue;
    const key = `${q.id}@${inf.conclusion}`;
    const raisers = raisedIds.get(key) ?? new Set<string>();
    raisedIds.set(key, raisers);
    const raisedBy: BriefPoint[] = [];
    for (const p of q.raisedBy) {
      if (!byId.has(p) || raisers.has(p)) continue;
      raisers.add(p);
      raisedBy.push(point(p));
    }
    const seen = questions.get(key);
    if (seen) {
      for (const p of raisedBy) seen.raisedBy.push(p);
      if (q.state === 'raised') seen.state = 'raised';
      // Asked of several steps into the point: worded from the point alone, not one step's reason.
      if (seen.text !== q.text) seen.text = askQuestion(q.question, { conclusion: byId.get(inf.conclusion)!, premises: [] });
      continue;
    }
    questions.set(key, {
      id: q.id,
      schemeName: q.scheme.name,
      text: q.text,
      state: q.state === 'raised' ? 'raised' : 'open',
      weight: q.question.weight,
      attacks: q.question.attacks,
      step: { inferenceId: inf.id, conclusion: point(inf.conclusion), premises: inf.premises.filter((p) => byId.has(p)).map(point) },
      raisedBy,
    });
  }
  const listFor = (stepSide: Side): QuestionList => {
    const all = [...questions.values()].filter((q) => sides.get(q.step.conclusion.id) === stepSide);
    const ordered = [...all.filter((q) => q.state === 'raised'), ...all.filter((q) => q.state === 'open')];
    return { shown: ordered.slice(0, BRIEF_QUESTION_LIMIT), more: Math.max(0, ordered.length - BRIEF_QUESTION_LIMIT) };
  };

  return {
    side,
    thesis: point(thesisNode.id),
    case: caseOutline,
    continued,
    matrix,
    questions: { prepare: listFor(side), openings: listFor(them) },
    mixed: view.nodes.filter((n) => sides.get(n.id) === 'mixed').map((n) => point(n.id)),
    stockIssues: stockIssuesFor(view, side, point, strongestFirst),
  };
}

/**
 * The stock-issues section for `side`: each issue with its points and the attacks on them, strongest
 * first, and what this side should do about it. Null when the thesis is not a policy proposal.
 */
function stockIssuesFor(
  graph: BriefInput,
  side: Side,
  point: (id: string) => BriefPoint,
  strongestFirst: <T extends BriefPoint>(points: T[]) => T[],
): BriefStockIssues | null {
  const statusOf = new Map(graph.nodes.map((n) => [n.id, n.status]));
  const asOf = graph.evaluation?.asOf ?? null;
  const reading = stockIssueCase(graph, (id) => statusOf.get(id), { asOf });
  if (!reading) return null;
  const issueOf = (line: StockIssueLine): BriefStockIssue => {
    const attackers = strongestFirst(line.attacks.map((a) => ({ ...point(a.attacker), attack: a })));
    return {
      issue: line.issue,
      label: STOCK_ISSUE_LABELS[line.issue],
      question: STOCK_ISSUE_QUESTIONS[line.issue],
      arguedBy: line.side,
      state: line.state,
      points: strongestFirst(line.points.map(point)),
      attacks: attackers.map(({ attack, ...attacker }) => ({ attacker, target: point(attack.target), undercut: attack.undercut })),
      elsewhere: line.elsewhere.map(point),
      summary: line.summary,
      advice: issueAdvice(side, line, asOf),
    };
  };
  return {
    affirmative: reading.affirmative.map(issueOf),
    negative: reading.negative.map(issueOf),
    losing: reading.losing,
    verdict: reading.verdict,
    rule: LOST_ISSUE_RULE,
    stepAttacks: strongestFirst(reading.stepAttacks.map((a) => point(a.attacker))),
  };
}

/**
 * What `side` should do about one stock issue: hold it, press it, answer it or raise it. Judged as
 * of `asOf`, points and attacks set aside as later count for nothing, and the advice says how many
 * were set aside so nobody counts them.
 */
export function issueAdvice(
  side: Side,
  line: Pick<StockIssueLine, 'issue' | 'side' | 'state' | 'attacks' | 'laterAttacks' | 'laterPoints' | 'summary'>,
  asOf: string | null = null,
): string {
  const name = STOCK_ISSUE_LABELS[line.issue].toLowerCase();
  const when = asOfPhrase(asOf);
  const attackCount = (n: number) => (n === 1 ? 'attack' : `${n} attacks`);
  const laterAttacks = line.laterAttacks.length;
  /** " (1 more attack, known only later, is set aside)". */
  const attacksAside = (more: boolean) =>
    laterAttacks === 0
      ? ''
      : ` (${more ? `${laterAttacks} more` : laterAttacks} ${laterAttacks === 1 ? 'attack' : 'attacks'}, known only later, ${laterAttacks === 1 ? 'is' : 'are'} set aside)`;
  const laterPoints = line.laterPoints.length;
  const pointsAside = laterPoints === 0 ? '' : ` (${laterPoints} more ${laterPoints === 1 ? 'point' : 'points'}, known only later, set aside)`;
  const restsLater = laterPoints === 1 ? 'point rests' : `${laterPoints} points rest`;
  if (side === line.side) {
    if (line.side === 'affirmative') {
      if (line.state !== 'held') return line.summary;
      if (line.attacks.length > 0) return `${line.summary} Keep the answers to its ${attackCount(line.attacks.length)} ready${attacksAside(true)}.`;
      return laterAttacks > 0 ? `${line.summary} Nothing attacks it ${when}${attacksAside(false)}.` : `${line.summary} Nothing attacks it yet.`;
    }
    if (line.state === 'held') return `Our ${name} stands: weigh it against the plan’s gains.`;
    if (line.state === 'lost') return `Answered: none of our ${name} points stands${pointsAside}. Rebuild it or drop it.`;
    if (laterPoints > 0)
      return `Not argued ${when}: our ${name} ${restsLater} on facts known only later. Argue it from what was known then, or judge with hindsight.`;
    return `Not argued yet: an objection tagged ${name} would raise it.`;
  }
  if (line.side === 'affirmative') {
    if (line.state === 'lost') return `The affirmative has lost ${name}: press it — a lost stock issue loses the round.`;
    if (line.state === 'missing') {
      const who =
        laterPoints > 0
          ? `${capitalized(when)}, the affirmative does not argue ${name}: its ${restsLater} on facts known only later. Say so`
          : `The affirmative never argues ${name}: say so`;
      return `${who} — an issue nobody argues is lost, and a lost stock issue loses the round.`;
    }
    if (line.attacks.length > 0) {
      return `Held: ${line.attacks.length === 1 ? 'our attack on it is' : `our ${line.attacks.length} attacks on it are`} answered or not enough${attacksAside(true)}. Find another line against it.`;
    }
    return laterAttacks > 0
      ? `Held, and nothing of ours attacks it ${when}${attacksAside(false)}: open a line here by asking its question.`
      : 'Held, and nothing attacks it yet: open a line here by asking its question.';
  }
  if (line.state === 'held') return `Their ${name} stands: answer it, or show the plan’s gains outweigh it.`;
  if (line.state === 'lost') return `Their ${name} is answered: none of its points stands${pointsAside}.`;
  if (laterPoints > 0) return `The negative has not argued ${name} ${when}: its ${restsLater} on facts known only later.`;
  return `The negative has not argued ${name}.`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** How a stock issue's state is named, for the side that argues it. */
export const ISSUE_STATE_LABELS: Record<Side, Record<StockIssueState, string>> = {
  affirmative: { held: 'Held', lost: 'Lost', missing: 'Missing' },
  negative: { held: 'Stands', lost: 'Answered', missing: 'Not argued' },
};

const ISSUE_STATE_MARKS: Record<StockIssueState, string> = { held: '✓', lost: '✕', missing: '—' };

/** How a stock issue's state reads in text, with its mark: "Lost ✕". */
export const ISSUE_STATE_WORDS: Record<Side, Record<StockIssueState, string>> = {
  affirmative: { held: `Held ${ISSUE_STATE_MARKS.held}`, lost: `Lost ${ISSUE_STATE_MARKS.lost}`, missing: `Missing ${ISSUE_STATE_MARKS.missing}` },
  negative: { held: `Stands ${ISSUE_STATE_MARKS.held}`, lost: `Answered ${ISSUE_STATE_MARKS.lost}`, missing: `Not argued ${ISSUE_STATE_MARKS.missing}` },
};

/**
 * Whether an issue's state is good or bad news for the brief's `side`: the affirmative's lost issue
 * is the negative's win; an issue the other side holds or has not argued is neither.
 */
export function issueTone(side: Side, issue: Pick<BriefStockIssue, 'arguedBy' | 'state'>): 'good' | 'bad' | 'open' {
  if (issue.arguedBy === side) return issue.state === 'held' ? 'good' : 'bad';
  if (issue.state === 'lost') return 'good';
  if (issue.state === 'missing') return issue.arguedBy === 'affirmative' ? 'good' : 'open';
  return issue.arguedBy === 'negative' ? 'bad' : 'open';
}

/** The stock-issues section's heading and lists, from each side. */
export const STOCK_ISSUE_WORDING: Record<
  Side,
  { intro: string; mustHold: string; ownLines: string; pointsLabel: (arguedBy: Side) => string; attacksLabel: (arguedBy: Side) => string }
> = {
  affirmative: {
    intro:
      'The resolution proposes a policy: we must hold all four stock issues — harm, inherency, solvency and timeliness. A lost stock issue loses the round.',
    mustHold: 'Stock issues we must hold',
    ownLines: 'The negative’s lines: disadvantage and counterplan',
    pointsLabel: (arguedBy) => (arguedBy === 'affirmative' ? 'Our points' : 'Their points'),
    attacksLabel: (arguedBy) => (arguedBy === 'affirmative' ? 'Their attacks' : 'Our answers'),
  },
  negative: {
    intro:
      'The resolution proposes a policy: the affirmative must hold all four stock issues, so we win the round by taking one of them. A lost stock issue loses the round.',
    mustHold: 'Stock issues to attack',
    ownLines: 'Our lines: disadvantage and counterplan',
    pointsLabel: (arguedBy) => (arguedBy === 'affirmative' ? 'Their points' : 'Our points'),
    attacksLabel: (arguedBy) => (arguedBy === 'affirmative' ? 'Our attacks' : 'Their answers'),
  },
};

/** Headings and one-line explanations that change with the side. */
export const SIDE_WORDING: Record<
  Side,
  { label: string; role: string; caseHeading: string; caseIntro: string; questionsHeading: string; questionsIntro: string; otherQuestionsHeading: string }
> = {
  affirmative: {
    label: 'Affirmative',
    role: 'defends the thesis',
    caseHeading: 'Case outline',
    caseIntro: 'The thesis, then its reasons, strongest first: by status, then by the crowd’s rating.',
    questionsHeading: 'Questions to prepare for',
    questionsIntro: 'Critical questions on our own steps that nobody has answered yet: expect the other team to ask them.',
    otherQuestionsHeading: 'Openings in the negative’s case',
  },
  negative: {
    label: 'Negative',
    role: 'attacks the thesis',
    caseHeading: 'Case outline',
    caseIntro: 'The objections to the affirmative’s points, strongest first: by status, then by the crowd’s rating.',
    questionsHeading: 'Openings to attack',
    questionsIntro: 'Critical questions on the affirmative’s steps that nobody has answered yet: each is a line of attack.',
    otherQuestionsHeading: 'Questions to prepare for',
  },
};

/** What a brief's Markdown is headed with. */
export interface BriefMeta {
  mapTitle: string;
  document: { title: string; author: string; source: string };
  /** When the brief was made (shown as a date, YYYY-MM-DD in UTC). */
  date: Date;
  /** Where the map lives, when known: shown as a link. */
  url?: string;
  /** The month the map was judged as of (points known only later set aside), or null/absent: today. */
  asOf?: string | null;
}

/** The date as the brief prints it. @example briefDate(new Date('2026-03-01T10:00:00Z')) // "2026-03-01" */
export function briefDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The essay reference line. @example "The Time is Now… — Haeyoung Kim, Korea Policy Institute, 2009" */
export function essayReference(document: BriefMeta['document']): string {
  const by = [document.author, document.source].filter((s) => s.trim() !== '').join(', ');
  return by ? `${document.title} — ${by}` : document.title;
}

/** The rating as the brief prints it, or null when nobody voted. @example "crowd 2.5/4 (4 votes)" */
export function ratingPhrase(rating: Rating): string | null {
  if (rating.count === 0) return null;
  return `crowd ${formatAverage(rating.average)}/4 (${rating.count} ${rating.count === 1 ? 'vote' : 'votes'})`;
}

/** A point's kind as a label, with "unstated" for implicit premises. */
export function kindPhrase(p: Pick<BriefPoint, 'kind' | 'implicit'>): string {
  return p.implicit ? `Unstated ${KIND_LABELS[p.kind].toLowerCase()}` : KIND_LABELS[p.kind];
}

/** One line of inline Markdown: no line breaks, and the characters that would start markup escaped. */
function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

function pointLine(p: BriefPoint & { scheme?: string | null }): string {
  const issue = p.stockIssue ? `issue: ${STOCK_ISSUE_LABELS[p.stockIssue]}` : null;
  const facts = [kindPhrase(p), STATUS_MARKS[p.status], ratingPhrase(p.rating), issue, p.scheme ? `via ${p.scheme}` : null].filter(Boolean).join(' · ');
  return `**${inline(p.text)}** — ${facts}`;
}

function quoteLines(quote: string | null, indent: string): string[] {
  return quote ? [`${indent}> “${inline(quote)}”`] : [];
}

/** How a `repeat` or `continued` point says where the rest of it is. */
const CASE_REFERENCE_WORDS = {
  repeat: 'see above: its reasons are listed where it first appears',
  continued: 'its reasons continue below, under “Reasons continued”',
} as const;

/** The case as Markdown list lines, depth-first with an explicit stack (no recursion per level). */
function caseLines(points: CasePoint[], numbered: boolean): string[] {
  const lines: string[] = [];
  const stack = [{ points, next: 0, indent: '', numbered }];
  while (stack.length > 0) {
    const level = stack[stack.length - 1];
    if (level.next === level.points.length) {
      stack.pop();
      continue;
    }
    const p = level.points[level.next++];
    const marker = level.numbered ? `${level.next}. ` : '- ';
    const inner = level.indent + ' '.repeat(marker.length);
    const reference = p.repeat ? CASE_REFERENCE_WORDS.repeat : p.continued ? CASE_REFERENCE_WORDS.continued : null;
    lines.push(`${level.indent}${marker}${pointLine(p)}${reference ? ` — _${reference}_` : ''}`);
    if (!p.repeat) lines.push(...quoteLines(p.quote, inner));
    for (const t of p.attacks) {
      const how = t.undercut ? 'Undercuts the step to' : 'Attacks';
      const question = t.question ? ` (asks: ${inline(t.question.text)})` : '';
      lines.push(`${inner}- ${how}: ${inline(t.point.text)} — ${STATUS_MARKS[t.point.status]}${question}`);
    }
    if (p.together.length > 0) {
      const more = p.togetherMore > 0 ? `; and ${p.togetherMore} more` : '';
      lines.push(`${inner}- Also needs: ${p.together.map((t) => `${inline(t.text)} — ${kindPhrase(t)}, ${STATUS_MARKS[t.status]}`).join('; ')}${more}`);
    }
    if (p.support.length > 0) stack.push({ points: p.support, next: 0, indent: inner, numbered: false });
  }
  return lines;
}

/** The stock-issues section as Markdown: the verdict, then each issue with its points and the attacks on them. */
function stockIssueLines(stock: BriefStockIssues, side: Side): string[] {
  const words = STOCK_ISSUE_WORDING[side];
  const lines = ['## Stock issues', '', `_${words.intro}_`, '', `**Verdict:** ${inline(stock.verdict)}`, ''];
  if (stock.stepAttacks.length > 0) {
    lines.push(
      `**The step linking the issues is undercut by:** ${stock.stepAttacks.map((p) => `${inline(p.text)} (${STATUS_MARKS[p.status]})`).join('; ')}`,
      '',
    );
  }
  const issue = (i: BriefStockIssue) => {
    lines.push(`#### ${i.label} — ${ISSUE_STATE_WORDS[i.arguedBy][i.state]}`, '', `_${inline(i.question)}_ ${inline(i.advice)}`, '');
    for (const p of i.points) lines.push(`- ${words.pointsLabel(i.arguedBy)}: ${pointLine(p)}`);
    for (const a of i.attacks) {
      const how = a.undercut ? 'undercuts the step to' : 'against';
      lines.push(`- ${words.attacksLabel(i.arguedBy)}: ${pointLine(a.attacker)} — ${how} “${inline(a.target.text)}”`);
    }
    for (const p of i.elsewhere) lines.push(`- Tagged ${i.label.toLowerCase()} off the case step (does not hold it): ${pointLine(p)}`);
    if (i.points.length + i.attacks.length + i.elsewhere.length > 0) lines.push('');
  };
  lines.push(`### ${words.mustHold}`, '');
  stock.affirmative.forEach(issue);
  lines.push(`### ${words.ownLines}`, '');
  stock.negative.forEach(issue);
  return lines;
}

/** Appends `items` one by one: spreading a list of thousands into `push` can overflow the stack. */
function pushAll(out: string[], items: readonly string[]): void {
  for (const item of items) out.push(item);
}

function cell(text: string): string {
  return inline(text);
}

/** Questions gathered under the point whose step they test, in order of each point's most important question. */
export interface QuestionGroup {
  conclusion: BriefPoint;
  questions: BriefQuestion[];
}

/**
 * Groups a list of questions by the point they test, so a point with several questions is named
 * once. Groups come in the order of their first question; questions keep their order within a group.
 */
export function groupByPoint(questions: BriefQuestion[]): QuestionGroup[] {
  const groups = new Map<string, QuestionGroup>();
  for (const q of questions) {
    const group = groups.get(q.step.conclusion.id) ?? { conclusion: q.step.conclusion, questions: [] };
    group.questions.push(q);
    groups.set(q.step.conclusion.id, group);
  }
  return [...groups.values()];
}

/** What a question puts in doubt, in words. */
export function doubtPhrase(q: Pick<BriefQuestion, 'attacks'>): string {
  return q.attacks === 'inference' ? 'doubts the step itself' : 'doubts a premise';
}

function questionLines(list: QuestionList): string[] {
  const lines: string[] = [];
  let number = 0;
  for (const group of groupByPoint(list.shown)) {
    lines.push(`On “${inline(group.conclusion.text)}” — ${STATUS_MARKS[group.conclusion.status]}`, '');
    for (const q of group.questions) {
      number += 1;
      const indent = ' '.repeat(`${number}. `.length);
      const raised = q.state === 'raised' ? `Raised by: ${q.raisedBy.map((p) => `“${inline(p.text)}”`).join(', ')}` : 'Open: nobody has asked it yet';
      lines.push(`${number}. **${inline(q.text)}**`, `${indent}${inline(q.schemeName)}, ${doubtPhrase(q)}. ${raised}.`);
    }
    lines.push('');
  }
  lines.pop();
  if (list.more > 0) lines.push('', `_…and ${list.more} more open ${list.more === 1 ? 'question' : 'questions'} on the map’s Open questions list._`);
  return lines;
}

/**
 * The brief as Markdown: a title block, then the case outline (numbered, quotes as blockquotes),
 * the rebuttal matrix (a table, **unanswered** in bold) and the open questions.
 */
export function briefToMarkdown(brief: Brief, meta: BriefMeta): string {
  const words = SIDE_WORDING[brief.side];
  const out: string[] = [`# Debate brief: ${words.label}`, '', `**Map:** ${inline(meta.mapTitle)}  `, `**Essay:** ${inline(essayReference(meta.document))}  `];
  out.push(`**Side:** ${words.label} — ${words.role}  `, `**Date:** ${briefDate(meta.date)}${meta.url || meta.asOf ? '  ' : ''}`);
  if (meta.asOf)
    out.push(`**Judged as of:** ${monthLabel(meta.asOf)} — points resting on facts known only later are set aside (Later ◷)${meta.url ? '  ' : ''}`);
  if (meta.url) out.push(`**Map online:** <${meta.url}>`);
  out.push('');

  if (!brief.thesis) {
    out.push('This map has no thesis yet, so there is nothing to defend or attack.', '');
    return out.join('\n');
  }
  out.push('## Resolution', '', pointLine(brief.thesis), '', ...quoteLines(brief.thesis.quote, ''), ...(brief.thesis.quote ? [''] : []));
  if (brief.stockIssues) pushAll(out, stockIssueLines(brief.stockIssues, brief.side));

  out.push(`## 1. ${words.caseHeading}`, '', `_${words.caseIntro}_`, '');
  if (brief.case.length === 0)
    out.push(brief.side === 'affirmative' ? 'The thesis has no reasons on the map yet.' : 'Nothing on the map attacks the affirmative’s points yet.');
  else pushAll(out, caseLines(brief.case, true));
  out.push('');
  if (brief.continued.length > 0) {
    out.push(
      '### Reasons continued',
      '',
      `_Chains of support deeper than ${BRIEF_CASE_DEPTH_MAX} levels carry on here, from the point where the outline above stops._`,
      '',
    );
    pushAll(out, caseLines(brief.continued, false));
    out.push('');
  }

  out.push('## 2. Rebuttal matrix', '');
  if (brief.matrix.length === 0) out.push(`No ${SIDE_WORDING[opposite(brief.side)].label.toLowerCase()} point attacks ours yet.`);
  else {
    out.push(`| Their point | Against our point | Our response |`, `| --- | --- | --- |`);
    for (const row of brief.matrix) {
      const theirs = `${cell(row.opposing.text)} (${kindPhrase(row.opposing)}, ${STATUS_MARKS[row.opposing.status]})`;
      const ours = row.targets.map((t) => `${t.undercut ? 'the step to ' : ''}${cell(t.point.text)}`).join('; ');
      const response = row.answered ? row.responses.map((r) => `${cell(r.text)} (${STATUS_MARKS[r.status]})`).join('; ') : '**unanswered**';
      out.push(`| ${theirs} | ${ours} | ${response} |`);
    }
  }
  out.push('');

  const primary = brief.side === 'affirmative' ? brief.questions.prepare : brief.questions.openings;
  const secondary = brief.side === 'affirmative' ? brief.questions.openings : brief.questions.prepare;
  out.push(`## 3. ${words.questionsHeading}`, '', `_${words.questionsIntro}_`, '');
  out.push(...(primary.shown.length > 0 ? questionLines(primary) : ['No critical question on these steps is left unanswered.']), '');
  if (secondary.shown.length > 0) out.push(`### ${words.otherQuestionsHeading}`, '', ...questionLines(secondary), '');

  if (brief.mixed.length > 0) {
    out.push('## Points that cut both ways', '', '_Reached from the thesis both as support and as attack: neither side counts them._', '');
    pushAll(
      out,
      brief.mixed.map((p) => `- ${pointLine(p)}`),
    );
    out.push('');
  }
  return out.join('\n');
}

/**
 * Most points the brief *page* draws (case outline, reasons continued, matrix rows, mixed points,
 * together). A printed brief of thousands of points helps nobody, and rendering one took the server
 * over a second (20 MB of HTML for a 5,000-long chain) while other requests waited. The Markdown
 * and JSON answers of `GET /api/maps/{slug}/brief` stay whole.
 */
export const BRIEF_PAGE_POINTS_MAX = 400;

/**
 * Most entries the page draws in each list of the stock-issues section (an issue's points, the
 * attacks on them, its points off the case step): the section is a summary to read at a glance,
 * and the case outline and matrix that follow show every point in full.
 */
export const BRIEF_STOCK_LIST_MAX = 8;

/** How many entries `points` holds: the points, nested reasons included, and what each attacks. */
function caseSize(points: readonly CasePoint[]): number {
  let size = 0;
  const stack = [...points];
  while (stack.length > 0) {
    const point = stack.pop()!;
    size += 1 + point.attacks.length;
    stack.push(...point.support);
  }
  return size;
}

/**
 * The first `max` points of a brief in reading order — the stock issues (at most
 * {@link BRIEF_STOCK_LIST_MAX} per list), the case, its continuation, the rebuttal matrix, the mixed
 * points — and how many were left out. Nesting is at most
 * BRIEF_CASE_DEPTH_MAX deep, so the walk's depth is bounded.
 *
 * @example briefPage(buildBrief(view, 'affirmative')) // { brief, omitted: 0 } for the op-ed
 */
export function briefPage(brief: Brief, max = BRIEF_PAGE_POINTS_MAX): { brief: Brief; omitted: number } {
  let budget = max;
  let omitted = 0;
  /** The first of `items` the budget still allows; each costs one, and what is left out is counted. */
  const cut = <T>(items: readonly T[]): T[] => {
    const kept = items.slice(0, Math.max(0, budget));
    budget -= kept.length;
    omitted += items.length - kept.length;
    return kept;
  };
  // A point's lists (what it attacks; a matrix row's targets and answers) cost one an entry too:
  // one objection can attack thousands of points.
  const take = (points: readonly CasePoint[]): CasePoint[] => {
    const kept: CasePoint[] = [];
    for (const point of points) {
      if (budget <= 0) {
        omitted += caseSize([point]);
        continue;
      }
      budget--;
      kept.push({ ...point, attacks: cut(point.attacks), support: take(point.support) });
    }
    return kept;
  };
  /** The first BRIEF_STOCK_LIST_MAX of `items` the budget allows; the rest are counted. */
  const capped = <T>(items: readonly T[]): T[] => {
    omitted += Math.max(0, items.length - BRIEF_STOCK_LIST_MAX);
    return cut(items.slice(0, BRIEF_STOCK_LIST_MAX));
  };
  const stockIssue = (issue: BriefStockIssue): BriefStockIssue => ({
    ...issue,
    points: capped(issue.points),
    attacks: capped(issue.attacks),
    elsewhere: capped(issue.elsewhere),
  });
  // The stock issues come first on the page, so they take from the budget first.
  const stock = brief.stockIssues;
  const stockIssues = stock && {
    ...stock,
    stepAttacks: capped(stock.stepAttacks),
    affirmative: stock.affirmative.map(stockIssue),
    negative: stock.negative.map(stockIssue),
  };
  const page = { ...brief, stockIssues, case: take(brief.case), continued: take(brief.continued) };
  page.matrix = [];
  for (const row of brief.matrix) {
    if (budget <= 0) {
      omitted += 1 + row.targets.length + row.responses.length;
      continue;
    }
    budget--;
    page.matrix.push({ ...row, targets: cut(row.targets), responses: cut(row.responses) });
  }
  page.mixed = cut(brief.mixed);
  return { brief: page, omitted };
}
