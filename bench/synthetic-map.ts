/**
 * Synthetic argument maps for benchmarks: graphs in the shape of lib/argument/model.ts that look
 * like a large hand-made analysis, generated from a seed so every run sees the same graph.
 */
import type { ArgNode, ArgumentGraph, Conflict, Inference, NodeKind } from '../lib/argument/model';

/** Share of inferences whose premises are linked (2–3 premises that support only together). */
export const LINKED_SHARE = 0.15;
/** Share of supporting statements (thesis, claims, premises, evidence) that an objection attacks. */
export const ATTACKED_SHARE = 0.2;
/** Share of objections that are answered by a rebuttal. */
export const REBUTTED_SHARE = 0.35;
/** Share of inferences that are undercut (attacked as a step of reasoning, not in their premises). */
export const UNDERCUT_SHARE = 0.03;
/**
 * Chance that the next group of a conclusion's reasons is linked, when at least two are left.
 * Higher than {@link LINKED_SHARE} because a conclusion's last reason can only stand alone;
 * 0.21 gives 15–17% linked inferences at 250–2,000 nodes (seed 20261127).
 */
const LINKED_GROUP_CHANCE = 0.21;
/** Supporting statements per cross-link (a leaf that also supports a second, unrelated claim). */
const NODES_PER_CROSS_LINK = 100;
/** Chance that a statement below the second level is left as a leaf instead of getting reasons. */
const EARLY_LEAF_CHANCE = 0.25;

/** Mulberry32: a small, fast 32-bit PRNG. Returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded graph of exactly `nodeCount` statements:
 * - one thesis at the root of a tree of claims whose leaves are evidence and premises; every
 *   statement that has reasons has 3–5 of them, and some branches stop early, so depth varies;
 * - the reasons of a conclusion are grouped into inferences, about {@link LINKED_SHARE} of them
 *   linked (2–3 premises, one of them an unstated premise — the warrant);
 * - a few cross-links: a leaf that also supports a second claim elsewhere in the tree;
 * - about {@link ATTACKED_SHARE} of the supporting statements attacked by an objection,
 *   about {@link REBUTTED_SHARE} of objections answered by a rebuttal, and about
 *   {@link UNDERCUT_SHARE} of inferences undercut.
 *
 * Node order is the order a map would be written in: the tree breadth-first, then objections,
 * undercuts and rebuttals. The same `(nodeCount, seed)` always gives the same graph.
 *
 * @example syntheticGraph(1000, 42).nodes.length === 1000
 */
