import { describe, expect, test } from 'vitest';
import { describeRating, formatAverage, isEdited, NO_RATING, timeAgo, withVote } from '../discussion';

describe('timeAgo', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const before = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  test.each([
    ['now', 0, 'just now'],
    ['59 seconds ago', 59, 'just now'],
    ['a few seconds in the future (clock skew)', -5, 'just now'],
    ['1 minute ago', 60, '1 minute ago'],
    ['3½ minutes ago', 210, '3 minutes ago'],
    ['59 minutes ago', 59 * 60 + 59, '59 minutes ago'],
    ['1 hour ago', 3600, '1 hour ago'],
    ['5 hours ago', 5 * 3600 + 1800, '5 hours ago'],
    ['1 day ago', 24 * 3600, 'yesterday'],
    ['3 days ago', 3 * 24 * 3600, '3 days ago'],
    ['8 days ago', 8 * 24 * 3600, 'last week'],
    ['20 days ago', 20 * 24 * 3600, '2 weeks ago'],
    ['45 days ago', 45 * 24 * 3600, 'last month'],
    ['400 days ago', 400 * 24 * 3600, 'last year'],
  ])('%s reads "%s"', (_name, seconds, expected) => {
    expect(timeAgo(before(seconds as number), now)).toBe(expected);
  });
});

describe('ratings', () => {
  test.each([
    ['the first vote', NO_RATING, null, 3, { average: 3, count: 1 }],
    ['a second voter', { average: 3, count: 1 }, null, 1, { average: 2, count: 2 }],
    ['a changed vote', { average: 2, count: 2 }, 1, 4, { average: 3.5, count: 2 }],
    ['the same vote again', { average: 2, count: 2 }, 1, 1, { average: 2, count: 2 }],
    ['a withdrawn vote', { average: 2, count: 2 }, 1, null, { average: 3, count: 1 }],
    ['the last vote withdrawn', { average: 0, count: 1 }, 0, null, NO_RATING],
  ])('withVote: %s', (_name, rating, previous, next, expected) => {
    expect(withVote(rating, previous, next)).toEqual(expected);
  });

  test.each([
    [{ average: 2.5666, count: 5 }, '2.6', 'Crowd rating 2.6 of 4 from 5 votes'],
    [{ average: 3, count: 1 }, '3.0', 'Crowd rating 3.0 of 4 from 1 vote'],
    [{ average: 0, count: 2 }, '0.0', 'Crowd rating 0.0 of 4 from 2 votes'],
  ])('%j shows as %s, read as "%s"', (rating, shown, label) => {
    expect(formatAverage(rating.average)).toBe(shown);
    expect(describeRating(rating)).toBe(label);
  });

  test('a node nobody rated says so', () => {
    expect(describeRating(NO_RATING)).toBe('Not rated yet');
  });
});

test('a comment is edited once its last change differs from its creation', () => {
  expect(isEdited({ createdAt: '2026-03-10T12:00:00.000Z', updatedAt: '2026-03-10T12:00:00.000Z' })).toBe(false);
  expect(isEdited({ createdAt: '2026-03-10T12:00:00.000Z', updatedAt: '2026-03-10T12:04:00.000Z' })).toBe(true);
});
