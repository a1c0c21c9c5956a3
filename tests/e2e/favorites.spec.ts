import { test, expect, signIn, EXPECTS_CONSOLE_ERRORS } from './fixtures';

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test('the heart toggles at once, survives a reload and lists the lead in Favorites', async ({ page }) => {
  await page.goto('/inbox');
  const firstRow = page.getByRole('row').nth(1);
  const customer = await firstRow.getByRole('rowheader').innerText();
  const heart = firstRow.getByRole('button', { name: 'Add to favorites' });
  await expect(heart).toHaveAttribute('aria-pressed', 'false');

  const saved = page.waitForResponse((r) => r.url().endsWith('/favorite') && r.request().method() === 'PUT');
  await heart.click();
  await expect(firstRow.getByRole('button', { name: 'Remove from favorites' })).toHaveAttribute('aria-pressed', 'true');
  expect((await saved).status()).toBe(204);

  await page.reload();
  await expect(page.getByRole('row').nth(1).getByRole('button', { name: 'Remove from favorites' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('link', { name: 'Favorites' }).click();
  await expect(page).toHaveURL(/\/favorites$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Favorites' })).toBeVisible();
  await expect(page.getByRole('rowheader')).toHaveText([customer]);
  await expect(page.getByRole('row').nth(1).getByRole('cell').last()).toHaveText('Inbox');

  const removed = page.waitForResponse((r) => r.url().endsWith('/favorite') && r.request().method() === 'DELETE');
  await page.getByRole('button', { name: 'Remove from favorites' }).click();
  await expect(page.getByRole('button', { name: 'Add to favorites' })).toHaveAttribute('aria-pressed', 'false');
  expect((await removed).status()).toBe(204);
  await page.reload();
  await expect(page.getByText('No favorites yet.')).toBeVisible();
});

test('a heart the server could not save changes back and says why', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS });
  await page.route(/\/favorite$/, (route) => route.abort('connectionrefused'));
  await page.goto('/inbox');
  const firstRow = page.getByRole('row').nth(1);
  await firstRow.getByRole('button', { name: 'Add to favorites' }).click();
  await expect(firstRow.getByRole('alert')).toContainText('Could not reach Referral Desk');
  await expect(firstRow.getByRole('button', { name: 'Add to favorites' })).toHaveAttribute('aria-pressed', 'false');
});
