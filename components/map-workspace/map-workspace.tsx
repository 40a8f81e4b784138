'use client';

import { useContext, useEffect, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import { ReactFlowProvider } from '@xyflow/react';
import { BookOpen, History, Keyboard, LayoutGrid, ListTree, LoaderCircle, Network, PanelLeftClose } from 'lucide-react';
import { AppLogo } from '@/components/ui/app-logo';
import { AccountMenu } from '@/components/auth/account-menu';
import { CopyDialog } from '@/components/classes/copy-dialog';
import { ShareDialog } from '@/components/classes/share-dialog';
import { ClassButton } from '@/components/classes/tasks/class-button';
import { MyTasksButton, MyTasksCard, MyTasksProvider } from '@/components/classes/tasks/my-tasks';
import { EssayPanel } from '@/components/essay-panel/essay-panel';
import { actionsForNode } from '@/components/inspector/node-action-specs';
import { useDeleteNode } from '@/components/inspector/use-delete-node';
import { MapCanvas } from '@/components/map-canvas/map-canvas';
import { FilterBar } from '@/components/study/filter-bar';
import { GapsButton } from '@/components/study/gaps-button';
import { useMainView, useNarrowScreen, useProjectorScreen, useSwitchViewShortcut, type MainView } from '@/components/outline/use-main-view';
import { STATUS_STYLES } from '@/components/status-badge';
import { can } from '@/lib/auth/permissions';
import { whyNot } from '@/lib/auth/role-words';
import { explainStatus, type Status } from '@/lib/argument/evaluation';
import type { PageLayouts } from '@/lib/argument/layout';
import type { StudyCounts } from '@/lib/argument/study-counts';
import type { MapView } from '@/lib/argument/map-view';
import { shorten } from '@/lib/argument/text';
import { monthLabel } from '@/lib/argument/as-of';
import { countOf } from '@/lib/words';
import { ExportMenu } from './export-menu';
import { NarrowToolsMenu } from './narrow-tools-menu';
import { ConfirmDelete } from './confirm-delete';
import { ShortcutsSheet } from './shortcuts-sheet';
import { ReplayBanner } from './replay-banner';
import { PresenceList } from './presence-list';
import { OfflineBanner } from './connection-status';
import { DEFERRED } from '@/components/map-store/deferred';
import { prefetchWorkspace, WORKSPACE_DEFERRED } from './workspace-deferred';
import { Deferred, PanelBoundary } from '@/components/map-store/panel-fallbacks';
import { useLiveUpdates } from './use-live-updates';
import { Notices } from './notices';
import { OpenQuestions } from './open-questions';
import { JudgeAsOf, monthFromUrl } from './judge-as-of';
import { createMapStore, messageOf, MapStoreContext, useMapStore, type MapStore } from '@/components/map-store/map-store';
import { useDraftRestore } from './use-draft-restore';

/** The mark the canvas sets on its first frame with the laid-out cards in view. */
const CANVAS_READY_MARK = 'argmap:canvas-ready';
/** How long the preload waits for that mark before going ahead anyway (a page opened on the outline). */
const PRELOAD_FALLBACK_MS = 4000;

/**
 * Fetches the deferred parts (the inspector, outline and gaps panel, the forms' schemas, …: see
 * `DEFERRED` and `WORKSPACE_DEFERRED`) once the canvas is drawn (`argmap:canvas-ready`) and the page is idle, so a first
 * click finds them loaded — even when the connection has dropped since.
 */
function usePreloadPanels() {
  useEffect(() => {
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let started = false;
    const whenIdle = () => {
      if (started) return;
      started = true;
      observer?.disconnect();
      if ('requestIdleCallback' in window) idle = window.requestIdleCallback(prefetchWorkspace, { timeout: 2000 });
      else timer = setTimeout(prefetchWorkspace, 0);
    };
    // Not before the canvas is drawn: the panels' fetches would compete with the first paint for the
    // network and the main thread. A page that opens without the canvas (the outline) waits a little.
    let observer: PerformanceObserver | undefined;
    if (performance.getEntriesByName(CANVAS_READY_MARK).length > 0) whenIdle();
    else if (typeof PerformanceObserver !== 'undefined') {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName(CANVAS_READY_MARK).length > 0) whenIdle();
      });
      observer.observe({ type: 'mark' });
    }
    const fallback = setTimeout(whenIdle, PRELOAD_FALLBACK_MS);
    return () => {
      observer?.disconnect();
      clearTimeout(fallback);
      if (timer) clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, []);
}

