import type { Evaluation } from './evaluation';
import { isNodeTarget, type ArgumentGraph, type Inference, type NodeKind } from './model';
import { questionsForInference, type QuestionState, type QuestionStatus } from './questions';

/**
 * The reasoning in each student's contributions, read from the map's structure and its evaluation
 * (see docs/evaluation.md, "Assessing a student's reasoning"). No score: every figure is the list of
 * points behind it, so a teacher can open each one. Votes never enter.
 */

/** How a student's attacks of one kind (objections, or rebuttals) fare on the map now. */
export interface AttackFigures {
  /** Their points of this kind, in map order. */
  made: string[];
  /**
   * Those that currently defeat what they attack: a point they attack is defeated with this one
   * among its `defeatedBy`, or a step they undercut fails with this one among its `undercutBy`.
   * Unanswered and standing.
   */
  defeating: string[];
  /** Those answered: defeated by an attacker that stands (a rebuttal, or another objection). */
  answered: string[];
}

/** The attacks others aimed at a student's points, and which of them the student answered. */
export interface ChallengeFigures {
  /**
   * Attackers, made by anyone else, of their points — or undercutting a step one of their points is
   * a premise of — in map order. Points set aside as later are left out.
   */
  aimed: string[];
  /** Of those, the ones they answered: a point of theirs attacks it and stands. */
  answered: string[];
  /** What the aimed attackers are, to name them: all objections, all rebuttals, or a mix ("attack"). */
  aimedKind: 'objection' | 'rebuttal' | 'attack';
}

/** A critical question a student raised, and where it stands now. */
export interface RaisedQuestion {
  /** Their point that raises it. */
  nodeId: string;
  /** `"<scheme>.<cq>"`. */
  question: string;
  /** The question in the words of the (first) step it is asked of. */
  text: string;
  /**
   * The steps it is asked of — the step undercut, or the steps of that scheme the attacked premise
   * belongs to — in map order: the first {@link STEPS_NAMED_LIMIT} of them.
   */
  inferenceIds: string[];
  /** How many steps it is asked of in all. */
  stepCount: number;
  /**
   * `raised` — still unanswered on one of those steps (an objection from it is not defeated);
   * `answered` — every objection raised from it is defeated; `open` — not counted as raised, because
   * the map is judged as of a month before its raiser (set aside).
   */
  state: QuestionState;
}

/**
 * Most steps named per raised question: a premise shared by thousands of steps would otherwise give
 * each of the thousands of raises against it a list of thousands (as `RAISED_BY_LIMIT` in ./questions.ts).
 */
export const STEPS_NAMED_LIMIT = 20;

/** What one student's points show about their reasoning. */
export interface StudentReasoning {
  /** Their identity mark, `"user:<id>"` or `"member:<id>"`. */
  mark: string;
  /** All their points on the map, in map order. */
  points: string[];
  objections: AttackFigures;
  rebuttals: AttackFigures;
  challenges: ChallengeFigures;
  /** The critical questions their points raise, in map order of the raising attacks. */
  questions: RaisedQuestion[];
  /** Their points that quote the essay. */
  quoted: string[];
  /**
   * Their claims, objections and rebuttals that neither quote the essay nor have a step of support:
   * assertions resting on nothing on the map. Unstated points (reconstructions) are not assertions.
   */
  unsupported: string[];
}

/** Kinds that assert something a reader may ask the grounds of. */
const ASSERTING_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['claim', 'objection', 'rebuttal']);

/** The figures of a student with no point on the map (a member who has not added any yet). */
export function emptyReasoning(mark: string): StudentReasoning {
  return {
    mark,
    points: [],
    objections: { made: [], defeating: [], answered: [] },
    rebuttals: { made: [], defeating: [], answered: [] },
    challenges: { aimed: [], answered: [], aimedKind: 'attack' },
    questions: [],
    quoted: [],
    unsupported: [],
  };
}

/**
 * The reasoning figures of every student who has a point on the map, by identity mark. `makers`
 * gives who made each point (points it does not name, or names as null — the seeded analysis,
 * imports, anonymous visitors — belong to nobody). `evaluation` is `evaluate(graph)`, or a
 * judgement as of a month: points set aside as later then count as neither defeating nor answered,
 * and are nobody's challenge.
 *
 * Runs in time linear in the map (each conflict, step and premise is read a bounded number of
 * times), plus the critical questions of each step a student's point raises one against.
 */
