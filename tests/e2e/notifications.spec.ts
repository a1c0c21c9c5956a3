import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, startServer, DEMO_PASSWORD, EXPECTS_CONSOLE_ERRORS, cachedCount, layoutProblems, type Running } from './fixtures';

// The notification centre against servers of this file's own. The app's server runs no
// jobs; a second instance on the same database runs them once at its start, as another
// server of a deployment would: its reminders (flame leads nobody answered, leads
// expiring within 48 hours, which the demo data has) must reach the open app at once,
// through the first server's live stream, without a reload.

type NotificationPage = { items: { id: string; kind: string; referralId: string; readAt: string | null }[]; unread: number };

// Each test starts two servers on one database and waits for the second's jobs.
test.describe.configure({ timeout: 60_000 });

let server: Running;
let jobs: Running | undefined;
let bind: string;

test.beforeEach(async () => {
  server = await startServer();
  bind = new URL(server.url).host;
});

test.afterEach(async () => {
  await jobs?.stop();
  jobs = undefined;
  await server.stop();
  rmSync(server.dir, { recursive: true, force: true });
});

async function signInAt(page: Page, email = 'referrals@demo.test') {
  const response = await page.request.post(`${server.url}/api/v1/session`, { data: { email, password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
}

async function serverSays(page: Page): Promise<NotificationPage> {
  const response = await page.request.get(`${server.url}/api/v1/notifications?limit=100`);
  expect(response.status()).toBe(200);
  return response.json();
}

/** What the server holds once the jobs' reminders are all written: the other instance
 * runs them just after it starts answering, so wait until the count is there and settled. */
async function remindersWritten(page: Page): Promise<NotificationPage> {
  let last = -1;
  let latest: NotificationPage | undefined;
  await expect.poll(async () => {
    latest = await serverSays(page);
    const settled = latest.unread > 0 && latest.unread === last;
    last = latest.unread;
    return settled;
  }, { timeout: 20_000, intervals: [300] }).toBe(true);
  return latest!;
}

/** Another instance on the same database, which runs the jobs at its start. */
async function runJobsOnAnotherInstance() {
  jobs = await startServer({ dir: server.dir, jobIntervalSecs: 3600 });
}

const bell = (page: Page) => page.locator('.bell-button');

/** The Inbox, open and synced, with the bell quiet. */
async function openInbox(page: Page) {
  await page.goto(`${server.url}/inbox`);
  await expect(page.locator('.result-count')).toHaveText(/^\d+ referrals?$/);
  await expect(bell(page)).toHaveAccessibleName('Notifications');
}

test('reminders written by the jobs raise the bell in an open Inbox without a reload; opening one goes to its lead and reads it', async ({ page }) => {
  await signInAt(page);
  await openInbox(page);
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });

  await runJobsOnAnotherInstance();
  const written = await remindersWritten(page);
  expect(written.unread).toBeGreaterThan(0);
  expect(new Set(written.items.map((item) => item.kind))).toEqual(new Set(['FlameNotContacted', 'ExpiringSoon']));
  const unread = written.unread;
  await expect(bell(page)).toHaveAccessibleName(`Notifications, ${unread} unread`, { timeout: 15_000 });
  await expect(page.locator('.bell-count')).toHaveText(String(Math.min(unread, 99)));
  expect(navigations, 'no reload').toEqual([]);

  // The panel lists them, newest first; the first opens its lead and is read.
  await bell(page).click();
  const panel = page.locator('#notification-centre');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  await expect(panel.locator('.bell-item.unread')).toHaveCount(Math.min(unread, 50));
  const first = written.items[0];
  await panel.locator('.bell-item a').first().click();
  await expect(page).toHaveURL(`${server.url}/referrals/${first.referralId}`);
  await expect(panel).toBeHidden();
  await expect(bell(page)).toHaveAccessibleName(unread - 1 === 0 ? 'Notifications' : `Notifications, ${unread - 1} unread`);
  await expect.poll(async () => (await serverSays(page)).items.find((item) => item.id === first.id)?.readAt).not.toBeNull();
  expect((await serverSays(page)).unread).toBe(unread - 1);

  // Mark all as read.
  await bell(page).click();
  await expect(panel.locator('.bell-item').first()).not.toHaveClass(/unread/);
  await panel.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  await expect(panel.locator('.bell-item.unread')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Mark all as read' })).toBeDisabled();
  await expect.poll(async () => (await serverSays(page)).unread).toBe(0);
});

test('a colleague hears of the same reminders; reading is per person', async ({ page, browser }) => {
  await signInAt(page);
  await openInbox(page);
  const context = await browser.newContext();
  const other = await context.newPage();
  const signedIn = await other.request.post(`${server.url}/api/v1/session`, { data: { email: 'admin@demo.test', password: DEMO_PASSWORD } });
  expect(signedIn.status()).toBe(200);
  await other.goto(`${server.url}/inbox`);
  await expect(other.locator('.result-count')).toHaveText(/^\d+ referrals?$/);

  await runJobsOnAnotherInstance();
  const unread = (await remindersWritten(page)).unread;
  await expect(bell(page)).toHaveAccessibleName(`Notifications, ${unread} unread`, { timeout: 15_000 });
  await expect(bell(other)).toHaveAccessibleName(`Notifications, ${unread} unread`, { timeout: 15_000 });
  await bell(page).click();
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  // The colleague's items stay unread, even after their app asks again.
  await other.reload();
  await expect(bell(other)).toHaveAccessibleName(`Notifications, ${unread} unread`);
  await context.close();
});

test('a read in one tab shows in the same user\'s other tab at once', async ({ page, context }) => {
  await signInAt(page);
  await openInbox(page);
  const second = await context.newPage();
  await second.goto(`${server.url}/inbox`);
  await expect(second.locator('.result-count')).toHaveText(/^\d+ referrals?$/);
  await runJobsOnAnotherInstance();
  const unread = (await remindersWritten(page)).unread;
  await expect(bell(page)).toHaveAccessibleName(`Notifications, ${unread} unread`, { timeout: 15_000 });
  await expect(bell(second)).toHaveAccessibleName(`Notifications, ${unread} unread`, { timeout: 15_000 });
  // Read everything in the first tab: the second, which moved no feed, follows.
  await bell(page).click();
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  await expect(bell(second)).toHaveAccessibleName('Notifications', { timeout: 5_000 });
  await second.close();
});

test('the items show offline from the device; an item read and "Mark all as read" offline reach the server once it is back', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // requests fail while offline
  await signInAt(page);
  await openInbox(page);
  await page.evaluate(() => navigator.serviceWorker?.ready);
  await expect.poll(() => cachedCount(page), { timeout: 15_000 }).toBeGreaterThan(300);
  await runJobsOnAnotherInstance();
  const written = await remindersWritten(page);
  await expect(bell(page)).toHaveAccessibleName(`Notifications, ${written.unread} unread`, { timeout: 15_000 });
  await jobs!.stop();
  jobs = undefined;
  // The items are on the device before the server goes.
  await expect.poll(() => savedUnread(page), { timeout: 10_000 }).toBe(written.unread);

  await server.stop({ keepDatabase: true });
  await page.reload();
  await expect(page.locator('.sync-status')).toContainText('Offline');
  await expect(bell(page)).toHaveAccessibleName(`Notifications, ${written.unread} unread`);
  await bell(page).click();
  const panel = page.locator('#notification-centre');
  await expect(panel.getByRole('status')).toContainText('You are offline');
  await expect(panel.locator('.bell-item')).toHaveCount(Math.min(written.items.length, 50));

  // Read one offline: shown read at once, kept across a reload.
  const first = written.items[0];
  await panel.locator('.bell-item a').first().click();
  await expect(page).toHaveURL(`${server.url}/referrals/${first.referralId}`);
  await expect(bell(page)).toHaveAccessibleName(written.unread - 1 === 0 ? 'Notifications' : `Notifications, ${written.unread - 1} unread`);
  await page.reload();
  await expect(bell(page)).toHaveAccessibleName(written.unread - 1 === 0 ? 'Notifications' : `Notifications, ${written.unread - 1} unread`);

  // Mark all as read, offline too: it waits on the device across a reload.
  await bell(page).click();
  await panel.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  await page.reload();
  await expect(bell(page)).toHaveAccessibleName('Notifications');

  // Back online: both reads reach the server.
  server = await startServer({ dir: server.dir, bind });
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect.poll(async () => (await serverSays(page)).unread, { timeout: 20_000 }).toBe(0);
  expect((await serverSays(page)).items.find((item) => item.id === first.id)?.readAt).not.toBeNull();
});

test('on a phone the panel fits the screen and every control is large enough to tap', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAt(page);
  await openInbox(page);
  await runJobsOnAnotherInstance();
  await expect(bell(page)).toHaveAccessibleName(/Notifications, \d+ unread/, { timeout: 15_000 });
  await bell(page).click();
  const panel = page.locator('#notification-centre');
  await expect(panel.locator('.bell-item').first()).toBeVisible();
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await layoutProblems(page)).toEqual([]);
});

