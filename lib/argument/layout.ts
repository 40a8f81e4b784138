import { isNodeTarget, type ArgNode, type ArgumentGraph, type Inference, type Position } from './model';

/**
 * Input for the automatic layout (ELK's JSON graph format, kept free of any ELK import so it can be
 * built and tested anywhere). Layout edges run from a conclusion down to its reasons and from an
 * attacked point down to its attackers, so the layered algorithm puts the thesis at the top.
 */
export interface LayoutGraph {
  id: string;
  layoutOptions: Record<string, string>;
  children: { id: string; width: number; height: number; layoutOptions?: Record<string, string> }[];
  edges: { id: string; sources: [string]; targets: [string] }[];
}

export interface Size {
  width: number;
  height: number;
}

/** Side of the small dot drawn where linked premises meet before their arrow. */
export const JUNCTION_SIZE = 14;

/** The canvas id of an inference's junction. */
export function junctionId(inferenceId: string): string {
  return `junction:${inferenceId}`;
}

/**
 * Inferences drawn with a junction: linked premises (they meet in the dot), and any inference an
 * undercut attacks (the undercut needs something to point at). Others are one arrow.
 */
export function inferencesWithJunction(graph: Pick<ArgumentGraph, 'inferences' | 'conflicts'>): Set<string> {
  const undercut = new Set(graph.conflicts.flatMap((c) => (isNodeTarget(c.target) ? [] : [c.target.inference])));
  return new Set(graph.inferences.filter((i: Inference) => i.premises.length > 1 || undercut.has(i.id)).map((i) => i.id));
}

export const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '64',
  'elk.layered.spacing.edgeNodeBetweenLayers': '24',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.edgeRouting': 'SPLINES',
};

/**
 * Up to this many boxes (cards and junctions), the layout keeps the map's own order of points and
 * steps: it costs nothing there (71 vs 79 ms at 50 points, 110 vs 132 ms at 150) but doubles the
 * time at 300 points (244 vs 130 ms) and made 1,000-point layouts ten times slower.
 */
export const MODEL_ORDER_MAX = 150;

/**
 * A card's size guessed from its words, for laying out cards that have not been drawn yet (a big map
 * is laid out before its cards are rendered, so only the ones in view are ever drawn). Widths are the
 * canvas's fixed card widths; the height counts wrapped lines at the card's font size, plus the
 * kind label above and the status row below.
 *
 * @example estimateCardSize({ kind: 'claim', text: 'Talks work.' }) // { width: 280, height: 95 }
 */
export function estimateCardSize(node: Pick<ArgNode, 'kind' | 'text'>): Size {
  const thesis = node.kind === 'thesis';
  // About 34 characters fit on a line of either card (the thesis is wider, and its type larger).
  const lines = Math.max(1, Math.ceil(node.text.length / 34));
  const lineHeight = thesis ? 23 : 19;
  return { width: thesis ? 360 : 280, height: (thesis ? 92 : 76) + lines * lineHeight };
}

/**
 * Builds the layout input. `sizes` gives each node's rendered size (missing ones get `fallback`,
 * or when it is omitted {@link estimateCardSize}).
 * Supports are listed before attacks. ELK's `considerModelOrder` keeps that order on screen for maps
 * of up to {@link MODEL_ORDER_MAX} boxes (it made 1,000-node layouts ten times slower — 7 s instead of
 * 0.7 s).
 */
export function buildLayoutGraph(
  graph: ArgumentGraph,
  sizes: ReadonlyMap<string, Size>,
  fallback?: Size,
): LayoutGraph {
  const junctions = inferencesWithJunction(graph);
  const children: LayoutGraph['children'] = graph.nodes.map((n) => ({ id: n.id, ...(sizes.get(n.id) ?? fallback ?? estimateCardSize(n)) }));
  const edges: LayoutGraph['edges'] = [];
  const edge = (from: string, to: string) => edges.push({ id: `${from}>${to}`, sources: [from], targets: [to] });
  for (const inf of graph.inferences) {
    if (junctions.has(inf.id)) {
      const j = junctionId(inf.id);
      children.push({ id: j, width: JUNCTION_SIZE, height: JUNCTION_SIZE });
      edge(inf.conclusion, j);
      for (const p of inf.premises) edge(j, p);
    } else {
      for (const p of inf.premises) edge(inf.conclusion, p);
    }
  }
  for (const c of graph.conflicts) {
    const target = isNodeTarget(c.target) ? c.target.node : junctionId(c.target.inference);
    edge(target, c.attacker);
  }
  // Small maps keep their points in the order they were written (an imported file's reasons 1–8
  // left to right); past MODEL_ORDER_MAX it costs too much (see above).
  const layoutOptions = children.length <= MODEL_ORDER_MAX ? { ...LAYOUT_OPTIONS, 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES' } : LAYOUT_OPTIONS;
  return { id: 'root', layoutOptions, children, edges };
}

/** Reads node positions (top-left corners) out of a laid-out graph. */
export function positionsFromLayout(laidOut: { children?: { id: string; x?: number; y?: number }[] }): Map<string, Position> {
  const positions = new Map<string, Position>();
  for (const child of laidOut.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}
