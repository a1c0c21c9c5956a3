import { rmSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, signIn, seriousViolations, layoutProblems, startServer, DEMO_PASSWORD, EXPECTS_CONSOLE_ERRORS, cachedCount } from './fixtures';

// The insights page computes its figures in the browser, from the referrals the app
// holds, with the domain's own function; the server's GET /api/v1/insights runs the
// same function on its database. For the demo data they must agree, for any range.

type Tally = { value: string | null; count: number };
type Insights = {
  from: string;
  to: string;
  funnel: { received: number; accepted: number; won: number };
  winRatePercent: number | null;
  response: { withinTarget: number; missedTarget: number; withinTargetPercent: number | null; answered: number; medianSeconds: number | null; p90Seconds: number | null };
  bySource: Tally[];
  byCallToAction: Tally[];
  byCountry: Tally[];
  byQuality: Tally[];
  wonByMonth: { month: string; currency: string; amount: string; deals: number }[];
  expiringSoon: { id: string; name: string }[];
};

async function fromApi(request: APIRequestContext, query = ''): Promise<Insights> {
  const response = await request.get(`/api/v1/insights${query}`);
  expect(response.status(), `GET /api/v1/insights${query}`).toBe(200);
  return response.json();
}

/** The counts column of one chart's table, top to bottom. */
async function tableCounts(page: Page, chart: string): Promise<number[]> {
  const cells = await page.locator(`table[data-chart="${chart}"] tbody td`).allInnerTexts();
  return cells.map((text) => Number.parseInt(text.replace(/,/g, ''), 10));
}

/** Waits until the page shows `expected`'s figures, then checks every one of them. */
/**
 * The page shows `expected`. Two figures move with the clock (a lead's 24 hours or its
 * 14 days running out): with `ask`, they are compared with the server's answer again
 * until the page's clock (it ticks every 30 s) and the server's agree.
 */
async function expectFigures(page: Page, expected: Insights, ask?: () => Promise<Insights>) {
  await expect(page.locator('[data-figure="received"]')).toHaveText(String(expected.funnel.received), { timeout: 15_000 });
  await expect(page.locator('[data-figure="accepted"]')).toHaveText(String(expected.funnel.accepted));
  await expect(page.locator('[data-figure="won"]')).toHaveText(String(expected.funnel.won));
  await expect(page.locator('[data-figure="win-rate"]')).toHaveText(
    expected.winRatePercent === null ? 'No won or lost deals yet' : `${expected.winRatePercent}%`,
  );
  if (expected.response.medianSeconds === null) await expect(page.locator('[data-figure="median-response"]')).toHaveText('No answers yet');
  expect(await tableCounts(page, 'funnel')).toEqual([expected.funnel.received, expected.funnel.accepted, expected.funnel.won]);
  expect(await tableCounts(page, 'by-source')).toEqual(expected.bySource.map((t) => t.count));
  expect(await tableCounts(page, 'by-call-to-action')).toEqual(expected.byCallToAction.map((t) => t.count));
  expect(await tableCounts(page, 'by-country')).toEqual(expected.byCountry.map((t) => t.count));
  expect(await tableCounts(page, 'by-quality')).toEqual(expected.byQuality.map((t) => t.count));
  // Won value: one chart per currency, one row per month.
  for (const currency of new Set(expected.wonByMonth.map((m) => m.currency))) {
    const months = expected.wonByMonth.filter((m) => m.currency === currency);
    await expect(page.locator(`table[data-chart="won-${currency}"] tbody th`)).toHaveText(months.map((m) => m.month));
  }
  const timely = async (now: Insights) => {
    const response = now.response;
    const decided = response.withinTarget + response.missedTarget;
    await expect(page.locator('[data-figure="within-target"]')).toHaveText(
      response.withinTargetPercent === null ? /No lead/ : `${response.withinTargetPercent}% (${response.withinTarget} of ${decided})`,
      { timeout: 2_000 },
    );
    // The leads expiring soon, each a link to its page.
    const links = page.locator('[data-figure="expiring-soon"] a');
    await expect(links).toHaveCount(now.expiringSoon.length, { timeout: 2_000 });
    for (const [i, lead] of now.expiringSoon.entries()) {
      await expect(links.nth(i)).toHaveAttribute('href', `/referrals/${lead.id}`, { timeout: 2_000 });
    }
  };
  if (ask) {
    let now = expected;
    await expect(async () => {
      try {
        await timely(now);
      } finally {
        now = await ask();
      }
    }).toPass({ timeout: 45_000 });
  } else {
    await timely(expected);
  }
}

