'use client';

import { Share2 } from 'lucide-react';
import { LazyPopup } from '@/components/ui/lazy-popup';
import { useMapStore } from '@/components/map-store/map-store';
import { DEFERRED } from '@/components/map-store/deferred';

/**
 * The owner's Share button and sharing panel: invite link, code and QR code; members and their
 * roles; the access policy. The panel — its Radix code and its own (`share-dialog-content.tsx`) —
 * loads on first use, once the page is idle, or at once for a copy's `?share`.
 */
export function ShareDialog({ className, defaultOpen = false }: { className: string; defaultOpen?: boolean }) {
  // In the store, not here: the header is drawn anew when the screen crosses the phone width, and
  // the dialog stays as it was (open, or closed after `?share` opened it).
  const open = useMapStore((s) => s.shareOpen ?? defaultOpen);
  const setOpen = useMapStore((s) => s.setShareOpen);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    // Opened by the copy's `?share`: once closed it stays closed on a reload, too.
    if (!next && new URL(window.location.href).searchParams.has('share')) {
      const url = new URL(window.location.href);
      url.searchParams.delete('share');
      window.history.replaceState(null, '', url);
    }
  };
  const trigger = {
    className,
    'aria-label': 'Share',
    title: 'Share with your class',
    'data-testid': 'map.share',
    children: (
      <>
        <Share2 aria-hidden className="h-4 w-4" /> <span className="hidden 2xl:inline">Share</span>
      </>
    ),
  };

  return (
    <LazyPopup module={DEFERRED.shareDialog} popup="dialog" trigger={trigger} open={open} onOpenChange={onOpenChange}>
      {(loaded, popup) => <loaded.SharePopup radix={loaded} popup={popup} open={open} onOpenChange={onOpenChange} />}
    </LazyPopup>
  );
}
