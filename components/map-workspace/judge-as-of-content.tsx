'use client';

import { useId, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { currentMonth, monthLabel } from '@/lib/argument/as-of';
import { countOf } from '@/lib/words';
import type { LoadedPopup } from '@/components/ui/lazy-popup';
import type * as PopoverParts from '@/components/ui/popups/popover';
import { DEFERRED } from '@/components/map-store/deferred';
import { useMapStore } from '@/components/map-store/map-store';

export type Choice = 'essay' | 'today' | 'month';

/** What the popover shows chosen and typed: kept by `JudgeAsOf`, so it holds while the popover is closed. */
export interface JudgeAsOfForm {
  choice: Choice;
  setChoice: Dispatch<SetStateAction<Choice>>;
  typed: string;
  setTyped: Dispatch<SetStateAction<string>>;
  error: string | null;
  setError: Dispatch<SetStateAction<string | null>>;
}

/** Puts the judged month in the address (or takes it out), so a teacher can share "the map as of 2009". */
function keepInUrl(month: string | null) {
  const url = new URL(window.location.href);
  if (month === null) url.searchParams.delete('asOf');
  else url.searchParams.set('asOf', month);
  window.history.replaceState(window.history.state, '', url);
}

/** The "Judge as of" popover itself (`JudgeAsOf` draws its button until this loads: `WORKSPACE_DEFERRED.judgeAsOf`). */
export function JudgeAsOfPopup({ radix: { Popover }, popup, form }: { radix: typeof PopoverParts; popup: LoadedPopup; form: JudgeAsOfForm }) {
  const { choice, setChoice, typed, setTyped, error, setError } = form;
  const judgeAsOf = useMapStore((s) => s.judgeAsOf);
  const setJudgeAsOf = useMapStore((s) => s.setJudgeAsOf);
  const published = useMapStore((s) => s.view.document.published);
  const nodes = useMapStore((s) => s.view.nodes);
  const id = useId();

  const choose = (next: Choice, month: string | null) => {
    setChoice(next);
    setError(null);
    setJudgeAsOf(month);
    keepInUrl(month);
  };
  const dated = nodes.filter((n) => n.asOf != null).length;
  const setAside = judgeAsOf === null ? 0 : nodes.filter((n) => n.asOf != null && n.asOf > judgeAsOf).length;

  /** "A month" with what is typed: judged as of it when it is a month that has happened; else the error, and the judgement stays. */
  const chooseTyped = async (value: string) => {
    setChoice('month');
    setTyped(value);
    if (value === '') {
      setError(null);
      return;
    }
    // The form's schema is the server's, loaded with the other forms' (DEFERRED) when first needed.
    const { monthSchema } = await DEFERRED.nodeSchemas.load();
    const parsed = monthSchema.safeParse(value);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Choose a month.');
      return;
    }
    choose('month', parsed.data);
  };

  return (
    <Popover.Root defaultOpen={popup.defaultOpen}>
      <Popover.Trigger {...popup.trigger} />
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={6}
          className="z-50 w-[min(360px,calc(100vw-1.5rem))] rounded-xl border border-slate-200 bg-white p-4 shadow-xl"
          data-testid="judge-as-of"
        >
          <fieldset>
            <legend className="text-base font-semibold text-slate-900">Judge the argument as of…</legend>
            <p className="mt-1 text-sm text-slate-600">
              Points resting on facts known only later are set aside — faded and marked <em>Later</em>. Nothing on the map changes.
            </p>
            <div className="mt-3 space-y-2 text-sm">
              {published && (
                <Option name={id} checked={choice === 'essay'} onChange={() => choose('essay', published)} testId="judge-as-of.essay">
                  The essay’s date <span className="text-slate-500">({monthLabel(published)})</span>
                </Option>
              )}
              <Option name={id} checked={choice === 'today'} onChange={() => choose('today', null)} testId="judge-as-of.today">
                Today <span className="text-slate-500">(everything on the map)</span>
              </Option>
              <div className="flex flex-wrap items-center gap-2">
                <Option
                  name={id}
                  checked={choice === 'month'}
                  onChange={() => {
                    void chooseTyped(typed);
                    document.getElementById(`${id}-month`)?.focus();
                  }}
                  testId="judge-as-of.month-choice"
                >
                  A month:
                </Option>
                <input
                  id={`${id}-month`}
                  type="month"
                  aria-label="Month to judge as of"
                  value={typed}
                  max={currentMonth()}
                  onChange={(e) => void chooseTyped(e.target.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  className="rounded-md border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-400"
                  data-testid="judge-as-of.month"
                />
              </div>
              {error && (
                <p id={`${id}-error`} className="text-sm text-red-700" role="alert" data-testid="judge-as-of.error">
                  {error}
                </p>
              )}
            </div>
          </fieldset>
          <p className="mt-3 border-t border-slate-100 pt-3 text-xs text-slate-600" data-testid="judge-as-of.summary">
            {dated === 0
              ? 'No point on this map is dated yet: give objections and rebuttals the month their facts were known.'
              : judgeAsOf === null
                ? `${countOf(dated, 'point')} dated; all are counted.`
                : `${countOf(setAside, 'point')} of ${dated} dated set aside as after ${monthLabel(judgeAsOf)}.`}
          </p>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function Option({ name, checked, onChange, testId, children }: { name: string; checked: boolean; onChange: () => void; testId: string; children: ReactNode }) {
  return (
    <label className="flex cursor-pointer items-center gap-2">
      <input type="radio" name={name} checked={checked} onChange={onChange} className="h-4 w-4 accent-indigo-700" data-testid={testId} />
      <span>{children}</span>
    </label>
  );
}
