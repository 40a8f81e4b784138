import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testBrowser, type TestBrowser } from './support/browser';
import { throwawayDatabase } from './support/database';

/**
 * Tasks on a class copy (issue 13): the owner sets, changes and clears them; anyone who may see the
 * map reads them; a student cannot set them; a map nobody owns has none. Every refusal is the usual
 * JSON error and writes nothing.
 */
const database = throwawayDatabase('tasks');
afterAll(() => database.cleanup());

type Copy = { map: { slug: string }; invite: { code: string } };
type Tasks = { targets: Record<string, number>; dueAt: string | null; instructions: string; updatedAt: string };
type ErrorAnswer = { error: { message: string; issues: { path: (string | number)[]; message: string }[] } };

let teacher: TestBrowser;
let student: TestBrowser;
let slug: string;

beforeAll(async () => {
  teacher = testBrowser();
  expect((await teacher.post('/api/auth/signup', { username: 'teacher-tasks', password: 'correct horse battery' })).status).toBe(201);
  const copy = await teacher.post<Copy>('/api/maps/negotiate-now/copies', { title: 'Tasks class' });
  expect(copy.status).toBe(201);
  slug = copy.body.map.slug;
  student = testBrowser();
  expect((await student.post(`/api/invites/${copy.body.invite.code}`, { name: 'Ada' })).status).toBe(201);
});

