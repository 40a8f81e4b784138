'use client';

import { useOnDemand } from '@/components/ui/lazy-popup';
import { countOf } from '@/lib/words';
import { DEFERRED } from './deferred';
import { messageOf, useMapStore } from './map-store';

/** What the delete dialog says goes with the point, in the right number. */
function dependentsSentence(text: string, dependents: number): string {
  return dependents === 1
    ? `“${text}” has 1 point that supports or attacks it and nothing else. That point will be removed with it.`
    : `“${text}” has ${dependents} points that support or attack it and nothing else. They will be removed with it.`;
}

/**
 * Asks before deleting a node that other points depend on. Its code (Radix's AlertDialog) loads
 * when first asked, or once the page is idle; nothing is drawn before.
 */
export function ConfirmDelete() {
  const pending = useMapStore((s) => s.pendingDelete);
  const setPending = useMapStore((s) => s.setPendingDelete);
  const deleteNode = useMapStore((s) => s.deleteNode);
  const notify = useMapStore((s) => s.notify);
  const nodes = useMapStore((s) => s.view.nodes);
  const loaded = useOnDemand(DEFERRED.alertDialog, pending !== null, () => {
    // Offline before it had loaded: nothing is deleted, and the next Delete asks again.
    setPending(null);
    notify({ tone: 'error', message: 'Offline — nothing was deleted: the confirmation could not be loaded. Try again when the connection is back.' });
  });
  if (!loaded) return null;
  const { AlertDialog } = loaded;
  const node = pending ? nodes.find((n) => n.id === pending.nodeId) : undefined;
  return (
    <AlertDialog.Root open={!!pending} onOpenChange={(open) => !open && setPending(null)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(440px,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl" data-testid="confirm-delete">
          <AlertDialog.Title className="text-lg font-semibold">Delete this point and what rests on it?</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">
            {dependentsSentence(node?.text ?? '', pending?.dependents.length ?? 0)} You can undo this right after.
          </AlertDialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100">Keep it</AlertDialog.Cancel>
            <AlertDialog.Action
              className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800"
              onClick={() => {
                if (pending) deleteNode(pending.nodeId).catch((e: unknown) => notify({ tone: 'error', message: `Not deleted: ${messageOf(e)}` }));
              }}
              data-testid="confirm-delete.confirm"
            >
              Delete {countOf(1 + (pending?.dependents.length ?? 0), 'point')}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
