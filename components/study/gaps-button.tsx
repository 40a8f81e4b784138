'use client';

import { useMemo } from 'react';
import { FileSearch } from 'lucide-react';
import { useMapStore } from '@/components/map-workspace/map-store';
import { findGaps, gapCount } from '@/lib/argument/gaps';

/** The header's way into study mode: "Gaps" with how many there are; pressed while the panel is open. */
export function GapsButton({ className }: { className: string }) {
  const view = useMapStore((s) => s.view);
  const evaluation = useMapStore((s) => s.evaluation);
  const open = useMapStore((s) => s.gapsOpen);
  const setGapsOpen = useMapStore((s) => s.setGapsOpen);
  const count = useMemo(() => gapCount(findGaps(view, evaluation, view.document.text)), [view, evaluation]);
  return (
    <button
      type="button"
      className={`${className} ${open ? '!border-indigo-300 !bg-indigo-50 !text-indigo-900' : ''}`}
      aria-pressed={open}
      aria-label={`Find the gaps: ${count}`}
      title="Find the gaps (G)"
      onClick={() => setGapsOpen(!open)}
      data-testid="map.gaps"
    >
      <FileSearch aria-hidden className="h-4 w-4" />
      <span className="hidden 2xl:inline">Gaps</span>
      <span className="rounded-full bg-slate-100 px-1.5 text-xs font-semibold">{count}</span>
    </button>
  );
}
