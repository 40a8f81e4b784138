import { describe, expect, test } from 'vitest';
import { NODE_TEXT_MAX, POSITION_LIMIT } from '../limits';
import { nodeCreateSchema, nodeUpdateSchema, positionsSchema } from '../node';

const objection = { kind: 'objection', text: 'That never worked.', target: 'claim-1', relation: 'attacks' } as const;
const support = { kind: 'evidence', text: 'The 2000 summit happened.', target: 'claim-1', relation: 'supports', quote: { start: 10, end: 42 } } as const;

/** The issue paths of a failed parse (empty when it succeeds). */
function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): PropertyKey[][] {
  return result.success ? [] : result.error!.issues.map((i) => i.path);
}

describe('nodeCreateSchema', () => {
  test.each([
    ['an objection attacking a node', objection],
    ['a rebuttal', { ...objection, kind: 'rebuttal' }],
    ['evidence quoting the essay', support],
    ['a claim without a quote', { kind: 'claim', text: 'Talks work.', target: 'thesis', relation: 'supports' }],
    ['an unstated premise', { kind: 'premise', text: 'Past success predicts future success.', target: 'inf-1', relation: 'supports', implicit: true }],
    [
      'a stated premise (implicit: false) with a quote',
      { kind: 'premise', text: 'Engage different states.', target: 'claim-1', relation: 'supports', implicit: false, quote: { start: 0, end: 1 } },
    ],
    ['an author name', { ...objection, author: 'Ada' }],
    ['text of exactly 3 characters', { ...objection, text: 'Why' }],
    [`text of exactly ${NODE_TEXT_MAX} characters`, { ...objection, text: 'x'.repeat(NODE_TEXT_MAX) }],
    ['a quote starting at 0', { ...support, quote: { start: 0, end: 1 } }],
    ['an unconnected thesis', { kind: 'thesis', text: 'We should negotiate now.', quote: { start: 0, end: 20 } }],
    ['an unconnected claim', { kind: 'claim', text: 'Talks have worked before.' }],
    ['an unconnected objection', { kind: 'objection', text: 'Talks have failed before.' }],
  ])('accepts %s', (_name, body) => {
    const result = nodeCreateSchema.safeParse(body);
    expect(issuePaths(result)).toEqual([]);
  });

  test('trims the text', () => {
    expect(nodeCreateSchema.parse({ ...objection, text: '  Not so.  ' }).text).toBe('Not so.');
  });

  test('keeps the quote offsets and the implicit flag', () => {
    expect(nodeCreateSchema.parse(support)).toEqual(support);
  });

  test.each([
    ['empty text', { ...objection, text: '' }, ['text']],
    ['whitespace-only text', { ...objection, text: '     ' }, ['text']],
    ['2-character text', { ...objection, text: 'no' }, ['text']],
    ['2 characters padded with spaces', { ...objection, text: '  no  ' }, ['text']],
    [`${NODE_TEXT_MAX + 1}-character text`, { ...objection, text: 'x'.repeat(NODE_TEXT_MAX + 1) }, ['text']],
    ['missing text', { kind: 'objection', target: 'claim-1', relation: 'attacks' }, ['text']],
    ['text that is not a string', { ...objection, text: 42 }, ['text']],
    ['an unknown kind', { ...objection, kind: 'musing' }, ['kind']],
    ['the thesis kind', { ...objection, kind: 'thesis' }, ['kind']],
    ['a thesis that supports something', { kind: 'thesis', text: 'Negotiate now.', target: 'claim-1', relation: 'supports' }, ['relation']],
    ['a target without a relation', { kind: 'claim', text: 'Talks work.', target: 'claim-1' }, ['relation']],
    ['a relation without a target', { kind: 'claim', text: 'Talks work.', relation: 'supports' }, ['target']],
    ['an unconnected rebuttal', { kind: 'rebuttal', text: 'Not so.' }, ['target']],
    ['an unknown relation', { ...objection, relation: 'refutes' }, ['relation']],
    ['an empty target', { ...objection, target: '' }, ['target']],
    ['a 65-character target', { ...objection, target: 'x'.repeat(65) }, ['target']],
    ['an extra field', { ...objection, mood: 'angry' }, []],
    ['an extra field in the quote', { ...support, quote: { start: 1, end: 5, text: 'hi' } }, ['quote']],
    ['an objection that supports', { ...objection, relation: 'supports' }, ['relation']],
    ['a rebuttal that supports', { ...objection, kind: 'rebuttal', relation: 'supports' }, ['relation']],
    ['a claim that attacks', { kind: 'claim', text: 'Talks work.', target: 'claim-1', relation: 'attacks' }, ['kind']],
    ['evidence that attacks', { ...support, relation: 'attacks' }, ['kind']],
    ['implicit evidence', { ...support, quote: undefined, implicit: true }, ['implicit']],
    ['an implicit objection', { ...objection, implicit: true }, ['implicit']],
    [
      'an implicit premise with a quote',
      { kind: 'premise', text: 'Unstated warrant.', target: 'inf-1', relation: 'supports', implicit: true, quote: { start: 0, end: 5 } },
      ['quote'],
    ],
    ['a quote whose end equals its start', { ...support, quote: { start: 5, end: 5 } }, ['quote', 'end']],
    ['a quote that ends before it starts', { ...support, quote: { start: 9, end: 5 } }, ['quote', 'end']],
    ['a negative quote start', { ...support, quote: { start: -1, end: 5 } }, ['quote', 'start']],
    ['a negative quote end', { ...support, quote: { start: 0, end: -5 } }, ['quote', 'end']],
    ['a fractional quote start', { ...support, quote: { start: 1.5, end: 5 } }, ['quote', 'start']],
    ['a fractional quote end', { ...support, quote: { start: 1, end: 5.25 } }, ['quote', 'end']],
    ['a quote offset given as a string', { ...support, quote: { start: '1', end: 5 } }, ['quote', 'start']],
    ['a quote without an end', { ...support, quote: { start: 1 } }, ['quote', 'end']],
    ['implicit that is not a boolean', { ...objection, kind: 'premise', relation: 'supports', implicit: 'yes' }, ['implicit']],
    ['a 61-character author', { ...objection, author: 'a'.repeat(61) }, ['author']],
  ])('refuses %s (issue at %j)', (_name, body, path) => {
    const result = nodeCreateSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toContainEqual(path);
  });

  test('names the unknown key of an extra field', () => {
    const result = nodeCreateSchema.safeParse({ ...objection, mood: 'angry' });
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ code: 'unrecognized_keys', keys: ['mood'], path: [] }));
  });

  test('refuses a body that is not an object', () => {
    for (const body of [null, 'text', 42, []]) expect(nodeCreateSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
  });
});

