'use client';

import { useMemo } from 'react';
import { FileSearch } from 'lucide-react';
import { useMapStore } from '@/components/map-workspace/map-store';
import { findGaps, gapCount } from '@/lib/argument/gaps';
import { countOf } from '@/lib/words';

/** The header's way into study mode: how many gaps there are ("146 gaps"); pressed while the panel is open. */
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
      title="Find the gaps (G)"
      onClick={() => setGapsOpen(!open)}
      data-testid="map.gaps"
    >
      <FileSearch aria-hidden className="h-4 w-4" />
      {countOf(count, 'gap')}
    </button>
  );
}
