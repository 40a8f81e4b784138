'use client';

import { useEffect, useState } from 'react';
import { Tabs } from 'radix-ui';
import { History, RotateCcw, X } from 'lucide-react';
import { KIND_STYLES } from '@/components/argument-kinds';
import { describeEvent } from '@/lib/argument/history-words';
import { shorten } from '@/lib/argument/text';
import { can } from '@/lib/auth/permissions';
import { listDeletions, type DeletionSummary } from '@/lib/api-client/deletions';
import { messageOf, useMapStore } from '@/components/map-store/map-store';

import { timeFormat } from './replay-banner';

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
      <Tabs.Root defaultValue="timeline" className="flex min-h-0 flex-1 flex-col">
        <Tabs.List className="flex gap-1 border-b border-slate-200 px-3" aria-label="History views">
          <Tabs.Trigger value="timeline" className={TAB} data-testid="history.tab-timeline">
            Timeline
          </Tabs.Trigger>
          <Tabs.Trigger value="deleted" className={TAB} data-testid="history.tab-deleted">
            Recently deleted
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="deleted" className="min-h-0 flex-1 overflow-y-auto outline-none">
          <RecentlyDeleted />
        </Tabs.Content>
        <Tabs.Content value="timeline" className="flex min-h-0 flex-1 flex-col outline-none">
          {oldestFirst.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-600">
              Nothing has changed on this map since it was created. Every change people make will be listed here.
            </p>
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
        </Tabs.Content>
      </Tabs.Root>
    </aside>
  );
}

const TAB =
  '-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-indigo-600 data-[state=active]:text-indigo-700';

/** Deletes that can still be undone, newest first, each with a Restore button. */
function RecentlyDeleted() {
  const slug = useMapStore((s) => s.view.map.slug);
  const liveView = useMapStore((s) => s.liveView ?? s.view);
  const undoDelete = useMapStore((s) => s.undoDelete);
  const notify = useMapStore((s) => s.notify);
  // Restoring is for editors (their own deletes) and the owner; the server checks whose it was.
  const mayRestore = useMapStore((s) => can(s.view.viewer.role, 'restore-own'));
  const [deletions, setDeletions] = useState<DeletionSummary[] | null>(null);
  useEffect(() => {
    let current = true;
    listDeletions(slug)
      .then(({ deletions: list }) => current && setDeletions(list))
      .catch((e: unknown) => notify({ tone: 'error', message: `Recently deleted not loaded: ${messageOf(e)}` }));
    return () => {
      current = false;
    };
  }, [slug, liveView, notify]);
  if (deletions === null) return <p className="px-5 py-4 text-sm text-slate-500">Loading…</p>;
  if (deletions.length === 0)
    return <p className="px-5 py-4 text-sm text-slate-600">Nothing has been deleted. Deleted points wait here until someone restores them.</p>;
  return (
    <ol className="space-y-2 px-3 py-3" data-testid="history.deleted">
      {deletions.map((d) => {
        const [first, ...rest] = d.nodes;
        const style = KIND_STYLES[first.kind];
        return (
          <li key={d.deletionId} className="rounded-md border border-slate-200 p-3" data-testid="history.deleted-item">
            <p className="text-sm text-slate-800">
              <span className="font-semibold" style={{ color: style.color }}>
                {style.label}:
              </span>{' '}
              {shorten(first.text, 110)}
            </p>
            {rest.length > 0 && (
              <p className="mt-0.5 text-xs text-slate-500">
                and {rest.length} point{rest.length === 1 ? '' : 's'} resting on it
              </p>
            )}
            <div className="mt-2 flex items-center justify-between">
              <span className="text-xs text-slate-500">{timeFormat.format(new Date(d.deletedAt))}</span>
              <button
                type="button"
                hidden={!mayRestore}
                className="inline-flex items-center gap-1 rounded-md border border-slate-200 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
                onClick={() => undoDelete(d.deletionId).catch((e: unknown) => notify({ tone: 'error', message: `Not restored: ${messageOf(e)}` }))}
                data-testid="history.restore"
              >
                <RotateCcw aria-hidden className="h-3.5 w-3.5" /> Restore
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
