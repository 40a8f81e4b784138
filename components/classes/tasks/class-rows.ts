import type { TaskKind } from '@/lib/argument/progress';
import type { StudentProgress } from '@/lib/api-client/progress';

/** A column of the Class panel to sort by: a student field, a task set, or the reasoning. */
export type ClassColumn = 'name' | 'role' | 'joined' | 'lastActive' | 'reasoning' | { task: TaskKind };

export interface ClassSort {
  column: ClassColumn;
  descending: boolean;
}

const ROLE_ORDER = { viewer: 0, commenter: 1, editor: 2, owner: 3 } as const;

/** How far a student is with one task, as a share of its target (0 when it is not set). */
function taskShare(student: StudentProgress, kind: TaskKind): number {
  const task = student.tasks.find((t) => t.kind === kind);
  return task && task.target > 0 ? task.done / task.target : 0;
}

/** A sortable value of `column` for `student`: numbers, or text compared in the reader's language. */
function keyOf(student: StudentProgress, column: ClassColumn): number | string {
  if (typeof column === 'object') return taskShare(student, column.task) * 1000 + (student.tasks.find((t) => t.kind === column.task)?.done ?? 0);
  switch (column) {
    case 'name':
      return student.member.name;
    case 'role':
      return ROLE_ORDER[student.member.role];
    case 'joined':
      return Date.parse(student.member.joinedAt);
    case 'lastActive':
      // Never active sorts before anyone who was.
      return student.member.lastActiveAt ? Date.parse(student.member.lastActiveAt) : -Infinity;
    case 'reasoning':
      return student.reasoning.points.length;
  }
}

/**
 * The Class panel's rows: only those who have not started (nothing that counts yet) when
 * `notStartedOnly`, sorted by `sort` with ties broken by name, so the order never jumps when the
 * stream brings new figures for others.
 */
export function classRows(students: readonly StudentProgress[], sort: ClassSort, notStartedOnly: boolean): StudentProgress[] {
  const rows = notStartedOnly ? students.filter((s) => !s.started) : [...students];
  const sign = sort.descending ? -1 : 1;
  return rows.sort((a, b) => {
    const x = keyOf(a, sort.column);
    const y = keyOf(b, sort.column);
    const byColumn = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y, undefined, { sensitivity: 'base' }) : (x as number) - (y as number);
    return sign * byColumn || a.member.name.localeCompare(b.member.name, undefined, { sensitivity: 'base' }) || a.member.id.localeCompare(b.member.id);
  });
}

/** Whether `column` is the one sorted by. */
export function sameColumn(a: ClassColumn, b: ClassColumn): boolean {
  return typeof a === 'object' && typeof b === 'object' ? a.task === b.task : a === b;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date — how recent a student's last action is. */
export function sinceWords(iso: string | null, now: number): string {
  if (!iso) return 'Not yet';
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'Just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days} day${days === 1 ? '' : 's'} ago`;
  return dayWords(iso);
}

/** "12 Mar 2026". */
export function dayWords(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}
