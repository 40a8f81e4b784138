/**
 * How much scanning `@argdown/core`'s lexer would do on a text, estimated in one linear pass.
 *
 * Several of its token patterns search forward from an opening character for their closing one:
 * a link `[…](…)` from `[` to the next `]` (across lines) and on to the next `)`; statement and
 * argument titles `[…]:`, `[…]`, `<…>:`, `<…>`, `@[…]`, `@<…>` and `//` comments to the end of the
 * line; `<!--` and `/*` comments to their end; a tag `#(…)` to the next `)`; YAML data `{…}` to a
 * closing `}` followed by a space (then back again); front matter `===` to the next `===`. The
 * lexer tries them at every such character, so a file of unclosed brackets costs time quadratic in
 * its length (40 KB of `{` took 31 s, 40 KB of `[` 9 s). Real files close what they open on the
 * spot, so their work is about their length.
 */

/** One unit is one character a pattern reads; YAML data's pattern reads each one twice, slowly. */
const DATA_WEIGHT = 8;

/** Characters that start a token of their own in `@argdown/core`'s lexer (markup, punctuation, line ends). */
const TOKEN_STARTS = new Set('\\@#*_[],.:</>(){};-\n');

/**
 * What {@link argdownScanWork} found: the total, the opening character that costs most (with the
 * line of its costliest occurrence), and how many characters start a token of their own — about
 * how many tokens the lexer makes, at some microseconds each.
 */
export interface ScanWork {
  work: number;
  markup: number;
  worst: { opener: string; line: number } | null;
}

/**
 * The characters `@argdown/core`'s lexer would read, at most, trying its searching patterns at
 * every opening character of `text` (see the module comment). Linear in the length of `text`.
 *
 * @example argdownScanWork('[A]: It rained.').work // small: the `[` closes at once
 */
export function argdownScanWork(text: string): ScanWork {
  const n = text.length;
  /** Per opening character: its total work, and where its costliest occurrence is. */
  const byOpener = new Map<string, { work: number; most: number; at: number }>();
  const add = (opener: string, at: number, units: number) => {
    const entry = byOpener.get(opener) ?? { work: 0, most: -1, at };
    entry.work += units;
    if (units > entry.most) Object.assign(entry, { most: units, at });
    byOpener.set(opener, entry);
  };
  // Where the next of each closer is, at or after the current index (n: there is none).
  let lineEnd = n;
  let bracket = n;
  let bracketColon = n;
  let angle = n;
  let angleColon = n;
  let paren = n;
  let linkTail = 0;
  let htmlEnd = n;
  let blockEnd = n;
  let dataStop = n;
  let fence = n;
  let markup = 0;
  for (let i = n - 1; i >= 0; i--) {
    const c = text[i];
    if (TOKEN_STARTS.has(c)) markup++;
    if (c === '\n' || c === '\r') lineEnd = i;
    else if (c === ']') {
      bracket = i;
      if (text[i + 1] === ':') bracketColon = i;
      linkTail = text[i + 1] === '(' ? paren - i : 0;
    } else if (c === '>') {
      angle = i;
      if (text[i + 1] === ':') angleColon = i;
    } else if (c === ')') paren = i;
    else if (c === '}' && /\s/.test(text[i + 1] ?? '') && i + 2 < n && text[i + 2] !== ',' && text[i + 2] !== '}') dataStop = i;
    else if (c === '-' && text.startsWith('-->', i)) htmlEnd = i;
    else if (c === '*' && text[i + 1] === '/') blockEnd = i;
    else if (c === '=' && text.startsWith('===', i)) {
      add('===', i, fence - i);
      fence = i;
    } else if (c === '[') {
      // `[…]:` and `[…]` within the line, a link `[…](…)` across lines.
      add('[', i, Math.min(bracketColon, lineEnd) + Math.min(bracket, lineEnd) + bracket + (bracket < n ? linkTail : 0) - 3 * i);
    } else if (c === '<') {
      // `<…>:` and `<…>` within the line, an HTML comment across lines.
      add('<', i, Math.min(angleColon, lineEnd) + Math.min(angle, lineEnd) - 2 * i + (text.startsWith('<!--', i) ? htmlEnd - i : 0));
    } else if (c === '@') add('@', i, lineEnd - i);
    else if (c === '/') add('/', i, text[i + 1] === '*' ? blockEnd - i : text[i + 1] === '/' ? lineEnd - i : 0);
    else if (c === '#' && text[i + 1] === '(') add('#(', i, paren - i);
    else if (c === '{') add('{', i, DATA_WEIGHT * (dataStop - i));
  }
  let work = 0;
  let worst: [string, { work: number; at: number }] | undefined;
  for (const entry of byOpener) {
    work += entry[1].work;
    if (!worst || entry[1].work > worst[1].work) worst = entry;
  }
  return { work, markup, worst: worst ? { opener: worst[0], line: lineOf(text, worst[1].at) } : null };
}

/** 1-based line number of offset `at`. */
function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A relation or list line's start, as `@argdown/core`'s lexer reads it: its indentation, then the symbol. */
const NESTED_LINE = /^([ \t]*)(?:\+>|->|<\+|<-|<_|_>|><|\+|-|_(?=\s)|\d+\.(?=\s)|\*(?=\s))/;

/**
 * How deep relations (and list items) nest in `text`, as `@argdown/core`'s lexer counts it: a line
 * indented further than the one before it opens a level, one indented less closes levels back to
 * its own, and an empty line closes them all. Its parser recurses once per level.
 *
 * @example relationDepth('[A]: a\n  + [B]: b\n    - [C]: c') // { depth: 2, line: 3 }
 */
export function relationDepth(text: string): { depth: number; line: number } {
  const levels = [0];
  let deepest = { depth: 0, line: 0 };
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    const lineText = text.slice(start, stop);
    const match = NESTED_LINE.exec(lineText);
    if (lineText.trim() === '') levels.length = 1;
    else if (match) {
      const width = match[1].length;
      if (width > levels[levels.length - 1]) levels.push(width);
      else while (levels.length > 1 && width < levels[levels.length - 1]) levels.pop();
      if (levels.length - 1 > deepest.depth) deepest = { depth: levels.length - 1, line: line + 1 };
    }
    if (end === -1) break;
    start = end + 1;
  }
  return deepest;
}