test('the default range shows the API\'s figures for the last 90 days', async ({ page }) => {
  await signIn(page);
  await page.goto('/insights');
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
  const expected = await fromApi(page.request);
  expect(expected.funnel.received, 'the demo has leads in the last 90 days').toBeGreaterThan(0);
  await expectFigures(page, expected, () => fromApi(page.request));
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(expected.from);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(expected.to);
  await expect(page).toHaveTitle('Insights · Referral Desk');
  // Reached from the top bar.
  await page.goto('/inbox');
  await page.getByRole('navigation', { name: 'Referral stages' }).getByRole('link', { name: 'Insights' }).click();
  await expect(page).toHaveURL(/\/insights$/);
  await expect(page.locator('[data-figure="received"]')).toHaveText(String(expected.funnel.received));
});

test('a range picked with the dates goes into the URL, matches the API and survives a reload', async ({ page }) => {
  await signIn(page);
  await page.goto('/insights');
  await expect(page.locator('[data-figure="received"]')).toHaveText(/^\d+$/);
  const to = daysAgo(5);
  const from = daysAgo(40);
  await page.getByLabel('From', { exact: true }).fill(from);
  await page.getByLabel('To', { exact: true }).fill(to);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(`/insights?from=${from}&to=${to}`);
  const expected = await fromApi(page.request, `?from=${from}&to=${to}`);
  const whole = await fromApi(page.request);
  expect(expected.funnel.received).toBeLessThan(whole.funnel.received);
  const again = () => fromApi(page.request, `?from=${from}&to=${to}`);
  await expectFigures(page, expected, again);

  await page.reload();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(from);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(to);
  await expectFigures(page, expected, again);
  // Back returns to the range before.
  await page.goBack();
  await expect(page).toHaveURL(/\/insights$/);
  await expect(page.locator('[data-figure="received"]')).toHaveText(String(whole.funnel.received));
});

test('bad dates in the link say what is wrong, and the picker still works', async ({ page }) => {
  await signIn(page);
  await page.goto('/insights?from=2026-11-31&to=2026-12-01');
  await expect(page.getByRole('alert')).toContainText('"from" must be a date like 2026-09-01, not "2026-11-31".');
  await expect(page.locator('[data-figure="received"]')).toHaveCount(0);
  await page.goto('/insights?from=2026-11-20&to=2026-11-01');
  await expect(page.getByRole('alert')).toContainText('The range starts after it ends');
  // The dates that do not make a range stay in the fields, beside the error.
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2026-11-20');
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('2026-11-01');
  await page.getByLabel('From', { exact: true }).fill(daysAgo(300));
  await page.getByLabel('To', { exact: true }).fill(daysAgo(0));
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const ask = () => fromApi(page.request, `?from=${daysAgo(300)}&to=${daysAgo(0)}`);
  await expectFigures(page, await ask(), ask);
});

test('the insights page has no serious accessibility violations', async ({ page }) => {
  await signIn(page);
  await page.goto('/insights');
  await expect(page.locator('[data-figure="received"]')).toHaveText(/^\d+$/);
  expect(await seriousViolations(page)).toEqual([]);
  // Each chart is one image with a title, and its values are in a table the keyboard reaches.
  const charts = page.locator('figure.bar-chart');
  expect(await charts.count()).toBeGreaterThanOrEqual(5);
  for (const chart of await charts.all()) {
    await expect(chart.locator('svg[role="img"] > title')).toHaveCount(1);
    await expect(chart.getByRole('region')).toHaveAttribute('tabindex', '0');
    await expect(chart.getByRole('table')).toHaveCount(1);
  }
  await page.getByRole('region', { name: 'Leads by source' }).focus();
  await expect(page.getByRole('region', { name: 'Leads by source' })).toBeFocused();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the page fits the screen and every control is large enough to tap', async ({ page }) => {
    await signIn(page);
    await page.goto('/insights');
    await expect(page.locator('[data-figure="received"]')).toHaveText(/^\d+$/);
    expect(await layoutProblems(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('with the server down, the page loads from the cache with the same figures', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // requests fail while offline
  const server = await startServer();
  try {
    const signedIn = await page.request.post(`${server.url}/api/v1/session`, { data: { email: 'referrals@demo.test', password: DEMO_PASSWORD } });
    expect(signedIn.status()).toBe(200);
    const query = `?from=${daysAgo(300)}&to=${daysAgo(0)}`;
    const response = await page.request.get(`${server.url}/api/v1/insights${query}`);
    const expected: Insights = await response.json();
    await page.goto(`${server.url}/insights${query}`);
    await expectFigures(page, expected);
    await page.evaluate(() => navigator.serviceWorker?.ready);
    // The whole organisation is on the device before the server goes.
    await expect.poll(() => cachedCount(page), { timeout: 15_000 }).toBeGreaterThan(300);
    await page.waitForTimeout(500);

    await server.stop({ keepDatabase: true });
    await page.reload();
    await expect(page.locator('.sync-status')).toContainText('Offline');
    await expectFigures(page, expected);
  } finally {
    await server.stop();
    rmSync(server.dir, { recursive: true, force: true });
  }
});

/** The UTC day `days` before today, as YYYY-MM-DD. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

