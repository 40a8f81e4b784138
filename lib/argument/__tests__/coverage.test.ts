import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { computeCoverage, paragraphSpans, sentenceSpans, type Span } from '../coverage';

const ESSAY = readFileSync(new URL('../../../prisma/seed/negotiate-now.txt', import.meta.url), 'utf8');

const slices = (text: string, spans: Span[]) => spans.map((s) => text.slice(s.start, s.end));

describe('paragraphSpans', () => {
  test.each([
    { name: 'one paragraph', text: 'One line.', expected: ['One line.'] },
    { name: 'blank-line separated', text: 'First.\n\nSecond.', expected: ['First.', 'Second.'] },
    { name: 'a single newline keeps a paragraph together', text: 'First line\nsecond line.\n\nNext.', expected: ['First line\nsecond line.', 'Next.'] },
    { name: 'surrounding whitespace is trimmed', text: '\n\n  Indented.  \n\n\n\tTabbed.\n', expected: ['Indented.', 'Tabbed.'] },
    { name: 'a whitespace-only line separates', text: 'First.\n   \nSecond.', expected: ['First.', 'Second.'] },
    { name: 'empty text', text: '', expected: [] },
    { name: 'only blank lines', text: '\n\n \n', expected: [] },
  ])('$name', ({ text, expected }) => {
    expect(slices(text, paragraphSpans(text))).toEqual(expected);
  });

  test('offsets slice the essay into trimmed, ordered, non-overlapping paragraphs', () => {
    const spans = paragraphSpans(ESSAY);
    expect(spans).toHaveLength(9);
    for (const [i, span] of spans.entries()) {
      const body = ESSAY.slice(span.start, span.end);
      expect(body).toBe(body.trim());
      expect(body).not.toMatch(/\n\s*\n/);
      if (i > 0) expect(span.start).toBeGreaterThan(spans[i - 1].end);
    }
    expect(ESSAY.slice(spans[0].start, spans[0].end)).toBe('The Time is Now to Negotiate with North Korea');
    expect(ESSAY.slice(spans[8].start, spans[8].end)).toBe('Haeyoung Kim is a Fellow with the Korea Policy Institute.');
  });
});

