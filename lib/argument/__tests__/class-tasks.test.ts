import { describe, expect, test } from 'vitest';
import { decideClearTasks, decideSetTasks } from '../class-tasks';
import type { TasksSetting } from '../map-events';

/** The rules of setting and turning off a class's tasks: no database (lib/argument/class-tasks.ts). */
const two: TasksSetting = { targets: { objections: 2 }, dueAt: '2026-03-14', instructions: 'Read the essay first.' };

describe('decideSetTasks', () => {
  test.each<[string, TasksSetting, TasksSetting | null, unknown]>([
    ['the first tasks', two, null, { tasks: two, before: null }],
    ['the same tasks again change nothing', { ...two }, two, null],
    ['another count', { ...two, targets: { objections: 3 } }, two, { tasks: { ...two, targets: { objections: 3 } }, before: two }],
    [
      'another kind too',
      { ...two, targets: { objections: 2, rebuttals: 1 } },
      two,
      { tasks: { ...two, targets: { objections: 2, rebuttals: 1 } }, before: two },
    ],
    ['no due date now', { ...two, dueAt: null }, two, { tasks: { ...two, dueAt: null }, before: two }],
    ['other instructions', { ...two, instructions: '' }, two, { tasks: { ...two, instructions: '' }, before: two }],
  ])('%s', (_name, wanted, current, expected) => {
    expect(decideSetTasks(wanted, current)).toEqual(expected);
  });

  test('the event records the setting’s three fields, in order', () => {
    const event = decideSetTasks({ instructions: 'x', dueAt: null, targets: { rebuttals: 1 } }, null);
    expect(JSON.stringify(event)).toBe('{"tasks":{"targets":{"rebuttals":1},"dueAt":null,"instructions":"x"},"before":null}');
  });
});

describe('decideClearTasks', () => {
  test.each<[string, TasksSetting | null, unknown]>([
    ['nothing to turn off changes nothing', null, null],
    ['tasks set are turned off', two, { tasks: null, before: two }],
  ])('%s', (_name, current, expected) => {
    expect(decideClearTasks(current)).toEqual(expected);
  });
});
