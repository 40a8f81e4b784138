import { expect, test, type Page } from '@playwright/test';
import { SLUG, readMap } from './support/api';
import { join, newContext } from './support/class';

/**
 * Issue 13, section 4: the teacher makes a class copy anonymous; students then see each other as
 * "Student 1, 2, …" — on the cards, in comments and in the history — and themselves by name, while
 * the teacher sees every name. Turning it off shows the names again, live, with nothing stored
 * changed. Screenshots of a student's and the teacher's view go to test-results/.
 */

// Names that appear nowhere in the essay or its map: seeing one on a student's page is a leak.
const ADA = 'Zephyrine Quist';
const BEN = 'Orlando Vask';

/** Opens (or closes) the history: its header button on wide screens, the "More tools" menu below 1,536 px. */
async function toggleHistory(page: Page) {
  const button = page.getByTestId('map.history');
  if (await button.isVisible()) return button.click();
  await page.getByTestId('map.more').filter({ visible: true }).click();
  await page.getByRole('menuitem', { name: /history/i }).click();
}

test('an anonymous class: students see "Student N", the teacher sees names, and turning it off shows them again', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const teacher = await newContext(browser, baseURL!);
  const username = `anon${Date.now().toString(36)}`;
  expect((await teacher.request.post('/api/auth/signup', { data: { username, password: 'correct horse battery' } })).status()).toBe(201);
  const teacherPage = await teacher.newPage();
  await teacherPage.goto(`/maps/${SLUG}`);
  await teacherPage.getByTestId('map.copy').click();
  await teacherPage.getByTestId('copy.title').fill(`Anonymous class ${Date.now()}`);
  await teacherPage.getByTestId('copy.submit').click();
  // The share dialog opens on the new copy: the teacher makes the class anonymous there.
  const code = (await teacherPage.getByTestId('share.code').textContent())!.trim();
  const anonymous = teacherPage.getByTestId('share.anonymous').getByRole('checkbox');
  await expect(anonymous).not.toBeChecked();
  await anonymous.check();
  await expect(anonymous).toBeChecked();
  await teacherPage.keyboard.press('Escape');
  const slug = new URL(teacherPage.url()).pathname.split('/').pop()!;

  const ada = await join(browser, baseURL!, code, ADA);
  const ben = await join(browser, baseURL!, code, BEN);
  // Nobody can join as a classmate to see her points under her name: the form says so at the name.
  const copycat = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  const copycatPage = await copycat.newPage();
  await copycatPage.goto(`/join/${code}`);
  await copycatPage.getByTestId('join.name').fill(ADA.toLowerCase());
  await copycatPage.getByTestId('join.submit').click();
  await expect(copycatPage.getByTestId('join.name-error')).toContainText('Someone in this class already uses the name');
  await copycatPage.screenshot({ path: 'test-results/anonymity-join-refused-390.png' });
  await copycat.close();
  const thesis = (await readMap(teacher.request, slug)).nodes.find((n) => n.kind === 'thesis')!;
  const objection = await ada.context.request.post(`/api/maps/${slug}/nodes`, {
    data: { kind: 'objection', text: 'Talks reward the attacker for the attack.', target: thesis.id, relation: 'attacks' },
  });
  expect(objection.status()).toBe(201);
  expect(
    (await ada.context.request.post(`/api/maps/${slug}/nodes/${thesis.id}/comments`, { data: { text: 'Which talks does the essay mean?' } })).status(),
  ).toBe(201);

  // Ben sees Ada's card as Student 1, live, and nowhere her name.
  const adaCard = (page: Page) => page.locator('[data-testid="canvas.node"][data-kind="objection"]').filter({ hasText: 'Talks reward the attacker' });
  await expect(adaCard(ben.page)).toContainText('Student 1');
  await expect(ben.page.locator('body')).not.toContainText(ADA);
  // Who else is here: she is Student 1 there too.
  await expect(ben.page.getByRole('group', { name: /Also here/ })).toHaveAccessibleName(/Student 1/);
  // His own name, and how classmates see him, in his menu.
  await ben.page.getByTestId('account.member').click();
  await expect(ben.page.getByTestId('account.alias')).toContainText('classmates see you as Student 2');
  await ben.page.keyboard.press('Escape');

  // The comment thread and the history name her the same way.
  await ben.page.locator(`[data-testid="canvas.node"][data-node-id="${thesis.id}"]`).click();
  await ben.page.getByTestId('inspector').getByTestId('inspector.tab-discussion').click();
  await expect(ben.page.getByTestId('comment.author-name')).toHaveText('Student 1');
  await expect(ben.page.getByTestId('comment.signed-as')).toContainText(`Posting as ${BEN} · classmates see “Student 2”`);
  await toggleHistory(ben.page);
  await expect(ben.page.getByTestId('history.event').first()).toContainText('Student 1');
  await expect(ben.page.getByTestId('history')).not.toContainText(ADA);
  await ben.page.screenshot({ path: 'test-results/anonymity-student-1440.png' });
  await toggleHistory(ben.page);

  // The teacher sees her name on the card and, in the share dialog, the label beside each name.
  await expect(adaCard(teacherPage)).toContainText(ADA);
  await teacherPage.getByTestId('map.share').click();
  const members = teacherPage.getByTestId('share.members');
  await expect(members.getByTestId('share.member').filter({ hasText: ADA })).toContainText('Student 1');
  await expect(members.getByTestId('share.member').filter({ hasText: BEN })).toContainText('Student 2');
  await teacherPage.screenshot({ path: 'test-results/anonymity-teacher-1440.png' });

  // Off again: Ben's page shows her name without a reload, and is told why.
  await teacherPage.getByTestId('share.anonymous').getByRole('checkbox').uncheck();
  await expect(teacherPage.getByTestId('share.anonymous').getByRole('checkbox')).not.toBeChecked();
  await expect(adaCard(ben.page)).toContainText(ADA);
  await expect(ben.page.getByText('Your teacher showed the class’s names again.')).toBeVisible();

  await Promise.all([teacher.close(), ada.context.close(), ben.context.close()]);
});
