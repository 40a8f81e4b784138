/**
 * The argument model: statements (nodes), inferences and conflicts.
 *
 * This is the shape of the Argument Interchange Format (AIF): statements are
 * I-nodes, an {@link Inference} is an RA-node (premises → conclusion) and a
 * {@link Conflict} is a CA-node (attacker → target). Everything in
 * `lib/argument/` is plain TypeScript: no React, Next or Prisma.
 */

/** What a statement is doing in the argument. */
export const NODE_KINDS = ['thesis', 'claim', 'premise', 'evidence', 'objection', 'rebuttal'] as const;

/**
 * - `thesis` — the author's overall conclusion; exactly one per map.
 * - `claim` — an intermediate conclusion that itself supports something.
 * - `premise` — a general statement a step of reasoning relies on (may be unstated: `implicit`).
 * - `evidence` — a fact, event or testimony the author cites.
 * - `objection` — a point that attacks a statement or an inference.
 * - `rebuttal` — an answer to an objection (it attacks the objection).
 */
export type NodeKind = (typeof NODE_KINDS)[number];

/** Kinds a point can be changed between: the reasoning kinds and the thesis (attackers stay attackers). */
export const RETYPABLE_KINDS = ['thesis', 'claim', 'premise', 'evidence'] as const;
export type RetypableKind = (typeof RETYPABLE_KINDS)[number];

/** Kinds a person can add under another point (the thesis is placed on its own). */
export const ADDABLE_KINDS = ['claim', 'premise', 'evidence', 'objection', 'rebuttal'] as const;
export type AddableKind = (typeof ADDABLE_KINDS)[number];

/** Kinds whose job is to attack; they enter a map through a {@link Conflict}. */
export const ATTACKING_KINDS: readonly NodeKind[] = ['objection', 'rebuttal'];

/** Kinds that enter a map as reasons; they enter through an {@link Inference}. */
export const SUPPORTING_KINDS: readonly NodeKind[] = ['claim', 'premise', 'evidence'];

/**
 * A relation between two statements, as the flat edge view names it.
 * - `supports` — the source is (one of) the premises of an inference whose conclusion is the target.
 * - `attacks` — the source disputes the target: it says the target is false (a rebuttal of an
 *   objection is also an attack), or — when `undercut` is set on the edge — that the target
 *   inference's premises do not carry its conclusion.
 */