export function syntheticGraph(nodeCount: number, seed: number): ArgumentGraph {
  if (!Number.isInteger(nodeCount) || nodeCount < 1) throw new RangeError(`nodeCount must be a positive integer, got ${nodeCount}`);
  const random = mulberry32(seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const shuffled = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };

  // Expected attackers per supporting statement, to split the node budget before building.
  const attackersPerSupport = ATTACKED_SHARE * (1 + REBUTTED_SHARE) + UNDERCUT_SHARE * 0.8;
  const supportCount = Math.max(1, Math.round(nodeCount / (1 + attackersPerSupport)));

  // ── The support tree, breadth-first ────────────────────────────────────────────────────────
  const depth: number[] = [0];
  const reasonsOf: number[][] = [[]];
  const queue = [0];
  for (let head = 0; depth.length < supportCount; head++) {
    const parent = queue[head];
    const lastInQueue = head === queue.length - 1;
    if (depth[parent] >= 2 && !lastInQueue && random() < EARLY_LEAF_CHANCE) continue;
    const branching = Math.min(between(3, 5), supportCount - depth.length);
    for (let k = 0; k < branching; k++) {
      const child = depth.length;
      depth.push(depth[parent] + 1);
      reasonsOf.push([]);
      reasonsOf[parent].push(child);
      queue.push(child);
    }
  }

  const kinds: NodeKind[] = depth.map((_, i) => (i === 0 ? 'thesis' : reasonsOf[i].length > 0 ? 'claim' : random() < 0.6 ? 'evidence' : 'premise'));
  const implicit = depth.map(() => false);
  const nodeId = (i: number) => `n${i}`;

  // ── Inferences: group each conclusion's reasons, some of them linked ───────────────────────
  const inferences: Inference[] = [];
  const inferenceOf = (conclusion: number, premises: number[]) =>
    inferences.push({ id: `inf${inferences.length}`, conclusion: nodeId(conclusion), premises: premises.map(nodeId), scheme: null });
  for (let conclusion = 0; conclusion < supportCount; conclusion++) {
    const reasons = reasonsOf[conclusion];
    for (let r = 0; r < reasons.length;) {
      const left = reasons.length - r;
      const size = left >= 2 && random() < LINKED_GROUP_CHANCE ? Math.min(left, between(2, 3)) : 1;
      const group = reasons.slice(r, r + size);
      if (size > 1) {
        // The last premise of a linked group is the warrant; make a leaf warrant unstated.
        const warrant = group[group.length - 1];
        if (reasonsOf[warrant].length === 0) {
          kinds[warrant] = 'premise';
          implicit[warrant] = true;
        }
      }
      inferenceOf(conclusion, group);
      r += size;
    }
  }

  // ── Cross-links: a leaf also supports a claim on another branch (leaves have no reasons, so no cycle) ──
  const leaves = depth.map((_, i) => i).filter((i) => i > 0 && reasonsOf[i].length === 0 && !implicit[i]);
  const claims = depth.map((_, i) => i).filter((i) => kinds[i] === 'claim');
  const crossLinks = supportCount < 20 ? 0 : Math.max(2, Math.round(supportCount / NODES_PER_CROSS_LINK));
  const parentOf = new Map<number, number>();
  reasonsOf.forEach((reasons, parent) => reasons.forEach((child) => parentOf.set(child, parent)));
  for (const leaf of shuffled(leaves).slice(0, claims.length > 1 ? crossLinks : 0)) {
    let target = pick(claims);
    while (target === parentOf.get(leaf)) target = pick(claims);
    inferenceOf(target, [leaf]);
  }

  const nodes: ArgNode[] = depth.map((_, i) => ({
    id: nodeId(i),
    kind: kinds[i],
    text: `${kinds[i]} ${i}: a statement long enough to wrap onto a second line of its card`,
    quote: null,
    implicit: implicit[i],
    author: 'Synthetic',
    position: null,
    version: 1,
  }));

  // ── Attacks: split the remaining budget into undercuts, objections and rebuttals ───────────
  const conflicts: Conflict[] = [];
  const addAttacker = (kind: 'objection' | 'rebuttal', target: Conflict['target']) => {
    const id = nodeId(nodes.length);
    nodes.push({
      id,
      kind,
      text: `${kind} ${nodes.length}: disputes what it points at`,
      quote: null,
      implicit: false,
      author: 'Synthetic',
      position: null,
      version: 1,
    });
    conflicts.push({ id: `con${conflicts.length}`, attacker: id, target });
    return id;
  };
  const budget = nodeCount - supportCount;
  const undercutCount = Math.min(budget, Math.round(UNDERCUT_SHARE * inferences.length));
  const objectionCount = Math.ceil((budget - undercutCount) / (1 + REBUTTED_SHARE));
  const rebuttalCount = budget - undercutCount - objectionCount;

  const attacked = shuffled(depth.map((_, i) => i));
  const objections: string[] = [];
  for (let k = 0; k < objectionCount; k++) objections.push(addAttacker('objection', { node: nodeId(attacked[k % attacked.length]) }));
  for (const inference of shuffled(inferences).slice(0, undercutCount)) {
    objections.push(addAttacker('objection', { inference: inference.id }));
  }
  const rebutted = shuffled(objections);
  for (let k = 0; k < rebuttalCount; k++) addAttacker('rebuttal', { node: rebutted[k % rebutted.length] });

  return { nodes, inferences, conflicts };
}
