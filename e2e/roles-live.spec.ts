import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { SLUG } from './support/api';

// The interface follows the role, live (issue 11): what a role cannot do is not offered (with the
// reason in words), a role or policy change reaches an open page without a reload, and members see
// who they are.

/** A teacher with an account, signed in within a fresh browser context, and a class copy of the demo map. */
async function teacherWithCopy(browser: Browser, baseURL: string, title: string) {
  const context = await browser.newContext({ baseURL });
  const username = `teacher${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const signup = await context.request.post('/api/auth/signup', { data: { username, password: 'correct horse battery' } });
  expect(signup.status(), await signup.text()).toBe(201);
  const copy = await context.request.post(`/api/maps/${SLUG}/copies`, { data: { title, className: 'Period 3' } });
  expect(copy.status(), await copy.text()).toBe(201);
  const { map, invite } = (await copy.json()) as { map: { slug: string }; invite: { code: string } };
  return { context, username, slug: map.slug, code: invite.code };
}

/** A student with no account who joins by the invite link under `name`; returns their open map page. */
async function studentJoins(browser: Browser, baseURL: string, code: string, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(`/join/${code}`);
  await page.getByTestId('join.name').fill(name);
  await page.getByTestId('join.submit').click();
  await expect(page.getByTestId('map.presence')).toHaveAttribute('data-live', 'true');
  return { context, page };
}

async function memberId(teacher: APIRequestContext, slug: string, name: string): Promise<string> {
  const { members } = (await (await teacher.get(`/api/maps/${slug}/members`)).json()) as { members: { id: string; name: string }[] };
  return members.find((m) => m.name === name)!.id;
}

/** Opens the history: its header button on wide screens, else the header's tools menu. */
async function toggleHistory(page: Page) {
  const button = page.getByTestId('map.history');
  if (await button.isVisible()) return button.click();
  await page.getByTestId('map.more').filter({ visible: true }).click();
  await page.getByRole('menuitem', { name: /history/i }).click();
}

/** Dismisses the notices at the foot of the page, so a screenshot shows what is under them. */
async function dismissNotices(page: Page) {
  const dismiss = page.getByTestId('notice.dismiss');
  while (await dismiss.isVisible()) await dismiss.click();
}

/** Selects the first quoted point (from the essay) and opens its Discussion tab. */
async function openDiscussion(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
  await page.locator('[data-testid="essay.quote"]').first().click();
  await expect(page.getByTestId('inspector.node')).toBeVisible();
  await page.getByTestId('inspector.tab-discussion').click();
  await expect(page.getByTestId('vote.summary')).not.toHaveText('Loading…');
}

test('a viewer is offered no rating, comment or editing controls, and is told why', async ({ browser, baseURL }) => {
  const teacher = await teacherWithCopy(browser, baseURL!, `Viewers ${Date.now()}`);
  const student = await studentJoins(browser, baseURL!, teacher.code, 'Mina');
  const id = await memberId(teacher.context.request, teacher.slug, 'Mina');
  expect((await teacher.context.request.patch(`/api/maps/${teacher.slug}/members/${id}`, { data: { role: 'viewer' } })).status()).toBe(200);

  const page = student.page;
  await expect(page.getByTestId('account.member')).toHaveText(/Mina\s*·\s*viewer/);
  await openDiscussion(page);
  const inspector = page.getByTestId('inspector');
  // Nothing that would be refused: no Object/Support, no rating buttons, no comment form.
  await expect(inspector.getByTestId('node.object')).toHaveCount(0);
  await expect(inspector.getByTestId('node.support')).toHaveCount(0);
  await expect(page.getByTestId('canvas').getByTestId('node.object')).toHaveCount(0);
  await expect(inspector.getByTestId('vote.options')).toHaveCount(0);
  await expect(inspector.getByTestId('comment.form')).toHaveCount(0);
  // …and the reason, in words, where the controls would be.
  await expect(inspector.getByTestId('comment.locked')).toHaveText(/Viewers can read the discussion but not comment\. Ask your teacher for the commenter role/);
  await expect(inspector.getByTestId('vote.locked')).toContainText('Viewers can see the ratings but not rate');
  await inspector.getByTestId('inspector.tab-connections').click();
  await expect(inspector.getByTestId('node.locked')).toContainText('Viewers can read the map but not add or change points');
  // Connecting by drag and moving cards are not offered either (React Flow marks draggable cards).
  await expect(page.locator('.react-flow__node.selected').getByTestId('canvas.connect-handle')).toBeHidden();
  await expect(page.locator('.react-flow__node.draggable')).toHaveCount(0);

  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await inspector.getByTestId('inspector.tab-discussion').click();
    await inspector.getByTestId('comment.locked').scrollIntoViewIfNeeded();
    await dismissNotices(page);
    await page.screenshot({ path: `/tmp/h2-viewer-${width}.png` });
  }

  // Recently deleted lists the teacher's delete, without a Restore the viewer could not use.
  const view = (await (await teacher.context.request.get(`/api/maps/${teacher.slug}`)).json()) as { nodes: { id: string; kind: string }[] };
  const objection = view.nodes.find((n) => n.kind === 'objection')!;
  expect((await teacher.context.request.delete(`/api/maps/${teacher.slug}/nodes/${encodeURIComponent(objection.id)}`)).status()).toBe(200);
  await toggleHistory(page);
  await page.getByTestId('history.tab-deleted').click();
  await expect(page.getByTestId('history.deleted-item')).toHaveCount(1);
  await expect(page.getByTestId('history.restore')).toBeHidden();

  // A visitor without an account on a read-only map: the same, and the reason is the map's.
  expect((await teacher.context.request.patch(`/api/maps/${teacher.slug}`, { data: { policy: 'read-only' } })).status()).toBe(200);
  const visitor = await browser.newContext({ baseURL });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`/maps/${teacher.slug}`);
  await expect(visitorPage.getByTestId('account.signin')).toBeVisible();
  await openDiscussion(visitorPage);
  await expect(visitorPage.getByTestId('vote.options')).toHaveCount(0);
  await expect(visitorPage.getByTestId('comment.form')).toHaveCount(0);
  await expect(visitorPage.getByTestId('comment.locked')).toContainText('This map is read-only');

  await visitor.close();
  await student.context.close();
  await teacher.context.close();
});

test('a role change reaches the open page at once: Object and Support go and come back, and the header says who the member is', async ({
  browser,
  baseURL,
}) => {
  const teacher = await teacherWithCopy(browser, baseURL!, `Live roles ${Date.now()}`);
  const teacherPage = await teacher.context.newPage();
  await teacherPage.goto(`/maps/${teacher.slug}`);
  const student = await studentJoins(browser, baseURL!, teacher.code, 'Jamal');
  const page = student.page;

  // The header names the member and their role; "Sign in" is not offered to a member.
  await expect(page.getByTestId('account.member')).toHaveText(/Jamal\s*·\s*editor/);
  await expect(page.getByTestId('account.signin')).toHaveCount(0);
  await openDiscussion(page);
  // The comment form signs with the membership's name, which the server fixes: no name box.
  await expect(page.getByTestId('comment.signed-as')).toHaveText('Posting as Jamal');
  await expect(page.getByTestId('comment.author')).toHaveCount(0);
  const inspector = page.getByTestId('inspector');
  await inspector.getByTestId('inspector.tab-connections').click();
  await expect(inspector.getByTestId('node.object')).toBeVisible();
  await expect(inspector.getByTestId('node.support')).toBeVisible();
  // A half-written objection: the form closes with the role, and the draft waits in the store.
  await inspector.getByTestId('node.object').click();
  await expect(page.getByTestId('composer.text')).toBeVisible();

  // The teacher, in the Share dialog, makes Jamal a commenter.
  await teacherPage.getByTestId('map.share').click();
  await teacherPage.getByLabel('Role of Jamal').selectOption('commenter');
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });

  await expect(inspector.getByTestId('node.object')).toHaveCount(0, { timeout: 5_000 });
  await expect(inspector.getByTestId('node.support')).toHaveCount(0);
  await expect(page.getByTestId('composer.text')).toHaveCount(0);
  await expect(page.getByTestId('account.member')).toHaveText(/Jamal\s*·\s*commenter/);
  await expect(inspector.getByTestId('node.locked')).toContainText('Commenters can rate and comment but not add or change points');
  await expect(page.getByTestId('notice').filter({ hasText: 'Your teacher made you a commenter' })).toBeVisible();
  // Commenting is still offered.
  await inspector.getByTestId('inspector.tab-discussion').click();
  await expect(inspector.getByTestId('comment.form')).toBeVisible();
  await expect(inspector.getByTestId('vote.options')).toBeVisible();
  const comment = `Is a funeral really an opening? ${Date.now()}`;
  await inspector.getByTestId('comment.text').fill(comment);
  await inspector.getByTestId('comment.submit').click();
  const posted = inspector.getByTestId('comment').filter({ hasText: comment });
  await expect(posted.getByTestId('comment.author-name')).toHaveText('Jamal');
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await inspector.getByTestId('comment.form').scrollIntoViewIfNeeded();
    await dismissNotices(page);
    await page.screenshot({ path: `/tmp/h2-commenter-${width}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // Editor again: Object and Support come back, still without a reload.
  await teacherPage.getByLabel('Role of Jamal').selectOption('editor');
  await inspector.getByTestId('inspector.tab-connections').click();
  await expect(inspector.getByTestId('node.object')).toBeVisible({ timeout: 5_000 });
  await expect(inspector.getByTestId('node.support')).toBeVisible();
  await expect(page.getByTestId('account.member')).toHaveText(/Jamal\s*·\s*editor/);
  await page.getByTestId('account.member').click();
  await expect(page.getByTestId('account.role-summary')).toContainText('You can add points');
  await page.screenshot({ path: '/tmp/h2-member-menu-1440.png' });
  await page.keyboard.press('Escape');

  // The teacher moderates: Jamal's comment offers the owner Edit and Delete.
  await teacherPage.keyboard.press('Escape');
  await openDiscussion(teacherPage);
  const onTeacher = teacherPage.getByTestId('comment').filter({ hasText: comment });
  await expect(onTeacher).toHaveAttribute('data-mine', 'false');
  await expect(onTeacher.getByTestId('comment.edit')).toBeVisible();
  await onTeacher.getByTestId('comment.delete').click();
  await expect(onTeacher).toContainText('Delete Jamal’s comment for everyone?');
  await onTeacher.getByTestId('comment.confirm-delete').click();
  await expect(onTeacher).toHaveCount(0);
  await inspector.getByTestId('inspector.tab-discussion').click();
  await expect(posted).toHaveCount(0);

  // Removed: the page says so and offers nothing that writes.
  await teacherPage.getByTestId('map.share').click();
  await teacherPage.getByRole('button', { name: 'Remove Jamal' }).click();
  await expect(page.getByTestId('account.no-access')).toBeVisible({ timeout: 5_000 });
  await expect(inspector.getByTestId('node.object')).toHaveCount(0);
  await expect(page.getByTestId('notice').filter({ hasText: 'You no longer have access to this map: you are not a member of it any more.' })).toBeVisible();
  await expect(inspector.getByTestId('node.locked')).toHaveText('You no longer have access to this map.');
  await page.screenshot({ path: '/tmp/h2-removed-1440.png' });
  expect(navigations, 'the student page never reloaded').toEqual([]);

  await student.context.close();
  await teacher.context.close();
});
