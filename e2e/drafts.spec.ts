import { expect, test, type Page } from '@playwright/test';
import { api, readMap, SLUG } from './support/api';

/**
 * Unsent text survives (issue 11): a half-written point comes back after a reload or Back/Forward
 * in the composer it was typed in; `/new` keeps its fields; leaving with unsent words asks first;
 * a critical question's prompt must be edited before it can be sent.
 */
const MAP = `/maps/${SLUG}`;
const DOOR_OPEN = `${SLUG}.claim-door-open`;
const DIPLOMACY_WORKED = `${SLUG}.claim-diplomacy-worked`;

async function laidOut(page: Page) {
  await expect(page.getByTestId('map.title')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
}

/** Accepts every dialog the page opens, and records their types (`beforeunload`, `confirm`, …). */
function acceptDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(dialog.type());
    void dialog.accept();
  });
  return seen;
}

function essayQuote(page: Page, id: string) {
  return page.locator(`[data-testid="essay.quote"][data-node-id="${id}"]`).first();
}

/** The card whose own words are `text`. */
function card(page: Page, text: string) {
  return page.getByTestId('canvas.node').filter({ has: page.getByText(text, { exact: true }) });
}

test('a half-written objection comes back after a reload and after Back/Forward, and is gone once sent', async ({ page, request }) => {
  const dialogs = acceptDialogs(page);
  await page.goto('/');
  await page.goto(MAP);
  await laidOut(page);
  await essayQuote(page, DOOR_OPEN).click();
  const inspector = page.getByTestId('inspector');
  await inspector.getByTestId('node.object').click();
  const half = `Half an objection ${Date.now()}: the door`;
  await page.getByTestId('composer.text').fill(half);

  await page.reload();
  await laidOut(page);
  expect(dialogs).toContain('beforeunload');
  // The same composer, open again on the same point, with the words typed so far.
  const composer = page.getByRole('form', { name: 'Object to this point' });
  await expect(composer.getByTestId('composer.text')).toHaveValue(half);
  await expect(page.getByTestId('inspector.node')).toHaveAttribute('data-node-id', DOOR_OPEN);
  await expect(composer.getByTestId('composer.text')).toBeFocused();
  await expect(composer.getByTestId('composer.resumed')).toHaveText('Not sent yet — here is what you wrote.');
  await page.screenshot({ path: '/tmp/h4-restored-1440.png' });

  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await page.goForward();
  await laidOut(page);
  await expect(page.getByTestId('composer.text')).toHaveValue(half);

  const whole = `${half} was opened by the summit, not by a death.`;
  await page.getByTestId('composer.text').fill(whole);
  await page.getByTestId('composer.submit').click();
  await expect(card(page, whole)).toBeVisible();
  const before = dialogs.length;
  await page.reload();
  await laidOut(page);
  await expect(page.getByTestId('composer')).toHaveCount(0);
  expect(dialogs.slice(before), 'nothing unsent: no question on leaving').toEqual([]);
  expect(await page.evaluate((slug) => sessionStorage.getItem(`argmap.drafts.${slug}`), SLUG)).toBeNull();

  const added = (await readMap(request)).nodes.find((n) => n.text === whole)!;
  expect((await request.delete(api.node(added.id))).ok()).toBe(true);
});

