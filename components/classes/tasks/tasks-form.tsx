'use client';

import { useId, useState, type FormEvent } from 'react';
import { Dialog } from 'radix-ui';
import { ModalContent } from '@/components/ui/modal';
import { TextAreaField } from '@/components/ui/text-area-field';
import { ApiError, type ApiIssue } from '@/lib/api-client/errors';
import type { ClassTasks } from '@/lib/api-client/progress';
import { clearTasks, setTasks } from '@/lib/api-client/tasks';
import { messageOf, useMapStore } from '@/components/map-store/map-store';
import { TASK_KINDS, TASK_LABELS, type TaskKind } from '@/lib/argument/progress';
import { TASK_COUNT_MAX, TASK_INSTRUCTIONS_MAX, tasksSchema } from '@/lib/validation/tasks';
import { FormAlert } from '@/components/ui/form-alert';

/** Errors by the path the schema or the server names: `targets.objections`, `targets`, `dueAt`, `instructions`; `form` for the rest. */
type FormErrors = Record<string, string>;

function errorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    const known = key === 'targets' || key === 'dueAt' || key === 'instructions' || key.startsWith('targets.');
    errors[known ? key : 'form'] ??= issue.message;
  }
  return errors;
}

interface TasksFormProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The tasks as set now (null: none), to start from. */
  current: ClassTasks | null;
  /** Called after a save or turning off, with the tasks as they now are. */
  onSaved: (tasks: ClassTasks | null) => void;
}

/**
 * The teacher's "Class tasks" form on a class copy: how many of each kind every student should add
 * (0–50; 0 or empty is not asked), an optional due date and instructions. Checked with the same
 * `tasksSchema` the server uses, each message beside the field it names; saving replaces the tasks
 * (everyone's progress stays: it is counted from the map's history); "Turn tasks off" clears them.
 */
export function TasksForm({ open, onOpenChange, current, onSaved }: TasksFormProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <ModalContent className="w-[560px]">
        {/* Mounted only while open, so each opening starts from the tasks as they are. */}
        {open && (
          <TasksFormBody
            current={current}
            onDone={(tasks) => {
              onSaved(tasks);
              onOpenChange(false);
            }}
            onCancel={() => onOpenChange(false)}
          />
        )}
      </ModalContent>
    </Dialog.Root>
  );
}

function TasksFormBody({ current, onDone, onCancel }: { current: ClassTasks | null; onDone: (tasks: ClassTasks | null) => void; onCancel: () => void }) {
  const slug = useMapStore((s) => s.view.map.slug);
  const [counts, setCounts] = useState<Record<TaskKind, string>>(
    () => Object.fromEntries(TASK_KINDS.map((kind) => [kind, String(current?.targets[kind] ?? '')])) as Record<TaskKind, string>,
  );
  const [dueAt, setDueAt] = useState(current?.dueAt ?? '');
  const [instructions, setInstructions] = useState(current?.instructions ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const id = useId();

  const refusal = (error: unknown) => {
    const issues: ApiIssue[] = error instanceof ApiError ? error.issues : [];
    const next = errorsOf(issues);
    // The server's message goes at the top unless a field says it already.
    if (issues.length === 0 || next.form) next.form = messageOf(error);
    setErrors(next);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const targets = Object.fromEntries(TASK_KINDS.filter((kind) => counts[kind].trim() !== '').map((kind) => [kind, Number(counts[kind].trim())]));
      const parsed = tasksSchema.safeParse({ targets, dueAt: dueAt === '' ? null : dueAt, instructions });
      if (!parsed.success) {
        setErrors(errorsOf(parsed.error.issues));
        return;
      }
      setErrors({});
      const { tasks } = await setTasks(slug, parsed.data);
      onDone(tasks);
    } catch (error) {
      refusal(error);
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setBusy(true);
    try {
      await clearTasks(slug);
      onDone(null);
    } catch (error) {
      refusal(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate className="space-y-5" data-testid="tasks-form" aria-labelledby={`${id}-title`}>
      <div>
        <Dialog.Title id={`${id}-title`} className="text-lg font-semibold">
          Class tasks
        </Dialog.Title>
        <Dialog.Description className="mt-1 text-sm text-slate-600">
          What each student should add to this map. Progress is counted from the map’s history, so changing the tasks later keeps everyone’s work.
        </Dialog.Description>
      </div>

      <fieldset>
        <legend className="text-xs font-semibold uppercase tracking-wider text-slate-500">How many of each, per student</legend>
        {errors.targets && (
          <FormAlert className="mt-2" testId="tasks-form.targets-error">
            {errors.targets}
          </FormAlert>
        )}
        <div className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-2">
          {TASK_KINDS.map((kind) => {
            const error = errors[`targets.${kind}`];
            return (
              <div key={kind} className="text-sm">
                <div className="flex items-center justify-between gap-3">
                  <label htmlFor={`${id}-${kind}`} className="text-slate-800">
                    {TASK_LABELS[kind]}
                  </label>
                  <input
                    id={`${id}-${kind}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={TASK_COUNT_MAX}
                    step={1}
                    value={counts[kind]}
                    placeholder="0"
                    onChange={(e) => setCounts((c) => ({ ...c, [kind]: e.target.value }))}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-${kind}-error` : undefined}
                    className={`w-16 shrink-0 rounded-md border px-2 py-1 text-right tabular-nums ${error ? 'border-red-500' : 'border-slate-300'}`}
                    data-testid={`tasks-form.count-${kind}`}
                  />
                </div>
                {error && (
                  <p id={`${id}-${kind}-error`} className="mt-1 text-xs text-red-700" role="alert" data-testid={`tasks-form.count-${kind}-error`}>
                    {error}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>

      <div className="text-sm">
        <label htmlFor={`${id}-due`} className="mb-1 block font-medium text-slate-700">
          Due <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <input
          id={`${id}-due`}
          type="date"
          value={dueAt}
          onChange={(e) => setDueAt(e.target.value)}
          aria-invalid={errors.dueAt ? true : undefined}
          aria-describedby={errors.dueAt ? `${id}-due-error` : undefined}
          className={`rounded-md border px-2 py-1.5 ${errors.dueAt ? 'border-red-500' : 'border-slate-300'}`}
          data-testid="tasks-form.due"
        />
        {errors.dueAt && (
          <p id={`${id}-due-error`} className="mt-1 text-red-700" role="alert" data-testid="tasks-form.due-error">
            {errors.dueAt}
          </p>
        )}
      </div>

      <div className="text-sm">
        <label htmlFor={`${id}-instructions`} className="mb-1 block font-medium text-slate-700">
          Instructions <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <TextAreaField
          id={`${id}-instructions`}
          value={instructions}
          onChange={setInstructions}
          rows={3}
          max={TASK_INSTRUCTIONS_MAX}
          countFrom={0.8}
          placeholder="e.g. Object to a classmate’s point, and quote the essay once."
          error={errors.instructions}
          testId="tasks-form.instructions"
        />
      </div>

      {errors.form && <FormAlert testId="tasks-form.error">{errors.form}</FormAlert>}

      <div className="flex flex-wrap items-center justify-end gap-2">
        {current && (
          <button
            type="button"
            onClick={turnOff}
            disabled={busy}
            className="mr-auto rounded-md px-3 py-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
            data-testid="tasks-form.turn-off"
          >
            Turn tasks off
          </button>
        )}
        <button type="button" onClick={onCancel} className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100">
          Cancel
        </button>
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-60"
          data-testid="tasks-form.save"
        >
          {busy ? 'Saving…' : current ? 'Save tasks' : 'Set tasks'}
        </button>
      </div>
    </form>
  );
}
