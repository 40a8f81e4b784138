'use client';

import { useState } from 'react';
import { CalendarClock } from 'lucide-react';
import { currentMonth, monthLabel } from '@/lib/argument/as-of';
import { MONTH_PATTERN } from '@/lib/argument/model';
import { LazyPopup } from '@/components/ui/lazy-popup';
import { WORKSPACE_DEFERRED } from './workspace-deferred';
import type { Choice } from './judge-as-of-content';
import { useMapStore } from '@/components/map-store/map-store';

/** The page's `?asOf=` when it is a month that has happened, else null (an old or mistyped link opens judged today). */
export function monthFromUrl(value: string | null): string | null {
  // The same test as `monthSchema`, without zod: this runs as the page loads, and zod loads later.
  return value !== null && MONTH_PATTERN.test(value) && value <= currentMonth() ? value : null;
}

/**
 * "Judge as of": the essay's date, today, or a chosen month. Points whose facts were known later
 * are set aside in the evaluation (faded, marked "Later"); nothing on the map changes. The choice
 * lives in the address (`?asOf=2009-08`, read when the map's store is made), so it survives a
 * reload and can be shared. The popover — its Radix code and its own (`judge-as-of-content.tsx`)
 * — loads on first use, or once the page is idle.
 */
export function JudgeAsOf({ className }: { className: string }) {
  const judgeAsOf = useMapStore((s) => s.judgeAsOf);
  const published = useMapStore((s) => s.view.document.published);
  // Which option is chosen is kept apart from the month judged: "A month" may be chosen before a
  // month is typed, or hold the essay's own month. Kept here, so it holds while the popover is closed.
  const [choice, setChoice] = useState<Choice>(() => (judgeAsOf === null ? 'today' : judgeAsOf === published ? 'essay' : 'month'));
  const [typed, setTyped] = useState(() => (judgeAsOf !== null && judgeAsOf !== published ? judgeAsOf : ''));
  const [error, setError] = useState<string | null>(null);

  const trigger = {
    className: `${className} data-[state=open]:bg-slate-100 ${judgeAsOf !== null ? '!border-indigo-300 !bg-indigo-50 !text-indigo-900' : ''}`,
    title: 'Judge the argument as of a date: set aside what was only known later',
    'data-testid': 'map.judge-as-of',
    'data-as-of': judgeAsOf ?? 'today',
    children: (
      <>
        <CalendarClock aria-hidden className="h-4 w-4" />
        {/* Beside the thesis banner it reads on from it: "The thesis stands | as of Aug 2009". */}
        {judgeAsOf === null ? (
          <>
            <span className="sr-only">Judged as of </span>Today
          </>
        ) : (
          `as of ${monthLabel(judgeAsOf)}`
        )}
      </>
    ),
  };

  return (
    <LazyPopup module={WORKSPACE_DEFERRED.judgeAsOf} popup="dialog" trigger={trigger}>
      {(loaded, popup) => <loaded.JudgeAsOfPopup radix={loaded} popup={popup} form={{ choice, setChoice, typed, setTyped, error, setError }} />}
    </LazyPopup>
  );
}
