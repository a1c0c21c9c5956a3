import { test, expect, signIn, listFromApi, resultCount, EXPECTS_CONSOLE_ERRORS, acceptWithADeal, roleSetterFor, editBody } from './fixtures';
import type { Browser, Page, Request } from '@playwright/test';

/** How soon a colleague's change must show in every open browser of the organisation. */
const LIVE = 2_000;

/** The app's own calls to the referrals list (`GET /api/v1/referrals?…` or without a query). */
function isListCall(request: Request): boolean {
  const url = new URL(request.url());
  return request.method() === 'GET' && url.pathname === '/api/v1/referrals';
}

/** The app's pulls from the change feed (not its event stream). */
function isSyncPull(request: Request): boolean {
  return new URL(request.url()).pathname === '/api/v1/sync';
}

/** A browser context of its own, signed in as `email`, with its page on `path`. */
async function browserOf(browser: Browser, baseURL: string, email: string, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  await page.goto(path);
  return page;
}

/** The sync status in the top bar once the first fill is in. */
async function synced(page: Page) {
  await expect(page.locator('.sync-status [role="status"]')).toHaveText(/^Synced (just now|\d+ min ago)$/);
}

/** The id of the lead a list row links to. */
async function idOfRow(page: Page, row: number): Promise<string> {
  const href = await page.getByRole('row').nth(row).locator('.customer-link').getAttribute('href');
  return decodeURIComponent(href!.split('?')[0].replace('/referrals/', ''));
}

test('a lead a colleague declines leaves the open Inbox of another user within two seconds, without a reload', async ({ page, browser, baseURL }) => {
  // The second user keeps the Inbox open (leads awaiting an answer), and does nothing.
  const watcher = await browserOf(browser, baseURL!, 'referrals@demo.test', '/inbox?callToAction=ContactMe');
  const before = await resultCount(watcher);
  const id = await idOfRow(watcher, 1);
  const row = watcher.locator(`.customer-link[href^="/referrals/${encodeURIComponent(id)}?"]`);
  await expect(row).toHaveCount(1);
  const inboxCount = Number.parseInt((await watcher.getByRole('link', { name: /^Inbox/ }).locator('.count').innerText()), 10);
  let navigations = 0;
  watcher.on('framenavigated', () => navigations++);

  // The first user declines it on its page.
  await signIn(page, 'admin@demo.test');
  await page.goto(`/referrals/${encodeURIComponent(id)}`);
  await page.getByRole('button', { name: 'Decline' }).click();
  await page.getByLabel('Reason').selectOption({ label: 'Not a customer' });
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, decline' }).click();
  await expect(page.locator('.detail-subtitle')).toContainText('Closed / Declined');

  await expect(row).toHaveCount(0, { timeout: LIVE });
  await expect(watcher.locator('.result-count')).toHaveText(`${before - 1} referrals`, { timeout: LIVE });
  await expect(watcher.getByRole('link', { name: /^Inbox/ })).toContainText(String(inboxCount - 1), { timeout: LIVE });
  expect(navigations, 'the watching browser was not reloaded').toBe(0);
  await watcher.context().close();
});