/** The map page: header, essay panel, canvas and inspector, all reading one store. */
export function MapWorkspace({ initial, layouts, counts }: { initial: MapView; layouts?: PageLayouts; counts?: StudyCounts }) {
  // Judged as of the month in the address (`?asOf=`) from the first paint, when it is one.
  const asOf = monthFromUrl(useSearchParams().get('asOf'));
  const [store] = useState<MapStore>(() => createMapStore(initial, asOf, layouts, counts));
  return (
    <MapStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <MyTasksProvider>
          <WorkspaceLayout />
        </MyTasksProvider>
      </ReactFlowProvider>
    </MapStoreContext.Provider>
  );
}

/**
 * The page frame. Wide screens: essay column · canvas or outline · inspector. Below 768 px: one
 * pane at a time (outline by default, canvas or essay one tap away on the tab bar) with the
 * inspector as a full-width panel under it.
 */
function WorkspaceLayout() {
  // A map imported without its essay opens on the canvas alone.
  const hasEssay = useMapStore((s) => s.view.document.text.trim() !== '');
  const narrow = useNarrowScreen();
  const [mainView, setMainView] = useMainView();
  // `null` until the person toggles it: the essay column shows on wide screens, not on phones.
  const [essayChoice, setEssayChoice] = useState<boolean | null>(null);
  // Below 1280 px (a 1024×768 projector) the map gets the whole width until the essay is asked for.
  const projector = useProjectorScreen();
  const essayOpen = essayChoice ?? (hasEssay && !narrow && !projector);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const historyOpen = useMapStore((s) => s.history !== null);
  const hasSelection = useMapStore((s) => s.selection !== null);
  useKeyboardShortcuts(() => setShortcutsOpen(true));
  usePreloadPanels();
  useLiveUpdates();
  useDraftRestore();
  const showView = (next: MainView) => {
    setMainView(next);
    if (narrow) setEssayChoice(false);
  };
  useSwitchViewShortcut(() => showView(mainView === 'outline' ? 'canvas' : 'outline'));
  const essayPane = narrow && essayOpen;
  const gapsOpen = useMapStore((s) => s.gapsOpen);
  const selectionKey = useMapStore((s) => (s.selection ? `${s.selection.type}:${s.selection.id}` : ''));
  const sideOpen = historyOpen || hasSelection || gapsOpen;
  const sidePanel = historyOpen ? 'history' : gapsOpen ? 'gaps' : hasSelection ? 'inspector' : null;
  const mainPanel = essayPane ? 'essay' : (mainView ?? '');
  return (
    <div className="flex h-dvh flex-col">
      <MapHeader
        narrow={narrow}
        essayOpen={essayOpen}
        onToggleEssay={() => setEssayChoice(!essayOpen)}
        onShowShortcuts={() => setShortcutsOpen(true)}
        mainView={mainView}
        onMainView={showView}
      />
      <OfflineBanner />
      {narrow && <NarrowTabs mainView={essayPane ? 'essay' : mainView} hasEssay={hasEssay} onMainView={showView} onEssay={() => setEssayChoice(true)} />}
      <div className="flex min-h-0 flex-1 flex-col md:flex-row">
        {essayOpen && !narrow && (
          <aside className="h-full w-[30%] min-w-[280px] max-w-[560px] shrink-0 border-r border-slate-200 bg-white" aria-label="Essay">
            <PanelBoundary frame="main" label="essay" resetKey="essay">
              <EssayPanel />
            </PanelBoundary>
          </aside>
        )}
        <main className="relative flex min-h-0 min-w-0 flex-1 flex-col" data-testid="map.main" data-view={essayPane ? 'essay' : (mainView ?? undefined)}>
          <ReplayBanner />
          {/* Drawn from the first paint (it serves either view), so "/" finds it as soon as the page responds. */}
          {!essayPane && <FilterBar />}
          <div className="relative min-h-0 flex-1">
            <PanelBoundary frame="main" label={mainPanel} resetKey={mainPanel}>
              {essayPane ? (
                <section className="h-full bg-white" aria-label="Essay">
                  <EssayPanel />
                </section>
              ) : mainView === 'outline' ? (
                <Deferred module={DEFERRED.outline} frame="main">
                  {(OutlineView) => <OutlineView onShowOnCanvas={() => showView('canvas')} />}
                </Deferred>
              ) : mainView === 'canvas' ? (
                <MapCanvas />
              ) : (
                // Until the page knows the screen it is on (a phone opens on the outline), what the canvas says while it lays out.
                <div className="grid h-full place-items-center text-slate-500" role="status">
                  <span className="inline-flex items-center gap-2">
                    <LoaderCircle aria-hidden className="h-5 w-5 animate-spin" /> Laying out the map…
                  </span>
                </div>
              )}
            </PanelBoundary>
            {!essayPane && <MyTasksCard />}
          </div>
          <Notices />
        </main>
        {/* On a phone the inspector is a full-width panel under the view; the view keeps the top half. */}
        <div
          className={
            narrow
              ? sideOpen
                ? 'h-[52%] shrink-0 overflow-hidden rounded-t-xl border-t border-slate-300 bg-white shadow-[0_-8px_24px_-12px_rgb(15_23_42/0.35)] [&>aside]:!w-full [&>aside]:!border-l-0'
                : 'hidden'
              : 'contents'
          }
          data-testid="map.side"
        >
          <PanelBoundary frame="side" label={sidePanel ?? 'side panel'} resetKey={`${sidePanel}:${selectionKey}`}>
            {sidePanel === 'history' ? (
              <Deferred key="history" module={WORKSPACE_DEFERRED.history} frame="side">
                {(HistoryPanel) => <HistoryPanel />}
              </Deferred>
            ) : sidePanel === 'gaps' ? (
              <Deferred key="gaps" module={DEFERRED.gaps} frame="side">
                {(GapsPanel) => <GapsPanel />}
              </Deferred>
            ) : sidePanel === 'inspector' ? (
              <Deferred key="inspector" module={DEFERRED.inspector} frame="side">
                {(Inspector) => <Inspector />}
              </Deferred>
            ) : null}
          </PanelBoundary>
        </div>
      </div>
      <ConfirmDelete />
      <ShortcutsSheet open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
    </div>
  );
}

