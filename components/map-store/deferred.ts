'use client';

import { onDemand, type OnDemand } from './on-demand';

// The Radix parts, each loaded through one `OnDemand` whichever popup asks first.
const dropdownMenu = onDemand(() => import('@/components/ui/popups/dropdown-menu'));
const popover = onDemand(() => import('@/components/ui/popups/popover'));
const dialog = onDemand(() => import('@/components/ui/popups/dialog'));
const alertDialog = onDemand(() => import('@/components/ui/popups/alert-dialog'));

/**
 * A popup's Radix part and its own content (its JSX, words and handlers), fetched together: the
 * content is not in the page's first load either, and one load serves a click. The content module
 * is given the Radix parts rather than importing them, so that Radix is not copied into its chunk.
 */
export function popupWith<R extends object, C extends object>(radix: OnDemand<R>, content: () => Promise<C>): OnDemand<R & C> {
  return onDemand(() => Promise.all([radix.load(), content()]).then(([parts, own]) => ({ ...parts, ...own })));
}

/**
 * Everything the map page loads after it is drawn that the feature folders share: the panels shown
 * on a click, the forms' schemas (zod), the libraries of single buttons, and the Radix parts of its
 * menus and dialogs (whose triggers are plain buttons until then: `components/ui/lazy-popup.tsx`).
 * The page shell's own panels and popups are in `WORKSPACE_DEFERRED`
 * (components/map-workspace/workspace-deferred.ts), built from the same Radix parts. All of it is
 * fetched once the page is idle (`prefetchDeferred`), so going offline later costs nothing but
 * writes; anything not yet fetched when the connection drops shows an inline "Offline" notice in
 * place and loads when it is back. Each module is imported at one site only: two `import()` sites
 * of the same module may be given different chunks by the bundler.
 */
export const DEFERRED = {
  inspector: onDemand(() => import('@/components/inspector/inspector').then((m) => m.Inspector)),
  outline: onDemand(() => import('@/components/outline/outline-view').then((m) => m.OutlineView)),
  gaps: onDemand(() => import('@/components/study/gaps-panel').then((m) => m.GapsPanel)),
  study: onDemand(() => import('@/lib/argument/study-counts')),
  outlineOrder: onDemand(() => import('@/lib/argument/outline')),
  connectChooser: onDemand(() => import('@/components/map-canvas/connect-chooser').then((m) => m.ConnectChooser)),
  nodeActions: onDemand(() => import('@/components/inspector/node-actions').then((m) => m.NodeActions)),
  suggestionList: onDemand(() => import('@/components/essay-panel/suggestion-list').then((m) => m.SuggestionList)),
  nodeSchemas: onDemand(() => import('@/lib/validation/node')),
  discussionSchemas: onDemand(() => import('@/lib/validation/discussion')),
  classSchemas: onDemand(() => import('@/lib/validation/classes')),
  imageExport: onDemand(() => import('html-to-image')),
  qrCode: onDemand(() => import('qrcode')),
  dropdownMenu,
  popover,
  dialog,
  alertDialog,
  accountMenu: popupWith(dropdownMenu, () => import('@/components/auth/account-menu-content')),
  filterPanel: popupWith(popover, () => import('@/components/study/filter-panel-content')),
  shareDialog: popupWith(dialog, () => import('@/components/classes/share-dialog-content')),
  copyDialog: popupWith(dialog, () => import('@/components/classes/copy-dialog-content')),
  classDialog: popupWith(dialog, () => import('@/components/classes/tasks/class-button-content')),
  myTasksCard: onDemand(() => import('@/components/classes/tasks/my-tasks-content')),
};

/** Fetches every part of a registry (failures are left for their first use, which tries again). */
export function prefetchParts(parts: Record<string, OnDemand<unknown>>): void {
  for (const part of Object.values(parts)) part.load().catch(() => undefined);
}

/** Fetches every shared deferred part. */
export function prefetchDeferred(): void {
  prefetchParts(DEFERRED);
}
