import type { ArgNode, ArgumentGraph } from '../argument/model';
import { buildLayoutGraph, estimateCardSize, type LayoutGraph, type Size } from '../argument/layout';
import { shorten } from '../argument/text';

/**
 * The compact card (drawn below `COMPACT_ZOOM`): its title's size on the card, chosen with
 * `OVERVIEW_MIN_ZOOM` so the title is at least 12 px on screen wherever an overview may open.
 */
export const COMPACT_TITLE_PX = 34;

/** Line height of the compact title, in canvas pixels. */
export const COMPACT_LINE_PX = Math.round(COMPACT_TITLE_PX * 1.12);

/** A compact title has at most this many lines (about 50 letters): a title, not the text. */
export const COMPACT_LINES_MAX = 4;

/** The thesis's compact title may take this many lines (about 80 letters): what the map rests on, read nearly whole. */
export const COMPACT_THESIS_LINES_MAX = 6;

/** Room around the compact title: the kind's band above, padding below. */
const COMPACT_FRAME_PX = 30;

/**
 * At least this many letters of the compact title fit on one line of a card this wide: 0.62 em a
 * letter, what semibold DejaVu Sans (the widest fallback font) takes on average.
 */
function lettersPerLine(width: number): number {
  return Math.max(1, Math.floor((width - 34) / (COMPACT_TITLE_PX * 0.62)));
}

/** How many lines the compact title of `node` takes. */
export function compactTitleLines(node: Pick<ArgNode, 'kind' | 'text'>): number {
  const { width } = estimateCardSize(node);
  const max = node.kind === 'thesis' ? COMPACT_THESIS_LINES_MAX : COMPACT_LINES_MAX;
  return Math.min(max, Math.max(1, Math.ceil(node.text.length / lettersPerLine(width))));
}

/**
 * The compact title's words: the whole text when it fits its lines, else cut at a word with "…"
 * (the line clamp stays as a guard, but a title never stops in the middle of a word).
 */
export function compactTitle(node: Pick<ArgNode, 'kind' | 'text'>): string {
  return shorten(node.text, compactTitleLines(node) * lettersPerLine(estimateCardSize(node).width));
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

/**
 * A card's room in a layout: the room its words are guessed to need ({@link layoutRoom} of
 * `estimateCardSize`), grown to the card as drawn when that is bigger (a font wider than the guess's).
 * So a layout from guesses, and one from drawn cards that all fit them, are the same layout.
 */
export function cardRoom(node: Pick<ArgNode, 'kind' | 'text'>, drawn?: Size): Size {
  const guess = layoutRoom(node, undefined);
  return drawn ? { width: Math.max(guess.width, drawn.width), height: Math.max(guess.height, drawn.height) } : guess;
}

/**
 * The layout input of a map (or the part of it drawn) before any card is drawn: each card's guessed
 * room ({@link cardRoom}). The server lays maps out from it for the page, and the browser keeps that
 * layout while every drawn card fits its room.
 */
export function guessedLayoutInput(part: ArgumentGraph): LayoutGraph {
  return buildLayoutGraph(part, new Map(part.nodes.map((n) => [n.id, cardRoom(n)])));
}
