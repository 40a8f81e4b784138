'use client';

import type * as AlertDialogParts from '@/components/ui/popups/alert-dialog';
import { countOf } from '@/lib/words';
import { messageOf, useMapStore } from '@/components/map-store/map-store';

/** What the delete dialog says goes with the point, in the right number. */
function dependentsSentence(text: string, dependents: number): string {
  return dependents === 1
    ? `“${text}” has 1 point that supports or attacks it and nothing else. That point will be removed with it.`
    : `“${text}” has ${dependents} points that support or attack it and nothing else. They will be removed with it.`;
}

/** The delete confirmation itself (`ConfirmDelete` loads it when first asked: `WORKSPACE_DEFERRED.confirmDelete`). */
export function ConfirmDeleteDialog({ radix: { AlertDialog } }: { radix: typeof AlertDialogParts }) {
  const pending = useMapStore((s) => s.pendingDelete);
  const setPending = useMapStore((s) => s.setPendingDelete);
  const deleteNode = useMapStore((s) => s.deleteNode);
  const notify = useMapStore((s) => s.notify);
  const nodes = useMapStore((s) => s.view.nodes);
  const node = pending ? nodes.find((n) => n.id === pending.nodeId) : undefined;
  return (
    <AlertDialog.Root open={!!pending} onOpenChange={(open) => !open && setPending(null)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content
          className="fixed left-1/2 top-1/2 z-50 w-[min(440px,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl"
          data-testid="confirm-delete"
        >
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
