import './zod-config';
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN, USERNAME_MAX, USERNAME_MIN } from './limits';

/**
 * Schemas for accounts. The same schema validates the sign-in and sign-up forms in the browser and
 * the bodies of `POST /api/auth/signup` and `POST /api/auth/login` on the server.
 */

const USERNAME_MESSAGE = `Usernames are ${USERNAME_MIN}–${USERNAME_MAX} letters, digits, dots, dashes or underscores.`;

/**
 * A username: trimmed and lower-cased (so "Ms.Lee" and "ms.lee" are one account), then
 * 3–32 characters of `a-z 0-9 . _ -`. One rule, one message, so a form shows one line per field.
 */
export const usernameSchema = z
  .string({ error: 'Enter a username.' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Enter a username.', abort: true })
  .regex(new RegExp(`^[a-z0-9._-]{${USERNAME_MIN},${USERNAME_MAX}}$`), { error: USERNAME_MESSAGE });

/** A password, exactly as typed (never trimmed). The upper bound keeps hashing cheap. */
export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .min(1, { error: 'Enter a password.', abort: true })
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.` })
  .max(PASSWORD_MAX, { error: `Passwords are at most ${PASSWORD_MAX} characters.` });

/** `POST /api/auth/signup` and `POST /api/auth/login`. */
export const credentialsSchema = z
  .object({
    username: usernameSchema,
    password: passwordSchema,
  })
  .strict();

export type Credentials = z.infer<typeof credentialsSchema>;
