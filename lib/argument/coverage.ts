import type { Quote } from './model';

/**
 * Paragraphs and sentences of an essay, and how much of it a map quotes. This is the one sentence
 * splitter of the project: the server (coverage in the Gaps count, "Suggest units") and the browser
 * (the essay panel) import this module, so their offsets always agree.
 *
 * Every function here is one linear pass over the text, whatever its shape: a 200 KB essay of
 * "A. A. A. …", of spaces or of newlines is split in milliseconds. (`Intl.Segmenter` with
 * `granularity: 'sentence'` is not used: in Node 20's V8 iterating its segments is quadratic — 4.6 s
 * for a 220 KB essay of 4,000 ordinary sentences, 86 s for "A. " × 68,266 — it breaks at every line
 * feed and after every abbreviation ("U.S. President", "Dr. Kim"), and each browser ships its own
 * ICU, so server and browser offsets could differ.)
 */

/** A span of the document: a paragraph or a sentence, by offsets (UTF-16 code units, end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** A paragraph and the sentences in it (none for a title or a heading). */
export interface Paragraph extends Span {
  sentences: Span[];
}

/**
 * Paragraphs: runs of lines separated by blank (whitespace-only) lines, trimmed, with their offsets.
 *
 * @example paragraphSpans('First.\n\n  Second\nline.') // [{ start: 0, end: 6 }, { start: 10, end: 22 }]
 */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let open: Span | null = null;
  for (let lineStart = 0; lineStart <= text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const first = firstNonSpace(text, lineStart, lineEnd);
    if (first === lineEnd) {
      if (open) spans.push(open);
      open = null;
    } else {
      const end = lastNonSpace(text, first, lineEnd) + 1;
      if (open) open.end = end;
      else open = { start: first, end };
    }
    lineStart = lineEnd + 1;
  }
  if (open) spans.push(open);
  return spans;
}

/**
 * Sentences of the body text: paragraphs split after `.`, `!` or `?` (and any closing quote)
 * followed by whitespace and a capital, digit or opening quote — except after a title ("Dr.",
 * "Mr.", "Sen.") or an initialism ("U.S.") that a typical sentence opener does not follow. A
 * paragraph with no closing punctuation (a title, a heading) is not a sentence and is left out.
 *
 * @example sentenceSpans('Dr. Kim spoke. Then we left.') // [{ start: 0, end: 14 }, { start: 15, end: 28 }]
 */
export function sentenceSpans(text: string): Span[] {
  return paragraphsWithSentences(text).flatMap((p) => p.sentences);
}

/** Every paragraph of `text` ({@link paragraphSpans}) with its sentences ({@link sentenceSpans}). */
export function paragraphsWithSentences(text: string): Paragraph[] {
  return paragraphSpans(text).map(({ start, end }) => ({ start, end, sentences: sentencesOf(text, start, end) }));
}

/** The sentences of one paragraph: one pass, each character looked at a bounded number of times. */
function sentencesOf(text: string, start: number, end: number): Span[] {
  let last = end - 1;
  while (last >= start && CLOSERS.has(text[last])) last--;
  if (last < start || !ENDERS.has(text[last])) return [];

  const sentences: Span[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (!ENDERS.has(text[i])) continue;
    let closed = i + 1;
    while (closed < end && CLOSERS.has(text[closed])) closed++;
    let next = closed;
    while (next < end && isSpace(text[next])) next++;
    // Punctuation, closing quotes, whitespace and then an opening character: a boundary, unless an abbreviation goes on.
    if (next > closed && next < end && OPENERS.test(text[next]) && !continuesAfterAbbreviation(text, i, next)) {
      sentences.push({ start: from, end: closed });
      from = next;
    }
    i = next - 1;
  }
  sentences.push({ start: from, end });
  return sentences;
}

