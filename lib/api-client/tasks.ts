import type { z } from 'zod';
import type { tasksSchema } from '@/lib/validation/tasks';
import type { ClassTasks } from './progress';
import { request } from './request';
import { apiPath } from './paths';

/** `PUT /api/maps/{slug}/tasks`: how many of each task each student is asked for, the due day and instructions. */
export type TasksRequest = z.input<typeof tasksSchema>;

/** `PUT /api/maps/{slug}/tasks` — set the tasks of a class copy, replacing any before (owner only). */
export function setTasks(slug: string, tasks: TasksRequest): Promise<{ tasks: ClassTasks }> {
  return request(apiPath('maps', slug, 'tasks'), { method: 'PUT', body: tasks });
}

/** `DELETE /api/maps/{slug}/tasks` — turn the tasks off (owner only); progress stays in the log. */
export function clearTasks(slug: string): Promise<{ tasks: null }> {
  return request(apiPath('maps', slug, 'tasks'), { method: 'DELETE' });
}
