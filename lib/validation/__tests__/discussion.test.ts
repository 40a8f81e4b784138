import { describe, expect, test } from 'vitest';
import { commentCreateSchema, commentUpdateSchema, voteSchema } from '../discussion';
import { AUTHOR_NAME_MAX, COMMENT_TEXT_MAX } from '../limits';

/** The issues of a failed parse as `{ path, message }` (empty when it succeeds). */
function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.success ? [] : result.error!.issues.map((i) => ({ path: i.path, message: i.message }));
}

describe('commentCreateSchema', () => {
  test.each([
    ['one character', { text: '?' }],
    [`exactly ${COMMENT_TEXT_MAX} characters`, { text: 'x'.repeat(COMMENT_TEXT_MAX) }],
    ['several lines', { text: 'First.\n\nSecond paragraph.' }],
    ['an author', { text: 'Good point.', author: 'Ada' }],
    ['an empty author (signed from the browser name)', { text: 'Good point.', author: '' }],
    [`an author of exactly ${AUTHOR_NAME_MAX} characters`, { text: 'Good point.', author: 'a'.repeat(AUTHOR_NAME_MAX) }],
  ])('accepts %s', (_name, body) => {
    expect(issuesOf(commentCreateSchema.safeParse(body))).toEqual([]);
  });

  test('trims the text and the author, and keeps inner line breaks', () => {
    expect(commentCreateSchema.parse({ text: '  Line one.\nLine two.  ', author: '  Ada  ' })).toEqual({ text: 'Line one.\nLine two.', author: 'Ada' });
  });

  test.each([
    ['empty text', { text: '' }, ['text'], 'Write a comment first.'],
    ['whitespace-only text', { text: ' \n\t ' }, ['text'], 'Write a comment first.'],
    ['missing text', {}, ['text'], 'Write a comment first.'],
    ['text that is not a string', { text: 42 }, ['text'], 'A comment is text.'],
    ['null text', { text: null }, ['text'], 'A comment is text.'],
    [`${COMMENT_TEXT_MAX + 1} characters`, { text: 'x'.repeat(COMMENT_TEXT_MAX + 1) }, ['text'], `Comments are at most ${COMMENT_TEXT_MAX} characters.`],
    [
      `an author of ${AUTHOR_NAME_MAX + 1} characters`,
      { text: 'Hi', author: 'a'.repeat(AUTHOR_NAME_MAX + 1) },
      ['author'],
      `Names are at most ${AUTHOR_NAME_MAX} characters.`,
    ],
  ])('refuses %s, at %j, saying %j', (_name, body, path, message) => {
    expect(issuesOf(commentCreateSchema.safeParse(body))).toContainEqual({ path, message });
  });

  test.each([
    ['an extra field', { text: 'Hi', mood: 'angry' }, ['mood']],
    ['the owner key (set by the server, never by the body)', { text: 'Hi', authorKey: 'someone-else' }, ['authorKey']],
    ['a node id in the body (it is in the URL)', { text: 'Hi', nodeId: 'x' }, ['nodeId']],
  ])('refuses %s', (_name, body, keys) => {
    const result = commentCreateSchema.safeParse(body);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ code: 'unrecognized_keys', keys, path: [] }));
  });
});

describe('commentUpdateSchema', () => {
  test('accepts new text, trimmed', () => {
    expect(commentUpdateSchema.parse({ text: ' Changed my mind. ' })).toEqual({ text: 'Changed my mind.' });
  });

  test.each([
    ['empty text', { text: '' }, ['text']],
    ['missing text', {}, ['text']],
    [`${COMMENT_TEXT_MAX + 1} characters`, { text: 'x'.repeat(COMMENT_TEXT_MAX + 1) }, ['text']],
    ['a new author (the signature stays)', { text: 'Hi', author: 'Mallory' }, []],
    ['an extra field', { text: 'Hi', deletedAt: null }, []],
  ])('refuses %s (issue at %j)', (_name, body, path) => {
    const result = commentUpdateSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(issuesOf(result).map((i) => i.path)).toContainEqual(path);
  });
});

describe('voteSchema', () => {
  test.each([0, 1, 2, 3, 4, null])('accepts %j', (value) => {
    expect(voteSchema.parse({ value })).toEqual({ value });
  });

  test.each([
    ['5', 5],
    ['-1', -1],
    ['a fraction', 2.5],
    ['a numeric string', '3'],
    ['a boolean', true],
    ['an array', [3]],
    ['a very large number', 1e9],
  ])('refuses %s with "Ratings go from 0 to 4."', (_name, value) => {
    expect(issuesOf(voteSchema.safeParse({ value }))).toEqual([{ path: ['value'], message: 'Ratings go from 0 to 4.' }]);
  });

  test('refuses a body without value, saying how to withdraw', () => {
    expect(issuesOf(voteSchema.safeParse({}))).toEqual([{ path: ['value'], message: 'Send value: a rating from 0 to 4, or null to withdraw yours.' }]);
  });

  test('refuses an extra field (a voter key is never taken from the body)', () => {
    const result = voteSchema.safeParse({ value: 3, voterKey: 'someone-else' });
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ code: 'unrecognized_keys', keys: ['voterKey'], path: [] }));
  });
});
