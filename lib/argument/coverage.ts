import type { Quote } from './model';

/** A span of the document: a paragraph or a sentence, by offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Paragraphs: runs of text separated by blank lines, trimmed, with their offsets. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) spans.push({ start: m.index + lead, end: m.index + lead + body.length });
  }
  return spans;
}

/**
 * Sentences of the body text: paragraphs split after `.`, `!` or `?` (and any closing quote)
 * followed by a space and a capital, digit or opening quote. A paragraph with no closing
 * punctuation (a title, a heading) is not a sentence and is left out.
 */
export function sentenceSpans(text: string): Span[] {
  const sentences: Span[] = [];
  for (const p of paragraphSpans(text)) {
    const para = text.slice(p.start, p.end);
    if (!/[.!?][”"’')]*$/.test(para)) continue;
    let from = 0;
    const re = /[.!?][”"’')]*\s+(?=[A-Z0-9“"‘(])/g;
    for (let m = re.exec(para); m; m = re.exec(para)) {
      if (continuesAfterAbbreviation(para.slice(0, m.index + 1), para.slice(m.index + m[0].length))) continue;
      const end = m.index + m[0].trimEnd().length;
      sentences.push({ start: p.start + from, end: p.start + end });
      from = m.index + m[0].length;
    }
    sentences.push({ start: p.start + from, end: p.end });
  }
  return sentences;
}

/** Titles whose full stop never ends a sentence. */
const TITLE = /\b(?:Mr|Mrs|Ms|Dr|St|Sen|Gen|Rep|Gov|Jr|Sr|vs|etc|No)\.$/;
/** Initialisms ("U.S.", "U.N."): they end a sentence only when a typical sentence opener follows. */
const INITIALISM = /\b(?:[A-Z]\.)+$/;
const SENTENCE_OPENER = /^(?:On|In|With|The|This|That|These|Those|It|He|She|They|We|I|But|And|Yet|So|However|Indeed|A|An|Last|When|While|After|Before|If|As|Whatever|For|Since)\b/;

/** True when the full stop at the end of `before` belongs to an abbreviation and `after` goes on the same sentence. */
function continuesAfterAbbreviation(before: string, after: string): boolean {
  if (TITLE.test(before)) return true;
  return INITIALISM.test(before) && !SENTENCE_OPENER.test(after);
}

export interface Coverage {
  /** Sentences that at least one quote overlaps. */
  covered: number;
  total: number;
  /** The sentences no quote touches, for "find the gaps". */
  uncovered: Span[];
}

/** How much of the essay the map quotes: the share of its sentences touched by a quote. */
export function computeCoverage(text: string, quotes: readonly Quote[]): Coverage {
  const sentences = sentenceSpans(text);
  const uncovered = sentences.filter((s) => !quotes.some((q) => q.start < s.end && q.end > s.start));
  return { covered: sentences.length - uncovered.length, total: sentences.length, uncovered };
}
