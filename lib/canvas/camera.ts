/**
 * The canvas's one camera rule, as pure geometry (no React Flow, no DOM): where the map opens, and
 * how a point someone just touched is brought into view. Boxes are in the map's own coordinates;
 * the pane is the canvas's size on screen, in CSS pixels; a viewport is React Flow's
 * `{ x, y, zoom }` (screen = map × zoom + offset).
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Pane {
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * Zoom at which a card's body text (14.5 px on the card) is at least 12 px on screen: where a
 * point is brought to be read, and the lowest zoom at which cards are drawn in full.
 */
export const READING_ZOOM = 0.85;

/** Below this zoom cards switch to their compact form: the kind's colour, a short title in large type, the status. */
export const COMPACT_ZOOM = 0.75;

/** The lowest zoom the map may open fitted at: compact titles (`COMPACT_TITLE_PX`) are then 34 × 0.36 ≈ 12.2 px. */
export const OVERVIEW_MIN_ZOOM = 0.36;

/** The highest zoom the map opens fitted at (a small map is not blown up). */
export const OPENING_MAX_ZOOM = 1;

/** Room left around the map when it is fitted, as a fraction of the map's size on each side. */
export const FIT_PADDING = 0.06;

/** Room, in screen pixels, kept between a point brought into view and the pane's edges (the top keeps room for the card's toolbar). */
export const REVEAL_MARGIN = { top: 64, right: 24, bottom: 24, left: 24 } as const;

/** The smallest box holding every box. */
export function boundsOf(boxes: Iterable<Box>): Box | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The zoom at which `bounds` (with {@link FIT_PADDING}) just fits `pane`. */
export function fitZoom(bounds: Box, pane: Pane): number {
  const scale = 1 + 2 * FIT_PADDING;
  return Math.min(pane.width / Math.max(1, bounds.width * scale), pane.height / Math.max(1, bounds.height * scale));
}

/** Room along the pane's edges that panels cover (the legend, the view choice), in screen pixels. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/** The part of the pane left clear by `insets` (at least a fifth of its height, half of its width). */
function clearPart(pane: Pane, insets: Insets): { pane: Pane; x: number; y: number } {
  const top = Math.min(insets.top, pane.height * 0.4);
  const bottom = Math.min(insets.bottom, pane.height * 0.4);
  const left = Math.min(insets.left, pane.width / 4);
  const right = Math.min(insets.right, pane.width / 4);
  return { pane: { width: pane.width - left - right, height: pane.height - top - bottom }, x: left, y: top };
}

/** `bounds` centred in `pane` (or the part of it `insets` leave clear) at `zoom`. */
export function centredOn(bounds: Box, pane: Pane, zoom: number, insets: Insets = NO_INSETS): Viewport {
  const clear = clearPart(pane, insets);
  return {
    x: clear.x + clear.pane.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: clear.y + clear.pane.height / 2 - (bounds.y + bounds.height / 2) * zoom,
    zoom,
  };
}

export type Opening =
  /** The whole of what is drawn fits readably: fitted and centred. */
  | { kind: 'fit'; viewport: Viewport }
  /** Too big to read whole: the anchor (the thesis) at the top, at reading zoom. */
  | { kind: 'anchor'; viewport: Viewport };

/**
 * Where the map opens: fitted into the part of the pane its panels leave clear when it can be read
 * that way (fit zoom at least {@link OVERVIEW_MIN_ZOOM}; compact cards below {@link COMPACT_ZOOM}),
 * otherwise on the anchor at {@link READING_ZOOM}, top-centred. A function of the boxes, the pane
 * and its panels only, so the same map on the same screen always opens the same way.
 */
export function openingViewport(boxes: readonly Box[], pane: Pane, anchor: Box | undefined, insets: Insets = NO_INSETS): Opening | null {
  const bounds = boundsOf(boxes);
  if (!bounds || pane.width <= 0 || pane.height <= 0) return null;
  const zoom = Math.min(OPENING_MAX_ZOOM, fitZoom(bounds, clearPart(pane, insets).pane));
  if (zoom >= OVERVIEW_MIN_ZOOM || !anchor) return { kind: 'fit', viewport: centredOn(bounds, pane, Math.max(zoom, 0.1), insets) };
  return {
    kind: 'anchor',
    viewport: { x: pane.width / 2 - (anchor.x + anchor.width / 2) * READING_ZOOM, y: REVEAL_MARGIN.top - anchor.y * READING_ZOOM, zoom: READING_ZOOM },
  };
}