export const RELATIONS = ['supports', 'attacks'] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * The stock issues of a policy debate: what a case for a change of course must show together (the
 * affirmative's four), and the two standard negative answers. See docs/evaluation.md.
 * - `harm` — the present course leads to something bad;
 * - `inherency` — the present course (its policy or attitude) is what causes or keeps the harm;
 * - `solvency` — the proposed plan would remedy it;
 * - `timeliness` — it must be done now;
 * - `disadvantage` — the plan would bring harms of its own that outweigh its gains (negative);
 * - `counterplan` — another course would do better (negative).
 */
export const STOCK_ISSUES = ['harm', 'inherency', 'solvency', 'timeliness', 'disadvantage', 'counterplan'] as const;
export type StockIssue = (typeof STOCK_ISSUES)[number];
/** The stock issues an affirmative case needs, all of them (one lost loses the round). */
export const AFFIRMATIVE_STOCK_ISSUES: readonly StockIssue[] = ['harm', 'inherency', 'solvency', 'timeliness'];
/** The negative's own lines against a policy. */
export const NEGATIVE_STOCK_ISSUES: readonly StockIssue[] = ['disadvantage', 'counterplan'];

export const STOCK_ISSUE_LABELS: Record<StockIssue, string> = {
  harm: 'Harm',
  inherency: 'Inherency',
  solvency: 'Solvency',
  timeliness: 'Timeliness',
  disadvantage: 'Disadvantage',
  counterplan: 'Counterplan',
};

/** What each stock issue asks, in a student's words. */
export const STOCK_ISSUE_QUESTIONS: Record<StockIssue, string> = {
  harm: 'Is there a harm in the present course?',
  inherency: 'Is the present course what causes or keeps the harm?',
  solvency: 'Would the proposal remedy it?',
  timeliness: 'Why now?',
  disadvantage: 'Would the proposal bring worse harms of its own?',
  counterplan: 'Would another course do better?',
};

/** Kinds that can be unstated: premises (warrants), and claims an analyst reconstructs. */
export const UNSTATABLE_KINDS: readonly NodeKind[] = ['claim', 'premise'];

/** A month, `YYYY-MM`: when the facts a point relies on were known. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A span of the map's document: `document.text.slice(start, end) === text`. Offsets are UTF-16 code units. */
export interface Quote {
  start: number;
  end: number;
  text: string;
}

export interface Position {
  x: number;
  y: number;
}

/** A statement on the map. */
export interface ArgNode {
  id: string;
  kind: NodeKind;
  /** The point in plain words. */
  text: string;
  /** The essay span this node stands for, if it quotes the essay. */
  quote: Quote | null;
  /**
   * A premise the author relies on but never states, or a claim the analyst reconstructs in their
   * own words. Implicit nodes never have a quote.
   */
  implicit: boolean;
  /** When the facts it relies on were known (`YYYY-MM`); null or absent for undated points. */
  asOf?: string | null;
  /** The stock issue this reason bears on in a policy case (or, for an objection, the negative's line). */
  stockIssue?: StockIssue | null;
  /** On the thesis: it proposes a policy, so the stock issues apply. */
  proposal?: boolean;
  /** Display name of whoever added it (the map's analyst for seeded nodes). */
  author: string;
  /** Saved canvas position; `null` means "laid out automatically". */
  position: Position | null;
  /** Incremented on every update; used for optimistic concurrency. */
  version: number;
}

/**
 * One step of reasoning: the premises together support the conclusion.
 * With one premise it is a simple reason; with several they are **linked**: they support the
 * conclusion only together (typically a piece of evidence plus the warrant connecting it to the claim).
 */
export interface Inference {
  id: string;
  conclusion: string;
  premises: string[];
  /** Argument scheme id (from the scheme catalogue), when one is named. */
  scheme: string | null;
}

/**
 * An attack. `target.node` disputes that statement; `target.inference` is an **undercut**: it grants
 * the premises but denies that they carry the conclusion.
 */
export interface Conflict {
  id: string;
  attacker: string;
  target: { node: string } | { inference: string };
  /** The critical question the attacker raises (`"<scheme>.<question>"`), when it was raised from one. */
  question?: string;
}

/** The flat view for simple clients: one edge per premise of each inference and one per conflict. */
export interface FlatEdge {
  id: string;
  from: string;
  to: string;
  relation: Relation;
  /** Set on attack edges whose conflict targets an inference; `to` is then that inference's conclusion. */
  undercut?: true;
  /** The inference (for supports and undercuts) or conflict this edge was derived from. */
  inference?: string;
  conflict?: string;
}

/** The statements, inferences and conflicts of one map. */
export interface ArgumentGraph {
  nodes: ArgNode[];
  inferences: Inference[];
  conflicts: Conflict[];
}

export function isNodeTarget(target: Conflict['target']): target is { node: string } {
  return 'node' in target;
}

/** The edge of a premise in a step: its id is the step's and the premise's (`<inference>~<premise>`). */
export function supportEdge(inference: string, premise: string, conclusion: string): FlatEdge {
  return { id: `${inference}~${premise}`, from: premise, to: conclusion, relation: 'supports', inference };
}

/** The edge of an attack: on a point, or on a step (an undercut, drawn to the step's conclusion). */
export function attackEdge(conflict: string, attacker: string, target: { node: string } | { inference: string; conclusion: string }): FlatEdge {
  return 'node' in target
    ? { id: conflict, from: attacker, to: target.node, relation: 'attacks', conflict }
    : { id: conflict, from: attacker, to: target.conclusion, relation: 'attacks', undercut: true, conflict, inference: target.inference };
}

/** Derives the flat edge view of a graph (see {@link FlatEdge}). */
export function flatEdges(graph: Pick<ArgumentGraph, 'inferences' | 'conflicts'>): FlatEdge[] {
  const conclusionOf = new Map(graph.inferences.map((inf) => [inf.id, inf.conclusion]));
  const edges: FlatEdge[] = [];
  for (const inf of graph.inferences) {
    for (const premise of inf.premises) {
      edges.push(supportEdge(inf.id, premise, inf.conclusion));
    }
  }
  for (const conflict of graph.conflicts) {
    if (isNodeTarget(conflict.target)) {
      edges.push(attackEdge(conflict.id, conflict.attacker, conflict.target));
    } else {
      const conclusion = conclusionOf.get(conflict.target.inference);
      if (conclusion !== undefined) edges.push(attackEdge(conflict.id, conflict.attacker, { inference: conflict.target.inference, conclusion }));
    }
  }
  return edges;
}

/** Human labels for each kind, used by every view. */
export const KIND_LABELS: Record<NodeKind, string> = {
  thesis: 'Thesis',
  claim: 'Claim',
  premise: 'Premise',
  evidence: 'Evidence',
  objection: 'Objection',
  rebuttal: 'Rebuttal',
};
