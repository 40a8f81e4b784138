'use client';

import { createContext, useContext } from 'react';
import { createStore, useStore } from 'zustand';
import { evaluate, type Evaluation } from '@/lib/argument/evaluation';
import { graphBefore, type HistoryEvent } from '@/lib/argument/history';
import { flatEdges } from '@/lib/argument/model';
import type { PageLayouts } from '@/lib/argument/layout';
import type { StudyCounts } from '@/lib/argument/study-counts';
import type { MapView } from '@/lib/argument/map-view';
import type { NodeKind, Quote, Relation, RetypableKind } from '@/lib/argument/model';
import { EMPTY_FILTER, type NodeFilter } from '@/lib/argument/filter';
import { can } from '@/lib/auth/permissions';
import { sameAccess, viewerAccessOfView, type ViewerAccess } from '@/lib/protocol/access-protocol';
import { getHistory } from '@/lib/api-client/history';
import { getMap } from '@/lib/api-client/maps';
import {
  createConnection,
  createNode,
  deleteNode,
  restoreDeletion,
  savePositions,
  updateInference,
  updateNode,
  type InferenceUpdate,
} from '@/lib/api-client/nodes';
import type { ConnectionState } from './live-connection';

/** What is selected, in every view at once: a statement or an inference (a step of reasoning). */
export type Selection = { type: 'node'; id: string } | { type: 'inference'; id: string } | null;

/** The actions the composer offers; each decides the kind and relation of what is added. */
export type ComposerMode = 'object' | 'support' | 'rebut' | 'undercut' | 'linked' | 'edit';

export interface Composer {
  mode: ComposerMode;
  /** The node or inference the new point attaches to (or the node being edited). */
  targetId: string;
  /** When raising a critical question: its id (`"<scheme>.<cq>"`), stored with the objection. */
  question?: string;
  /** That question in the words of its step, as the inspector asked it (`QuestionStatus.text`). */
  questionText?: string;
  /** Text to start the form with (a critical question's objection prompt). */
  prefill?: string;
  /** Other targets the person may choose instead (the premises a question may be aimed at). */
  targetChoices?: string[];
}

/**
 * A message at the foot of the page. One shows at a time — the newest — with a count of the others
 * still live, which the person can step back through; each goes by itself after a few seconds
 * (`NOTICE_MS`), or when dismissed.
 */
export interface Notice {
  id: number;
  tone: 'info' | 'error';
  message: string;
  /** A delete that can be undone from the notice. */
  undoDeletionId?: string;
  /** A point the notice is about: it offers "Show", which selects the point and brings it into view. */
  show?: { type: 'node'; id: string };
}

/** How long a notice stays, in milliseconds: longer when it offers Undo. */
export const NOTICE_MS = { plain: 6_000, undo: 12_000 } as const;

/** At most this many notices are kept (the oldest go first); one is on screen, the rest counted. */
export const NOTICES_MAX = 5;

/**
 * Which of the live notices is on screen: the one the person stepped back to (`pickedId`), or the
 * newest when none is picked or it has gone; how many others are live; and which one "+N" shows
 * next — the one before, and from the oldest round to the newest again.
 */
export function noticeOnScreen(
  notices: readonly Notice[],
  pickedId: number | null,
): { notice: Notice | undefined; others: number; nextId: number | undefined } {
  const picked = notices.findIndex((n) => n.id === pickedId);
  const index = picked === -1 ? notices.length - 1 : picked;
  const others = Math.max(0, notices.length - 1);
  const next = others > 0 ? notices[(index - 1 + notices.length) % notices.length] : undefined;
  return { notice: notices[index], others, nextId: next?.id };
}

