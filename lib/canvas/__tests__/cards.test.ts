import { describe, expect, test } from 'vitest';
import { COMPACT_LINES_MAX, compactCardHeight, compactTitle, compactTitleLines, layoutRoom } from '../cards';

const THESIS = 'The US should change course and negotiate with North Korea now, aiming at a lasting peace treaty on the Korean peninsula.';

describe('compact titles', () => {
  test('a short text is its own title', () => {
    expect(compactTitle({ kind: 'claim', text: 'Talks work.' })).toBe('Talks work.');
  });

  test('a long text is cut at a word, never inside one', () => {
    const text = 'Relations with North Korea are at a dangerous point: the present US course leads to deadlock and rising tension.';
    const title = compactTitle({ kind: 'claim', text });
    expect(title.endsWith('…')).toBe(true);
    const words = title.slice(0, -1).trim().split(/\s+/);
    expect(text.split(/\s+/).slice(0, words.length)).toEqual(words);
    expect(compactTitleLines({ kind: 'claim', text })).toBe(COMPACT_LINES_MAX);
  });

  test('the thesis keeps more of its words than any other card', () => {
    const thesis = compactTitle({ kind: 'thesis', text: THESIS });
    const claim = compactTitle({ kind: 'claim', text: THESIS });
    expect(thesis.startsWith('The US should change course and negotiate with North Korea now')).toBe(true);
    expect(thesis.length).toBeGreaterThan(claim.length);
  });

  test('the layout keeps room for the compact card however short the drawn one', () => {
    const node = { kind: 'claim' as const, text: 'x'.repeat(200) };
    expect(layoutRoom(node, { width: 280, height: 90 }).height).toBe(compactCardHeight(node));
    expect(layoutRoom(node, { width: 280, height: 900 }).height).toBe(900);
  });
});