export function reasoningOf(graph: ArgumentGraph, evaluation: Evaluation, makers: ReadonlyMap<string, string | null>): Map<string, StudentReasoning> {
  const byMark = new Map<string, StudentReasoning>();
  const kindOf = new Map<string, NodeKind>();
  const makerOf = (id: string) => makers.get(id) ?? null;
  const statusOf = (id: string) => evaluation.nodes[id]?.status;
  const reasoningFor = (mark: string) => {
    let r = byMark.get(mark);
    if (!r) byMark.set(mark, (r = emptyReasoning(mark)));
    return r;
  };

  const supported = new Set<string>();
  const inferenceById = new Map<string, Inference>();
  for (const inf of graph.inferences) {
    inferenceById.set(inf.id, inf);
    if (inf.premises.length > 0) supported.add(inf.conclusion);
  }

  for (const n of graph.nodes) {
    kindOf.set(n.id, n.kind);
    const mark = makerOf(n.id);
    if (mark === null) continue;
    const r = reasoningFor(mark);
    r.points.push(n.id);
    if (n.quote) r.quoted.push(n.id);
    else if (ASSERTING_KINDS.has(n.kind) && !n.implicit && !supported.has(n.id)) r.unsupported.push(n.id);
  }

  // Who stands against whom: the marks of each point's standing attackers, and which attackers
  // defeat something (each list of `defeatedBy` / `undercutBy` read once, when first needed).
  const standingAttackerMarks = new Map<string, Set<string>>();
  const defeatersOf = new Map<string, Set<string>>();
  const undercuttersOf = new Map<string, Set<string>>();
  const defeating = new Set<string>();
  /** Premise makers of each step, found once per step undercut. */
  const premiseMarksOf = new Map<string, Set<string>>();
  const aimedAt = new Map<string, Set<string>>();
  const raisers: { attacker: string; question: string; target: { node: string } | { inference: string } }[] = [];

  for (const c of graph.conflicts) {
    const attacker = c.attacker;
    const attackerMark = makerOf(attacker);
    const attackerStatus = statusOf(attacker);
    if (attackerStatus === undefined) continue;
    if (isNodeTarget(c.target)) {
      const target = c.target.node;
      if (statusOf(target) === undefined) continue;
      if (attackerMark !== null && attackerStatus === 'stands') {
        let marks = standingAttackerMarks.get(target);
        if (!marks) standingAttackerMarks.set(target, (marks = new Set()));
        marks.add(attackerMark);
      }
      if (attackerMark !== null && attackerStatus === 'stands' && statusOf(target) === 'defeated') {
        let defeaters = defeatersOf.get(target);
        if (!defeaters) defeatersOf.set(target, (defeaters = new Set(evaluation.nodes[target].defeatedBy)));
        if (defeaters.has(attacker)) defeating.add(attacker);
      }
      const targetMark = makerOf(target);
      if (targetMark !== null && targetMark !== attackerMark && attackerStatus !== 'later' && statusOf(target) !== 'later')
        addAimed(aimedAt, targetMark, attacker);
    } else {
      const inferenceId = c.target.inference;
      const inference = inferenceById.get(inferenceId);
      const judged = evaluation.inferences[inferenceId];
      if (!inference || !judged) continue;
      if (attackerMark !== null && judged.undercutBy.length > 0) {
        let undercutters = undercuttersOf.get(inferenceId);
        if (!undercutters) undercuttersOf.set(inferenceId, (undercutters = new Set(judged.undercutBy)));
        if (undercutters.has(attacker)) defeating.add(attacker);
      }
      if (attackerStatus !== 'later' && !judged.later) {
        let marks = premiseMarksOf.get(inferenceId);
        if (!marks) {
          marks = new Set();
          for (const p of inference.premises) {
            const m = makerOf(p);
            if (m !== null) marks.add(m);
          }
          premiseMarksOf.set(inferenceId, marks);
        }
        for (const m of marks) if (m !== attackerMark) addAimed(aimedAt, m, attacker);
      }
    }
    if (c.question && attackerMark !== null) raisers.push({ attacker, question: c.question, target: c.target });
  }

  for (const r of byMark.values()) {
    for (const id of r.points) {
      const kind = kindOf.get(id);
      const figures = kind === 'objection' ? r.objections : kind === 'rebuttal' ? r.rebuttals : null;
      if (!figures) continue;
      figures.made.push(id);
      if (defeating.has(id)) figures.defeating.push(id);
      else if (statusOf(id) === 'defeated' && evaluation.nodes[id].defeatedBy.length > 0) figures.answered.push(id);
    }
  }

  for (const [mark, attackers] of aimedAt) {
    const r = byMark.get(mark);
    if (!r) continue;
    const kinds = new Set<NodeKind>();
    for (const attacker of attackers) {
      r.challenges.aimed.push(attacker);
      kinds.add(kindOf.get(attacker)!);
      if (standingAttackerMarks.get(attacker)?.has(mark)) r.challenges.answered.push(attacker);
    }
    r.challenges.aimedKind = kinds.size === 1 && kinds.has('objection') ? 'objection' : kinds.size === 1 && kinds.has('rebuttal') ? 'rebuttal' : 'attack';
  }

  raisedQuestions(graph, evaluation, raisers, inferenceById, (attacker, raised) => reasoningFor(makerOf(attacker)!).questions.push(raised));
  return byMark;
}

function addAimed(aimedAt: Map<string, Set<string>>, mark: string, attacker: string): void {
  let attackers = aimedAt.get(mark);
  if (!attackers) aimedAt.set(mark, (attackers = new Set()));
  attackers.add(attacker);
}