export interface MapState {
  view: MapView;
  /**
   * What the server worked out for the page, of `view` as the page came with it: the layouts of the
   * whole map and its main reasons (`lib/layout/server-layout.ts`; the canvas draws from them while
   * the cards fit) and the header's study figures (see `useStudyCounts`).
   */
  page: { view: MapView; layouts: PageLayouts; counts: StudyCounts | null };
  /** The evaluation of `view` under this viewer's what-if assumptions; recomputed on every change. */
  evaluation: Evaluation;
  /** Nodes this viewer assumes are rejected ("what if?"); never saved. */
  assumeRejected: ReadonlySet<string>;
  /** The month the map is judged as of ("Judge as of"); null: today, with everything on it. */
  judgeAsOf: string | null;
  /** Bumped by each `tasks.updated` event the live stream brings: a student's page reads the class's tasks again then, and only then. */
  tasksChanged: number;
  noteTasksChanged: () => void;
  /** The teacher's Class panel is open: kept here, as the header is drawn anew when the screen crosses the phone width. */
  classPanelOpen: boolean;
  setClassPanelOpen: (open: boolean) => void;
  /** The owner's Share dialog is open; null until opened or closed here (then the page's `?share` decides). */
  shareOpen: boolean | null;
  setShareOpen: (open: boolean) => void;
  selection: Selection;
  /** Bumped when a view asks the canvas to bring the selection into view. */
  focusRequest: number;
  composer: Composer | null;
  /** Words selected in the essay panel, offered as the quote of the next point added. */
  essaySelection: Quote | null;
  /** The live notices, oldest first (at most `NOTICES_MAX`); the page shows one at a time. */
  notices: Notice[];
  /** Incremented to make the canvas re-run the automatic layout for every node. */
  layoutRequest: number;
  /** Who else is on the map now (from the live stream). */
  presence: { name: string; clientId: string }[];
  /** Points someone else just added, with their author's name; shown briefly on the canvas. */
  highlights: Record<string, string>;
  /** Whether this page reaches the server (the one source of truth for the header's Live / Offline). */
  connection: ConnectionState;
  /**
   * Unsent text of the forms on this page, by form (see `draftKey`): kept when a send fails or the
   * form closes, dropped once sent.
   */
  drafts: Record<string, string>;
  /** For a composer's draft: the composer it was typed in, to reopen it (see `DraftSource`). */
  draftSources: Record<string, DraftSource>;
  /**
   * The history panel: the newest events (newest first) and the moment shown — `null` for now, or
   * the id of the last event included. While a past moment is shown, `view` is that past (read-only)
   * and `liveView` holds the present.
   */
  history: { events: HistoryEvent[]; at: number | null } | null;
  liveView: MapView | null;
  /** A delete waiting for the person to confirm, because other points depend on the node. */
  pendingDelete: { nodeId: string; dependents: string[] } | null;
  /** What the canvas and outline single out (everything else is dimmed). */
  filter: NodeFilter;
  /** Study mode: the gaps panel is open in place of the inspector. */
  gapsOpen: boolean;
  /** A stretch of the essay to scroll to and flash (e.g. an unquoted sentence picked in the gaps panel). */
  essayReveal: { start: number; end: number; request: number } | null;

  select(selection: Selection, options?: { focus?: boolean }): void;
  toggleAssumeRejected(nodeId: string): void;
  clearAssumptions(): void;
  /** Judge the map as of a month (points dated later are set aside), or null for today. */
  setJudgeAsOf(month: string | null): void;
  openComposer(composer: Composer | null): void;
  setPendingDelete(pending: MapState['pendingDelete']): void;
  setPresence(presence: MapState['presence']): void;
  setConnection(connection: ConnectionState): void;
  /**
   * Puts what the server now says about this viewer (role, name, the map's policy — from the live
   * stream) in place of what the page loaded with, so every role-gated control follows at once; a
   * composer the new role may not use closes (its draft is kept). False when nothing changed.
   */
  applyAccess(access: ViewerAccess): boolean;
  /** Keeps (or, with `null`, drops) the draft of form `key`; a composer says where it was typed. */
  setDraft(key: string, text: string | null, source?: DraftSource): void;
  /** Marks points added by someone else, for a few seconds. */
  highlight(nodeId: string, author: string): void;
  openHistory(): Promise<void>;
  closeHistory(): void;
  /** Shows the map as it was right after event `eventId` (read-only), or now with `null`. */
  replayTo(eventId: number | null): void;
  setEssaySelection(quote: Quote | null): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismissNotice(id: number): void;
  refresh(): Promise<void>;
  addNode(input: AddNodeInput): Promise<{ id: string }>;
  editNode(id: string, text: string, version: number): Promise<void>;
  setScheme(inferenceId: string, scheme: InferenceUpdate['scheme']): Promise<void>;
  deleteNode(id: string): Promise<void>;
  undoDelete(deletionId: string): Promise<void>;
  savePosition(id: string, position: { x: number; y: number }): Promise<void>;
  /** Connects two points already on the map (a drag on the canvas, or the Connect form). */
  connect(from: string, to: string, relation: Relation): Promise<void>;
  /** Changes a point's kind; making it the thesis makes the old thesis a claim. */
  setKind(id: string, kind: RetypableKind): Promise<void>;
  setFilter(change: Partial<NodeFilter>): void;
  setGapsOpen(open: boolean): void;
  revealInEssay(span: { start: number; end: number }): void;
  tidyLayout(): Promise<void>;
}

