import type { MapEventData, TasksSetting } from './map-events';

/**
 * The rules for setting and turning off a class copy's tasks (`PUT`/`DELETE /api/maps/{slug}/tasks`),
 * decided from the tasks as they are, read under the map's lock. Who may set them is checked before
 * (lib/db/tasks.ts `authorizeTasksChange`). Pure: table-tested without a database
 * (`__tests__/class-tasks.test.ts`).
 */

/** A setting with exactly its three fields, in the order the log records them. */
function settingOf(s: TasksSetting): TasksSetting {
  return { targets: s.targets, dueAt: s.dueAt, instructions: s.instructions };
}

/** Whether two settings are the same (the targets kind by kind, in the order of the task kinds). */
function sameSetting(a: TasksSetting, b: TasksSetting): boolean {
  return JSON.stringify(settingOf(a)) === JSON.stringify(settingOf(b));
}

/**
 * The event that logs setting the tasks to `wanted` (nothing of the old ones is kept), with what they
 * were; null when they already are `wanted`: the same tasks again change nothing.
 */
export function decideSetTasks(wanted: TasksSetting, current: TasksSetting | null): MapEventData['tasks.updated'] | null {
  if (current && sameSetting(current, wanted)) return null;
  return { tasks: settingOf(wanted), before: current && settingOf(current) };
}

/** The event that logs turning the tasks off; null when there are none: nothing to turn off changes nothing. */
export function decideClearTasks(current: TasksSetting | null): MapEventData['tasks.updated'] | null {
  return current && { tasks: null, before: settingOf(current) };
}
