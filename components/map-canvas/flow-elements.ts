import type { Edge, Node } from '@xyflow/react';
import type { MapView } from '@/lib/argument/map-view';
import { inferencesWithJunction, junctionId } from '@/lib/argument/layout';
import type { Rating } from '@/lib/argument/discussion';
import { monthLabel } from '@/lib/argument/as-of';
import { explainStatus, type Evaluation, type Status } from '@/lib/argument/evaluation';
import type { FoldedView } from '@/lib/argument/folding';
import { isNodeTarget, type ArgNode, type ArgumentGraph } from '@/lib/argument/model';
import { shorten } from '@/lib/argument/text';

/** Data of a statement card on the canvas. */
export type ArgumentNodeData = {
  node: ArgNode;
  status: Status;
  /** Why it has that status, in a sentence (shown on hover, read by screen readers). */
  why: string;
  /** This viewer assumes it is rejected (what-if). */
  assumed: boolean;
  /** Set for a few seconds when someone else just added it: their name. */
  addedBy?: string;
  /** The crowd's rating, when anyone has voted. */
  rating?: Rating;
  /** How many comments it has. */
  comments: number;
  /** Points resting on it directly, and — when this reader folded it — how many its fold puts away. */
  fold: { children: number; folded: boolean; hidden: number };
};
export type ArgumentFlowNode = Node<ArgumentNodeData, 'argument'>;

/** Data of the dot where linked premises meet (an inference). */
export type JunctionNodeData = { inferenceId: string; premiseCount: number };
export type JunctionFlowNode = Node<JunctionNodeData, 'junction'>;

export type FlowNode = ArgumentFlowNode | JunctionFlowNode;

/**
 * What a line on the canvas means:
 * - `supports` — reason → conclusion (or reason → junction, and junction → conclusion for linked premises);
 * - `attacks` — objection or rebuttal → the point it disputes;
 * - `undercuts` — objection → the junction of the inference it says does not follow.
 */
export type ArgumentEdgeData = {
  relation: 'supports' | 'attacks' | 'undercuts';
  inferenceId?: string;
  arrow: boolean;
  /** It joins a point set aside by "judge as of" (known only later): drawn faint. */
  setAside?: boolean;
};
export type ArgumentFlowEdge = Edge<ArgumentEdgeData, 'argument'>;

/** Card widths, in canvas pixels; heights come from the rendered text. */
export const NODE_WIDTH = 280;
export const THESIS_WIDTH = 360;

/** What the reader's folds leave drawn (see `lib/argument/folding.ts`); without it, everything. */
export interface Shown {
  part: ArgumentGraph;
  folds: FoldedView;
  folded: ReadonlySet<string>;
}

/**
 * Canvas nodes for a map: one card per statement drawn, one junction per inference drawn with one.
 * Status explanations read the whole map, whatever is folded.
 */
export function buildFlowNodes(view: MapView, evaluation: Evaluation, highlights: Record<string, string> = {}, shown?: Shown): FlowNode[] {
  const part = shown?.part ?? view;
  const junctions = inferencesWithJunction(part);
  const textOf = new Map(view.nodes.map((n) => [n.id, n.text]));
  const short = (id: string) => shorten(textOf.get(id) ?? '', 90);
  const nodes: FlowNode[] = part.nodes.map((node) => ({
    id: node.id,
    type: 'argument',
    position: node.position ?? { x: 0, y: 0 },
    data: {
      node,
      status: evaluation.nodes[node.id]?.status ?? 'contested',
      why: explainStatus(view, evaluation, node.id, short),
      assumed: evaluation.nodes[node.id]?.assumedRejected ?? false,
      addedBy: highlights[node.id],
      rating: view.ratings[node.id],
      comments: view.commentCounts[node.id] ?? 0,
      fold: {
        children: shown?.folds.childCount.get(node.id) ?? 0,
        folded: shown?.folded.has(node.id) ?? false,
        hidden: shown?.folds.hiddenUnder.get(node.id) ?? 0,
      },
    },
    width: node.kind === 'thesis' ? THESIS_WIDTH : NODE_WIDTH,
    ariaLabel: `${node.kind}${node.implicit ? ' (unstated)' : ''}${node.asOf ? `, known ${monthLabel(node.asOf)}` : ''}: ${node.text}. ${explainStatus(view, evaluation, node.id, short)}`,
  }));
  for (const inf of part.inferences) {
    if (!junctions.has(inf.id)) continue;
    nodes.push({
      id: junctionId(inf.id),
      type: 'junction',
      position: { x: 0, y: 0 },
      data: { inferenceId: inf.id, premiseCount: inf.premises.length },
      ariaLabel: `Step of reasoning with ${inf.premises.length} linked premises`,
    });
  }
  return nodes;
}

/**
 * Canvas edges for a map (or the part of it drawn). Support edges carry their inference, so clicking
 * one selects that step. Edges touching a point in `later` (set aside by "judge as of") are faint.
 */
export function buildFlowEdges(view: ArgumentGraph, later: ReadonlySet<string> = new Set()): ArgumentFlowEdge[] {
  const junctions = inferencesWithJunction(view);
  const edges: ArgumentFlowEdge[] = [];
  const aside = (...ids: string[]) => (later.size > 0 && ids.some((id) => later.has(id)) ? { setAside: true } : {});
  for (const inf of view.inferences) {
    if (junctions.has(inf.id)) {
      const j = junctionId(inf.id);
      edges.push({
        id: `${j}>${inf.conclusion}`,
        type: 'argument',
        source: j,
        target: inf.conclusion,
        data: { relation: 'supports', inferenceId: inf.id, arrow: true, ...aside(inf.conclusion, ...inf.premises) },
      });
      for (const p of inf.premises) {
        edges.push({
          id: `${p}>${j}`,
          type: 'argument',
          source: p,
          target: j,
          data: { relation: 'supports', inferenceId: inf.id, arrow: false, ...aside(p, inf.conclusion) },
        });
      }
    } else {
      for (const p of inf.premises) {
        edges.push({
          id: `${p}>${inf.id}`,
          type: 'argument',
          source: p,
          target: inf.conclusion,
          data: { relation: 'supports', inferenceId: inf.id, arrow: true, ...aside(p, inf.conclusion) },
        });
      }
    }
  }
  for (const c of view.conflicts) {
    const undercut = !isNodeTarget(c.target);
    const target = isNodeTarget(c.target) ? c.target.node : junctionId(c.target.inference);
    edges.push({
      id: c.id,
      type: 'argument',
      source: c.attacker,
      target,
      data: {
        relation: undercut ? 'undercuts' : 'attacks',
        inferenceId: isNodeTarget(c.target) ? undefined : c.target.inference,
        arrow: true,
        ...aside(c.attacker, ...(isNodeTarget(c.target) ? [c.target.node] : [])),
      },
    });
  }
  return edges;
}

/** A short key that changes exactly when the map's structure (not its text) changes. */
export function structureKey(view: ArgumentGraph): string {
  return [
    view.nodes.map((n) => n.id).join(','),
    view.inferences.map((i) => `${i.id}:${i.premises.join('+')}>${i.conclusion}`).join(','),
    view.conflicts.map((c) => c.id).join(','),
  ].join('|');
}
