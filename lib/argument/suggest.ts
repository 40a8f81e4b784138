import { paragraphsWithSentences, type Paragraph, type Span } from './coverage';

/**
 * "Suggest units": a transparent heuristic that proposes sentences of an essay as candidate
 * units of its argument — the thesis, claims, premises and evidence — each with the reason it was
 * picked, for a person to accept or dismiss. Nothing here knows any particular essay: it reads
 * discourse markers (because, therefore, indeed, however, should …), where a sentence sits
 * (opening and closing paragraphs, the first sentence of a paragraph) and quotation.
 *
 * Pure and deterministic: the same text always gives the same suggestions. Linear in the length of
 * the text, whatever its shape: every pattern below is matched against one sentence at a time and
 * none can backtrack over the same characters twice (no adjacent or nested quantifiers over
 * overlapping characters); the answer holds at most {@link SUGGESTIONS_MAX} suggestions.
 */

/** The kinds a suggestion can propose (objections and rebuttals come from people, not the text). */
export const SUGGESTION_KINDS = ['thesis', 'claim', 'evidence', 'premise'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/**
 * One proposed unit: the sentence at `start`–`end` (UTF-16 code units into the text exactly as
 * stored, like quote offsets), the kind it looks like, and why, as a sentence a person can read
 * ("Contains 'should' — a recommendation, typical of a thesis.").
 */
export interface Suggestion {
  start: number;
  end: number;
  kind: SuggestionKind;
  reason: string;
}

/** At most this many sentences are proposed as the thesis; an essay has one, stated once or twice. */
export const THESIS_CANDIDATES_MAX = 2;

/**
 * At most this many suggestions are proposed for one essay: a long essay (the 200 KB limit holds
 * some 1,700 ordinary sentences) could otherwise make one for nearly every sentence, an answer of
 * megabytes and a list nobody works through. The thesis candidates always stay; the others are the
 * first ones in text order.
 */
export const SUGGESTIONS_MAX = 1000;

/** What "Suggest units" proposes for an essay: the suggestions in text order, and whether some were left out ({@link SUGGESTIONS_MAX}). */
export interface SuggestedUnits {
  suggestions: Suggestion[];
  /** True when the essay gave more than {@link SUGGESTIONS_MAX} suggestions and the later ones were left out. */
  truncated: boolean;
}

/** A cue found in a sentence: what it points to, how strongly, and the words that say why. */
interface Cue {
  kind: 'recommendation' | Exclude<SuggestionKind, 'thesis'>;
  weight: number;
  /** What was seen, as the start of a sentence: 'Contains “because”', 'Dates an event (“last May”)'. */
  seen: string;
  /** What it suggests: 'gives a reason'. */
  means: string;
}

/** A discourse marker: a pattern over the sentence and the cue it gives. `word` is what the reason quotes. */
interface Marker {
  pattern: RegExp;
  kind: Cue['kind'];
  weight: number;
  /** Why the marker matters, after "Contains '<word>' — ". */
  means: string;
  /** When true the reason says "Opens with" (the marker must start the sentence to count). */
  opening?: boolean;
}

// Weights: 3 = a marker that all but names its role ("therefore", "for example", "should");
// 2 = a good sign ("indeed", a date, a reporting verb); 1 = a weak hint (a topic sentence).
const MARKERS: Marker[] = [
  // A recommendation or a call to act: the thesis when it opens or closes the essay, a claim elsewhere.
  { pattern: /\b(?:should|ought to|must)\b/i, kind: 'recommendation', weight: 3, means: 'a recommendation' },
  {
    pattern: /\b(?:needs? to|the need to|it is (?:time|essential|vital|crucial|imperative) to|the time is now|let[’']s|we have to|has to be|have to be)\b/i,
    kind: 'recommendation',
    weight: 3,
    means: 'a call to act',
  },

  // Conclusion indicators: what follows them is inferred from something else.
  { pattern: /\b(?:therefore|thus|hence|consequently|accordingly|it follows that|as a result)\b/i, kind: 'claim', weight: 3, means: 'draws a conclusion' },
  { pattern: /^(?:So|This (?:shows|means|proves|suggests))\b/, kind: 'claim', weight: 3, means: 'draws a conclusion', opening: true },
  { pattern: /\b(?:this|which|that) (?:shows|means|proves|demonstrates|suggests) that\b/i, kind: 'claim', weight: 3, means: 'draws a conclusion' },
  // "is a sign that", "was a clear reminder of": one run of spaces before each word, so no two quantifiers share characters.
  {
    pattern: /\b(?:is|was|are|were)\s+(?:an?\s+)?(?:\w+\s+)?(?:sign|proof|evidence|demonstration|reminder|indication|lesson)\s+(?:that|of)\b/i,
    kind: 'claim',
    weight: 3,
    means: 'draws a lesson from what came before',
  },
  {
    pattern: /^(This)\s+(?:[\w’'-]+\s+){0,8}?(offers|shows|means|proves|suggests|demonstrates|gives|opens|makes)\b/,
    kind: 'claim',
    weight: 2,
    means: 'interprets what was just said',
    opening: true,
  },
  // Emphasis and concession: the writer asserts a point and leans on it.
  {
    pattern: /\b(?:indeed|in fact|undeniably|clearly|certainly|obviously|of course|no one can doubt|there is no doubt|without question)\b/i,
    kind: 'claim',
    weight: 2,
    means: 'the writer asserts a point firmly',
  },
  {
    pattern: /\b(?:however|nevertheless|nonetheless|on the contrary|whatever the critics)\b/i,
    kind: 'claim',
    weight: 2,
    means: 'takes a position against another view',
  },
  { pattern: /^(?:But|Yet|Although|Though|While|Whereas)\b/, kind: 'claim', weight: 2, means: 'sets the writer’s view against another', opening: true },
  {
    pattern: /\b(?:appears to|seems to|is likely to|will (?:not |never |indefinitely |only |continue to )?\w+)\b/i,
    kind: 'claim',
    weight: 1,
    means: 'a judgement or prediction, which needs support',
  },

  // Reason indicators: what follows them is offered in support of something.
  { pattern: /^(?:Because|Since|Given that|As long as)\b/, kind: 'premise', weight: 3, means: 'gives a reason', opening: true },
  { pattern: /\b(?:because|given that|due to|owing to|the reason is|for the simple reason)\b/i, kind: 'premise', weight: 3, means: 'gives a reason' },
  { pattern: /,\s*since\b/i, kind: 'premise', weight: 2, means: 'gives a reason' },

  // Evidence: examples, testimony, reports, figures.
  { pattern: /\b(?:for example|for instance|such as|to illustrate|a case in point)\b/i, kind: 'evidence', weight: 3, means: 'introduces an example' },
  {
    pattern: /\b(?:according to|testified|reported|announced|stated|declared|said|says|told|wrote|found that|showed that|concluded that)\b/i,
    kind: 'evidence',
    weight: 2,
    means: 'reports what someone said or found',
  },
  { pattern: /\b(?:study|studies|survey|poll|data|statistics|research|report)\b/i, kind: 'evidence', weight: 2, means: 'cites research or data' },
];

/** Figures and dates: a cited number or a dated event reads as evidence. */
const NUMBER =
  /\b\d[\d,.]*\s*(?:%|percent|per cent)|\b\d[\d,.]*\b|\b(?:dozens|hundreds|thousands|millions|billions) of\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|a hundred) (?:years?|decades?|months?|weeks?|days?|times|people|percent)\b/i;
const DATE =
  /\b(?:on|last|this|next|since|in|by) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|week|month|year|spring|summer|autumn|fall|winter)\b|\b(?:January|February|March|April|June|July|August|September|October|November|December) \d{1,2}\b|\b(?:in recent (?:weeks|months|days|years)|earlier this (?:week|month|year)|recently)\b/i;
/** A direct quotation of at least four words in straight or curly double quotes: testimony. */
const QUOTATION_OPENERS = new Set(['“', '"']);
const QUOTATION_CLOSERS = new Set(['”', '"']);
const QUOTATION_MIN_WORDS = 4;
/** A person named by office or title ("President Lincoln", "Senator Sam Brownback", "Dr. Ng"). */
const TITLED_PERSON =
  /\b(?:President|Senator|Ambassador|Secretary|Minister|Prime Minister|Governor|Mayor|General|Professor|Judge|Justice|Chancellor|Dr\.|Sen\.|Gov\.|Rep\.)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*/;
/** A closing paragraph that only says who wrote the essay ("Jane Roe is a Fellow with …"). */
const BYLINE = /^[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)* (?:is|was) (?:a|an|the) [^.]*\.$/;
const BYLINE_WORDS_MAX = 25;
/** A paragraph's first sentence counts as a topic sentence only when it is long enough to state a point ("Teachers are tired." is a transition). */
const TOPIC_SENTENCE_MIN_WORDS = 8;

/**
 * Proposes candidate units of the essay `text`, in text order: at most one suggestion per
 * sentence (sentences as {@link sentenceSpans} finds them), never one for a sentence with no cue,
 * and at most `max` in all ({@link SUGGESTIONS_MAX}; `truncated` says when some were left out).
 *
 * - A recommendation ("should", "must", "need to", "the time is now") in the first or last
 *   paragraph makes a thesis candidate; at most {@link THESIS_CANDIDATES_MAX} are proposed (the
 *   strongest, the closing paragraph winning ties); other recommendations are claims.
 * - Conclusion and emphasis markers ("therefore", "indeed", "however") make claims; reason markers
 *   ("because", "given that") premises; examples, reports, figures, dates and direct quotations
 *   evidence. The kind with the most weight wins; the reason names the cues that decided it.
 * - The first sentence of a paragraph of several sentences (or of the essay), when it has at least
 *   eight words, counts as a weak claim cue (a topic sentence). A closing one-sentence byline ("… is a Fellow with …") is never suggested.
 *
 * @example suggestUnits('We should act now. Because delay costs lives, waiting is wrong.')
 * // { suggestions: [
 * //   { start: 0, end: 18, kind: 'thesis', reason: 'Contains “should” — a recommendation, typical of a thesis; it sits in the closing paragraph, …' },
 * //   { start: 19, end: 63, kind: 'premise', reason: 'Opens with “Because” — gives a reason, typical of a premise. …' }],
 * //   truncated: false }
 */
export function suggestUnits(text: string, max: number = SUGGESTIONS_MAX): SuggestedUnits {
  const paragraphs = bodyParagraphs(text);
  if (paragraphs.length === 0) return { suggestions: [], truncated: false };
  const first = paragraphs[0];
  const last = paragraphs[paragraphs.length - 1];

  const scored = paragraphs.flatMap((paragraph) =>
    paragraph.sentences.flatMap((sentence, index) => {
      const topicSentence = index === 0 && (paragraph.sentences.length > 1 || paragraph === first);
      const cues = cuesOf(text.slice(sentence.start, sentence.end), topicSentence);
      if (cues.length === 0) return [];
      const place = paragraph === last ? 'closing' : paragraph === first ? 'opening' : null;
      return [{ sentence, cues, place }];
    }),
  );

  const thesisOrder = scored
    .filter((s) => s.place !== null && weightOf(s.cues, 'recommendation') > 0)
    .sort(
      (a, b) => weightOf(b.cues, 'recommendation') - weightOf(a.cues, 'recommendation') || (a.place === 'closing' ? -1 : 0) - (b.place === 'closing' ? -1 : 0),
    );
  const theses = new Set(thesisOrder.slice(0, Math.min(THESIS_CANDIDATES_MAX, max)));
  let others = Math.max(0, max - theses.size);
  const kept = scored.filter((s) => theses.has(s) || others-- > 0);

  const suggestions = kept.map((s): Suggestion => {
    const { start, end } = s.sentence;
    if (theses.has(s)) {
      const [lead, ...more] = s.cues.filter((c) => c.kind === 'recommendation');
      const where =
        s.place === 'closing'
          ? 'the closing paragraph, where essays often state their conclusion'
          : 'the opening paragraph, where essays often state their thesis';
      return { start, end, kind: 'thesis', reason: `${lead.seen} — ${lead.means}, typical of a thesis; it sits in ${where}.${also(more)}` };
    }
    const kind = winningKind(s.cues);
    const [lead, ...more] = s.cues.filter((c) => (c.kind === 'recommendation' ? 'claim' : c.kind) === kind).sort((a, b) => b.weight - a.weight);
    return { start, end, kind, reason: `${lead.seen} — ${lead.means}, typical of ${KIND_PHRASES[kind]}.${also(more)}` };
  });
  return { suggestions, truncated: kept.length < scored.length };
}

const KIND_PHRASES: Record<Exclude<SuggestionKind, 'thesis'>, string> = {
  claim: 'a claim',
  premise: 'a premise',
  evidence: 'evidence',
};

/** " Also contains “indeed”." for the next strongest cue that points the same way, if any. */
function also(more: Cue[]): string {
  const next = more[0];
  return next ? ` Also ${next.seen.charAt(0).toLowerCase()}${next.seen.slice(1)}.` : '';
}

/**
 * The cues in one sentence. `topicSentence`: it opens a paragraph of several sentences, or the
 * essay itself (an opening one-sentence paragraph, a lede, states what follows).
 */
function cuesOf(sentence: string, topicSentence: boolean): Cue[] {
  const cues: Cue[] = [];
  for (const marker of MARKERS) {
    const match = marker.pattern.exec(sentence);
    if (!match) continue;
    // A marker with groups ("This … offers") quotes its groups; otherwise the words it matched.
    const words = match.length > 1 ? match.slice(1).join(' … ') : match[0].trim();
    const seen = `${marker.opening ? 'Opens with' : 'Contains'} “${words}”`;
    cues.push({ kind: marker.kind, weight: marker.weight, seen, means: marker.means });
  }
  const quotation = longQuotation(sentence);
  if (quotation) cues.push({ kind: 'evidence', weight: 3, seen: `Quotes someone directly (“${clip(quotation)}”)`, means: 'testimony' });
  const number = NUMBER.exec(sentence);
  if (number) cues.push({ kind: 'evidence', weight: 2, seen: `Cites a figure or year (“${number[0].trim()}”)`, means: 'a fact that can be checked' });
  const date = DATE.exec(sentence);
  if (date) cues.push({ kind: 'evidence', weight: 2, seen: `Dates an event (“${date[0].trim()}”)`, means: 'a report of what happened' });
  const person = TITLED_PERSON.exec(sentence);
  if (person)
    cues.push({
      kind: 'evidence',
      weight: 1,
      seen: `Names someone by title (“${person[0].trim().replace(/[’']s$/, '')}”)`,
      means: 'a report about real people',
    });
  if (topicSentence && hasWords(sentence, TOPIC_SENTENCE_MIN_WORDS))
    cues.push({ kind: 'claim', weight: 1, seen: 'Opens its paragraph', means: 'topic sentences often state the point a paragraph argues' });
  return cues;
}

/** The highest-weighted kind among the cues (a recommendation outside the thesis places counts as a claim); ties go to claim, then evidence, then premise. */
function winningKind(cues: Cue[]): Exclude<SuggestionKind, 'thesis'> {
  const totals = { claim: 0, evidence: 0, premise: 0 };
  for (const cue of cues) totals[cue.kind === 'recommendation' ? 'claim' : cue.kind] += cue.weight;
  const order = ['claim', 'evidence', 'premise'] as const;
  return order.reduce((best, kind) => (totals[kind] > totals[best] ? kind : best), order[0]);
}

function weightOf(cues: Cue[], kind: Cue['kind']): number {
  return cues.filter((c) => c.kind === kind).reduce((sum, c) => sum + c.weight, 0);
}

/**
 * The first direct quotation of at least {@link QUOTATION_MIN_WORDS} words in the sentence, trimmed:
 * from an opening double quote to the next closing one. One pass: once an opening quote has no
 * closing quote after it, no later one has either.
 */
function longQuotation(sentence: string): string | null {
  for (let open = 0; open < sentence.length; open++) {
    if (!QUOTATION_OPENERS.has(sentence[open])) continue;
    let close = open + 1;
    while (close < sentence.length && !QUOTATION_CLOSERS.has(sentence[close])) close++;
    if (close === sentence.length) return null;
    const quoted = sentence.slice(open + 1, close).trim();
    if (hasWords(quoted, QUOTATION_MIN_WORDS)) return quoted;
    open = close;
  }
  return null;
}

/** The first few words of a long quotation, for a reason that stays short. */
function clip(quotation: string): string {
  const words = quotation.split(/\s+/, 7);
  return words.length <= 6 ? quotation : `${words.slice(0, 6).join(' ')} …`;
}

/**
 * True when the trimmed `text` has at least `count` words (runs of non-space), looking no further
 * than the `count`-th word.
 */
function hasWords(text: string, count: number): boolean {
  const word = /\S+/g;
  let found = 0;
  while (found < count && word.exec(text)) found++;
  return found >= count;
}

/**
 * Paragraphs that hold the argument: those with sentences (titles and headings have none), less a
 * closing byline — a last paragraph of one short sentence saying who the writer "is".
 */
function bodyParagraphs(text: string): Paragraph[] {
  const withSentences = paragraphsWithSentences(text).filter((p) => p.sentences.length > 0);
  const last = withSentences[withSentences.length - 1];
  if (withSentences.length > 1 && last.sentences.length === 1) {
    const body = text.slice(last.start, last.end);
    if (!hasWords(body, BYLINE_WORDS_MAX + 1) && BYLINE.test(body)) withSentences.pop();
  }
  return withSentences;
}

/** A unit the suggestions are measured against: a quoted span of a hand-made map and its kind. */
export interface ReferenceUnit {
  start: number;
  end: number;
  kind: string;
}

/** How well suggestions match a hand-made map's quoted units; see {@link scoreSuggestions}. */
export interface SuggestionScore {
  suggestions: number;
  units: number;
  /** Suggestions that overlap at least one unit. */
  hits: number;
  /** Suggestions that overlap a unit of the same kind family. */
  sameKindHits: number;
  /** Units overlapped by at least one suggestion. */
  unitsFound: number;
  /** Units overlapped by a suggestion of the same kind family. */
  unitsFoundSameKind: number;
  precision: number;
  precisionSameKind: number;
  recall: number;
  recallSameKind: number;
  /** Units no suggestion touches. */
  missed: ReferenceUnit[];
  /** Suggestions that touch no unit. */
  spurious: Suggestion[];
}

/**
 * Claim and premise are one family when kinds are compared: both are statements offered as
 * reasons, and which one a hand-made map calls a sentence depends on whether it has support of
 * its own below it — structure a sentence-by-sentence heuristic cannot see.
 */
export function kindFamily(kind: string): string {
  return kind === 'premise' ? 'claim' : kind;
}

/**
 * Precision and recall of `suggestions` against the quoted `units` of a hand-made map, by overlap
 * of offsets: a suggestion "hits" when it overlaps a unit (of the same kind family, for the
 * same-kind figures); a unit is "found" when some suggestion overlaps it.
 */
export function scoreSuggestions(suggestions: readonly Suggestion[], units: readonly ReferenceUnit[]): SuggestionScore {
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  const sameKind = (s: Suggestion, u: ReferenceUnit) => kindFamily(s.kind) === kindFamily(u.kind);
  const hits = suggestions.filter((s) => units.some((u) => overlaps(s, u)));
  const sameKindHits = suggestions.filter((s) => units.some((u) => overlaps(s, u) && sameKind(s, u)));
  const found = units.filter((u) => suggestions.some((s) => overlaps(s, u)));
  const foundSameKind = units.filter((u) => suggestions.some((s) => overlaps(s, u) && sameKind(s, u)));
  const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);
  return {
    suggestions: suggestions.length,
    units: units.length,
    hits: hits.length,
    sameKindHits: sameKindHits.length,
    unitsFound: found.length,
    unitsFoundSameKind: foundSameKind.length,
    precision: ratio(hits.length, suggestions.length),
    precisionSameKind: ratio(sameKindHits.length, suggestions.length),
    recall: ratio(found.length, units.length),
    recallSameKind: ratio(foundSameKind.length, units.length),
    missed: units.filter((u) => !found.includes(u)),
    spurious: suggestions.filter((s) => !hits.includes(s)),
  };
}
