'use client';

import { createContext, useContext } from 'react';

/** What every card on the canvas needs from the canvas: the zoom's form of card, and folding. */
export interface CanvasCards {
  /** Below `COMPACT_ZOOM`: cards show a short title in large type instead of their full text. */
  compact: boolean;
  /** Folds or unfolds what rests on a point (this reader only). */
  toggleFold(nodeId: string): void;
}

export const CanvasCardsContext = createContext<CanvasCards>({ compact: false, toggleFold: () => {} });

export function useCanvasCards(): CanvasCards {
  return useContext(CanvasCardsContext);
}
