'use client';

import { useSyncExternalStore } from 'react';
import { ChevronDown, ChevronUp } from 'lucide-react';
import { KIND_STYLES } from '@/components/argument-kinds';
import { NODE_KINDS } from '@/lib/argument/model';
import { ATTACK_COLOR, SUPPORT_COLOR } from './argument-edge';

/** Where this browser keeps the legend's state: `open`, or `closed` (also once the first visit has shown it). */
export const LEGEND_STORAGE_KEY = 'argmap.legend';

/** A first visit opens the legend on windows at least this tall (a 1440×900 laptop, not a 1366×768 one). */
export const LEGEND_FIRST_OPEN_MIN_HEIGHT = 860;

/** The legend's state in this page, read from storage on first use; `null` until then. */
let legendOpen: boolean | null = null;
const legendListeners = new Set<() => void>();

function remember(value: 'open' | 'closed') {
  try {
    window.localStorage.setItem(LEGEND_STORAGE_KEY, value);
  } catch {
    // Storage can be disabled (private windows): the legend still opens and closes.
  }
}

/**
 * Open on a person's first visit (on a tall enough screen), so they learn where it is; collapsed on
 * every later one, so it never covers cards of a map they already know how to read — unless they
 * left it open.
 */
function readLegendOpen(): boolean {
  if (legendOpen !== null) return legendOpen;
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(LEGEND_STORAGE_KEY);
  } catch {
    // As on a first visit.
  }
  // A first visit opens it only on a screen tall enough for it beside the map's main reasons
  // (on a 1024×768 projector it would cover the bottom row of cards).
  legendOpen = stored === null ? window.innerHeight >= LEGEND_FIRST_OPEN_MIN_HEIGHT : stored === 'open';
  if (stored === null) remember('closed');
  return legendOpen;
}

function setLegendOpen(open: boolean) {
  legendOpen = open;
  remember(open ? 'open' : 'closed');
  for (const listener of legendListeners) listener();
}

function subscribeLegend(onChange: () => void) {
  legendListeners.add(onChange);
  return () => legendListeners.delete(onChange);
}

/** What every colour, icon, border and line on the canvas means. Collapsible; collapsed after the first visit. */
export function MapLegend() {
  // Collapsed while rendering on the server, which cannot know whether this browser has seen it.
  const open = useSyncExternalStore(subscribeLegend, readLegendOpen, () => false);
  return (
    <section
      className={`${open ? 'w-[340px]' : 'w-auto'} whitespace-nowrap rounded-lg border border-slate-200 bg-white/95 text-sm shadow-sm backdrop-blur`}
      aria-label="Legend"
      data-testid="canvas.legend"
    >
      <button
        type="button"
        onClick={() => setLegendOpen(!open)}
        className="flex w-full items-center justify-between gap-2 rounded-lg px-3 py-1.5 font-semibold text-slate-700 hover:bg-slate-50"
        aria-expanded={open}
        data-testid="canvas.legend-toggle"
      >
        Legend {open ? <ChevronDown aria-hidden className="h-4 w-4" /> : <ChevronUp aria-hidden className="h-4 w-4" />}
      </button>
      {open && (
        <div className="grid grid-cols-2 gap-x-3 gap-y-1 px-3 pb-3">
          {NODE_KINDS.map((kind) => {
            const s = KIND_STYLES[kind];
            const Icon = s.icon;
            return (
              <div key={kind} className="flex items-center gap-2" title={s.description}>
                <span className="grid h-5 w-5 place-items-center rounded border-2" style={{ borderColor: s.color, background: s.soft, color: s.color }}>
                  <Icon aria-hidden className="h-3 w-3" strokeWidth={2.5} />
                </span>
                <span className="text-slate-700">{s.label}</span>
              </div>
            );
          })}
          <div className="col-span-2 flex items-center gap-2">
            <span className="h-5 w-5 shrink-0 rounded border-2 border-dashed" style={{ borderColor: KIND_STYLES.premise.color }} />
            <span className="text-slate-700">Unstated (premise or claim)</span>
          </div>
          <div className="col-span-2 mt-1 grid grid-cols-2 gap-x-3 gap-y-1 border-t border-slate-100 pt-2">
            <LegendLine color={SUPPORT_COLOR} label="supports" />
            <LegendLine color={ATTACK_COLOR} dashed label="attacks" />
            <div className="flex items-center gap-2 text-slate-700">
              <span className="grid w-8 place-items-center">
                <span className="h-3 w-3 rounded-full border-2 border-slate-500 bg-white" />
              </span>
              linked premises
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

function LegendLine({ color, dashed, label }: { color: string; dashed?: boolean; label: string }) {
  return (
    <div className="flex items-center gap-2 text-slate-700">
      <svg aria-hidden width="32" height="10">
        <line x1="1" y1="5" x2="26" y2="5" stroke={color} strokeWidth="2.25" strokeDasharray={dashed ? '5 3' : undefined} />
        {dashed ? <line x1="29" y1="0" x2="29" y2="10" stroke={color} strokeWidth="3" /> : <path d="M 24 1 L 31 5 L 24 9 z" fill={color} />}
      </svg>
      {label}
    </div>
  );
}
