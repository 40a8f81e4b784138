import { nodesReachingAny, rootIds } from './graph';
import { isNodeTarget, type ArgumentGraph, type Inference } from './model';

/**
 * How a row stands to the row above it.
 * - `supports` — the row is (one of) the premises of a step whose conclusion is the parent point.
 * - `attacks` — the row disputes the parent point (an objection, or a rebuttal of an objection).
 * - `undercuts` — the row grants the parent reason but denies that it carries its conclusion: it
 *   attacks the step of reasoning, so it sits under that step's reason row (or its "together" row).
 * - `null` — a top-level row (the thesis, a top-level conclusion, or the "Not connected yet" group).
 */
export type OutlineRelation = 'supports' | 'attacks' | 'undercuts' | null;

/**
 * One row of the outline.
 * - `node` — a statement. A statement reachable along two paths is listed in full the first time
 *   (depth-first, reasons before objections) and as a `repeat` without children afterwards, so the
 *   outline is finite even when the graph has cycles.
 * - `step` — the "together" row of a step with linked premises: they support the conclusion only
 *   together, so they are listed under it (and undercuts of the step after them).
 * - `group` — the closing "Not connected yet" group: points from which no path leads to the thesis.
 */
export interface OutlineRow {
  /**
   * Unique and stable within one outline, for expansion state and React keys: the node's id at the
   * top, else the relation that places the row and its node (`<inference or conflict id>:<node id>`,
   * `step:<inference id>`). Its length does not grow with the depth of the row.
   */
  key: string;
  type: 'node' | 'step' | 'group';
  /** The statement of a `node` row; `null` for `step` and `group` rows. */
  nodeId: string | null;
  /** For `step` rows, the step; for `supports` rows, the step the node is a premise of; for `undercuts` rows, the step undercut. */
  inferenceId: string | null;
  /** For `attacks` and `undercuts` rows, the conflict. */
  conflictId: string | null;
  /** 1 for top-level rows (it is the row's `aria-level`). */
  depth: number;
  relation: OutlineRelation;
  /** The point this row supports or attacks (for an undercut: the reason whose step it attacks). */
  parentId: string | null;
  parentText: string | null;
  /** The key of the row this one is nested under. */
  parentKey: string | null;
  /** For a premise listed under a "together" row: how many premises the step has. */
  linkedCount: number;
  /** Listed in full elsewhere in the outline; shown here without its children. */
  repeat: boolean;
  children: OutlineRow[];
}

/** The group of points from which no path leads to the thesis. */
export const UNCONNECTED_KEY = 'unconnected';

type Graph = Pick<ArgumentGraph, 'nodes' | 'inferences' | 'conflicts'>;

/**
 * Builds the outline of a map: the thesis, under it its reasons (linked premises of one step
 * grouped in a "together" row), under each reason its own reasons, then the objections to it and the
 * undercuts of its step; rebuttals under the objections they answer. Points not connected to the
 * thesis close the outline in a "Not connected yet" group. A map without a thesis (an imported one)
 * starts from each top-level conclusion instead.
 *
 * @example for thesis ← claim ← evidence, with objection → claim:
 *   thesis / claim (supports) / evidence (supports), objection (attacks)
 */
