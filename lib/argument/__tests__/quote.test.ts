import { describe, expect, test } from 'vitest';
import type { Quote } from '../model';
import { locateQuote, quoteMatches } from '../quote';

describe('locateQuote', () => {
  test.each([
    { name: 'unique words', text: 'a b a', words: 'b', occurrence: undefined, expected: { start: 2, end: 3, text: 'b' } },
    { name: 'words at the very start', text: 'peace now', words: 'peace', occurrence: undefined, expected: { start: 0, end: 5, text: 'peace' } },
    { name: 'words at the very end', text: 'peace now', words: 'now', occurrence: undefined, expected: { start: 6, end: 9, text: 'now' } },
    {
      name: 'curly quotes and em dashes',
      text: 'the “sunshine policy” — it worked',
      words: '“sunshine policy” —',
      occurrence: undefined,
      expected: { start: 4, end: 23, text: '“sunshine policy” —' },
    },
    { name: 'ambiguous words', text: 'a b a', words: 'a', occurrence: undefined, expected: null },
    { name: 'first of several occurrences', text: 'a b a', words: 'a', occurrence: 0, expected: { start: 0, end: 1, text: 'a' } },
    { name: 'second of several occurrences', text: 'a b a', words: 'a', occurrence: 1, expected: { start: 4, end: 5, text: 'a' } },
    { name: 'an occurrence past the last', text: 'a b a', words: 'a', occurrence: 2, expected: null },
    { name: 'occurrence 0 of unique words', text: 'a b a', words: 'b', occurrence: 0, expected: { start: 2, end: 3, text: 'b' } },
    { name: 'words not in the text', text: 'a b a', words: 'c', occurrence: undefined, expected: null },
    { name: 'case differs', text: 'Peace now', words: 'peace', occurrence: undefined, expected: null },
    { name: 'empty words', text: 'a b a', words: '', occurrence: undefined, expected: null },
    { name: 'empty words with an occurrence', text: 'a b a', words: '', occurrence: 0, expected: null },
    { name: 'empty text', text: '', words: 'a', occurrence: undefined, expected: null },
  ])('$name', ({ text, words, occurrence, expected }) => {
    const quote = locateQuote(text, words, occurrence);
    expect(quote).toEqual(expected);
    if (quote) expect(text.slice(quote.start, quote.end)).toBe(words);
  });
});

describe('quoteMatches', () => {
  const text = 'The time is now.';
  test.each<{ name: string; quote: Quote; expected: boolean }>([
    { name: 'an exact span', quote: { start: 4, end: 8, text: 'time' }, expected: true },
    { name: 'the whole text', quote: { start: 0, end: 16, text }, expected: true },
    { name: 'words that differ from the span', quote: { start: 4, end: 8, text: 'TIME' }, expected: false },
    { name: 'a span shifted by one', quote: { start: 5, end: 9, text: 'time' }, expected: false },
    { name: 'an empty span', quote: { start: 4, end: 4, text: '' }, expected: false },
    { name: 'end before start', quote: { start: 8, end: 4, text: '' }, expected: false },
    { name: 'a negative start', quote: { start: -1, end: 3, text: 'The' }, expected: false },
    { name: 'an end past the text', quote: { start: 12, end: 17, text: 'now.' }, expected: false },
    { name: 'fractional offsets', quote: { start: 3.5, end: 8, text: 'time' }, expected: false },
  ])('$name → $expected', ({ quote, expected }) => {
    expect(quoteMatches(text, quote)).toBe(expected);
  });

  test('accepts what locateQuote finds', () => {
    const quote = locateQuote(text, 'is now')!;
    expect(quoteMatches(text, quote)).toBe(true);
  });
});
