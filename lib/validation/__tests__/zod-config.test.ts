import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import '../zod-config';
import { copySchema } from '../classes';
import { nodeTextSchema } from '../node';

/** Words of zod's default messages, written for programmers: none may reach a person. */
const PROGRAMMER_WORDS = [/expected/i, /<=/, />=/, /Invalid input/i, /\b(string|bigint|boolean|object|array|undefined|null|NaN|int|regex|pattern)\b/];

/** One schema with no message of its own, and an input that raises each common issue code. */
const CASES: { code: string; schema: z.ZodType; input: unknown; message?: string }[] = [
  { code: 'invalid_type (missing)', schema: z.object({ title: z.string() }), input: {}, message: 'Required.' },
  { code: 'invalid_type (string)', schema: z.string(), input: 42, message: 'Enter some text.' },
  { code: 'invalid_type (number)', schema: z.number(), input: 'seven', message: 'Enter a number.' },
  { code: 'invalid_type (NaN)', schema: z.number(), input: Number.NaN, message: 'Enter a number.' },
  { code: 'invalid_type (int)', schema: z.int(), input: 1.5, message: 'Enter a whole number.' },
  { code: 'invalid_type (boolean)', schema: z.boolean(), input: 'yes', message: 'Choose yes or no.' },
  { code: 'invalid_type (array)', schema: z.array(z.string()), input: 'a', message: 'Give a list here.' },
  { code: 'invalid_type (object)', schema: z.object({}), input: 'a' },
  { code: 'too_big (string)', schema: z.string().max(200), input: 'x'.repeat(250), message: 'Use at most 200 characters (this has 250).' },
  { code: 'too_big (one character)', schema: z.string().max(1), input: 'xy', message: 'Use at most 1 character (this has 2).' },
  { code: 'too_big (exact)', schema: z.string().length(6), input: 'x'.repeat(7), message: 'Use exactly 6 characters (this has 7).' },
  { code: 'too_big (array)', schema: z.array(z.number()).max(2), input: [1, 2, 3], message: 'Use at most 2 items (this has 3).' },
  { code: 'too_big (number)', schema: z.number().max(4), input: 5, message: 'Enter 4 or less.' },
  { code: 'too_big (number, exclusive)', schema: z.number().lt(4), input: 5, message: 'Enter a number below 4.' },
  { code: 'too_small (empty string)', schema: z.string().min(1), input: '', message: 'Required.' },
  { code: 'too_small (empty, min 3)', schema: z.string().min(3), input: '', message: 'Required: use at least 3 characters.' },
  { code: 'too_small (string)', schema: z.string().min(3), input: 'ab', message: 'Use at least 3 characters (this has 2).' },
  { code: 'too_small (number)', schema: z.number().min(0), input: -1, message: 'Enter 0 or more.' },
  { code: 'too_small (number, exclusive)', schema: z.number().positive(), input: 0, message: 'Enter a number above 0.' },
  { code: 'too_small (array)', schema: z.array(z.number()).min(1), input: [], message: 'Required.' },
  { code: 'invalid_format (regex)', schema: z.string().regex(/^[a-z]+$/), input: 'A!' },
  { code: 'invalid_format (email)', schema: z.email(), input: 'ada', message: 'Enter an email address, like ada@example.com.' },
  { code: 'invalid_format (url)', schema: z.url(), input: 'no', message: 'Enter a web address, like https://example.com.' },
  { code: 'invalid_format (starts_with)', schema: z.string().startsWith('#'), input: 'a', message: 'Start with “#”.' },
  { code: 'not_multiple_of', schema: z.number().multipleOf(5), input: 7, message: 'Enter a multiple of 5.' },
  { code: 'unrecognized_keys', schema: z.object({}).strict(), input: { colour: 'red' }, message: '“colour” is not a field here.' },
  { code: 'unrecognized_keys (two)', schema: z.object({}).strict(), input: { a: 1, b: 2 }, message: '“a” or “b” are not fields here.' },
  { code: 'invalid_value (enum)', schema: z.enum(['editor', 'viewer']), input: 'owner', message: 'Choose “editor” or “viewer”.' },
  { code: 'invalid_value (literal)', schema: z.literal('yes'), input: 'no', message: 'Use “yes”.' },
  { code: 'invalid_union', schema: z.union([z.string(), z.number()]), input: true },
  { code: 'invalid_key', schema: z.record(z.enum(['a']), z.number()), input: { b: 1 } },
  { code: 'invalid_element', schema: z.map(z.string(), z.number()), input: new Map([['a', 'x']]) },
  { code: 'custom', schema: z.string().refine(() => false), input: 'a', message: 'Check this value.' },
];

describe('every zod message is worded for a person', () => {
  test.each(CASES)('$code', ({ schema, input, message }) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    for (const issue of result.error!.issues) {
      for (const word of PROGRAMMER_WORDS) expect(issue.message, `${issue.code}: ${issue.message}`).not.toMatch(word);
      expect(issue.message).toMatch(/[.!?]$/);
    }
    if (message) expect(result.error!.issues[0].message).toBe(message);
  });

  test('a 250-character class copy title says how long it may be, and how long it is', () => {
    const result = copySchema.safeParse({ title: 'x'.repeat(250) });
    expect(result.error?.issues[0].message).toBe('Use at most 200 characters (this has 250).');
  });

  test('a point that is too long says how long it may be, and how long it is', () => {
    expect(nodeTextSchema.safeParse('x'.repeat(1200)).error?.issues[0].message).toBe('A point is at most 1,000 characters (this has 1,200).');
  });

  test('a schema’s own message is kept', () => {
    expect(z.string().max(2, { error: 'Short, please.' }).safeParse('abc').error?.issues[0].message).toBe('Short, please.');
  });
});