describe('nodeUpdateSchema', () => {
  test.each([
    ['text with its version', { text: 'Edited point.', version: 3 }],
    ['a position alone', { position: { x: 10, y: -20.5 } }],
    ['a null position (back to automatic layout)', { position: null }],
    ['a position with a version', { position: { x: 0, y: 0 }, version: 1 }],
    ['text, version and position together', { text: 'Edited point.', version: 1, position: { x: 1, y: 2 } }],
    ['a position at the limit', { position: { x: POSITION_LIMIT, y: -POSITION_LIMIT } }],
    ['a change of kind (making a point the thesis)', { kind: 'thesis' }],
  ])('accepts %s', (_name, body) => {
    expect(issuePaths(nodeUpdateSchema.safeParse(body))).toEqual([]);
  });

  test.each([
    ['text without a version', { text: 'Edited point.' }, ['version']],
    ['an empty body', {}, []],
    ['a version alone', { version: 2 }, []],
    ['too-short text', { text: 'no', version: 1 }, ['text']],
    ['version 0', { text: 'Edited point.', version: 0 }, ['version']],
    ['a fractional version', { text: 'Edited point.', version: 1.5 }, ['version']],
    ['a position beyond the limit', { position: { x: POSITION_LIMIT + 1, y: 0 } }, ['position', 'x']],
    ['a position missing y', { position: { x: 1 } }, ['position', 'y']],
    ['a position with an extra field', { position: { x: 1, y: 2, z: 3 } }, ['position']],
    ['a non-numeric coordinate', { position: { x: '1', y: 2 } }, ['position', 'x']],
    ['an extra field', { text: 'Edited point.', version: 1, mood: 'calm' }, []],
    ['an objection as a new kind', { kind: 'objection' }, ['kind']],
  ])('refuses %s (issue at %j)', (_name, body, path) => {
    const result = nodeUpdateSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toContainEqual(path);
  });
});

describe('positionsSchema', () => {
  test.each([
    ['several positions', { positions: { a: { x: 1, y: 2 }, b: { x: -3, y: 4.5 } } }],
    ['a null position (clears it)', { positions: { a: null } }],
    ['no positions', { positions: {} }],
    ['5,000 positions', { positions: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`n${i}`, { x: i, y: i }])) }],
  ])('accepts %s', (_name, body) => {
    expect(issuePaths(positionsSchema.safeParse(body))).toEqual([]);
  });

  test.each([
    ['a missing positions field', {}, ['positions']],
    ['positions that is a list', { positions: [{ x: 1, y: 2 }] }, ['positions']],
    ['a position missing x', { positions: { a: { y: 2 } } }, ['positions', 'a', 'x']],
    ['a coordinate beyond the limit', { positions: { a: { x: 0, y: -POSITION_LIMIT - 1 } } }, ['positions', 'a', 'y']],
    ['an infinite coordinate', { positions: { a: { x: Infinity, y: 0 } } }, ['positions', 'a', 'x']],
    ['an empty id', { positions: { '': { x: 1, y: 2 } } }, ['positions', '']],
    ['a 65-character id', { positions: { ['x'.repeat(65)]: { x: 1, y: 2 } } }, ['positions', 'x'.repeat(65)]],
    ['5,001 positions', { positions: Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`n${i}`, { x: i, y: i }])) }, ['positions']],
    ['an extra top-level field', { positions: {}, layout: 'tidy' }, []],
  ])('refuses %s (issue at %j)', (_name, body, path) => {
    const result = positionsSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toContainEqual(path);
  });
});