test('a draft whose composer was closed is offered on its point: Resume reopens it, Discard drops it', async ({ page }) => {
  const dialogs = acceptDialogs(page);
  await page.goto(MAP);
  await laidOut(page);
  await essayQuote(page, DOOR_OPEN).click();
  const inspector = page.getByTestId('inspector');
  await inspector.getByTestId('node.object').click();
  const half = `Closed draft ${Date.now()}: the door`;
  await page.getByTestId('composer.text').fill(half);
  // Escape (outside the text box) closes the composer but keeps the words.
  await inspector.getByTestId('inspector.text').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('composer')).toHaveCount(0);
  const offer = inspector.getByTestId('drafts.offer');
  await expect(offer).toContainText('You have an unsent objection here');
  await expect(offer).toContainText(half);
  await page.screenshot({ path: '/tmp/h4-offer-1440.png' });

  await offer.getByTestId('drafts.resume').click();
  await expect(page.getByRole('form', { name: 'Object to this point' }).getByTestId('composer.text')).toHaveValue(half);
  await expect(offer).toHaveCount(0);

  await inspector.getByTestId('inspector.text').click();
  await page.keyboard.press('Escape');
  await offer.getByTestId('drafts.discard').click();
  await expect(offer).toHaveCount(0);
  await page.reload();
  await laidOut(page);
  expect(dialogs, 'nothing unsent after Discard').toEqual([]);
  await expect(page.getByTestId('composer')).toHaveCount(0);
});

test('on a phone, the restored composer opens in the bottom panel', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  acceptDialogs(page);
  await page.goto(MAP);
  await expect(page.getByTestId('map.title')).toBeVisible();
  await page.getByTestId('outline.row').filter({ hasText: 'opened the door to peace' }).first().click();
  await page.getByTestId('inspector').getByTestId('node.object').click();
  const half = `Phone draft ${Date.now()}: the door was`;
  await page.getByTestId('composer.text').fill(half);
  await page.reload();
  await expect(page.getByTestId('composer.text')).toHaveValue(half);
  await expect(page.getByTestId('composer.text')).toBeInViewport();
  await page.screenshot({ path: '/tmp/h4-restored-390.png' });
});

test('leaving with unsent words asks first; with nothing unsent it does not', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    // Stay on the page.
    void dialog.dismiss();
  });
  await page.goto(MAP);
  await laidOut(page);
  await essayQuote(page, DOOR_OPEN).click();
  await page.getByTestId('inspector').getByTestId('node.object').click();
  // An open composer with nothing typed in it: leaving asks nothing.
  await page.reload();
  await laidOut(page);
  expect(dialogs).toEqual([]);

  await essayQuote(page, DOOR_OPEN).click();
  await page.getByTestId('inspector').getByTestId('node.support').click();
  const half = `Unsent reason ${Date.now()}`;
  await page.getByTestId('composer.text').fill(half);

  // A link inside the app asks (and staying keeps the page and the words).
  await page.getByTestId('account.signin').click();
  await expect.poll(() => dialogs).toEqual(['confirm']);
  await expect(page).toHaveURL(new RegExp(`${MAP}$`));
  await expect(page.getByTestId('composer.text')).toHaveValue(half);

  // Closing the tab (or reloading, or going to another site) asks too.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['confirm', 'beforeunload']);
});

test('/new keeps the title, author and essay through a reload, and forgets them once the map is made', async ({ page }) => {
  const dialogs = acceptDialogs(page);
  await page.goto('/new');
  const title = `Draft essay ${Date.now()}`;
  await page.getByTestId('new-map.title').fill(title);
  await page.getByTestId('new-map.author').fill('Jane Roe');
  await page.getByTestId('new-map.text').fill('Our town should build a library.\n\nBooks cost too much for most families.');
  await page.getByTestId('new-map.title').click();

  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  await expect(page.getByTestId('new-map.title')).toHaveValue(title);
  await expect(page.getByTestId('new-map.author')).toHaveValue('Jane Roe');
  await expect(page.getByTestId('new-map.text')).toHaveValue('Our town should build a library.\n\nBooks cost too much for most families.');
  await page.screenshot({ path: '/tmp/h4-new-restored.png' });

  await page.getByTestId('new-map.submit').click();
  await expect(page.getByTestId('map.title')).toHaveText(title);
  expect(dialogs, 'creating the map is not leaving with unsent words').toEqual(['beforeunload']);
  await page.goto('/new');
  await expect(page.getByTestId('new-map.title')).toHaveValue('');
  await expect(page.getByTestId('new-map.text')).toHaveValue('');
});

