import { expect, test } from 'vitest';
import { countOf } from '@/lib/words';

test.each([
  [0, 'gap', 'No gaps'],
  [1, 'gap', '1 gap'],
  [2, 'gap', '2 gaps'],
  [1, 'open question', '1 open question'],
  [121, 'open question', '121 open questions'],
])('countOf(%i, %s) is "%s"', (count, noun, words) => {
  expect(countOf(count, noun)).toBe(words);
});
