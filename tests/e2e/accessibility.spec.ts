import { test, expect, signIn, listFromApi, seriousViolations } from './fixtures';

test('the sign-in page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const view of ['/inbox', '/inbox?category=Qualified&callToAction=ContactMe', '/accepted', '/archived', '/favorites']) {
  test(`${view} has no serious accessibility violations`, async ({ page }) => {
    await signIn(page);
    await page.goto(view);
    await expect(page.locator('.result-count')).toHaveText(/referral/);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the detail pages have no serious accessibility violations', async ({ page }) => {
  await signIn(page);
  const inbox = await listFromApi(page.request, 'stage=Inbox');
  const hot = inbox.find((r) => r.details.customerRequestedContact) ?? inbox[0];
  const expired = (await listFromApi(page.request, 'stage=Archived')).find((r) => r.substatus === 'Expired')!;
  for (const referral of [hot, expired]) {
    await page.goto(`/referrals/${referral.id}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Status history' })).toBeVisible();
    expect(await seriousViolations(page), referral.id).toEqual([]);
  }
});

test('the phone layout with the filter panel open has no serious accessibility violations', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  await page.goto('/inbox');
  await page.getByRole('button', { name: 'Filters' }).click();
  await expect(page.locator('#filter-panel')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('every list and the detail page work with the keyboard alone', async ({ page }) => {
  await signIn(page);
  await page.goto('/inbox');
  await expect(page.locator('.result-count')).toHaveText(/referral/);
  // Tab from the top reaches the first row's heart and link, with a visible focus ring.
  const firstLink = page.locator('.customer-link').first();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await firstLink.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(firstLink).toBeFocused();
  const outline = await firstLink.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page).toHaveURL(/\/referrals\//);
});

test('the decline form, with an error showing, has no serious accessibility violations', async ({ page }) => {
  await signIn(page);
  const lead = (await listFromApi(page.request, 'stage=Inbox&callToAction=ContactMe'))[0];
  await page.goto(`/referrals/${lead.id}`);
  await page.getByRole('button', { name: 'Decline' }).click();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.locator('#status-reason-error')).not.toBeEmpty();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the accept form, with errors showing, has no serious accessibility violations', async ({ page }) => {
  await signIn(page);
  const lead = (await listFromApi(page.request, 'stage=Inbox&callToAction=ContactMe'))[1];
  await page.goto(`/referrals/${lead.id}`);
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await page.getByRole('button', { name: 'Next: move to Accepted' }).click();
  await expect(page.locator('#team-error')).not.toBeEmpty();
  expect(await seriousViolations(page)).toEqual([]);
});
