import type { Policy, Role } from './permissions';

// Apart from role-words.ts: only the account menu says it, and its content loads on first use.

/** What someone with `role` on a map with `policy` may do, in one sentence addressed to them. */
export function roleSummary(role: Role | null, policy: Policy): string {
  switch (role) {
    case null:
      return 'You no longer have access to this map.';
    case 'owner':
      return 'You own this map: you can change any point, moderate the discussion and choose who takes part.';
    case 'editor':
      return policy === 'open'
        ? 'You can add, change and delete points, rate and comment.'
        : 'You can add points, change and delete your own, rate and comment.';
    case 'commenter':
      return 'You can read the map, rate points and comment, but not add or change points.';
    case 'viewer':
      return policy === 'read-only'
        ? 'This map is read-only for now: you can read it and its discussion.'
        : 'You can read the map and its discussion, but not rate, comment or change it.';
  }
}
