'use client';

import { History, Keyboard, LayoutGrid, MoreHorizontal } from 'lucide-react';
import { LazyPopup } from '@/components/ui/lazy-popup';
import { DEFERRED } from './deferred';
import { messageOf, useMapStore } from './map-store';

/** The header's secondary tools (history, tidy, shortcuts) in one menu, on screens too narrow for their buttons. */
export function NarrowToolsMenu({ onShowShortcuts, onTidy, tidyDisabled }: { onShowShortcuts: () => void; onTidy: () => void; tidyDisabled: boolean }) {
  const historyOpen = useMapStore((s) => s.history !== null);
  const openHistory = useMapStore((s) => s.openHistory);
  const closeHistory = useMapStore((s) => s.closeHistory);
  const notify = useMapStore((s) => s.notify);
  const item = 'flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100 data-[disabled]:cursor-default data-[disabled]:text-slate-400';
  const trigger = {
    className: 'grid h-8 w-9 shrink-0 place-items-center rounded-md border border-slate-200 bg-white text-slate-700 hover:bg-slate-50 data-[state=open]:bg-slate-100',
    'aria-label': 'More tools',
    'data-testid': 'map.more',
    children: <MoreHorizontal aria-hidden className="h-5 w-5" />,
  };
  // The menu's code (Radix) loads on first use, or once the page is idle.
  return (
    <LazyPopup module={DEFERRED.dropdownMenu} popup="menu" trigger={trigger}>
      {({ DropdownMenu }, popup) => (
        <DropdownMenu.Root defaultOpen={popup.defaultOpen}>
          <DropdownMenu.Trigger {...popup.trigger} />
          <DropdownMenu.Portal>
            <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-52 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
              <DropdownMenu.Item
                className={item}
                onSelect={() => (historyOpen ? closeHistory() : openHistory().catch((e: unknown) => notify({ tone: 'error', message: `History not loaded: ${messageOf(e)}` })))}
              >
                <History aria-hidden className="h-4 w-4" /> {historyOpen ? 'Close history' : 'History'}
              </DropdownMenu.Item>
              <DropdownMenu.Item className={item} disabled={tidyDisabled} onSelect={onTidy}>
                <LayoutGrid aria-hidden className="h-4 w-4" /> Tidy the canvas layout
              </DropdownMenu.Item>
              <DropdownMenu.Item className={item} onSelect={onShowShortcuts}>
                <Keyboard aria-hidden className="h-4 w-4" /> Keyboard shortcuts
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      )}
    </LazyPopup>
  );
}
