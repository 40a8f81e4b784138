import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testBrowser, type TestBrowser } from './support/browser';
import { throwawayDatabase } from './support/database';
import { call, loadHandler, routeFor, sameOriginRequest } from './support/routes';

/**
 * Each student's progress on a class copy (issue 13): a teacher sets tasks, students join and act,
 * and `GET …/progress` shows each student their own row and the teacher everyone's, counted from the
 * event log (an own delete takes the credit back, the teacher's does not) with the reasoning read
 * from the map; `GET …/progress.csv` gives the teacher the same for a gradebook. The identity mark
 * the counting uses never leaves the server.
 */
const database = throwawayDatabase('progress');
afterAll(() => database.cleanup());

type Copy = { map: { slug: string }; invite: { code: string } };
type ErrorAnswer = { error: { message: string; issues: { path: (string | number)[]; message: string }[] } };
type Student = {
  member: { id: string; name: string; role: string; joinedAt: string; lastActiveAt: string | null };
  tasks: { kind: string; label: string; done: number; target: number; complete: boolean; words: string }[];
  counts: Record<string, number>;
  complete: boolean;
  started: boolean;
  reasoning: Record<string, unknown> & {
    points: string[];
    objections: { made: string[]; defeating: string[]; answered: string[] };
    rebuttals: { made: string[]; defeating: string[]; answered: string[] };
    challenges: { aimed: string[]; answered: string[]; aimedKind: string };
    questions: { nodeId: string; question: string; state: string }[];
    quoted: string[];
    unsupported: string[];
  };
  summary: string;
};
type Progress = { tasks: { targets: Record<string, number> } | null; students: Student[]; viewer: { owner: boolean } };

const TARGETS = { objections: 2, underClassmates: 1, rebuttals: 1, questions: 1, quotes: 1, ratings: 1, comments: 1 };
const JO = 'Smith, "Jo"';
const FORMULA = '=HYPERLINK("http://evil.example","x")';

const row = async <T>(sql: string, ...values: unknown[]) => (await database.one<T>(sql, ...values))!;

let teacher: TestBrowser;
let ada: TestBrowser;
let jo: TestBrowser;
let quiet: TestBrowser;
let slug: string;
let code: string;
/** Every mark the log keeps on the class copy: none may appear in an answer. */
let marks: string[];
const ids: Record<string, string> = {};
/** Every progress answer read, to look for marks in at the end. */
const answersRead: string[] = [];

async function progressAs(browser: TestBrowser): Promise<Progress> {
  const answer = await browser.get<Progress>(`/api/maps/${slug}/progress`);
  expect(answer.status).toBe(200);
  answersRead.push(JSON.stringify(answer.body));
  return answer.body;
}

async function add(browser: TestBrowser, name: string, body: Record<string, unknown>): Promise<string> {
  const answer = await browser.post<{ node: { id: string } }>(`/api/maps/${slug}/nodes`, body);
  expect(answer.status, name).toBe(201);
  ids[name] = answer.body.node.id;
  return answer.body.node.id;
}

