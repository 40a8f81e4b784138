'use client';

import { useEffect, useRef } from 'react';

/** A confirmed in-app leave also unloads plain `<a>` pages: the browser should not ask a second time. */
const CONFIRMED_LEAVE_MS = 1_000;

/**
 * Asks before the person leaves a page holding words they have not sent. `ask` is read at the
 * moment of leaving and returns the question to put (or `null` when there is nothing to lose):
 *
 * - reload, closing the tab, typing an address or following a link to another site: the browser's
 *   own "Leave site?" dialog (`beforeunload`; browsers show their own words, not `ask`'s);
 * - a link to another page of the app (Next `<Link>` or a plain `<a>`): `window.confirm(ask())`,
 *   and the click does nothing when the person chooses to stay.
 *
 * Back/Forward inside the app are not asked about (history cannot be held up); pages using this
 * keep their drafts in session storage, so those come back on return.
 */
export function useLeaveGuard(ask: () => string | null): void {
  const askRef = useRef(ask);
  useEffect(() => {
    askRef.current = ask;
  });

  useEffect(() => {
    let confirmedAt = Number.NEGATIVE_INFINITY;

    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (performance.now() - confirmedAt < CONFIRMED_LEAVE_MS || askRef.current() === null) return;
      event.preventDefault();
      // Older Chromium asks only when returnValue is set.
      event.returnValue = '';
    }

    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!link || link.hasAttribute('download')) return;
      const target = link.getAttribute('target');
      if (target && target !== '_self') return;
      const url = new URL(link.getAttribute('href')!, window.location.href);
      // Another site unloads this page: the browser's own dialog asks. The same page (a #fragment) is not leaving.
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      const question = askRef.current();
      if (question === null) return;
      if (window.confirm(question)) {
        confirmedAt = performance.now();
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    }

    window.addEventListener('beforeunload', onBeforeUnload);
    // Capturing on window runs before React's handlers (Next's <Link> among them), which skip a prevented click.
    window.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('click', onClick, true);
    };
  }, []);
}
