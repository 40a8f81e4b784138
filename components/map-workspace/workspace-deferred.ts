'use client';

import { DEFERRED, popupWith, prefetchDeferred, prefetchParts } from '@/components/map-store/deferred';
import { onDemand } from '@/components/map-store/on-demand';

/**
 * The page shell's own deferred parts — its panels and its menus' and dialogs' content — loaded as
 * the shared ones in `DEFERRED` are (components/map-store/deferred.ts), with the same Radix parts,
 * so the registry the feature folders use never names the shell.
 */
export const WORKSPACE_DEFERRED = {
  history: onDemand(() => import('./history-panel').then((m) => m.HistoryPanel)),
  openQuestions: onDemand(() => import('./open-questions-list').then((m) => m.OpenQuestionsList)),
  exportMenu: popupWith(DEFERRED.dropdownMenu, () => import('./export-menu-content')),
  narrowToolsMenu: popupWith(DEFERRED.dropdownMenu, () => import('./narrow-tools-menu-content')),
  judgeAsOf: popupWith(DEFERRED.popover, () => import('./judge-as-of-content')),
  shortcutsSheet: popupWith(DEFERRED.dialog, () => import('./shortcuts-sheet-content')),
  confirmDelete: popupWith(DEFERRED.alertDialog, () => import('./confirm-delete-content')),
};

/** Fetches every deferred part of the map page, the shared ones and the shell's. */
export function prefetchWorkspace(): void {
  prefetchDeferred();
  prefetchParts(WORKSPACE_DEFERRED);
}
