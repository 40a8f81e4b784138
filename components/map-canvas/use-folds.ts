'use client';

import { useCallback, useState } from 'react';

/**
 * What this reader folded on a map. `chosen` is false while the canvas decides for them (the whole
 * map, or its main reasons when it is too big to read whole — decided again on every load, from
 * the screen); once they fold, unfold or pick a view, their choice is kept in this browser.
 */
export interface Folds {
  folded: ReadonlySet<string>;
  chosen: boolean;
}

const storageKey = (slug: string) => `argmap.folds.${slug}`;

/** Folds kept per map; a map has at most `MAP_NODES_MAX` points, so the list is bounded by it. */
function storedFolds(slug: string): Set<string> | null {
  try {
    const raw = window.localStorage.getItem(storageKey(slug));
    if (raw === null) return null;
    const stored: unknown = JSON.parse(raw);
    const list = (stored as { folded?: unknown })?.folded;
    return Array.isArray(list) ? new Set(list.filter((id): id is string => typeof id === 'string')) : null;
  } catch {
    return null;
  }
}

/**
 * The reader's folds for map `slug`, read from the browser when the canvas first appears (it is
 * drawn only in the browser: the main view is unknown on the server); `decide` picks the folds
 * when none are kept.
 */
export function useFolds(slug: string, decide: () => ReadonlySet<string>): [Folds | null, (folded: ReadonlySet<string>, chosen: boolean) => void] {
  const [folds, setFolds] = useState<Folds | null>(() => {
    if (typeof window === 'undefined') return null;
    const stored = storedFolds(slug);
    return stored ? { folded: stored, chosen: true } : { folded: decide(), chosen: false };
  });
  const change = useCallback(
    (folded: ReadonlySet<string>, chosen: boolean) => {
      setFolds({ folded, chosen });
      if (!chosen) return;
      try {
        window.localStorage.setItem(storageKey(slug), JSON.stringify({ folded: [...folded] }));
      } catch {
        // Storage refused (private windows): the folds still hold on this page.
      }
    },
    [slug],
  );
  return [folds, change];
}
