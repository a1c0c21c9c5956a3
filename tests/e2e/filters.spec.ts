import { test, expect, signIn, listFromApi, resultCount, shownCustomers, csrf, type ApiReferral } from './fixtures';
import type { Page } from '@playwright/test';

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

/** The Inbox's default tab, as the API spells it. */
const INBOX = 'stage=Inbox&category=Marketplace';

/** Checkbox filters: the panel's legend, the URL parameter, and (label, value) of each option. */
const CHECKBOX_FILTERS: { legend: string; param: string; options: [string, string][] }[] = [
  { legend: 'Call to action', param: 'callToAction', options: [['Get it now', 'GetItNow'], ['Free trial', 'FreeTrial'], ['Test drive', 'TestDrive'], ['Contact me', 'ContactMe']] },
  { legend: 'Lead source', param: 'leadSource', options: [['AppSource', 'AppSource'], ['Azure Marketplace', 'AzureMarketplace'], ['Azure portal', 'AzurePortal']] },
  { legend: 'Lead type', param: 'leadType', options: [['Offer', 'Offer'], ['Business profile', 'Profile']] },
  { legend: 'Lead quality', param: 'leadQuality', options: [['High', 'High'], ['Medium', 'Medium'], ['Low (probable spam)', 'Low']] },
  { legend: 'Email validity', param: 'emailValidity', options: [['Valid', 'Valid'], ['Invalid', 'Invalid'], ['Spam', 'Spam'], ['Not verified', 'Unknown']] },
  { legend: 'Phone validity', param: 'phoneValidity', options: [['Valid', 'Valid'], ['Invalid', 'Invalid'], ['Not verified', 'Unknown']] },
];

async function expectCount(page: Page, count: number): Promise<void> {
  await expect(page.locator('.result-count')).toHaveText(count === 1 ? '1 referral' : `${count} referrals`);
}

/** The first option whose filter leaves some, but not all, of the list. */
async function narrowingOption(page: Page, base: string, param: string, options: [string, string][], total: number) {
  for (const [label, value] of options) {
    const count = (await listFromApi(page.request, `${base}&${param}=${value}`)).length;
    if (count > 0 && count < total) return { label, value, count };
  }
  throw new Error(`no ${param} value narrows the demo list`);
}

/**
 * Applies a filter through `apply`, then checks that it narrowed the list to what the
 * API returns for the same query, is in the URL, survives a reload, and that Back
 * restores the unfiltered list.
 */
async function checkFilter(page: Page, urlParam: RegExp, expected: number, before: number, apply: () => Promise<void>) {
  await apply();
  await expect(page).toHaveURL(urlParam);
  await expectCount(page, expected);
  expect(expected).toBeLessThan(before);
  await page.reload();
  await expectCount(page, expected);
  await page.goBack();
  await expect(page).not.toHaveURL(urlParam);
  await expectCount(page, before);
}

for (const filter of CHECKBOX_FILTERS) {
  test(`the ${filter.legend} filter narrows the list, lives in the URL and Back undoes it`, async ({ page }) => {
    const all = await listFromApi(page.request, INBOX);
    const option = await narrowingOption(page, INBOX, filter.param, filter.options, all.length);
    await page.goto('/inbox');
    expect(await resultCount(page)).toBe(all.length);
    const box = page.locator('#filter-panel').getByRole('group', { name: filter.legend }).getByRole('checkbox', { name: option.label, exact: true });
    await checkFilter(page, new RegExp(`[?&]${filter.param}=${option.value}(&|$)`), option.count, all.length, async () => {
      await box.check();
    });
    await expect(box).not.toBeChecked();
  });
}

test('the Country filter narrows the list to that country', async ({ page }) => {
  const all = await listFromApi(page.request, INBOX);
  const code = all[0].customerProfile.address.country;
  const expected = all.filter((r) => r.customerProfile.address.country === code).length;
  await page.goto('/inbox');
  const box = page.locator('#filter-panel').getByRole('group', { name: 'Country' }).getByRole('checkbox', { name: `(${code})` });
  await checkFilter(page, new RegExp(`[?&]country=${code}(&|$)`), expected, all.length, async () => {
    await box.check();
    await expectCount(page, expected);
    const countries = await page.locator('.country-cell').allInnerTexts();
    expect(countries.length).toBeGreaterThan(0);
    for (const country of countries) expect(country).toContain(code);
  });
});

test('the Customer name filter matches part of a name, without case or accents', async ({ page }) => {
  const all = await listFromApi(page.request, INBOX);
  const part = all[0].customerProfile.name.split(' ')[0].toLowerCase();
  const expected = (await listFromApi(page.request, `${INBOX}&customer=${encodeURIComponent(part)}`)).length;
  await page.goto('/inbox');
  await checkFilter(page, /[?&]customer=/, expected, all.length, async () => {
    await page.getByLabel('Customer name').fill(part);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('button', { name: `Remove filter Customer: ${part}` })).toBeVisible();
  });
});

