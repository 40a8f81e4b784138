'use client';

import { History, Keyboard, LayoutGrid } from 'lucide-react';
import type { LoadedPopup } from '@/components/ui/lazy-popup';
import type * as DropdownMenuParts from '@/components/ui/popups/dropdown-menu';
import { messageOf, useMapStore } from '@/components/map-store/map-store';

const ITEM =
  'flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100 data-[disabled]:cursor-default data-[disabled]:text-slate-400';

export interface NarrowTools {
  onShowShortcuts: () => void;
  onTidy: () => void;
  tidyDisabled: boolean;
}

/** The More menu itself (`NarrowToolsMenu` draws its button until this loads: `WORKSPACE_DEFERRED.narrowToolsMenu`): history, tidy, shortcuts. */
export function NarrowToolsPopup({
  radix: { DropdownMenu },
  popup,
  tools: { onShowShortcuts, onTidy, tidyDisabled },
}: {
  radix: typeof DropdownMenuParts;
  popup: LoadedPopup;
  tools: NarrowTools;
}) {
  const historyOpen = useMapStore((s) => s.history !== null);
  const openHistory = useMapStore((s) => s.openHistory);
  const closeHistory = useMapStore((s) => s.closeHistory);
  const notify = useMapStore((s) => s.notify);
  return (
    <DropdownMenu.Root defaultOpen={popup.defaultOpen}>
      <DropdownMenu.Trigger {...popup.trigger} />
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-52 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Item
            className={ITEM}
            onSelect={() =>
              historyOpen ? closeHistory() : openHistory().catch((e: unknown) => notify({ tone: 'error', message: `History not loaded: ${messageOf(e)}` }))
            }
          >
            <History aria-hidden className="h-4 w-4" /> {historyOpen ? 'Close history' : 'History'}
          </DropdownMenu.Item>
          <DropdownMenu.Item className={ITEM} disabled={tidyDisabled} onSelect={onTidy}>
            <LayoutGrid aria-hidden className="h-4 w-4" /> Tidy the canvas layout
          </DropdownMenu.Item>
          <DropdownMenu.Item className={ITEM} onSelect={onShowShortcuts}>
            <Keyboard aria-hidden className="h-4 w-4" /> Keyboard shortcuts
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
