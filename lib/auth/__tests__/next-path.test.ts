import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NEXT_PATH_MAX, safeNextPath } from '../next-path';

const SITE = 'http://argmap.example';

/** Where a browser on this site goes when it follows `href`. */
function followedOrigin(href: string): string {
  return new URL(href, `${SITE}/signin?next=x`).origin;
}

describe('safeNextPath', () => {
  test.each([
    ['/', '/'],
    ['/maps/negotiate-now', '/maps/negotiate-now'],
    ['/maps/negotiate-now?view=outline#n1', '/maps/negotiate-now?view=outline#n1'],
    ['/maps/./negotiate-now', '/maps/negotiate-now'],
  ])('keeps the same-site path %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  test.each([
    ['nothing', undefined],
    ['several values', ['/a', '/b']],
    ['an empty string', ''],
    ['a relative path', 'maps/x'],
    ['an absolute URL', 'https://evil.example/maps'],
    ['a protocol-relative URL', '//evil.example/maps'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a tab hidden between the slashes', '/\t/evil.example'],
    ['a newline hidden between the slashes', '/\n/evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a dot segment in front of //', '/.//evil.example'],
    ['a dot segment in front of /\\', '/./\\evil.example'],
    ['a parent segment in front of //', '/a/..//evil.example'],
    ['a parent segment above the root', '/..//evil.example'],
    ['an encoded dot segment', '/%2e//evil.example'],
    ['an encoded parent segment', '/.%2E//evil.example'],
    ['a tab inside a dot segment', '/\t.//evil.example'],
    ['a dot segment before a backslash pair', '/.//\\evil.example'],
    ['a path longer than the bound', `/${'a'.repeat(NEXT_PATH_MAX)}`],
  ])('sends %s to "/"', (_name, next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  // The characters that URL parsing treats specially, so random strings reach the odd cases often.
  const tricky = fc.constantFrom(
    '/',
    '\\',
    '.',
    '%2e',
    '%2E',
    '%2f',
    '%5c',
    '\t',
    '\n',
    '\r',
    ' ',
    ':',
    '@',
    '?',
    '#',
    'evil.example',
    'a',
    'javascript:',
    'http:',
    '%00',
    '\u0000',
    '\u3002',
  );
  const nextLike = fc.oneof(
    fc.string(),
    fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join('')),
    fc.array(tricky, { maxLength: 12 }).map((parts) => `/${parts.join('')}`),
  );

  test('whatever it is given, the answer is "/" or a path that stays on this site', () => {
    fc.assert(
      fc.property(nextLike, (next) => {
        const answer = safeNextPath(next);
        if (answer === '/') return;
        expect(answer.startsWith('/')).toBe(true);
        expect(answer[1] === '/' || answer[1] === '\\').toBe(false);
        expect(followedOrigin(answer)).toBe(SITE);
        // What it says is what a browser does: resolving the answer again changes nothing.
        expect(safeNextPath(answer)).toBe(answer);
      }),
      { numRuns: 5000 },
    );
  });
});
