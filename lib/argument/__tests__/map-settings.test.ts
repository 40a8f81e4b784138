import { describe, expect, test } from 'vitest';
import type { Policy, Role } from '../../auth/permissions';
import { canRenameOrArchive, decideMapSettings, type MapSettingsFacts, type MapSettingsRequest, type SettingsAsker } from '../map-settings';

/** The rules of a map's settings, decided on its row alone: no database (lib/argument/map-settings.ts). */
const who = (role: Role | null, policy: Policy = 'invite'): SettingsAsker => ({ role, policy });
const NOW = new Date('2026-03-10T12:00:00.000Z');
const EARLIER = new Date('2026-01-01T00:00:00.000Z');
const classCopy: MapSettingsFacts = { title: 'Period 3', archivedAt: null, policy: 'invite', anonymous: false, hasOwner: true };
const demo: MapSettingsFacts = { title: 'Demo', archivedAt: null, policy: 'open', anonymous: false, hasOwner: false };

describe('canRenameOrArchive', () => {
  test.each<[string, Role | null, Policy, boolean, boolean]>([
    ['the owner of an owned map', 'owner', 'invite', true, true],
    ['an editor of an owned open map', 'editor', 'open', true, false],
    ['an editor of an ownerless open map', 'editor', 'open', false, true],
    ['a commenter of an ownerless open map', 'commenter', 'open', false, false],
    ['an editor of an ownerless invite-only map', 'editor', 'invite', false, false],
    ['nobody', null, 'open', false, false],
  ])('%s', (_name, role, policy, hasOwner, expected) => {
    expect(canRenameOrArchive({ role, policy }, hasOwner)).toBe(expected);
  });
});

describe('decideMapSettings: who may', () => {
  test.each<[string, MapSettingsRequest, MapSettingsFacts | undefined, SettingsAsker, string]>([
    ['no such map', { title: 'X' }, undefined, who('owner'), 'not_found: There is no such map.'],
    ['a rename by the owner', { title: 'X' }, classCopy, who('owner'), 'ok'],
    ['a rename by an editor of a class copy', { title: 'X' }, classCopy, who('editor'), 'lacks manage'],
    ['an archive by an editor of the demo map', { archived: true }, demo, who('editor', 'open'), 'ok'],
    ['a policy by an editor of the demo map', { policy: 'read-only' }, demo, who('editor', 'open'), 'lacks manage'],
    ['anonymity by an editor of the demo map, with a rename', { title: 'X', anonymous: true }, demo, who('editor', 'open'), 'lacks manage'],
    ['a policy by the owner', { policy: 'open' }, classCopy, who('owner'), 'ok'],
    ['a rename by someone who is nobody here', { title: 'X' }, classCopy, who(null), 'lacks manage'],
  ])('%s', (_name, request, map, asker, expected) => {
    const decision = decideMapSettings(request, map, asker, NOW);
    expect(decision.ok ? 'ok' : 'lacks' in decision ? `lacks ${decision.lacks}` : `${decision.refusal.code}: ${decision.refusal.message}`).toBe(expected);
  });
});

describe('decideMapSettings: what changes and what is logged', () => {
  const logged = (title: string, archived: boolean, anonymous: boolean) => ({ title, archived, anonymous });
  test.each<[string, MapSettingsRequest, MapSettingsFacts, unknown, unknown]>([
    [
      'a rename',
      { title: 'Period 4' },
      classCopy,
      { ...classCopy, title: 'Period 4', hasOwner: undefined },
      { map: logged('Period 4', false, false), before: logged('Period 3', false, false) },
    ],
    ['the same title: nothing logged', { title: 'Period 3' }, classCopy, { ...classCopy, hasOwner: undefined }, null],
    [
      'archived now',
      { archived: true },
      classCopy,
      { ...classCopy, archivedAt: NOW, hasOwner: undefined },
      { map: logged('Period 3', true, false), before: logged('Period 3', false, false) },
    ],
    [
      'archived again: keeps when, nothing logged',
      { archived: true },
      { ...classCopy, archivedAt: EARLIER },
      { ...classCopy, archivedAt: EARLIER, hasOwner: undefined },
      null,
    ],
    [
      'restored',
      { archived: false },
      { ...classCopy, archivedAt: EARLIER },
      { ...classCopy, archivedAt: null, hasOwner: undefined },
      { map: logged('Period 3', false, false), before: logged('Period 3', true, false) },
    ],
    ['a policy alone: not logged', { policy: 'open' }, classCopy, { ...classCopy, policy: 'open', hasOwner: undefined }, null],
    [
      'anonymous',
      { anonymous: true },
      classCopy,
      { ...classCopy, anonymous: true, hasOwner: undefined },
      { map: logged('Period 3', false, true), before: logged('Period 3', false, false) },
    ],
  ])('%s', (_name, request, map, after, event) => {
    const decision = decideMapSettings(request, map, who('owner'), NOW);
    if (!decision.ok) throw new Error('refused');
    expect({ ...decision.value.after, hasOwner: undefined }).toEqual(after);
    expect(decision.value.event).toEqual(event);
  });
});
