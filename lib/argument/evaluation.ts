import { isNodeTarget, type ArgumentGraph, type Conflict, type NodeKind } from './model';
import { monthLabel, setAsideAfter } from './as-of';

/**
 * Whether a statement holds, given everything on the map (see docs/evaluation.md):
 * - `stands` — none of its attackers stands, and (if it needs support) one of its inferences carries it;
 * - `defeated` — an attacker that stands defeats it;
 * - `unsupported` — it needs support (a claim or the thesis) and none of its inferences carries it;
 * - `contested` — neither can be settled: it sits in, or depends on, a cycle of attacks with no way out;
 * - `later` — judged as of a month before the facts it relies on were known (`asOf`): set aside, it
 *   neither attacks nor supports anything in that judgement.
 */
export type Status = 'stands' | 'defeated' | 'contested' | 'unsupported' | 'later';

export const STATUSES: readonly Status[] = ['stands', 'defeated', 'contested', 'unsupported', 'later'];

/** Kinds that are only as good as their reasons; the others are taken as asserted until attacked. */
export const NEEDS_SUPPORT: ReadonlySet<NodeKind> = new Set<NodeKind>(['thesis', 'claim']);

export interface NodeEvaluation {
  status: Status;
  /** Attackers that stand (why it is defeated). */
  defeatedBy: string[];
  /** Attackers that are themselves contested (why it is contested). */
  contestedBy: string[];
  /** Its inferences that carry it. */
  carriedBy: string[];
  /** Its inferences that fail (why it is unsupported). */
  failedInferences: string[];
  /** True when a viewer asked to assume this node is rejected ("what if"). */
  assumedRejected: boolean;
}

export interface InferenceEvaluation {
  /** `true`: the premises all stand and no undercut stands; `false`: it fails; `null`: undecided. */
  carries: boolean | null;
  /** Premises that do not stand (defeated, unsupported or assumed rejected). */
  failedPremises: string[];
  /** Undercutters that stand. */
  undercutBy: string[];
  /** Set when the step is set aside by a judgement "as of" a month (a premise or its conclusion is later). */
  later?: true;
}

export interface Evaluation {
  nodes: Record<string, NodeEvaluation>;
  inferences: Record<string, InferenceEvaluation>;
  /** The thesis's status, or null when the map has no thesis. */
  thesis: Status | null;
  /** The month the map was judged as of (`YYYY-MM`), or null: judged with everything on it (today). */
  asOf: string | null;
}

export interface EvaluateOptions {
  /** Nodes a viewer assumes are rejected: they count as not standing, whatever supports them. */
  assumeRejected?: Iterable<string>;
  /**
   * Judge the map as of this month (`YYYY-MM`): points whose `asOf` is later are set aside, with
   * the steps they are premises of and the attacks they make or take (see ./as-of.ts).
   */
  asOf?: string | null;
}

type Label = 'in' | 'out' | undefined;

/** How many of a node's (or an inference's) attackers, premises or steps are settled each way so far. */
interface Tally {
  in: number;
  out: number;
}

const tally = (): Tally => ({ in: 0, out: 0 });

/**
 * Computes every node's status with grounded semantics (Dung 1995) extended to support: the least
 * fixpoint of the rules below, so whatever it settles is settled by the structure alone and
 * everything caught in a cycle of attack stays undecided ("contested").
 *
 * - An inference is **in** when all its premises are in and all its undercutters are out;
 *   **out** when a premise is out or an undercutter is in.
 * - A node is **out** (defeated) when an attacker is in; **out** (unsupported) when it needs support
 *   and every one of its inferences is out (or it has none); **in** when every attacker is out and,
 *   if it needs support, some inference is in.
 *
 * Runs in time linear in the size of the graph: a worklist where each item is decided once, from
 * running counts of its settled neighbours (so a point with thousands of attackers or reasons is
 * not re-read each time one of them settles).
 *
 * @example
 * // C attacks B attacks A: C stands, B is defeated, A stands again (reinstatement).
 */
