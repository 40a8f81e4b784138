import { expect, test } from 'vitest';
import { countOf, matchCount } from '@/lib/words';

test.each([
  [0, 'gap', 'No gaps'],
  [1, 'gap', '1 gap'],
  [2, 'gap', '2 gaps'],
  [1, 'open question', '1 open question'],
  [121, 'open question', '121 open questions'],
])('countOf(%i, %s) is "%s"', (count, noun, words) => {
  expect(countOf(count, noun)).toBe(words);
});

test('matchCount says how many points a search found, in the right number', () => {
  expect(matchCount(12, 43)).toBe('12 matches among 43 points');
  expect(matchCount(1, 43)).toBe('1 match among 43 points');
  expect(matchCount(0, 1)).toBe('No matches among 1 point');
});
