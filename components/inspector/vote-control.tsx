'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { castVote, getVote, type VoteSummary } from '@/lib/api-client/discussion';
import { messageOf, useMapStore } from '@/components/map-store/map-store';
import { formatAverage, RATING_LABELS, withVote } from '@/lib/argument/discussion';
import { whyNot } from '@/lib/auth/role-words';

interface VoteControlProps {
  nodeId: string;
}

const VALUES = RATING_LABELS.map((label, value) => ({ value, label }));

/**
 * The crowd's rating of a node (0 no impact … 4 decisive) and this browser's own vote, as a
 * radio group: click a number, or focus the group and use the arrow keys (Home/End for 0 and 4).
 * A vote shows at once and rolls back with a message if the server refuses it. Shown apart from
 * the node's status: the rating is people's judgement and never changes the evaluation. Someone
 * whose role may not rate sees the rating and why they cannot rate, instead of buttons the server
 * would refuse; the control follows a role change at once.
 */
export function VoteControl({ nodeId }: VoteControlProps) {
  const slug = useMapStore((s) => s.view.map.slug);
  const view = useMapStore((s) => s.view);
  const notify = useMapStore((s) => s.notify);
  const locked = useMapStore((s) => whyNot('rate', { role: s.view.viewer.role, policy: s.view.map.policy }));
  const [summary, setSummary] = useState<VoteSummary | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const headingId = useId();
  const noteId = useId();
  const radios = useRef<(HTMLButtonElement | null)[]>([]);
  // Votes are sent one after another, so the server sees them in the order they were made.
  const queue = useRef<Promise<void>>(Promise.resolve());
  // Bumped by every vote: an answer (or a reload) older than the latest vote must not overwrite it.
  const votes = useRef(0);

  useEffect(() => {
    let current = true;
    const asOf = votes.current;
    getVote(slug, nodeId).then(
      (answer) => {
        if (!current || votes.current !== asOf) return;
        setSummary(answer);
        setLoadError(null);
      },
      (error: unknown) => {
        if (current) setLoadError(messageOf(error));
      },
    );
    return () => {
      current = false;
    };
    // `view` is a trigger: the map changed, and others may have voted.
  }, [slug, nodeId, view, attempt]);

  function cast(value: number | null) {
    if (!summary || summary.mine === value) return;
    const before = summary;
    const seq = ++votes.current;
    setSummary({ rating: withVote(before.rating, before.mine, value), mine: value });
    queue.current = queue.current.then(async () => {
      try {
        const answer = await castVote(slug, nodeId, { value });
        if (votes.current === seq) setSummary(answer);
      } catch (error) {
        notify({ tone: 'error', message: `Rating not saved: ${messageOf(error)}` });
        if (votes.current === seq) {
          setSummary(before);
          // Read what the server holds now, in case earlier votes in the queue did go through.
          setAttempt((n) => n + 1);
        }
      }
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const focused = Number((event.target as HTMLElement).dataset.value);
    const from = Number.isInteger(focused) ? focused : (summary?.mine ?? 0);
    const last = VALUES.length - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (from + 1) % VALUES.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (from + last) % VALUES.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    radios.current[next]?.focus();
    cast(next);
  }

  const rating = summary?.rating;
  const mine = summary?.mine ?? null;
  // The tab stop: the checked radio, else the first (the WAI-ARIA radio group pattern).
  const tabStop = mine ?? 0;
  return (
    <section className="space-y-2 rounded-md border border-slate-200 p-3" aria-labelledby={headingId} data-testid="vote">
      <div className="flex items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-xs font-semibold uppercase tracking-wider text-slate-500">
          Crowd rating
        </h3>
        <p className="text-sm font-semibold text-slate-800" data-testid="vote.summary" aria-live="polite">
          {loadError && !summary ? (
            <span className="font-normal text-red-700">
              Not loaded.{' '}
              <button type="button" className="underline" onClick={() => setAttempt((n) => n + 1)}>
                Try again
              </button>
            </span>
          ) : !rating ? (
            <span className="font-normal text-slate-500">Loading…</span>
          ) : rating.count === 0 ? (
            <span className="font-normal text-slate-500">No ratings yet</span>
          ) : (
            <>
              <span className="sr-only">Average </span>
              <span aria-hidden>★ </span>
              {formatAverage(rating.average)} · {rating.count} {rating.count === 1 ? 'vote' : 'votes'}
            </>
          )}
        </p>
      </div>
      <p id={noteId} className="text-xs text-slate-500">
        Separate from the status: the status follows from the map’s structure; the rating is people’s judgement.
      </p>
      {locked ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="vote.locked">
          {locked}
          {mine !== null && ` Your earlier rating, ${mine}, still counts.`}
        </p>
      ) : (
        <>
          <div
            role="radiogroup"
            aria-label="Your rating: how much does this point matter?"
            aria-describedby={noteId}
            className="grid grid-cols-5 gap-1"
            onKeyDown={onKeyDown}
            data-testid="vote.options"
          >
            {VALUES.map(({ value, label }) => {
              const checked = mine === value;
              return (
                <button
                  key={value}
                  ref={(el) => {
                    radios.current[value] = el;
                  }}
                  type="button"
                  role="radio"
                  aria-checked={checked}
                  aria-label={`${value} ${label}`}
                  tabIndex={value === tabStop ? 0 : -1}
                  disabled={!summary}
                  onClick={() => cast(value)}
                  className={`flex flex-col items-center rounded-md border px-1 py-1.5 leading-tight focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-1 disabled:opacity-50 ${
                    checked ? 'border-indigo-600 bg-indigo-600 text-white' : 'border-slate-200 text-slate-700 hover:bg-slate-100'
                  }`}
                  data-value={value}
                  data-testid={`vote.option-${value}`}
                >
                  <span aria-hidden className="text-base font-semibold">
                    {value}
                  </span>
                  <span aria-hidden className={`text-[11px] ${checked ? 'text-indigo-100' : 'text-slate-500'}`}>
                    {label}
                  </span>
                </button>
              );
            })}
          </div>
          <p className="text-xs text-slate-600" data-testid="vote.mine">
            {mine === null ? (
              'Rate how much this point matters to the question: 0 no impact … 4 decisive.'
            ) : (
              <>
                Your rating: <span className="font-semibold text-slate-800">{mine}</span> ·{' '}
                <button
                  type="button"
                  onClick={() => cast(null)}
                  className="font-medium text-indigo-700 underline hover:text-indigo-900"
                  data-testid="vote.withdraw"
                >
                  withdraw
                </button>
              </>
            )}
          </p>
        </>
      )}
    </section>
  );
}
