import { expect, test } from 'vitest';
import type { MapView } from '@/lib/argument/map-view';
import { createMapStore } from '@/components/map-store/map-store';
import { sameAccess, viewerAccessOf, type ViewerAccess } from '@/lib/protocol/access-protocol';

/**
 * The page's side of a role or policy change (components/map-store/map-store.ts, `applyAccess`):
 * what the live stream says replaces the viewer and policy the page loaded with.
 */
const CLASS_MAP = {
  map: { slug: 'access', title: 'Class', policy: 'invite', className: '', anonymous: false },
  viewer: { role: 'editor', name: 'Mina', signedIn: false, alias: null },
  nodes: [],
  inferences: [],
  conflicts: [],
  edges: [],
  lastEventId: 0,
} as unknown as MapView;

const mina = (role: ViewerAccess['role'], policy: ViewerAccess['policy'] = 'invite'): ViewerAccess => ({
  role,
  name: 'Mina',
  signedIn: false,
  alias: null,
  policy,
  anonymous: false,
});

test('the same access changes nothing', () => {
  const store = createMapStore(CLASS_MAP);
  const view = store.getState().view;
  expect(store.getState().applyAccess(mina('editor'))).toBe(false);
  expect(store.getState().view).toBe(view);
});

test('a new role or policy replaces the viewer and the policy; a composer the role may not use closes, its draft kept', () => {
  const store = createMapStore(CLASS_MAP);
  store.getState().openComposer({ mode: 'object', targetId: 'claim-1' });
  store.getState().setDraft('composer.object:claim-1|', 'Half an objection');

  expect(store.getState().applyAccess(mina('commenter'))).toBe(true);
  expect(store.getState().view.viewer).toEqual({ role: 'commenter', name: 'Mina', signedIn: false, alias: null });
  expect(store.getState().view.map.policy).toBe('invite');
  expect(store.getState().composer).toBeNull();
  expect(store.getState().drafts['composer.object:claim-1|']).toBe('Half an objection');

  // Back to editor: the composer stays open through a change that still allows it.
  store.getState().applyAccess(mina('editor'));
  store.getState().openComposer({ mode: 'support', targetId: 'claim-1' });
  expect(store.getState().applyAccess(mina('editor', 'open'))).toBe(true);
  expect(store.getState().view.map.policy).toBe('open');
  expect(store.getState().composer).toEqual({ mode: 'support', targetId: 'claim-1' });

  // Access taken away: no role left.
  store.getState().applyAccess({ role: null, name: null, signedIn: false, alias: null, policy: 'invite', anonymous: false });
  expect(store.getState().view.viewer).toEqual({ role: null, name: null, signedIn: false, alias: null });
  expect(store.getState().composer).toBeNull();
});

test('the server builds the same fields the map view answers as viewer, and nothing else', () => {
  const access = viewerAccessOf({ role: 'commenter', policy: 'invite', identity: { kind: 'member', name: 'Mina' } });
  expect(Object.keys(access).sort()).toEqual(['alias', 'anonymous', 'name', 'policy', 'role', 'signedIn']);
  expect(sameAccess(access, mina('commenter'))).toBe(true);
  expect(viewerAccessOf({ role: 'viewer', policy: 'read-only', identity: { kind: 'anonymous' } })).toEqual({
    role: 'viewer',
    name: null,
    signedIn: false,
    alias: null,
    policy: 'read-only',
    anonymous: false,
  });
  expect(viewerAccessOf({ role: 'owner', policy: 'invite', identity: { kind: 'user', name: 'ms-rivera' } })).toEqual({
    role: 'owner',
    name: 'ms-rivera',
    signedIn: true,
    alias: null,
    policy: 'invite',
    anonymous: false,
  });
  // A student on an anonymous map is told how classmates see them; a change of either is a change of access.
  const student = viewerAccessOf({ role: 'editor', policy: 'invite', anonymous: true, identity: { kind: 'member', name: 'Mina' } }, 'Student 2');
  expect(student).toEqual({ role: 'editor', name: 'Mina', signedIn: false, alias: 'Student 2', policy: 'invite', anonymous: true });
  expect(sameAccess(student, { ...student, anonymous: false, alias: null })).toBe(false);
});