/** The raw bytes of `GET path` as `browser` (the test browser's text would drop a byte order mark). */
async function bytesOf(browser: TestBrowser, path: string): Promise<Uint8Array> {
  const { route, params } = routeFor('GET', path);
  const cookie = [...browser.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await call(await loadHandler(route), sameOriginRequest('GET', path, { headers: { cookie } }), params);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

const studentNamed = (progress: Progress, name: string) => {
  const found = progress.students.find((s) => s.member.name === name);
  if (!found) throw new Error(`No row for ${name}`);
  return found;
};

beforeAll(async () => {
  teacher = testBrowser();
  expect((await teacher.post('/api/auth/signup', { username: 'teacher-progress', password: 'correct horse battery' })).status).toBe(201);
  const copy = await teacher.post<Copy>('/api/maps/negotiate-now/copies', { title: 'Progress class' });
  expect(copy.status).toBe(201);
  slug = copy.body.map.slug;
  code = copy.body.invite.code;

  // Ada joins with her account (her mark is user:<id>), Jo and a quiet student by invite alone (member:<id>).
  ada = testBrowser();
  expect((await ada.post('/api/auth/signup', { username: 'ada-lovelace', password: 'correct horse battery' })).status).toBe(201);
  expect((await ada.post(`/api/invites/${code}`, { name: 'ignored for an account' })).status).toBe(201);
  jo = testBrowser();
  expect((await jo.post(`/api/invites/${code}`, { name: JO })).status).toBe(201);
  quiet = testBrowser();
  expect((await quiet.post(`/api/invites/${code}`, { name: FORMULA })).status).toBe(201);
});

test('before any task is set: every member but the teacher, nothing counted, tasks null', async () => {
  const progress = await progressAs(teacher);
  expect(progress.tasks).toBeNull();
  expect(progress.viewer).toEqual({ owner: true });
  expect(progress.students.map((s) => s.member.name).sort()).toEqual([FORMULA, 'ada-lovelace', JO].sort());
  for (const s of progress.students) {
    expect(s).toMatchObject({
      tasks: [],
      complete: false,
      started: false,
      summary: 'No points on the map yet',
      member: { role: 'editor', lastActiveAt: null },
    });
    expect(Object.values(s.counts)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  }
});

describe('two students act on the class copy', () => {
  beforeAll(async () => {
    expect((await teacher.put(`/api/maps/${slug}/tasks`, { targets: TARGETS, dueAt: '2026-12-10' })).status).toBe(200);
    const mapId = (await row<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?', slug)).id;
    const thesis = (await row<{ id: string }>(`SELECT "id" FROM "Node" WHERE "mapId" = ? AND "kind" = 'thesis' AND "deletedAt" IS NULL`, mapId)).id;
    const exampleStep = (
      await row<{ id: string }>(`SELECT "id" FROM "Inference" WHERE "mapId" = ? AND "scheme" = 'example' AND "deletedAt" IS NULL ORDER BY "id" LIMIT 1`, mapId)
    ).id;

    // Ada: a claim quoting the essay under the thesis (the seed's: not a classmate's point).
    await add(ada, 'A1', { kind: 'claim', text: 'Talks have lowered tensions before.', target: thesis, relation: 'supports', quote: { start: 0, end: 30 } });
    // Jo objects to Ada's claim: an objection under a classmate's point.
    await add(jo, 'J1', { kind: 'objection', text: 'One summit is not a pattern.', target: ids.A1, relation: 'attacks' });
    // Ada rebuts it: a rebuttal, and a point under a classmate's point.
    await add(ada, 'A2', { kind: 'rebuttal', text: 'There were three summits, not one.', target: ids.J1, relation: 'attacks' });
    // Ada raises a critical question of one of the seed's steps, and objects to the thesis.
    await add(ada, 'A3', { kind: 'objection', text: 'The examples were picked to fit.', target: exampleStep, relation: 'attacks', question: 'example.cq2' });
    await add(ada, 'A4', { kind: 'objection', text: 'Talks reward bad behaviour.', target: thesis, relation: 'attacks' });
    // Jo objects to the thesis too, then thinks better of it and deletes it himself.
    await add(jo, 'J2', { kind: 'objection', text: 'Nobody wants talks.', target: thesis, relation: 'attacks' });

    // Ratings (Jo changes his: still one point rated) and comments.
    expect((await ada.put(`/api/maps/${slug}/nodes/${ids.J1}/vote`, { value: 2 })).status).toBe(200);
    expect((await jo.put(`/api/maps/${slug}/nodes/${ids.A1}/vote`, { value: 3 })).status).toBe(200);
    expect((await jo.put(`/api/maps/${slug}/nodes/${ids.A1}/vote`, { value: 1 })).status).toBe(200);
    expect((await ada.post(`/api/maps/${slug}/nodes/${ids.J1}/comments`, { text: 'Which summit?' })).status).toBe(201);
    expect((await jo.post(`/api/maps/${slug}/nodes/${ids.A1}/comments`, { text: 'Source?' })).status).toBe(201);
  });

  test('before the deletes, Jo has two objections', async () => {
    const own = await progressAs(jo);
    expect(own.students.map((s) => s.member.name)).toEqual([JO]);
    expect(own.students[0].counts.objections).toBe(2);
  });

  test('an own delete takes the credit back; the teacher deleting a student’s point does not', async () => {
    expect((await jo.delete(`/api/maps/${slug}/nodes/${ids.J2}`)).status).toBe(200);
    expect((await teacher.delete(`/api/maps/${slug}/nodes/${ids.A4}`)).status).toBe(200);
    expect((await progressAs(jo)).students[0].counts.objections).toBe(1);
    expect(studentNamed(await progressAs(teacher), 'ada-lovelace').counts.objections).toBe(2);
  });

  test('each student sees only their own row, with their counts, tasks and reasoning', async () => {
    const seenByAda = await progressAs(ada);
    expect(seenByAda.viewer).toEqual({ owner: false });
    expect(seenByAda.tasks?.targets).toEqual(TARGETS);
    expect(seenByAda.students).toHaveLength(1);
    const a = seenByAda.students[0];
    expect(a.member).toMatchObject({ name: 'ada-lovelace', role: 'editor' });
    expect(a.counts).toEqual({ objections: 2, underClassmates: 1, rebuttals: 1, questions: 1, quotes: 1, unstated: 0, ratings: 1, comments: 1 });
    expect(a.tasks.map((t) => [t.kind, t.done, t.target, t.complete])).toEqual([
      ['objections', 2, 2, true],
      ['underClassmates', 1, 1, true],
      ['rebuttals', 1, 1, true],
      ['questions', 1, 1, true],
      ['quotes', 1, 1, true],
      ['ratings', 1, 1, true],
      ['comments', 1, 1, true],
    ]);
    expect(a.tasks[0]).toEqual({ kind: 'objections', label: 'Add objections', done: 2, target: 2, complete: true, words: '2 of 2 objections' });
    expect(a).toMatchObject({ complete: true, started: true });
    // The teacher's delete kept A4's credit, but A4 is off the map: the reasoning reads the map.
    expect(a.reasoning.points).toEqual([ids.A1, ids.A2, ids.A3]);
    expect(a.reasoning.objections).toEqual({ made: [ids.A3], defeating: [ids.A3], answered: [] });
    expect(a.reasoning.rebuttals).toEqual({ made: [ids.A2], defeating: [ids.A2], answered: [] });
    expect(a.reasoning.challenges).toEqual({ aimed: [ids.J1], answered: [ids.J1], aimedKind: 'objection' });
    expect(a.reasoning.questions).toMatchObject([{ nodeId: ids.A3, question: 'example.cq2', state: 'raised' }]);
    expect(a.reasoning.quoted).toEqual([ids.A1]);
    expect(a.reasoning.unsupported).toEqual([ids.A2, ids.A3]);
    expect(a.reasoning).not.toHaveProperty('mark');
    expect(a.summary).toBe(
      '1 objection, 1 unanswered and standing; 1 rebuttal, 1 unanswered and standing; answered 1 of 1 objection to their points; raised 1 critical question, 1 still unanswered; quoted the essay once; 2 unsupported assertions',
    );

    const seenByJo = await progressAs(jo);
    expect(seenByJo.students).toHaveLength(1);
    const j = seenByJo.students[0];
    expect(j.member.name).toBe(JO);
    expect(j.counts).toEqual({ objections: 1, underClassmates: 1, rebuttals: 0, questions: 0, quotes: 0, unstated: 0, ratings: 1, comments: 1 });
    expect(j.tasks.find((t) => t.kind === 'objections')).toMatchObject({ done: 1, target: 2, complete: false, words: '1 of 2 objections' });
    expect(j).toMatchObject({ complete: false, started: true });
    expect(j.reasoning.objections).toEqual({ made: [ids.J1], defeating: [], answered: [ids.J1] });
    expect(j.reasoning.challenges).toEqual({ aimed: [ids.A2], answered: [], aimedKind: 'rebuttal' });
    expect(j.summary).toBe('1 objection, 1 answered; answered 0 of 1 rebuttal to their points; 1 unsupported assertion');
  });

  test('the teacher sees every student, by name, with the same figures; a removed member is left out', async () => {
    const gone = testBrowser();
    expect((await gone.post(`/api/invites/${code}`, { name: 'Gone' })).status).toBe(201);
    expect((await progressAs(teacher)).students.map((s) => s.member.name)).toContain('Gone');
    const goneId = (await row<{ id: string }>('SELECT "id" FROM "Membership" WHERE "name" = ?', 'Gone')).id;
    expect((await teacher.delete(`/api/maps/${slug}/members/${goneId}`)).status).toBe(200);

    const all = await progressAs(teacher);
    expect(all.viewer).toEqual({ owner: true });
    expect(all.students.map((s) => s.member.name)).toEqual([FORMULA, 'ada-lovelace', JO]);
    expect(studentNamed(all, 'ada-lovelace')).toEqual((await progressAs(ada)).students[0]);
    expect(studentNamed(all, JO)).toEqual((await progressAs(jo)).students[0]);
    const silent = studentNamed(all, FORMULA);
    expect(silent).toMatchObject({ complete: false, started: false, summary: 'No points on the map yet', member: { lastActiveAt: null } });
    expect(silent.tasks.every((t) => t.done === 0 && !t.complete)).toBe(true);
    for (const s of [studentNamed(all, 'ada-lovelace'), studentNamed(all, JO)]) {
      expect(Date.parse(s.member.lastActiveAt!)).toBeGreaterThanOrEqual(Date.parse(s.member.joinedAt));
    }
    // A removed member can no longer read their own.
    expect((await gone.get(`/api/maps/${slug}/progress`)).status).toBe(401);
  });
});

describe('the CSV for the gradebook', () => {
  test('the teacher downloads it: BOM, header, one row per student, quoting and the formula prefix', async () => {
    const answer = await teacher.get<string>(`/api/maps/${slug}/progress.csv`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${slug}-progress.csv"`);
    const bytes = await bytesOf(teacher, `/api/maps/${slug}/progress.csv`);
    // The UTF-8 byte order mark first, so spreadsheets read the names as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    answersRead.push(text);
    expect(text.slice(1)).toBe(answer.body);
    const lines = text.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      'Name,Role,Joined,Last active,Add objections (of 2),Add points under classmates’ points (of 1),Rebut objections (of 1),Raise critical questions (of 1),Quote the essay in a point (of 1),Rate points (of 1),Comment (of 1),Objections defeating,Objections answered,Answered of aimed at them,Questions raised,Quoted the essay,Unsupported assertions,Summary',
    );
    const all = await progressAs(teacher);
    const when = (iso: string | null) => (iso === null ? '' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`);
    const [f, a, j] = [FORMULA, 'ada-lovelace', JO].map((name) => studentNamed(all, name).member);
    expect(lines.slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://evil.example"",""x"")",editor,${when(f.joinedAt)},,0,0,0,0,0,0,0,0,0,0 of 0,0,0,0,No points on the map yet`,
      `ada-lovelace,editor,${when(a.joinedAt)},${when(a.lastActiveAt)},2,1,1,1,1,1,1,1,0,1 of 1,1,1,2,"1 objection, 1 unanswered and standing; 1 rebuttal, 1 unanswered and standing; answered 1 of 1 objection to their points; raised 1 critical question, 1 still unanswered; quoted the essay once; 2 unsupported assertions"`,
      `"Smith, ""Jo""",editor,${when(j.joinedAt)},${when(j.lastActiveAt)},1,1,0,0,0,1,1,0,1,0 of 1,0,0,1,"1 objection, 1 answered; answered 0 of 1 rebuttal to their points; 1 unsupported assertion"`,
    ]);
  });

  test('a student asking for it: 403; nobody on the members-only map: 401', async () => {
    const refused = await jo.get<ErrorAnswer>(`/api/maps/${slug}/progress.csv`);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: { message: "Only the class's teacher can download the class's progress.", issues: [] } });
    const anonymous = await testBrowser().get<ErrorAnswer>(`/api/maps/${slug}/progress.csv`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.message).toBe('This map is for its members: sign in, or join with the invite link.');
  });
});

describe('who may not read progress', () => {
  test('nobody on a members-only map: 401; a signed-in account that is not a member: 403', async () => {
    const anonymous = await testBrowser().get<ErrorAnswer>(`/api/maps/${slug}/progress`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.message).toBe('This map is for its members: sign in, or join with the invite link.');

    const stranger = testBrowser();
    expect((await stranger.post('/api/auth/signup', { username: 'stranger-progress', password: 'correct horse battery' })).status).toBe(201);
    const refused = await stranger.get<ErrorAnswer>(`/api/maps/${slug}/progress`);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: { message: "Only the class's teacher sees everyone's progress; join the class to see your own.", issues: [] } });
    expect((await stranger.get(`/api/maps/${slug}/progress.csv`)).status).toBe(403);
  });

  test('a visitor of the open demo map (no teacher, no membership): 403', async () => {
    const visitor = await testBrowser().get<ErrorAnswer>('/api/maps/negotiate-now/progress');
    expect(visitor.status).toBe(403);
    expect(visitor.body.error.message).toBe("Only the class's teacher sees everyone's progress; join the class to see your own.");
  });

  test('an unknown map: 404', async () => {
    expect((await teacher.get('/api/maps/no-such-map/progress')).status).toBe(404);
  });
});

test('the identity marks never leave the server', async () => {
  const mapId = (await row<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?', slug)).id;
  marks = (await database.all<{ actorMark: string }>('SELECT DISTINCT "actorMark" FROM "MapEvent" WHERE "mapId" = ? AND "actorMark" IS NOT NULL', mapId)).map(
    (r) => r.actorMark,
  );
  // The teacher, Ada's account and Jo's membership all acted.
  expect(marks).toHaveLength(3);
  expect(answersRead.length).toBeGreaterThan(10);
  for (const text of answersRead) {
    expect(text).not.toContain('actorMark');
    for (const mark of marks) expect(text).not.toContain(mark);
  }
});
