'use client';

import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { ClipboardList } from 'lucide-react';
import { DEFERRED } from '@/components/map-store/deferred';
import { useMapStore, type Composer } from '@/components/map-store/map-store';
import { useOnDemand } from '@/components/ui/lazy-popup';
import type { TaskKind } from '@/lib/argument/progress';
import type { ClassTasks, StudentProgress } from '@/lib/api-client/progress';
import { useProgress } from './use-progress';

/** "Due Thu 10 Dec 2026" from `2026-12-10` (the day as the teacher set it, in no time zone). */
export function dueWords(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  return `Due ${date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}`;
}

interface MyTasksValue {
  tasks: ClassTasks | null;
  /** This student's own row (absent until it loads, or for anyone not a member). */
  mine: StudentProgress | undefined;
  /** Whether the card is showing. */
  open: boolean;
  setOpen: (open: boolean) => void;
}

const MyTasksContext = createContext<MyTasksValue>({ tasks: null, mine: undefined, open: false, setOpen: () => undefined });

/** Where the card's dismissal is kept: per map, with the tasks' `updatedAt` (new tasks show again). */
const dismissKey = (slug: string) => `argmap.tasks-dismissed:${slug}`;
/** What the server renders with: it cannot know the browser's choice, so the card waits for the browser. */
const UNKNOWN = '\u0000unknown';
const dismissListeners = new Set<() => void>();
/** The choices made on this page, which hold even where storage is refused (private mode). */
const dismissedHere = new Map<string, string | null>();

function readDismissal(slug: string): string | null {
  if (dismissedHere.has(slug)) return dismissedHere.get(slug)!;
  try {
    return window.localStorage.getItem(dismissKey(slug));
  } catch {
    return null;
  }
}

function writeDismissal(slug: string, updatedAt: string | null) {
  dismissedHere.set(slug, updatedAt);
  try {
    if (updatedAt === null) window.localStorage.removeItem(dismissKey(slug));
    else window.localStorage.setItem(dismissKey(slug), updatedAt);
  } catch {
    // Storage refused: the choice lasts as long as the page.
  }
  for (const listener of dismissListeners) listener();
}

function subscribeDismissal(onChange: () => void) {
  dismissListeners.add(onChange);
  return () => dismissListeners.delete(onChange);
}

/**
 * A student's tasks on this map (a member, not the owner): read once the page opens and again on
 * every event of the map's stream, so the bars move as they act. Its children read it through
 * {@link useMyTasks} — the card, the header button and the composer's hint.
 */
export function MyTasksProvider({ children }: { children: ReactNode }) {
  const slug = useMapStore((s) => s.view.map.slug);
  const role = useMapStore((s) => s.view.viewer.role);
  const { data } = useProgress({ enabled: role !== null && role !== 'owner', onlyWithTasks: true });
  const tasks = data?.viewer.owner === false ? data.tasks : null;
  const mine = tasks ? data?.students[0] : undefined;
  const dismissedAt = useSyncExternalStore(
    subscribeDismissal,
    () => readDismissal(slug),
    () => UNKNOWN,
  );
  const open = !!tasks && !!mine && dismissedAt !== UNKNOWN && dismissedAt !== tasks.updatedAt;
  const setOpen = useCallback((next: boolean) => tasks && writeDismissal(slug, next ? null : tasks.updatedAt), [slug, tasks]);
  const value = useMemo(() => ({ tasks, mine, open, setOpen }), [tasks, mine, open, setOpen]);
  return <MyTasksContext.Provider value={value}>{children}</MyTasksContext.Provider>;
}

/** The student's tasks and progress from {@link MyTasksProvider}. */
export function useMyTasks(): MyTasksValue {
  return useContext(MyTasksContext);
}

/**
 * The "My tasks" card over the map: the teacher's instructions, the due date and a bar per task.
 * Its code (`my-tasks-content.tsx`) loads once the card is to show, or once the page is idle.
 */
export function MyTasksCard() {
  const { open } = useMyTasks();
  const notify = useMapStore((s) => s.notify);
  const loaded = useOnDemand(DEFERRED.myTasksCard, open, () => {
    // The header's "My tasks" button shows it again, and tries again.
    notify({ tone: 'error', message: 'Offline — your tasks could not be shown. Try again when the connection is back.' });
  });
  if (!open || !loaded) return null;
  return <loaded.MyTasksCardContent />;
}

/** The header's way back to the card once dismissed: "My tasks 1/3". Nothing for anyone without tasks. */
export function MyTasksButton({ className }: { className: string }) {
  const { tasks, mine, open, setOpen } = useMyTasks();
  if (!tasks || !mine) return null;
  const done = mine.tasks.filter((t) => t.complete).length;
  return (
    <button
      type="button"
      className={`${className} ${open ? 'bg-indigo-50 text-indigo-800' : ''}`}
      aria-pressed={open}
      onClick={() => setOpen(!open)}
      title={open ? 'Hide my tasks' : 'Show my tasks'}
      data-testid="map.my-tasks"
    >
      <ClipboardList aria-hidden className="h-4 w-4" />
      <span className="hidden lg:inline">My tasks</span>
      <span className="tabular-nums text-slate-500" aria-label={`${done} of ${mine.tasks.length} done`}>
        {done}/{mine.tasks.length}
      </span>
    </button>
  );
}

/** The task a composer's point would count towards: an objection (or a critical question raised) or a rebuttal. */
function taskOfComposer(composer: Composer): TaskKind[] {
  if (composer.mode === 'object' || composer.mode === 'undercut') return composer.question ? ['questions', 'objections'] : ['objections'];
  if (composer.mode === 'rebut') return ['rebuttals'];
  return [];
}

/** One line under the composer for a student with tasks: "1 of 2 objections so far". */
export function ComposerTaskHint({ composer }: { composer: Composer }) {
  const { mine } = useMyTasks();
  const task = taskOfComposer(composer)
    .map((kind) => mine?.tasks.find((t) => t.kind === kind))
    .find((t) => t !== undefined);
  if (!task) return null;
  return (
    <p className="flex items-center gap-1.5 text-sm text-slate-600" data-testid="composer.task-hint">
      <ClipboardList aria-hidden className="h-4 w-4 shrink-0 text-indigo-600" />
      {task.words} so far
    </p>
  );
}
