import { test, expect, signIn, layoutProblems, csrf, EXPECTS_CONSOLE_ERRORS, openAccountMenu } from './fixtures';
import type { Page } from '@playwright/test';

/** The card of the profile for `region` (as the list names it). */
function card(page: Page, region: string) {
  return page.locator('.profile-card', { has: page.getByRole('heading', { level: 2, name: region, exact: true }) });
}

/** The fields of location `number` (1-based) of the open form. */
function location(page: Page, number: number) {
  return page.getByRole('group', { name: `Location ${number}`, exact: true });
}

test('a partner admin adds a profile, fixes the field the form names without retyping, edits and deletes it', async ({ page }) => {
  await signIn(page, 'admin@demo.test');
  await page.goto('/inbox');
  await (await openAccountMenu(page)).getByRole('link', { name: 'Business profiles' }).click();
  await expect(page).toHaveURL(/\/settings\/business-profiles$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Business profiles' })).toBeVisible();
  // The demo organisation's own: Europe (Berlin first, its main contact) and North America.
  await expect(card(page, 'Europe')).toContainText('Germany (DE), Berlin');
  await expect(card(page, 'Europe')).toContainText('Main contact of the region');
  await expect(card(page, 'North America')).toBeVisible();

  await page.getByRole('button', { name: 'Add a business profile' }).click();
  const form = page.locator('.profile-form');
  await expect(form.getByRole('heading', { name: 'New business profile' })).toBeVisible();
  // Regions with a profile are not offered again.
  await expect(form.getByLabel('Region').locator('option', { hasText: 'Europe' })).toHaveCount(0);
  await form.getByLabel('Region').selectOption({ label: 'Asia Pacific' });
  const first = location(page, 1);
  await first.getByLabel('Country').selectOption({ label: 'Singapore (SG)' });
  await first.getByLabel('City (optional)').fill('Singapore');
  await first.getByLabel('Contact name').fill('Mei Tan');
  await first.getByLabel('Contact email').fill('mei@partner');
  await first.getByLabel('Contact phone (optional)').fill('+65 6123 4567');
  await form.getByLabel('Keywords').fill('ERP, Cloud, erp');
  await form.getByLabel('10,000 employees or more').check();
  await form.getByRole('button', { name: 'Save profile' }).click();

  // The domain's own check names the field, next to it; nothing typed is lost.
  const email = first.getByLabel('Contact email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(first.locator('#location-0-email-error')).toHaveText('Email must be an email address like name@example.com.');
  await expect(email).toBeFocused();
  await expect(email).toHaveValue('mei@partner');
  await expect(first.getByLabel('Contact name')).toHaveValue('Mei Tan');
  await expect(first.getByLabel('City (optional)')).toHaveValue('Singapore');
  await expect(first.getByLabel('Country')).toHaveValue('SG');
  await expect(form.getByLabel('Keywords')).toHaveValue('ERP, Cloud, erp');
  await expect(form.getByLabel('10,000 employees or more')).toBeChecked();

  await email.fill('mei@partner.example');
  await expect(email).toHaveAttribute('aria-invalid', 'false');
  await form.getByRole('button', { name: 'Add a location' }).click();
  const second = location(page, 2);
  await second.getByLabel('Country').selectOption({ label: 'Japan (JP)' });
  await second.getByLabel('Contact name').fill('Ken Sato');
  await second.getByLabel('Contact email').fill('ken@partner.example');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The Asia Pacific profile was saved.' })).toBeVisible();
  const asia = card(page, 'Asia Pacific');
  await expect(asia).toContainText('Singapore (SG), Singapore');
  await expect(asia).toContainText('Mei Tan');
  await expect(asia).toContainText('+6561234567');
  await expect(asia).toContainText('Japan (JP)');
  await expect(asia).toContainText('ERP, Cloud');
  await expect(asia).toContainText('10,000 employees or more');
  // The region is taken now: adding another Asia Pacific profile is not offered.
  await page.getByRole('button', { name: 'Add a business profile' }).click();
  await expect(form.getByLabel('Region').locator('option', { hasText: 'Asia Pacific' })).toHaveCount(0);
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Edit in place: the form opens with the profile as stored.
  await asia.getByRole('button', { name: 'Edit' }).click();
  await expect(form.getByRole('heading', { name: 'Edit Asia Pacific' })).toBeVisible();
  await expect(location(page, 2).getByLabel('Contact name')).toHaveValue('Ken Sato');
  await form.getByLabel('Keywords').fill('ERP, Field service');
  await location(page, 2).getByRole('button', { name: 'Remove location 2' }).click();
  await expect(location(page, 2)).toHaveCount(0);
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The Asia Pacific profile was saved.' })).toBeVisible();
  await expect(asia).toContainText('ERP, Field service');
  await expect(asia).not.toContainText('Japan');

  // Deleted after confirming.
  await asia.getByRole('button', { name: 'Delete' }).click();
  await expect(asia.getByText('Delete the Asia Pacific profile? Its leads will go to the partner admins.')).toBeVisible();
  await asia.getByRole('button', { name: 'Delete profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The Asia Pacific profile was deleted.' })).toBeVisible();
  await expect(card(page, 'Asia Pacific')).toHaveCount(0);
  const stored = await (await page.request.get('/api/v1/business-profiles')).json();
  expect(stored.map((p: { region: string }) => p.region)).toEqual(['Europe', 'NorthAmerica']);
});

test('a country outside the region is named on its field, with the region it is in', async ({ page }) => {
  await signIn(page, 'profile@demo.test');
  await page.goto('/settings/business-profiles');
  const europe = card(page, 'Europe');
  await europe.getByRole('button', { name: 'Edit' }).click();
  const form = page.locator('.profile-form');
  // Moving the profile to another region leaves its countries outside it.
  await form.getByLabel('Region').selectOption({ label: 'Middle East' });
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(location(page, 1).locator('#location-0-country-error')).toHaveText(
    'DE is in Europe, not in this profile\'s region: add it to the Europe profile, or choose another country.',
  );
  await expect(location(page, 1).getByLabel('Country')).toHaveValue('DE');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(europe).toContainText('Germany (DE), Berlin');
});

test('a profile a colleague changed meanwhile is not overwritten unseen', async ({ page }) => {
  // The browser logs the 412 that tells the app of the colleague's change.
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS });
  await signIn(page, 'admin@demo.test');
  await page.goto('/settings/business-profiles');
  const europe = card(page, 'Europe');
  await europe.getByRole('button', { name: 'Edit' }).click();
  const form = page.locator('.profile-form');
  await form.getByLabel('Keywords').fill('Mine');

  // A colleague saves their version first.
  const [stored] = (await (await page.request.get('/api/v1/business-profiles')).json()) as { id: string; eTag: string; region: string; locations: unknown[] }[];
  const theirs = await page.request.put(`/api/v1/business-profiles/${stored.id}`, {
    headers: { ...(await csrf(page)), 'If-Match': `"${stored.eTag}"` },
    data: { region: stored.region, locations: stored.locations, keywords: ['Theirs'], preferredCompanySizes: [] },
  });
  expect(theirs.status()).toBe(200);

  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.locator('.conflict')).toContainText('Someone else changed this profile since you opened it.');
  await expect(form.getByLabel('Keywords')).toHaveValue('Mine');
  await form.getByRole('button', { name: 'Save mine over theirs' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The Europe profile was saved.' })).toBeVisible();
  await expect(europe).toContainText('Mine');
});

