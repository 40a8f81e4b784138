'use client';

import { startTransition, useCallback, useEffect, useState } from 'react';

/** What fills the main area of the map page: the React Flow canvas or the keyboard-first outline. */
export type MainView = 'canvas' | 'outline';

/** Below this width (Tailwind's `md`) the outline is the default and panels stack. */
export const NARROW_QUERY = '(max-width: 767.98px)';

/** Each width class remembers its own choice, so a phone's "outline" never overrides a laptop's "canvas". */
const STORAGE_KEYS = { wide: 'argmap.main-view', narrow: 'argmap.main-view.narrow' } as const;
const DEFAULTS: Record<keyof typeof STORAGE_KEYS, MainView> = { wide: 'canvas', narrow: 'outline' };

const listeners = new Set<() => void>();
/** This tab's choices, so switching works even where storage is refused. */
const chosen: Partial<Record<keyof typeof STORAGE_KEYS, MainView>> = {};

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  const media = window.matchMedia(NARROW_QUERY);
  media.addEventListener('change', onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    media.removeEventListener('change', onChange);
    window.removeEventListener('storage', onChange);
  };
}

function widthClass(): keyof typeof STORAGE_KEYS {
  return window.matchMedia(NARROW_QUERY).matches ? 'narrow' : 'wide';
}

function readView(): MainView {
  const width = widthClass();
  if (chosen[width]) return chosen[width];
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEYS[width]);
  } catch {
    // Storage can be disabled (private windows); the default still works.
  }
  return stored === 'canvas' || stored === 'outline' ? stored : DEFAULTS[width];
}

/**
 * `read()` once the page runs in the browser, and `fallback` before (on the server, and while the
 * page hydrates), kept up to date through `subscribe`. The browser's first value is applied in a
 * transition, which React renders in slices it can interrupt: with `useSyncExternalStore` the
 * re-render after hydration (the map page's canvas, header and essay at once) was one blocking
 * task of ~100 ms, the longest of the page's load.
 */
function useBrowserValue<T>(subscribe: (onChange: () => void) => () => void, read: () => T, fallback: T): T {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => {
    const update = () => setValue(read());
    startTransition(update);
    return subscribe(update);
  }, [subscribe, read]);
  return value;
}

const isNarrow = () => widthClass() === 'narrow';

/** Whether the screen is narrower than 768 px; `false` while rendering on the server. */
export function useNarrowScreen(): boolean {
  return useBrowserValue(subscribe, isNarrow, false);
}

/** Below this width (a 1024×768 projector) the canvas gets the whole width: the essay starts closed. */
export const PROJECTOR_QUERY = '(max-width: 1279.98px)';

function subscribeToProjector(onChange: () => void): () => void {
  const media = window.matchMedia(PROJECTOR_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

const isProjector = () => window.matchMedia(PROJECTOR_QUERY).matches;

/** Whether the screen is narrower than 1280 px (a projector, a small laptop); `false` on the server. */
export function useProjectorScreen(): boolean {
  return useBrowserValue(subscribeToProjector, isProjector, false);
}

/**
 * The main view and a setter that remembers the choice in this browser (per width class).
 * `null` until the page runs in the browser: the server cannot know the screen width.
 */
export function useMainView(): [MainView | null, (view: MainView) => void] {
  const view = useBrowserValue<MainView | null>(subscribe, readView, null);
  const setView = useCallback((next: MainView) => {
    chosen[widthClass()] = next;
    try {
      window.localStorage.setItem(STORAGE_KEYS[widthClass()], next);
    } catch {
      // Not remembered, but still switched below.
    }
    for (const listener of listeners) listener();
  }, []);
  return [view, setView];
}

/** V switches between the canvas and the outline (not while typing, nor inside a dialog or menu). */
export function useSwitchViewShortcut(toggle: () => void) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key.toLowerCase() !== 'v' || event.metaKey || event.ctrlKey || event.altKey || event.repeat) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], [role="alertdialog"], [role="menu"]')) return;
      event.preventDefault();
      toggle();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);
}
