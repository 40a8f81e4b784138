'use client';

import { FileSearch } from 'lucide-react';
import { useMapStore } from '@/components/map-store/map-store';
import { countOf } from '@/lib/words';
import { useStudyCounts } from './use-study-counts';

/** The header's way into study mode: how many gaps there are ("146 gaps"); pressed while the panel is open. */
export function GapsButton({ className }: { className: string }) {
  const counts = useStudyCounts();
  const open = useMapStore((s) => s.gapsOpen);
  const setGapsOpen = useMapStore((s) => s.setGapsOpen);
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
      {counts ? countOf(counts.gaps, 'gap') : 'Gaps'}
    </button>
  );
}