interface MapHeaderProps {
  narrow: boolean;
  essayOpen: boolean;
  onToggleEssay: () => void;
  onShowShortcuts: () => void;
  mainView: MainView | null;
  onMainView: (view: MainView) => void;
}

/**
 * The look of the header's buttons, one height for all (the thesis status and the view switch
 * match it). Labels never wrap: where there is no room for one, the button shows its icon (and
 * keeps its name for screen readers) or moves into the More menu.
 */
export const HEADER_BUTTON =
  'inline-flex h-8 shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md border border-slate-200 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50';

/**
 * Title and tools, in rows so that neither squeezes the other at any width. Wide screens: the
 * title row (the map's full title, wrapping if it must; who is here; share; the account), then the
 * toolbar (thesis status · canvas/outline and the essay · open questions and gaps · export and
 * the secondary tools, which share the More menu below 1536 px). Phones (below 768 px): title and
 * More menu; thesis status, who is here, share and account; open questions, gaps and export.
 */
function MapHeader({ narrow, essayOpen, onToggleEssay, onShowShortcuts, mainView, onMainView }: MapHeaderProps) {
  const view = useMapStore((s) => s.view);
  const tidyLayout = useMapStore((s) => s.tidyLayout);
  // A fresh class copy opens with its sharing panel (the copy dialog sends ?share=1).
  const shareOnOpen = useSearchParams().has('share');
  const readOnly = useMapStore((s) => s.history?.at != null);
  const hasThesisStatus = useMapStore((s) => s.evaluation.thesis !== undefined && s.view.nodes.some((n) => n.kind === 'thesis'));
  const notify = useMapStore((s) => s.notify);
  const tidyDisabled = readOnly || !can(view.viewer.role, 'arrange');
  // Disabled controls say why: the past is shown read-only, or the role may not change the map.
  const tidyTitle = readOnly
    ? 'You are looking at the map as it was: go back to now to tidy it.'
    : (whyNot('change', { role: view.viewer.role, policy: view.map.policy }) ?? 'Tidy the canvas layout');
  const tidy = () => tidyLayout().catch((e: unknown) => notify({ tone: 'error', message: `Layout not reset: ${messageOf(e)}` }));
  const counts = [
    countOf(view.nodes.length, 'point'),
    countOf(view.nodes.filter((n) => n.kind === 'objection').length, 'objection'),
    countOf(view.nodes.filter((n) => n.implicit).length, 'unstated point'),
  ].join(' · ');
  // The share and copy buttons show their word once the title row has room for it.
  const share =
    view.viewer.role === 'owner' && view.map.policy !== 'open' ? (
      <ShareDialog className={`${HEADER_BUTTON} lg:[&>span]:inline`} defaultOpen={shareOnOpen} />
    ) : (
      <CopyDialog className={`${HEADER_BUTTON} lg:[&>span]:inline`} />
    );
  // The class's tasks: the teacher's Class panel, a student's "My tasks" (each renders only for its reader).
  const classTasks = (
    <>
      <ClassButton className={HEADER_BUTTON} />
      <MyTasksButton className={HEADER_BUTTON} />
    </>
  );
  const sameTitle = view.document.title.trim().toLowerCase() === view.map.title.trim().toLowerCase();
  const title = (
    <div className="min-w-0 flex-1">
      {/* Two lines at most (three on a phone): a 200-character class title must not eat the canvas; the whole title is its tooltip. */}
      <h1
        className="line-clamp-3 text-lg font-semibold leading-snug text-slate-900 [overflow-wrap:anywhere] md:line-clamp-2"
        title={view.map.title}
        data-testid="map.title"
      >
        {view.map.title}
      </h1>
      <p className="truncate text-sm text-slate-500">
        {/* An imported map is often titled as its essay: say the title once. */}
        {sameTitle ? (
          view.document.author && `by ${view.document.author}`
        ) : (
          <>
            <cite className="not-italic">{view.document.title}</cite>
            {view.document.author && ` — ${view.document.author}`}
          </>
        )}
        {/* The counts where the line has room for them whole. */}
        <span className="max-2xl:hidden">
          {(!sameTitle || view.document.author) && (
            <span className="mx-2" aria-hidden>
              ·
            </span>
          )}
          {counts}
        </span>
      </p>
    </div>
  );
  const study = (
    <>
      <OpenQuestions className={HEADER_BUTTON} />
      <GapsButton className={HEADER_BUTTON} />
    </>
  );

  if (narrow) {
    return (
      <header className="space-y-2 border-b border-slate-200 bg-white px-3 py-2" data-testid="map.header">
        <div className="flex items-center gap-2">
          <div className="shrink-0 self-start [&>a>span:last-child]:hidden">
            <AppLogo />
          </div>
          {title}
          {classTasks}
          <NarrowToolsMenu onShowShortcuts={onShowShortcuts} onTidy={tidy} tidyDisabled={tidyDisabled} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ThesisBanner />
          <JudgeAsOf className={HEADER_BUTTON} />
          <PresenceList />
          <div className="ml-auto flex items-center gap-2">
            {share}
            <AccountMenu />
          </div>
        </div>
        <div className="flex items-center gap-2">
          {study}
          <div className="ml-auto">
            <ExportMenu className={HEADER_BUTTON} />
          </div>
        </div>
      </header>
    );
  }

  return (
    <header className="border-b border-slate-200 bg-white px-4" data-testid="map.header">
      {/* Both rows wrap rather than spill sideways in the moment before a phone's own header replaces this one. */}
      <div className="flex flex-wrap items-center gap-3 pb-1.5 pt-2.5">
        {/* The wordmark gives way to the map's title below 1280 px. */}
        <div className="shrink-0 max-xl:[&>a>span:last-child]:hidden">
          <AppLogo />
        </div>
        <div className="h-8 w-px shrink-0 bg-slate-200" aria-hidden />
        {title}
        <div className="flex shrink-0 items-center gap-3">
          <PresenceList />
          {classTasks}
          {share}
          <AccountMenu />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2 pb-2.5 pt-1" role="toolbar" aria-label="Map tools" data-testid="map.toolbar">
        {hasThesisStatus && (
          <>
            <ThesisBanner />
            <JudgeAsOf className={HEADER_BUTTON} />
            <ToolbarSeparator />
          </>
        )}
        {mainView && <MainViewSwitch mainView={mainView} onMainView={onMainView} />}
        <button
          type="button"
          className={HEADER_BUTTON}
          onClick={onToggleEssay}
          aria-pressed={essayOpen}
          aria-label={essayOpen ? 'Hide essay' : 'Show essay'}
          data-testid="map.toggle-essay"
        >
          {essayOpen ? <PanelLeftClose aria-hidden className="h-4 w-4" /> : <BookOpen aria-hidden className="h-4 w-4" />}
          <span className="hidden xl:inline">{essayOpen ? 'Hide essay' : 'Show essay'}</span>
        </button>
        <ToolbarSeparator />
        {study}
        <div className="ml-auto flex items-center gap-2">
          <ExportMenu className={HEADER_BUTTON} />
          <HistoryButton className={`${HEADER_BUTTON} max-2xl:hidden`} />
          <button type="button" className={`${HEADER_BUTTON} max-2xl:hidden`} disabled={tidyDisabled} title={tidyTitle} onClick={tidy} data-testid="map.tidy">
            <LayoutGrid aria-hidden className="h-4 w-4" /> Tidy layout
          </button>
          <button
            type="button"
            className={`${HEADER_BUTTON} max-2xl:hidden`}
            onClick={onShowShortcuts}
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
          >
            <Keyboard aria-hidden className="h-4 w-4" /> ?
          </button>
          {/* Below 1536 px history, tidy and shortcuts share one menu. */}
          <div className="2xl:hidden">
            <NarrowToolsMenu onShowShortcuts={onShowShortcuts} onTidy={tidy} tidyDisabled={tidyDisabled} />
          </div>
        </div>
      </div>
    </header>
  );
}

