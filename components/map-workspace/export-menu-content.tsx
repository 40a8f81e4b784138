'use client';

import { FileText } from 'lucide-react';
import type { LoadedPopup } from '@/components/ui/lazy-popup';
import type * as DropdownMenuParts from '@/components/ui/popups/dropdown-menu';
import { DEFERRED } from '@/components/map-store/deferred';
import { messageOf, useMapStore } from '@/components/map-store/map-store';
import { exportUrl } from '@/lib/api-client/downloads';

/** Where the whole map is drawn in an exported image: its size in pixels, and the canvas's transform to fit it. */
export interface ImageFrame {
  width: number;
  height: number;
  transform: string;
}

const ITEM = 'flex cursor-pointer items-center justify-between gap-6 rounded-md px-3 py-2 text-sm text-slate-800 outline-none data-[highlighted]:bg-indigo-50';
const LABEL = 'px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wider text-slate-500';

/**
 * The Export menu itself (`ExportMenu` draws its button until this loads, with Radix's
 * DropdownMenu: `WORKSPACE_DEFERRED.exportMenu`): Argdown, AIF and JSON from the server; PNG and SVG drawn
 * from the canvas; and the way to the debate brief.
 */
export function ExportMenuPopup({
  radix: { DropdownMenu },
  popup,
  imageFrame,
}: {
  radix: typeof DropdownMenuParts;
  popup: LoadedPopup;
  imageFrame: () => ImageFrame;
}) {
  const slug = useMapStore((s) => s.view.map.slug);
  // The brief opens judged as the map is ("Judge as of"), so a class judging as of 2009 reads the 2009 brief.
  const judgeAsOf = useMapStore((s) => s.judgeAsOf);
  const notify = useMapStore((s) => s.notify);

  async function downloadImage(kind: 'png' | 'svg') {
    try {
      // html-to-image is only needed here; it loads once the page is idle.
      const { toPng, toSvg } = await DEFERRED.imageExport.load();
      const { width, height, transform } = imageFrame();
      const pane = document.querySelector<HTMLElement>('.react-flow__viewport');
      if (!pane) throw new Error('The canvas is not on the page.');
      const render = kind === 'png' ? toPng : toSvg;
      const url = await render(pane, {
        backgroundColor: '#ffffff',
        width,
        height,
        style: { width: `${width}px`, height: `${height}px`, transform },
      });
      const a = document.createElement('a');
      a.href = url;
      a.download = `${slug}.${kind}`;
      a.click();
    } catch (error) {
      notify({ tone: 'error', message: `The image could not be made: ${messageOf(error)}` });
    }
  }

  return (
    <DropdownMenu.Root defaultOpen={popup.defaultOpen}>
      <DropdownMenu.Trigger {...popup.trigger} />
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-xl border border-slate-200 bg-white p-1 shadow-xl">
          <DropdownMenu.Label className={LABEL}>Data</DropdownMenu.Label>
          <DropdownMenu.Item asChild className={ITEM}>
            <a href={exportUrl(slug, 'argdown')} download data-testid="export.argdown">
              Argdown <span className="text-xs text-slate-500">.argdown</span>
            </a>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={ITEM}>
            <a href={exportUrl(slug, 'aif')} download data-testid="export.aif">
              AIF (AIFdb, OVA) <span className="text-xs text-slate-500">.json</span>
            </a>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={ITEM}>
            <a href={exportUrl(slug, 'json')} download data-testid="export.json">
              Argmap JSON <span className="text-xs text-slate-500">.json</span>
            </a>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          <DropdownMenu.Label className={LABEL}>Image of the map</DropdownMenu.Label>
          <DropdownMenu.Item className={ITEM} onSelect={() => void downloadImage('png')} data-testid="export.png">
            PNG <span className="text-xs text-slate-500">.png</span>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={ITEM} onSelect={() => void downloadImage('svg')} data-testid="export.svg">
            SVG <span className="text-xs text-slate-500">.svg</span>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          <DropdownMenu.Label className={LABEL}>Debate</DropdownMenu.Label>
          <DropdownMenu.Item asChild className={ITEM}>
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
  );
}
