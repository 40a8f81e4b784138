import type { TaskCounts, TaskProgress, TaskTargets } from '@/lib/argument/progress';
import type { StudentReasoning } from '@/lib/argument/reasoning';
import type { Role } from '@/lib/auth/permissions';
import { request } from './request';
import { apiPath } from './paths';

/** The tasks set on a class copy, as `GET /api/maps/{slug}/tasks` and `…/progress` give them. */
export interface ClassTasks {
  targets: TaskTargets;
  /** `YYYY-MM-DD`, or null. */
  dueAt: string | null;
  instructions: string;
  /** When the owner last set them (ISO 8601). */
  updatedAt: string;
}

/** One student's row of `GET /api/maps/{slug}/progress`. */
export interface StudentProgress {
  /** `alias`: how classmates see them when the class is anonymous ("Student 3"), else null. */
  member: { id: string; name: string; alias: string | null; role: Role; joinedAt: string; lastActiveAt: string | null };
  /** Progress on each task set, in task order (empty when none are set). */
  tasks: TaskProgress[];
  counts: TaskCounts;
  /** Every set task complete (false when none are set). */
  complete: boolean;
  /** Did anything that counts. */
  started: boolean;
  /** Their points' figures, by node id (never the identity mark behind them). */
  reasoning: Omit<StudentReasoning, 'mark'>;
  /** The reasoning in one sentence. */
  summary: string;
}

/** `GET /api/maps/{slug}/progress`: the owner gets every student, a member only their own row. */
export interface ProgressAnswer {
  tasks: ClassTasks | null;
  students: StudentProgress[];
  viewer: { owner: boolean };
  /** Students see each other as "Student N". */
  anonymous: boolean;
}

/** `GET /api/maps/{slug}/tasks` — the tasks set on the map, or null (anyone who may view it). */
export function getTasks(slug: string): Promise<{ tasks: ClassTasks | null }> {
  return request(apiPath('maps', slug, 'tasks'));
}

/** `GET /api/maps/{slug}/progress` — the tasks and each student's progress (owner: the class; a member: their own row). */
export function getProgress(slug: string): Promise<ProgressAnswer> {
  return request(apiPath('maps', slug, 'progress'));
}