export function buildOutline(graph: Graph): OutlineRow[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const stepsInto = groupBy(graph.inferences, (i) => i.conclusion);
  const attacksOn = groupBy(
    graph.conflicts.filter((c) => isNodeTarget(c.target)),
    (c) => (c.target as { node: string }).node,
  );
  const undercutsOf = groupBy(
    graph.conflicts.filter((c) => !isNodeTarget(c.target)),
    (c) => (c.target as { inference: string }).inference,
  );
  const listed = new Set<string>();
  const usedKeys = new Set<string>();
  /** The key itself, or — for a step that names one premise twice — the key with a counter. */
  const uniqueKey = (candidate: string) => {
    let key = candidate;
    for (let n = 2; usedKeys.has(key); n++) key = `${candidate}#${n}`;
    usedKeys.add(key);
    return key;
  };

  interface NodePlace {
    parentKey: string | null;
    depth: number;
    relation: OutlineRelation;
    parentId: string | null;
    via: string;
    inferenceId?: string;
    conflictId?: string;
    linkedCount?: number;
    stepOf?: Inference;
  }
  /** A row still to be made, and the list of children it goes into. */
  type Pending =
    | { type: 'node'; nodeId: string; at: NodePlace; into: OutlineRow[] }
    | { type: 'step'; step: Inference; parentKey: string; depth: number; into: OutlineRow[] };

  const undercutRows = (step: Inference, parentKey: string, reasonId: string | null, depth: number, into: OutlineRow[]): Pending[] =>
    (undercutsOf.get(step.id) ?? []).map((conflict) => ({
      type: 'node',
      nodeId: conflict.attacker,
      at: { parentKey, depth, relation: 'undercuts', parentId: reasonId, via: conflict.id, inferenceId: step.id, conflictId: conflict.id },
      into,
    }));

  /** Makes the row of `pending` and returns the rows to make under it, in order. */
  function makeRow(pending: Pending): Pending[] {
    if (pending.type === 'step') {
      const { step, parentKey, depth } = pending;
      const key = uniqueKey(`step:${step.id}`);
      const row: OutlineRow = {
        key,
        type: 'step',
        nodeId: null,
        inferenceId: step.id,
        conflictId: null,
        depth,
        relation: 'supports',
        parentId: step.conclusion,
        parentText: byId.get(step.conclusion)?.text ?? null,
        parentKey,
        linkedCount: step.premises.length,
        repeat: false,
        children: [],
      };
      pending.into.push(row);
      const below: Pending[] = step.premises.map((premise) => ({
        type: 'node',
        nodeId: premise,
        at: {
          parentKey: key,
          depth: depth + 1,
          relation: 'supports',
          parentId: step.conclusion,
          via: step.id,
          inferenceId: step.id,
          linkedCount: step.premises.length,
        },
        into: row.children,
      }));
      return [...below, ...undercutRows(step, key, step.premises[0] ?? null, depth + 1, row.children)];
    }
    const { nodeId, at } = pending;
    const key = uniqueKey(at.parentKey === null ? nodeId : `${at.via}:${nodeId}`);
    const repeat = listed.has(nodeId);
    listed.add(nodeId);
    const row: OutlineRow = {
      key,
      type: 'node',
      nodeId,
      inferenceId: at.inferenceId ?? null,
      conflictId: at.conflictId ?? null,
      depth: at.depth,
      relation: at.relation,
      parentId: at.parentId,
      parentText: at.parentId === null ? null : (byId.get(at.parentId)?.text ?? null),
      parentKey: at.parentKey,
      linkedCount: at.linkedCount ?? 0,
      repeat,
      children: [],
    };
    pending.into.push(row);
    // Listed again: its reasons and objections are where it first appears, but a lone premise still
    // stands for this step, whose undercuts belong here and nowhere else.
    if (repeat) return at.stepOf ? undercutRows(at.stepOf, key, nodeId, at.depth + 1, row.children) : [];
    const depth = at.depth + 1;
    const below: Pending[] = [];
    for (const step of stepsInto.get(nodeId) ?? []) {
      if (step.premises.length > 1) {
        below.push({ type: 'step', step, parentKey: key, depth, into: row.children });
      } else if (step.premises.length === 1) {
        below.push({
          type: 'node',
          nodeId: step.premises[0],
          at: { parentKey: key, depth, relation: 'supports', parentId: nodeId, via: step.id, inferenceId: step.id, stepOf: step },
          into: row.children,
        });
      }
    }
    for (const conflict of attacksOn.get(nodeId) ?? []) {
      below.push({
        type: 'node',
        nodeId: conflict.attacker,
        at: { parentKey: key, depth, relation: 'attacks', parentId: nodeId, via: conflict.id, conflictId: conflict.id },
        into: row.children,
      });
    }
    // A lone premise stands for its step: the undercuts of that step hang under it.
    return at.stepOf ? [...below, ...undercutRows(at.stepOf, key, nodeId, depth, row.children)] : below;
  }

  /**
   * Makes the rows of `start` and everything under them depth-first (a point is listed in full the
   * first time it is met in reading order), with an explicit stack: a chain thousands of points
   * deep must not exhaust the call stack.
   */
  function grow(start: Pending[]): void {
    const stack = [...start].reverse();
    while (stack.length > 0) {
      const below = makeRow(stack.pop()!);
      for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]);
    }
  }

  const thesis = graph.nodes.find((n) => n.kind === 'thesis');
  const fullGraph: ArgumentGraph = { nodes: graph.nodes, inferences: graph.inferences, conflicts: graph.conflicts };
  let tops: string[];
  if (thesis) {
    tops = [thesis.id];
  } else {
    // Without a thesis, each top-level conclusion that something supports or attacks leads a tree.
    const pointedAt = new Set(graph.inferences.map((i) => i.conclusion));
    for (const c of graph.conflicts) if (isNodeTarget(c.target)) pointedAt.add(c.target.node);
    tops = rootIds(fullGraph).filter((id) => pointedAt.has(id));
  }
  const rows: OutlineRow[] = [];
  grow(tops.map((id) => ({ type: 'node', nodeId: id, at: { parentKey: null, depth: 1, relation: null, parentId: null, via: '' }, into: rows })));

  const connected = nodesReachingAny(fullGraph, tops);
  const loose = graph.nodes.filter((n) => !connected.has(n.id));
  if (loose.length > 0) {
    const group: OutlineRow = {
      key: UNCONNECTED_KEY,
      type: 'group',
      nodeId: null,
      inferenceId: null,
      conflictId: null,
      depth: 1,
      relation: null,
      parentId: null,
      parentText: null,
      parentKey: null,
      linkedCount: 0,
      repeat: false,
      children: [],
    };
    usedKeys.add(UNCONNECTED_KEY);
    // Start from the loose points that point at no other loose point, then from whatever a cycle left.
    const looseIds = new Set(loose.map((n) => n.id));
    const pointsAtLoose = new Set<string>();
    for (const inf of graph.inferences) if (looseIds.has(inf.conclusion)) for (const p of inf.premises) pointsAtLoose.add(p);
    const conclusionOf = new Map(graph.inferences.map((i) => [i.id, i.conclusion]));
    for (const c of graph.conflicts) {
      const to = isNodeTarget(c.target) ? c.target.node : conclusionOf.get(c.target.inference);
      if (to !== undefined && looseIds.has(to)) pointsAtLoose.add(c.attacker);
    }
    const starts = [...loose.filter((n) => !pointsAtLoose.has(n.id)), ...loose.filter((n) => pointsAtLoose.has(n.id))];
    for (const n of starts) {
      if (listed.has(n.id)) continue;
      grow([{ type: 'node', nodeId: n.id, at: { parentKey: UNCONNECTED_KEY, depth: 2, relation: null, parentId: null, via: 'loose' }, into: group.children }]);
    }
    rows.push(group);
  }
  return rows;
}

