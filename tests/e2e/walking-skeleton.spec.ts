import { test, expect, signIn, EXPECTS_CONSOLE_ERRORS, type ApiReferral } from './fixtures';

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

/** All of the signed-in organisation's referrals (one page holds the demo data). */
async function referralsFromApi(request: import('@playwright/test').APIRequestContext): Promise<ApiReferral[]> {
  const response = await request.get('/api/v1/referrals?limit=1000');
  expect(response.ok()).toBeTruthy();
  return response.json();
}

test('the Inbox lists the demo referrals from the server', async ({ page }) => {
  const inbox = (await referralsFromApi(page.request)).filter((r) => r.status === 'New');
  expect(inbox.length).toBeGreaterThan(0);

  await page.goto('/');
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  const customers = page.getByRole('rowheader');
  await expect(customers).toHaveCount(inbox.length);
  await expect(customers).toHaveText(inbox.map((r) => r.customerProfile.name));

  // Customers can have several referrals: the first row is the newest referral.
  const first = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: inbox[0].customerProfile.name, exact: true }) }).first();
  // Cells: the heart, then country, created and the stage's own column.
  await expect(first.getByRole('cell').nth(1)).toHaveText(inbox[0].customerProfile.address.country);
  await expect(first.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
});

test('the Accepted link navigates to the Accepted view', async ({ page }) => {
  const accepted = (await referralsFromApi(page.request)).filter((r) => r.status === 'Active');
  await page.goto('/inbox');
  await expect(page.getByRole('rowheader').first()).toBeVisible();

  await page.getByRole('link', { name: 'Accepted' }).click();
  await expect(page).toHaveURL(/\/accepted$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Accepted' })).toHaveAttribute('aria-current', 'page');
  // Focus moves to the new page's heading, as after a full page load.
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted' })).toBeFocused();
  await expect(page.getByRole('rowheader')).toHaveText(accepted.map((r) => r.customerProfile.name));
});

test('reloading /accepted shows the Accepted view', async ({ page }) => {
  await page.goto('/accepted');
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted' })).toBeVisible();
  await expect(page.getByRole('rowheader').first()).toBeVisible();
});

test('/archived loads directly with the final outcome of each referral', async ({ page }) => {
  const archived = (await referralsFromApi(page.request)).filter((r) => r.status === 'Closed');
  await page.goto('/archived');
  await expect(page.getByRole('heading', { level: 1, name: 'Archived' })).toBeVisible();
  await expect(page.getByRole('rowheader')).toHaveText(archived.map((r) => r.customerProfile.name));
  await expect(page.getByRole('cell', { name: /^Declined: / }).first()).toBeVisible();
});

test('a failed fetch shows an error with a retry button, and retry recovers', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS });
  const referrals = /\/api\/v1\/referrals(\?|$)/;
  await page.route(referrals, (route) => route.abort('connectionrefused'));
  await page.goto('/inbox');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not reach Referral Desk');
  await expect(page.getByRole('rowheader')).toHaveCount(0);

  await page.unroute(referrals);
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

test('the list follows the server\'s pages until it has every referral', async ({ page }) => {
  const inbox = (await referralsFromApi(page.request)).filter((r) => r.status === 'New');
  const asked: string[] = [];
  // Small pages, so that the app must follow `Link: rel="next"` several times.
  await page.route(/\/api\/v1\/referrals\?/, async (route) => {
    const url = new URL(route.request().url());
    asked.push(url.search);
    url.searchParams.set('limit', '100');
    await route.fulfill({ response: await route.fetch({ url: url.toString() }) });
  });
  await page.goto('/inbox');
  await expect(page.getByRole('rowheader')).toHaveText(inbox.map((r) => r.customerProfile.name));
  expect(asked[0]).toBe('?limit=1000');
  expect(asked.length).toBe(Math.ceil((await referralsFromApi(page.request)).length / 100));
  expect(asked.slice(1).every((search) => search.includes('cursor='))).toBeTruthy();
});
