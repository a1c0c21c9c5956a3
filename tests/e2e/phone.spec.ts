import { test, expect, DEMO_PASSWORD, layoutProblems, listFromApi, resultCount, signIn } from './fixtures';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test('the main path works on a phone: sign in, cards, filters slide-over, heart, details', async ({ page }) => {
  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel('Email').fill('referrals@demo.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  const all = await resultCount(page);

  // Rows are cards: one column, the heart in the corner.
  const card = page.getByRole('row').nth(1);
  const cardBox = (await card.boundingBox())!;
  expect(cardBox.width).toBeLessThanOrEqual(390);
  expect(cardBox.width).toBeGreaterThan(300);
  const heartBox = (await card.getByRole('button', { name: 'Add to favorites' }).boundingBox())!;
  expect(heartBox.y - cardBox.y).toBeLessThan(20);
  expect(cardBox.x + cardBox.width - (heartBox.x + heartBox.width)).toBeLessThan(20);
  expect(await layoutProblems(page)).toEqual([]);
  // Every stage is in sight, none behind a sideways scroll.
  for (const stage of ['Inbox', 'Accepted', 'Archived', 'Favorites']) {
    await expect(page.getByRole('navigation').getByRole('link', { name: new RegExp(`^${stage}`) })).toBeInViewport({ ratio: 1 });
  }

  // The filter panel is a slide-over, closed until asked for.
  const panel = page.locator('#filter-panel');
  await expect(panel).toBeHidden();
  await page.getByRole('button', { name: 'Filters' }).click();
  await expect(panel).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Done' })).toBeFocused();
  // The open slide-over keeps Tab inside: back from its first control goes to its last.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Show referrals' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Done' })).toBeFocused();
  expect(await layoutProblems(page)).toEqual([]);
  await panel.getByRole('checkbox', { name: 'Contact me' }).check();
  await expect(page).toHaveURL(/callToAction=ContactMe/);
  await page.getByRole('button', { name: 'Show referrals' }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeFocused();
  const contactMe = await listFromApi(page.request, 'stage=Inbox&category=Marketplace&callToAction=ContactMe');
  expect(contactMe.length).toBeLessThan(all);
  await expect(page.locator('.result-count')).toHaveText(`${contactMe.length} referrals`);

  // Escape closes the slide-over too.
  await page.getByRole('button', { name: 'Filters (1)' }).click();
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  const heart = page.getByRole('row').nth(1).getByRole('button', { name: 'Add to favorites' });
  // The heart turns at once and tells the server in the background; the views below are
  // full page loads that show only what the server stored, so wait for its answer.
  const saved = page.waitForResponse((r) => r.url().endsWith('/favorite') && r.request().method() === 'PUT');
  await heart.tap();
  await expect(page.getByRole('row').nth(1).getByRole('button', { name: 'Remove from favorites' })).toBeVisible();
  expect((await saved).status()).toBe(204);

  await page.locator('.customer-link').first().tap();
  await expect(page.getByRole('heading', { level: 1, name: contactMe[0].customerProfile.name })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove from favorites' })).toBeVisible();
  expect(await layoutProblems(page)).toEqual([]);

  for (const view of ['/accepted', '/archived', '/favorites']) {
    await page.goto(view);
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    expect(await layoutProblems(page), view).toEqual([]);
  }
});

test('with a larger text size the cards grow with it and nothing is cut off', async ({ page }) => {
  await signIn(page);
  await page.goto('/inbox');
  // The user's larger default text size (CSSOM: the page's CSP allows no inline style tags).
  await page.evaluate(() => { document.documentElement.style.fontSize = '125%'; });
  await resultCount(page);
  // Let the list measure its rows again at the new size.
  await page.evaluate(() => window.dispatchEvent(new Event('resize')));
  const clipped = await page.locator('tr.referral-row').evaluateAll((rows) =>
    rows.filter((row) => row.scrollHeight > row.clientHeight + 1).length,
  );
  expect(clipped).toBe(0);
});

test.describe('on a tablet', () => {
  test.use({ viewport: { width: 820, height: 1180 } });

  test('cards take two lines, so a screen shows many leads, and nothing is cut off', async ({ page }) => {
    await signIn(page);
    for (const view of ['/inbox', '/accepted', '/archived']) {
      await page.goto(view);
      await resultCount(page);
      const cards = page.locator('tr.referral-row');
      const first = (await cards.first().boundingBox())!;
      // A card uses the width: customer, lead, status and contact side by side.
      expect(first.width, view).toBeGreaterThan(700);
      expect(first.height, view).toBeLessThan(130);
      const clipped = await cards.evaluateAll((rows) => rows.filter((row) => row.scrollHeight > row.clientHeight + 1).length);
      expect(clipped, view).toBe(0);
      expect(await layoutProblems(page), view).toEqual([]);
    }
  });
});
