import { describe, expect, test } from 'vitest';
import { documentCreateSchema, mapUpdateSchema, utf8Bytes } from '../documents';
import { ESSAY_TEXT_MAX_BYTES, MAP_TITLE_MAX } from '../limits';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => ({ path: i.path, message: i.message }));

describe('documentCreateSchema', () => {
  test('the text is kept exactly as given — leading spaces, CRLF and trailing newlines included', () => {
    const text = '  Indented title\r\n\r\nBody “quoted” — text.\n\n';
    const parsed = documentCreateSchema.parse({ title: '  Essay  ', author: ' A. Writer ', text });
    expect(parsed).toEqual({ title: 'Essay', author: 'A. Writer', text });
  });

  test.each([
    { name: 'empty text', body: { title: 'T', text: '' }, path: ['text'], message: /empty/ },
    { name: 'whitespace-only text', body: { title: 'T', text: ' \n\t\r\n ' }, path: ['text'], message: /empty/ },
    {
      name: 'text over the limit in UTF-8 bytes',
      body: { title: 'T', text: 'é'.repeat(ESSAY_TEXT_MAX_BYTES / 2 + 1) },
      path: ['text'],
      message: /limit is 200 KB/,
    },
    { name: 'no title', body: { text: 'Some text.' }, path: ['title'], message: /title/ },
    { name: 'a blank title', body: { title: '   ', text: 'Some text.' }, path: ['title'], message: /title/ },
    { name: 'a title too long', body: { title: 'x'.repeat(MAP_TITLE_MAX + 1), text: 'Some text.' }, path: ['title'], message: /at most/ },
    { name: 'an unknown field', body: { title: 'T', text: 'Some text.', owner: 'me' }, path: [], message: /owner/ },
  ])('refuses $name', ({ body, path, message }) => {
    const issues = issuesOf(documentCreateSchema.safeParse(body));
    expect(issues.map((i) => i.path)).toContainEqual(path);
    expect(issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path))!.message).toMatch(message);
  });

  test('exactly the limit is accepted; bytes, not characters, are counted', () => {
    expect(documentCreateSchema.safeParse({ title: 'T', text: 'a'.repeat(ESSAY_TEXT_MAX_BYTES) }).success).toBe(true);
    expect(utf8Bytes('é🙂')).toBe(6);
  });
});

describe('mapUpdateSchema', () => {
  test.each([{ title: 'New name' }, { archived: true }, { archived: false }, { policy: 'read-only' }, { title: 'x', archived: false, policy: 'open' }])(
    'accepts %j',
    (body) => {
      expect(mapUpdateSchema.safeParse(body).success).toBe(true);
    },
  );

  test.each([
    { body: {}, path: [] },
    { body: { archived: 'yes' }, path: ['archived'] },
    { body: { title: '' }, path: ['title'] },
    { body: { policy: 'everyone' }, path: ['policy'] },
    { body: { slug: 'other' }, path: [] },
  ])('refuses $body', ({ body, path }) => {
    expect(issuesOf(mapUpdateSchema.safeParse(body)).map((i) => i.path)).toContainEqual(path);
  });
});
