import './zod-config';
import { z } from 'zod';
import { TASK_KINDS, type TaskKind, type TaskTargets } from '../argument/progress';

/**
 * The task kinds, what each asks and how it is counted live with the counting, in
 * lib/argument/progress.ts; they are re-exported here for the form and the data layer.
 */
export { TASK_KINDS, type TaskKind, type TaskTargets };

/** How a count of each task kind reads in a message and a form ("At most 50 objections"). */
export const TASK_KIND_WORDS: Record<TaskKind, string> = {
  objections: 'objections',
  underClassmates: 'points under classmates’ points',
  rebuttals: 'rebuttals',
  questions: 'critical questions',
  quotes: 'points quoting the essay',
  unstated: 'unstated premises',
  ratings: 'ratings',
  comments: 'comments',
};

/** Most of any one task a teacher may ask for. */
export const TASK_COUNT_MAX = 50;
/** Longest instruction text, in characters. */
export const TASK_INSTRUCTIONS_MAX = 2000;

const NO_TASK_WORDS = 'Set at least one task: how many objections, rebuttals, critical questions… each student should add.';
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DUE_DATE_WORDS = 'The due date must be a date, YYYY-MM-DD (e.g. 2026-03-14).';

/** Whether `value` is a day of the calendar written YYYY-MM-DD (so 2026-02-30 is not). */
export function isCalendarDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const taskCount = (kind: TaskKind) =>
  z
    .number({ error: `Give the number of ${TASK_KIND_WORDS[kind]} as a whole number, 0 to ${TASK_COUNT_MAX}.` })
    .int({ error: `Give the number of ${TASK_KIND_WORDS[kind]} as a whole number, 0 to ${TASK_COUNT_MAX}.` })
    .min(0, { error: `The number of ${TASK_KIND_WORDS[kind]} cannot be below 0.` })
    .max(TASK_COUNT_MAX, { error: `At most ${TASK_COUNT_MAX} ${TASK_KIND_WORDS[kind]}.` })
    .optional();

/** The counts, each 0–{@link TASK_COUNT_MAX}; no other keys. */
export const taskTargetsSchema = z
  .object(Object.fromEntries(TASK_KINDS.map((kind) => [kind, taskCount(kind)])) as Record<TaskKind, ReturnType<typeof taskCount>>, {
    error: (issue) => {
      if (issue.code === 'invalid_type') return issue.input === undefined ? NO_TASK_WORDS : 'Give the tasks as counts, e.g. { "objections": 2 }.';
      if (issue.code === 'unrecognized_keys')
        return `${issue.keys.map((key) => `“${key}”`).join(', ')} ${issue.keys.length === 1 ? 'is not a task' : 'are not tasks'}: the tasks are ${TASK_KINDS.join(', ')}.`;
      return undefined;
    },
  })
  .strict()
  .refine((targets) => TASK_KINDS.some((kind) => (targets[kind] ?? 0) > 0), { error: NO_TASK_WORDS })
  // Only what is asked for is kept: 0 means "not set", as a kind left out does.
  .transform((targets): TaskTargets => Object.fromEntries(TASK_KINDS.filter((kind) => (targets[kind] ?? 0) > 0).map((kind) => [kind, targets[kind]!])));

/**
 * PUT /api/maps/{slug}/tasks — the tasks of a class copy, replacing any set before (the form and
 * the server share it). At least one count must be 1 or more; `dueAt` is a day (`YYYY-MM-DD`) or
 * null; `instructions` at most {@link TASK_INSTRUCTIONS_MAX} characters, trimmed.
 *
 * @example tasksSchema.parse({ targets: { objections: 2, rebuttals: 0 }, dueAt: '2026-03-14' }) // { targets: { objections: 2 }, dueAt: '2026-03-14', instructions: '' }
 */
export const tasksSchema = z
  .object({
    targets: taskTargetsSchema,
    dueAt: z.string({ error: DUE_DATE_WORDS }).refine(isCalendarDay, { error: DUE_DATE_WORDS }).nullable().default(null),
    instructions: z
      .string({ error: 'Write the instructions as text.' })
      .trim()
      .max(TASK_INSTRUCTIONS_MAX, {
        error: (issue) =>
          `Instructions are at most ${TASK_INSTRUCTIONS_MAX.toLocaleString('en-GB')} characters (these have ${String(issue.input).length.toLocaleString('en-GB')}).`,
      })
      .default(''),
  })
  .strict();

export type TasksInput = z.infer<typeof tasksSchema>;