test("a heart set in one browser shows in the same user's other browser live", async ({ page, browser, baseURL }) => {
  await signIn(page);
  await page.goto('/inbox');
  const other = await browserOf(browser, baseURL!, 'referrals@demo.test', '/inbox');
  await synced(page);
  await synced(other);
  const id = await idOfRow(page, 2);
  const heartIn = (p: Page) => p.locator(`tr:has(.customer-link[href^="/referrals/${encodeURIComponent(id)}?"]) .heart`);
  await expect(heartIn(other)).toHaveAttribute('aria-pressed', 'false');

  await heartIn(page).click();
  await expect(heartIn(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(heartIn(other)).toHaveAttribute('aria-pressed', 'true', { timeout: LIVE });
  await expect(other.getByRole('link', { name: /^Favorites/ })).toContainText('1', { timeout: LIVE });

  // And back, the other way round.
  await heartIn(other).click();
  await expect(heartIn(other)).toHaveAttribute('aria-pressed', 'false');
  await expect(heartIn(page)).toHaveAttribute('aria-pressed', 'false', { timeout: LIVE });
  await other.context().close();
});

test('after an accept the app asks for the one change, never the whole list again', async ({ page }) => {
  await signIn(page);
  await page.goto('/inbox?callToAction=ContactMe');
  await synced(page);
  const accepted = async () => Number.parseInt(await page.getByRole('link', { name: /^Accepted/ }).locator('.count').innerText(), 10);
  const acceptedBefore = await accepted();
  await page.locator('.customer-link').first().click();
  await expect(page.getByRole('button', { name: 'Accept' })).toBeVisible();
  // Whatever opening the page asked for is done: from here on, only what the accept causes.
  // (The live stream stays open, so there is no "network idle" to wait for.)
  await page.waitForTimeout(1_000);

  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  await acceptWithADeal(page);
  await expect(page.locator('.detail-subtitle')).toContainText('Active / Accepted');
  // The counts have it at once, from the action's answer.
  await expect(page.getByRole('link', { name: /^Accepted/ }).locator('.count')).toHaveText(String(acceptedBefore + 1));

  // The server announces the change; the app asks for what changed since its cursor, once.
  await expect.poll(() => requests.filter(isSyncPull).length, { timeout: LIVE }).toBe(1);
  await page.waitForTimeout(1_000);
  const pulls = requests.filter(isSyncPull);
  expect(pulls.length, 'one pull after the accept').toBeLessThanOrEqual(1);
  expect(new URL(pulls[0].url()).searchParams.get('since'), 'a pull of what changed').toBeTruthy();
  const answer = await (await pulls[0].response())!.json();
  expect(answer.referrals.length, 'a small answer: the accepted lead').toBeLessThanOrEqual(2);
  expect(requests.filter((r) => r.url().endsWith('/accept')).length).toBe(1);
  expect(requests.filter(isListCall).map((r) => r.url()), 'no list pages').toEqual([]);
});

test('after sign-in the app fills from the change feed, never from the list pages, and says when it synced', async ({ page }) => {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  await signIn(page);
  await page.goto('/inbox');
  const inbox = await listFromApi(page.request, 'stage=Inbox&category=Marketplace');
  expect(await resultCount(page)).toBe(inbox.length);
  await synced(page);

  const pulls = requests.filter(isSyncPull);
  expect(pulls.length).toBeGreaterThan(0);
  expect(new URL(pulls[0].url()).searchParams.has('since'), 'the first fill starts from nothing').toBe(false);
  expect(requests.filter(isListCall).map((r) => r.url()), 'no list pages').toEqual([]);
  expect(requests.filter((r) => new URL(r.url()).pathname === '/api/v1/sync/events').length, 'the live stream').toBe(1);

  // Moving between the views and back uses what the app holds.
  await page.getByRole('link', { name: /^Archived/ }).click();
  await expect(page.getByRole('rowheader').first()).toBeVisible();
  await page.getByRole('link', { name: /^Inbox/ }).click();
  expect(await resultCount(page)).toBe(inbox.length);
  expect(requests.filter(isListCall)).toEqual([]);
  expect(requests.filter((r) => isSyncPull(r) && !new URL(r.url()).searchParams.has('since')).length, 'filled once').toBe(1);
});

test("a lead's page opens at once from what the app holds, while the server's copy is on its way", async ({ page }) => {
  await signIn(page);
  await page.goto('/inbox');
  await synced(page);
  const customer = await page.locator('.customer-link').first().innerText();
  // The lead's own request is held back (not answered for it) until the page has shown.
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  let held = 0;
  await page.route(/\/api\/v1\/referrals\/[^/?]+$/, async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    held++;
    await released;
    await route.fallback();
  });

  await page.locator('.customer-link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(customer, { timeout: 1_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Status history' })).toBeVisible();
  await expect.poll(() => held, { message: 'the server was asked too' }).toBe(1);
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(customer);
});

test('a cursor the server does not know makes the app start over from a fresh fill', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the refused cursor answers 400
  await signIn(page);
  await page.goto('/inbox');
  const count = await resultCount(page);
  await synced(page);

  // The next pull's cursor is garbled on its way (the server answers it for real).
  const fills: string[] = [];
  page.on('request', (request) => {
    if (isSyncPull(request) && !new URL(request.url()).searchParams.has('since')) fills.push(request.url());
  });
  await page.route(/\/api\/v1\/sync\?.*since=/, async (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('since', 'not-a-cursor');
    await route.continue({ url: url.toString() });
  }, { times: 1 });
  await page.getByRole('button', { name: 'Sync now' }).click();

  await expect.poll(() => fills.length).toBe(1);
  await synced(page);
  expect(await resultCount(page)).toBe(count);
  await expect(page.getByRole('rowheader').first()).toBeVisible();
});

