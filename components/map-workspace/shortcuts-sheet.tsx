'use client';

import { useOnDemand } from '@/components/ui/lazy-popup';
import { WORKSPACE_DEFERRED } from './workspace-deferred';
import { useMapStore } from '@/components/map-store/map-store';

/**
 * The keyboard shortcuts (? or the header's button). Its code (Radix's Dialog and the sheet's own,
 * `shortcuts-sheet-content.tsx`) loads when first asked for, or once the page is idle; nothing is
 * drawn before.
 */
export function ShortcutsSheet({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const notify = useMapStore((s) => s.notify);
  const loaded = useOnDemand(WORKSPACE_DEFERRED.shortcutsSheet, open, () => {
    onOpenChange(false);
    notify({ tone: 'error', message: 'Offline — the keyboard shortcuts could not be loaded. Try again when the connection is back.' });
  });
  if (!loaded) return null;
  return <loaded.ShortcutsDialog radix={loaded} open={open} onOpenChange={onOpenChange} />;
}
