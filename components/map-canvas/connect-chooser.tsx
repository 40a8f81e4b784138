'use client';

import { useEffect, useRef, useState } from 'react';
import { ArrowUpRight, Loader2, MessageSquareWarning, X } from 'lucide-react';
import { messageOf, useMapStore } from '@/components/map-store/map-store';
import { connectionProblem } from '@/lib/argument/connect';
import type { Relation } from '@/lib/argument/model';
import { shorten } from '@/lib/argument/text';

/** A drag that ended on another point: from, to (a node or, on a junction, a step) and where the pointer let go. */
export interface PendingConnection {
  from: string;
  to: string;
  x: number;
  y: number;
}

interface ConnectChooserProps {
  pending: PendingConnection;
  onClose: () => void;
}

const CHOICES: { relation: Relation; label: string; icon: typeof ArrowUpRight }[] = [
  { relation: 'supports', label: 'Supports', icon: ArrowUpRight },
  { relation: 'attacks', label: 'Attacks', icon: MessageSquareWarning },
];

/**
 * The small chooser that appears where a connecting drag was dropped: support or attack, each
 * offered only when the map's rules allow it (the reason shows when not). Escape cancels.
 */
export function ConnectChooser({ pending, onClose }: ConnectChooserProps) {
  const view = useMapStore((s) => s.view);
  const connect = useMapStore((s) => s.connect);
  const notify = useMapStore((s) => s.notify);
  const [busy, setBusy] = useState<Relation | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  const textOf = (id: string) =>
    view.nodes.find((n) => n.id === id)?.text ?? view.nodes.find((n) => n.id === view.inferences.find((i) => i.id === id)?.conclusion)?.text ?? '';
  const toStep = view.inferences.some((i) => i.id === pending.to);
  const problems = Object.fromEntries(CHOICES.map((c) => [c.relation, connectionProblem(view, pending.from, pending.to, c.relation)]));

  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  async function choose(relation: Relation) {
    setBusy(relation);
    try {
      await connect(pending.from, pending.to, relation);
      notify({
        tone: 'info',
        message:
          relation === 'supports'
            ? 'Connected: it now supports that point.'
            : toStep
              ? 'Connected: it now undercuts that step.'
              : 'Connected: it now attacks that point.',
      });
      onClose();
    } catch (error) {
      notify({ tone: 'error', message: `Not connected: ${messageOf(error)}` });
      setBusy(null);
    }
  }

  const allowed = CHOICES.filter((c) => !problems[c.relation]);
  return (
    <div
      role="dialog"
      aria-label="Connect the two points"
      className="absolute z-20 w-72 rounded-xl border border-slate-200 bg-white p-3 text-sm shadow-xl"
      style={{ left: Math.max(8, pending.x - 144), top: pending.y + 12 }}
      data-testid="connect.chooser"
    >
      <div className="flex items-start justify-between gap-2">
        <p className="text-slate-700">
          <span className="font-medium text-slate-900">“{shorten(textOf(pending.from), 60)}”</span>
          <span className="text-slate-500"> → {toStep ? 'the step to ' : ''}</span>
          <span className="font-medium text-slate-900">“{shorten(textOf(pending.to), 60)}”</span>
        </p>
        <button type="button" onClick={onClose} className="rounded p-0.5 text-slate-500 hover:bg-slate-100" aria-label="Cancel">
          <X aria-hidden className="h-4 w-4" />
        </button>
      </div>
      <div className="mt-2.5 flex gap-2">
        {CHOICES.map((c, i) => {
          const Icon = c.icon;
          const problem = problems[c.relation];
          return (
            <button
              key={c.relation}
              ref={i === CHOICES.indexOf(allowed[0] ?? CHOICES[0]) ? first : undefined}
              type="button"
              disabled={!!problem || busy !== null}
              title={problem?.message}
              onClick={() => void choose(c.relation)}
              className={`inline-flex flex-1 items-center justify-center gap-1.5 rounded-md px-3 py-1.5 font-semibold disabled:cursor-not-allowed disabled:opacity-40 ${c.relation === 'attacks' ? 'border border-red-300 text-red-800 hover:bg-red-50' : 'bg-indigo-600 text-white hover:bg-indigo-700'}`}
              data-testid={`connect.${c.relation}`}
            >
              {busy === c.relation ? <Loader2 aria-hidden className="h-4 w-4 animate-spin" /> : <Icon aria-hidden className="h-4 w-4" />} {c.label}
            </button>
          );
        })}
      </div>
      {CHOICES.filter((c) => problems[c.relation]).map((c) => (
        <p
          key={c.relation}
          className={`mt-2 text-xs ${allowed.length === 0 ? 'text-red-800' : 'text-slate-500'}`}
          role={allowed.length === 0 ? 'alert' : undefined}
        >
          {c.label}: {problems[c.relation]!.message}
        </p>
      ))}
    </div>
  );
}
