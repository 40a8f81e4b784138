import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type BrowserContext } from '@playwright/test';
import { SLUG } from './support/api';
import { LiveStream } from './support/stream';

/** A teacher with an account, signed in within a fresh browser context. */
async function teacherContext(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; username: string }> {
  const context = await browser.newContext({ baseURL });
  const username = `teacher${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const response = await context.request.post('/api/auth/signup', { data: { username, password: 'correct horse battery' } });
  expect(response.status(), await response.text()).toBe(201);
  return { context, username };
}

async function makeCopy(api: APIRequestContext, title: string) {
  const response = await api.post(`/api/maps/${SLUG}/copies`, { data: { title, className: 'Period 3' } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { map: { slug: string }; invite: { code: string; url: string } };
}

test('a teacher copies the map, a student joins by link, adds an objection the teacher sees live, and cannot delete the teacher’s point', async ({
  browser,
  baseURL,
}) => {
  const { context: teacher } = await teacherContext(browser, baseURL!);
  const teacherPage = await teacher.newPage();
  await teacherPage.goto(`/maps/${SLUG}`);
  await teacherPage.getByTestId('map.copy').click();
  const title = `Class copy ${Date.now()}`;
  await teacherPage.getByTestId('copy.title').fill(title);
  await teacherPage.getByTestId('copy.class').fill('Period 3');
  await teacherPage.getByTestId('copy.submit').click();
  await expect(teacherPage.getByTestId('map.title')).toHaveText(title);
  // The copy opens with its sharing panel: code, link and QR code.
  const code = (await teacherPage.getByTestId('share.code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(teacherPage.getByTestId('share.qr')).toBeVisible();
  const link = await teacherPage.getByTestId('share.link').inputValue();
  expect(link).toContain(`/join/${code}`);
  await teacherPage.keyboard.press('Escape');
  const copySlug = new URL(teacherPage.url()).pathname.split('/').pop()!;
  await expect(teacherPage.getByTestId('map.presence')).toHaveAttribute('data-live', 'true');

  // The student: no account, just the link and a name.
  const student = await browser.newContext({ baseURL });
  const studentPage = await student.newPage();
  await studentPage.goto(`/join/${code}`);
  await studentPage.getByTestId('join.name').fill('Jamal');
  await studentPage.getByTestId('join.submit').click();
  await expect(studentPage.getByTestId('map.title')).toHaveText(title);
  await expect(studentPage.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);

  await studentPage.locator('[data-testid="essay.quote"]').first().click();
  await expect(studentPage.getByTestId('inspector.node')).toBeVisible();
  // A student (editor) may object, but the teacher's point is not theirs to edit or delete.
  const inspector = studentPage.getByTestId('inspector');
  await expect(inspector.getByTestId('node.object')).toBeVisible();
  await expect(inspector.getByTestId('node.delete')).toHaveCount(0);
  await expect(inspector.getByTestId('node.edit')).toHaveCount(0);

  const objection = `Student objection ${Date.now()}: grief is not policy.`;
  await inspector.getByTestId('node.object').click();
  // Attribution comes from the membership, not from a form field.
  await expect(studentPage.getByTestId('composer.signed-as')).toHaveText('Posting as Jamal');
  await studentPage.getByTestId('composer.text').fill(objection);
  await studentPage.getByTestId('composer.submit').click();
  const onStudent = studentPage.getByTestId('canvas.node').filter({ has: studentPage.getByText(objection, { exact: true }) });
  await expect(onStudent).toContainText('Jamal');
  // Their own point they may edit and delete.
  await expect(inspector.getByTestId('node.delete')).toBeVisible();

  // The teacher is told, and "Show" opens the folds over it (the copy opens on its main reasons) and brings it into view.
  const notice = teacherPage.getByTestId('notice').filter({ hasText: 'Jamal added an objection' });
  await expect(notice).toBeVisible({ timeout: 3_000 });
  await notice.getByTestId('notice.show').click();
  const onTeacher = teacherPage.getByTestId('canvas.node').filter({ has: teacherPage.getByText(objection, { exact: true }) });
  await expect(onTeacher).toBeVisible({ timeout: 3_000 });
  await expect(onTeacher.getByTestId('canvas.node-new')).toHaveText('New · Jamal');

  // The server refuses what the UI hides.
  const view = await (await student.request.get(`/api/maps/${copySlug}`)).json();
  const teachersPoint = view.nodes.find((n: { kind: string }) => n.kind === 'claim');
  const refused = await student.request.delete(`/api/maps/${copySlug}/nodes/${encodeURIComponent(teachersPoint.id)}`);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toMatch(/cannot/);

  await teacher.close();
  await student.close();
});

test('who may do what on a class copy: the permission matrix through the API', async ({ browser, baseURL }) => {
  const { context: teacher } = await teacherContext(browser, baseURL!);
  const copy = await makeCopy(teacher.request, `Matrix ${Date.now()}`);
  const base = `/api/maps/${copy.map.slug}`;
  const view = await (await teacher.request.get(base)).json();
  const claim = view.nodes.find((n: { kind: string }) => n.kind === 'claim');
  const objection = (text: string) => ({ kind: 'objection', text, target: claim.id, relation: 'attacks' });

  // Nobody: 401 everywhere, the page is a join screen.
  const nobody = await playwrightRequest.newContext({ baseURL });
  expect((await nobody.get(base)).status()).toBe(401);
  expect((await nobody.post(`${base}/nodes`, { data: objection('From nobody.') })).status()).toBe(401);
  const gate = await browser.newPage({ baseURL });
  await gate.goto(`/maps/${copy.map.slug}`);
  await expect(gate.getByTestId('join.gate')).toBeVisible();
  await gate.close();

  // A student joins (editor by default).
  const student = await playwrightRequest.newContext({ baseURL });
  const joined = await student.post(`/api/invites/${copy.invite.code}`, { data: { name: 'Ada' } });
  expect(joined.status()).toBe(201);
  expect(await joined.json()).toEqual({ map: { slug: copy.map.slug }, role: 'editor' });
  expect(joined.headers()['set-cookie']).toMatch(/HttpOnly/);
  const mine = await student.post(`${base}/nodes`, { data: { ...objection('Mine.'), author: 'Someone Else' } });
  expect(mine.status()).toBe(201);
  const { node } = await mine.json();
  // Attribution from the membership, never from the body.
  expect(node.author).toBe('Ada');
  expect((await student.patch(`${base}/nodes/${node.id}`, { data: { text: 'Mine, reworded.', version: node.version } })).status()).toBe(200);
  expect((await student.patch(`${base}/nodes/${encodeURIComponent(claim.id)}`, { data: { text: 'Not mine.', version: claim.version } })).status()).toBe(403);
  expect((await student.get(`${base}/members`)).status()).toBe(403);

  // The owner makes the student a commenter: comments yes, points no.
  const members = (await (await teacher.request.get(`${base}/members`)).json()).members as { id: string; name: string }[];
  const ada = members.find((m) => m.name === 'Ada')!;
  expect((await teacher.request.patch(`${base}/members/${ada.id}`, { data: { role: 'commenter' } })).status()).toBe(200);
  expect((await student.post(`${base}/nodes`, { data: objection('Now refused.') })).status()).toBe(403);
  const comment = await student.post(`${base}/nodes/${encodeURIComponent(claim.id)}/comments`, { data: { text: 'May I still comment?' } });
  expect(comment.status()).toBe(201);
  // The owner moderates: edits or deletes anyone's comment, deletes anyone's point.
  const { comment: posted } = await comment.json();
  expect((await teacher.request.delete(`${base}/comments/${posted.id}`)).status()).toBe(200);
  expect((await teacher.request.delete(`${base}/nodes/${node.id}`)).status()).toBe(200);

  // Viewer: read only.
  await teacher.request.patch(`${base}/members/${ada.id}`, { data: { role: 'viewer' } });
  expect((await student.get(base)).status()).toBe(200);
  expect((await student.post(`${base}/nodes/${encodeURIComponent(claim.id)}/comments`, { data: { text: 'Refused.' } })).status()).toBe(403);

  // Removed: no longer a member.
  await teacher.request.delete(`${base}/members/${ada.id}`);
  expect((await student.get(base)).status()).toBe(401);

  // Rotating the invite retires the old code; a disabled invite admits nobody.
  const rotated = await (await teacher.request.put(`${base}/invite`, { data: { action: 'rotate' } })).json();
  expect(rotated.invite.code).not.toBe(copy.invite.code);
  expect((await nobody.post(`/api/invites/${copy.invite.code}`, { data: { name: 'Late' } })).status()).toBe(404);
  await teacher.request.put(`${base}/invite`, { data: { action: 'disable' } });
  expect((await nobody.post(`/api/invites/${rotated.invite.code}`, { data: { name: 'Late' } })).status()).toBe(404);

  // Read-only policy: anyone may read, nobody but the owner changes anything.
  expect((await teacher.request.patch(base, { data: { policy: 'read-only' } })).status()).toBe(200);
  expect((await nobody.get(base)).status()).toBe(200);
  expect((await nobody.post(`${base}/nodes`, { data: objection('No.') })).status()).toBe(403);
  // Bad bodies are refused with the usual error body.
  const bad = await teacher.request.patch(base, { data: { policy: 'everyone' } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.issues[0].path).toEqual(['policy']);
  // Copies need an account.
  expect((await nobody.post(`/api/maps/${SLUG}/copies`, { data: { title: 'Sneaky copy' } })).status()).toBe(401);

  await nobody.dispose();
  await student.dispose();
  await teacher.close();
});

test('the open demo map stays open: no account, no invite', async ({ request }) => {
  const view = await (await request.get(`/api/maps/${SLUG}`)).json();
  expect(view.map.policy).toBe('open');
  expect(view.viewer).toEqual({ role: 'editor', name: null, signedIn: false, alias: null });
});

test('what the security review found stays fixed', async ({ browser, baseURL }) => {
  const { context: teacher } = await teacherContext(browser, baseURL!);
  const copy = await makeCopy(teacher.request, `Review ${Date.now()}`);
  const base = `/api/maps/${copy.map.slug}`;
  const view = await (await teacher.request.get(base)).json();
  const claim = view.nodes.find((n: { kind: string }) => n.kind === 'claim');
  const student = await playwrightRequest.newContext({ baseURL });
  expect((await student.post(`/api/invites/${copy.invite.code}`, { data: { name: 'Ada' } })).status()).toBe(201);

  // Names come from the membership everywhere: points, comments, and the history's "who".
  const { node } = await (
    await student.post(`${base}/nodes`, {
      headers: { 'X-Argmap-Name': 'Ms Smith' },
      data: { kind: 'objection', text: 'Signed by Ada.', target: claim.id, relation: 'attacks', author: 'Ms Smith' },
    })
  ).json();
  expect(node.author).toBe('Ada');
  const comment = await (
    await student.post(`${base}/nodes/${encodeURIComponent(claim.id)}/comments`, {
      headers: { 'X-Argmap-Name': 'Ms Smith' },
      data: { text: 'Mine.', author: 'Ms Smith' },
    })
  ).json();
  expect(comment.comment.author).toBe('Ada');
  await student.patch(`${base}/nodes/${node.id}`, {
    headers: { 'X-Argmap-Name': 'Ms Smith' },
    data: { text: 'Signed by Ada, reworded.', version: node.version },
  });
  const { events } = await (await teacher.request.get(`${base}/history?limit=3`)).json();
  expect(events.map((e: { actor: string }) => e.actor)).toEqual(['Ada', 'Ada', 'Ada']);

  // A vote belongs to the member, not to whatever key the browser sends.
  for (const key of ['key-aaaaaaaaaaaaaaaaaaaa', 'key-bbbbbbbbbbbbbbbbbbbb']) {
    await student.put(`${base}/nodes/${encodeURIComponent(claim.id)}/vote`, { headers: { 'X-Argmap-Owner': key }, data: { value: 4 } });
  }
  const summary = await (await teacher.request.get(`${base}/nodes/${encodeURIComponent(claim.id)}/vote`)).json();
  expect(summary.rating.count).toBe(1);

  // The owner's delete is not the student's to undo.
  const { deletionId } = await (await teacher.request.delete(`${base}/nodes/${node.id}`)).json();
  expect((await student.post(`${base}/deletions/${deletionId}/restore`)).status()).toBe(403);
  expect((await teacher.request.post(`${base}/deletions/${deletionId}/restore`)).status()).toBe(200);

  // Someone else's step is not the student's to rename.
  const step = view.inferences[0];
  expect((await student.patch(`${base}/inferences/${step.id}`, { data: { scheme: 'analogy' } })).status()).toBe(403);

  // A student cannot copy the class's map and republish it.
  expect((await student.post(`${base}/copies`, { data: { title: 'Leaked copy' } })).status()).toBe(401);

  // A removed member's open stream is closed at once.
  const controller = new AbortController();
  const members = (await (await teacher.request.get(`${base}/members`)).json()).members as { id: string; name: string }[];
  const cookies = await student.storageState();
  const cookieHeader = cookies.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const live = await fetch(`${baseURL}${base}/events`, { headers: { cookie: cookieHeader }, signal: controller.signal });
  expect(live.status).toBe(200);
  const stream = new LiveStream(live);
  try {
    await stream.opened(5_000);
    await teacher.request.delete(`${base}/members/${members.find((m) => m.name === 'Ada')!.id}`);
    await stream.end('end of the removed member’s stream', 5_000);
  } finally {
    controller.abort();
  }

  // Members-only maps are not listed to strangers.
  const stranger = await playwrightRequest.newContext({ baseURL });
  expect(await (await stranger.get('/')).text()).not.toContain(copy.map.slug);
  expect(await (await teacher.request.get('/')).text()).toContain(copy.map.slug);

  // Changes from another site's page are refused.
  const crossSite = await teacher.request.post(`${base}/nodes`, {
    headers: { Origin: 'http://evil.example' },
    data: { kind: 'objection', text: 'From elsewhere.', target: claim.id, relation: 'attacks' },
  });
  expect(crossSite.status()).toBe(403);

  // Guessing invite codes is limited per address.
  const guesser = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': `203.0.113.${Math.floor(Math.random() * 200)}` } });
  let last = 0;
  for (let i = 0; i < 21; i++) last = (await guesser.post(`/api/invites/ZZZZ${String(i).padStart(2, '0')}`, { data: { name: 'Guess' } })).status();
  expect(last).toBe(429);

  await guesser.dispose();
  await stranger.dispose();
  await student.dispose();
  await teacher.close();
});