describe('sentenceSpans', () => {
  test.each([
    { name: 'two sentences', text: 'One. Two.', expected: ['One.', 'Two.'] },
    { name: 'question and exclamation marks', text: 'Why? Because! Done.', expected: ['Why?', 'Because!', 'Done.'] },
    { name: 'a closing quote stays with its sentence', text: 'He said “stop.” Then he left.', expected: ['He said “stop.”', 'Then he left.'] },
    { name: 'a sentence may start with a digit', text: 'It ended. 1945 was the year.', expected: ['It ended.', '1945 was the year.'] },
    { name: 'a sentence may start with an opening quote', text: 'It ended. “Never again,” they said.', expected: ['It ended.', '“Never again,” they said.'] },
    {
      name: '"U.S." inside a sentence does not end it',
      text: 'Former U.S. President Bill Clinton went.',
      expected: ['Former U.S. President Bill Clinton went.'],
    },
    { name: '"Dr." does not end a sentence', text: 'Dr. Kim spoke. Then we left.', expected: ['Dr. Kim spoke.', 'Then we left.'] },
    {
      name: '"Mr." and "Sen." do not end a sentence',
      text: 'Mr. Lee met Sen. Brownback. They talked.',
      expected: ['Mr. Lee met Sen. Brownback.', 'They talked.'],
    },
    { name: 'a full stop before a lower-case word does not split', text: 'Costs approx. ten dollars.', expected: ['Costs approx. ten dollars.'] },
    { name: 'a title line (no final punctuation) is skipped', text: 'A Title Here\n\nBody one. Body two.', expected: ['Body one.', 'Body two.'] },
    { name: 'a heading between paragraphs is skipped', text: 'First.\n\nSection two\n\nSecond.', expected: ['First.', 'Second.'] },
    { name: 'sentences do not cross paragraphs', text: 'First ends.\n\nSecond starts. And ends.', expected: ['First ends.', 'Second starts.', 'And ends.'] },
    { name: 'empty text', text: '', expected: [] },
  ])('$name', ({ text, expected }) => {
    expect(slices(text, sentenceSpans(text))).toEqual(expected);
  });

  // The essay has 25 sentences: 24 in its seven body paragraphs plus the byline. Two of them end
  // with "the U.S." and the next sentence starts right after ("…and the U.S. On Monday, …",
  // "…than the U.S. With North Korea’s …").
  test('the essay has 25 sentences', () => {
    expect(sentenceSpans(ESSAY)).toHaveLength(25);
  });

  test('a sentence ending in "the U.S." ends there', () => {
    const sentences = slices(ESSAY, sentenceSpans(ESSAY));
    expect(sentences).toContain('In recent weeks, Pyongyang has shown a softening of tone with both South Korea and the U.S.');
    expect(sentences).toContain(
      'A cornerstone of the Obama administration’s language around foreign policy has been to engage with states that are fundamentally different than the U.S.',
    );
  });

  test.each([
    [
      'Former U.S. President Bill Clinton’s mission to the country secured the release of the two detained American reporters — Laura Ling and Euna Lee — who had crossed onto North Korean soil without permission.',
    ],
    [
      'Ambassador Stephen Bosworth, the U.S. special representative for North Korea policy, recently testified in Congress that if Pyongyang does not satisfy Washington’s outlined preconditions, the U.S. will “take defensive measures to bring significant pressure to bear for North Korea to abandon its nuclear and missile programs.”',
    ],
    ['We are at a dangerous moment in relations with North Korea.'],
    ['Haeyoung Kim is a Fellow with the Korea Policy Institute.'],
  ])('the essay has the sentence %j', (sentence) => {
    expect(slices(ESSAY, sentenceSpans(ESSAY))).toContain(sentence);
  });

  test('essay sentences are trimmed, in order, inside paragraphs, and skip the title', () => {
    const sentences = sentenceSpans(ESSAY);
    const paragraphs = paragraphSpans(ESSAY);
    for (const [i, s] of sentences.entries()) {
      const words = ESSAY.slice(s.start, s.end);
      expect(words).toBe(words.trim());
      expect(words).toMatch(/[.!?][”"’')]*$/);
      expect(paragraphs.some((p) => p.start <= s.start && s.end <= p.end)).toBe(true);
      if (i > 0) expect(s.start).toBeGreaterThan(sentences[i - 1].end);
    }
    expect(ESSAY.slice(sentences[0].start, sentences[0].end)).toMatch(/^First the life/);
  });
});

describe('computeCoverage', () => {
  // Sentences: [0,4) "One." [5,9) "Two." [10,16) "Three."
  const text = 'One. Two. Three.';
  const q = (start: number, end: number) => ({ start, end, text: text.slice(start, end) });

  test.each([
    { name: 'no quotes', quotes: [], covered: 0, uncovered: ['One.', 'Two.', 'Three.'] },
    { name: 'a quote inside one sentence', quotes: [q(5, 8)], covered: 1, uncovered: ['One.', 'Three.'] },
    { name: 'a quote spanning two sentences', quotes: [q(2, 7)], covered: 2, uncovered: ['Three.'] },
    { name: 'two quotes in the same sentence count once', quotes: [q(0, 1), q(2, 3)], covered: 1, uncovered: ['Two.', 'Three.'] },
    { name: 'a quote ending exactly where a sentence starts does not touch it', quotes: [q(0, 5)], covered: 1, uncovered: ['Two.', 'Three.'] },
    { name: 'a quote of only the space between sentences touches none', quotes: [q(4, 5)], covered: 0, uncovered: ['One.', 'Two.', 'Three.'] },
    { name: 'the last character of a sentence counts', quotes: [q(15, 16)], covered: 1, uncovered: ['One.', 'Two.'] },
    { name: 'a quote of everything', quotes: [q(0, 16)], covered: 3, uncovered: [] },
  ])('$name', ({ quotes, covered, uncovered }) => {
    const coverage = computeCoverage(text, quotes);
    expect(coverage.total).toBe(3);
    expect(coverage.covered).toBe(covered);
    expect(slices(text, coverage.uncovered)).toEqual(uncovered);
  });

  test('a quote in a skipped title covers nothing', () => {
    const titled = 'The Title\n\nBody.';
    expect(computeCoverage(titled, [{ start: 0, end: 9, text: 'The Title' }])).toEqual({
      covered: 0,
      total: 1,
      uncovered: [{ start: 11, end: 16 }],
    });
  });
});
