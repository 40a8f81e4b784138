import './zod-config';
import { z } from 'zod';
import { POLICIES } from '../auth/permissions';
import { AUTHOR_NAME_MAX, CLASS_NAME_MAX, COPY_TITLE_MIN, MAP_TITLE_MAX } from './limits';

/** Roles the owner can give (there is one owner). */
const GRANTABLE = ['editor', 'commenter', 'viewer'] as const;

/** POST /api/maps/{slug}/copies */
export const copySchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(COPY_TITLE_MIN, { error: `Give the copy a title of at least ${COPY_TITLE_MIN} characters.` })
      .max(MAP_TITLE_MAX),
    className: z
      .string()
      .trim()
      .max(CLASS_NAME_MAX, { error: `Class names are at most ${CLASS_NAME_MAX} characters.` })
      .optional(),
  })
  .strict();

/** POST /api/invites/{code} */
export const joinSchema = z
  .object({
    name: z
      .string({ error: 'Type the name the class will see.' })
      .trim()
      .min(1, { error: 'Type the name the class will see.' })
      .max(AUTHOR_NAME_MAX, { error: `Names are at most ${AUTHOR_NAME_MAX} characters.` }),
  })
  .strict();

/** What an invite code looks like once tidied: letters and digits (generated ones are 6 long, e.g. `GFMYKK`). */
const INVITE_CODE_SHAPE = /^[A-Z0-9]{4,12}$/;
/** Longest stretch of a wrong code repeated back to the person in a message. */
const SHOWN_CODE_MAX = 24;

function isLetterOrDigit(char: string): boolean {
  return (char >= 'A' && char <= 'Z') || (char >= 'a' && char <= 'z') || (char >= '0' && char <= '9');
}

/**
 * An invite code as people pass it on, tidied: whatever surrounds it that is not a letter or digit
 * (the full stop of the sentence it was pasted from, quotes, spaces) is dropped, and it is
 * upper-cased. What is inside is left alone, so `GF MYKK` stays wrong.
 *
 * @example normalizeInviteCode(' gfmykk. ') // 'GFMYKK'
 */
export function normalizeInviteCode(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && !isLetterOrDigit(raw[start])) start++;
  while (end > start && !isLetterOrDigit(raw[end - 1])) end--;
  return raw.slice(start, end).toUpperCase();
}

/**
 * Why `raw` is not an invite code, in words for the student holding it. `from` says where the
 * code came from, and so what to check.
 *
 * @example notAnInviteCode('!!') // '“!!” is not an invite code. Codes are 6 letters and digits, like GFMYKK — check the link your teacher sent.'
 */
export function notAnInviteCode(raw: string, from: 'link' | 'typed' = 'link'): string {
  const check = from === 'link' ? 'check the link your teacher sent' : 'check the code your teacher shows';
  const shown = raw.trim();
  if (shown === '') return `Type the invite code: 6 letters and digits, like GFMYKK — ${check}.`;
  const cut = shown.length > SHOWN_CODE_MAX ? `${shown.slice(0, SHOWN_CODE_MAX - 1)}…` : shown;
  return `“${cut}” is not an invite code. Codes are 6 letters and digits, like GFMYKK — ${check}.`;
}

/**
 * The code in /api/invites/{code} and /join/{code}, and typed into the join form: tidied by
 * {@link normalizeInviteCode} (so `gfmykk.` is `GFMYKK`), then letters and digits. One parser for
 * the page, the form and the API.
 */
export const inviteCodeSchema = z.string().transform((raw, ctx) => {
  const code = normalizeInviteCode(raw);
  if (INVITE_CODE_SHAPE.test(code)) return code;
  ctx.issues.push({ code: 'custom', message: notAnInviteCode(raw), input: raw });
  return z.NEVER;
});

/** PATCH /api/maps/{slug}/members/{id} */
export const memberRoleSchema = z.object({ role: z.enum(GRANTABLE, { error: 'Roles are editor, commenter or viewer.' }) }).strict();

/** PUT /api/maps/{slug}/invite */
export const inviteChangeSchema = z
  .object({
    action: z.enum(['rotate', 'disable', 'enable'], { error: 'action is rotate, disable or enable.' }),
    role: z.enum(GRANTABLE).optional(),
  })
  .strict();

/** PATCH /api/maps/{slug} */
export const mapSettingsSchema = z.object({ policy: z.enum(POLICIES, { error: 'policy is open, invite or read-only.' }) }).strict();
