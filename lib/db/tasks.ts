import 'server-only';
import { AppError } from '../validation/app-error';
import { TASK_COUNT_MAX, TASK_KINDS, type TaskTargets, type TasksInput } from '../validation/tasks';
import { decideClearTasks, decideSetTasks } from '../argument/class-tasks';
import type { TasksSetting } from '../argument/map-events';
import { assertCan, resolveAccess, type Access } from './access';
import { db, mapTransaction } from './client';
import { announce } from './event-bus';
import { recordEventIn, type Actor } from './events';
import { newId } from './graph-rows';
import { dateOf, type Sql } from './sql';

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

/** The tasks as a `tasks.updated` event records them (without `updatedAt`). */
function settingOf(view: TasksView | null): TasksSetting | null {
  return view && { targets: view.targets, dueAt: view.dueAt, instructions: view.instructions };
}

/** The map's tasks row, in plain SQL; undefined when none are set. */
async function tasksRowIn(sql: Sql, mapId: string): Promise<TasksRow | undefined> {
  const row = await sql.one<{ targets: string; dueAt: unknown; instructions: string; updatedAt: unknown }>(
    'SELECT "targets", "dueAt", "instructions", "updatedAt" FROM "ClassTasks" WHERE "mapId" = ?',
    mapId,
  );
  return row && { ...row, dueAt: row.dueAt === null || row.dueAt === undefined ? null : dateOf(row.dueAt), updatedAt: dateOf(row.updatedAt) };
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
 * nothing: no write, no event (`decideSetTasks`, lib/argument/class-tasks.ts). The caller has checked the owner ({@link authorizeTasksChange}).
 */
export async function setTasks(access: Access, input: TasksInput, actor: Actor): Promise<TasksView> {
  const targets = JSON.stringify(input.targets);
  const dueAt = input.dueAt === null ? null : new Date(`${input.dueAt}T00:00:00.000Z`);
  const mapId = access.mapId;
  const { view, changed } = await mapTransaction(mapId, async (sql) => {
    const current = await tasksRowIn(sql, mapId);
    const before = current ? toView(current) : null;
    const event = decideSetTasks({ targets: readTargets(targets), dueAt: input.dueAt, instructions: input.instructions }, settingOf(before));
    if (!event) return { view: before!, changed: false };
    const now = new Date();
    if (current) {
      await sql.run(
        'UPDATE "ClassTasks" SET "targets" = ?, "dueAt" = ?, "instructions" = ?, "updatedAt" = ? WHERE "mapId" = ?',
        targets,
        dueAt,
        input.instructions,
        now,
        mapId,
      );
    } else {
      await sql.run(
        'INSERT INTO "ClassTasks" ("id", "mapId", "targets", "dueAt", "instructions", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
        newId(),
        mapId,
        targets,
        dueAt,
        input.instructions,
        now,
        now,
      );
    }
    const view = toView({ targets, dueAt, instructions: input.instructions, updatedAt: now });
    await recordEventIn(sql, mapId, 'tasks.updated', actor, event, now);
    return { view, changed: true };
  });
  if (changed) announce(access.mapId);
  return view;
}

/**
 * `DELETE /api/maps/{slug}/tasks`: turns the map's tasks off and logs `tasks.updated` with
 * `tasks: null`. Nothing to turn off changes nothing (`decideClearTasks`). Progress, derived from the log, stays.
 */
export async function clearTasks(access: Access, actor: Actor): Promise<{ tasks: null }> {
  const mapId = access.mapId;
  const cleared = await mapTransaction(mapId, async (sql) => {
    const current = await tasksRowIn(sql, mapId);
    const event = decideClearTasks(settingOf(current ? toView(current) : null));
    if (!event) return false;
    await sql.run('DELETE FROM "ClassTasks" WHERE "mapId" = ?', mapId);
    await recordEventIn(sql, mapId, 'tasks.updated', actor, event, new Date());
    return true;
  });
  if (cleared) announce(access.mapId);
  return { tasks: null };
}
