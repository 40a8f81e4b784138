'use client';

import { useId } from 'react';
import { AUTHOR_NAME_MAX } from '@/lib/validation/limits';
import { GUEST_NAME } from '@/lib/argument/pseudonyms';
import type { MapView } from '@/lib/argument/map-view';

/**
 * The name the server signs this viewer's points and comments with, when it fixes one: their own
 * (signed in, or joined), or on an anonymous class {@link GUEST_NAME} for everyone else — a typed
 * name would tell the class who wrote it.
 */
export function fixedName(view: Pick<MapView, 'viewer' | 'map'>): string | null {
  return view.viewer.name ?? (view.map.anonymous ? GUEST_NAME : null);
}

interface AuthorFieldProps {
  /** The name the server fixes (signed in, or a class member): shown, not asked for. */
  signedAs: string | null;
  /** How classmates see them on an anonymous class ("Student 2"). */
  alias?: string | null;
  author: string;
  onAuthor: (name: string) => void;
  error?: string;
  /** `block`: a labelled field of its own (the composer); `inline`: beside the send button (a comment). */
  layout: 'block' | 'inline';
  /** Prefix of the test ids: `<testId>.signed-as`, `<testId>.author`. */
  testId: string;
}

/**
 * Who a point or comment will be signed by: "Posting as Mina" when the server fixes the name (any
 * name typed would be ignored), else a name box, remembered on this device by the form.
 */
export function AuthorField({ signedAs, alias = null, author, onAuthor, error, layout, testId }: AuthorFieldProps) {
  const id = useId();
  const block = layout === 'block';
  if (signedAs) {
    return (
      <p className={`text-sm text-slate-600 ${block ? '' : 'min-w-0 flex-1 truncate'}`} data-testid={`${testId}.signed-as`}>
        Posting as <span className="font-semibold text-slate-800">{signedAs}</span>
        {alias && <span className="text-slate-500"> · classmates see “{alias}”</span>}
      </p>
    );
  }
  const input = (
    <input
      id={id}
      value={author}
      onChange={(e) => onAuthor(e.target.value)}
      maxLength={AUTHOR_NAME_MAX + 10}
      placeholder="Anonymous"
      className={`rounded-md border focus:outline-none focus:ring-2 focus:ring-indigo-500 ${error ? 'border-red-500' : 'border-slate-300'} ${
        block ? 'w-full px-3 py-2 text-[15px]' : 'min-w-0 flex-1 px-2 py-1 text-sm'
      }`}
      aria-invalid={error ? true : undefined}
      data-testid={`${testId}.author`}
    />
  );
  if (!block) {
    return (
      <>
        <label htmlFor={id} className="shrink-0 text-xs text-slate-500">
          Your name
        </label>
        {input}
      </>
    );
  }
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        Your name <span className="font-normal text-slate-500">(shown with the point; remembered on this device)</span>
      </label>
      {input}
      {error && <p className="mt-1 text-xs text-red-700">{error}</p>}
    </div>
  );
}