test("a role a partner admin changes applies to the user's open page live: the actions follow it", async ({ page, browser, baseURL }) => {
  await signIn(page);
  await page.goto('/inbox?callToAction=ContactMe');
  await page.locator('.customer-link').first().click();
  await expect(page.getByRole('button', { name: 'Decline' })).toBeVisible();

  const admin = await roleSetterFor(browser, baseURL!, 'referrals@demo.test');
  const setRole = admin.setRole;

  await setRole('Viewer');
  await expect(page.getByRole('button', { name: 'Decline' })).toHaveCount(0, { timeout: LIVE });
  await expect(page.getByText('Viewers can view referrals but not act on them.')).toBeVisible();
  await expect(page.locator('.user-role')).toHaveText('Viewer');

  await setRole('ReferralsAdmin');
  await expect(page.getByRole('button', { name: 'Decline' })).toBeVisible({ timeout: LIVE });
  await admin.close();
});

test("a colleague's change to another lead leaves the keyboard where it was on a lead's page", async ({ page, browser, baseURL }) => {
  await signIn(page);
  await page.goto('/inbox?callToAction=ContactMe');
  await synced(page);
  const [mine, theirs] = [await idOfRow(page, 1), await idOfRow(page, 2)];
  await page.goto(`/referrals/${encodeURIComponent(mine)}`);
  await synced(page);

  // The heart, pressed from the keyboard, keeps the focus.
  const heart = page.locator('.detail-page .heart');
  await heart.focus();
  await page.keyboard.press('Space');
  await expect(heart).toHaveAttribute('aria-pressed', 'true');
  await expect(heart).toBeFocused();

  // A colleague declines another lead: the change reaches this page, and the focus stays.
  const inbox = page.getByRole('link', { name: /^Inbox/ }).locator('.count');
  const before = Number.parseInt(await inbox.innerText(), 10);
  const admin = await browserOf(browser, baseURL!, 'admin@demo.test', '/inbox');
  const me = await (await admin.request.get('/api/v1/me')).json();
  const current = await admin.request.get(`/api/v1/referrals/${encodeURIComponent(theirs)}`);
  const declined = await admin.request.post(`/api/v1/referrals/${encodeURIComponent(theirs)}/decline`, {
    headers: { 'X-CSRF-Token': me.csrfToken, 'If-Match': current.headers()['etag'], 'Idempotency-Key': `focus-${theirs}` },
    data: { statusReason: 'CustomerDidNotRespond', notes: '' },
  });
  expect(declined.status(), await declined.text()).toBe(200);
  await expect(inbox).toHaveText(String(before - 1), { timeout: LIVE });
  await expect(heart).toBeFocused();
  await expect(page.locator('main h1')).not.toBeFocused();
  await admin.context().close();
});

test("a colleague's change to the open lead itself leaves the keyboard on the same control", async ({ page, browser, baseURL }) => {
  await signIn(page);
  const deal = (await listFromApi(page.request, 'stage=Accepted'))[5];
  await page.goto(`/referrals/${encodeURIComponent(deal.id)}`);
  await synced(page);
  const copy = page.locator('.detail-page button.copy').first();
  await copy.focus();

  // A colleague renames the deal: the page shows the new version, and the copy button
  // that had the keyboard has it still (not the heading, not the page).
  const admin = await browserOf(browser, baseURL!, 'admin@demo.test', '/inbox');
  const me = await (await admin.request.get('/api/v1/me')).json();
  const current = await admin.request.get(`/api/v1/referrals/${encodeURIComponent(deal.id)}`);
  const renamed = await admin.request.patch(`/api/v1/referrals/${encodeURIComponent(deal.id)}`, {
    headers: { 'X-CSRF-Token': me.csrfToken, 'If-Match': current.headers()['etag'], 'Idempotency-Key': `focus-same-${deal.id}` },
    data: { ...editBody(await current.json()), name: 'Renamed by a colleague' },
  });
  expect(renamed.status(), await renamed.text()).toBe(200);
  await expect(page.locator('.detail-subtitle')).toContainText('Renamed by a colleague', { timeout: LIVE });
  await expect(copy).toBeFocused();
  await expect(page.locator('main h1')).not.toBeFocused();

  // A change that takes the focused control away leaves the keyboard on the heading.
  const lostButton = page.locator('.detail-page .action-buttons').getByRole('button', { name: 'Lost' });
  await lostButton.focus();
  const now = await admin.request.get(`/api/v1/referrals/${encodeURIComponent(deal.id)}`);
  const lost = await admin.request.post(`/api/v1/referrals/${encodeURIComponent(deal.id)}/lost`, {
    headers: { 'X-CSRF-Token': me.csrfToken, 'If-Match': now.headers()['etag'], 'Idempotency-Key': `focus-lost-${deal.id}` },
    data: { statusReason: 'CustomerChoseAnotherVendor', notes: '' },
  });
  expect(lost.status(), await lost.text()).toBe(200);
  await expect(page.locator('main h1')).toBeFocused({ timeout: LIVE });
  await admin.context().close();
});