const mapId = async () => (await database.one<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?', slug))!.id;
/** The `tasks.updated` events of the class copy, oldest first, as stored. */
const taskEvents = async () =>
  (
    await database.all<{ actorMark: string; data: string }>(
      `SELECT "actorMark", "data" FROM "MapEvent" WHERE "mapId" = ? AND "type" = 'tasks.updated' ORDER BY "id"`,
      await mapId(),
    )
  ).map((e) => ({
    actorMark: e.actorMark,
    ...(JSON.parse(e.data) as { tasks: unknown; before: unknown }),
  }));

/** Runs `refused` and checks that nothing at all was written meanwhile. */
async function writesNothing<T>(refused: () => Promise<T>): Promise<T> {
  const before = await database.snapshot();
  const result = await refused();
  const after = await database.snapshot();
  expect(after.counts).toEqual(before.counts);
  expect(after.maxEventId).toBe(before.maxEventId);
  expect(after.dataVersion).toBe(before.dataVersion);
  return result;
}

describe('the owner of a class copy', () => {
  test('sets, reads, changes and clears the tasks; each change is one tasks.updated event', async () => {
    expect((await teacher.get<{ tasks: Tasks | null }>(`/api/maps/${slug}/tasks`)).body).toEqual({ tasks: null });

    const tonight = {
      targets: { underClassmates: 2, rebuttals: 1, questions: 1, quotes: 1, ratings: 0 },
      dueAt: '2026-03-14',
      instructions: '  Two objections to classmates’ points.  ',
    };
    const set = await teacher.put<{ tasks: Tasks }>(`/api/maps/${slug}/tasks`, tonight);
    expect(set.status).toBe(200);
    expect(set.body.tasks).toEqual({
      targets: { underClassmates: 2, rebuttals: 1, questions: 1, quotes: 1 },
      dueAt: '2026-03-14',
      instructions: 'Two objections to classmates’ points.',
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect((await teacher.get<{ tasks: Tasks }>(`/api/maps/${slug}/tasks`)).body).toEqual(set.body);

    // The same tasks again change nothing.
    await writesNothing(async () => expect((await teacher.put<{ tasks: Tasks }>(`/api/maps/${slug}/tasks`, tonight)).body).toEqual(set.body));

    // A change replaces them whole: what the new body leaves out is gone.
    const changed = await teacher.put<{ tasks: Tasks }>(`/api/maps/${slug}/tasks`, { targets: { objections: 3 } });
    expect(changed.status).toBe(200);
    expect(changed.body.tasks).toMatchObject({ targets: { objections: 3 }, dueAt: null, instructions: '' });
    expect((await student.get<{ tasks: Tasks }>(`/api/maps/${slug}/tasks`)).body.tasks).toEqual(changed.body.tasks);

    const cleared = await teacher.delete<{ tasks: null }>(`/api/maps/${slug}/tasks`);
    expect(cleared).toMatchObject({ status: 200, body: { tasks: null } });
    expect((await student.get(`/api/maps/${slug}/tasks`)).body).toEqual({ tasks: null });
    expect(await database.one('SELECT COUNT(*) AS n FROM "ClassTasks" WHERE "mapId" = ?', await mapId())).toEqual({ n: 0 });
    // Clearing what is not set changes nothing.
    await writesNothing(async () => expect((await teacher.delete(`/api/maps/${slug}/tasks`)).body).toEqual({ tasks: null }));

    const teacherMark = `user:${(await database.one<{ id: string }>(`SELECT "id" FROM "User" WHERE "username" = 'teacher-tasks'`))!.id}`;
    const first = {
      targets: { underClassmates: 2, rebuttals: 1, questions: 1, quotes: 1 },
      dueAt: '2026-03-14',
      instructions: 'Two objections to classmates’ points.',
    };
    const second = { targets: { objections: 3 }, dueAt: null, instructions: '' };
    expect(await taskEvents()).toEqual([
      { actorMark: teacherMark, tasks: first, before: null },
      { actorMark: teacherMark, tasks: second, before: first },
      { actorMark: teacherMark, tasks: null, before: second },
    ]);
  });
});

describe('refusals write nothing', () => {
  test('a member reads the tasks but cannot set or clear them (403)', async () => {
    expect((await teacher.put(`/api/maps/${slug}/tasks`, { targets: { comments: 2 } })).status).toBe(200);
    expect((await student.get<{ tasks: Tasks }>(`/api/maps/${slug}/tasks`)).body.tasks.targets).toEqual({ comments: 2 });
    for (const attempt of [
      () => student.put<ErrorAnswer>(`/api/maps/${slug}/tasks`, { targets: { comments: 0, objections: 1 } }),
      () => student.delete<ErrorAnswer>(`/api/maps/${slug}/tasks`),
    ]) {
      const answer = await writesNothing(attempt);
      expect(answer.status).toBe(403);
      expect(answer.body.error.message).toBe('As an editor you cannot do that on this map.');
    }
    expect((await student.get<{ tasks: Tasks }>(`/api/maps/${slug}/tasks`)).body.tasks.targets).toEqual({ comments: 2 });
  });

  test('someone who is not a member of a members-only map gets 401 for reading and for setting', async () => {
    const stranger = testBrowser();
    for (const attempt of [
      () => stranger.get<ErrorAnswer>(`/api/maps/${slug}/tasks`),
      () => stranger.put<ErrorAnswer>(`/api/maps/${slug}/tasks`, { targets: { objections: 1 } }),
      () => stranger.delete<ErrorAnswer>(`/api/maps/${slug}/tasks`),
    ]) {
      const answer = await writesNothing(attempt);
      expect(answer.status).toBe(401);
      expect(answer.body.error.message).toBe('This map is for its members: sign in, or join with the invite link.');
    }
  });

  test.each([
    ['no task set', { targets: {} }, ['targets'], 'Set at least one task: how many objections, rebuttals, critical questions… each student should add.'],
    [
      'every count 0',
      { targets: { objections: 0, comments: 0 } },
      ['targets'],
      'Set at least one task: how many objections, rebuttals, critical questions… each student should add.',
    ],
    [
      'no targets at all',
      { dueAt: '2026-03-14' },
      ['targets'],
      'Set at least one task: how many objections, rebuttals, critical questions… each student should add.',
    ],
    ['over 50', { targets: { objections: 51 } }, ['targets', 'objections'], 'At most 50 objections.'],
    ['over 50 of another kind', { targets: { underClassmates: 60 } }, ['targets', 'underClassmates'], 'At most 50 points under classmates’ points.'],
    ['a negative count', { targets: { rebuttals: -1 } }, ['targets', 'rebuttals'], 'The number of rebuttals cannot be below 0.'],
    ['a fraction', { targets: { quotes: 1.5 } }, ['targets', 'quotes'], 'Give the number of points quoting the essay as a whole number, 0 to 50.'],
    ['a count as text', { targets: { ratings: '2' } }, ['targets', 'ratings'], 'Give the number of ratings as a whole number, 0 to 50.'],
    [
      'an unknown task',
      { targets: { objections: 1, essays: 2 } },
      ['targets'],
      '“essays” is not a task: the tasks are objections, underClassmates, rebuttals, questions, quotes, unstated, ratings, comments.',
    ],
    ['a day that does not exist', { targets: { objections: 1 }, dueAt: '2026-02-30' }, ['dueAt'], 'The due date must be a date, YYYY-MM-DD (e.g. 2026-03-14).'],
    ['a date and time', { targets: { objections: 1 }, dueAt: '2026-03-14T09:00:00Z' }, ['dueAt'], 'The due date must be a date, YYYY-MM-DD (e.g. 2026-03-14).'],
    ['a date as a number', { targets: { objections: 1 }, dueAt: 20260314 }, ['dueAt'], 'The due date must be a date, YYYY-MM-DD (e.g. 2026-03-14).'],
    [
      'long instructions',
      { targets: { objections: 1 }, instructions: 'x'.repeat(2001) },
      ['instructions'],
      'Instructions are at most 2,000 characters (these have 2,001).',
    ],
    ['an unknown field', { targets: { objections: 1 }, progress: {} }, [], '“progress” is not a field here.'],
  ])('a body with %s: 400 with the issue', async (_, body, path, message) => {
    const answer = await writesNothing(() => teacher.put<ErrorAnswer>(`/api/maps/${slug}/tasks`, body));
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('The request is not valid.');
    expect(answer.body.error.issues).toContainEqual({ path, message });
  });

  test('a body that is not JSON: 400; the tasks stay as they were', async () => {
    const answer = await writesNothing(() =>
      teacher.request<ErrorAnswer>('PUT', `/api/maps/${slug}/tasks`, { extraHeaders: { 'content-type': 'application/json' }, body: undefined }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('The body is not valid JSON.');
    expect((await teacher.get<{ tasks: Tasks }>(`/api/maps/${slug}/tasks`)).body.tasks.targets).toEqual({ comments: 2 });
  });

  test('a map nobody owns has no tasks to set (409), and reads none', async () => {
    const visitor = testBrowser();
    expect((await visitor.get('/api/maps/negotiate-now/tasks')).body).toEqual({ tasks: null });
    for (const attempt of [
      () => visitor.put<ErrorAnswer>('/api/maps/negotiate-now/tasks', { targets: { objections: 1 } }),
      () => visitor.delete<ErrorAnswer>('/api/maps/negotiate-now/tasks'),
    ]) {
      const answer = await writesNothing(attempt);
      expect(answer.status).toBe(409);
      expect(answer.body).toEqual({ error: { message: 'Tasks are set on a class copy: make one for your class first.', issues: [] } });
    }
  });

  test('an unknown map: 404', async () => {
    const answer = await writesNothing(() => teacher.put<ErrorAnswer>('/api/maps/no-such-map/tasks', { targets: { objections: 1 } }));
    expect(answer.status).toBe(404);
  });

  test('a change sent from another site’s page: 403', async () => {
    const answer = await writesNothing(() =>
      teacher.put<ErrorAnswer>(
        `/api/maps/${slug}/tasks`,
        { targets: { objections: 1 } },
        { 'sec-fetch-site': 'cross-site', origin: 'https://elsewhere.example' },
      ),
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toBe('Changes are accepted only from Argmap’s own pages.');
  });
});