export function evaluate(whole: ArgumentGraph, options: EvaluateOptions = {}): Evaluation {
  const asOf = options.asOf ?? null;
  const { graph, later, laterInferences } = setAsideAfter(whole, asOf);
  const assumed = new Set(options.assumeRejected ?? []);
  const nodeIds = graph.nodes.map((n) => n.id);
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));

  const attackersOf = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  const inferencesOf = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  const premiseOf = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  const attacksNodes = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  const attacksInferences = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  const undercuttersOf = new Map<string, string[]>(graph.inferences.map((i) => [i.id, []]));
  const premisesOf = new Map<string, string[]>(graph.inferences.map((i) => [i.id, i.premises]));
  const conclusionOf = new Map<string, string>(graph.inferences.map((i) => [i.id, i.conclusion]));

  for (const inf of graph.inferences) {
    inferencesOf.get(inf.conclusion)?.push(inf.id);
    for (const p of inf.premises) premiseOf.get(p)?.push(inf.id);
  }
  for (const c of graph.conflicts) {
    if (isNodeTarget(c.target)) {
      if (!attackersOf.has(c.target.node)) continue;
      attackersOf.get(c.target.node)!.push(c.attacker);
      attacksNodes.get(c.attacker)?.push(c.target.node);
    } else {
      if (!undercuttersOf.has(c.target.inference)) continue;
      undercuttersOf.get(c.target.inference)!.push(c.attacker);
      attacksInferences.get(c.attacker)?.push(c.target.inference);
    }
  }

  const nodeLabel = new Map<string, Label>();
  const infLabel = new Map<string, Label>();
  // Settled neighbours so far, counted once per occurrence in the lists above.
  const attackersSettled = new Map(nodeIds.map((id) => [id, tally()]));
  const stepsSettled = new Map(nodeIds.map((id) => [id, tally()]));
  const premisesSettled = new Map(graph.inferences.map((i) => [i.id, tally()]));
  const undercuttersSettled = new Map(graph.inferences.map((i) => [i.id, tally()]));
  const nodeQueue: string[] = [...nodeIds];
  const infQueue: string[] = graph.inferences.map((i) => i.id);

  const settleNode = (id: string, label: 'in' | 'out') => {
    nodeLabel.set(id, label);
    for (const target of attacksNodes.get(id)!) {
      attackersSettled.get(target)![label] += 1;
      nodeQueue.push(target);
    }
    for (const inf of attacksInferences.get(id)!) {
      undercuttersSettled.get(inf)![label] += 1;
      infQueue.push(inf);
    }
    for (const inf of premiseOf.get(id)!) {
      premisesSettled.get(inf)![label] += 1;
      infQueue.push(inf);
    }
  };
  const settleInference = (id: string, label: 'in' | 'out') => {
    infLabel.set(id, label);
    const conclusion = conclusionOf.get(id)!;
    const steps = stepsSettled.get(conclusion);
    if (!steps) return;
    steps[label] += 1;
    nodeQueue.push(conclusion);
  };

  for (const id of nodeIds) if (assumed.has(id)) settleNode(id, 'out');

  const decideInference = (id: string): Label => {
    const premises = premisesSettled.get(id)!;
    const undercutters = undercuttersSettled.get(id)!;
    if (premises.out > 0 || undercutters.in > 0) return 'out';
    if (premises.in === premisesOf.get(id)!.length && undercutters.out === undercuttersOf.get(id)!.length) return 'in';
    return undefined;
  };
  const decideNode = (id: string): Label => {
    const attackers = attackersSettled.get(id)!;
    if (attackers.in > 0) return 'out';
    const needs = NEEDS_SUPPORT.has(kindOf.get(id)!);
    const steps = stepsSettled.get(id)!;
    const stepCount = inferencesOf.get(id)!.length;
    if (needs && steps.out === stepCount) return 'out';
    if (attackers.out === attackersOf.get(id)!.length && (!needs || steps.in > 0)) return 'in';
    return undefined;
  };

  while (nodeQueue.length > 0 || infQueue.length > 0) {
    if (infQueue.length > 0) {
      const id = infQueue.pop()!;
      if (infLabel.get(id) !== undefined) continue;
      const label = decideInference(id);
      if (label !== undefined) settleInference(id, label);
    } else {
      const id = nodeQueue.pop()!;
      if (nodeLabel.get(id) !== undefined) continue;
      const label = decideNode(id);
      if (label !== undefined) settleNode(id, label);
    }
  }

  const inferences: Record<string, InferenceEvaluation> = {};
  for (const inf of graph.inferences) {
    const label = infLabel.get(inf.id);
    inferences[inf.id] = {
      carries: label === 'in' ? true : label === 'out' ? false : null,
      failedPremises: inf.premises.filter((p) => nodeLabel.get(p) === 'out'),
      undercutBy: undercuttersOf.get(inf.id)!.filter((u) => nodeLabel.get(u) === 'in'),
    };
  }
  for (const id of laterInferences) inferences[id] = { carries: null, failedPremises: [], undercutBy: [], later: true };
  const nodes: Record<string, NodeEvaluation> = {};
  for (const id of later) {
    nodes[id] = { status: 'later', defeatedBy: [], contestedBy: [], carriedBy: [], failedInferences: [], assumedRejected: false };
  }
  for (const id of nodeIds) {
    const label = nodeLabel.get(id);
    const attackers = attackersOf.get(id)!;
    const defeatedBy = attackers.filter((a) => nodeLabel.get(a) === 'in');
    const own = inferencesOf.get(id)!;
    let status: Status;
    if (label === 'in') status = 'stands';
    else if (label === 'out') status = defeatedBy.length > 0 || assumed.has(id) ? 'defeated' : 'unsupported';
    else status = 'contested';
    nodes[id] = {
      status,
      defeatedBy,
      contestedBy: attackers.filter((a) => nodeLabel.get(a) === undefined),
      carriedBy: own.filter((i) => infLabel.get(i) === 'in'),
      failedInferences: own.filter((i) => infLabel.get(i) === 'out'),
      assumedRejected: assumed.has(id),
    };
  }
  const thesis = graph.nodes.find((n) => n.kind === 'thesis');
  return { nodes, inferences, thesis: thesis ? nodes[thesis.id].status : null, asOf };
}