export interface AddNodeInput {
  kind: NodeKind;
  text: string;
  /** With `relation`: what the new point supports or attacks; without both, it is placed unconnected. */
  target?: string;
  relation?: Relation;
  quote?: { start: number; end: number };
  implicit?: boolean;
  /** When the facts it relies on were known, `YYYY-MM`. */
  asOf?: string;
  author?: string;
  question?: string;
}

let noticeIds = 0;

/** At most this many forms' drafts are kept per map (the oldest go first). */
export const DRAFTS_MAX = 50;

/**
 * Where a composer's draft was typed, so the composer can be reopened as it was — after a reload,
 * Back/Forward, or from the "unsent" offer on its point.
 */
export interface DraftSource {
  composer: Composer;
  /** What was selected when the composer opened (a critical question's objection opens on its step). */
  selection: NonNullable<Selection>;
  /** The text the form started with — a question's prompt, the point's own words when editing: not words of the person's. */
  start: string;
  /** When editing: the version of the point the edit started from. */
  baseVersion?: number;
}

/**
 * Drafts live in the tab's session storage too (`{ texts, sources }`), so a reload, Back/Forward
 * or the page's own recovery keeps them; so does which composer was open (`argmap.composer.<slug>`).
 */
const draftsStorageKey = (slug: string) => `argmap.drafts.${slug}`;
const openComposerStorageKey = (slug: string) => `argmap.composer.${slug}`;

type StoredDrafts = Pick<MapState, 'drafts' | 'draftSources'>;

function storedDrafts(slug: string): StoredDrafts {
  const none = { drafts: {}, draftSources: {} };
  if (typeof window === 'undefined') return none;
  try {
    const stored: unknown = JSON.parse(window.sessionStorage.getItem(draftsStorageKey(slug)) ?? '{}');
    if (typeof stored !== 'object' || stored === null) return none;
    const { texts, sources } = stored as { texts?: unknown; sources?: unknown };
    if (typeof texts !== 'object' || texts === null) return none;
    const entries = Object.entries(texts).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    const drafts = Object.fromEntries(entries.slice(-DRAFTS_MAX));
    const draftSources: Record<string, DraftSource> = {};
    for (const [key, source] of Object.entries(typeof sources === 'object' && sources !== null ? sources : {})) {
      if (key in drafts && isDraftSource(source)) draftSources[key] = source;
    }
    return { drafts, draftSources };
  } catch {
    return none;
  }
}

function isDraftSource(value: unknown): value is DraftSource {
  const source = value as Partial<DraftSource> | null;
  return (
    typeof source === 'object' &&
    source !== null &&
    typeof source.start === 'string' &&
    typeof source.composer?.mode === 'string' &&
    typeof source.composer.targetId === 'string' &&
    (source.selection?.type === 'node' || source.selection?.type === 'inference') &&
    typeof source.selection.id === 'string'
  );
}

function keepDrafts(slug: string, { drafts, draftSources }: StoredDrafts): void {
  try {
    if (Object.keys(drafts).length === 0) window.sessionStorage.removeItem(draftsStorageKey(slug));
    else window.sessionStorage.setItem(draftsStorageKey(slug), JSON.stringify({ texts: drafts, sources: draftSources }));
  } catch {
    // Storage full or refused (private windows): the drafts still live in the page.
  }
}

/** Remembers which composer is open (its draft key), or that none is. */
function keepOpenComposer(slug: string, composer: Composer | null): void {
  try {
    if (composer) window.sessionStorage.setItem(openComposerStorageKey(slug), composerDraftKey(composer));
    else window.sessionStorage.removeItem(openComposerStorageKey(slug));
  } catch {
    // As above: only a reload would forget it.
  }
}