test('a critical question’s prompt must be finished before it can be sent', async ({ page }) => {
  const dialogs = acceptDialogs(page);
  await page.goto(MAP);
  await laidOut(page);
  await essayQuote(page, DIPLOMACY_WORKED).click();
  await page.getByTestId('inspector.step').first().click();
  await page.getByTestId('inspector.question').first().getByTestId('inspector.raise-question').click();

  const text = page.getByTestId('composer.text');
  const prompt = await text.inputValue();
  expect(prompt.trim()).not.toBe('');
  const submit = page.getByTestId('composer.submit');
  await expect(submit).toBeDisabled();
  await expect(page.getByTestId('composer.prompt-hint')).toHaveText('Finish the sentence in your own words');
  await page.screenshot({ path: '/tmp/h4-prompt-1440.png' });
  // Spaces around the prompt are not words.
  await text.fill(`  ${prompt}  `);
  await expect(submit).toBeDisabled();
  // The prompt, unchanged, is nothing to lose.
  await page.reload();
  await laidOut(page);
  expect(dialogs).toEqual([]);

  await essayQuote(page, DIPLOMACY_WORKED).click();
  await page.getByTestId('inspector.step').first().click();
  await page.getByTestId('inspector.question').first().getByTestId('inspector.raise-question').click();
  await text.press('End');
  await text.pressSequentially(' the freeze');
  await expect(submit).toBeEnabled();
  await expect(page.getByTestId('composer.prompt-hint')).toHaveCount(0);
});

test('signed in, the composer says whose name a point goes under instead of offering a name box', async ({ page }) => {
  const username = `drafts${Date.now().toString(36)}`;
  const signup = await page.request.post('/api/auth/signup', { data: { username, password: 'correct horse battery' } });
  expect(signup.status(), await signup.text()).toBe(201);
  await page.goto(MAP);
  await laidOut(page);
  await essayQuote(page, DOOR_OPEN).click();
  await page.getByTestId('inspector').getByTestId('node.object').click();
  await expect(page.getByTestId('composer.signed-as')).toHaveText(`Posting as ${username}`);
  await expect(page.getByTestId('composer.author')).toHaveCount(0);
});

test('a student made a viewer meanwhile gets no composer back, but the Posting-as line showed their class name', async ({ browser, baseURL, page }) => {
  const teacher = await browser.newContext({ baseURL });
  const signup = await teacher.request.post('/api/auth/signup', { data: { username: `teacher${Date.now().toString(36)}`, password: 'correct horse battery' } });
  expect(signup.status()).toBe(201);
  const copied = await teacher.request.post(`/api/maps/${SLUG}/copies`, { data: { title: `Drafts class ${Date.now()}`, className: 'Period 4' } });
  expect(copied.status()).toBe(201);
  const copy = (await copied.json()) as { map: { slug: string }; invite: { code: string } };
  expect((await page.request.post(`/api/invites/${copy.invite.code}`, { data: { name: 'Ada' } })).status()).toBe(201);

  acceptDialogs(page);
  await page.goto(`/maps/${copy.map.slug}`);
  await laidOut(page);
  await page.locator('[data-testid="essay.quote"]').first().click();
  await page.getByTestId('inspector').getByTestId('node.object').click();
  await expect(page.getByTestId('composer.signed-as')).toHaveText('Posting as Ada');
  await expect(page.getByTestId('composer.author')).toHaveCount(0);
  await page.getByTestId('composer.text').fill(`Ada's half objection ${Date.now()}`);

  const members = (await (await teacher.request.get(`/api/maps/${copy.map.slug}/members`)).json()).members as { id: string; name: string }[];
  const ada = members.find((m) => m.name === 'Ada')!;
  expect((await teacher.request.patch(`/api/maps/${copy.map.slug}/members/${ada.id}`, { data: { role: 'viewer' } })).status()).toBe(200);
  await page.reload();
  await laidOut(page);
  await expect(page.getByTestId('composer')).toHaveCount(0);
  await teacher.close();
});
