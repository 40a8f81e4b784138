import { describe, expect, test } from 'vitest';
import { roleSummary } from '../role-summary';
import { accessChangeMessage, whyNot, type Ability } from '../role-words';
import { ROLES, type Policy, type Role } from '../permissions';
import type { ViewerAccess } from '../../protocol/access-protocol';

describe('whyNot: the reason shown where a control is not offered', () => {
  test.each<[Ability, Role | null, Policy, string | null]>([
    ['rate', 'viewer', 'invite', 'Viewers can see the ratings but not rate.'],
    ['comment', 'viewer', 'invite', 'Viewers can read the discussion but not comment. Ask your teacher for the commenter role.'],
    ['change', 'viewer', 'invite', 'Viewers can read the map but not add or change points. Ask your teacher for the editor role.'],
    ['change', 'commenter', 'invite', 'Commenters can rate and comment but not add or change points. Ask your teacher for the editor role.'],
    ['rate', 'commenter', 'invite', null],
    ['comment', 'commenter', 'invite', null],
    ['change', 'editor', 'invite', null],
    ['change', 'editor', 'open', null],
    // A read-only map caps everyone but its owner at viewer: the map is the reason, not the role.
    ['comment', 'viewer', 'read-only', 'This map is read-only: you can read the discussion but not comment. Only its owner can change that.'],
    ['rate', 'viewer', 'read-only', 'This map is read-only: you can see the ratings but not rate.'],
    ['change', 'viewer', 'read-only', 'This map is read-only: you can read it but not add or change points.'],
    ['comment', 'owner', 'read-only', null],
    ['comment', null, 'invite', 'You no longer have access to this map.'],
  ])('%s as %s on a %s map', (ability, role, policy, reason) => {
    expect(whyNot(ability, { role, policy })).toBe(reason);
  });
});

test.each(ROLES.flatMap((role) => (['open', 'invite', 'read-only'] as const).map((policy) => [role, policy] as const)))(
  'roleSummary(%s, %s) is one sentence addressed to the person',
  (role, policy) => {
    const summary = roleSummary(role, policy);
    expect(summary).toMatch(/^(You|This map)/);
    expect(summary).toMatch(/\.$/);
  },
);

const access = (role: Role | null, policy: Policy = 'invite', name: string | null = 'Mina'): ViewerAccess => ({
  role,
  name,
  signedIn: false,
  alias: null,
  policy,
  anonymous: false,
});

describe('accessChangeMessage: what a person is told when their access changes under them', () => {
  test.each<[string, ViewerAccess, ViewerAccess, { tone: 'info' | 'error'; message: string } | null]>([
    [
      'demoted to commenter',
      access('editor'),
      access('commenter'),
      { tone: 'info', message: 'Your teacher made you a commenter: you can rate and comment, but not add or change points.' },
    ],
    [
      'made an editor',
      access('viewer'),
      access('editor'),
      { tone: 'info', message: 'Your teacher made you an editor: you can add points and change your own.' },
    ],
    [
      'the map made read-only',
      access('editor'),
      access('viewer', 'read-only'),
      { tone: 'info', message: 'The owner made this map read-only: you can read the map and its discussion, but not rate, comment or change it.' },
    ],
    [
      'the map reopened',
      access('viewer', 'read-only'),
      access('commenter'),
      { tone: 'info', message: 'The owner reopened this map: you are a commenter again, so you can rate and comment, but not add or change points.' },
    ],
    [
      'removed from the class',
      access('editor'),
      access(null, 'invite', null),
      {
        tone: 'error',
        message: 'You no longer have access to this map: you are not a member of it any more. What is on screen stays readable until you leave.',
      },
    ],
    [
      'a visitor, when the map closes to outsiders',
      access('viewer', 'read-only', null),
      access(null, 'invite', null),
      { tone: 'error', message: 'You no longer have access to this map: it is now for its members only. What is on screen stays readable until you leave.' },
    ],
    ['the owner, when the policy changes', access('owner', 'invite'), access('owner', 'read-only'), null],
    ['nothing a person can do changed', access('editor'), access('editor'), null],
    [
      'the class made anonymous',
      access('editor'),
      { ...access('editor'), anonymous: true, alias: 'Student 2' },
      { tone: 'info', message: 'Your teacher made this class anonymous: classmates now show as “Student 1, 2, …”, and you as Student 2.' },
    ],
    [
      'names shown again',
      { ...access('editor'), anonymous: true, alias: 'Student 2' },
      access('editor'),
      { tone: 'info', message: 'Your teacher showed the class’s names again.' },
    ],
    ['the owner, who sees names either way', access('owner'), { ...access('owner'), anonymous: true }, null],
  ])('%s', (_, before, after, told) => {
    expect(accessChangeMessage(before, after)).toEqual(told);
  });
});
