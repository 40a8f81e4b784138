'use client';

import { useEffect, useState } from 'react';
import type { LoadedPopup } from '@/components/ui/lazy-popup';
import type * as DialogParts from '@/components/ui/popups/dialog';
import { messageOf } from '@/components/map-store/map-store';
import { onDemand } from '@/components/map-store/on-demand';

/** The panel, its tasks form and their schema (zod) load when the teacher first opens it, not with the map page. */
const classPanel = onDemand(() => import('./class-panel').then((m) => m.ClassPanel));

/**
 * The Class dialog itself (`ClassButton` draws its button until this loads, with Radix's Dialog:
 * `DEFERRED.classDialog`): "Loading the class…" until the panel is there, then the panel.
 */
export function ClassPopup({
  radix: { Dialog, ModalContent },
  popup,
  open,
  onOpenChange,
}: {
  radix: typeof DialogParts;
  popup: LoadedPopup;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [Panel, setPanel] = useState(() => classPanel.loaded);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (!open || Panel) return;
    let current = true;
    classPanel
      .load()
      .then((loaded) => current && setPanel(() => loaded))
      .catch((e: unknown) => current && setFailed(messageOf(e)));
    return () => {
      current = false;
    };
  }, [open, Panel]);
  const change = (next: boolean) => {
    onOpenChange(next);
    setFailed(null);
  };
  return (
    <Dialog.Root open={open} onOpenChange={change}>
      <Dialog.Trigger {...popup.trigger} />
      <ModalContent className="w-[1180px]">
        {Panel ? (
          <Panel onClose={() => onOpenChange(false)} />
        ) : (
          <>
            <Dialog.Title className="text-lg font-semibold">Class</Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-slate-600" role={failed ? 'alert' : 'status'}>
              {failed ?? 'Loading the class…'}
            </Dialog.Description>
          </>
        )}
      </ModalContent>
    </Dialog.Root>
  );
}
