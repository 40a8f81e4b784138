import 'server-only';
import { AppError } from '../validation/app-error';
import { TASK_COUNT_MAX, TASK_KINDS, type TaskTargets, type TasksInput } from '../validation/tasks';
import { assertCan, resolveAccess, type Access } from './access';
import { db, lockMapRow } from './client';
import { announce } from './event-bus';
import { recordEvent, type Actor } from './events';

/** The tasks of a class copy as the API shows them (`GET /api/maps/{slug}/tasks`). */
export interface TasksView {
  /** How many of each task kind each student is asked for; kinds not asked for are left out. */
  targets: TaskTargets;
  /** The day the work is due, `YYYY-MM-DD`; null = no due date. */
  dueAt: string | null;
  instructions: string;
  /** When the owner last set them (ISO 8601). */
  updatedAt: string;
}

/** What a `tasks.updated` event records: the tasks as set (null: turned off) and as they were. */
type TasksSetting = Omit<TasksView, 'updatedAt'>;

type TasksRow = { targets: string; dueAt: Date | null; instructions: string; updatedAt: Date };
const TASKS_SELECT = { targets: true, dueAt: true, instructions: true, updatedAt: true } as const;

/** The stored counts, keeping only known kinds with a count in range (the row was validated when written). */
function readTargets(json: string): TaskTargets {
  const stored = JSON.parse(json) as Record<string, unknown>;
  const targets: TaskTargets = {};
  for (const kind of TASK_KINDS) {
    const count = stored[kind];
    if (typeof count === 'number' && Number.isInteger(count) && count > 0 && count <= TASK_COUNT_MAX) targets[kind] = count;
  }
  return targets;
}

function toView(row: TasksRow): TasksView {
  return {
    targets: readTargets(row.targets),
    dueAt: row.dueAt ? row.dueAt.toISOString().slice(0, 10) : null,
    instructions: row.instructions,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function settingOf(view: TasksView | null): TasksSetting | null {
  return view && { targets: view.targets, dueAt: view.dueAt, instructions: view.instructions };
}

function sameSetting(a: TasksSetting | null, b: TasksSetting | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The tasks set on a map (by id), or null when none are: for the progress figures as much as the API. */
export async function tasksOfMap(mapId: string): Promise<TasksView | null> {
  const row = await (await db()).classTasks.findUnique({ where: { mapId }, select: TASKS_SELECT });
  return row ? toView(row) : null;
}

/**
 * Resolves access for a change of the tasks (`PUT`/`DELETE /api/maps/{slug}/tasks`), refusing in
 * this order: someone who may not even see the map (401/403, as any read); a map nobody owns —
 * tasks are set on a class copy (409); anyone but the owner (403).
 */
export async function authorizeTasksChange(request: Request, slug: string): Promise<Access> {
  const access = await resolveAccess(request, slug);
  assertCan(access, 'view');
  const map = await (await db()).argumentMap.findUnique({ where: { id: access.mapId }, select: { ownerId: true } });
  if (!map?.ownerId) throw new AppError('conflict', 'Tasks are set on a class copy: make one for your class first.');
  assertCan(access, 'manage');
  return access;
}

/**
 * `PUT /api/maps/{slug}/tasks`: replaces the map's tasks with `input` (nothing of the old ones is
 * kept; progress is derived from the event log, so it stays) and logs `tasks.updated`
 * (`{ tasks, before }`, without `updatedAt`) in the same transaction. The same tasks again change
 * nothing: no write, no event. The caller has checked the owner ({@link authorizeTasksChange}).
 */
export async function setTasks(access: Access, input: TasksInput, actor: Actor): Promise<TasksView> {
  const client = await db();
  const dueAt = input.dueAt === null ? null : new Date(`${input.dueAt}T00:00:00.000Z`);
  const data = { targets: JSON.stringify(input.targets), dueAt, instructions: input.instructions };
  const { view, changed } = await client.$transaction(async (tx) => {
    await lockMapRow(tx, access.mapId);
    const current = await tx.classTasks.findUnique({ where: { mapId: access.mapId }, select: TASKS_SELECT });
    const before = current ? toView(current) : null;
    const wanted: TasksSetting = { targets: readTargets(data.targets), dueAt: input.dueAt, instructions: input.instructions };
    if (before && sameSetting(settingOf(before), wanted)) return { view: before, changed: false };
    const row = await tx.classTasks.upsert({ where: { mapId: access.mapId }, create: { mapId: access.mapId, ...data }, update: data, select: TASKS_SELECT });
    const view = toView(row);
    await recordEvent(tx, access.mapId, 'tasks.updated', actor, { tasks: settingOf(view), before: settingOf(before) });
    return { view, changed: true };
  });
  if (changed) announce(access.mapId);
  return view;
}

/**
 * `DELETE /api/maps/{slug}/tasks`: turns the map's tasks off and logs `tasks.updated` with
 * `tasks: null`. Nothing to turn off changes nothing. Progress, derived from the log, stays.
 */
export async function clearTasks(access: Access, actor: Actor): Promise<{ tasks: null }> {
  const client = await db();
  const cleared = await client.$transaction(async (tx) => {
    await lockMapRow(tx, access.mapId);
    const current = await tx.classTasks.findUnique({ where: { mapId: access.mapId }, select: TASKS_SELECT });
    if (!current) return false;
    await tx.classTasks.delete({ where: { mapId: access.mapId } });
    await recordEvent(tx, access.mapId, 'tasks.updated', actor, { tasks: null, before: settingOf(toView(current)) });
    return true;
  });
  if (cleared) announce(access.mapId);
  return { tasks: null };
}
