import { test, expect, signIn, listFromApi, resultCount, shownCustomers, type ApiReferral } from './fixtures';

const HOURS = 3600_000;

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

function age(referral: ApiReferral): number {
  return Date.now() - Date.parse(referral.createdDateTime);
}

test('a hot lead shows the flame alert and its countdowns', async ({ page }) => {
  const inbox = await listFromApi(page.request, 'stage=Inbox');
  const hot = inbox.find((r) => r.details.customerRequestedContact && age(r) < 70 * HOURS && r.callToAction === 'ContactMe');
  expect(hot, 'the demo has a hot lead').toBeDefined();
  await page.goto(`/referrals/${hot!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: hot!.customerProfile.name })).toBeVisible();
  await expect(page).toHaveTitle(`${hot!.customerProfile.name} · Referral Desk`);
  const alert = page.getByRole('note', { name: 'Customer asked to be contacted' });
  await expect(alert).toContainText('Contact now');
  await expect(alert).toContainText('The customer asked to be contacted. Contact them now.');
  await expect(alert.getByRole('img', { name: /^Hot/ })).toBeVisible();
  await expect(page.getByText('Response window (24 h)')).toBeVisible();
  await expect(page.locator('.countdowns')).toContainText(/left to respond|Respond now/);
  await expect(page.locator('.countdowns')).toContainText(/Expires in/);
});

test('after 72 hours the flame cools but the lead is still worth contacting', async ({ page }) => {
  const open = [...(await listFromApi(page.request, 'stage=Inbox')), ...(await listFromApi(page.request, 'stage=Accepted'))];
  const cooled = open.find((r) => r.details.customerRequestedContact && age(r) > 73 * HOURS);
  expect(cooled, 'the demo has a cooled lead').toBeDefined();
  await page.goto(`/referrals/${cooled!.id}`);
  const alert = page.getByRole('note', { name: 'Customer asked to be contacted' });
  await expect(alert).toContainText('Still worth contacting');
  await expect(alert).toContainText('more than 72 hours ago');
  await expect(alert.getByRole('img', { name: /^Cooled/ })).toBeVisible();
});

test('an expired referral shows no contact information', async ({ page }) => {
  const expired = (await listFromApi(page.request, 'stage=Archived')).find((r) => r.substatus === 'Expired');
  expect(expired, 'the demo has an expired lead').toBeDefined();
  expect(expired!.customerProfile.team).toEqual([]);
  await page.goto(`/referrals/${expired!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: expired!.customerProfile.name })).toBeVisible();
  const contact = page.getByRole('region', { name: 'Contact' });
  await expect(contact).toContainText('Contact information is not shown for expired referrals.');
  await expect(page.locator('a[href^="mailto:"], a[href^="tel:"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Copy/ })).toHaveCount(0);
  await expect(page.getByText('Expired', { exact: false }).first()).toBeVisible();
});

test('quick copy puts the email address on the clipboard and says so', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const inbox = await listFromApi(page.request, 'stage=Inbox');
  const withEmail = inbox.find((r) => r.customerProfile.team[0]?.email && r.customerProfile.team[0]?.phoneNumber)!;
  const email = withEmail.customerProfile.team[0].email!;
  await page.goto(`/referrals/${withEmail.id}`);
  const contact = page.getByRole('region', { name: 'Contact' });
  await expect(contact.getByRole('link', { name: email })).toBeVisible();
  await expect(contact.locator('.badge').first()).toContainText(/Email: (Valid|Invalid|Spam|Not verified)/);
  await contact.getByRole('button', { name: 'Copy email address' }).click();
  await expect(contact.getByRole('status').first()).toHaveText('Copied the email address.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(email);

  await contact.getByRole('button', { name: 'Copy phone number' }).click();
  // The copy finishes after the click returns (the clipboard answers a promise); until the
  // confirmation shows, the clipboard may still hold the email address.
  await expect(contact.getByRole('status').filter({ hasText: 'Copied the phone number.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(withEmail.customerProfile.team[0].phoneNumber);
});

test('previous and next step through the filtered list the lead was opened from', async ({ page }) => {
  await page.goto('/inbox?callToAction=ContactMe');
  await resultCount(page);
  const customers = await shownCustomers(page);
  const contactMe = await listFromApi(page.request, 'stage=Inbox&category=Marketplace&callToAction=ContactMe');
  expect(customers.slice(0, 3)).toEqual(contactMe.slice(0, 3).map((r) => r.customerProfile.name));

  await page.locator('.customer-link').first().click();
  await expect(page).toHaveURL(new RegExp(`/referrals/${contactMe[0].id}\\?stage=Inbox&category=Marketplace&callToAction=ContactMe$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contactMe[0].customerProfile.name);
  await expect(page.getByText(`1 of ${contactMe.length}`)).toBeVisible();

  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(new RegExp(`/referrals/${contactMe[1].id}\\?`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contactMe[1].customerProfile.name);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByRole('link', { name: 'Previous' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contactMe[0].customerProfile.name);

  await page.getByRole('link', { name: 'Back to Inbox' }).click();
  await expect(page).toHaveURL(/\/inbox\?callToAction=ContactMe$/);
});

test('a Qualified lead opened with no list steps through its own tab, and goes back to it', async ({ page }) => {
  const qualified = await listFromApi(page.request, 'stage=Inbox&category=Qualified');
  expect(qualified.length).toBeGreaterThan(2);
  // A bookmark: the address names the lead alone.
  await page.goto(`/referrals/${encodeURIComponent(qualified[1].id)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(qualified[1].customerProfile.name);
  await expect(page.getByText(`2 of ${qualified.length}`)).toBeVisible();
  await page.getByRole('link', { name: 'Previous' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(qualified[0].customerProfile.name);
  await page.getByRole('link', { name: 'Back to Inbox' }).click();
  await expect(page).toHaveURL(/\/inbox\?category=Qualified$/);
});

test('the detail page groups every field of the referral', async ({ page }) => {
  const accepted = (await listFromApi(page.request, 'stage=Accepted'))[0];
  await page.goto(`/referrals/${accepted.id}`);
  for (const section of ['Contact', 'Deal', 'Customer', 'Lead', 'Status', 'Status history']) {
    await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
  }
  for (const label of ['Deal name', 'Estimated value', 'Lead source', 'Call to action', 'Qualification', 'Referral ID', 'Created', 'Accepted']) {
    await expect(page.locator('dt', { hasText: new RegExp(`^${label}$`) })).toHaveCount(1);
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Status history' }).locator('..').getByRole('listitem')).not.toHaveCount(0);
});

test('an unknown referral says so', async ({ page }) => {
  test.info().annotations.push({ type: 'expects-console-errors' });
  await page.goto('/referrals/no-such-referral');
  await expect(page.getByRole('heading', { level: 1, name: 'Referral not found' })).toBeVisible();
});

test.describe('west of UTC', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('an estimated closing date shows as the day it is, on the lead page and in the list', async ({ page }) => {
    const accepted = await listFromApi(page.request, 'stage=Accepted');
    const lead = accepted.find((r) => r.details.closingDateTime);
    expect(lead, 'the demo has an accepted lead with a closing date').toBeDefined();
    // Kept as midnight UTC: in Los Angeles that instant is still the day before.
    const day = new Date(lead!.details.closingDateTime!);
    const shown = `${day.getUTCDate()} ${day.toLocaleString('en', { month: 'short', timeZone: 'UTC' })} ${day.getUTCFullYear()}`;
    await page.goto(`/referrals/${lead!.id}`);
    await expect(page.locator('.fields').filter({ hasText: 'Estimated closing date' }).first()).toContainText(shown);
    await page.goto(`/accepted?q=${encodeURIComponent(lead!.customerProfile.name)}`);
    await expect(page.locator('tr', { has: page.locator(`a.customer-link[href^="/referrals/${lead!.id}"]`) })).toContainText(shown);
  });
});