/** The draft key of the composer that was open when this map's page was last left (in this tab), if any. */
export function storedOpenComposer(slug: string): string | null {
  try {
    return window.sessionStorage.getItem(openComposerStorageKey(slug));
  } catch {
    return null;
  }
}

/** How long a point someone else added stays highlighted. */
const HIGHLIGHT_MS = 6_000;

export function createMapStore(initial: MapView, judgeAsOf: string | null = null, pageLayouts: PageLayouts = {}, pageCounts: StudyCounts | null = null) {
  const slug = initial.map.slug;
  return createStore<MapState>()((set, get) => ({
    view: initial,
    page: { view: initial, layouts: pageLayouts, counts: pageCounts },
    evaluation: evaluate(initial, { asOf: judgeAsOf }),
    judgeAsOf,
    assumeRejected: new Set<string>(),
    selection: null,
    focusRequest: 0,
    composer: null,
    essaySelection: null,
    notices: [],
    layoutRequest: 0,
    pendingDelete: null,
    filter: EMPTY_FILTER,
    gapsOpen: false,
    essayReveal: null,
    presence: [],
    tasksChanged: 0,
    classPanelOpen: false,
    shareOpen: null,
    highlights: {},
    connection: 'reconnecting',
    ...storedDrafts(slug),
    history: null,
    liveView: null,

    select(selection, options) {
      set((s) => ({ selection, focusRequest: options?.focus ? s.focusRequest + 1 : s.focusRequest }));
    },
    toggleAssumeRejected(nodeId) {
      set((s) => {
        const assumeRejected = new Set(s.assumeRejected);
        if (!assumeRejected.delete(nodeId)) assumeRejected.add(nodeId);
        return { assumeRejected, evaluation: evaluate(s.view, { assumeRejected, asOf: s.judgeAsOf }) };
      });
    },
    clearAssumptions() {
      set((s) => ({ assumeRejected: new Set<string>(), evaluation: evaluate(s.view, { asOf: s.judgeAsOf }) }));
    },
    setJudgeAsOf(judgeAsOf) {
      set((s) => ({ judgeAsOf, evaluation: evaluate(s.view, { assumeRejected: s.assumeRejected, asOf: judgeAsOf }) }));
    },
    openComposer(composer) {
      set({ composer });
      keepOpenComposer(slug, composer);
    },
    setPendingDelete(pendingDelete) {
      set({ pendingDelete });
    },
    setPresence(presence) {
      set({ presence });
    },
    noteTasksChanged() {
      set((s) => ({ tasksChanged: s.tasksChanged + 1 }));
    },
    setClassPanelOpen(classPanelOpen) {
      set({ classPanelOpen });
    },
    setShareOpen(shareOpen) {
      set({ shareOpen });
    },
    setConnection(connection) {
      set({ connection });
    },
    applyAccess(access) {
      const { view, liveView } = get();
      if (sameAccess(viewerAccessOfView(liveView ?? view), access)) return false;
      const { policy, anonymous, ...viewer } = access;
      const withAccess = (v: MapView): MapView => ({ ...v, viewer, map: { ...v.map, policy, anonymous } });
      const mayAdd = can(access.role, 'add');
      set((s) => ({
        view: withAccess(s.view),
        liveView: s.liveView && withAccess(s.liveView),
        composer: mayAdd ? s.composer : null,
        pendingDelete: mayAdd ? s.pendingDelete : null,
      }));
      return true;
    },
    setDraft(key, text, source) {
      set((s) => {
        const drafts = { ...s.drafts };
        const draftSources = { ...s.draftSources };
        delete drafts[key];
        delete draftSources[key];
        if (text !== null) drafts[key] = text;
        if (text !== null && source) draftSources[key] = source;
        // The newest last: past the cap, the oldest drafts go.
        for (const old of Object.keys(drafts).slice(0, -DRAFTS_MAX)) {
          delete drafts[old];
          delete draftSources[old];
        }
        return { drafts, draftSources };
      });
      keepDrafts(slug, get());
    },
    highlight(nodeId, author) {
      set((s) => ({ highlights: { ...s.highlights, [nodeId]: author } }));
      setTimeout(() => {
        set((s) => {
          const highlights = { ...s.highlights };
          delete highlights[nodeId];
          return { highlights };
        });
      }, HIGHLIGHT_MS);
    },
    setEssaySelection(quote) {
      set({ essaySelection: quote });
    },
    notify(notice) {
      const id = ++noticeIds;
      set((s) => ({ notices: [...s.notices.slice(1 - NOTICES_MAX), { ...notice, id }] }));
      // A notice that offers something to do (Undo, Show) stays long enough to do it.
      setTimeout(() => get().dismissNotice(id), notice.undoDeletionId || notice.show ? NOTICE_MS.undo : NOTICE_MS.plain);
    },
    dismissNotice(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
    async openHistory() {
      const { events } = await getHistory(slug);
      set({ history: { events, at: null }, composer: null, gapsOpen: false });
    },
    closeHistory() {
      get().replayTo(null);
      set({ history: null });
    },
    replayTo(eventId) {
      const { history, liveView, view } = get();
      if (!history) return;
      const present = liveView ?? view;
      if (eventId === null) {
        set({
          history: { ...history, at: null },
          view: present,
          liveView: null,
          evaluation: evaluate(present, { assumeRejected: get().assumeRejected, asOf: get().judgeAsOf }),
        });
        return;
      }
      const past = pastView(
        present,
        history.events.filter((e) => e.id > eventId),
      );
      set({
        history: { ...history, at: eventId },
        liveView: present,
        view: past,
        composer: null,
        evaluation: evaluate(past, { assumeRejected: get().assumeRejected, asOf: get().judgeAsOf }),
      });
    },
    async refresh() {
      if (get().history?.at != null) {
        // Showing the past: keep it, but roll back from the newest present (and its newest events).
        const [present, { events }] = await Promise.all([getMap(slug), getHistory(slug)]);
        const at = get().history!.at!;
        const past = pastView(
          present,
          events.filter((e) => e.id > at),
        );
        set((s) => ({
          liveView: present,
          history: { events, at },
          view: past,
          evaluation: evaluate(past, { assumeRejected: s.assumeRejected, asOf: s.judgeAsOf }),
        }));
        return;
      }
      const view = await getMap(slug);
      if (get().history) {
        const { events } = await getHistory(slug);
        set((s) => ({ history: s.history ? { ...s.history, events } : null }));
      }
      set((s) => {
        const selection = s.selection && stillThere(view, s.selection) ? s.selection : null;
        const live = new Set(view.nodes.map((n) => n.id));
        const assumeRejected = new Set([...s.assumeRejected].filter((id) => live.has(id)));
        return { view, selection, assumeRejected, evaluation: evaluate(view, { assumeRejected, asOf: s.judgeAsOf }) };
      });
    },
    async addNode(input) {
      const { node } = await createNode(slug, input);
      await get().refresh();
      set((s) => ({ selection: { type: 'node', id: node.id }, focusRequest: s.focusRequest + 1, composer: null, essaySelection: null }));
      return node;
    },
    async setScheme(inferenceId, scheme) {
      await updateInference(slug, inferenceId, { scheme });
      await get().refresh();
    },
    async editNode(id, text, version) {
      await updateNode(slug, id, { text, version });
      await get().refresh();
      // The edited card may have grown: bring it into view (the canvas's camera rule).
      set((s) => ({ composer: null, focusRequest: s.selection?.type === 'node' && s.selection.id === id ? s.focusRequest + 1 : s.focusRequest }));
    },
    async deleteNode(id) {
      const { deletionId, removed } = await deleteNode(slug, id);
      await get().refresh();
      get().notify({
        tone: 'info',
        message: removed.length > 1 ? `Deleted the point and ${removed.length - 1} that depended on it.` : 'Deleted the point.',
        undoDeletionId: deletionId,
      });
    },
    async undoDelete(deletionId) {
      await restoreDeletion(slug, deletionId);
      await get().refresh();
      get().notify({ tone: 'info', message: 'Restored.' });
    },
    async savePosition(id, position) {
      // Show the move at once; the server keeps it for the next visit.
      set((s) => ({
        view: { ...s.view, nodes: s.view.nodes.map((n) => (n.id === id ? { ...n, position } : n)) },
      }));
      try {
        await updateNode(slug, id, { position });
      } catch (error) {
        get().notify({ tone: 'error', message: `The new position was not saved: ${messageOf(error)}` });
      }
    },
    async connect(from, to, relation) {
      await createConnection(slug, { from, to, relation });
      await get().refresh();
      set((s) => ({ selection: { type: 'node', id: from }, focusRequest: s.focusRequest + 1 }));
    },
    async setKind(id, kind) {
      await updateNode(slug, id, { kind });
      await get().refresh();
    },
    setFilter(change) {
      set((s) => ({ filter: { ...s.filter, ...change } }));
    },
    revealInEssay(span) {
      set((s) => ({ essayReveal: { ...span, request: (s.essayReveal?.request ?? 0) + 1 }, selection: null }));
    },
    setGapsOpen(gapsOpen) {
      if (gapsOpen && get().history) get().closeHistory();
      set({ gapsOpen });
    },
    async tidyLayout() {
      const pinned = get().view.nodes.filter((n) => n.position !== null);
      if (pinned.length > 0) {
        const positions = Object.fromEntries(pinned.map((n) => [n.id, null]));
        await savePositions(slug, { positions });
        set((s) => ({ view: { ...s.view, nodes: s.view.nodes.map((n) => ({ ...n, position: null })) } }));
      }
      set((s) => ({ layoutRequest: s.layoutRequest + 1 }));
    },
  }));
}

/** The map as it was before `later` (newer events): the argument rolled back, evaluated again. */
function pastView(present: MapView, later: HistoryEvent[]): MapView {
  const graph = graphBefore(present, later);
  const evaluation = evaluate(graph);
  return {
    ...present,
    nodes: graph.nodes.map((n) => ({ ...n, position: null, status: evaluation.nodes[n.id].status, own: false })),
    inferences: graph.inferences,
    conflicts: graph.conflicts,
    edges: flatEdges(graph),
    evaluation: { thesis: evaluation.thesis, asOf: evaluation.asOf },
    // Ratings and comments are today's; the past view shows the argument only.
    ratings: {},
    commentCounts: {},
  };
}

function stillThere(view: MapView, selection: NonNullable<Selection>): boolean {
  return selection.type === 'node' ? view.nodes.some((n) => n.id === selection.id) : view.inferences.some((i) => i.id === selection.id);
}

/**
 * The key a form keeps its draft under: which form (`composer.object`, `comment.new`, …) and what
 * it is about (the target node, the comment).
 */
export function draftKey(form: string, subject: string): string {
  return `${form}:${subject}`;
}

/** The key of a composer's draft: one per action, target and critical question. */
export function composerDraftKey(composer: Pick<Composer, 'mode' | 'targetId' | 'question'>): string {
  return draftKey(`composer.${composer.mode}`, `${composer.targetId}|${composer.question ?? ''}`);
}

/**
 * The drafts holding words the person would lose: not blank, and not just the text their form
 * started with (a question's prompt, an edited point's own words), compared without the spaces around.
 */
export function unsentDrafts({ drafts, draftSources }: StoredDrafts): string[] {
  return Object.keys(drafts).filter((key) => {
    const text = drafts[key].trim();
    return text !== '' && text !== (draftSources[key]?.start ?? '').trim();
  });
}

/** What a draft is, in words: "objection", "comment", … (from its `draftKey`). */
export function draftNoun(key: string): string {
  const form = key.slice(0, key.indexOf(':'));
  return DRAFT_NOUNS[form] ?? 'text';
}

const DRAFT_NOUNS: Record<string, string> = {
  'composer.object': 'objection',
  'composer.support': 'reason',
  'composer.rebut': 'rebuttal',
  'composer.undercut': 'undercut',
  'composer.linked': 'premise',
  'composer.edit': 'edit',
  'comment.new': 'comment',
  'comment.edit': 'edit to a comment',
};

/** What an error says to the person: an API refusal's message (`ApiError` is an `Error`), any other error's, or a generic line. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export type MapStore = ReturnType<typeof createMapStore>;
export const MapStoreContext = createContext<MapStore | null>(null);

/** Reads from the map store of the surrounding workspace; pass a selector to re-render only on what it reads. */
export function useMapStore<T>(selector: (state: MapState) => T): T {
  const store = useContext(MapStoreContext);
  if (!store) throw new Error('useMapStore must be used inside <MapWorkspace>.');
  return useStore(store, selector);
}
