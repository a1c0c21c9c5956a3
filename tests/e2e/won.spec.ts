import { test, expect, signIn, listFromApi, seriousViolations, type ApiReferral } from './fixtures';
import type { Page } from '@playwright/test';

/** An accepted deal, with what decides whether it can be registered. */
type Deal = ApiReferral & {
  details: { dealValue: string | null; currency: string | null; requirements: { solutions: string[] } };
};

const DAY = 24 * 60 * 60 * 1000;

/** The UTC calendar date `days` days before today (negative: after), as the domain compares dates. */
function daysAgo(days: number, from = Date.now()): string {
  return new Date(from - days * DAY).toISOString().slice(0, 10);
}

async function accepted(page: Page): Promise<Deal[]> {
  return (await listFromApi(page.request, 'stage=Accepted')) as Deal[];
}

/** Registration is required: worth USD 25,000 or more, with an eligible solution. */
function eligible(deal: Deal): boolean {
  return deal.details.currency === 'USD' && Number(deal.details.dealValue) >= 25_000 && deal.details.requirements.solutions.length > 0;
}

/** Counts the Won requests the page sends, with their bodies. */
function wonRequests(page: Page): unknown[] {
  const bodies: unknown[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/won')) bodies.push(request.postDataJSON());
  });
  return bodies;
}

const error = (page: Page, field: string) => page.locator(`#registration-${field}-error`);
const question = (page: Page, name: string) => page.getByRole('radiogroup', { name });

