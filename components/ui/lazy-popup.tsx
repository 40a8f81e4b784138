'use client';

import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode, type Ref } from 'react';
import { createPortal } from 'react-dom';
import { WifiOff } from 'lucide-react';
import type { OnDemand } from '@/components/map-store/on-demand';

/**
 * What a popup's trigger shows and says: given alike to the plain button drawn before the popup's
 * code is loaded and to the real (Radix) trigger after, so that the swap changes nothing on screen.
 */
export interface TriggerProps {
  className?: string;
  title?: string;
  'aria-label'?: string;
  children: ReactNode;
  [data: `data-${string}`]: string | undefined;
}

/** What the real popup is given: open it at once (the person asked before it had loaded), and its trigger's props. */
export interface LoadedPopup {
  /** For an uncontrolled `Root`: the person pressed the plain trigger before the code had loaded. */
  defaultOpen: boolean;
  /** To spread on the real `Trigger` (the same props as the plain one, and a ref for its focus). */
  trigger: TriggerProps & { ref: Ref<HTMLButtonElement> };
}

interface LazyPopupProps<M> {
  /**
   * The popup's code, loaded on first use or once the page is idle (see `DEFERRED`): its Radix part
   * and, so that they are not in the page's first load either, its own content, JSX and handlers
   * (a `*-content.tsx` module beside the trigger's).
   */
  module: OnDemand<M>;
  /** `menu` (a DropdownMenu: opens on press, Enter, Space or ↓, as Radix's does) or `dialog` (a Popover or Dialog: opens on click). */
  popup: 'menu' | 'dialog';
  trigger: TriggerProps;
  /** When the popup's open state is kept by its owner (a store, a `?share` link): a click asks for it with `onOpenChange(true)`, and `open` loads the code. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The real popup: its Radix `Root`, a `Trigger` with `trigger`'s props, and its content (usually a component from `module`, given the Radix parts and `popup`). */
  children: (loaded: M, popup: LoadedPopup) => ReactNode;
}

/**
 * A menu or dialog whose code is not in the page's first load: until it is loaded a plain button
 * stands in for its trigger — the same look, name and `data-testid`, `aria-haspopup`,
 * `aria-expanded="false"` — and the first sign the person means to use it (pointer over or down,
 * focus, a click, a key) fetches it. Once loaded the real Radix popup takes the button's place,
 * opened at once if the button was pressed meanwhile (Radix then moves focus into it), and the
 * button's focus passes to the real trigger. A press is never split between the two: the swap
 * waits for the click. When the code cannot be fetched (offline) the button stays and says so, and
 * the next press tries again.
 */
