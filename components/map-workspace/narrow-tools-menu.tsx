'use client';

import { MoreHorizontal } from 'lucide-react';
import { LazyPopup } from '@/components/ui/lazy-popup';
import { WORKSPACE_DEFERRED } from './workspace-deferred';
import type { NarrowTools } from './narrow-tools-menu-content';

/**
 * The header's secondary tools (history, tidy, shortcuts) in one menu, on screens too narrow for
 * their buttons. The menu — its Radix code and its own (`narrow-tools-menu-content.tsx`) — loads
 * on first use, or once the page is idle.
 */
export function NarrowToolsMenu(tools: NarrowTools) {
  const trigger = {
    className:
      'grid h-8 w-9 shrink-0 place-items-center rounded-md border border-slate-200 bg-white text-slate-700 hover:bg-slate-50 data-[state=open]:bg-slate-100',
    'aria-label': 'More tools',
    'data-testid': 'map.more',
    children: <MoreHorizontal aria-hidden className="h-5 w-5" />,
  };
  return (
    <LazyPopup module={WORKSPACE_DEFERRED.narrowToolsMenu} popup="menu" trigger={trigger}>
      {(loaded, popup) => <loaded.NarrowToolsPopup radix={loaded} popup={popup} tools={tools} />}
    </LazyPopup>
  );
}
