import { BookOpenText, Flag, Layers, MessageSquareWarning, Reply, Scale, type LucideIcon } from 'lucide-react';
import type { NodeKind } from '@/lib/argument/model';

/** How each kind looks in every view: its colour, its soft tint, its icon and its label. */
export interface KindStyle {
  label: string;
  /** A one-line description for the legend and tooltips. */
  description: string;
  icon: LucideIcon;
  color: string;
  soft: string;
}

export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  thesis: {
    label: 'Thesis',
    description: 'The conclusion the whole essay argues for',
    icon: Flag,
    color: 'var(--color-thesis)',
    soft: 'var(--color-thesis-soft)',
  },
  claim: { label: 'Claim', description: 'A reason that itself needs support', icon: Layers, color: 'var(--color-claim)', soft: 'var(--color-claim-soft)' },
  premise: {
    label: 'Premise',
    description: 'A general statement a step relies on',
    icon: Scale,
    color: 'var(--color-premise)',
    soft: 'var(--color-premise-soft)',
  },
  evidence: {
    label: 'Evidence',
    description: 'A fact, event or testimony cited',
    icon: BookOpenText,
    color: 'var(--color-evidence)',
    soft: 'var(--color-evidence-soft)',
  },
  objection: {
    label: 'Objection',
    description: 'A point against a claim or a step',
    icon: MessageSquareWarning,
    color: 'var(--color-objection)',
    soft: 'var(--color-objection-soft)',
  },
  rebuttal: { label: 'Rebuttal', description: 'An answer to an objection', icon: Reply, color: 'var(--color-rebuttal)', soft: 'var(--color-rebuttal-soft)' },
};
