'use client';

import { ClipboardList, X } from 'lucide-react';
import { dueWords, useMyTasks } from './my-tasks';
import { ProgressBar } from './progress-bar';

/**
 * The "My tasks" card over the map: the teacher's instructions, the due date and a bar per task.
 * Loaded once a student has tasks to show (`MyTasksCard`: `DEFERRED.myTasksCard`).
 */
export function MyTasksCardContent() {
  const { tasks, mine, open, setOpen } = useMyTasks();
  if (!open || !tasks || !mine) return null;
  const done = mine.tasks.filter((t) => t.complete).length;
  return (
    <section
      className="absolute right-3 top-3 z-20 max-h-[calc(100%-1.5rem)] w-[min(360px,calc(100%-1.5rem))] overflow-y-auto rounded-xl border border-slate-200 bg-white p-4 shadow-lg"
      aria-labelledby="my-tasks-title"
      data-testid="my-tasks"
    >
      <div className="flex items-start gap-2">
        <ClipboardList aria-hidden className="mt-0.5 h-5 w-5 shrink-0 text-indigo-700" />
        <div className="min-w-0 flex-1">
          <h2 id="my-tasks-title" className="text-base font-semibold text-slate-900">
            My tasks
          </h2>
          <p className="text-sm text-slate-600" data-testid="my-tasks.summary">
            {mine.complete ? 'All done — well argued!' : `${done} of ${mine.tasks.length} done`}
            {tasks.dueAt && (
              <>
                <span className="mx-1.5" aria-hidden>
                  ·
                </span>
                <span data-testid="my-tasks.due">{dueWords(tasks.dueAt)}</span>
              </>
            )}
          </p>
        </div>
        <button
          type="button"
          onClick={() => setOpen(false)}
          className="rounded p-1 text-slate-500 hover:bg-slate-100"
          aria-label="Hide my tasks"
          data-testid="my-tasks.dismiss"
        >
          <X aria-hidden className="h-4 w-4" />
        </button>
      </div>
      {tasks.instructions && (
        <p
          className="mt-3 whitespace-pre-line rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800 [overflow-wrap:anywhere]"
          data-testid="my-tasks.instructions"
        >
          {tasks.instructions}
        </p>
      )}
      <ul className="mt-3 space-y-3">
        {mine.tasks.map((task) => (
          <li key={task.kind} data-testid="my-tasks.task" data-kind={task.kind}>
            <p className="mb-1 text-sm font-medium text-slate-800">{task.label}</p>
            <ProgressBar task={task} label={task.label} testId="my-tasks.bar" />
          </li>
        ))}
      </ul>
    </section>
  );
}
