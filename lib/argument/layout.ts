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
 * Letters that always fit on one line of a card, in either card's type: measured in the fallback font
 * every browser has (DejaVu Sans, the widest), the op-ed's 59 cards wrap at 31–33; at 30 none was
 * underestimated. Narrower fonts (a Chromebook's Roboto) fit more, so a card is at most as tall as guessed.
 */
export const LETTERS_PER_LINE = 30;

/**
 * Characters drawn about twice as wide as a Latin letter, and written without spaces between
 * words: Hangul, CJK ideographs and kana, full-width forms. Each counts as two letters.
 */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/**
 * How many lines `text` wraps to at `perLine` letters, breaking between words (and inside a word
 * longer than a line, as the card's `break-words` does; a run of wide characters is such a word).
 * Linear.
 */
export function wrappedLines(text: string, perLine: number = LETTERS_PER_LINE): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const length = word.length + (word.match(WIDE)?.length ?? 0);
    if (used > 0 && used + 1 + length <= perLine) {
      used += 1 + length;
      continue;
    }
    if (used > 0) lines += 1;
    const more = Math.floor(Math.max(0, length - 1) / perLine);
    lines += more;
    used = length - more * perLine;
  }
  return lines;
}

/**
 * A card's size guessed from its words, before it is drawn: the server lays maps out from these
 * (positions sent with the page), and so does a big map in the browser (only the cards in view are
 * ever drawn). Widths are the canvas's fixed card widths; the height is the frame (kind label above,
 * status row below, padding: 78 px measured, 118 on the thesis) plus the wrapped lines at the card's
 * line height (20 px; the thesis's larger type 23.4). Rounded up, so a drawn card fits its guess.
 *
 * @example estimateCardSize({ kind: 'claim', text: 'Talks work.' }) // { width: 280, height: 100 }
 */
export function estimateCardSize(node: Pick<ArgNode, 'kind' | 'text'>): Size {
  const lines = wrappedLines(node.text);
  return node.kind === 'thesis' ? { width: 360, height: 120 + lines * 24 } : { width: 280, height: 80 + lines * 20 };
}

/**
 * Builds the layout input. `sizes` gives each node's rendered size (missing ones get `fallback`,
 * or when it is omitted {@link estimateCardSize}).
 * Supports are listed before attacks. ELK's `considerModelOrder` keeps that order on screen for maps
 * of up to {@link MODEL_ORDER_MAX} boxes (it made 1,000-node layouts ten times slower — 7 s instead of
 * 0.7 s).
 */
export function buildLayoutGraph(graph: ArgumentGraph, sizes: ReadonlyMap<string, Size>, fallback?: Size): LayoutGraph {
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
  const layoutOptions =
    children.length <= MODEL_ORDER_MAX ? { ...LAYOUT_OPTIONS, 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES' } : LAYOUT_OPTIONS;
  return { id: 'root', layoutOptions, children, edges };
}

/** Reads node positions (top-left corners) out of a laid-out graph. */
export function positionsFromLayout(laidOut: { children?: { id: string; x?: number; y?: number }[] }): Map<string, Position> {
  const positions = new Map<string, Position>();
  for (const child of laidOut.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}

/**
 * Positions laid out ahead of drawing, as the server sends them with a map page: whole-pixel
 * top-left corners by canvas id (cards and junctions), and the key of the layout input they answer
 * (see {@link layoutInputKey}), so the browser uses them only for exactly that input.
 */
export interface PartLayout {
  key: string;
  positions: Record<string, [number, number]>;
}

/**
 * A short key that changes whenever a layout input would lay out differently: every box's id and
 * size, every edge, and the options. Two 32-bit FNV-1a hashes over one pass of the input, so the
 * browser can check a layout sent with the page without sending the input back. Linear.
 */
export function layoutInputKey(graph: LayoutGraph): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x0100019d);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1f, 0x0100019d);
  };
  for (const [name, value] of Object.entries(graph.layoutOptions)) add(`${name}=${value}`);
  for (const c of graph.children) add(`${c.id}:${Math.round(c.width)}x${Math.round(c.height)}`);
  for (const e of graph.edges) add(e.id);
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${graph.children.length}-${hex(a)}${hex(b)}`;
}

/** The layouts a map page is sent with: the whole map's and, when it has them, its main reasons' (where a map too big to read whole opens). */
export interface PageLayouts {
  whole?: PartLayout;
  main?: PartLayout;
}

/** A laid-out graph's positions as {@link PartLayout} sends them (whole pixels). */
export function partLayout(graph: LayoutGraph, positions: ReadonlyMap<string, Position>): PartLayout {
  const out: PartLayout['positions'] = {};
  for (const [id, at] of positions) out[id] = [Math.round(at.x), Math.round(at.y)];
  return { key: layoutInputKey(graph), positions: out };
}
