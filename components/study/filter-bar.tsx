'use client';

import { useMemo, useState } from 'react';
import { Filter, Search, X } from 'lucide-react';
import { KIND_STYLES } from '@/components/argument-kinds';
import { STATUS_STYLES } from '@/components/status-badge';
import { DEFERRED } from '@/components/map-workspace/deferred';
import { useMapStore } from '@/components/map-workspace/map-store';
import { LazyPopup } from '@/components/ui/lazy-popup';
import { STATUS_LABELS, STATUSES } from '@/lib/argument/evaluation';
import { authorsOf, EMPTY_FILTER, isFilterActive, matchingNodes, type NodeFilter } from '@/lib/argument/filter';
import { buildOutline, readingOrder } from '@/lib/argument/outline';
import { NODE_KINDS } from '@/lib/argument/model';
import { matchCount } from '@/lib/words';

/** Toggles one value in a filter list. */
function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

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
  // everywhere, and brought into view on the canvas (its folds opened) and in the outline.
  const order = useMemo(() => {
    if (!kept) return [];
    const ordered = readingOrder(buildOutline(view));
    const listed = new Set(ordered);
    return [...ordered, ...view.nodes.map((n) => n.id).filter((id) => !listed.has(id))].filter((id) => kept.has(id));
  }, [view, kept]);
  const [current, setCurrent] = useState<{ filter: NodeFilter; index: number } | null>(null);
  // The place in the matches holds while the search does and the match is still there (a live change may remove it).
  const at = current?.filter === filter && current.index < order.length ? current.index : -1;
  const goToMatch = (step: 1 | -1) => {
    if (order.length === 0) return;
    const index = at < 0 ? (step === 1 ? 0 : order.length - 1) : (at + step + order.length) % order.length;
    setCurrent({ filter, index });
    select({ type: 'node', id: order[index] }, { focus: true });
  };
  const chosen = filter.kinds.length + filter.statuses.length + filter.authors.length + (filter.unanswered ? 1 : 0);
  return (
    <div className="flex items-center gap-2 border-b border-slate-200 bg-white/95 px-3 py-1.5" role="search" aria-label="Search and filter the map" data-testid="filter">
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
              goToMatch(e.shiftKey ? -1 : 1);
            }
          }}
          aria-describedby="filter-enter-hint"
          placeholder="Search points and quotes"
          aria-label="Search points and quotes"
          className="w-full rounded-md border border-slate-300 bg-white py-1 pl-8 pr-2 text-sm"
          data-testid="filter.search"
        />
      </div>
      {/* The popover's code (Radix) loads on first use, or once the page is idle. */}
      <LazyPopup
        module={DEFERRED.popover}
        popup="dialog"
        trigger={{
          className: 'inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50',
          'data-testid': 'filter.open',
          children: (
            <>
              <Filter aria-hidden className="h-4 w-4" /> Filter
              {chosen > 0 && <span className="rounded-full bg-indigo-600 px-1.5 text-xs font-bold text-white">{chosen}</span>}
            </>
          ),
        }}
      >
        {({ Popover }, popup) => (
          <Popover.Root defaultOpen={popup.defaultOpen}>
            <Popover.Trigger {...popup.trigger} />
            <Popover.Portal>
              <Popover.Content align="start" sideOffset={6} className="z-50 w-80 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-xl" data-testid="filter.panel">
                <FilterGroup legend="Kind">
                  {NODE_KINDS.map((k) => {
                    const Icon = KIND_STYLES[k].icon;
                    return (
                      <Check key={k} checked={filter.kinds.includes(k)} onChange={() => setFilter({ kinds: toggled(filter.kinds, k) })} testId={`filter.kind-${k}`}>
                        <Icon aria-hidden className="h-3.5 w-3.5" style={{ color: KIND_STYLES[k].color }} /> {KIND_STYLES[k].label}
                      </Check>
                    );
                  })}
                </FilterGroup>
                <FilterGroup legend="Status">
                  {STATUSES.map((st) => {
                    const Icon = STATUS_STYLES[st].icon;
                    return (
                      <Check key={st} checked={filter.statuses.includes(st)} onChange={() => setFilter({ statuses: toggled(filter.statuses, st) })} testId={`filter.status-${st}`}>
                        <Icon aria-hidden className="h-3.5 w-3.5" /> {STATUS_LABELS[st]}
                      </Check>
                    );
                  })}
                </FilterGroup>
                {authors.length > 1 && (
                  <FilterGroup legend="Author">
                    {authors.map((a) => (
                      <Check key={a} checked={filter.authors.includes(a)} onChange={() => setFilter({ authors: toggled(filter.authors, a) })} testId="filter.author">
                        {a}
                      </Check>
                    ))}
                  </FilterGroup>
                )}
                <label className="mt-3 flex items-center gap-2 font-medium text-slate-800">
                  <input type="checkbox" checked={filter.unanswered} onChange={() => setFilter({ unanswered: !filter.unanswered })} data-testid="filter.unanswered" />
                  Only unanswered objections and rebuttals
                </label>
              </Popover.Content>
            </Popover.Portal>
          </Popover.Root>
        )}
      </LazyPopup>
      {isFilterActive(filter) && (
        <>
          <span className="whitespace-nowrap text-sm text-slate-600" role="status" data-testid="filter.count">
            {matchCount(kept?.size ?? 0, view.nodes.length)}
          </span>
          {order.length > 0 && (
            <span id="filter-enter-hint" className="hidden whitespace-nowrap text-xs text-slate-500 lg:inline" data-testid="filter.position">
              {at >= 0 && `Showing ${at + 1} of ${order.length}`}
              {at >= 0 && order.length > 1 && ' · '}
              {(at < 0 || order.length > 1) && (
                <>
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans">Enter</kbd>{' '}
                  {at >= 0 ? 'next' : order.length === 1 ? 'to go to it' : 'to go to each'}
                </>
              )}
            </span>
          )}
          <button type="button" onClick={() => setFilter(EMPTY_FILTER)} className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100" data-testid="filter.clear">
            <X aria-hidden className="h-4 w-4" /> Clear
          </button>
        </>
      )}
    </div>
  );
}

function FilterGroup({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="mb-3">
      <legend className="mb-1.5 text-xs font-semibold uppercase tracking-wider text-slate-500">{legend}</legend>
      <div className="flex flex-wrap gap-x-3 gap-y-1.5">{children}</div>
    </fieldset>
  );
}

function Check({ checked, onChange, testId, children }: { checked: boolean; onChange: () => void; testId: string; children: React.ReactNode }) {
  return (
    <label className="inline-flex cursor-pointer items-center gap-1.5 text-slate-800">
      <input type="checkbox" checked={checked} onChange={onChange} data-testid={testId} />
      {children}
    </label>
  );
}
