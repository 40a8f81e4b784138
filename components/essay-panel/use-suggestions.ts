'use client';

import { useCallback, useState } from 'react';
import { getSuggestions } from '@/lib/api-client/documents';
import type { Suggestion } from '@/lib/argument/suggest';

export type SuggestionsState =
  { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: Suggestion[]; truncated: boolean };

const dismissedKey = (documentSlug: string) => `argmap.dismissed-suggestions.${documentSlug}`;
const spanKey = (s: Pick<Suggestion, 'start' | 'end'>) => `${s.start}-${s.end}`;

/** The suggestions this browser dismissed on a document (a damaged entry means none). */
function savedDismissals(documentSlug: string): Set<string> {
  try {
    const saved = JSON.parse(window.localStorage.getItem(dismissedKey(documentSlug)) ?? '[]') as unknown;
    return new Set(Array.isArray(saved) ? saved.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * The "Suggest units" list of one document: fetched on request from
 * `GET /api/documents/{slug}/suggestions`, never saved as points until accepted. Dismissed
 * suggestions stay dismissed in this browser.
 */
export function useSuggestions(documentSlug: string) {
  const [state, setState] = useState<SuggestionsState>({ status: 'idle' });
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    setDismissed(savedDismissals(documentSlug));
    try {
      const { suggestions, truncated } = await getSuggestions(documentSlug);
      setState({ status: 'ready', items: suggestions, truncated });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [documentSlug]);

  const dismiss = useCallback(
    (suggestion: Pick<Suggestion, 'start' | 'end'>) => {
      setDismissed((prev) => {
        const next = new Set(prev).add(spanKey(suggestion));
        window.localStorage.setItem(dismissedKey(documentSlug), JSON.stringify([...next]));
        return next;
      });
    },
    [documentSlug],
  );

  const close = useCallback(() => setState({ status: 'idle' }), []);
  const isDismissed = useCallback((s: Pick<Suggestion, 'start' | 'end'>) => dismissed.has(spanKey(s)), [dismissed]);
  return { state, load, dismiss, close, isDismissed };
}
