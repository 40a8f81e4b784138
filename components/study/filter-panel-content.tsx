'use client';

import type { ReactNode } from 'react';
import { KIND_STYLES } from '@/components/argument-kinds';
import { useMapStore } from '@/components/map-store/map-store';
import { STATUS_STYLES } from '@/components/status-badge';
import type { LoadedPopup } from '@/components/ui/lazy-popup';
import type * as PopoverParts from '@/components/ui/popups/popover';
import { STATUS_LABELS, STATUSES } from '@/lib/argument/evaluation';
import { NODE_KINDS } from '@/lib/argument/model';

/** Toggles one value in a filter list. */
function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/**
 * The filter popover: by kind, status, author, and unanswered objections. Loaded with its Radix
 * code on first use, or once the page is idle (the search field beside it comes with the page).
 */
export function FilterPopup({ radix: { Popover }, popup, authors }: { radix: typeof PopoverParts; popup: LoadedPopup; authors: readonly string[] }) {
  const filter = useMapStore((s) => s.filter);
  const setFilter = useMapStore((s) => s.setFilter);
  return (
    <Popover.Root defaultOpen={popup.defaultOpen}>
      <Popover.Trigger {...popup.trigger} />
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={6}
          className="z-50 w-80 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-xl"
          data-testid="filter.panel"
        >
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
                <Check
                  key={st}
                  checked={filter.statuses.includes(st)}
                  onChange={() => setFilter({ statuses: toggled(filter.statuses, st) })}
                  testId={`filter.status-${st}`}
                >
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
  );
}

function FilterGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="mb-3">
      <legend className="mb-1.5 text-xs font-semibold uppercase tracking-wider text-slate-500">{legend}</legend>
      <div className="flex flex-wrap gap-x-3 gap-y-1.5">{children}</div>
    </fieldset>
  );
}

function Check({ checked, onChange, testId, children }: { checked: boolean; onChange: () => void; testId: string; children: ReactNode }) {
  return (
    <label className="inline-flex cursor-pointer items-center gap-1.5 text-slate-800">
      <input type="checkbox" checked={checked} onChange={onChange} data-testid={testId} />
      {children}
    </label>
  );
}