/** The room to keep around a point brought into view: {@link REVEAL_MARGIN}, or clear of the panels by 12 px. */
function revealMargins(insets: Insets): Insets {
  return {
    top: Math.max(REVEAL_MARGIN.top, insets.top + 12),
    right: Math.max(REVEAL_MARGIN.right, insets.right + 12),
    bottom: Math.max(REVEAL_MARGIN.bottom, insets.bottom + 12),
    left: Math.max(REVEAL_MARGIN.left, insets.left + 12),
  };
}

/** Whether `box` is on screen at `viewport`, clear of the margins (and of the panels along the edges). */
export function isInView(box: Box, pane: Pane, viewport: Viewport, insets: Insets = NO_INSETS): boolean {
  const m = revealMargins(insets);
  const left = box.x * viewport.zoom + viewport.x;
  const top = box.y * viewport.zoom + viewport.y;
  const right = left + box.width * viewport.zoom;
  const bottom = top + box.height * viewport.zoom;
  return left >= m.left && top >= m.top && right <= pane.width - m.right && bottom <= pane.height - m.bottom;
}

/**
 * Brings `box` into view, clear of the panels along the pane's edges (`insets`): nothing moves when
 * it is already in view at a readable zoom. Otherwise, with `zoom: 'read'`, the zoom rises to
 * {@link READING_ZOOM} (never falls, unless the card would not fit) and the box is centred in the
 * clear part; with `zoom: 'keep'` the map pans just far enough. Returns the new viewport, or `null`
 * for "leave it".
 */
export function revealViewport(box: Box, pane: Pane, viewport: Viewport, zoom: 'read' | 'keep' = 'read', insets: Insets = NO_INSETS): Viewport | null {
  const readable = zoom === 'keep' || viewport.zoom >= READING_ZOOM;
  if (readable && isInView(box, pane, viewport, insets)) return null;
  const m = revealMargins(insets);
  if (zoom === 'read' && !readable) {
    const roomy = Math.min(
      Math.max(1, pane.width - m.left - m.right) / Math.max(1, box.width),
      Math.max(1, pane.height - m.top - m.bottom) / Math.max(1, box.height),
    );
    return centredOn(box, pane, Math.max(0.1, Math.min(READING_ZOOM, roomy)), m);
  }
  // Pan only: the least movement that puts the box inside the margins (its top-left first when it cannot fit).
  const z = viewport.zoom;
  const shift = (start: number, size: number, low: number, high: number) => {
    if (start < low || size > high - low) return low - start;
    if (start + size > high) return high - (start + size);
    return 0;
  };
  const dx = shift(box.x * z + viewport.x, box.width * z, m.left, pane.width - m.right);
  const dy = shift(box.y * z + viewport.y, box.height * z, m.top, pane.height - m.bottom);
  return { x: viewport.x + dx, y: viewport.y + dy, zoom: z };
}

/**
 * The viewport that keeps the point at `before` (map coordinates, at the old layout) where it was
 * on screen after a new layout moved it to `after`: folding a branch must not throw the reader.
 */
export function keepInPlace(viewport: Viewport, before: { x: number; y: number }, after: { x: number; y: number }): Viewport {
  return { x: viewport.x + (before.x - after.x) * viewport.zoom, y: viewport.y + (before.y - after.y) * viewport.zoom, zoom: viewport.zoom };
}

/**
 * How much of a layered layout's bounding box its cards fill, at most, in practice (the op-ed map:
 * about a fifth). Used only to skip laying out a map whole when it surely cannot be read whole.
 */
export const LAYOUT_FILL = 0.3;

/**
 * Whether a map whose cards have these sizes surely cannot be read whole in `pane`: even packed at
 * {@link LAYOUT_FILL}, its fit zoom would be under {@link OVERVIEW_MIN_ZOOM}.
 */
export function surelyTooBigToRead(sizes: Iterable<{ width: number; height: number }>, pane: Pane): boolean {
  let area = 0;
  for (const s of sizes) area += s.width * s.height;
  if (area === 0) return false;
  const zoom = Math.sqrt((pane.width * pane.height * LAYOUT_FILL) / area) / (1 + 2 * FIT_PADDING);
  return zoom < OVERVIEW_MIN_ZOOM;
}