/** What ends a sentence, what may follow it before the space (closing quotes, a bracket), and what may open the next. */
const ENDERS = new Set(['.', '!', '?']);
const CLOSERS = new Set(['”', '"', '’', "'", ')']);
const OPENERS = /[A-Z0-9“"‘(]/;

/** Titles whose full stop never ends a sentence. */
const TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Sen', 'Gen', 'Rep', 'Gov', 'Jr', 'Sr', 'vs', 'etc', 'No']);
const TITLE_LENGTH_MAX = 3;
/** Initialisms ("U.S.", "U.N.") end a sentence only when one of these words opens the next. */
const SENTENCE_OPENERS = new Set([
  'On',
  'In',
  'With',
  'The',
  'This',
  'That',
  'These',
  'Those',
  'It',
  'He',
  'She',
  'They',
  'We',
  'I',
  'But',
  'And',
  'Yet',
  'So',
  'However',
  'Indeed',
  'A',
  'An',
  'Last',
  'When',
  'While',
  'After',
  'Before',
  'If',
  'As',
  'Whatever',
  'For',
  'Since',
]);
const SENTENCE_OPENER_LENGTH_MAX = 8;

/**
 * True when the full stop at `stop` belongs to an abbreviation and the sentence goes on at `next`:
 * after a title always; after an initialism (a capital and a full stop, "U.S.") unless a typical
 * sentence opener follows. Looks at most a few characters either side.
 */
function continuesAfterAbbreviation(text: string, stop: number, next: number): boolean {
  if (text[stop] !== '.') return false;
  let wordStart = stop;
  while (wordStart > 0 && stop - wordStart <= TITLE_LENGTH_MAX && isWordChar(text[wordStart - 1])) wordStart--;
  const startsWord = wordStart === 0 || !isWordChar(text[wordStart - 1]);
  if (startsWord && TITLES.has(text.slice(wordStart, stop))) return true;
  const initialism = stop >= 1 && isCapital(text[stop - 1]) && (stop === 1 || !isWordChar(text[stop - 2]));
  if (!initialism) return false;
  let wordEnd = next;
  while (wordEnd < text.length && wordEnd - next <= SENTENCE_OPENER_LENGTH_MAX && isWordChar(text[wordEnd])) wordEnd++;
  return !SENTENCE_OPENERS.has(text.slice(next, wordEnd));
}

/** `\w` of a regular expression (ASCII letters, digits, underscore), one character at a time. */
const isWordChar = (ch: string) => (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '_';
/** `\s` of a regular expression, one character at a time (ASCII without the regular expression). */
const SPACE = /\s/;
const isSpace = (ch: string) => ch === ' ' || (ch >= '\t' && ch <= '\r') || (ch > '\x7f' && SPACE.test(ch));
const isCapital = (ch: string) => ch >= 'A' && ch <= 'Z';

function firstNonSpace(text: string, from: number, to: number): number {
  while (from < to && isSpace(text[from])) from++;
  return from;
}

function lastNonSpace(text: string, from: number, to: number): number {
  let i = to - 1;
  while (i > from && isSpace(text[i])) i--;
  return i;
}

export interface Coverage {
  /** Sentences that at least one quote overlaps. */
  covered: number;
  total: number;
  /** The sentences no quote touches, for "find the gaps". */
  uncovered: Span[];
}

/**
 * How much of the essay the map quotes: the share of its sentences touched by a quote. One sweep
 * over the sentences (in order) and the quotes sorted by start: O((sentences + quotes) · log quotes).
 */
export function computeCoverage(text: string, quotes: readonly Quote[]): Coverage {
  const sentences = sentenceSpans(text);
  const byStart = [...quotes].sort((a, b) => a.start - b.start);
  const uncovered: Span[] = [];
  // The furthest end of any quote that starts before the current sentence ends: a quote touches
  // the sentence exactly when that end is past the sentence's start.
  let reach = -Infinity;
  let next = 0;
  for (const sentence of sentences) {
    while (next < byStart.length && byStart[next].start < sentence.end) reach = Math.max(reach, byStart[next++].end);
    if (!(reach > sentence.start)) uncovered.push(sentence);
  }
  return { covered: sentences.length - uncovered.length, total: sentences.length, uncovered };
}
