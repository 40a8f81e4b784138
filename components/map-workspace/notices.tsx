'use client';

import { useState } from 'react';
import { X } from 'lucide-react';
import { messageOf, noticeOnScreen, useMapStore } from '@/components/map-store/map-store';

/**
 * The notice at the foot of the page: confirmations, refusals from the server, Undo after a delete,
 * "Show" for a point someone added. One at a time, the newest first, so notices never pile up over
 * the canvas; "+2" says how many more are live and steps back through them (an older Undo stays
 * reachable until it expires, and "Recently deleted" in History keeps it after that).
 */
export function Notices() {
  const notices = useMapStore((s) => s.notices);
  const dismiss = useMapStore((s) => s.dismissNotice);
  const undoDelete = useMapStore((s) => s.undoDelete);
  const select = useMapStore((s) => s.select);
  const notify = useMapStore((s) => s.notify);
  // The notice the person stepped back to; the newest when none (or when it has gone).
  // It holds only while no newer notice has come: later ones replace, as everywhere else.
  const newestId = notices.at(-1)?.id ?? null;
  const [picked, setPicked] = useState<{ id: number; underNewest: number | null } | null>(null);
  const pickedId = picked && picked.underNewest === newestId ? picked.id : null;
  const setPickedId = (id: number | null) => setPicked(id === null ? null : { id, underNewest: newestId });
  const { notice, others, nextId } = noticeOnScreen(notices, pickedId);
  const nextIsNewest = nextId === notices.at(-1)?.id;
  const close = () => {
    if (!notice) return;
    dismiss(notice.id);
    setPickedId(null);
  };
  const action = 'rounded px-2 py-0.5 font-semibold text-indigo-300 hover:bg-white/10';
  return (
    // Inside the main area (canvas, outline or essay on a phone): centred over what the person is
    // looking at, never over the essay column or a side panel's form.
    <div className="pointer-events-none absolute inset-x-3 bottom-6 z-50 flex justify-center" aria-live="polite" role="status">
      {notice && (
        <div
          key={notice.id}
          className={`pointer-events-auto flex max-w-xl items-center gap-3 rounded-lg py-2.5 pl-4 pr-2 text-sm font-medium text-white shadow-lg ${notice.tone === 'error' ? 'bg-red-700' : 'bg-slate-900'}`}
          data-testid="notice"
          data-tone={notice.tone}
        >
          <span className="min-w-0">{notice.message}</span>
          {notice.show && (
            <button
              type="button"
              className={action}
              onClick={() => {
                select(notice.show!, { focus: true });
                close();
              }}
              data-testid="notice.show"
            >
              Show
            </button>
          )}
          {notice.undoDeletionId && (
            <button
              type="button"
              className={action}
              onClick={() => {
                close();
                undoDelete(notice.undoDeletionId!).catch((e: unknown) => notify({ tone: 'error', message: `Not restored: ${messageOf(e)}` }));
              }}
              data-testid="notice.undo"
            >
              Undo
            </button>
          )}
          {others > 0 && (
            <button
              type="button"
              className="shrink-0 rounded-full bg-white/15 px-2 py-0.5 text-xs font-semibold tabular-nums hover:bg-white/25"
              onClick={() => setPickedId(nextId ?? null)}
              aria-label={`${others} more ${others === 1 ? 'notice' : 'notices'}: show ${nextIsNewest ? 'the newest' : 'the one before'}`}
              title={`${others} more ${others === 1 ? 'notice' : 'notices'}`}
              data-testid="notice.more"
            >
              +{others}
            </button>
          )}
          <button type="button" onClick={close} className="shrink-0 rounded p-1 hover:bg-white/10" aria-label="Dismiss" data-testid="notice.dismiss">
            <X aria-hidden className="h-4 w-4" />
          </button>
        </div>
      )}
    </div>
  );
}
