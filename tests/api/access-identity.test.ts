import { afterAll, expect, test } from 'vitest';
import { testBrowser } from './support/browser';
import { throwawayDatabase } from './support/database';

/**
 * Who is asking is one identity per request (issue 10, findings 10 and 14): a signed-in person is
 * their account, whatever member cookie the browser also holds, and a malformed member cookie is no
 * cookie at all rather than a 500 on every request for the map.
 */
const database = throwawayDatabase('access-identity');
afterAll(() => database.cleanup());

type Copy = { map: { slug: string }; invite: { code: string } };
type Members = { members: { id: string; name: string }[] };

async function classCopy(title: string) {
  const teacher = testBrowser();
  expect(
    (await teacher.post('/api/auth/signup', { username: `teacher-${title.toLowerCase().replace(/\W/g, '')}`, password: 'correct horse battery' })).status,
  ).toBe(201);
  const copy = await teacher.post<Copy>('/api/maps/negotiate-now/copies', { title });
  expect(copy.status).toBe(201);
  return { teacher, slug: copy.body.map.slug, code: copy.body.invite.code };
}

test('a removed account does not get back in with a member cookie it joined with anonymously', async () => {
  const { teacher, slug, code } = await classCopy('Removal class');
  const student = testBrowser();
  expect((await student.post('/api/auth/signup', { username: 'removed-student', password: 'correct horse battery' })).status).toBe(201);
  expect((await student.post(`/api/invites/${code}`, { name: 'ignored' })).status).toBe(201);
  expect((await student.get(`/api/maps/${slug}`)).status).toBe(200);

  const { members } = (await teacher.get<Members>(`/api/maps/${slug}/members`)).body;
  const account = members.find((m) => m.name === 'removed-student')!;
  expect((await teacher.delete(`/api/maps/${slug}/members/${account.id}`)).status).toBe(200);
  expect((await student.get(`/api/maps/${slug}`)).status).toBe(403);

  // Joined again without the session, as a name: a member cookie for the same browser.
  const session = student.jar.get('argmap_session')!;
  student.jar.delete('argmap_session');
  expect((await student.post(`/api/invites/${code}`, { name: 'Someone New' })).status).toBe(201);
  expect([...student.jar.keys()].some((name) => name.startsWith('argmap_member_'))).toBe(true);

  // Signed in again, with that member cookie too: still the removed account, still refused.
  student.jar.set('argmap_session', session);
  const before = await database.snapshot();
  expect((await student.get(`/api/maps/${slug}`)).status).toBe(403);
  const thesis = (await database.one<{ id: string }>(
    `SELECT n."id" FROM "Node" n JOIN "ArgumentMap" m ON m."id" = n."mapId" WHERE m."slug" = ? AND n."kind" = 'thesis'`,
    slug,
  ))!.id;
  const write = await student.post(`/api/maps/${slug}/nodes`, { kind: 'claim', text: 'Back in through the side door.', target: thesis, relation: 'supports' });
  expect(write.status).toBe(403);
  expect((await database.snapshot()).counts).toEqual(before.counts);
});

test.each(['%', '%E0%A4%A', 'abc%zz', '%'.repeat(1000), 'a'.repeat(43) + '%'])(
  'a malformed member cookie %#: the map still answers, as to anyone else',
  async (value) => {
    const mapId = (await database.one<{ id: string }>(`SELECT "id" FROM "ArgumentMap" WHERE "slug" = 'negotiate-now'`))!.id;
    const visitor = testBrowser({ cookie: `argmap_member_${mapId}=${value}` });
    const answer = await visitor.get<{ viewer: { role: string } }>('/api/maps/negotiate-now');
    expect(answer.status).toBe(200);
    expect(answer.body.viewer.role).toBe('editor');
  },
);
