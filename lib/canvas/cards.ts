import type { ArgNode } from '../argument/model';
import { estimateCardSize, type Size } from '../argument/layout';

/**
 * The compact card (drawn below `COMPACT_ZOOM`): its title's size on the card, chosen with
 * `OVERVIEW_MIN_ZOOM` so the title is at least 12 px on screen wherever an overview may open.
 */
export const COMPACT_TITLE_PX = 34;

/** Line height of the compact title, in canvas pixels. */
export const COMPACT_LINE_PX = Math.round(COMPACT_TITLE_PX * 1.12);

/** A compact title has at most this many lines (about 60 letters): a title, not the text. */
export const COMPACT_LINES_MAX = 4;

/** Room around the compact title: the kind's band above, padding below. */
const COMPACT_FRAME_PX = 30;

/** About this many letters of the compact title fit on one line of a card this wide (half an em each, bold). */
function lettersPerLine(width: number): number {
  return Math.max(1, Math.floor((width - 28) / (COMPACT_TITLE_PX * 0.55)));
}

/** How many lines the compact title of `node` takes. */
export function compactTitleLines(node: Pick<ArgNode, 'kind' | 'text'>): number {
  const { width } = estimateCardSize(node);
  return Math.min(COMPACT_LINES_MAX, Math.max(1, Math.ceil(node.text.length / lettersPerLine(width))));
}

/** The height the compact card needs; the card grows to it when compact, and the layout keeps room for it. */
export function compactCardHeight(node: Pick<ArgNode, 'kind' | 'text'>): number {
  return COMPACT_FRAME_PX + compactTitleLines(node) * COMPACT_LINE_PX;
}

/** A card's room in the layout: its drawn size, tall enough for its compact form too (so zooming never overlaps cards). */
export function layoutRoom(node: Pick<ArgNode, 'kind' | 'text'>, drawn: Size | undefined): Size {
  const size = drawn ?? estimateCardSize(node);
  return { width: size.width, height: Math.max(size.height, compactCardHeight(node)) };
}
