'use client';

import { CircleHelp } from 'lucide-react';
import { useStudyCounts } from '@/components/study/use-study-counts';
import { LazyPopup } from '@/components/ui/lazy-popup';
import { countOf } from '@/lib/words';
import { DEFERRED } from '@/components/map-store/deferred';
import { WORKSPACE_DEFERRED } from './workspace-deferred';
import { Deferred } from '@/components/map-store/panel-fallbacks';

/** The map's unanswered critical questions, most important first; each opens its step. The button says how many ("121 open questions"). */
export function OpenQuestions({ className }: { className: string }) {
  const counts = useStudyCounts();
  const trigger = {
    className: `${className} data-[state=open]:bg-slate-100`,
    title: 'Critical questions not yet answered',
    'data-testid': 'map.open-questions',
    children: (
      <>
        <CircleHelp aria-hidden className="h-4 w-4" />
        {counts ? countOf(counts.openQuestions, 'open question') : 'Open questions'}
      </>
    ),
  };
  // The popover's code (Radix) loads on first use, or once the page is idle; the list, with the
  // schemes and their questions, when it first opens.
  return (
    <LazyPopup module={DEFERRED.popover} popup="dialog" trigger={trigger}>
      {({ Popover }, popup) => (
        <Popover.Root defaultOpen={popup.defaultOpen}>
          <Popover.Trigger {...popup.trigger} />
          <Popover.Portal>
            <Popover.Content
              align="end"
              sideOffset={6}
              className="z-50 max-h-[70vh] w-[min(440px,calc(100vw-1.5rem))] overflow-y-auto rounded-xl border border-slate-200 bg-white p-4 shadow-xl"
              data-testid="open-questions"
            >
              <Deferred module={WORKSPACE_DEFERRED.openQuestions} frame="main">
                {(OpenQuestionsList) => <OpenQuestionsList />}
              </Deferred>
            </Popover.Content>
          </Popover.Portal>
        </Popover.Root>
      )}
    </LazyPopup>
  );
}
