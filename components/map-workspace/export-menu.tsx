'use client';

import { Download } from 'lucide-react';
import { getNodesBounds, getViewportForBounds, useReactFlow } from '@xyflow/react';
import { LazyPopup } from '@/components/ui/lazy-popup';
import { WORKSPACE_DEFERRED } from './workspace-deferred';
import type { ImageFrame } from './export-menu-content';

const IMAGE_PADDING = 0.06;
/** Largest side of an exported image, in pixels: big enough to print, small enough to open anywhere. */
const IMAGE_MAX_SIDE = 4000;

/**
 * The header's Export button: downloads of the map (Argdown, AIF, JSON, PNG, SVG) and the way to
 * its debate brief. The menu — its Radix code and its own (`export-menu-content.tsx`) — loads on
 * first use, or once the page is idle.
 */
export function ExportMenu({ className }: { className: string }) {
  const flow = useReactFlow();
  // Here, not with the menu: the menu's module is also reachable from pages without the canvas, and
  // would take React Flow with it into the chunks it shares with them.
  const imageFrame = (): ImageFrame => {
    const bounds = getNodesBounds(flow.getNodes());
    const scale = Math.min(2, IMAGE_MAX_SIDE / Math.max(bounds.width, bounds.height));
    const width = Math.round(bounds.width * scale * (1 + 2 * IMAGE_PADDING));
    const height = Math.round(bounds.height * scale * (1 + 2 * IMAGE_PADDING));
    const viewport = getViewportForBounds(bounds, width, height, 0.05, 4, IMAGE_PADDING);
    return { width, height, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` };
  };
  const trigger = {
    className: `${className} data-[state=open]:bg-slate-100`,
    'aria-label': 'Export',
    title: 'Export and the debate brief',
    'data-testid': 'map.export',
    children: (
      <>
        <Download aria-hidden className="h-4 w-4" /> <span className="max-lg:hidden">Export</span>
      </>
    ),
  };
  return (
    <LazyPopup module={WORKSPACE_DEFERRED.exportMenu} popup="menu" trigger={trigger}>
      {(loaded, popup) => <loaded.ExportMenuPopup radix={loaded} popup={popup} imageFrame={imageFrame} />}
    </LazyPopup>
  );
}
