'use client';

import { Lock } from 'lucide-react';
import { useMapStore } from '@/components/map-store/map-store';
import { whyNot } from '@/lib/auth/role-words';
import { actionsForNode } from './node-action-specs';
import { useDeleteNode } from './use-delete-node';

export { actionsForNode, UNDERCUT_ACTION } from './node-action-specs';

interface NodeActionsProps {
  nodeId: string;
  /** The small toolbar above a selected card, rather than the inspector's full buttons. */
  compact?: boolean;
}

/**
 * The actions on a selected node, shown on the canvas toolbar and in the inspector. They follow the
 * viewer's role as the store holds it (a role change from the live stream takes them away or brings
 * them back at once); where a role offers none, the inspector says why instead.
 */
export function NodeActions({ nodeId, compact }: NodeActionsProps) {
  const node = useMapStore((s) => s.view.nodes.find((n) => n.id === nodeId));
  const openComposer = useMapStore((s) => s.openComposer);
  const requestDelete = useDeleteNode();
  // A past moment of the history is read-only.
  const readOnly = useMapStore((s) => s.history?.at != null);
  const role = useMapStore((s) => s.view.viewer.role);
  const policy = useMapStore((s) => s.view.map.policy);
  if (!node || readOnly) return null;
  const actions = actionsForNode(node, role).filter((a) => !compact || a.mode !== 'edit');
  if (actions.length === 0) {
    const reason = compact ? null : whyNot('change', { role, policy });
    if (!reason) return null;
    return (
      <p className="flex items-start gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="node.locked">
        <Lock aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-slate-400" />
        <span>{reason}</span>
      </p>
    );
  }
  return (
    <div
      className={compact ? 'flex gap-1 rounded-lg border border-slate-200 bg-white p-1 shadow-md' : 'flex flex-wrap gap-2'}
      role="toolbar"
      aria-label="Actions on the selected point"
    >
      {actions.map((a) => {
        const Icon = a.icon;
        const tone =
          a.tone === 'attack'
            ? 'text-red-700 hover:bg-red-50'
            : a.tone === 'danger'
              ? 'text-slate-600 hover:bg-red-50 hover:text-red-700'
              : 'text-slate-700 hover:bg-slate-100';
        return (
          <button
            key={a.mode}
            type="button"
            className={`inline-flex items-center gap-1.5 rounded-md font-medium ${compact ? 'px-2 py-1 text-sm' : 'border border-slate-200 px-3 py-1.5 text-sm'} ${tone}`}
            onClick={() => (a.mode === 'delete' ? requestDelete(node.id) : openComposer({ mode: a.mode, targetId: node.id }))}
            title={`${a.label} (${a.shortcut})`}
            data-testid={`node.${a.mode}`}
          >
            <Icon aria-hidden className="h-4 w-4" />
            {a.label}
          </button>
        );
      })}
    </div>
  );
}
