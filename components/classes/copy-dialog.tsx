'use client';

import { useState } from 'react';
import { Copy } from 'lucide-react';
import { LazyPopup } from '@/components/ui/lazy-popup';
import { useMapStore } from '@/components/map-store/map-store';
import { DEFERRED } from '@/components/map-store/deferred';

/**
 * "Copy for a class": a signed-in teacher makes their own copy of the map, with an invite. The
 * dialog — its Radix code and its own (`copy-dialog-content.tsx`) — loads on first use, or once
 * the page is idle.
 */
export function CopyDialog({ className }: { className: string }) {
  const signedIn = useMapStore((s) => s.view.viewer.signedIn);
  const slug = useMapStore((s) => s.view.map.slug);
  const [open, setOpen] = useState(false);

  if (!signedIn) {
    return (
      <a
        href={`/signin?next=/maps/${encodeURIComponent(slug)}`}
        className={className}
        data-testid="map.copy-signin"
        title="Sign in to copy this map for a class"
        aria-label="Copy for a class"
      >
        <Copy aria-hidden className="h-4 w-4" /> <span className="hidden 2xl:inline">Copy for a class</span>
      </a>
    );
  }

  const trigger = {
    className,
    'aria-label': 'Copy for a class',
    title: 'Copy this map for a class',
    'data-testid': 'map.copy',
    children: (
      <>
        <Copy aria-hidden className="h-4 w-4" /> <span className="hidden 2xl:inline">Copy for a class</span>
      </>
    ),
  };
  return (
    <LazyPopup module={DEFERRED.copyDialog} popup="dialog" trigger={trigger} open={open} onOpenChange={setOpen}>
      {(loaded, popup) => <loaded.CopyPopup radix={loaded} popup={popup} open={open} onOpenChange={setOpen} />}
    </LazyPopup>
  );
}