/**
 * Where each raised question stands, through ./questions.ts (so the figure agrees with what the
 * step's inspector shows). A question is asked of the step undercut, or of each step following its
 * scheme that the attacked premise belongs to; a raise that fits no step any more (its scheme was
 * changed) is left out. Each step's questions are computed once.
 */
function raisedQuestions(
  graph: ArgumentGraph,
  evaluation: Evaluation,
  raisers: { attacker: string; question: string; target: { node: string } | { inference: string } }[],
  inferenceById: ReadonlyMap<string, Inference>,
  record: (attacker: string, raised: RaisedQuestion) => void,
): void {
  if (raisers.length === 0) return;
  const premised = new Set(raisers.flatMap((r) => (isNodeTarget(r.target) ? [r.target.node] : [])));
  const stepsOfPremise = new Map<string, Inference[]>();
  for (const inf of graph.inferences) {
    if (!inf.scheme) continue;
    for (const p of new Set(inf.premises)) {
      if (!premised.has(p)) continue;
      const steps = stepsOfPremise.get(p);
      if (steps) steps.push(inf);
      else stepsOfPremise.set(p, [inf]);
    }
  }
  // Every raise of one question against one target reads the same: where it stands is worked out
  // once per target and question, and each step's questions once.
  const questionsOf = new Map<string, QuestionStatus[]>();
  const standing = new Map<string, Omit<RaisedQuestion, 'nodeId'> | null>();
  const standingOf = (question: string, target: { node: string } | { inference: string }) => {
    const key = isNodeTarget(target) ? `n:${target.node}|${question}` : `i:${target.inference}|${question}`;
    if (standing.has(key)) return standing.get(key)!;
    const scheme = question.slice(0, question.indexOf('.'));
    const candidates = isNodeTarget(target) ? (stepsOfPremise.get(target.node) ?? []) : [inferenceById.get(target.inference)].filter((i) => i !== undefined);
    const found: QuestionStatus[] = [];
    for (const inf of candidates) {
      if (inf.scheme !== scheme) continue;
      let list = questionsOf.get(inf.id);
      if (!list) questionsOf.set(inf.id, (list = questionsForInference(graph, evaluation, inf.id)));
      const status = list.find((q) => q.id === question);
      if (status) found.push(status);
    }
    const state: QuestionState = found.some((q) => q.state === 'raised') ? 'raised' : found.some((q) => q.state === 'answered') ? 'answered' : 'open';
    const answer =
      found.length === 0
        ? null
        : { question, text: found[0].text, inferenceIds: found.slice(0, STEPS_NAMED_LIMIT).map((q) => q.inferenceId), stepCount: found.length, state };
    standing.set(key, answer);
    return answer;
  };
  for (const raiser of raisers) {
    const answer = standingOf(raiser.question, raiser.target);
    if (answer) record(raiser.attacker, { nodeId: raiser.attacker, ...answer, inferenceIds: [...answer.inferenceIds] });
  }
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

function attackWords(figures: AttackFigures, one: string, many: string): string | null {
  if (figures.made.length === 0) return null;
  const parts = [count(figures.made.length, one, many)];
  if (figures.defeating.length > 0) parts.push(`${figures.defeating.length} unanswered and standing`);
  if (figures.answered.length > 0) parts.push(`${figures.answered.length} answered`);
  return parts.join(', ');
}

/**
 * A student's reasoning in one readable sentence, for the teacher's class panel and the CSV.
 *
 * @example "3 objections, 2 unanswered and standing, 1 answered; answered 1 of 2 rebuttals to their points; quoted the essay twice"
 */
export function reasoningSummary(r: StudentReasoning): string {
  const parts: string[] = [];
  const objections = attackWords(r.objections, 'objection', 'objections');
  if (objections) parts.push(objections);
  const rebuttals = attackWords(r.rebuttals, 'rebuttal', 'rebuttals');
  if (rebuttals) parts.push(rebuttals);
  const { aimed, answered, aimedKind } = r.challenges;
  if (aimed.length > 0) parts.push(`answered ${answered.length} of ${count(aimed.length, aimedKind, `${aimedKind}s`)} to their points`);
  if (r.questions.length > 0) {
    const raised = r.questions.filter((q) => q.state === 'raised').length;
    const settled = r.questions.filter((q) => q.state === 'answered').length;
    const words = [`raised ${count(r.questions.length, 'critical question', 'critical questions')}`];
    if (raised > 0) words.push(`${raised} still unanswered`);
    if (settled > 0) words.push(`${settled} answered`);
    parts.push(words.join(', '));
  }
  if (r.quoted.length > 0) parts.push(`quoted the essay ${times(r.quoted.length)}`);
  if (r.unsupported.length > 0) parts.push(count(r.unsupported.length, 'unsupported assertion', 'unsupported assertions'));
  if (parts.length === 0)
    return r.points.length > 0 ? `${count(r.points.length, 'point', 'points')}, no objection, rebuttal or quote among them` : 'No points on the map yet';
  const sentence = parts.join('; ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
