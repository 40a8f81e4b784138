import { describe, expect, test } from 'vitest';
import { safeNextPath } from '../next-path';

describe('safeNextPath', () => {
  test.each([
    ['/', '/'],
    ['/maps/negotiate-now', '/maps/negotiate-now'],
    ['/maps/negotiate-now?view=outline#n1', '/maps/negotiate-now?view=outline#n1'],
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
    ['a javascript: URL', 'javascript:alert(1)'],
  ])('sends %s to "/"', (_name, next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});
