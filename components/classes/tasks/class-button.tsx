'use client';

import { useEffect, useState } from 'react';
import { Users } from 'lucide-react';
import { LazyPopup } from '@/components/ui/lazy-popup';
import { DEFERRED } from '@/components/map-workspace/deferred';
import { messageOf, useMapStore } from '@/components/map-workspace/map-store';
import { onDemand } from '@/components/map-workspace/on-demand';

/** The panel, its tasks form and their schema (zod) load when the teacher first opens it, not with the map page. */
const classPanel = onDemand(() => import('./class-panel').then((m) => m.ClassPanel));

/** The header's "Class" button, for the owner of a class copy: opens the Class panel (students, tasks, progress). */
export function ClassButton({ className }: { className: string }) {
  const owner = useMapStore((s) => s.view.viewer.role === 'owner');
  // In the store, not here: the header is drawn anew when the screen crosses the phone width, and the panel stays open.
  const open = useMapStore((s) => s.classPanelOpen);
  const setOpen = useMapStore((s) => s.setClassPanelOpen);
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
  if (!owner) return null;
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    setFailed(null);
  };
  const trigger = {
    className,
    title: 'Your class: tasks and each student’s progress',
    'data-testid': 'map.class',
    children: (
      <>
        <Users aria-hidden className="h-4 w-4" /> <span className="hidden lg:inline">Class</span>
        <span className="sr-only lg:hidden">Class</span>
      </>
    ),
  };
  // The dialog's code (Radix) loads on first use, or once the page is idle.
  return (
    <LazyPopup module={DEFERRED.dialog} popup="dialog" trigger={trigger} open={open} onOpenChange={onOpenChange}>
      {({ Dialog, ModalContent }, popup) => (
        <Dialog.Root open={open} onOpenChange={onOpenChange}>
          <Dialog.Trigger {...popup.trigger} />
          <ModalContent className="w-[1180px]">
            {Panel ? (
              <Panel onClose={() => setOpen(false)} />
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
      )}
    </LazyPopup>
  );
}
