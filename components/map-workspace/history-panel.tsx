'use client';

import { History, X } from 'lucide-react';
import { describeEvent } from '@/lib/argument/history';
import { useMapStore } from './map-store';

const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The map's history: who did what, when — newest first — and a slider that shows the map as it was
 * after any of those moments (read-only; "Now" returns to the live map).
 */
export function HistoryPanel() {
  const history = useMapStore((s) => s.history);
  const replayTo = useMapStore((s) => s.replayTo);
  const closeHistory = useMapStore((s) => s.closeHistory);
  const liveView = useMapStore((s) => s.liveView);
  const view = useMapStore((s) => s.view);
  if (!history) return null;
  const present = liveView ?? view;
  const textOf = (id: string) => present.nodes.find((n) => n.id === id)?.text;
  // Oldest first for the slider: position k shows the map after the k-th oldest loaded event.
  const oldestFirst = [...history.events].reverse();
  const position = history.at === null ? oldestFirst.length : oldestFirst.findIndex((e) => e.id === history.at) + 1;
  const shown = position === oldestFirst.length ? null : oldestFirst[position - 1];
  return (
    <aside className="flex h-full w-[360px] shrink-0 flex-col border-l border-slate-200 bg-white" aria-label="History" data-testid="history">
      <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3">
        <h2 className="flex items-center gap-2 text-sm font-semibold uppercase tracking-wider text-slate-500">
          <History aria-hidden className="h-4 w-4" /> History
        </h2>
        <button type="button" onClick={closeHistory} className="rounded p-1 text-slate-500 hover:bg-slate-100" aria-label="Close the history">
          <X aria-hidden className="h-4 w-4" />
        </button>
      </div>
      {oldestFirst.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600">Nothing has changed on this map since it was created. Every change people make will be listed here.</p>
      ) : (
        <>
          <div className="space-y-2 border-b border-slate-100 px-5 py-4">
            <label htmlFor="history-slider" className="block text-sm font-medium text-slate-700">
              Show the map as it was
            </label>
            <input
              id="history-slider"
              type="range"
              min={0}
              max={oldestFirst.length}
              value={position}
              onChange={(e) => {
                const k = Number(e.target.value);
                replayTo(k === oldestFirst.length ? null : k === 0 ? oldestFirst[0].id - 1 : oldestFirst[k - 1].id);
              }}
              className="w-full accent-indigo-600"
              aria-valuetext={shown ? `After: ${describeEvent(shown, textOf)}` : position === 0 ? 'Before the first change listed' : 'Now'}
              data-testid="history.slider"
            />
            <p className="text-sm text-slate-600" data-testid="history.moment">
              {position === oldestFirst.length
                ? 'Now — the live map.'
                : position === 0
                  ? 'Before the first change listed.'
                  : `After: ${describeEvent(shown!, textOf)} (${timeFormat.format(new Date(shown!.at))})`}
            </p>
          </div>
          <ol className="flex-1 space-y-1 overflow-y-auto px-3 py-3" data-testid="history.list">
            {history.events.map((event) => {
              const active = history.at === null ? event.id === history.events[0].id : event.id === history.at;
              return (
                <li key={event.id}>
                  <button
                    type="button"
                    onClick={() => replayTo(event.id === history.events[0].id ? null : event.id)}
                    className={`w-full rounded-md px-3 py-2 text-left text-sm hover:bg-slate-50 ${active ? 'bg-indigo-50 ring-1 ring-indigo-200' : ''}`}
                    data-testid="history.event"
                  >
                    <span className="block text-slate-800">{describeEvent(event, textOf)}</span>
                    <span className="text-xs text-slate-500">{timeFormat.format(new Date(event.at))}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </aside>
  );
}

/** The banner over a past moment: it is read-only, and one click returns to now. */
export function ReplayBanner() {
  const history = useMapStore((s) => s.history);
  const replayTo = useMapStore((s) => s.replayTo);
  if (!history || history.at === null) return null;
  const event = history.events.find((e) => e.id === history.at);
  return (
    <div className="absolute left-1/2 top-3 z-10 flex -translate-x-1/2 items-center gap-3 rounded-full bg-slate-900 px-4 py-2 text-sm text-white shadow-lg" role="status" data-testid="history.banner">
      <History aria-hidden className="h-4 w-4" />
      <span>Viewing the map as it was{event ? ` on ${timeFormat.format(new Date(event.at))}` : ' earlier'} — read-only</span>
      <button type="button" onClick={() => replayTo(null)} className="rounded-full bg-white/15 px-3 py-0.5 font-semibold hover:bg-white/25" data-testid="history.now">
        Back to now
      </button>
    </div>
  );
}
