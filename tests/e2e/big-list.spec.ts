import { test, expect, signIn, listFromApi } from './fixtures';

// An organisation with 10,740 referrals (30 times the demo).
test.use({ demoScale: 30 });
test.describe.configure({ timeout: 120_000 });

test('a list of thousands keeps only the rows in view in the page, and scrolls to its end', async ({ page }) => {
  await signIn(page);
  const all = await listFromApi(page.request);
  expect(all.length).toBeGreaterThanOrEqual(10_000);
  const inbox = await listFromApi(page.request, 'stage=Inbox&category=Marketplace');

  await page.goto('/inbox');
  // The first load of 10,000+ referrals from the (debug-built) test server takes a while.
  await expect(page.locator('.result-count')).toHaveText(`${inbox.length.toLocaleString("en-US")} referrals`, { timeout: 90_000 });
  await expect(page.getByRole('link', { name: /^Inbox/ })).toContainText(String(all.filter((r) => r.status === 'New').length));
  const rows = page.locator('tr.referral-row');
  expect(await rows.count()).toBeLessThan(60);
  await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', String(inbox.length + 1));

  // The middle of the list: the rows there are the list's rows there.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  await expect.poll(async () => Number(await rows.first().getAttribute('aria-rowindex'))).toBeGreaterThan(100);
  // The row's place and its customer read together: read one after the other, the window
  // could move in between and compare one row's name with another row's place.
  const first = await rows.first().evaluate((row) => ({
    index: Number(row.getAttribute('aria-rowindex')) - 2,
    customer: (row.querySelector('.customer-link')?.textContent ?? '').trim(),
  }));
  expect(first.customer).toBe(inbox[first.index].customerProfile.name);
  expect(await rows.count()).toBeLessThan(60);

  // The end of the list.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(rows.last()).toHaveAttribute('aria-rowindex', String(inbox.length + 1));
  await expect(rows.last().locator('.customer-link')).toHaveText(inbox[inbox.length - 1].customerProfile.name);

  // Filtering the big list works on all of it.
  await page.locator('#filter-panel').getByRole('checkbox', { name: 'Contact me' }).check();
  const contactMe = await listFromApi(page.request, 'stage=Inbox&category=Marketplace&callToAction=ContactMe');
  await expect(page.locator('.result-count')).toHaveText(`${contactMe.length.toLocaleString("en-US")} referrals`);
});
