import { describe, expect, test } from 'vitest';
import { actorFrom, CLIENT_HEADER, NAME_HEADER, OWNER_HEADER } from '../../http/actor';
import { usernameSchema } from '../../validation/auth';
import { inviteCodeSchema } from '../../validation/classes';
import { documentSlugSchema, essayTextSchema } from '../../validation/documents';
import { ESSAY_TEXT_MAX_BYTES } from '../../validation/limits';
import { computeCoverage, paragraphSpans, paragraphsWithSentences, sentenceSpans, type Span } from '../coverage';
import type { Quote } from '../model';
import { locateQuote, quoteMatches } from '../quote';
import { SUGGESTIONS_MAX, suggestUnits } from '../suggest';
import { shorten } from '../text';

/**
 * Every function that reads an essay (or another string a person types), run on 200 KB inputs shaped
 * to hurt it: long runs of one character, thousands of tiny sentences, a marker followed by a sea of
 * spaces, quotes that never close. Each must finish well inside {@link BOUND_MS} — before the fix,
 * these took from seconds to minutes ("It is" + spaces: 6 minutes in Suggest units; "A. " × 68,266:
 * 25 s to split into sentences) — and give answers of the right shape.
 */

/** Generous: the slowest of these takes well under half a second today. */
const BOUND_MS = 1500;
const SIZE = ESSAY_TEXT_MAX_BYTES;

/** `unit` repeated to about `size` characters, between `head` and `tail`. */
const fill = (unit: string, head = '', tail = '', size = SIZE) => head + unit.repeat(Math.floor((size - head.length - tail.length) / unit.length)) + tail;

/** Shapes of essays, each about 200 KB (200 K characters: never fewer than the byte limit allows). */
const ESSAYS: { name: string; text: string }[] = [
  { name: '"It is" + spaces + "x."', text: fill(' ', 'It is', 'x.') },
  { name: '"A. " repeated', text: fill('A. ') },
  { name: '"A.\\n\\n" repeated (a paragraph per sentence)', text: fill('A.\n\n') },
  { name: 'spaces', text: fill(' ') },
  { name: 'full stops', text: fill('.') },
  { name: 'one letter', text: fill('a') },
  { name: 'one letter, then a full stop', text: fill('a', '', '.') },
  { name: 'newlines', text: fill('\n', 'Claim') },
  { name: 'newline and space lines', text: fill('\n ', 'a') },
  { name: 'tabs', text: fill('\t', 'It is', 'x.') },
  { name: 'non-breaking spaces', text: fill('\u00a0', 'It is', 'x.') },
  { name: 'straight double quotes', text: fill('"', '', '.') },
  { name: 'opening curly quotes, never closed', text: fill('“', '', '.') },
  { name: 'opening quote and a word, repeated', text: fill('“a ', '', '.') },
  { name: 'quoted full stops', text: fill('"a." ') },
  { name: 'closing quotes after a full stop', text: fill('”', 'It ends.', ' Then.') },
  { name: 'no punctuation at all', text: fill('word ') },
  { name: 'alternating word and space', text: fill('Word ', '', 'end.') },
  { name: 'marker words without an end', text: fill('because therefore however ', '', '.') },
  { name: '"is a " repeated', text: fill('is a ', '', 'sign.') },
  { name: '"This" + spaces', text: fill(' ', 'This', 'x.') },
  { name: '"This" + short words', text: fill('a ', 'This ', 'x.') },
  { name: 'a title + spaces', text: fill(' ', 'President', 'x.') },
  { name: 'a title + capitalised words', text: fill('Aa ', 'President ', 'x.') },
  { name: '"," + spaces', text: fill(' ', 'It rains,', 'x.') },
  { name: 'digits and dots', text: fill('1.2.') },
  { name: 'digits and commas', text: fill('1,', '', '_.') },
  { name: 'initialisms', text: fill('U.S. ') },
  { name: 'titles', text: fill('Dr. ') },
  { name: '"will " repeated', text: fill('will ', '', '.') },
  { name: 'a byline-like closing paragraph with a long word', text: `We should act.\n\n${fill('x', 'Jane Roe is a ', '!')}` },
  { name: 'CRLF paragraphs', text: fill('One. Two.\r\n\r\n') },
];

/** Times `run` once and fails when it takes longer than {@link BOUND_MS}. */
function withinBound<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  return result;
}

/** The first span out of order, overlapping, outside the text, empty or untrimmed; -1 when all are fine. (Plain checks: an `expect` per span of 68,000 is slow.) */
function firstBadSpan(text: string, spans: readonly Span[]): number {
  const space = /\s/;
  return spans.findIndex(
    (span, i) =>
      span.start < (i === 0 ? 0 : spans[i - 1].end) ||
      span.end <= span.start ||
      span.end > text.length ||
      space.test(text[span.start]) ||
      space.test(text[span.end - 1]),
  );
}