/** Every row of the outline in reading order (depth-first), whether or not its parent is expanded. */
export function allRows(rows: readonly OutlineRow[]): OutlineRow[] {
  return visibleRows(rows, () => true);
}

/** The rows a person can see: those whose every ancestor is expanded, in reading order. */
export function visibleRows(rows: readonly OutlineRow[], isExpanded: (row: OutlineRow) => boolean): OutlineRow[] {
  const out: OutlineRow[] = [];
  // An explicit stack of lists and positions: an outline can be thousands of rows deep.
  const stack = [{ list: rows, next: 0 }];
  while (stack.length > 0) {
    const level = stack[stack.length - 1];
    if (level.next === level.list.length) {
      stack.pop();
      continue;
    }
    const row = level.list[level.next++];
    out.push(row);
    if (row.children.length > 0 && isExpanded(row)) stack.push({ list: row.children, next: 0 });
  }
  return out;
}

/**
 * Where a selection lives in the outline: the first full (non-repeat) row of a node, or for a step
 * its "together" row — or, for a single-premise step, its premise's row.
 */
export function homeRowKey(rows: readonly OutlineRow[], selection: { type: 'node' | 'inference'; id: string }): string | null {
  const every = allRows(rows);
  const found =
    selection.type === 'node'
      ? every.find((r) => r.type === 'node' && r.nodeId === selection.id && !r.repeat)
      : (every.find((r) => r.type === 'step' && r.inferenceId === selection.id) ??
        every.find((r) => r.type === 'node' && r.relation === 'supports' && r.inferenceId === selection.id));
  return found?.key ?? null;
}

/** The keys of a row's ancestors, outermost first (what must be expanded to show it). */
export function ancestorKeys(rows: readonly OutlineRow[], key: string): string[] {
  const parentOf = new Map(allRows(rows).map((r) => [r.key, r.parentKey]));
  const out: string[] = [];
  let at = parentOf.get(key) ?? null;
  while (at !== null) {
    out.push(at);
    at = parentOf.get(at) ?? null;
  }
  return out.reverse();
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** At most this many matches of a search are opened up in the outline (the first, in reading order). */
export const OUTLINE_MATCHES_OPENED = 200;

/**
 * The rows to open so that the rows of the nodes in `matches` show: their ancestors, for the first
 * {@link OUTLINE_MATCHES_OPENED} matching rows in reading order. One pass over the outline, and
 * each ancestor is visited once however many matches share it.
 */
export function keysOpeningMatches(rows: readonly OutlineRow[], matches: ReadonlySet<string>): string[] {
  const ordered = allRows(rows);
  const parentOf = new Map(ordered.map((r) => [r.key, r.parentKey]));
  const open = new Set<string>();
  let found = 0;
  for (const row of ordered) {
    if (found >= OUTLINE_MATCHES_OPENED) break;
    if (row.nodeId === null || !matches.has(row.nodeId)) continue;
    found++;
    for (let at = parentOf.get(row.key) ?? null; at !== null && !open.has(at); at = parentOf.get(at) ?? null) open.add(at);
  }
  return [...open];
}

/** The map's nodes in the outline's reading order, each once (where it first appears). */
export function readingOrder(rows: readonly OutlineRow[]): string[] {
  const seen = new Set<string>();
  for (const row of allRows(rows)) if (row.nodeId !== null) seen.add(row.nodeId);
  return [...seen];
}
