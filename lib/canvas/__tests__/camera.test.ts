import { describe, expect, test } from 'vitest';
import { COMPACT_TITLE_PX } from '../cards';
import { isInView, keepInPlace, openingViewport, OVERVIEW_MIN_ZOOM, READING_ZOOM, revealViewport, surelyTooBigToRead, type Box } from '../camera';

const pane = { width: 1000, height: 700 };
const card = (x: number, y: number): Box => ({ x, y, width: 280, height: 140 });

describe('the opening rule', () => {
  test('a map that fits readably is fitted, never above 100 %', () => {
    const opening = openingViewport([card(0, 0), card(320, 0)], pane, card(0, 0))!;
    expect(opening.kind).toBe('fit');
    expect(opening.viewport.zoom).toBe(1);
  });

  test('a map too wide to read opens on its anchor at reading zoom, top-centred', () => {
    const row = Array.from({ length: 30 }, (_, i) => card(i * 300, 300));
    const anchor = card(4400, 0);
    const opening = openingViewport(row, pane, anchor)!;
    expect(opening.kind).toBe('anchor');
    expect(opening.viewport.zoom).toBe(READING_ZOOM);
    expect(isInView(anchor, pane, opening.viewport)).toBe(true);
  });

  test('the same boxes and pane give the same viewport', () => {
    const boxes = [card(0, 0), card(900, 400), card(1800, 200)];
    expect(openingViewport(boxes, pane, boxes[0])).toEqual(openingViewport([...boxes], { ...pane }, boxes[0]));
  });

  test('the map is fitted above an open legend and below the view choice, not under them', () => {
    const boxes = [card(0, 0), card(1400, 300)];
    const insets = { top: 60, right: 0, bottom: 220, left: 0 };
    const { viewport } = openingViewport(boxes, pane, boxes[0], insets)!;
    const top = 0 * viewport.zoom + viewport.y;
    const bottom = 440 * viewport.zoom + viewport.y;
    expect(top).toBeGreaterThanOrEqual(60);
    expect(bottom).toBeLessThanOrEqual(pane.height - 220);
  });

  test('compact titles are readable at the lowest fitted zoom', () => {
    expect(COMPACT_TITLE_PX * OVERVIEW_MIN_ZOOM).toBeGreaterThanOrEqual(12);
  });
});

describe('revealViewport', () => {
  test('leaves alone a card already in view at reading zoom', () => {
    expect(revealViewport(card(100, 100), pane, { x: 0, y: 0, zoom: 1 })).toBeNull();
  });

  test('brings a card that landed off-screen into view', () => {
    const next = revealViewport(card(2318, 100), pane, { x: 0, y: 0, zoom: 1 })!;
    expect(isInView(card(2318, 100), pane, next)).toBe(true);
    expect(next.zoom).toBe(1);
  });

  test('zooms up to reading zoom from an overview, and never down', () => {
    const next = revealViewport(card(500, 500), pane, { x: 0, y: 0, zoom: 0.3 })!;
    expect(next.zoom).toBe(READING_ZOOM);
    expect(isInView(card(500, 500), pane, next)).toBe(true);
  });

  test("with 'keep', only pans", () => {
    const next = revealViewport(card(2000, 0), pane, { x: 0, y: 0, zoom: 0.4 }, 'keep')!;
    expect(next.zoom).toBe(0.4);
    expect(isInView(card(2000, 0), pane, next)).toBe(true);
  });
});

test('keepInPlace holds a folded card where it was on screen', () => {
  const viewport = { x: 10, y: 20, zoom: 0.5 };
  const next = keepInPlace(viewport, { x: 100, y: 100 }, { x: 300, y: 50 });
  expect(300 * next.zoom + next.x).toBe(100 * viewport.zoom + viewport.x);
  expect(50 * next.zoom + next.y).toBe(100 * viewport.zoom + viewport.y);
});

test('surelyTooBigToRead: a few cards are not, a thousand are', () => {
  const size = { width: 280, height: 140 };
  expect(surelyTooBigToRead(Array(10).fill(size), pane)).toBe(false);
  expect(surelyTooBigToRead(Array(1000).fill(size), pane)).toBe(true);
});
