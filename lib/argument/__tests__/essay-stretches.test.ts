import { describe, expect, test } from 'vitest';
import { computeCoverage, paragraphSpans } from '../coverage';
import { stretchesOf } from '../essay-stretches';
import type { Quote } from '../model';

const point = (id: string, start: number, end: number) => ({ id, quote: { start, end, text: '' } as Quote });
const mark = (type: string, start: number, end: number) => ({ type, start, end });
/** Stretches as "start-end:point/mark" for short expectations. */
const describeStretches = (stretches: ReturnType<typeof stretchesOf<ReturnType<typeof point>, ReturnType<typeof mark>>>) =>
  stretches.map((p) => p.map((s) => `${s.start}-${s.end}:${s.quoted?.id ?? '-'}/${s.mark?.type ?? '-'}`));

describe('stretchesOf', () => {
  test.each([
    { name: 'a plain paragraph is one stretch', quoted: [], marks: [], expected: [['0-10:-/-']] },
    { name: 'a quote cuts its paragraph in three', quoted: [point('a', 2, 5)], marks: [], expected: [['0-2:-/-', '2-5:a/-', '5-10:-/-']] },
    {
      name: 'the narrowest of nested quotes wins',
      quoted: [point('wide', 0, 10), point('narrow', 3, 4)],
      marks: [],
      expected: [['0-3:wide/-', '3-4:narrow/-', '4-10:wide/-']],
    },
    {
      name: 'among quotes of one length, the first listed',
      quoted: [point('first', 2, 4), point('second', 2, 4)],
      marks: [],
      expected: [['0-2:-/-', '2-4:first/-', '4-10:-/-']],
    },
    { name: 'among marks, the first listed', quoted: [], marks: [mark('suggestion', 0, 10), mark('unquoted', 0, 10)], expected: [['0-10:-/suggestion']] },
    {
      name: 'a quote across paragraphs is cut at each',
      quoted: [point('a', 5, 16)],
      marks: [],
      expected: [
        ['0-5:-/-', '5-10:a/-'],
        ['12-16:a/-', '16-20:-/-'],
      ],
    },
  ])('$name', ({ quoted, marks, expected }) => {
    const paragraphs =
      expected.length === 1
        ? [{ start: 0, end: 10 }]
        : [
            { start: 0, end: 10 },
            { start: 12, end: 20 },
          ];
    expect(describeStretches(stretchesOf(paragraphs, quoted, marks))).toEqual(expected);
  });

  // Before: every stretch looked for its mark among all the paragraph's marks — 68,266 sentences
  // marked "unquoted" in one paragraph made some 10^10 comparisons and hung the browser.
  test.each([
    { name: '"A. " × 68,266 in one paragraph', text: 'A. '.repeat(68_266) },
    { name: '"A.\\n\\n" × 51,200 paragraphs', text: 'A.\n\n'.repeat(51_200) },
  ])('every sentence of $name marked unquoted, 5,000 quotes: one stretch per sentence and gap, in bounded time', ({ text }) => {
    const paragraphs = paragraphSpans(text);
    const quotes = Array.from({ length: 5000 }, (_, i) => point(`q${i}`, i * 40, i * 40 + 2));
    const marks = computeCoverage(text, []).uncovered.map((u) => mark('unquoted', u.start, u.end));
    const started = performance.now();
    const stretches = stretchesOf(paragraphs, quotes, marks);
    expect(performance.now() - started).toBeLessThan(3000);
    const all = stretches.flat();
    expect(all.filter((s) => s.mark).length).toBeGreaterThanOrEqual(marks.length);
    expect(all.every((s, i) => s.end > s.start && (i === 0 || s.start >= all[i - 1].end))).toBe(true);
  });
});
