/** Words that follow a catalogue variable ("a has", "A is", "E asserts", "a an honest"), never an article's noun. */
const AFTER_VARIABLE = /^(?:an?|to|has|have|is|was|were|does|did|asserts|ought|really|also|actually|since|occurs|causes|brought|and|or|in|at|of)\b/;

/**
 * The scheme catalogue's variables left in words a person reads: a stand-alone letter (A, a, B, E,
 * G, S, x), or a letter with a digit or star (C1, C2, C3, C*). Quoted titles of the step's own
 * points (“…”) are the map's words, not the catalogue's, and are skipped. "a" / "A" passes only as
 * the article: followed by a word that is not a verb or joint of a variable ("a goal",
 * "A counterexample" at the start of a sentence). Shared by the unit and end-to-end tests.
 *
 * @example catalogueVariables('Is it practically possible for a to carry out A?') // ['a', 'A']
 */
export function catalogueVariables(text: string): string[] {
  const outside = text.replace(/“[^”]*”/g, '“”');
  const found: string[] = [];
  for (const m of outside.matchAll(/(?<![\p{L}\p{N}’'-])([A-Za-z])(\d|\*)?(?![\p{L}\p{N}-])/gu)) {
    const [token, letter, suffix] = m;
    const rest = outside.slice(m.index + token.length);
    const nextWord = /^ ([a-z][\p{L}’'-]*)/u.exec(rest)?.[1];
    const sentenceStart = /(?:^|[.?!:—] *)$/.test(outside.slice(0, m.index));
    const article = (letter === 'a' || (letter === 'A' && sentenceStart)) && !suffix && nextWord !== undefined && !AFTER_VARIABLE.test(nextWord);
    if (!article) found.push(token);
  }
  return found;
}
