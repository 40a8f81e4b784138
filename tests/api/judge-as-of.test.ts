import { afterAll, beforeAll, expect, test } from 'vitest';
import { testBrowser } from './support/browser';
import { throwawayDatabase } from './support/database';

/**
 * Issue 12: points carry the month their facts were known (`asOf`), the map can be judged as of a
 * month (`GET /api/maps/{slug}?asOf=YYYY-MM`), reasons carry a stock issue, the thesis can propose a
 * policy, and claims can be unstated. Each refusal names the field and writes nothing.
 */
const database = throwawayDatabase('judge-as-of');
afterAll(() => database.cleanup());

type Node = { id: string; kind: string; status: string; asOf: string | null; stockIssue: string | null; proposal: boolean; implicit: boolean; version: number };
type View = { nodes: Node[]; document: { published: string | null }; evaluation: { thesis: string | null; asOf: string | null }; lastEventId: number };
type Refusal = { error: { message: string; issues: { path: (string | number)[]; message: string }[] } };

const browser = testBrowser();
let slug = '';
const ids: Record<string, string> = {};

async function add(key: string, body: Record<string, unknown>): Promise<void> {
  const answer = await browser.post<{ node: Node }>(`/api/maps/${slug}/nodes`, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  ids[key] = answer.body.node.id;
}
const view = async (query = '') => (await browser.get<View>(`/api/maps/${slug}${query}`)).body;
/** PATCH answers `{ node }`; refusals `{ error }`. */
const unwrap = (answer: { status: number; body: { node: Node } | Refusal }) => ({
  status: answer.status,
  body: 'node' in answer.body ? answer.body.node : answer.body,
});
const statusOf = (v: View, key: string) => v.nodes.find((n) => n.id === ids[key])?.status;
const patch = async (key: string, body: Record<string, unknown>) =>
  unwrap(await browser.request<{ node: Node } | Refusal>('PATCH', `/api/maps/${slug}/nodes/${ids[key]}`, { body }));

beforeAll(async () => {
  const made = await browser.post<{ map: { slug: string } }>('/api/documents', {
    title: 'Library levy',
    published: '2009-08',
    text: 'The town should fund a library now. Reading scores fell this year.',
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  slug = made.body.map.slug;
  await add('thesis', { kind: 'thesis', text: 'The town should fund a library now.' });
  await add('harm', { kind: 'claim', text: 'Reading scores fell this year.', target: ids.thesis, relation: 'supports' });
  await add('fact', { kind: 'evidence', text: 'The 2009 state tests: scores down 8 points.', target: ids.harm, relation: 'supports' });
  await add('later', { kind: 'objection', text: 'The 2010 census showed the scores rose again.', target: ids.harm, relation: 'attacks', asOf: '2010-03' });
  await add('early', { kind: 'objection', text: 'A 2008 survey found the fall was a testing change.', target: ids.harm, relation: 'attacks', asOf: '2008-05' });
  await add('answer', {
    kind: 'rebuttal',
    text: 'The 2009 retest with the old test showed the same fall.',
    target: ids.early,
    relation: 'attacks',
    asOf: '2009-06',
  });
});

test('the essay keeps its month, and every point its asOf', async () => {
  const v = await view();
  expect(v.document.published).toBe('2009-08');
  expect(v.nodes.find((n) => n.id === ids.later)?.asOf).toBe('2010-03');
  expect(v.nodes.find((n) => n.id === ids.thesis)?.asOf).toBeNull();
});

test('judged today, the later objection defeats the reason; judged as of the essay, it is set aside', async () => {
  const today = await view();
  expect(today.evaluation).toEqual({ thesis: 'unsupported', asOf: null });
  expect(statusOf(today, 'later')).toBe('stands');
  expect(statusOf(today, 'harm')).toBe('defeated');

  const then = await view('?asOf=2009-08');
  expect(then.evaluation).toEqual({ thesis: 'stands', asOf: '2009-08' });
  expect(statusOf(then, 'later')).toBe('later');
  expect(statusOf(then, 'harm')).toBe('stands');
  // The 2008 objection and its 2009 answer both count in August 2009.
  expect(statusOf(then, 'early')).toBe('defeated');
  expect(statusOf(then, 'answer')).toBe('stands');

  // Before the answer was known, the 2008 objection stands.
  const before = await view('?asOf=2009-01');
  expect(statusOf(before, 'answer')).toBe('later');
  expect(statusOf(before, 'early')).toBe('stands');
  expect(before.evaluation.thesis).toBe('unsupported');
});

test.each([
  ['2009-13', 'A month is written YYYY-MM'],
  ['2009-8', 'A month is written YYYY-MM'],
  ['august', 'A month is written YYYY-MM'],
  ['2999-01', 'Jan 2999 has not happened yet.'],
])('?asOf=%s is refused with what a month looks like', async (asOf, message) => {
  const answer = await browser.get<Refusal>(`/api/maps/${slug}?asOf=${asOf}`);
  expect(answer.status).toBe(400);
  expect(answer.body.error.issues[0].path).toEqual(['asOf']);
  expect(answer.body.error.issues[0].message).toContain(message);
});

test('a point dated in a month that is not a month, or in the future, is refused and nothing is written', async () => {
  const before = (await view()).nodes.length;
  for (const asOf of ['2009-00', '09-2009', '2999-12']) {
    const answer = await browser.post<Refusal>(`/api/maps/${slug}/nodes`, {
      kind: 'objection',
      text: 'A dated objection.',
      target: ids.harm,
      relation: 'attacks',
      asOf,
    });
    expect(answer.status, asOf).toBe(400);
    expect(answer.body.error.issues.map((i) => i.path.join('.'))).toContain('asOf');
  }
  const thesisDated = await browser.post<Refusal>(`/api/maps/${slug}/nodes`, {
    kind: 'claim',
    text: 'Dated claim.',
    asOf: '2009-01',
    implicit: true,
    quote: { start: 0, end: 4 },
  });
  expect(thesisDated.status).toBe(400);
  expect((await view()).nodes.length).toBe(before);
});

test('PATCH dates a point, tags its stock issue and marks the thesis a proposal; what does not fit its kind is refused', async () => {
  const dated = await patch('later', { asOf: null });
  expect(dated.status).toBe(200);
  expect((dated.body as Node).asOf).toBeNull();
  expect(statusOf(await view('?asOf=2009-08'), 'later')).toBe('stands');
  expect((await patch('later', { asOf: '2010-03' })).status).toBe(200);

  const tagged = await patch('harm', { stockIssue: 'harm' });
  expect(tagged.status).toBe(200);
  expect((tagged.body as Node).stockIssue).toBe('harm');
  expect(((await patch('thesis', { proposal: true })).body as Node).proposal).toBe(true);

  const refusals: [string, Record<string, unknown>, string, string][] = [
    ['later', { stockIssue: 'harm' }, 'stockIssue', "An objection can be the negative's disadvantage or counterplan."],
    ['harm', { stockIssue: 'counterplan' }, 'stockIssue', 'A claim can bear on harm, inherency, solvency, timeliness.'],
    ['harm', { proposal: true }, 'proposal', 'Mark the thesis as a policy proposal, not another point.'],
    ['thesis', { asOf: '2009-01' }, 'asOf', 'The thesis is judged as of a month; it has no date of its own.'],
    ['harm', { stockIssue: 'urgency' }, 'stockIssue', 'stockIssue must be one of: harm, inherency, solvency, timeliness, disadvantage, counterplan.'],
  ];
  for (const [key, body, path, message] of refusals) {
    const answer = await patch(key, body);
    expect(answer.status, JSON.stringify(body)).toBe(400);
    expect((answer.body as Refusal).error.issues).toContainEqual({ path: [path], message });
  }
  const v = await view();
  expect(v.nodes.find((n) => n.id === ids.harm)).toMatchObject({ stockIssue: 'harm', proposal: false });
  expect(v.nodes.find((n) => n.id === ids.later)?.stockIssue).toBeNull();
});

test('a thesis made a claim stops proposing; a claim made the thesis loses its stock issue', async () => {
  expect((await patch('harm', { kind: 'thesis' })).status).toBe(200);
  const v = await view();
  expect(v.nodes.find((n) => n.id === ids.harm)).toMatchObject({ kind: 'thesis', stockIssue: null });
  expect(v.nodes.find((n) => n.id === ids.thesis)).toMatchObject({ kind: 'claim', proposal: false });
  expect((await patch('thesis', { kind: 'thesis' })).status).toBe(200);
});

test('claims can be unstated (a reconstruction in the analyst’s words); evidence cannot', async () => {
  const claim = await browser.post<{ node: Node }>(`/api/maps/${slug}/nodes`, {
    kind: 'claim',
    text: 'The council owes the town a library.',
    target: ids.thesis,
    relation: 'supports',
    implicit: true,
  });
  expect(claim.status).toBe(201);
  expect(claim.body.node).toMatchObject({ kind: 'claim', implicit: true });
  const evidence = await browser.post<Refusal>(`/api/maps/${slug}/nodes`, {
    kind: 'evidence',
    text: 'An unstated fact.',
    target: ids.thesis,
    relation: 'supports',
    implicit: true,
  });
  expect(evidence.status).toBe(400);
  expect(evidence.body.error.issues).toContainEqual({ path: ['implicit'], message: 'Only premises and claims can be unstated.' });
  // An unstated claim can become a premise, never evidence.
  ids.unstated = claim.body.node.id;
  expect((await patch('unstated', { kind: 'premise' })).status).toBe(200);
  expect((await patch('unstated', { kind: 'evidence' })).status).toBe(400);
});

test('a change of date or stock issue is in the history with what it was', async () => {
  const history = await browser.get<{ events: { type: string; summary?: string; data: { before?: { details?: unknown } } }[] }>(`/api/maps/${slug}/history`);
  expect(history.status).toBe(200);
  const changes = history.body.events.filter((e) => e.type === 'node.updated' && e.data.before?.details);
  expect(changes.length).toBeGreaterThanOrEqual(3);
  expect(changes.map((e) => e.data.before!.details)).toContainEqual({ asOf: '2010-03', stockIssue: null, proposal: false });
});

test('the brief is judged as of a month too, and says so; a bad month is refused', async () => {
  const markdown = await browser.get<string>(`/api/maps/${slug}/brief?side=negative&format=markdown&asOf=2009-08`);
  expect(markdown.status).toBe(200);
  expect(markdown.body).toContain('**Judged as of:** Aug 2009 — points resting on facts known only later are set aside (Later ◷)');
  expect(markdown.body).toContain('Later ◷');
  const today = await browser.get<string>(`/api/maps/${slug}/brief?side=negative&format=markdown`);
  expect(today.body).not.toContain('Judged as of');
  const refused = await browser.get<Refusal>(`/api/maps/${slug}/brief?side=negative&format=json&asOf=2009-13`);
  expect(refused.status).toBe(400);
  expect(refused.body.error.issues[0].path).toEqual(['asOf']);
});

test('one PATCH of words and details is one event whose before is the whole point as it was; a PATCH that changes nothing logs nothing', async () => {
  await add('edited', { kind: 'objection', text: 'A first wording from 2009.', target: ids.harm, relation: 'attacks', asOf: '2009-03' });
  const lastEvent = async () => (await view()).lastEventId;
  const start = await lastEvent();
  const changed = await patch('edited', { text: 'A second wording, from 2010.', version: 1, asOf: '2010-01' });
  expect(changed.status).toBe(200);
  expect(changed.body).toMatchObject({ text: 'A second wording, from 2010.', asOf: '2010-01', version: 2 });
  const history = await browser.get<{ events: { id: number; type: string; data: { node: { id: string }; before?: Record<string, unknown> } }[] }>(
    `/api/maps/${slug}/history`,
  );
  const mine = history.body.events.filter((e) => e.id > start);
  expect(mine).toHaveLength(1);
  expect(mine[0].type).toBe('node.updated');
  expect(mine[0].data.before).toMatchObject({
    text: 'A first wording from 2009.',
    version: 1,
    details: { asOf: '2009-03', stockIssue: null, proposal: false },
  });

  const afterEdit = await lastEvent();
  expect((await patch('edited', { asOf: '2010-01' })).status).toBe(200);
  expect((await patch('edited', { kind: 'objection' })).status).toBe(400);
  expect(await lastEvent()).toBe(afterEdit);
});
