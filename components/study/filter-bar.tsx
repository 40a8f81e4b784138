'use client';

import { useMemo, useState } from 'react';
import { Filter, Search, X } from 'lucide-react';
import { DEFERRED } from '@/components/map-store/deferred';
import { useMapStore } from '@/components/map-store/map-store';
import { LazyPopup } from '@/components/ui/lazy-popup';
import { authorsOf, EMPTY_FILTER, isFilterActive, matchingNodes, type NodeFilter } from '@/lib/argument/filter';
import { matchCount } from '@/lib/words';

/**
 * Search and filters over the map's points, shared by the canvas and the outline (what does not
 * match is dimmed there, never removed). Shows how many points match.
 */
export function FilterBar() {
  const view = useMapStore((s) => s.view);
  const evaluation = useMapStore((s) => s.evaluation);
  const filter = useMapStore((s) => s.filter);
  const setFilter = useMapStore((s) => s.setFilter);
  const select = useMapStore((s) => s.select);
  const kept = useMemo(() => matchingNodes(view, (id) => evaluation.nodes[id]?.status, filter), [view, evaluation, filter]);
  const authors = useMemo(() => authorsOf(view), [view]);
  // Enter goes to each match in turn (Shift+Enter back), in the outline's reading order: selected
  // everywhere, and brought into view on the canvas (its folds opened) and in the outline. The
  // order is worked out at each Enter, with the outline code, loaded then (or once the page is idle).
  const matches = kept?.size ?? 0;
  const [current, setCurrent] = useState<{ filter: NodeFilter; index: number } | null>(null);
  // The place in the matches holds while the search does and the match is still there (a live change may remove it).
  const at = current?.filter === filter && current.index < matches ? current.index : -1;
  const goToMatch = async (step: 1 | -1) => {
    if (!kept || matches === 0) return;
    const { buildOutline, readingOrder } = await DEFERRED.outlineOrder.load();
    const ordered = readingOrder(buildOutline(view));
    const listed = new Set(ordered);
    const order = [...ordered, ...view.nodes.map((n) => n.id).filter((id) => !listed.has(id))].filter((id) => kept.has(id));
    if (order.length === 0) return;
    const index = at < 0 ? (step === 1 ? 0 : order.length - 1) : (at + step + order.length) % order.length;
    setCurrent({ filter, index });
    select({ type: 'node', id: order[index] }, { focus: true });
  };
  const chosen = filter.kinds.length + filter.statuses.length + filter.authors.length + (filter.unanswered ? 1 : 0);
  return (
    <div
      className="flex items-center gap-2 border-b border-slate-200 bg-white/95 px-3 py-1.5"
      role="search"
      aria-label="Search and filter the map"
      data-testid="filter"
    >
      <div className="relative min-w-0 max-w-sm flex-1">
        <Search aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-400" />
        <input
          type="search"
          value={filter.query}
          onChange={(e) => setFilter({ query: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setFilter({ query: '' });
            if (e.key === 'Enter') {
              e.preventDefault();
              void goToMatch(e.shiftKey ? -1 : 1).catch(() => undefined);
            }
          }}
          aria-describedby="filter-enter-hint"
          placeholder="Search points and quotes"
          aria-label="Search points and quotes"
          className="w-full rounded-md border border-slate-300 bg-white py-1 pl-8 pr-2 text-sm"
          data-testid="filter.search"
        />
      </div>
      {/* The popover — its Radix code and its own (`filter-panel-content.tsx`) — loads on first use, or once the page is idle. */}
      <LazyPopup
        module={DEFERRED.filterPanel}
        popup="dialog"
        trigger={{
          className:
            'inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50',
          'data-testid': 'filter.open',
          children: (
            <>
              <Filter aria-hidden className="h-4 w-4" /> Filter
              {chosen > 0 && <span className="rounded-full bg-indigo-600 px-1.5 text-xs font-bold text-white">{chosen}</span>}
            </>
          ),
        }}
      >
        {(loaded, popup) => <loaded.FilterPopup radix={loaded} popup={popup} authors={authors} />}
      </LazyPopup>
      {isFilterActive(filter) && (
        <>
          <span className="whitespace-nowrap text-sm text-slate-600" role="status" data-testid="filter.count">
            {matchCount(kept?.size ?? 0, view.nodes.length)}
          </span>
          {matches > 0 && (
            <span id="filter-enter-hint" className="hidden whitespace-nowrap text-xs text-slate-500 lg:inline" data-testid="filter.position">
              {at >= 0 && `Showing ${at + 1} of ${matches}`}
              {at >= 0 && matches > 1 && ' · '}
              {(at < 0 || matches > 1) && (
                <>
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans">Enter</kbd>{' '}
                  {at >= 0 ? 'next' : matches === 1 ? 'to go to it' : 'to go to each'}
                </>
              )}
            </span>
          )}
          <button
            type="button"
            onClick={() => setFilter(EMPTY_FILTER)}
            className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
            data-testid="filter.clear"
          >
            <X aria-hidden className="h-4 w-4" /> Clear
          </button>
        </>
      )}
    </div>
  );
}
