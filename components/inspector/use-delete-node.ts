'use client';

import { useCallback } from 'react';
import { dependentsOf } from '@/lib/argument/graph';
import { messageOf, useMapStore } from '@/components/map-store/map-store';

/** Deletes a node at once when nothing depends on it; otherwise asks first (the workspace shows the dialog). */
export function useDeleteNode() {
  const view = useMapStore((s) => s.view);
  const deleteNode = useMapStore((s) => s.deleteNode);
  const setPendingDelete = useMapStore((s) => s.setPendingDelete);
  const notify = useMapStore((s) => s.notify);
  return useCallback(
    (nodeId: string) => {
      const dependents = dependentsOf(view, nodeId);
      if (dependents.length > 0) {
        setPendingDelete({ nodeId, dependents });
        return;
      }
      deleteNode(nodeId).catch((error: unknown) => notify({ tone: 'error', message: `Not deleted: ${messageOf(error)}` }));
    },
    [view, deleteNode, setPendingDelete, notify],
  );
}
