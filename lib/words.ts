/**
 * A count and its noun, in the words a person reads: "No gaps", "1 gap", "146 gaps". Nouns that
 * take plain "s" only (every count on the map page does).
 *
 * @example countOf(1, 'open question') // "1 open question"
 */
export function countOf(count: number, noun: string): string {
  return `${count === 0 ? 'No' : count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * What a search or filter found, in words: "12 matches among 43 points", "1 match among 43 points",
 * "No matches among 43 points".
 */
export function matchCount(matches: number, points: number): string {
  return `${matches === 0 ? 'No' : matches} match${matches === 1 ? '' : 'es'} among ${points} point${points === 1 ? '' : 's'}`;
}