/** Short labels for statuses, as badges show them. */
export const STATUS_LABELS: Record<Status, string> = {
  stands: 'Stands',
  defeated: 'Defeated',
  contested: 'Contested',
  unsupported: 'Unsupported',
  later: 'Later',
};

const attackCountCache = new WeakMap<readonly Conflict[], { size: number; counts: Map<string, number> }>();

/**
 * How many conflicts attack each node, counted once per list of conflicts (views are replaced, not
 * edited; the size guards against a list grown in place): the canvas explains every card's status,
 * and scanning all conflicts for each card would be quadratic.
 */
function attackCounts(conflicts: readonly Conflict[]): Map<string, number> {
  const cached = attackCountCache.get(conflicts);
  if (cached && cached.size === conflicts.length) return cached.counts;
  const counts = new Map<string, number>();
  for (const c of conflicts) if (isNodeTarget(c.target)) counts.set(c.target.node, (counts.get(c.target.node) ?? 0) + 1);
  attackCountCache.set(conflicts, { size: conflicts.length, counts });
  return counts;
}

const judgedCache = new WeakMap<Evaluation, { attacks: Map<string, number>; laterSteps: Set<string>; asOfOf: Map<string, string> }>();

/**
 * What explaining a judgement "as of" a month needs, found once per evaluation (linear): attacks
 * counted without the attackers set aside, the points with a step set aside, the later points' months.
 */
