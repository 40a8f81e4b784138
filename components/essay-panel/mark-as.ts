'use client';

import { useCallback } from 'react';
import { useMapStore } from '@/components/map-store/map-store';
import { NODE_TEXT_MAX, NODE_TEXT_MIN } from '@/lib/validation/limits';
import type { Quote } from '@/lib/argument/model';

/** The kinds a stretch of the essay can be marked as. */
export const MARKABLE_KINDS = ['thesis', 'claim', 'premise', 'evidence', 'objection'] as const;
export type MarkableKind = (typeof MARKABLE_KINDS)[number];

/** A node's words from a quote: the quote itself, cut at a word boundary if it is too long. */
export function textFromQuote(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= NODE_TEXT_MAX) return flat;
  const cut = flat.slice(0, NODE_TEXT_MAX - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/**
 * Places a stretch of the essay on the map as a point of the given kind, quoting it, not yet
 * connected. Marking the thesis when the map has one places a claim and makes it the thesis, so
 * the old thesis becomes a claim (one request each; the history shows both).
 */
export function useMarkAs() {
  const addNode = useMapStore((s) => s.addNode);
  const setKind = useMapStore((s) => s.setKind);
  const hasThesis = useMapStore((s) => s.view.nodes.some((n) => n.kind === 'thesis'));
  return useCallback(
    async (kind: MarkableKind, quote: Pick<Quote, 'start' | 'end' | 'text'>) => {
      const text = textFromQuote(quote.text);
      if (text.length < NODE_TEXT_MIN) throw new Error(`Select at least ${NODE_TEXT_MIN} characters of the essay.`);
      if (kind === 'thesis' && hasThesis) {
        const { id } = await addNode({ kind: 'claim', text, quote: { start: quote.start, end: quote.end } });
        await setKind(id, 'thesis');
        return id;
      }
      return (await addNode({ kind, text, quote: { start: quote.start, end: quote.end } })).id;
    },
    [addNode, setKind, hasThesis],
  );
}
