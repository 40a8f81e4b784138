import { Check, CircleHelp, Clock, Minus, X, type LucideIcon } from 'lucide-react';
import { STATUS_LABELS, type Status } from '@/lib/argument/evaluation';

/** How each evaluation status looks: an icon and a word, never colour alone. */
export const STATUS_STYLES: Record<Status, { icon: LucideIcon; className: string; banner: string }> = {
  stands: { icon: Check, className: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30', banner: 'bg-emerald-50 text-emerald-900 ring-emerald-600/30' },
  defeated: { icon: X, className: 'bg-red-50 text-red-800 ring-red-600/30', banner: 'bg-red-50 text-red-900 ring-red-600/30' },
  contested: { icon: CircleHelp, className: 'bg-amber-50 text-amber-900 ring-amber-600/40', banner: 'bg-amber-50 text-amber-950 ring-amber-600/40' },
  unsupported: { icon: Minus, className: 'bg-slate-100 text-slate-700 ring-slate-500/30', banner: 'bg-slate-100 text-slate-800 ring-slate-500/30' },
  later: { icon: Clock, className: 'bg-white text-slate-600 ring-slate-400/50', banner: 'bg-white text-slate-700 ring-slate-400/50' },
};

interface StatusBadgeProps {
  status: Status;
  /** The sentence saying why; shown on hover and read by screen readers. */
  why?: string;
  size?: 'sm' | 'md';
}

/** "Stands ✓", "Defeated ✕", "Contested ?", "Unsupported —", "Later ◷". */
export function StatusBadge({ status, why, size = 'sm' }: StatusBadgeProps) {
  const style = STATUS_STYLES[status];
  const Icon = style.icon;
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full font-semibold ring-1 ring-inset ${style.className} ${size === 'sm' ? 'px-1.5 py-px text-[11px]' : 'px-2.5 py-0.5 text-sm'}`}
      title={why}
      data-testid="status-badge"
      data-status={status}
    >
      <Icon aria-hidden className={size === 'sm' ? 'h-3 w-3' : 'h-4 w-4'} strokeWidth={3} />
      {STATUS_LABELS[status]}
      {why && <span className="sr-only">: {why}</span>}
    </span>
  );
}
