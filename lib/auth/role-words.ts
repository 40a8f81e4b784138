import type { ViewerAccess } from '../protocol/access-protocol';
import { can, type Policy, type Role } from './permissions';

/**
 * What a role may do, in the words the map page shows a person: why a control is not offered, what
 * their role lets them do, and what changed when the owner changed it. Pure; the rules themselves
 * are in ./permissions.ts.
 */

/** What the page offers that a role may lack: rating, commenting, and adding or changing points. */
export type Ability = 'rate' | 'comment' | 'change';

const ABILITY_ACTION = { rate: 'comment', comment: 'comment', change: 'add' } as const;

/** "a commenter", "an editor". */
export function withArticle(role: Role): string {
  return `${role === 'owner' || role === 'editor' ? 'an' : 'a'} ${role}`;
}

/**
 * Why `ability` is not offered to this person, in one or two sentences to show where the control
 * would be; null when it is offered. A map that is read-only says so (nobody but its owner can ask
 * for more); a member's role says what it allows and which role to ask the teacher for.
 *
 * @example whyNot('comment', { role: 'viewer', policy: 'invite' })
 * // "Viewers can read the discussion but not comment. Ask your teacher for the commenter role."
 */
export function whyNot(ability: Ability, { role, policy }: { role: Role | null; policy: Policy }): string | null {
  if (can(role, ABILITY_ACTION[ability])) return null;
  if (!can(role, 'view')) return 'You no longer have access to this map.';
  if (policy === 'read-only') {
    return {
      rate: 'This map is read-only: you can see the ratings but not rate.',
      comment: 'This map is read-only: you can read the discussion but not comment. Only its owner can change that.',
      change: 'This map is read-only: you can read it but not add or change points.',
    }[ability];
  }
  if (role === 'viewer') {
    return {
      rate: 'Viewers can see the ratings but not rate.',
      comment: 'Viewers can read the discussion but not comment. Ask your teacher for the commenter role.',
      change: 'Viewers can read the map but not add or change points. Ask your teacher for the editor role.',
    }[ability];
  }
  return 'Commenters can rate and comment but not add or change points. Ask your teacher for the editor role.';
}

/** What each role lets a person do, as the tail of "Your teacher made you a commenter: …". */
const NOW_YOU_CAN: Record<Exclude<Role, 'owner'>, string> = {
  editor: 'you can add points and change your own.',
  commenter: 'you can rate and comment, but not add or change points.',
  viewer: 'you can read the map and its discussion, but not rate, comment or change it.',
};

/** What a student is told when the owner turns the class's anonymity on or off (the owner always sees names). */
function anonymityMessage(before: ViewerAccess, after: ViewerAccess): { tone: 'info'; message: string } | null {
  if (after.anonymous === before.anonymous || after.role === 'owner') return null;
  if (after.anonymous)
    return {
      tone: 'info',
      message: `Your teacher made this class anonymous: classmates now show as “Student 1, 2, …”${after.alias ? `, and you as ${after.alias}` : ''}.`,
    };
  return { tone: 'info', message: 'Your teacher showed the class’s names again.' };
}

/**
 * What to tell a person whose access the live stream says has changed (`before` → `after`), or null
 * when nothing they can do changed (say, only the policy changed for the owner). Losing access is an
 * error: the page stops writing, and what is on screen stays readable.
 */
export function accessChangeMessage(before: ViewerAccess, after: ViewerAccess): { tone: 'info' | 'error'; message: string } | null {
  const role = after.role;
  if (role === null || !can(role, 'view')) {
    const why = before.name !== null && after.name === null ? 'you are not a member of it any more' : 'it is now for its members only';
    return { tone: 'error', message: `You no longer have access to this map: ${why}. What is on screen stays readable until you leave.` };
  }
  if (role === before.role) return anonymityMessage(before, after);
  if (role === 'owner') return { tone: 'info', message: 'You own this map now.' };
  const now = NOW_YOU_CAN[role];
  if (after.policy !== before.policy) {
    if (after.policy === 'read-only') return { tone: 'info', message: `The owner made this map read-only: ${now}` };
    if (before.policy === 'read-only') return { tone: 'info', message: `The owner reopened this map: you are ${withArticle(role)} again, so ${now}` };
    return { tone: 'info', message: `The owner changed who may take part: you are now ${withArticle(role)}, so ${now}` };
  }
  return { tone: 'info', message: `Your teacher made you ${withArticle(role)}: ${now}` };
}
