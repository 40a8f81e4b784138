'use client';

import { Download, FileText } from 'lucide-react';
import { getNodesBounds, getViewportForBounds, useReactFlow } from '@xyflow/react';
import { LazyPopup } from '@/components/ui/lazy-popup';
import { DEFERRED } from './deferred';
import { messageOf, useMapStore } from './map-store';

const IMAGE_PADDING = 0.06;
/** Largest side of an exported image, in pixels: big enough to print, small enough to open anywhere. */
const IMAGE_MAX_SIDE = 4000;

/** Downloads of the map: Argdown, AIF and JSON from the server; PNG and SVG drawn from the canvas; and the way to its debate brief. */
export function ExportMenu({ className }: { className: string }) {
  const slug = useMapStore((s) => s.view.map.slug);
  // The brief opens judged as the map is ("Judge as of"), so a class judging as of 2009 reads the 2009 brief.
  const judgeAsOf = useMapStore((s) => s.judgeAsOf);
  const notify = useMapStore((s) => s.notify);
  const flow = useReactFlow();
  const base = `/api/maps/${encodeURIComponent(slug)}/export?format=`;

  async function downloadImage(kind: 'png' | 'svg') {
    try {
      // html-to-image is only needed here; it loads once the page is idle.
      const { toPng, toSvg } = await DEFERRED.imageExport.load();
      const bounds = getNodesBounds(flow.getNodes());
      const scale = Math.min(2, IMAGE_MAX_SIDE / Math.max(bounds.width, bounds.height));
      const width = Math.round(bounds.width * scale * (1 + 2 * IMAGE_PADDING));
      const height = Math.round(bounds.height * scale * (1 + 2 * IMAGE_PADDING));
      const viewport = getViewportForBounds(bounds, width, height, 0.05, 4, IMAGE_PADDING);
      const pane = document.querySelector<HTMLElement>('.react-flow__viewport');
      if (!pane) throw new Error('The canvas is not on the page.');
      const render = kind === 'png' ? toPng : toSvg;
      const url = await render(pane, {
        backgroundColor: '#ffffff',
        width,
        height,
        style: { width: `${width}px`, height: `${height}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` },
      });
      const a = document.createElement('a');
      a.href = url;
      a.download = `${slug}.${kind}`;
      a.click();
    } catch (error) {
      notify({ tone: 'error', message: `The image could not be made: ${messageOf(error)}` });
    }
  }

  const item = 'flex cursor-pointer items-center justify-between gap-6 rounded-md px-3 py-2 text-sm text-slate-800 outline-none data-[highlighted]:bg-indigo-50';
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
  // The menu's code (Radix) loads on first use, or once the page is idle.
  return (
    <LazyPopup module={DEFERRED.dropdownMenu} popup="menu" trigger={trigger}>
      {({ DropdownMenu }, popup) => (
        <DropdownMenu.Root defaultOpen={popup.defaultOpen}>
          <DropdownMenu.Trigger {...popup.trigger} />
          <DropdownMenu.Portal>
            <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-xl border border-slate-200 bg-white p-1 shadow-xl">
              <DropdownMenu.Label className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wider text-slate-500">Data</DropdownMenu.Label>
              <DropdownMenu.Item asChild className={item}>
                <a href={`${base}argdown`} download data-testid="export.argdown">
                  Argdown <span className="text-xs text-slate-500">.argdown</span>
                </a>
              </DropdownMenu.Item>
              <DropdownMenu.Item asChild className={item}>
                <a href={`${base}aif`} download data-testid="export.aif">
                  AIF (AIFdb, OVA) <span className="text-xs text-slate-500">.json</span>
                </a>
              </DropdownMenu.Item>
              <DropdownMenu.Item asChild className={item}>
                <a href={`${base}json`} download data-testid="export.json">
                  Argmap JSON <span className="text-xs text-slate-500">.json</span>
                </a>
              </DropdownMenu.Item>
              <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
              <DropdownMenu.Label className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wider text-slate-500">Image of the map</DropdownMenu.Label>
              <DropdownMenu.Item className={item} onSelect={() => void downloadImage('png')} data-testid="export.png">
                PNG <span className="text-xs text-slate-500">.png</span>
              </DropdownMenu.Item>
              <DropdownMenu.Item className={item} onSelect={() => void downloadImage('svg')} data-testid="export.svg">
                SVG <span className="text-xs text-slate-500">.svg</span>
              </DropdownMenu.Item>
              <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
              <DropdownMenu.Label className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wider text-slate-500">Debate</DropdownMenu.Label>
              <DropdownMenu.Item asChild className={item}>
                <a href={`/maps/${encodeURIComponent(slug)}/brief${judgeAsOf ? `?asOf=${judgeAsOf}` : ''}`} data-testid="export.brief">
                  <span className="inline-flex items-center gap-2">
                    <FileText aria-hidden className="h-4 w-4 text-slate-500" /> Debate brief
                  </span>
                  <span className="text-xs text-slate-500">print · .md</span>
                </a>
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      )}
    </LazyPopup>
  );
}
