import { test, expect, signIn, listFromApi, resultCount, shownCustomers, EXPECTS_CONSOLE_ERRORS } from './fixtures';

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test('the Inbox lists the demo referrals from the server, Marketplace leads first', async ({ page }) => {
  const marketplace = await listFromApi(page.request, 'stage=Inbox&category=Marketplace');
  const qualified = await listFromApi(page.request, 'stage=Inbox&category=Qualified');
  expect(marketplace.length).toBeGreaterThan(0);
  expect(qualified.length).toBeGreaterThan(0);

  await page.goto('/');
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  expect(await resultCount(page)).toBe(marketplace.length);
  const shown = await shownCustomers(page);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown).toEqual(marketplace.slice(0, shown.length).map((r) => r.customerProfile.name));

  // The nav counts both tabs; each tab counts its own.
  await expect(page.getByRole('link', { name: /^Inbox/ })).toContainText(String(marketplace.length + qualified.length));
  await expect(page.getByRole('link', { name: /^Marketplace leads/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: /^Qualified leads/ })).toContainText(String(qualified.length));

  const first = page.getByRole('row').nth(1);
  await expect(first.getByRole('cell').nth(1)).toContainText(marketplace[0].customerProfile.address.country);
  await expect(first.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);

  await page.getByRole('link', { name: /^Qualified leads/ }).click();
  await expect(page).toHaveURL(/\/inbox\?category=Qualified$/);
  expect(await resultCount(page)).toBe(qualified.length);
  expect(await shownCustomers(page)).toEqual(
    qualified.slice(0, (await shownCustomers(page)).length).map((r) => r.customerProfile.name),
  );
});

test('the Accepted link navigates to the Accepted view', async ({ page }) => {
  const accepted = await listFromApi(page.request, 'stage=Accepted&category=Marketplace');
  await page.goto('/inbox');
  await expect(page.getByRole('rowheader').first()).toBeVisible();

  await page.getByRole('link', { name: /^Accepted/ }).click();
  await expect(page).toHaveURL(/\/accepted$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Accepted/ })).toHaveAttribute('aria-current', 'page');
  // Focus moves to the new page's heading, as after a full page load.
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted' })).toBeFocused();
  await expect(page).toHaveTitle('Accepted · Referral Desk');
  expect(await resultCount(page)).toBe(accepted.length);
  const shown = await shownCustomers(page);
  expect(shown).toEqual(accepted.slice(0, shown.length).map((r) => r.customerProfile.name));
});

test('reloading /accepted shows the Accepted view', async ({ page }) => {
  await page.goto('/accepted');
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted' })).toBeVisible();
  await expect(page.getByRole('rowheader').first()).toBeVisible();
});

test('/archived loads directly with the final outcome of each referral', async ({ page }) => {
  const archived = await listFromApi(page.request, 'stage=Archived&category=Marketplace');
  await page.goto('/archived');
  await expect(page.getByRole('heading', { level: 1, name: 'Archived' })).toBeVisible();
  expect(await resultCount(page)).toBe(archived.length);
  const first = page.getByRole('row').nth(1);
  await expect(first.getByRole('cell').nth(4)).toContainText(archived[0].substatus);
  if (archived[0].statusReason) await expect(first.getByRole('cell').nth(4)).toContainText(archived[0].statusReason);
});

test('a failed fetch shows an error with a retry button, and retry recovers', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS });
  // The app's pulls from the change feed (its live event stream is left alone).
  const pulls = /\/api\/v1\/sync\?/;
  await page.route(pulls, (route) => route.abort('connectionrefused'));
  await page.goto('/inbox');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not reach Referral Desk');
  await expect(page.getByRole('rowheader')).toHaveCount(0);
  await expect(page.locator('.sync-status [role="status"]')).toHaveText('Not synced');

  await page.unroute(pulls);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('rowheader').first()).toBeVisible();
});

test('an unknown app path shows a page, not a blank screen', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the Inbox' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
});

test("the first fill follows the change feed's pages until it has every referral", async ({ page }) => {
  const everything = await listFromApi(page.request);
  const marketplace = await listFromApi(page.request, 'stage=Inbox&category=Marketplace');
  const asked: URL[] = [];
  // Small pages, so that the app must follow `more` several times.
  await page.route(/\/api\/v1\/sync\?/, async (route) => {
    const url = new URL(route.request().url());
    asked.push(url);
    url.searchParams.set('limit', '100');
    await route.continue({ url: url.toString() });
  });
  await page.goto('/inbox');
  expect(await resultCount(page)).toBe(marketplace.length);
  expect(asked[0].searchParams.has('since'), 'the fill starts from nothing').toBe(false);
  // Every page but the first continues from the cursor the one before answered.
  expect(asked.length).toBeGreaterThanOrEqual(Math.ceil(everything.length / 100));
  expect(asked.slice(1).every((url) => url.searchParams.has('since'))).toBeTruthy();
});

test('the top bar says when the list was synced, and Sync now catches up', async ({ page }) => {
  await page.goto('/inbox');
  const status = page.locator('.sync-status [role="status"]');
  await expect(status).toHaveText('Synced just now');
  // Hold the real answer back until the sync has been seen under way (a fixed delay can
  // run out on a slow machine before the assertion has looked).
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => { answer = resolve; });
  await page.route(/\/api\/v1\/sync\?/, async (route) => {
    await answered;
    await route.fallback();
  });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(status).toHaveText('Syncing…');
  answer();
  await expect(page.getByRole('rowheader').first()).toBeVisible();
  await expect(status).toHaveText('Synced just now');
  await expect(status).toHaveAttribute('title', /^Last synced at \d\d:\d\d$/);
});

test('the time since the last sync ticks on', async ({ page }) => {
  await page.clock.install();
  await page.goto('/inbox');
  const status = page.locator('.sync-status [role="status"]');
  await expect(status).toHaveText('Synced just now');
  // The next pulls get no answer yet (held, not refused): the last sync stays where it was.
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/api\/v1\/sync\?/, async (route) => {
    await released;
    await route.fallback();
  });
  await page.clock.fastForward('03:10');
  await expect(status).toHaveText('Synced 3 min ago');

  release();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(status).toHaveText('Synced just now');
});

test('a sync that cannot reach the server keeps the list on screen and says it is offline', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS });
  await page.goto('/inbox');
  const count = await resultCount(page);
  const status = page.locator('.sync-status [role="status"]');
  await expect(status).toHaveText(/^Synced/);
  await page.route(/\/api\/v1\/sync\?/, (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(status).toHaveText('Offline · synced just now');
  expect(await resultCount(page)).toBe(count);
  await expect(page.getByRole('rowheader').first()).toBeVisible();

  await page.unroute(/\/api\/v1\/sync\?/);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(status).toHaveText('Synced just now');
});
