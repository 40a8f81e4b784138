'use client';

import { useOnDemand } from '@/components/ui/lazy-popup';
import { WORKSPACE_DEFERRED } from './workspace-deferred';
import { useMapStore } from '@/components/map-store/map-store';

/**
 * Asks before deleting a node that other points depend on. Its code (Radix's AlertDialog and the
 * dialog's own, `confirm-delete-content.tsx`) loads when first asked, or once the page is idle;
 * nothing is drawn before.
 */
export function ConfirmDelete() {
  const wanted = useMapStore((s) => s.pendingDelete !== null);
  const setPending = useMapStore((s) => s.setPendingDelete);
  const notify = useMapStore((s) => s.notify);
  const loaded = useOnDemand(WORKSPACE_DEFERRED.confirmDelete, wanted, () => {
    // Offline before it had loaded: nothing is deleted, and the next Delete asks again.
    setPending(null);
    notify({ tone: 'error', message: 'Offline — nothing was deleted: the confirmation could not be loaded. Try again when the connection is back.' });
  });
  if (!loaded) return null;
  return <loaded.ConfirmDeleteDialog radix={loaded} />;
}