function judgedFacts(graph: ArgumentGraph, evaluation: Evaluation) {
  let facts = judgedCache.get(evaluation);
  if (facts) return facts;
  const later = (id: string) => evaluation.nodes[id]?.status === 'later';
  const attacks = new Map<string, number>();
  for (const c of graph.conflicts) if (isNodeTarget(c.target) && !later(c.attacker)) attacks.set(c.target.node, (attacks.get(c.target.node) ?? 0) + 1);
  const laterSteps = new Set<string>();
  for (const inf of graph.inferences) if (evaluation.inferences[inf.id]?.later) laterSteps.add(inf.conclusion);
  const asOfOf = new Map<string, string>();
  for (const n of graph.nodes) if (n.asOf && later(n.id)) asOfOf.set(n.id, n.asOf);
  facts = { attacks, laterSteps, asOfOf };
  judgedCache.set(evaluation, facts);
  return facts;
}

/**
 * Says in one or two sentences why a node has its status, naming the points responsible.
 * `textOf` gives a node's words (shortened by the caller if it likes).
 *
 * @example "Defeated by “The 2009 test came after the outreach”, which nothing answers."
 */
export function explainStatus(graph: ArgumentGraph, evaluation: Evaluation, nodeId: string, textOf: (id: string) => string): string {
  const ev = evaluation.nodes[nodeId];
  if (!ev) return '';
  const quote = (id: string) => `“${textOf(id)}”`;
  const judged = evaluation.asOf ? judgedFacts(graph, evaluation) : null;
  const attacksOn = judged?.attacks ?? attackCounts(graph.conflicts);
  const answered = (id: string) => (attacksOn.get(id) ?? 0) > 0;
  if (ev.assumedRejected) return 'You are assuming this is rejected (what-if); nothing is saved.';
  switch (ev.status) {
    case 'defeated': {
      const [first, ...rest] = ev.defeatedBy;
      const more = rest.length > 0 ? ` and ${rest.length} more` : '';
      return `Defeated by ${quote(first)}${more}, which ${answered(first) ? 'stands: its answers are themselves defeated' : 'nothing answers'}.`;
    }
    case 'unsupported': {
      if (ev.failedInferences.length === 0) {
        return judged?.laterSteps.has(nodeId)
          ? `Unsupported as of ${monthLabel(evaluation.asOf!)}: its reasons rest on facts known only later, and are set aside.`
          : 'Unsupported: no reasons are given for it yet.';
      }
      const why = ev.failedInferences.map((infId) => {
        const inf = evaluation.inferences[infId];
        if (inf.undercutBy.length > 0) return `a step is undercut by ${quote(inf.undercutBy[0])}`;
        return `${quote(inf.failedPremises[0])} does not stand`;
      });
      return `Unsupported: none of its reasons carries it (${why.join('; ')}).`;
    }
    case 'contested': {
      if (ev.contestedBy.length > 0) return `Contested: ${quote(ev.contestedBy[0])} attacks it and neither side can be settled.`;
      return 'Contested: its reasons depend on points that are themselves contested.';
    }
    case 'later': {
      const asOf = judged?.asOfOf.get(nodeId);
      const when = asOf ? ` on facts known in ${monthLabel(asOf)}` : '';
      return `Later: it relies${when}, after ${evaluation.asOf ? monthLabel(evaluation.asOf) : 'the month judged'}; set aside in this judgement.`;
    }
    case 'stands': {
      const attackers = attacksOn.get(nodeId) ?? 0;
      const answeredNote = attackers > 0 ? ` Every objection to it (${attackers}) is answered.` : ' Nothing attacks it.';
      const carried = ev.carriedBy.length > 0 ? ` Carried by ${ev.carriedBy.length} line${ev.carriedBy.length === 1 ? '' : 's'} of reasoning.` : '';
      return `Stands.${answeredNote}${carried}`;
    }
  }
}