describe.each(ESSAYS)('a 200 KB essay of $name', ({ text }) => {
  test('is split into paragraphs and sentences in bounded time, spans ordered and trimmed', () => {
    const paragraphs = withinBound(() => paragraphSpans(text));
    expect(firstBadSpan(text, paragraphs)).toBe(-1);
    const sentences = withinBound(() => sentenceSpans(text));
    expect(firstBadSpan(text, sentences)).toBe(-1);
    // Each paragraph's sentences run from its start to its end.
    const split = withinBound(() => paragraphsWithSentences(text)).filter((p) => p.sentences.length > 0);
    expect(split.every((p) => p.sentences[0].start === p.start && p.sentences.at(-1)!.end === p.end)).toBe(true);
  });

  test('coverage in bounded time, with no quotes and with 5,000 quotes', () => {
    const sentences = sentenceSpans(text);
    const none = withinBound(() => computeCoverage(text, []));
    expect(none).toMatchObject({ covered: 0, total: sentences.length });
    const step = Math.max(1, Math.floor(text.length / 5000));
    const quotes: Quote[] = Array.from({ length: 5000 }, (_, i) => ({ start: (i * step) % text.length, end: ((i * step) % text.length) + 1, text: '' }));
    const many = withinBound(() => computeCoverage(text, quotes));
    expect(many.total).toBe(sentences.length);
    expect(many.covered + many.uncovered.length).toBe(many.total);
  });

  test('suggestions in bounded time: whole sentences, in order, at most SUGGESTIONS_MAX', () => {
    const { suggestions, truncated } = withinBound(() => suggestUnits(text));
    expect(suggestions.length).toBeLessThanOrEqual(SUGGESTIONS_MAX);
    expect(typeof truncated).toBe('boolean');
    const sentences = new Set(sentenceSpans(text).map((s) => `${s.start}:${s.end}`));
    expect(suggestions.every((s) => sentences.has(`${s.start}:${s.end}`))).toBe(true);
    expect(firstBadSpan(text, suggestions)).toBe(-1);
  });

  test('quote helpers in bounded time', () => {
    const words = text.slice(0, 1000);
    const found = withinBound(() => locateQuote(text, words));
    if (found) expect(quoteMatches(text, found)).toBe(true);
    withinBound(() => locateQuote(text, words, 5));
    expect(withinBound(() => quoteMatches(text, { start: 0, end: text.length, text }))).toBe(true);
    expect(withinBound(() => shorten(text, 140)).length).toBeLessThanOrEqual(140);
  });

  test('the essay schema checks it in bounded time', () => {
    withinBound(() => essayTextSchema.safeParse(text));
  });
});

describe('sentence counts grow linearly with the text', () => {
  test.each([1000, 10_000, 68_266])('"A. " × %i is that many sentences', (n) => {
    expect(withinBound(() => sentenceSpans('A. '.repeat(n)))).toHaveLength(n);
  });

  test.each([1000, 10_000, 51_200])('"A.\\n\\n" × %i is that many paragraphs, each one sentence', (n) => {
    const paragraphs = withinBound(() => paragraphsWithSentences('A.\n\n'.repeat(n)));
    expect(paragraphs).toHaveLength(n);
    expect(paragraphs.every((p) => p.sentences.length === 1)).toBe(true);
  });

  test('a sentence per paragraph with a cue in each: the answer stops at SUGGESTIONS_MAX and says so', () => {
    const { suggestions, truncated } = withinBound(() => suggestUnits(fill('Because it rains, we stay.\n\n')));
    expect(suggestions).toHaveLength(SUGGESTIONS_MAX);
    expect(truncated).toBe(true);
  });
});

/** Strings a person types into a form or a header, checked by a regular expression: 200 KB of the worst characters for each. */
describe.each([
  { name: 'letters then a bad character', value: fill('a', '', '!') },
  { name: 'dashes', value: fill('-') },
  { name: 'spaces', value: fill(' ') },
  { name: 'dots and underscores', value: fill('._') },
])('user-typed strings of $name are checked in bounded time', ({ value }) => {
  test.each([
    { schema: 'username', parse: (v: string) => usernameSchema.safeParse(v).success },
    { schema: 'invite code', parse: (v: string) => inviteCodeSchema.safeParse(v).success },
    { schema: 'document slug', parse: (v: string) => documentSlugSchema.safeParse(v).success },
  ])('$schema: refused', ({ parse }) => {
    expect(withinBound(() => parse(value))).toBe(false);
  });

  test('actor headers: ignored', () => {
    const request = new Request('http://argmap.test/', { headers: { [CLIENT_HEADER]: value, [OWNER_HEADER]: value, [NAME_HEADER]: value } });
    const actor = withinBound(() => actorFrom(request));
    expect(actor.clientId).toBe('');
    expect(actor.ownerKey).toBe('');
  });
});