test('a lead ingested while the Inbox is open appears in it and raises the bell without a reload; its item opens the lead', async ({ page }) => {
  await signInAt(page, 'admin@demo.test');
  await page.goto(`${server.url}/settings/api-keys`);
  await page.getByLabel('Key name').fill('Bell connector');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.locator('.api-key-value')).toHaveText(/^rdk_/);
  const key = await page.locator('.api-key-value').innerText();
  await openInbox(page);
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });

  const customer = `Bellwether ${Date.now()}`;
  const sent = await page.request.post(`${server.url}/api/v1/ingest/referrals`, {
    headers: { Authorization: `Bearer ${key}` },
    data: {
      externalId: `bell-${customer}`,
      name: `${customer} – fleet tracking`,
      consent: { consentToContact: true },
      customerProfile: {
        name: customer,
        address: { city: 'Lyon', country: 'FR' },
        team: [{ firstName: 'Élise', lastName: 'Martin', email: 'elise@bellwether.fr', phoneNumber: '+33 4 72 00 00 00' }],
      },
      details: { notes: 'Wants a call this week.', customerRequestedContact: true },
      leadType: 'Offer',
      leadSource: 'AppSource',
      callToAction: 'ContactMe',
      offerId: 'contoso.fleet',
      offerName: 'Fleet',
    },
  });
  expect(sent.status()).toBe(201);
  const lead = await sent.json();
  await expect(page.locator('.customer-link', { hasText: customer })).toHaveCount(1, { timeout: 10_000 });
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread', { timeout: 10_000 });
  expect(navigations, 'no reload').toEqual([]);

  await bell(page).click();
  const item = page.locator('#notification-centre .bell-item.unread');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(customer);
  await item.locator('a').click();
  await expect(page).toHaveURL(`${server.url}/referrals/${lead.id}`);
  await expect(bell(page)).toHaveAccessibleName('Notifications');
  await expect.poll(async () => (await serverSays(page)).unread).toBe(0);
});

/** The unread count the device's cache holds for the bell. */
async function savedUnread(page: Page): Promise<number | undefined> {
  return page.evaluate(() => new Promise<number | undefined>((resolve) => {
    const opened = indexedDB.open('referral-desk');
    opened.onsuccess = () => {
      const db = opened.result;
      const read = db.transaction('meta').objectStore('meta').get('notifications');
      read.onsuccess = () => {
        db.close();
        resolve(read.result ? JSON.parse(read.result).page.unread : undefined);
      };
    };
  }));
}
