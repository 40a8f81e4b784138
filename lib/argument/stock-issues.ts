/**
 * The stock issues of a policy case: reading a thesis that proposes a change of course the way a
 * debate class does (see docs/evaluation.md, "Stock issues").
 *
 * **The affirmative's four** — harm, inherency, solvency, timeliness — are needed *together*: a case
 * for a change of course must show that the present course does harm, that the present course is
 * what causes or keeps the harm, that the plan would remedy it, and that it must be done now. One
 * issue lost, and the round is lost, however well the others stand.
 *
 * **The case step.** The issues are argued by the premises of ONE linked step into the thesis: the
 * step whose premises are tagged with the most different affirmative issues (on a tie, the first in
 * map order). Premises of other steps into the thesis do not count towards the issues, because a
 * separate step is an independent reason — on the map it carries the thesis alone, so pooling its
 * premises with the case step's would claim a linked case the evaluation does not see. A point
 * tagged with an issue anywhere else is listed as `elsewhere`, so a student who tagged the right
 * point in the wrong place is told to link it into the case step.
 *
 * **States.** For each affirmative issue: `held` when its points on the case step all stand,
 * `lost` when one of them does not (defeated, unsupported or contested) — the step is linked, so
 * every premise on it is needed, and an issue argued by two premises falls with either — and
 * `missing` when nothing on the case step argues it; a missing issue is lost too: the affirmative
 * carries the burden of every issue. For the negative's two lines (disadvantage, counterplan; any
 * point tagged with them — each an independent attack): `held` when one of them stands, `lost` when
 * none does, `missing` when the negative has not argued that line. The negative's lines never lose
 * the round by their absence; one that stands must be answered or outweighed.
 *
 * **Judged as of a month.** A point whose status is `later` (its facts were known only after the
 * month judged) is set aside: as of then nobody had made it. So it argues no issue (an issue whose
 * only points are later is `missing` as of then, not lost) and attacks nothing (a later attacker is
 * left out of an issue's attacks, and only counted in `laterAttacks` so the words can say so). A
 * premise of the case step that is later sets the whole step aside in the evaluation (a linked step
 * cannot be made without one of its premises), and the verdict says so.
 *
 * Pure and linear in the map: one pass over the nodes, the inferences and the conflicts.
 */
import { monthLabel } from './as-of';
import type { Status } from './evaluation';
import {
  AFFIRMATIVE_STOCK_ISSUES,
  isNodeTarget,
  NEGATIVE_STOCK_ISSUES,
  STOCK_ISSUE_LABELS,
  STOCK_ISSUE_QUESTIONS,
  type ArgumentGraph,
  type StockIssue,
} from './model';

/** Whether a side has carried an issue so far: see the module comment. */
export type StockIssueState = 'held' | 'lost' | 'missing';

/** One attack on a point that argues an issue (or on the case step). */
export interface StockIssueAttack {
  attacker: string;
  /** The point attacked (for an undercut: the conclusion of the step undercut). */
  target: string;
  /** True when it undercuts a step into `target` rather than disputing `target` itself. */
  undercut: boolean;
}

/** One stock issue of the case, for the side that argues it. */
export interface StockIssueLine {
  issue: StockIssue;
  /** Who argues it: the affirmative (harm … timeliness) or the negative (disadvantage, counterplan). */
  side: 'affirmative' | 'negative';
  state: StockIssueState;
  /**
   * The points that argue it, in map order. Affirmative: the case step's premises tagged with it;
   * negative: every point tagged with it.
   */
  points: string[];
  /** Those of `points` that stand. */
  standing: string[];
  /**
   * The attacks on `points` (and undercuts of the steps into them), in the order of the map's
   * conflicts; attacks by points set aside as later are not among them.
   */
  attacks: StockIssueAttack[];
  /** Points tagged with the issue (on the case step, for the affirmative) set aside as later: they do not argue it as of then. */
  laterPoints: string[];
  /** Attacks on `points` whose attacker is set aside as later: as of then they are not attacks. */
  laterAttacks: StockIssueAttack[];
  /** Affirmative only: points tagged with the issue that are not premises of the case step (they do not hold it). */
  elsewhere: string[];
  /** The state in one or two sentences, as the brief and the gaps panel show it. */
  summary: string;
}

