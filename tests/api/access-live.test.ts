import { openEventStream, until } from './support/event-stream';
import { afterAll, afterEach, expect, test } from 'vitest';
import { testBrowser, type TestBrowser } from './support/browser';
import { throwawayDatabase } from './support/database';
import { streams } from '@/lib/db/presence';
import type { ViewerAccess } from '@/lib/protocol/access-protocol';

/**
 * A role or policy change reaches open pages through the live stream (issue 11): each open stream
 * works out its own caller's access again and, when it changed, sends `event: access` with the
 * caller's role, name and the map's policy — only theirs — and ends the stream once they may no
 * longer view the map.
 */
const database = throwawayDatabase('access-live');
afterAll(() => database.cleanup());

interface LiveStream {
  access: () => ViewerAccess[];
  done: () => boolean;
  close: () => Promise<void>;
}

const open: LiveStream[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await until(() => streams().count() === 0);
});

/** Opens the map's events stream with `who`'s cookies, read in the background. */
async function openStream(who: TestBrowser, slug: string): Promise<LiveStream> {
  const read = await openEventStream(who.jar, slug);
  const stream: LiveStream = { access: () => read.of<ViewerAccess>('access'), done: read.done, close: read.close };
  open.push(stream);
  return stream;
}

async function classWithStudents(title: string, names: string[]) {
  const teacher = testBrowser();
  const username = `teacher-${title.toLowerCase().replace(/\W/g, '')}`;
  expect((await teacher.post('/api/auth/signup', { username, password: 'correct horse battery' })).status).toBe(201);
  const copy = await teacher.post<{ map: { slug: string }; invite: { code: string } }>('/api/maps/negotiate-now/copies', { title });
  expect(copy.status).toBe(201);
  const slug = copy.body.map.slug;
  const students = [];
  for (const name of names) {
    const student = testBrowser();
    expect((await student.post(`/api/invites/${copy.body.invite.code}`, { name })).status).toBe(201);
    students.push(student);
  }
  const { members } = (await teacher.get<{ members: { id: string; name: string }[] }>(`/api/maps/${slug}/members`)).body;
  const memberId = (name: string) => members.find((m) => m.name === name)!.id;
  return { teacher, username, slug, students, memberId };
}

test('a role change reaches the member’s open stream at once, and nobody else’s', async () => {
  const { teacher, username, slug, students, memberId } = await classWithStudents('Live roles', ['Ada', 'Bo']);
  const [ada, bo] = students;
  const adaStream = await openStream(ada, slug);
  const boStream = await openStream(bo, slug);
  const teacherStream = await openStream(teacher, slug);
  // Each stream starts with its own caller's access.
  await until(() => adaStream.access().length === 1 && boStream.access().length === 1 && teacherStream.access().length === 1);
  expect(adaStream.access()).toEqual([{ role: 'editor', name: 'Ada', signedIn: false, alias: null, policy: 'invite', anonymous: false }]);
  expect(boStream.access()).toEqual([{ role: 'editor', name: 'Bo', signedIn: false, alias: null, policy: 'invite', anonymous: false }]);
  expect(teacherStream.access()).toEqual([{ role: 'owner', name: username, signedIn: true, alias: null, policy: 'invite', anonymous: false }]);

  expect((await teacher.request('PATCH', `/api/maps/${slug}/members/${memberId('Ada')}`, { body: { role: 'commenter' } })).status).toBe(200);
  await until(() => adaStream.access().length === 2);
  expect(adaStream.access()[1]).toEqual({ role: 'commenter', name: 'Ada', signedIn: false, alias: null, policy: 'invite', anonymous: false });

  // The policy changes everyone's: members are capped at viewer on a read-only map; the owner's
  // role stays, and the policy reaches the owner's page too.
  expect((await teacher.request('PATCH', `/api/maps/${slug}`, { body: { policy: 'read-only' } })).status).toBe(200);
  await until(() => adaStream.access().length === 3 && boStream.access().length === 2 && teacherStream.access().length === 2);
  expect(adaStream.access()[2]).toEqual({ role: 'viewer', name: 'Ada', signedIn: false, alias: null, policy: 'read-only', anonymous: false });
  expect(boStream.access()[1]).toEqual({ role: 'viewer', name: 'Bo', signedIn: false, alias: null, policy: 'read-only', anonymous: false });
  expect(teacherStream.access()[1]).toEqual({ role: 'owner', name: username, signedIn: true, alias: null, policy: 'read-only', anonymous: false });
  // Ada's own role change told Bo nothing: his stream had only its opening access before the policy.
  expect(boStream.access()).toHaveLength(2);
  expect(adaStream.done() || boStream.done() || teacherStream.done()).toBe(false);
});

test('a removed member is told, then the stream ends; the others stay open', async () => {
  const { teacher, slug, students, memberId } = await classWithStudents('Removal live', ['Cy', 'Di']);
  const [cy, di] = students;
  const cyStream = await openStream(cy, slug);
  const diStream = await openStream(di, slug);
  await until(() => cyStream.access().length === 1 && diStream.access().length === 1);

  expect((await teacher.delete(`/api/maps/${slug}/members/${memberId('Cy')}`)).status).toBe(200);
  await until(() => cyStream.done());
  // Known by no membership any more: no role, and no name either.
  expect(cyStream.access().at(-1)).toEqual({ role: null, name: null, signedIn: false, alias: null, policy: 'invite', anonymous: false });
  expect(diStream.done()).toBe(false);
  expect(diStream.access()).toHaveLength(1);
});
