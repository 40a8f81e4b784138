import './zod-config';
import { z } from 'zod';
import { POLICIES } from '../auth/permissions';
import { AUTHOR_NAME_MAX, CLASS_NAME_MAX, COPY_TITLE_MIN, MAP_TITLE_MAX } from './limits';

/** Roles the owner can give (there is one owner). */
const GRANTABLE = ['editor', 'commenter', 'viewer'] as const;

/** POST /api/maps/{slug}/copies */
export const copySchema = z
  .object({
    title: z.string().trim().min(COPY_TITLE_MIN, { error: `Give the copy a title of at least ${COPY_TITLE_MIN} characters.` }).max(MAP_TITLE_MAX),
    className: z.string().trim().max(CLASS_NAME_MAX, { error: `Class names are at most ${CLASS_NAME_MAX} characters.` }).optional(),
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

/** The code in /api/invites/{code} and /join/{code}: letters and digits, case ignored. */
export const inviteCodeSchema = z.string().regex(/^[A-Za-z0-9]{4,12}$/, { error: 'That is not an invite code.' });

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
