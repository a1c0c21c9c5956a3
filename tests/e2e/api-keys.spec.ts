import { test, expect, signIn, resultCount, openAccountMenu } from './fixtures';

/** How soon a lead sent in must show in an open Inbox (the live feed, no reload). */
const LIVE = 5_000;

/** A Contact me lead in the API's own shape, for `customer`. */
function contactMe(customer: string) {
  return {
    externalId: `e2e-${customer}`,
    name: `${customer} – field service rollout`,
    consent: { consentToContact: true },
    customerProfile: {
      name: customer,
      address: { city: 'Hamburg', country: 'DE' },
      team: [{ firstName: 'Nora', lastName: 'Nordmann', email: 'nora@northwind.de', phoneNumber: '+49 40 123456' }],
    },
    details: { notes: 'Please call about 40 technicians.', customerRequestedContact: true },
    leadType: 'Offer',
    leadSource: 'AppSource',
    callToAction: 'ContactMe',
    offerId: 'contoso.field-service',
    offerName: 'Field Service',
  };
}

test('a partner admin makes a key shown once, a lead sent with it appears in the open Inbox live, and a revoked key is refused', async ({ page, request }) => {
  await signIn(page, 'admin@demo.test');
  await page.goto('/inbox');
  await (await openAccountMenu(page)).getByRole('link', { name: 'API keys' }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
  await expect(page.getByText('No API keys yet.')).toBeVisible();

  await page.getByLabel('Key name').fill('E2E connector');
  await page.getByRole('button', { name: 'Create key' }).click();
  const secret = page.locator('.api-key-value');
  await expect(secret).toHaveText(/^rdk_[A-Za-z0-9_-]{43}$/);
  const key = await secret.innerText();
  await expect(page.getByText('Copy it now: you will not see it again.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy the API key' })).toBeVisible();
  await expect(page.locator('.api-key-list')).toContainText('E2E connector');
  await expect(page.locator('.api-key-list')).toContainText('Never used');

  // Shown once: after a reload the key is listed, its secret gone.
  await page.reload();
  await expect(page.locator('.api-key-list')).toContainText('E2E connector');
  await expect(page.locator('.api-key-value')).toHaveCount(0);
  expect(await page.content()).not.toContain(key);

  // The Inbox stays open while another system sends a lead in.
  await page.goto('/inbox?callToAction=ContactMe');
  await expect(page.locator('.sync-status [role="status"]')).toHaveText(/^Synced/);
  const before = await resultCount(page);
  let navigations = 0;
  page.on('framenavigated', () => navigations++);
  const customer = `Northwind ${Date.now()}`;
  const sent = await request.post('/api/v1/ingest/referrals', {
    headers: { Authorization: `Bearer ${key}` },
    data: contactMe(customer),
  });
  expect(sent.status()).toBe(201);
  await expect(page.locator('.customer-link', { hasText: customer })).toHaveCount(1, { timeout: LIVE });
  await expect(page.locator('.result-count')).toHaveText(`${before + 1} referrals`, { timeout: LIVE });
  expect(navigations, 'the Inbox was not reloaded').toBe(0);

  // Revoked after confirming: the next lead is refused.
  await page.goto('/settings/api-keys');
  await expect(page.locator('.api-key-list')).toContainText('Last used');
  // The keyboard follows the question: onto it, back to Revoke on "Keep it", and to the
  // page's heading once the key's row is gone.
  const revoke = page.getByRole('button', { name: 'Revoke', exact: true });
  await revoke.focus();
  await page.keyboard.press('Enter');
  const question = page.getByRole('alertdialog', { name: 'Revoke “E2E connector”? Systems that use it can no longer send leads.' });
  await expect(question).toBeVisible();
  await expect(page.getByRole('button', { name: 'Revoke key' })).toBeFocused();
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(revoke).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Revoke “E2E connector”?')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Key “E2E connector” was revoked.')).toBeVisible();
  await expect(page.getByText('No API keys yet.')).toBeVisible();
  await expect(page.locator('main h1')).toBeFocused();
  const refused = await request.post('/api/v1/ingest/referrals', {
    headers: { Authorization: `Bearer ${key}` },
    data: contactMe(`${customer} again`),
  });
  expect(refused.status()).toBe(401);
});

test('the API keys screen is a partner admin\'s: others see neither the link nor the keys', async ({ page }) => {
  await signIn(page, 'referrals@demo.test');
  await page.goto('/inbox');
  const menu = await openAccountMenu(page);
  await expect(menu.getByRole('link', { name: 'Account settings' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'API keys' })).toHaveCount(0);
  await page.goto('/settings/api-keys');
  await expect(page.getByText('Only partner admins can manage API keys.')).toBeVisible();
});

test('the API keys screen fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'admin@demo.test');
  await page.goto('/settings/api-keys');
  await page.getByLabel('Key name').fill('Phone connector');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.locator('.api-key-value')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
});