export function LazyPopup<M>({ module, popup, trigger, open, onOpenChange, children }: LazyPopupProps<M>) {
  const controlled = open !== undefined;
  // Boxed: the module may be anything, a function included.
  const [shown, setShown] = useState<{ value: M } | null>(() => (module.loaded === undefined ? null : { value: module.loaded }));
  const [openOnMount, setOpenOnMount] = useState(false);
  const [offline, setOffline] = useState<DOMRect | null>(null);
  const plain = useRef<HTMLButtonElement>(null);
  const real = useRef<HTMLButtonElement>(null);
  /** Between a press on the plain button and its click: the button must stay until the click lands on it. */
  const pressing = useRef(false);
  /** The person asked for the popup: it opens once loaded. */
  const opening = useRef(false);
  /** The plain button had focus when the real trigger replaced it. */
  const refocus = useRef(false);

  const reveal = (value: M) => {
    if (pressing.current) return; // `release` shows it after the click
    if (plain.current) refocus.current = !opening.current && document.activeElement === plain.current;
    setShown((was) => was ?? { value });
  };
  const fail = () => {
    if (!opening.current) return; // a prefetch on hover or focus fails quietly; a press says so
    opening.current = false;
    setOpenOnMount(false);
    setOffline(plain.current?.getBoundingClientRect() ?? null);
    if (controlled) onOpenChange?.(false);
  };
  /** Loads the code; `open`: the person asked for the popup, so it opens once the code is there. */
  const request = (open: boolean) => {
    if (open && !opening.current) {
      opening.current = true;
      setOffline(null);
      if (controlled) onOpenChange?.(true);
      else setOpenOnMount(true);
    }
    module.load().then(reveal, fail);
  };
  const release = () => {
    pressing.current = false;
    if (module.loaded !== undefined) reveal(module.loaded);
  };

  // Opened by its owner (a controlled dialog): load it and show it.
  useEffect(() => {
    if (!open || shown) return;
    opening.current = true;
    module.load().then(reveal, fail);
    // `reveal` and `fail` read refs and props current at the time; they need not re-run this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, shown, module]);

  // The "Offline" notice goes after a while (or at the next press).
  useEffect(() => {
    if (!offline) return;
    const timer = setTimeout(() => setOffline(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [offline]);

  // The real trigger takes the plain one's focus (an opening popup takes focus itself).
  useLayoutEffect(() => {
    if (!shown || !refocus.current) return;
    refocus.current = false;
    real.current?.focus();
  }, [shown]);

  if (shown) return <>{children(shown.value, { defaultOpen: openOnMount, trigger: { ...trigger, ref: real } })}</>;

  const menu = popup === 'menu';
  return (
    <>
      <button
        type="button"
        {...trigger}
        ref={plain}
        aria-haspopup={popup}
        aria-expanded={false}
        data-state="closed"
        onPointerEnter={() => request(false)}
        onFocus={() => request(false)}
        onPointerDown={(event: PointerEvent) => {
          // A menu opens on the press, as Radix's does (and keeps the focus off its button).
          if (menu && event.button === 0 && !event.ctrlKey) {
            event.preventDefault();
            request(true);
          } else {
            if (!menu) pressing.current = true;
            request(false);
          }
        }}
        onPointerUp={() => setTimeout(release, 0)}
        onPointerCancel={release}
        onKeyDown={(event: KeyboardEvent) => {
          if (menu && ['Enter', ' ', 'ArrowDown'].includes(event.key)) {
            event.preventDefault();
            request(true);
          } else if (!menu && (event.key === 'Enter' || event.key === ' ')) pressing.current = true;
        }}
        onKeyUp={() => setTimeout(release, 0)}
        onClick={() => {
          pressing.current = false;
          request(true);
        }}
      />
      {offline && <OfflineNotice at={offline} popup={popup} />}
    </>
  );
}

/** How long the "Offline" notice stays. */
const NOTICE_MS = 8000;

/**
 * Says, beside the button, that its menu or dialog could not be fetched. Fixed over the page (not in
 * its flow), so nothing around the button moves.
 */
function OfflineNotice({ at, popup }: { at: DOMRect; popup: 'menu' | 'dialog' }) {
  // Under the button, towards the middle of the screen.
  const style: CSSProperties = {
    top: at.bottom + 6,
    ...(at.left > window.innerWidth / 2 ? { right: Math.max(8, window.innerWidth - at.right) } : { left: Math.max(8, at.left) }),
  };
  return createPortal(
    <p
      role="alert"
      style={style}
      className="fixed z-50 flex max-w-xs items-start gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 shadow-lg"
      data-testid="popup.offline"
    >
      <WifiOff aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
      <span>
        <span className="font-semibold">Offline</span> — this {popup === 'menu' ? 'menu' : 'panel'} could not be loaded. Try again when the connection is back.
      </span>
    </p>,
    document.body,
  );
}

/**
 * A popup with no trigger of its own (opened by a key or by the store): its code, loaded once it is
 * `wanted`, or `undefined` until then. `onError` is told when it cannot be fetched (offline); the
 * next time it is wanted it is fetched again.
 */
export function useOnDemand<M>(module: OnDemand<M>, wanted: boolean, onError: (error: unknown) => void): M | undefined {
  const [loaded, setLoaded] = useState<{ value: M } | null>(() => (module.loaded === undefined ? null : { value: module.loaded }));
  const report = useRef(onError);
  useEffect(() => {
    report.current = onError;
  });
  useEffect(() => {
    if (!wanted || loaded) return;
    let current = true;
    module.load().then(
      (value) => current && setLoaded({ value }),
      (error: unknown) => current && report.current(error),
    );
    return () => {
      current = false;
    };
  }, [module, wanted, loaded]);
  return loaded?.value;
}
