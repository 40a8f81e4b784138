/**
 * Shortens text to at most `max` characters at a word boundary, adding an ellipsis when cut.
 *
 * @example shorten('The quick brown fox', 12) // 'The quick…'
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
