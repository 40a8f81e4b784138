import { afterAll, expect, test } from 'vitest';
import { testBrowser } from './support/browser';
import { throwawayDatabase } from './support/database';

/**
 * Invite codes as students paste them (issue 11): the full stop of the sentence the link came in,
 * lower case or spaces around it still join; what is still no code is refused with words that say
 * what a code looks like.
 */
const database = throwawayDatabase('invite-codes');
afterAll(() => database.cleanup());

type Copy = { map: { slug: string }; invite: { code: string } };

async function classCode(): Promise<string> {
  const teacher = testBrowser();
  expect((await teacher.post('/api/auth/signup', { username: 'teacher-codes', password: 'correct horse battery' })).status).toBe(201);
  const copy = await teacher.post<Copy>('/api/maps/negotiate-now/copies', { title: 'Codes class' });
  expect(copy.status).toBe(201);
  return copy.body.invite.code;
}

test('a code with a full stop, quotes, spaces or in lower case joins the class', async () => {
  const code = await classCode();
  for (const written of [`${code}.`, `${code.toLowerCase()}`, ` ${code} `, `“${code}”`, `(${code.toLowerCase()}),`]) {
    const joined = await testBrowser().post<{ map: { slug: string } }>(`/api/invites/${written}`, { name: 'Ada' });
    expect(joined.status, written).toBe(201);
  }
});

test.each(['!!', 'GF MYKK', 'ab'])('%j is refused with what a code looks like', async (written) => {
  const answer = await testBrowser().post<{ error: { message: string; issues: { message: string }[] } }>(`/api/invites/${written}`, { name: 'Ada' });
  expect(answer.status).toBe(400);
  expect(answer.body.error.message).toBe(`“${written}” is not an invite code. Codes are 6 letters and digits, like GFMYKK — check the link your teacher sent.`);
  expect(answer.body.error.issues[0].message).toBe(answer.body.error.message);
});
