import { test, expect, signIn, listFromApi, EXPECTS_CONSOLE_ERRORS } from './fixtures';

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test('the heart toggles at once, survives a reload and lists the lead in Favorites', async ({ page }) => {
  await page.goto('/inbox');
  const firstRow = page.getByRole('row').nth(1);
  const customer = await firstRow.locator('.customer-link').innerText();
  const heart = firstRow.getByRole('button', { name: 'Add to favorites' });
  await expect(heart).toHaveAttribute('aria-pressed', 'false');

  const saved = page.waitForResponse((r) => r.url().endsWith('/favorite') && r.request().method() === 'PUT');
  await heart.click();
  await expect(firstRow.getByRole('button', { name: 'Remove from favorites' })).toHaveAttribute('aria-pressed', 'true');
  expect((await saved).status()).toBe(204);

  await page.reload();
  await expect(page.getByRole('row').nth(1).getByRole('button', { name: 'Remove from favorites' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('link', { name: /^Favorites/ }).click();
  await expect(page).toHaveURL(/\/favorites$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Favorites' })).toBeVisible();
  await expect(page.locator('.customer-link')).toHaveText([customer]);
  await expect(page.getByRole('row').nth(1).getByRole('cell').nth(4)).toContainText('Inbox');
  await expect(page.getByRole('link', { name: /^Favorites/ })).toContainText('1');

  // Un-hearting in the Favorites view takes the lead off the list at once.
  const removed = page.waitForResponse((r) => r.url().endsWith('/favorite') && r.request().method() === 'DELETE');
  await page.getByRole('button', { name: 'Remove from favorites' }).click();
  await expect(page.getByText('No favorites yet.')).toBeVisible();
  expect((await removed).status()).toBe(204);
  await page.reload();
  await expect(page.getByText('No favorites yet.')).toBeVisible();
});

test('a heart the server cannot be reached for stays, waits on the device, and lands when it is back', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS });
  await page.route(/\/favorite$/, (route) => route.abort('connectionrefused'));
  await page.goto('/inbox');
  const firstRow = page.getByRole('row').nth(1);
  const id = (await firstRow.locator('.customer-link').getAttribute('href'))!.split('?')[0].split('/').pop();
  await firstRow.getByRole('button', { name: 'Add to favorites' }).click();
  await expect(firstRow.getByRole('button', { name: 'Remove from favorites' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.waiting-count')).toHaveText('1 change waits to sync');

  await page.unroute(/\/favorite$/);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.locator('.waiting-count')).toHaveText('', { timeout: 15_000 });
  const stored = await (await page.request.get(`/api/v1/referrals/${id}`)).json();
  expect(stored.favorite).toBe(true);
  // The next tests count favorites: the heart comes off again.
  await firstRow.getByRole('button', { name: 'Remove from favorites' }).click();
  await expect(firstRow.getByRole('button', { name: 'Add to favorites' })).toBeVisible();
  await expect.poll(async () => (await (await page.request.get(`/api/v1/referrals/${id}`)).json()).favorite).toBe(false);
});

test('Favorites lists hearted leads of both tabs and every stage', async ({ page }) => {
  await signIn(page);
  const marketplace = (await listFromApi(page.request, 'stage=Inbox&category=Marketplace'))[3];
  const qualified = (await listFromApi(page.request, 'stage=Inbox&category=Qualified'))[0];
  const archived = (await listFromApi(page.request, 'stage=Archived&category=Qualified'))[0];
  await page.goto('/inbox');
  // Rows are in the API's order: row n + 1 (after the header) is the API's n-th.
  await expect(page.getByRole('row').nth(4).locator('.customer-link')).toHaveText(marketplace.customerProfile.name);
  await page.getByRole('row').nth(4).getByRole('button', { name: 'Add to favorites' }).click();
  await page.getByRole('link', { name: /^Qualified leads/ }).click();
  await expect(page.getByRole('row').nth(1).locator('.customer-link')).toHaveText(qualified.customerProfile.name);
  await page.getByRole('row').nth(1).getByRole('button', { name: 'Add to favorites' }).click();
  await page.getByRole('link', { name: /^Archived/ }).click();
  // The Inbox has a Qualified leads tab too: click Archived's, once it is there.
  await expect(page.getByRole('heading', { level: 1, name: 'Archived' })).toBeVisible();
  await page.getByRole('link', { name: /^Qualified leads/ }).click();
  await expect(page.getByRole('row').nth(1).locator('.customer-link')).toHaveText(archived.customerProfile.name);
  await page.getByRole('row').nth(1).getByRole('button', { name: 'Add to favorites' }).click();

  await page.getByRole('link', { name: /^Favorites/ }).click();
  await expect(page.locator('.result-count')).toHaveText('3 referrals');
  expect(await page.locator('.customer-link').allInnerTexts()).toEqual(
    expect.arrayContaining([marketplace.customerProfile.name, qualified.customerProfile.name, archived.customerProfile.name]),
  );
  // The hearts (and so the list above) turn at once; the server learns of them in the
  // background, so the third may not be stored yet when the list shows it.
  await expect
    .poll(async () => (await listFromApi(page.request, 'favorites=only')).map((r) => r.id).sort())
    .toEqual([marketplace.id, qualified.id, archived.id].sort());

  // Un-hearting from the keyboard takes the row away: the keyboard goes to the heart of
  // the lead now in its place, then of the one before once the last row goes.
  const hearts = page.locator('tr.referral-row .heart');
  const second = (await page.locator('.customer-link').allInnerTexts())[2];
  await hearts.nth(1).focus();
  await page.keyboard.press('Space');
  await expect(page.locator('.result-count')).toHaveText('2 referrals');
  await expect(page.locator('tr.referral-row:focus-within .customer-link')).toHaveText(second);
  await expect(hearts.nth(1)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('.result-count')).toHaveText('1 referral');
  await expect(hearts.nth(0)).toBeFocused();
});

test('a lead hearted in the list and un-hearted on its page before the first answer ends un-hearted', async ({ page }) => {
  await page.goto('/inbox');
  const firstRow = page.getByRole('row').nth(1);
  const customer = firstRow.locator('.customer-link');
  const id = new URL((await customer.getAttribute('href'))!, 'http://x').pathname.split('/').pop()!;
  // The heart's request is held on its way (a slow connection).
  const order: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/favorite$/, async (route) => {
    const method = route.request().method();
    order.push(`${method} sent`);
    if (method === 'PUT') await held;
    await route.continue();
    order.push(`${method} answered`);
  });
  await firstRow.getByRole('button', { name: 'Add to favorites' }).click();
  await expect.poll(() => order).toEqual(['PUT sent']);
  // The lead's own page: its heart shows the choice, and takes it back.
  await customer.click();
  const heart = page.locator('.detail-page').getByRole('button', { name: 'Remove from favorites' });
  await heart.click();
  await expect(page.locator('.detail-page').getByRole('button', { name: 'Add to favorites' })).toHaveAttribute('aria-pressed', 'false');
  await page.waitForTimeout(300);
  expect(order, 'the un-heart waits for the heart on its way').toEqual(['PUT sent']);
  release();
  await expect.poll(() => order).toContain('DELETE answered');
  expect(order.filter((step) => step.endsWith('sent'))).toEqual(['PUT sent', 'DELETE sent']);
  // The server ends with the user's last choice (the un-heart's answer may still be on
  // its way when the route lets it go).
  await expect(page.locator('.waiting-count')).toHaveText('');
  await expect.poll(async () => (await (await page.request.get(`/api/v1/referrals/${id}`)).json()).favorite).toBe(false);
});

test('in a second tab, a heart and its quick un-heart end un-hearted, whatever the first send meets', async ({ page, context }) => {
  // The first tab syncs; the second shows the same list.
  await page.goto('/inbox');
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  const second = await context.newPage();
  await second.goto('/inbox');
  const row = second.getByRole('row').nth(1);
  const id = new URL((await row.locator('.customer-link').getAttribute('href'))!, 'http://x').pathname.split('/').pop()!;
  // Anything the second tab sends for the heart itself is held on its way (a slow link).
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  await second.route(/\/favorite$/, async (route) => { await held; await route.continue(); });
  await row.getByRole('button', { name: 'Add to favorites' }).click();
  await row.getByRole('button', { name: 'Remove from favorites' }).click();
  await expect(row.getByRole('button', { name: 'Add to favorites' })).toHaveAttribute('aria-pressed', 'false');
  // Both changes go from the tab that syncs, in the order they were made.
  await expect(page.locator('.waiting-count')).toHaveText('', { timeout: 15_000 });
  await expect(second.locator('.waiting-count')).toHaveText('', { timeout: 15_000 });
  release();
  await second.waitForTimeout(500);
  const stored = await (await page.request.get(`/api/v1/referrals/${id}`)).json();
  expect(stored.favorite).toBe(false);
  await second.close();
});
