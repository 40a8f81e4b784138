import { describe, expect, test } from 'vitest';
import { emptyTaskCounts } from '@/lib/argument/progress';
import { classRows, sameColumn, sinceWords, type ClassSort } from '../class-rows';
import type { StudentProgress } from '@/lib/api-client/progress';

/** A Class panel row: `name`, with `done` of a 2-objection task, some points, and when they were last active. */
function student(
  id: string,
  name: string,
  done: number,
  extra: { role?: StudentProgress['member']['role']; points?: number; lastActiveAt?: string | null; joinedAt?: string } = {},
): StudentProgress {
  return {
    member: {
      id,
      name,
      alias: null,
      role: extra.role ?? 'editor',
      joinedAt: extra.joinedAt ?? '2026-12-01T09:00:00.000Z',
      lastActiveAt: extra.lastActiveAt ?? null,
    },
    tasks: [{ kind: 'objections', label: 'Add objections', done, target: 2, complete: done >= 2, words: `${done} of 2 objections` }],
    counts: { ...emptyTaskCounts(), objections: done },
    complete: done >= 2,
    started: done > 0 || (extra.points ?? 0) > 0,
    reasoning: {
      points: Array.from({ length: extra.points ?? done }, (_, i) => `${id}-p${i}`),
      objections: { made: [], defeating: [], answered: [] },
      rebuttals: { made: [], defeating: [], answered: [] },
      challenges: { aimed: [], answered: [], aimedKind: 'objection' },
      questions: [],
      quoted: [],
      unsupported: [],
    },
    summary: '',
  };
}

const ada = student('a', 'Ada', 2, { points: 3, lastActiveAt: '2026-12-05T10:00:00.000Z', joinedAt: '2026-12-01T09:05:00.000Z' });
const ben = student('b', 'ben', 1, { role: 'commenter', lastActiveAt: '2026-12-05T09:00:00.000Z', joinedAt: '2026-12-01T09:01:00.000Z' });
const cy = student('c', 'Cy', 0, { role: 'viewer' });
// Two students who joined under one name: told apart by their membership, never shuffled.
const ada2 = student('a2', 'ada', 2, { points: 3 });
const names = (rows: StudentProgress[]) => rows.map((s) => s.member.id);

describe('classRows: the Class panel’s order and filter', () => {
  test.each<[string, ClassSort, string[]]>([
    ['by name, letter case aside; equal names by membership', { column: 'name', descending: false }, ['a', 'a2', 'b', 'c']],
    ['by name, descending', { column: 'name', descending: true }, ['c', 'b', 'a', 'a2']],
    ['by role: viewers first', { column: 'role', descending: false }, ['c', 'b', 'a', 'a2']],
    ['by joining time', { column: 'joined', descending: false }, ['a2', 'c', 'b', 'a']],
    ['by last active: never active first', { column: 'lastActive', descending: false }, ['a2', 'c', 'b', 'a']],
    ['by a task: most done first, ties by name', { column: { task: 'objections' }, descending: true }, ['a', 'a2', 'b', 'c']],
    ['by reasoning: most points first', { column: 'reasoning', descending: true }, ['a', 'a2', 'b', 'c']],
  ])('%s', (_, sort, expected) => {
    expect(names(classRows([cy, ada, ben, ada2], sort, false))).toEqual(expected);
  });

  test('"not started only" keeps those with nothing that counts, and leaves the input alone', () => {
    const input = [ada, cy, ben];
    expect(names(classRows(input, { column: 'name', descending: false }, true))).toEqual(['c']);
    expect(names(input)).toEqual(['a', 'c', 'b']);
  });

  test('sameColumn tells task columns apart by kind', () => {
    expect(sameColumn({ task: 'objections' }, { task: 'objections' })).toBe(true);
    expect(sameColumn({ task: 'objections' }, { task: 'rebuttals' })).toBe(false);
    expect(sameColumn('name', 'name')).toBe(true);
    expect(sameColumn('name', { task: 'objections' })).toBe(false);
  });
});

describe('sinceWords: how recent a student’s last change is', () => {
  const now = Date.parse('2026-12-05T12:00:00.000Z');
  test.each<[string | null, string]>([
    [null, 'Not yet'],
    ['2026-12-05T11:59:30.000Z', 'Just now'],
    ['2026-12-05T11:55:00.000Z', '5 min ago'],
    ['2026-12-05T09:00:00.000Z', '3 h ago'],
    ['2026-12-04T11:00:00.000Z', '1 day ago'],
    ['2026-12-01T12:00:00.000Z', '4 days ago'],
    ['2026-11-20T12:00:00.000Z', '20 Nov 2026'],
  ])('%s → %s', (iso, words) => {
    expect(sinceWords(iso, now)).toBe(words);
  });
});
