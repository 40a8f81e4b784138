import { describe, expect, test } from 'vitest';
import { exportQuerySchema, importBodySchema } from '../../../validation/interchange';
import { MAP_TITLE_MAX } from '../../../validation/limits';
import { freeSlug, RESERVED_SLUGS, SLUG_BASE_MAX, slugify } from '../map-slug';

/** The issue paths of a failed parse (empty when it succeeds). */
function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): PropertyKey[][] {
  return result.success ? [] : result.error!.issues.map((i) => i.path);
}

describe('exportQuerySchema', () => {
  test.each(['argdown', 'aif', 'json'])('accepts format=%s', (format) => {
    expect(exportQuerySchema.parse({ format })).toEqual({ format });
  });

  test.each([
    ['an unknown format', { format: 'pdf' }],
    ['no format', {}],
    ['an empty format', { format: '' }],
    ['a format in capitals', { format: 'AIF' }],
  ])('refuses %s, at ["format"]', (_name, query) => {
    expect(issuePaths(exportQuerySchema.safeParse(query))).toEqual([['format']]);
  });
});

describe('importBodySchema', () => {
  const body = { format: 'argdown', title: '  The case for X  ', content: '[a]: b' };

  test('accepts a body and trims the title', () => {
    expect(importBodySchema.parse(body)).toEqual({ ...body, title: 'The case for X' });
  });

  test.each([
    ['an unknown format', { ...body, format: 'xml' }, ['format']],
    ['a missing title', { format: 'aif', content: '{}' }, ['title']],
    ['a blank title', { ...body, title: '   ' }, ['title']],
    [`a title over ${MAP_TITLE_MAX} characters`, { ...body, title: 'x'.repeat(MAP_TITLE_MAX + 1) }, ['title']],
    ['content that is not a string (AIF sent as an object)', { ...body, format: 'aif', content: { nodes: [] } }, ['content']],
    ['an unknown field', { ...body, extra: 1 }, []],
  ])('refuses %s', (_name, input, path) => {
    expect(issuePaths(importBodySchema.safeParse(input))).toEqual([path]);
  });
});

describe('slugify', () => {
  test.each([
    ['Negotiate now? — the case for engaging North Korea', 'negotiate-now-the-case-for-engaging'],
    ['Négocier maintenant : Corée du Nord', 'negocier-maintenant-coree-du-nord'],
    ['  --Hello,   World!--  ', 'hello-world'],
    ['nodeset137.json', 'nodeset137-json'],
    ['???', 'imported-map'],
    ['北朝鮮', 'imported-map'],
    ['a'.repeat(100), 'a'.repeat(SLUG_BASE_MAX)],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(slug.length).toBeLessThanOrEqual(SLUG_BASE_MAX);
  });
});

describe('freeSlug', () => {
  test('the base when it is free, else the first free -n', () => {
    expect(freeSlug('essay', new Set())).toBe('essay');
    expect(freeSlug('essay', new Set(['essay']))).toBe('essay-2');
    expect(freeSlug('essay', new Set(['essay', 'essay-2', 'essay-3']))).toBe('essay-4');
  });

  test('never a reserved slug (the import route)', () => {
    expect(RESERVED_SLUGS.has('import')).toBe(true);
    expect(freeSlug('import', new Set())).toBe('import-2');
  });
});
