'use client';

import { History } from 'lucide-react';
import { useMapStore } from '@/components/map-store/map-store';

/** When history items happened, in the reader's words ("Dec 5, 2026, 6:12 AM"). */
export const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** The banner over a past moment: it is read-only, and one click returns to now. */
export function ReplayBanner() {
  const history = useMapStore((s) => s.history);
  const replayTo = useMapStore((s) => s.replayTo);
  if (!history || history.at === null) return null;
  const event = history.events.find((e) => e.id === history.at);
  return (
    <div
      className="absolute left-1/2 top-3 z-10 flex -translate-x-1/2 items-center gap-3 rounded-full bg-slate-900 px-4 py-2 text-sm text-white shadow-lg"
      role="status"
      data-testid="history.banner"
    >
      <History aria-hidden className="h-4 w-4" />
      <span>Viewing the map as it was{event ? ` on ${timeFormat.format(new Date(event.at))}` : ' earlier'} — read-only</span>
      <button
        type="button"
        onClick={() => replayTo(null)}
        className="rounded-full bg-white/15 px-3 py-0.5 font-semibold hover:bg-white/25"
        data-testid="history.now"
      >
        Back to now
      </button>
    </div>
  );
}