/** The stock-issue reading of a map whose thesis proposes a policy. */
export interface StockIssueCase {
  thesis: string;
  /** The case step (see the module comment); null when no step into the thesis has a tagged premise. */
  step: string | null;
  /**
   * Undercuts of the case step: they grant the issues but deny that together they carry the
   * proposal. Undercuts set aside as later (or of a step set aside) are not among them.
   */
  stepAttacks: StockIssueAttack[];
  /** The case step's premises tagged with no affirmative issue: needed all the same (the step is linked). */
  untagged: string[];
  /** The case step's premises set aside as later: as of then the step cannot be made (see the module comment). */
  laterPremises: string[];
  /** Harm, inherency, solvency, timeliness, in that order. */
  affirmative: StockIssueLine[];
  /** Disadvantage, counterplan. */
  negative: StockIssueLine[];
  /** The affirmative issues lost or missing: each loses the round. */
  losing: StockIssue[];
  /** The reading in words: who wins on the stock issues, and why. */
  verdict: string;
}

/** What the brief and the panel print under every list of lost issues. */
export const LOST_ISSUE_RULE = 'A lost stock issue loses the round: the affirmative must hold all four.';

/** How a point stands or fails, in words (a point the evaluation does not know is unsupported; a later one is never listed as failing). */
const STATUS_WORDS: Record<Status, string> = {
  stands: 'standing',
  defeated: 'defeated',
  unsupported: 'unsupported',
  contested: 'contested',
  later: 'set aside as later',
};

const lower = (issue: StockIssue) => STOCK_ISSUE_LABELS[issue].toLowerCase();
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** "as of Aug 2009", or "as of the month judged" when the month is not known here. */
export function asOfPhrase(asOf: string | null | undefined): string {
  return asOf ? `as of ${monthLabel(asOf)}` : 'as of the month judged';
}

/** Options of {@link stockIssueCase}. */
export interface StockIssueOptions {
  /** The month the statuses were judged as of (`YYYY-MM`), named in the words about later points. */
  asOf?: string | null;
}

/** "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * Reads the stock issues of `graph` under an evaluation (`statusOf` gives each point's status; give
 * `options.asOf` when it was judged as of a month), or returns null when the map has no thesis or
 * its thesis is not marked a policy proposal.
 *
 * @example
 * // t (proposal) ← linked step [h: harm, i: inherency, s: solvency, n: timeliness]; o ⊣ s stands
 * stockIssueCase(graph, statusOf).losing // ['solvency']
 */
