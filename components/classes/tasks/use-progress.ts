'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-client/errors';
import { getProgress, getTasks, type ClassTasks, type ProgressAnswer, type StudentProgress } from '@/lib/api-client/progress';
import type { TaskKind, TaskProgress } from '@/lib/argument/progress';
import { messageOf, useMapStore } from '@/components/map-store/map-store';

/** How long the page waits after an event before asking for progress again (a class writing at once is one request). */
export const PROGRESS_DEBOUNCE_MS = 500;

/**
 * The newest event id the page knows of: it moves whenever the live stream brings anything (the
 * workspace re-reads the view on every event, and after this viewer's own changes), so it is the
 * page's "something happened" signal without a second subscription to the stream.
 */
function useLastEventId(): number {
  return useMapStore((s) => (s.liveView ?? s.view).lastEventId);
}

export interface ProgressState {
  data: ProgressAnswer | null;
  /** When `data` arrived (ms since the epoch): the "now" its "5 min ago" are counted from. */
  receivedAt: number;
  /** The last refusal or failure, in words (the previous `data` is kept). */
  error: string | null;
  /** The caller may not see progress here (not the teacher, not a member): nothing to show. */
  refused: boolean;
  loading: boolean;
  /** Asks again now (after the owner changes the tasks). */
  reload: () => void;
}

export interface ProgressOptions {
  enabled: boolean;
  /** Read the public tasks first, and progress only once some are set (a student's page). */
  onlyWithTasks?: boolean;
  /** Ask again when someone arrives or leaves as well (the teacher's panel: a student who just joined gets a row). */
  withPresence?: boolean;
}

/**
 * Reads `GET /api/maps/{slug}/progress` while `enabled`, and again — debounced by
 * {@link PROGRESS_DEBOUNCE_MS} — whenever the map's event stream brings an event: no polling. A
 * 401/403 is remembered as `refused` (someone who is neither the teacher nor a member) and stops the
 * asking until `enabled` or the viewer's role changes.
 *
 * With `onlyWithTasks` (a student's page), it first reads the public `GET …/tasks` and asks for
 * progress only once tasks are set, so a visitor of a map without tasks never draws a refusal.
 * With `withPresence`, a change of who is on the map is such a signal too.
 */
export function useProgress({ enabled, onlyWithTasks = false, withPresence = false }: ProgressOptions): ProgressState {
  const slug = useMapStore((s) => s.view.map.slug);
  const role = useMapStore((s) => s.view.viewer.role);
  const lastEventId = useLastEventId();
  // Joining a class writes no event; the newcomer opening the map changes who is here.
  const presence = useMapStore((s) => (withPresence ? s.presence : null));
  // A student's page reads the tasks when it opens and when the stream says they changed, never per event.
  const tasksChanged = useMapStore((s) => s.tasksChanged);
  const tasksRead = useRef<{ asker: string; version: number; tasks: ClassTasks | null } | null>(null);
  const [data, setData] = useState<ProgressAnswer | null>(null);
  const [receivedAt, setReceivedAt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // Who was refused: a change of role (joined, promoted, removed) or map is a new question.
  const asker = `${slug}:${role}`;
  const [refusedAsker, setRefusedAsker] = useState<string | null>(null);
  const refused = refusedAsker === asker;
  const [loading, setLoading] = useState(false);
  const [asked, setAsked] = useState(0);
  // Answers arrive in order of asking only by luck: keep the newest question's answer.
  const latest = useRef(0);
  const firstAsk = useRef(true);

  useEffect(() => {
    if (!enabled || refused) return;
    const ask = async () => {
      const id = ++latest.current;
      setLoading(true);
      try {
        if (onlyWithTasks) {
          let known = tasksRead.current;
          if (!known || known.asker !== asker || known.version !== tasksChanged) {
            const { tasks } = await getTasks(slug);
            known = tasksRead.current = { asker, version: tasksChanged, tasks };
          }
          // No tasks on this map: nothing to count, and no progress to ask for on the next event either.
          if (!known.tasks) {
            if (id === latest.current) {
              setData((shown) => (shown && shown.tasks === null ? shown : { tasks: null, students: [], viewer: { owner: false }, anonymous: false }));
              setError(null);
            }
            return;
          }
        }
        const answer = await getProgress(slug);
        if (id !== latest.current) return;
        setData(answer);
        setReceivedAt(Date.now());
        setError(null);
      } catch (e) {
        if (id !== latest.current) return;
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) setRefusedAsker(asker);
        setError(messageOf(e));
      } finally {
        if (id === latest.current) setLoading(false);
      }
    };
    // The first question goes at once; the ones the stream prompts wait for it to go quiet.
    if (firstAsk.current) {
      firstAsk.current = false;
      void ask();
      return;
    }
    const timer = setTimeout(() => void ask(), PROGRESS_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [enabled, refused, asker, slug, onlyWithTasks, lastEventId, presence, asked, tasksChanged]);

  // Closed (or turned off): the next opening asks at once.
  useEffect(() => {
    if (!enabled) firstAsk.current = true;
  }, [enabled]);

  const reload = useCallback(() => {
    firstAsk.current = true;
    setAsked((n) => n + 1);
  }, []);
  return { data, receivedAt, error, refused, loading, reload };
}

/** The progress of one task kind in a student's row, if that task is set. */
export function progressOf(student: StudentProgress | undefined, kind: TaskKind): TaskProgress | undefined {
  return student?.tasks.find((t) => t.kind === kind);
}