test('business profiles are for partner admins and business profile admins: others see neither the link nor the profiles', async ({ page }) => {
  await signIn(page, 'user@demo.test');
  await page.goto('/inbox');
  const menu = await openAccountMenu(page);
  await expect(menu.getByRole('link', { name: 'Account settings' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Business profiles' })).toHaveCount(0);
  await page.goto('/settings/business-profiles');
  await expect(page.getByRole('alert')).toHaveText('Only partner admins and business profile admins can see and edit business profiles.');
  await expect(page.locator('.profile-card')).toHaveCount(0);
  const refused = await page.request.get('/api/v1/business-profiles');
  expect(refused.status()).toBe(403);
  expect((await refused.json()).code).toBe('business-profile-admins-only');
});

test('the business profiles screen and its form fit a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'profile@demo.test');
  await page.goto('/settings/business-profiles');
  await expect(card(page, 'Europe')).toBeVisible();
  expect(await layoutProblems(page)).toEqual([]);
  await card(page, 'Europe').getByRole('button', { name: 'Edit' }).click();
  await expect(location(page, 3).getByLabel('Contact email')).toBeVisible();
  expect(await layoutProblems(page)).toEqual([]);
});

test('a delete that answers after Add was pressed still says so, and the app goes on', async ({ page }) => {
  await signIn(page, 'profile@demo.test');
  const made = await page.request.post('/api/v1/business-profiles', {
    headers: await csrf(page),
    data: { region: 'Africa', locations: [{ country: 'ZA', contact: { name: 'Thabo', email: 'jhb@partner.example' } }] },
  });
  expect(made.status(), await made.text()).toBe(201);
  await page.goto('/settings/business-profiles');
  const africa = card(page, 'Africa');
  // The delete is held on its way until Add has been pressed.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/v1/business-profiles/*', async (route) => {
    if (route.request().method() === 'DELETE') await held;
    await route.continue();
  });
  await africa.getByRole('button', { name: 'Delete' }).click();
  await africa.getByRole('button', { name: 'Delete profile' }).click();
  await page.getByRole('button', { name: 'Add a business profile' }).click();
  await expect(page.locator('.profile-form')).toBeVisible();
  // The button that opened the form is gone: the keyboard starts at the form.
  await expect(page.locator('#profile-form-heading')).toBeFocused();
  release();
  await expect(page.getByRole('status').filter({ hasText: 'The Africa profile was deleted.' })).toBeVisible();
  await expect(card(page, 'Africa')).toHaveCount(0);
  await expect(page.locator('.profile-form')).toBeVisible();
  await expect(page.locator('.update-banner.app-stopped')).toHaveCount(0);
});