export function stockIssueCase(graph: ArgumentGraph, statusOf: (id: string) => Status | undefined, options: StockIssueOptions = {}): StockIssueCase | null {
  const thesis = graph.nodes.find((n) => n.kind === 'thesis');
  if (!thesis || !thesis.proposal) return null;
  const issueOf = new Map<string, StockIssue>();
  for (const n of graph.nodes) if (n.stockIssue) issueOf.set(n.id, n.stockIssue);
  const affirmativeIssue = (id: string) => {
    const issue = issueOf.get(id);
    return issue !== undefined && AFFIRMATIVE_STOCK_ISSUES.includes(issue) ? issue : undefined;
  };

  // The case step: the step into the thesis whose premises argue the most different issues.
  let step: string | null = null;
  let stepPremises: readonly string[] = [];
  let best = 0;
  for (const inf of graph.inferences) {
    if (inf.conclusion !== thesis.id) continue;
    const issues = new Set<StockIssue>();
    for (const p of inf.premises) {
      const issue = affirmativeIssue(p);
      if (issue) issues.add(issue);
    }
    if (issues.size > best) {
      best = issues.size;
      step = inf.id;
      stepPremises = inf.premises;
    }
  }
  const onStep = new Set(stepPremises);

  // The points that argue each issue, and every attack on one of them.
  const points = new Map<StockIssue, string[]>();
  const elsewhere = new Map<StockIssue, string[]>();
  for (const issue of [...AFFIRMATIVE_STOCK_ISSUES, ...NEGATIVE_STOCK_ISSUES]) {
    points.set(issue, []);
    elsewhere.set(issue, []);
  }
  const seenOnStep = new Set<string>();
  for (const p of stepPremises) {
    const issue = affirmativeIssue(p);
    if (issue && !seenOnStep.has(p)) {
      seenOnStep.add(p);
      points.get(issue)!.push(p);
    }
  }
  for (const n of graph.nodes) {
    const issue = issueOf.get(n.id);
    if (issue === undefined) continue;
    if (NEGATIVE_STOCK_ISSUES.includes(issue)) points.get(issue)!.push(n.id);
    else if (!onStep.has(n.id)) elsewhere.get(issue)!.push(n.id);
  }
  // Judged as of a month, a later point is set aside, and so is every step it is a premise or the
  // conclusion of (as lib/argument/as-of.ts does): an undercut of such a step undercuts nothing then.
  const isLater = (id: string) => statusOf(id) === 'later';
  const laterStep = new Set<string>();
  for (const inf of graph.inferences) if (isLater(inf.conclusion) || inf.premises.some(isLater)) laterStep.add(inf.id);
  const watched = new Set<string>();
  for (const list of points.values()) for (const id of list) watched.add(id);
  const conclusionOf = new Map<string, string>();
  for (const inf of graph.inferences) conclusionOf.set(inf.id, inf.conclusion);
  const attacksOn = new Map<string, StockIssueAttack[]>();
  const stepAttacks: StockIssueAttack[] = [];
  for (const c of graph.conflicts) {
    if (!isNodeTarget(c.target) && laterStep.has(c.target.inference)) continue;
    if (!isNodeTarget(c.target) && c.target.inference === step) {
      if (!isLater(c.attacker)) stepAttacks.push({ attacker: c.attacker, target: thesis.id, undercut: true });
      continue;
    }
    const target = isNodeTarget(c.target) ? c.target.node : conclusionOf.get(c.target.inference);
    if (target === undefined || !watched.has(target)) continue;
    const list = attacksOn.get(target) ?? [];
    list.push({ attacker: c.attacker, target, undercut: !isNodeTarget(c.target) });
    attacksOn.set(target, list);
  }

  const when = asOfPhrase(options.asOf);
  const lineFor = (issue: StockIssue, side: StockIssueLine['side']): StockIssueLine => {
    const tagged = points.get(issue)!;
    const argued = tagged.filter((id) => !isLater(id));
    const laterPoints = tagged.filter(isLater);
    const standing = argued.filter((id) => statusOf(id) === 'stands');
    const held = side === 'affirmative' ? standing.length === argued.length : standing.length > 0;
    const state: StockIssueState = argued.length === 0 ? 'missing' : held ? 'held' : 'lost';
    const attacks: StockIssueAttack[] = [];
    const laterAttacks: StockIssueAttack[] = [];
    for (const id of argued) for (const a of attacksOn.get(id) ?? []) (isLater(a.attacker) ? laterAttacks : attacks).push(a);
    const off = side === 'affirmative' ? elsewhere.get(issue)! : [];
    const summary = summaryOf({ side, issue, state, argued, standing, laterPoints, elsewhere: off, when }, statusOf);
    return { issue, side, state, points: argued, standing, attacks, laterPoints, laterAttacks, elsewhere: off, summary };
  };
  const affirmative = AFFIRMATIVE_STOCK_ISSUES.map((issue) => lineFor(issue, 'affirmative'));
  const negative = NEGATIVE_STOCK_ISSUES.map((issue) => lineFor(issue, 'negative'));
  const losing = affirmative.filter((line) => line.state !== 'held').map((line) => line.issue);
  const untagged = [...new Set(stepPremises.filter((p) => affirmativeIssue(p) === undefined))];
  const laterPremises = [...new Set(stepPremises.filter(isLater))];
  const breaks = {
    undercut: stepAttacks.some((a) => statusOf(a.attacker) === 'stands'),
    untagged: untagged.filter((p) => statusOf(p) !== 'stands' && !isLater(p)).length,
    later: laterPremises.length,
  };
  return {
    thesis: thesis.id,
    step,
    stepAttacks,
    untagged,
    laterPremises,
    affirmative,
    negative,
    losing,
    verdict: verdictOf(affirmative, negative, breaks, when),
  };
}

/** What {@link summaryOf} says a line's state from. */
interface SummaryFacts {
  side: StockIssueLine['side'];
  issue: StockIssue;
  state: StockIssueState;
  /** The points that argue the issue as of the month judged (none of them later). */
  argued: readonly string[];
  standing: readonly string[];
  laterPoints: readonly string[];
  elsewhere: readonly string[];
  /** "as of Aug 2009". */
  when: string;
}