test('a deal that cannot be registered is marked as won after a confirmation, without registration', async ({ page }) => {
  await signIn(page);
  const deal = (await accepted(page)).find((d) => d.details.requirements.solutions.length === 0)!;
  const sent = wonRequests(page);
  await page.goto(`/referrals/${deal.id}`);
  await page.getByRole('button', { name: 'Won' }).click();

  await expect(page.locator('.action-panel')).toContainText('This deal includes no eligible solution, so it cannot be registered.');
  await expect(page.getByLabel('Total contract value')).toHaveCount(0);
  await expect(page.getByRole('alertdialog')).toHaveText(/Mark this deal as won\? It moves to Archived as Won and cannot be changed afterwards\./);
  await page.getByRole('button', { name: 'Yes, won' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Won:' })).toContainText(`${deal.customerProfile.name} is now in Archived`);
  await expect(page.locator('.detail-subtitle')).toContainText('Closed / Won');
  expect(sent).toEqual([{ dealRegistration: null }]);
  const stored = await (await page.request.get(`/api/v1/referrals/${deal.id}`)).json();
  expect(stored.substatus).toBe('Won');
  expect(stored.dealRegistration ?? null).toBeNull();
});

test('an eligible deal is registered: the domain refuses wrong dates and values beside their fields before anything is sent', async ({ page }) => {
  await signIn(page);
  // Created a few weeks ago, so a signed date can be before the referral yet within 60 days.
  const deal = (await accepted(page)).find((d) => {
    const age = Date.now() - Date.parse(d.createdDateTime);
    return eligible(d) && age > 3 * DAY && age < 55 * DAY;
  })!;
  // "Today" and a day's date are the earliest anywhere (UTC−12), so nobody's own is refused.
  const earliest = (at: number) => at - 12 * 3600_000;
  const created = daysAgo(0, earliest(Date.parse(deal.createdDateTime)));
  const sent = wonRequests(page);
  await page.goto(`/referrals/${deal.id}`);
  await page.getByRole('button', { name: 'Won' }).click();
  await expect(page.locator('.action-panel')).toContainText('register it with the vendor');
  await expect(page.locator('#registration-totalContractValue-currency')).toHaveText('USD');

  const signed = page.getByLabel('Contract signed date');
  const expectRefused = async (field: string, message: string) => {
    await expect(error(page, field)).toHaveText(message);
    await expect(page.locator(`#registration-${field}`)).toHaveAttribute('aria-invalid', 'true');
  };
  await signed.fill(daysAgo(-2));
  await signed.blur();
  await expectRefused('contractSignedDate', 'Contract signed date must not be in the future.');
  await signed.fill(daysAgo(62));
  await expectRefused('contractSignedDate', `Contract signed date must be at most 60 days ago (on or after ${daysAgo(60, earliest(Date.now()))}).`);
  await signed.fill(daysAgo(1, Date.parse(`${created}T00:00:00Z`)));
  await expectRefused('contractSignedDate', `Contract signed date must not be before the referral was created (${created}).`);

  const start = page.getByLabel('Contract start date');
  await start.fill(daysAgo(92));
  await start.blur();
  await expectRefused('contractStartDate', `Contract start date must be at most 90 days ago (on or after ${daysAgo(90, earliest(Date.now()))}).`);

  await question(page, 'Is the contract perpetual?').getByLabel('No').check();
  await start.fill(daysAgo(2));
  const end = page.getByLabel('Contract end date');
  await end.fill(daysAgo(3));
  await end.blur();
  await expectRefused('contractEndDate', `Contract end date must not be before the contract start date (${daysAgo(2)}).`);

  await page.getByLabel('Total contract value').fill('30000');
  await page.getByLabel('Solution value').fill('40000');
  await page.getByLabel('Solution value').blur();
  await expectRefused('solutionValue', 'Solution value must not exceed the total contract value (USD 30000).');

  // Submitting shows every remaining question's error and sends nothing.
  await page.getByRole('button', { name: 'Won', exact: true }).click();
  await expect(error(page, 'tenantType')).toHaveText('Choose the tenant type.');
  await expect(error(page, 'marketplaceTransaction')).toHaveText('Answer whether this is a marketplace transaction.');
  await expect(question(page, 'Is this a marketplace transaction?')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  expect(sent).toHaveLength(0);

  await question(page, 'Is this a marketplace transaction?').getByLabel('Yes').check();
  await page.getByLabel('Estimated marketplace transaction date').fill(daysAgo(-30));
  await question(page, 'Is the solution deployed on Azure?').getByLabel('Yes').check();
  await page.getByLabel('Total contract value').fill('120,000');
  await page.getByLabel('Solution value').fill('80000.50');
  await signed.fill(created);
  await end.fill(daysAgo(-365));
  await page.getByLabel('Tenant type').selectOption({ label: 'Multi-tenant' });
  await page.getByLabel('Pricing model').selectOption({ label: 'Per user' });
  await expect(page.locator('.action-panel .field-error:not(:empty)')).toHaveCount(0);
  await page.getByRole('button', { name: 'Won', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, won' }).click();

  await expect(page.locator('.detail-subtitle')).toContainText('Closed / Won');
  expect(sent).toHaveLength(1);
  const stored = await (await page.request.get(`/api/v1/referrals/${deal.id}`)).json();
  expect(stored.substatus).toBe('Won');
  expect(stored.dealRegistration).toMatchObject({
    state: 'Pending',
    marketplaceTransactionDate: daysAgo(-30),
    deployedOnAzure: true,
    totalContractValue: { amount: '120000', currency: 'USD' },
    solutionValue: { amount: '80000.50', currency: 'USD' },
    contractSignedDate: created,
    contractStartDate: daysAgo(2),
    contractEndDate: daysAgo(-365),
    tenantType: 'MultiTenant',
    pricingModel: 'PerUser',
  });
});

test('the registration form, with its errors showing, has no serious accessibility violations', async ({ page }) => {
  await signIn(page);
  const deals = (await accepted(page)).filter(eligible);
  // Not the deal the registration test marks as won.
  const deal = deals[deals.length - 1];
  await page.goto(`/referrals/${deal.id}`);
  await page.getByRole('button', { name: 'Won' }).click();
  await page.getByRole('button', { name: 'Won', exact: true }).click();
  await expect(error(page, 'contractSignedDate')).toHaveText('Contract signed date is required.');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a deal in a currency without a dollar rate may be registered, or marked as won without', async ({ page }) => {
  await signIn(page);
  const deal = (await accepted(page)).find((d) => d.details.currency !== 'USD' && d.details.requirements.solutions.length > 0)!;
  const sent = wonRequests(page);
  await page.goto(`/referrals/${deal.id}`);
  await page.getByRole('button', { name: 'Won' }).click();
  await expect(page.locator('.action-panel')).toContainText(`There is no US dollar rate for ${deal.details.currency}`);
  await expect(page.getByLabel('Total contract value')).toHaveCount(0);

  const register = page.getByLabel('Register this deal');
  await register.check();
  await expect(page.locator('#registration-totalContractValue-currency')).toHaveText(deal.details.currency!);
  await page.getByLabel('Total contract value').fill('5000');
  // Unchecked and checked again, what was typed is back.
  await register.uncheck();
  await expect(page.getByLabel('Total contract value')).toHaveCount(0);
  await register.check();
  await expect(page.getByLabel('Total contract value')).toHaveValue('5000');

  await register.uncheck();
  await page.getByRole('button', { name: 'Won', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, won' }).click();
  await expect(page.locator('.detail-subtitle')).toContainText('Closed / Won');
  expect(sent).toEqual([{ dealRegistration: null }]);
});
