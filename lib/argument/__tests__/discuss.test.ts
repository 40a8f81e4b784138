import { describe, expect, test } from 'vitest';
import {
  decideAddComment,
  decideCastVote,
  decideDeleteComment,
  decideEditComment,
  ownedBy,
  ratingFrom,
  type CommentFacts,
  type CommentChanger,
} from '../discuss';
import type { Decision } from '../refusal';

/** The rules of comments and votes, decided on facts alone: no database (lib/argument/discuss.ts). */
const outcome = <T>(decision: Decision<T>) => (decision.ok ? decision.value : `${decision.refusal.code}: ${decision.refusal.message}`);

describe('ownedBy', () => {
  test.each([
    ['the key that wrote it', 'k1', 'k1', true],
    ['another key', 'k1', 'k2', false],
    ['no key, on a comment written without one', '', '', false],
  ])('%s', (_name, owner, viewer, expected) => {
    expect(ownedBy(owner, viewer)).toBe(expected);
  });
});

describe('decideAddComment', () => {
  test.each<[string, { author?: string }, boolean, string, unknown]>([
    ['a point not on the map', {}, false, 'Ana', 'not_found: There is no node "n1" on this map.'],
    ['signed with the name given', { author: 'Typed' }, true, 'Ana', { author: 'Typed' }],
    ['else the actor’s name', {}, true, 'Ana', { author: 'Ana' }],
    ['a blank name given counts as none', { author: '' }, true, 'Ana', { author: 'Ana' }],
    ['else "Anonymous"', {}, true, '', { author: 'Anonymous' }],
  ])('%s', (_name, request, pointLive, actorName, expected) => {
    expect(outcome(decideAddComment('n1', request, { pointLive, actorName }))).toEqual(expected);
  });
});

const anas: CommentFacts = { authorKey: 'ana', text: 'Good point.' };
const ana: CommentChanger = { key: 'ana', moderator: false };
const ben: CommentChanger = { key: 'ben', moderator: false };
const olga: CommentChanger = { key: 'olga', moderator: true };
const keyless: CommentChanger = { key: '', moderator: false };

describe('decideEditComment', () => {
  test.each<[string, CommentFacts | undefined, CommentChanger, string, unknown]>([
    ['no such comment', undefined, ana, 'New.', 'not_found: There is no comment "c1" on this map.'],
    ['no such comment, by the moderator', undefined, olga, 'New.', 'not_found: There is no comment "c1" on this map.'],
    ['someone else’s', anas, ben, 'New.', 'forbidden: Only the browser that wrote this comment can edit it.'],
    ['a request naming no browser', { authorKey: '', text: 'Hi.' }, keyless, 'New.', 'forbidden: Only the browser that wrote this comment can edit it.'],
    ['someone else’s, the same text', anas, ben, 'Good point.', 'forbidden: Only the browser that wrote this comment can edit it.'],
    ['one’s own, new words', anas, ana, 'Better point.', { changed: true, text: 'Better point.', moderated: false }],
    ['one’s own, the same text', anas, ana, 'Good point.', { changed: false }],
    ['someone else’s, by the moderator: moderation', anas, olga, 'Be kind.', { changed: true, text: 'Be kind.', moderated: true }],
    ['the moderator’s own', { authorKey: 'olga', text: 'Hi.' }, olga, 'Hello.', { changed: true, text: 'Hello.', moderated: false }],
    ['someone else’s, by the moderator, the same text', anas, olga, 'Good point.', { changed: false }],
  ])('%s', (_name, comment, who, text, expected) => {
    expect(outcome(decideEditComment('c1', text, comment, who))).toEqual(expected);
  });
});

describe('decideDeleteComment', () => {
  test.each<[string, CommentFacts | undefined, CommentChanger, unknown]>([
    ['no such comment', undefined, ana, 'not_found: There is no comment "c1" on this map.'],
    ['someone else’s', anas, ben, 'forbidden: Only the browser that wrote this comment can delete it.'],
    ['a request naming no browser', anas, keyless, 'forbidden: Only the browser that wrote this comment can delete it.'],
    ['one’s own', anas, ana, null],
    ['someone else’s, by the moderator', anas, olga, null],
  ])('%s', (_name, comment, who, expected) => {
    expect(outcome(decideDeleteComment('c1', comment, who))).toEqual(expected);
  });
});

describe('decideCastVote', () => {
  test.each<[string, number | null, string, boolean, number | null, unknown]>([
    ['no browser id (refused before the point)', 3, '', false, null, 'bad_request: Votes need a browser id; reload the page.'],
    ['a point not on the map', 3, 'v1', false, null, 'not_found: There is no node "n1" on this map.'],
    ['a first vote', 3, 'v1', true, null, { write: 'set', value: 3, exists: false }],
    ['a zero is a vote', 0, 'v1', true, null, { write: 'set', value: 0, exists: false }],
    ['a changed vote', 1, 'v1', true, 3, { write: 'set', value: 1, exists: true }],
    ['the same vote again', 3, 'v1', true, 3, { write: 'none' }],
    ['withdrawn', null, 'v1', true, 3, { write: 'withdraw' }],
    ['withdrawing no vote', null, 'v1', true, null, { write: 'none' }],
  ])('%s', (_name, value, voterKey, pointLive, current, expected) => {
    expect(outcome(decideCastVote('n1', value, { voterKey, pointLive, current }))).toEqual(expected);
  });
});

describe('ratingFrom', () => {
  test.each([
    ['no votes', null, 0, { average: 0, count: 0 }],
    ['one vote', 3, 1, { average: 3, count: 1 }],
    ['the mean, unrounded', 8, 3, { average: 8 / 3, count: 3 }],
  ])('%s', (_name, total, count, expected) => {
    expect(ratingFrom(total, count)).toEqual(expected);
  });
});
