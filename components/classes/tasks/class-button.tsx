'use client';

import { Users } from 'lucide-react';
import { LazyPopup } from '@/components/ui/lazy-popup';
import { DEFERRED } from '@/components/map-store/deferred';
import { useMapStore } from '@/components/map-store/map-store';

/**
 * The header's "Class" button, for the owner of a class copy: opens the Class panel (students,
 * tasks, progress). The dialog — its Radix code and its own (`class-button-content.tsx`) — loads
 * on first use, or once the page is idle; the panel when first opened.
 */
export function ClassButton({ className }: { className: string }) {
  const owner = useMapStore((s) => s.view.viewer.role === 'owner');
  // In the store, not here: the header is drawn anew when the screen crosses the phone width, and the panel stays open.
  const open = useMapStore((s) => s.classPanelOpen);
  const setOpen = useMapStore((s) => s.setClassPanelOpen);
  if (!owner) return null;
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
  return (
    <LazyPopup module={DEFERRED.classDialog} popup="dialog" trigger={trigger} open={open} onOpenChange={setOpen}>
      {(loaded, popup) => <loaded.ClassPopup radix={loaded} popup={popup} open={open} onOpenChange={setOpen} />}
    </LazyPopup>
  );
}
