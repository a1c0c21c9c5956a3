import { test, expect, signIn, listFromApi, resultCount, type ApiReferral } from './fixtures';
import type { Page, Route } from '@playwright/test';

const LONG_EMAIL = `${'partnerships.and.procurement.department'.repeat(2)}@subsidiary-of-a-very-long-company-name.example`;

/** Contact names no demo lead has (the demo's names are short and the API cannot rename a contact). */
const NAMES: [string, { firstName: string; lastName: string }][] = [
  ['120 characters without a space', { firstName: 'Wolfeschlegelsteinhausenbergerdorff'.repeat(4).slice(0, 120), lastName: '' }],
  ['a long name with spaces', { firstName: 'Anna Maria Magdalena Theresia Josefa Franziska', lastName: 'von und zu Hohenlohe-Langenburg-Schillingsfürst de la Vega y Montenegro' }],
];

const SIZES = [
  { label: 'desktop', width: 1280, height: 800 },
  { label: 'phone', width: 390, height: 844 },
];

/**
 * The real server answers; only the lead's first contact (name and email) is
 * changed in its answers, in the store's feed and in the lead's own request. The
 * demo has no name long enough and no API edits a contact's name, and this test
 * is about layout alone, so changing that one field on the way in is enough.
 */
async function giveContactLongName(page: Page, leadId: string, name: { firstName: string; lastName: string }) {
  const lengthen = (referral: ApiReferral) => {
    if (referral.id !== leadId) return referral;
    const [first, ...others] = referral.customerProfile.team;
    return { ...referral, customerProfile: { ...referral.customerProfile, team: [{ ...first, ...name, email: LONG_EMAIL }, ...others] } };
  };
  const answerWith = <T>(change: (body: T) => T) => async (route: Route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: change(await response.json()) });
  };
  // The feed (not its event stream) and the lead itself.
  await page.route((url) => url.pathname === '/api/v1/sync', answerWith((feed: { referrals: ApiReferral[] }) => ({ ...feed, referrals: feed.referrals.map(lengthen) })));
  await page.route((url) => url.pathname === `/api/v1/referrals/${leadId}`, answerWith(lengthen));
}

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

// A pull of the feed may still be on its way when a test ends; its answer is not needed.
test.afterEach(async ({ page }) => {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

for (const [nameLabel, name] of NAMES) {
  for (const size of SIZES) {
    test(`a contact with ${nameLabel} and a long email stays inside its card at ${size.label} width`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      const lead = (await listFromApi(page.request, 'stage=Inbox')).find((r) => r.customerProfile.team[0]?.email && r.customerProfile.team[0]?.phoneNumber)!;
      expect(lead, 'the demo has an Inbox lead with an email and a phone number').toBeDefined();
      await giveContactLongName(page, lead.id, name);
      await page.goto(`/referrals/${lead.id}`);

      const card = page.getByRole('region', { name: 'Contact' });
      const contactName = card.locator('.contact-name').first();
      await expect(contactName).toHaveText(`${name.firstName} ${name.lastName}`.trim());
      const email = card.getByRole('link', { name: LONG_EMAIL });
      await expect(email).toBeVisible();

      const cardBox = (await card.boundingBox())!;
      for (const [what, element] of [['name', contactName], ['email', email]] as const) {
        const box = (await element.boundingBox())!;
        expect(box.x, `the ${what}'s left edge`).toBeGreaterThanOrEqual(cardBox.x);
        expect(box.x + box.width, `the ${what}'s right edge`).toBeLessThanOrEqual(cardBox.x + cardBox.width);
      }
      const copies = card.locator('.contact').first().getByRole('button', { name: /^Copy/ });
      await expect(copies).toHaveCount(2);
      for (const copy of await copies.all()) {
        await expect(copy).toBeVisible();
        const box = (await copy.boundingBox())!;
        expect(box.width, 'a copy button\'s width').toBeGreaterThanOrEqual(44);
        expect(box.x, 'a copy button\'s left edge').toBeGreaterThanOrEqual(cardBox.x);
        expect(box.x + box.width, 'a copy button\'s right edge').toBeLessThanOrEqual(cardBox.x + cardBox.width);
      }
      expect(cardBox.x + cardBox.width, 'the card\'s right edge').toBeLessThanOrEqual(size.width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'sideways scroll').toBeLessThanOrEqual(0);
    });
  }
}

test('at 390×844 the first screen of each list shows at least four whole leads', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const view of ['/inbox', '/inbox?category=Qualified', '/accepted', '/archived']) {
    await page.goto(view);
    const count = await resultCount(page);
    await expect(page.locator('tr.referral-row').first()).toBeVisible();
    expect(await page.evaluate(() => window.scrollY), view).toBe(0);
    const whole = await page.locator('tr.referral-row').evaluateAll((rows) =>
      rows.filter((row) => {
        const box = row.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }).length,
    );
    expect(whole, `${view}: leads wholly on the first screen`).toBeGreaterThanOrEqual(Math.min(4, count));
  }
});
