'use client';

import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import { RotateCw, TriangleAlert, WifiOff } from 'lucide-react';
import { reportReach } from '@/lib/api-client/request';
import { reconnectDelay } from './live-connection';
import { useMapStore } from './map-store';
import { ModuleLoadError, type OnDemand } from './on-demand';

/** Where a panel sits: the side column (inspector, gaps, history) or the main area (canvas, outline, essay). */
export type PanelFrame = 'side' | 'main';

/** The side column's frame, as the inspector draws it, so a notice in its place does not move the page. */
const SIDE_FRAME = 'flex h-full w-[340px] shrink-0 flex-col border-l border-slate-200 bg-white xl:w-[380px]';
const MAIN_FRAME = 'flex h-full w-full flex-col bg-white';

interface PanelNoticeProps {
  frame: PanelFrame;
  tone: 'offline' | 'error';
  title: string;
  detail: string;
  onRetry(): void;
  testId: string;
}

/** An inline notice drawn in a panel's place: the rest of the page stays as it is. */
function PanelNotice({ frame, tone, title, detail, onRetry, testId }: PanelNoticeProps) {
  const Icon = tone === 'offline' ? WifiOff : TriangleAlert;
  // The side column's panels are <aside>s (the phone layout widens them by that).
  const Frame = frame === 'side' ? 'aside' : 'div';
  return (
    <Frame className={frame === 'side' ? SIDE_FRAME : MAIN_FRAME} aria-label={frame === 'side' ? title : undefined} data-testid={testId}>
      <div className="m-auto flex max-w-xs flex-col items-center px-6 py-10 text-center" role={tone === 'error' ? 'alert' : 'status'}>
        <span className={`grid h-10 w-10 place-items-center rounded-full ${tone === 'offline' ? 'bg-amber-100 text-amber-800' : 'bg-red-100 text-red-700'}`}>
          <Icon aria-hidden className="h-5 w-5" />
        </span>
        <p className="mt-3 text-sm font-semibold text-slate-900">{title}</p>
        <p className="mt-1 text-sm text-slate-600">{detail}</p>
        <button
          type="button"
          onClick={onRetry}
          className="mt-4 inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
          data-testid={`${testId}-retry`}
        >
          <RotateCw aria-hidden className="h-4 w-4" /> Try again
        </button>
      </div>
    </Frame>
  );
}

/** The notice for a panel whose code could not be fetched. */
function OfflinePanelNotice({ frame, onRetry }: { frame: PanelFrame; onRetry(): void }) {
  return (
    <PanelNotice
      frame={frame}
      tone="offline"
      title="Offline — this panel will load when the connection is back"
      detail="Everything else on the map stays readable."
      onRetry={onRetry}
      testId="panel.offline"
    />
  );
}

/**
 * Loads `module` and, once loaded, renders `children(module)`. While it cannot be fetched an
 * inline "Offline" notice stands in its place, and it is tried again when the connection is back,
 * after a capped backoff, or on "Try again" — never the route's error page.
 */
export function Deferred<T>({ module, frame, children }: { module: OnDemand<T>; frame: PanelFrame; children: (loaded: T) => ReactNode }) {
  const [loadedState, setLoaded] = useState<{ module: OnDemand<T>; value: T } | null>(null);
  // What this module has loaded (a module loaded before shows at once; another module's value never shows).
  const loaded = loadedState?.module === module ? loadedState : module.loaded === undefined ? null : { module, value: module.loaded };
  const [attempt, setAttempt] = useState(0);
  /** The attempt that failed last; `null` while loading or loaded. */
  const [failed, setFailed] = useState<number | null>(null);
  const connection = useMapStore((s) => s.connection);

  // Tried again whenever the connection changes (back online: at once) and on each new attempt.
  const isLoaded = loaded !== null;
  useEffect(() => {
    if (isLoaded) return;
    let current = true;
    module.load().then(
      (value) => {
        if (!current) return;
        setLoaded({ module, value });
        setFailed(null);
      },
      () => {
        if (!current) return;
        setFailed(attempt);
        // The stream has dropped and a panel cannot be fetched either: that is offline, say so now.
        // (Not while the stream is open: a missing file is then no sign of an outage.)
        if (connection === 'reconnecting') reportReach(false);
      },
    );
    return () => {
      current = false;
    };
  }, [module, isLoaded, attempt, connection]);

  // While it fails: again after a growing wait (capped).
  useEffect(() => {
    if (failed === null) return;
    const timer = setTimeout(() => setAttempt(failed + 1), reconnectDelay(failed));
    return () => clearTimeout(timer);
  }, [failed]);

  if (loaded) return <>{children(loaded.value)}</>;
  if (failed !== null) return <OfflinePanelNotice frame={frame} onRetry={() => setAttempt((n) => n + 1)} />;
  return null;
}

interface PanelBoundaryProps {
  frame: PanelFrame;
  /** What the panel is ("inspector", "outline"), for the notice. */
  label: string;
  /** A new value (another selection, another view) clears a failure and draws the panel again. */
  resetKey: string;
  children: ReactNode;
}

/**
 * Catches what a panel throws while drawing, so one panel's failure shows a notice in its place
 * and never blanks the map. A panel that needed code it could not fetch says "Offline".
 */
export class PanelBoundary extends Component<PanelBoundaryProps, { error: unknown; resetKey: string }> {
  state = { error: null as unknown, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: PanelBoundaryProps, state: { error: unknown; resetKey: string }) {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`The ${this.props.label} failed:`, error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const retry = () => this.setState({ error: null });
    if (error instanceof ModuleLoadError || (error instanceof Error && error.name === 'ChunkLoadError')) {
      return <OfflinePanelNotice frame={this.props.frame} onRetry={retry} />;
    }
    return (
      <PanelNotice
        frame={this.props.frame}
        tone="error"
        title={`The ${this.props.label} could not be shown`}
        detail="Something went wrong drawing it; the rest of the map still works."
        onRetry={retry}
        testId="panel.error"
      />
    );
  }
}
