import type { Page } from '@playwright/test';
import { test, expect, csrf, DEMO_PASSWORD, layoutProblems, listFromApi, resultCount, shownCustomers, signIn } from './fixtures';

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
  // Measured once the panel has slid all the way in.
  await expect(panel).toHaveCSS('transform', 'none');
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

test('on a phone the sort is in the filter sheet, and sorting from there reorders the list', async ({ page }) => {
  await signIn(page);
  await page.goto('/inbox');
  await resultCount(page);
  // One sort control, and not above the list: it waits in the closed sheet.
  await expect(page.getByLabel('Sort by')).toHaveCount(1);
  await expect(page.getByLabel('Sort by')).toBeHidden();

  await page.getByRole('button', { name: 'Filters' }).click();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await expect(sheet.getByLabel('Sort by')).toBeVisible();
  await expect(sheet.getByLabel('Sort by')).toHaveValue('created');
  await sheet.getByLabel('Sort by').selectOption('dealValue');
  await expect(page).toHaveURL(/sort=dealValue/);
  await sheet.getByLabel('Order').focus();
  await sheet.getByLabel('Order').selectOption('asc');
  await expect(page).toHaveURL(/sort=dealValue&dir=asc|dir=asc&sort=dealValue/);
  // Sorting is not the end of the visit to the sheet: it stays open, focus where it was.
  await expect(sheet).toBeVisible();
  await expect(sheet.getByLabel('Order')).toBeFocused();
  await expect(page.locator('#filter-panel')).toHaveCSS('transform', 'none');
  expect(await layoutProblems(page)).toEqual([]);
  // The sheet's Tab loop takes in the sort: forward from "Done" reaches it.
  await sheet.getByRole('button', { name: 'Done' }).focus();
  await page.keyboard.press('Tab');
  await expect(sheet.getByLabel('Sort by')).toBeFocused();

  await sheet.getByRole('button', { name: 'Show referrals' }).click();
  await expect(sheet).toBeHidden();
  const expected = await listFromApi(page.request, 'stage=Inbox&category=Marketplace&sort=dealValue&dir=asc');
  await expect(page.locator('.customer-link').first()).toHaveText(expected[0].customerProfile.name);
  expect((await shownCustomers(page)).slice(0, 6)).toEqual(expected.slice(0, 6).map((r) => r.customerProfile.name));

  // A reload keeps the sort, and the sheet shows it.
  await page.reload();
  await resultCount(page);
  await page.getByRole('button', { name: 'Filters' }).click();
  await expect(sheet.getByLabel('Sort by')).toHaveValue('dealValue');
  await expect(sheet.getByLabel('Order')).toHaveValue('asc');
  await page.keyboard.press('Escape');

  // Turned on its side the phone is wider than a phone layout: the sort is above the list again.
  await page.setViewportSize({ width: 844, height: 390 });
  const toolbar = page.locator('.list-toolbar');
  await expect(toolbar.getByLabel('Sort by')).toBeVisible();
  await expect(toolbar.getByLabel('Sort by')).toHaveValue('dealValue');
  await expect(page.getByLabel('Sort by')).toHaveCount(1);
});

test('a filter sheet open when the window widens to the desk layout closes: no trap is left, the shortcuts work', async ({ page }) => {
  await signIn(page);
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto('/inbox');
  await resultCount(page);
  await page.getByRole('button', { name: 'Filters' }).click();
  await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
  // The tablet turns: the panel now sits beside the list, as no dialog.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByRole('dialog', { name: 'Filters' })).toHaveCount(0);
  await expect(page.locator('#filter-panel')).toBeVisible();
  await expect(page.locator('#filter-panel')).not.toHaveAttribute('aria-modal', 'true');
  // Single-key shortcuts are no longer held back by a dialog.
  await page.locator('main h1').click();
  await page.keyboard.press('j');
  await expect(page.locator('tr.referral-row:focus-within')).toHaveCount(1);
});

/** Rows whose content is taller than the card's fixed height (and so cut off). */
async function clippedRows(page: Page): Promise<number> {
  return page.locator('tr.referral-row').evaluateAll((rows) => rows.filter((row) => row.scrollHeight > row.clientHeight + 1).length);
}

for (const device of [
  { name: 'phone', viewport: { width: 390, height: 844 }, tallest: 230 },
  { name: 'tablet', viewport: { width: 820, height: 1180 }, tallest: 130 },
]) {
  test.describe(`on a ${device.name}`, () => {
    test.use({ viewport: device.viewport });

    test('every list fits its cards: each stage and tab, Favorites, offer leads and leads without contacts, at two text sizes', async ({ page }) => {
      await signIn(page);
      // Favorites holds a lead of each stage, so its cards show each stage's details.
      for (const stage of ['Inbox', 'Accepted', 'Archived']) {
        const [lead] = await listFromApi(page.request, `stage=${stage}`);
        const hearted = await page.request.put(`/api/v1/referrals/${lead.id}/favorite`, { headers: await csrf(page) });
        expect(hearted.status()).toBe(204);
      }
      for (const view of ['/inbox', '/inbox?category=Qualified', '/accepted', '/accepted?category=Qualified', '/archived', '/archived?category=Qualified', '/favorites']) {
        await page.goto(view);
        await resultCount(page);
        const first = (await page.locator('tr.referral-row').first().boundingBox())!;
        expect(first.height, view).toBeLessThan(device.tallest);
        expect(await clippedRows(page), view).toBe(0);
        expect(await layoutProblems(page), view).toEqual([]);
        // The user's larger default text size (CSSOM: the page's CSP allows no inline style tags).
        await page.evaluate(() => { document.documentElement.style.fontSize = '125%'; });
        await page.evaluate(() => window.dispatchEvent(new Event('resize')));
        // The cards grow with the text (their height is in rem) and still hold it all.
        const grown = (await page.locator('tr.referral-row').first().boundingBox())!;
        expect(grown.height, `${view} at 125%`).toBeGreaterThan(first.height * 1.15);
        expect(await clippedRows(page), `${view} at 125%`).toBe(0);
      }
    });
  });
}