/** A thin rule between groups of the toolbar (hidden where the toolbar is tight). */
function ToolbarSeparator() {
  return <span aria-hidden className="mx-1 h-6 w-px shrink-0 bg-slate-200 max-lg:hidden" />;
}

const MAIN_VIEWS: { view: MainView; label: string; icon: typeof Network }[] = [
  { view: 'canvas', label: 'Canvas', icon: Network },
  { view: 'outline', label: 'Outline', icon: ListTree },
];

/** Canvas or outline in the main area (V switches); on phones the tab bar below the header does this. */
function MainViewSwitch({ mainView, onMainView }: { mainView: MainView; onMainView: (view: MainView) => void }) {
  return (
    <div
      className="inline-flex h-8 shrink-0 rounded-md border border-slate-200 bg-slate-100 p-0.5"
      role="group"
      aria-label="Main view (V)"
      data-testid="map.view-switch"
    >
      {MAIN_VIEWS.map(({ view, label, icon: Icon }) => (
        <button
          key={view}
          type="button"
          aria-pressed={mainView === view}
          onClick={() => onMainView(view)}
          title={`${label} (V)`}
          className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded px-2.5 text-sm font-medium ${mainView === view ? 'bg-white text-indigo-800 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}
          data-testid={`map.view-${view}`}
        >
          <Icon aria-hidden className="h-4 w-4" />
          <span className="hidden xl:inline">{label}</span>
          <span className="sr-only xl:hidden">{label}</span>
        </button>
      ))}
    </div>
  );
}

/** The phone's tab bar: outline, canvas and essay, each one tap away. */
function NarrowTabs({
  mainView,
  hasEssay,
  onMainView,
  onEssay,
}: {
  mainView: MainView | 'essay' | null;
  hasEssay: boolean;
  onMainView: (view: MainView) => void;
  onEssay: () => void;
}) {
  const tabs = [
    { id: 'outline', label: 'Outline', icon: ListTree, onClick: () => onMainView('outline') },
    { id: 'canvas', label: 'Canvas', icon: Network, onClick: () => onMainView('canvas') },
    ...(hasEssay ? [{ id: 'essay', label: 'Essay', icon: BookOpen, onClick: onEssay }] : []),
  ];
  return (
    <nav className="flex border-b border-slate-200 bg-white px-2" aria-label="Main view" data-testid="map.tabs">
      {tabs.map(({ id, label, icon: Icon, onClick }) => (
        <button
          key={id}
          type="button"
          aria-pressed={mainView === id}
          onClick={onClick}
          className={`-mb-px inline-flex flex-1 items-center justify-center gap-1.5 border-b-2 px-3 py-2.5 text-sm font-semibold ${
            mainView === id ? 'border-indigo-600 text-indigo-800' : 'border-transparent text-slate-600 hover:text-slate-900'
          }`}
          data-testid={`map.tab-${id}`}
        >
          <Icon aria-hidden className="h-4 w-4" /> {label}
        </button>
      ))}
    </nav>
  );
}

/** Opens or closes the history panel. */
function HistoryButton({ className }: { className: string }) {
  const open = useMapStore((s) => s.history !== null);
  const openHistory = useMapStore((s) => s.openHistory);
  const closeHistory = useMapStore((s) => s.closeHistory);
  const notify = useMapStore((s) => s.notify);
  return (
    <button
      type="button"
      className={`${className} ${open ? 'bg-indigo-50 text-indigo-800' : ''}`}
      aria-pressed={open}
      aria-label="History"
      title="History"
      onClick={() => (open ? closeHistory() : openHistory().catch((e: unknown) => notify({ tone: 'error', message: `History not loaded: ${messageOf(e)}` })))}
      data-testid="map.history"
    >
      <History aria-hidden className="h-4 w-4" /> History
    </button>
  );
}

const THESIS_SENTENCES: Record<Status, string> = {
  stands: 'The thesis stands',
  defeated: 'The thesis is defeated',
  contested: 'The thesis is contested',
  unsupported: 'The thesis is unsupported',
  later: 'The thesis is set aside',
};

/** Whether the thesis survives everything on the map, recomputed on every change and what-if. */
function ThesisBanner() {
  const evaluation = useMapStore((s) => s.evaluation);
  const assumed = useMapStore((s) => s.assumeRejected);
  const judgeAsOf = useMapStore((s) => s.judgeAsOf);
  const clearAssumptions = useMapStore((s) => s.clearAssumptions);
  const view = useMapStore((s) => s.view);
  const select = useMapStore((s) => s.select);
  const thesis = view.nodes.find((n) => n.kind === 'thesis');
  if (!thesis || !evaluation.thesis) return null;
  const style = STATUS_STYLES[evaluation.thesis];
  const Icon = style.icon;
  const why = explainStatus(view, evaluation, thesis.id, (id) => shorten(view.nodes.find((n) => n.id === id)?.text ?? '', 80));
  // Assuming a point rejected changes nothing while it is set aside as later: count the ones in effect.
  const inEffect = [...assumed].filter((id) => evaluation.nodes[id]?.status !== 'later').length;
  return (
    <div className="flex shrink-0 items-center gap-2">
      <button
        type="button"
        onClick={() => select({ type: 'node', id: thesis.id }, { focus: true })}
        className={`inline-flex h-8 shrink-0 items-center gap-2 whitespace-nowrap rounded-full px-3 text-sm font-semibold ring-1 ring-inset ${style.banner}`}
        title={why}
        data-testid="map.thesis-status"
        data-status={evaluation.thesis}
      >
        <Icon aria-hidden className="h-4 w-4" strokeWidth={3} />
        {/* Narrow headers get the short form. */}
        <span className="hidden xl:inline">{THESIS_SENTENCES[evaluation.thesis]}</span>
        <span className="xl:hidden">Thesis {evaluation.thesis}</span>
        {/* The month is said by the "as of …" control beside the banner, which reads on from it. */}
        {judgeAsOf && <span className="sr-only"> as of {monthLabel(judgeAsOf)}</span>}
        <span className="sr-only">. {why}</span>
      </button>
      {inEffect > 0 && (
        <span
          className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-amber-100 px-2.5 py-1 text-xs font-semibold text-amber-900"
          data-testid="map.what-if"
        >
          What-if: {inEffect} assumed rejected
          <button type="button" onClick={clearAssumptions} className="ml-1 rounded-full px-1 underline hover:bg-amber-200" data-testid="map.what-if-clear">
            clear
          </button>
        </span>
      )}
    </div>
  );
}

/**
 * O, S, R, U, E, Delete, Esc, G, / and ? on the selection — ignored while typing in a field. The
 * handler reads the store when the key is pressed, so a key pressed right after a click acts on
 * what was just selected.
 */
function useKeyboardShortcuts(showShortcuts: () => void) {
  const store = useContext(MapStoreContext)!;
  const requestDelete = useDeleteNode();
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], [role="alertdialog"], [role="menu"]')) return;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const { selection, composer, view, history, gapsOpen, openComposer, select, setGapsOpen, closeHistory } = store.getState();
      const role = view.viewer.role;
      if (event.key === '?') return showShortcuts();
      if (event.key === 'Escape') {
        // The innermost thing first: the open form, then the side panel on show, then the selection.
        if (composer) return openComposer(null);
        if (history) return closeHistory();
        if (gapsOpen) return setGapsOpen(false);
        return select(null);
      }
      if (event.key === 'g') return setGapsOpen(!gapsOpen);
      if (event.key === '/') {
        event.preventDefault();
        return document.querySelector<HTMLInputElement>('[data-testid="filter.search"]')?.focus();
      }
      if (!selection || history?.at != null) return;
      const key = event.key.toLowerCase();
      if (selection.type === 'inference') {
        if (key === 'u' && can(role, 'add')) openComposer({ mode: 'undercut', targetId: selection.id });
        return;
      }
      const node = view.nodes.find((n) => n.id === selection.id);
      if (!node) return;
      const allowed = new Set(actionsForNode(node, role).map((a) => a.mode));
      const mode = ({ o: 'object', s: 'support', r: 'rebut', e: 'edit' } as const)[key as 'o' | 's' | 'r' | 'e'];
      if (mode && allowed.has(mode)) {
        event.preventDefault();
        openComposer({ mode, targetId: node.id });
      } else if (
        (event.key === 'Delete' || event.key === 'Backspace') &&
        allowed.has('delete') &&
        (target === document.body || target?.closest('.react-flow'))
      ) {
        // Only from the canvas (or nothing focused): Backspace on a focused button must not delete.
        requestDelete(node.id);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, requestDelete, showShortcuts]);
}
