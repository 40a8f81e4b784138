import { MessageSquareWarning, Pencil, Plus, Reply, Scissors, Trash2 } from 'lucide-react';
import type { ComposerMode } from '@/components/map-store/map-store';
import { can, type Role } from '@/lib/auth/permissions';

// Apart from node-actions.tsx: the map page's keyboard shortcuts need which actions a point
// offers from the start; the buttons load with the card toolbar and the inspector.

export interface ActionSpec {
  mode: ComposerMode | 'delete';
  label: string;
  shortcut: string;
  icon: typeof Plus;
  tone?: 'attack' | 'danger';
}

/**
 * Which actions a node offers this person: everything can be objected to and supported, objections
 * can be rebutted — for editors; their own points (or any, for the owner) can be edited and deleted.
 * The server checks the same rules again.
 */
export function actionsForNode(node: { kind: string; own: boolean }, role: Role | null): ActionSpec[] {
  const actions: ActionSpec[] = [];
  if (can(role, 'add')) {
    actions.push({ mode: 'object', label: 'Object', shortcut: 'O', icon: MessageSquareWarning, tone: 'attack' });
    actions.push({ mode: 'support', label: 'Support', shortcut: 'S', icon: Plus });
    if (node.kind === 'objection' || node.kind === 'rebuttal') actions.push({ mode: 'rebut', label: 'Rebut', shortcut: 'R', icon: Reply });
  }
  if (can(role, node.own ? 'edit-own' : 'edit-any')) actions.push({ mode: 'edit', label: 'Edit', shortcut: 'E', icon: Pencil });
  if (node.kind !== 'thesis' && can(role, node.own ? 'delete-own' : 'delete-any')) {
    actions.push({ mode: 'delete', label: 'Delete', shortcut: 'Del', icon: Trash2, tone: 'danger' });
  }
  return actions;
}

export const UNDERCUT_ACTION: ActionSpec = { mode: 'undercut', label: 'Undercut', shortcut: 'U', icon: Scissors, tone: 'attack' };