test('search narrows the list and the box follows Back and Forward', async ({ page }) => {
  const all = await listFromApi(page.request, INBOX);
  const word = all[0].name.split(' ').find((w) => w.length > 3) ?? all[0].name;
  const expected = (await listFromApi(page.request, `${INBOX}&q=${encodeURIComponent(word)}`)).length;
  await page.goto('/inbox');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await checkFilter(page, /[?&]q=/, expected, all.length, async () => {
    await search.fill(word);
    await search.press('Enter');
  });
  await expect(search).toHaveValue('');
  await page.goForward();
  await expect(search).toHaveValue(word);
  await expectCount(page, expected);
});

test('the Status filter narrows the Favorites view, which spans stages', async ({ page }) => {
  const inbox = await listFromApi(page.request, INBOX);
  const accepted = await listFromApi(page.request, 'stage=Accepted');
  for (const referral of [inbox[0], inbox[1], accepted[0]]) {
    expect((await page.request.put(`/api/v1/referrals/${referral.id}/favorite`, { headers: await csrf(page) })).status()).toBe(204);
  }
  await page.goto('/favorites');
  await expectCount(page, 3);
  const box = page.locator('#filter-panel').getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Active', exact: true });
  await checkFilter(page, /[?&]status=Active(&|$)/, 1, 3, async () => {
    await box.check();
  });
});

test('filters combine, show as chips, and Back steps through each change', async ({ page }) => {
  const all = await listFromApi(page.request, INBOX);
  const contactMe = await listFromApi(page.request, `${INBOX}&callToAction=ContactMe`);
  const contactMeOrFreeTrial = await listFromApi(page.request, `${INBOX}&callToAction=FreeTrial&callToAction=ContactMe`);
  const withValidEmail = await listFromApi(page.request, `${INBOX}&callToAction=FreeTrial&callToAction=ContactMe&emailValidity=Valid`);
  await page.goto('/inbox');
  const panel = page.locator('#filter-panel');
  await panel.getByRole('checkbox', { name: 'Contact me' }).check();
  await expectCount(page, contactMe.length);
  await panel.getByRole('checkbox', { name: 'Free trial' }).check();
  await expectCount(page, contactMeOrFreeTrial.length);
  await panel.getByRole('group', { name: 'Email validity' }).getByRole('checkbox', { name: 'Valid', exact: true }).check();
  await expectCount(page, withValidEmail.length);
  await expect(page).toHaveURL(/\/inbox\?callToAction=FreeTrial&callToAction=ContactMe&emailValidity=Valid$/);
  await expect(page.getByRole('group', { name: 'Active filters' }).getByRole('button')).toHaveText([
    /Call to action: Free trial/, /Call to action: Contact me/, /Email: Valid/, 'Clear filters',
  ]);

  await page.goBack();
  await expectCount(page, contactMeOrFreeTrial.length);
  await page.goBack();
  await expectCount(page, contactMe.length);
  await expect(panel.getByRole('checkbox', { name: 'Free trial' })).not.toBeChecked();
  await page.goForward();
  await page.goForward();
  await expectCount(page, withValidEmail.length);

  await page.getByRole('button', { name: 'Remove filter Call to action: Contact me' }).click();
  await expect(page).toHaveURL(/\/inbox\?callToAction=FreeTrial&emailValidity=Valid$/);
  // Focus moves to the chip now in the removed one's place (the next), to the one before
  // it when it was the last, then to the search box once none is left.
  await expect(page.getByRole('button', { name: 'Remove filter Email: Valid' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/inbox\?callToAction=FreeTrial$/);
  await expect(page.getByRole('button', { name: 'Remove filter Call to action: Free trial' })).toBeFocused();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await expectCount(page, all.length);
});

test('sorting follows the domain sort keys and is kept in the URL', async ({ page }) => {
  const byValue = await listFromApi(page.request, 'stage=Accepted&category=Marketplace&sort=dealValue&dir=asc');
  await page.goto('/accepted');
  await page.getByLabel('Sort by').selectOption('dealValue');
  await page.getByLabel('Order').selectOption('asc');
  await expect(page).toHaveURL(/\/accepted\?sort=dealValue&dir=asc$/);
  await expect.poll(async () => (await shownCustomers(page)).slice(0, 5)).toEqual(byValue.slice(0, 5).map((r: ApiReferral) => r.customerProfile.name));
  await page.reload();
  await expect(page.getByLabel('Sort by')).toHaveValue('dealValue');
  await expect(page.getByLabel('Order')).toHaveValue('asc');
});

test('a link with a filter value that does not exist says which one', async ({ page }) => {
  await page.goto('/inbox?leadSource=Fax');
  await expect(page.getByRole('alert')).toContainText('leadSource');
  await expect(page.getByRole('alert')).toContainText('Fax');
  await page.getByRole('link', { name: 'Show all of Inbox' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('rowheader').first()).toBeVisible();
});
