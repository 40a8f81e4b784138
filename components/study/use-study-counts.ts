'use client';

import { useEffect, useMemo, useState } from 'react';
import { useMapStore } from '@/components/map-store/map-store';
import { DEFERRED } from '@/components/map-store/deferred';
import type { Evaluation } from '@/lib/argument/evaluation';
import type { MapView } from '@/lib/argument/map-view';
import type { StudyCounts, studyCounts } from '@/lib/argument/study-counts';

/** Figures worked out per evaluation (a new one for every change): the two header buttons share one count. */
const counted = new WeakMap<object, StudyCounts>();

function countsOf(count: typeof studyCounts, view: MapView, evaluation: Evaluation): StudyCounts {
  let counts = counted.get(evaluation);
  if (!counts) {
    counts = count(view, evaluation, view.document.text);
    counted.set(evaluation, counts);
  }
  return counts;
}

/**
 * The header's study figures for the map as shown: the page's own (worked out on the server) while
 * the map is the one the page came with, judged today with no what-ifs; else computed here, once
 * the study code has loaded (null until then: the buttons say "Gaps", "Open questions").
 */
export function useStudyCounts(): StudyCounts | null {
  const view = useMapStore((s) => s.view);
  const evaluation = useMapStore((s) => s.evaluation);
  const asPage = useMapStore((s) => s.page.view === s.view && s.judgeAsOf === null && s.assumeRejected.size === 0);
  const fromPage = useMapStore((s) => s.page.counts);
  const ours = asPage ? fromPage : null;
  const [study, setStudy] = useState(() => DEFERRED.study.loaded);
  useEffect(() => {
    if (study || ours) return;
    let current = true;
    // Offline: the figures stay unsaid until the study code can be fetched; each change of the map tries again.
    DEFERRED.study.load().then(
      (loaded) => current && setStudy(loaded),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [study, ours, view]);
  const computed = useMemo(() => (study && !ours ? countsOf(study.studyCounts, view, evaluation) : null), [study, ours, view, evaluation]);
  return ours ?? computed;
}