function summaryOf({ side, issue, state, argued, standing, laterPoints, elsewhere, when }: SummaryFacts, statusOf: (id: string) => Status | undefined): string {
  // Points set aside: the issue is read without them, and the words say so.
  const aside =
    laterPoints.length === 0
      ? ''
      : ` ${laterPoints.length === 1 ? '1 more point is' : `${laterPoints.length} more points are`} set aside ${when} (known only later).`;
  const allLater =
    laterPoints.length === 1
      ? 'its only point rests on facts known only later and is set aside'
      : `all ${laterPoints.length} of its points rest on facts known only later and are set aside`;
  const fails = () => {
    const failing = argued.filter((id) => statusOf(id) !== 'stands');
    const how = listWords([...new Set(failing.map((id) => STATUS_WORDS[statusOf(id) ?? 'unsupported']))]);
    if (argued.length === 1) return `its only point is ${how}`;
    if (failing.length === argued.length) return `none of its ${argued.length} points stands (${how})`;
    return `${failing.length} of its ${argued.length} points ${failing.length === 1 ? 'does' : 'do'} not stand (${how}), and on the linked step every premise is needed`;
  };
  if (side === 'affirmative') {
    if (state === 'held') return `Held: ${argued.length === 1 ? 'its point stands' : `its ${argued.length} points stand`}.${aside}`;
    if (state === 'lost') return `Lost: ${fails()}. A lost stock issue loses the round.${aside}`;
    const off = elsewhere.length > 0 ? ` It is tagged on ${plural(elsewhere.length, 'point')} off that step: link one into it as a premise.` : '';
    if (laterPoints.length > 0) {
      return `Missing ${when}: ${allLater}, so then no premise of the step into the thesis argues ${lower(issue)} (${STOCK_ISSUE_QUESTIONS[issue]}). An issue nobody argues is lost, and a lost stock issue loses the round.${off}`;
    }
    return `Missing: no premise of the step into the thesis argues ${lower(issue)} (${STOCK_ISSUE_QUESTIONS[issue]}). An issue nobody argues is lost, and a lost stock issue loses the round.${off}`;
  }
  if (state === 'held')
    return `Stands: ${plural(standing.length, 'point')} ${standing.length === 1 ? 'argues' : 'argue'} it; the affirmative must answer it or outweigh it.${aside}`;
  if (state === 'lost') return `Answered: ${fails()}.${aside}`;
  if (laterPoints.length > 0) return `Not argued ${when}: ${allLater}. The negative could then ask: ${STOCK_ISSUE_QUESTIONS[issue]}`;
  return `Not argued. The negative can ask: ${STOCK_ISSUE_QUESTIONS[issue]}`;
}

function verdictOf(
  affirmative: readonly StockIssueLine[],
  negative: readonly StockIssueLine[],
  breaks: { undercut: boolean; untagged: number; later: number },
  when: string,
): string {
  const lost = affirmative.filter((l) => l.state === 'lost').map((l) => lower(l.issue));
  const missing = affirmative.filter((l) => l.state === 'missing' && l.laterPoints.length === 0).map((l) => lower(l.issue));
  const notYet = affirmative.filter((l) => l.state === 'missing' && l.laterPoints.length > 0).map((l) => lower(l.issue));
  const live = negative.filter((l) => l.state === 'held').map((l) => lower(l.issue));
  if (lost.length === 0 && missing.length === 0 && notYet.length === 0) {
    const held = `The affirmative holds all four stock issues (${listWords(AFFIRMATIVE_STOCK_ISSUES.map(lower))}).`;
    const undercut = breaks.undercut
      ? ' But an undercut of the step that links them stands: held one by one, together they do not carry the proposal yet.'
      : '';
    const untagged =
      breaks.untagged > 0
        ? ` But ${breaks.untagged === 1 ? 'a premise' : `${breaks.untagged} premises`} of the step that links them, tagged with no issue, ${breaks.untagged === 1 ? 'does' : 'do'} not stand: the step fails all the same.`
        : '';
    const later =
      breaks.later > 0
        ? ` But ${breaks.later === 1 ? 'a premise' : `${breaks.later} premises`} of the step that links them ${breaks.later === 1 ? 'rests' : 'rest'} on facts known only later: ${when} that step is set aside, and it does not carry the proposal.`
        : '';
    const weigh = live.length > 0 ? ` The negative’s ${listWords(live)} stands and must be answered or outweighed.` : '';
    return `${held}${undercut}${untagged}${later}${weigh}`;
  }
  const parts = [
    lost.length > 0 ? `${listWords(lost)} ${lost.length === 1 ? 'is' : 'are'} lost` : null,
    missing.length > 0 ? `${listWords(missing)} ${missing.length === 1 ? 'is' : 'are'} never argued` : null,
    notYet.length > 0
      ? `${listWords(notYet)} ${notYet.length === 1 ? 'is' : 'are'} not argued ${when} (what argues ${notYet.length === 1 ? 'it' : 'them'} was known only later)`
      : null,
  ];
  return `The affirmative loses the round on the stock issues: ${parts.filter(Boolean).join(', and ')}. ${LOST_ISSUE_RULE}`;
}
