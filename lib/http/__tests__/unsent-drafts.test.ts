import { afterEach, expect, test, vi } from 'vitest';
import type { MapView } from '@/lib/argument/map-view';
import { composerDraftKey, createMapStore, draftKey, storedOpenComposer, unsentDrafts, type DraftSource } from '@/components/map-store/map-store';
import { leaveQuestion } from '@/components/map-workspace/use-draft-restore';
import { clearNewMapDraft, hasWords, keepNewMapDraft, storedNewMapDraft } from '@/components/documents/new-map-draft';

/**
 * Unsent words survive a reload and are asked about on leaving (issue 11): which drafts count as
 * unsent, how they and the open composer are kept in the tab's session storage, and the question put.
 */
const EMPTY_MAP = { map: { slug: 'drafts' }, nodes: [], inferences: [], conflicts: [], edges: [], lastEventId: 0 } as unknown as MapView;

/** A tab's session storage, for the store to keep drafts in. */
function stubSessionStorage(): Map<string, string> {
  const items = new Map<string, string>();
  vi.stubGlobal('window', {
    sessionStorage: {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    },
  });
  return items;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const QUESTION_PROMPT = 'The example is not typical: …';
const raised: DraftSource = {
  composer: { mode: 'undercut', targetId: 'i1', question: 'example.cq3', prefill: QUESTION_PROMPT },
  selection: { type: 'inference', id: 'i1' },
  start: QUESTION_PROMPT,
};

test.each([
  { text: '', unsent: false, why: 'empty' },
  { text: ' \n\t', unsent: false, why: 'only spaces' },
  { text: QUESTION_PROMPT, unsent: false, why: 'the prompt as it was given' },
  { text: `  ${QUESTION_PROMPT}\n`, unsent: false, why: 'the prompt with spaces around it' },
  { text: 'The example is not typical: one summit is not a policy.', unsent: true, why: 'the prompt finished' },
  { text: 'Talks rewarded defiance.', unsent: true, why: 'words of their own' },
])('a draft that is $why is unsent: $unsent', ({ text, unsent }) => {
  const key = composerDraftKey(raised.composer);
  expect(unsentDrafts({ drafts: { [key]: text }, draftSources: { [key]: raised } })).toEqual(unsent ? [key] : []);
});

test('a comment draft (no source) is unsent once it holds words', () => {
  expect(unsentDrafts({ drafts: { 'comment.new:n1': 'Good point', 'comment.new:n2': '  ' }, draftSources: {} })).toEqual(['comment.new:n1']);
});

test('a composer key names its action, target and question', () => {
  expect(composerDraftKey({ mode: 'object', targetId: 'n1' })).toBe('composer.object:n1|');
  expect(composerDraftKey(raised.composer)).toBe('composer.undercut:i1|example.cq3');
  expect(composerDraftKey({ mode: 'object', targetId: 'n1' })).toBe(draftKey('composer.object', 'n1|'));
});

test('drafts, their composers and the open composer are kept in session storage: a new page (a reload) has them back', () => {
  const storage = stubSessionStorage();
  const key = composerDraftKey(raised.composer);
  const page = createMapStore(EMPTY_MAP);
  page.getState().openComposer(raised.composer);
  page.getState().setDraft(key, 'The example is not typical: one summit', raised);
  page.getState().setDraft('comment.new:n1', 'Source?');
  expect(storage.has('argmap.drafts.drafts')).toBe(true);

  const reloaded = createMapStore(EMPTY_MAP);
  expect(reloaded.getState().drafts).toEqual({ [key]: 'The example is not typical: one summit', 'comment.new:n1': 'Source?' });
  expect(reloaded.getState().draftSources).toEqual({ [key]: raised });
  expect(storedOpenComposer('drafts')).toBe(key);

  // Closed and sent: nothing is left to restore.
  reloaded.getState().openComposer(null);
  reloaded.getState().setDraft(key, null);
  reloaded.getState().setDraft('comment.new:n1', null);
  expect(storedOpenComposer('drafts')).toBeNull();
  expect(storage.has('argmap.drafts.drafts')).toBe(false);
  expect(createMapStore(EMPTY_MAP).getState().draftSources).toEqual({});
});

test('storage holding something else (an older page, a hand edit) gives no drafts rather than an error', () => {
  const storage = stubSessionStorage();
  for (const junk of ['{"composer.object:n1|":"old flat form"}', 'not json', 'null', '{"texts":{"a":1},"sources":{"a":{}}}']) {
    storage.set('argmap.drafts.drafts', junk);
    expect(createMapStore(EMPTY_MAP).getState().drafts).toEqual({});
  }
  storage.set('argmap.drafts.drafts', JSON.stringify({ texts: { k: 'words' }, sources: { k: { start: 1 } } }));
  expect(createMapStore(EMPTY_MAP).getState()).toMatchObject({ drafts: { k: 'words' }, draftSources: {} });
});

test.each([
  { unsent: [], question: null },
  { unsent: ['composer.object:n1|'], question: 'Your objection is not sent yet. Leave this page? It is kept in this tab for when you come back.' },
  { unsent: ['comment.new:n1'], question: 'Your comment is not sent yet. Leave this page? It is kept in this tab for when you come back.' },
  {
    unsent: ['composer.support:n1|', 'comment.edit:c1'],
    question: '2 drafts are not sent yet. Leave this page? They are kept in this tab for when you come back.',
  },
])('leaving with $unsent.length unsent drafts asks: $question', ({ unsent, question }) => {
  expect(leaveQuestion(unsent)).toBe(question);
});

test('/new keeps its fields while they hold words, and forgets them when cleared', () => {
  const storage = stubSessionStorage();
  const empty = { title: '', author: '', source: '', published: '', text: '', fileName: null };
  expect(hasWords({ ...empty, title: '  ' })).toBe(false);
  keepNewMapDraft({ ...empty, title: '  ' });
  expect(storage.size).toBe(0);
  const typed = { ...empty, title: 'Why Our Town Needs a Library', published: '2024-03', text: 'We should build one.', fileName: 'library.md' };
  keepNewMapDraft(typed);
  expect(storedNewMapDraft()).toEqual(typed);
  clearNewMapDraft();
  expect(storedNewMapDraft()).toBeNull();
});
