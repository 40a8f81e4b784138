'use client';

import { Check, Lightbulb, Loader2, X } from 'lucide-react';
import { KIND_STYLES } from '@/components/argument-kinds';
import { shorten } from '@/lib/argument/text';
import { SUGGESTIONS_MAX, type Suggestion } from '@/lib/argument/suggest';

export interface SuggestionListProps {
  items: Suggestion[];
  /** The essay gave more than {@link SUGGESTIONS_MAX} suggestions and only the first are listed. */
  truncated: boolean;
  essay: string;
  canAdd: boolean;
  busy: string | null;
  onAccept: (suggestion: Suggestion) => void;
  onDismiss: (suggestion: Suggestion) => void;
  onShow: (suggestion: Suggestion) => void;
  onClose: () => void;
}

/** The open suggestions, each with its kind, its sentence, why it was suggested, and Accept / Dismiss. */
export function SuggestionList({ items, truncated, essay, canAdd, busy, onAccept, onDismiss, onShow, onClose }: SuggestionListProps) {
  return (
    <section className="border-b border-amber-200 bg-amber-50/60 px-6 py-3" aria-labelledby="suggestions-heading" data-testid="suggestions">
      <div className="flex items-center justify-between gap-2">
        <h3 id="suggestions-heading" className="flex items-center gap-2 text-sm font-semibold text-amber-950">
          <Lightbulb aria-hidden className="h-4 w-4" /> Suggested units ({items.length})
        </h3>
        <button
          type="button"
          onClick={onClose}
          className="rounded p-1 text-amber-900 hover:bg-amber-100"
          aria-label="Close suggestions"
          data-testid="suggestions.close"
        >
          <X aria-hidden className="h-4 w-4" />
        </button>
      </div>
      <p className="mt-1 text-xs text-amber-950/80">
        A heuristic reads discourse markers, sentence position and quotations. Nothing is added until you accept it.
      </p>
      {truncated && (
        <p className="mt-1 text-xs text-amber-950/80" data-testid="suggestions.truncated">
          The essay gives more than {SUGGESTIONS_MAX.toLocaleString('en')} suggestions: the thesis candidates and the first ones in the text are listed.
        </p>
      )}
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No more suggestions: every candidate is accepted, dismissed or already mapped.</p>
      ) : (
        <ul className="mt-2 max-h-64 space-y-2 overflow-y-auto pr-1">
          {items.map((s) => {
            const style = KIND_STYLES[s.kind];
            const Icon = style.icon;
            const key = `${s.start}-${s.end}`;
            return (
              <li key={key} className="rounded-lg border border-amber-200 bg-white p-2.5 text-sm shadow-sm" data-testid="suggestions.item" data-kind={s.kind}>
                <button type="button" onClick={() => onShow(s)} className="block w-full text-left hover:underline" title="Show in the essay">
                  <span
                    className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold"
                    style={{ background: style.soft, color: style.color }}
                  >
                    <Icon aria-hidden className="h-3.5 w-3.5" /> {style.label}?
                  </span>{' '}
                  <span className="font-serif text-slate-800">“{shorten(essay.slice(s.start, s.end), 140)}”</span>
                </button>
                <p className="mt-1 text-xs text-slate-600" data-testid="suggestions.reason">
                  {s.reason}
                </p>
                {canAdd && (
                  <div className="mt-2 flex gap-2">
                    <button
                      type="button"
                      disabled={busy !== null}
                      onClick={() => onAccept(s)}
                      className="inline-flex items-center gap-1 rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
                      data-testid="suggestions.accept"
                    >
                      {busy === key ? <Loader2 aria-hidden className="h-3.5 w-3.5 animate-spin" /> : <Check aria-hidden className="h-3.5 w-3.5" />} Accept as{' '}
                      {style.label.toLowerCase()}
                    </button>
                    <button
                      type="button"
                      disabled={busy !== null}
                      onClick={() => onDismiss(s)}
                      className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
                      data-testid="suggestions.dismiss"
                    >
                      <X aria-hidden className="h-3.5 w-3.5" /> Dismiss
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
