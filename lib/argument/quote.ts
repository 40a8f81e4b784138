import type { Quote } from './model';

/**
 * Finds `words` in `text` and returns its offsets.
 * Without `occurrence` the words must occur exactly once (an ambiguous quote returns `null`);
 * with it, the given 0-based occurrence is taken (occurrences may overlap: "aa" occurs twice in "aaa").
 * Stops at the first occurrence it needs to decide (the second, to call a quote ambiguous), so a
 * long quote of a repetitive text costs one or two searches, not one per occurrence.
 *
 * @example locateQuote('a b a', 'b') // { start: 2, end: 3, text: 'b' }
 */
export function locateQuote(text: string, words: string, occurrence?: number): Quote | null {
  if (words.length === 0) return null;
  const wanted = occurrence ?? 1;
  if (!Number.isInteger(wanted) || wanted < 0) return null;
  const starts: number[] = [];
  for (let i = text.indexOf(words); i !== -1 && starts.length <= wanted; i = text.indexOf(words, i + 1)) starts.push(i);
  const start = occurrence === undefined ? (starts.length === 1 ? starts[0] : undefined) : starts[occurrence];
  if (start === undefined) return null;
  return { start, end: start + words.length, text: words };
}

/** True when `quote` is a non-empty span of `text` whose words are exactly `quote.text`. */
export function quoteMatches(text: string, quote: Quote): boolean {
  return (
    Number.isInteger(quote.start) &&
    Number.isInteger(quote.end) &&
    quote.start >= 0 &&
    quote.end <= text.length &&
    quote.start < quote.end &&
    text.slice(quote.start, quote.end) === quote.text
  );
}
