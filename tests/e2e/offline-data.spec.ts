import { readFileSync, rmSync } from 'node:fs';
import { request as apiRequest, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { message } from './catalogue';
import { test, expect, startServer, DEMO_PASSWORD, EXPECTS_CONSOLE_ERRORS, acceptWithADeal, type Running, cachedCount, openAccountMenu } from './fixtures';

// Offline work against a server of this file's own, which the tests stop and start
// again on the same port and database: the app must keep working from its IndexedDB
// cache and its service worker, and every change made meanwhile must land exactly once.

type Lead = { id: string; eTag: string; expirationDateTime: string; status: string; substatus: string; customerProfile: { name: string }; statusHistory: { status: string; substatus: string }[]; favorite: boolean; callToAction: string | null; leadType: string | null };

let server: Running;
let bind: string;

test.beforeEach(async () => {
  server = await startServer();
  bind = new URL(server.url).host;
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // requests fail while offline
});

test.afterEach(async () => {
  await server.stop();
  rmSync(server.dir, { recursive: true, force: true });
});

/** The server down (its database kept), then up again on the same port and database. */
async function stopServer() {
  await server.stop({ keepDatabase: true });
}
async function startAgain() {
  server = await startServer({ dir: server.dir, bind });
}

async function api(): Promise<APIRequestContext> {
  const context = await apiRequest.newContext({ baseURL: server.url });
  const signedIn = await context.post('/api/v1/session', { data: { email: 'referrals@demo.test', password: DEMO_PASSWORD } });
  expect(signedIn.status()).toBe(200);
  return context;
}

async function signInAt(page: Page, email = 'referrals@demo.test') {
  const response = await page.request.post(`${server.url}/api/v1/session`, { data: { email, password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
}

/** Inbox leads a partner can answer, from the server. */
async function inboxLeads(request: APIRequestContext): Promise<Lead[]> {
  const all: Lead[] = await (await request.get('/api/v1/referrals?stage=Inbox&limit=1000')).json();
  return all.filter((r) => r.callToAction === 'ContactMe' || r.leadType !== 'Offer');
}


/** Every store of the device's cache, counted. */
async function cacheCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => new Promise<Record<string, number>>((resolve) => {
    const opened = indexedDB.open('referral-desk');
    opened.onsuccess = () => {
      const db = opened.result;
      const names = Array.from(db.objectStoreNames);
      const counts: Record<string, number> = {};
      if (names.length === 0) { resolve(counts); return; }
      const tx = db.transaction(names);
      for (const name of names) {
        const count = tx.objectStore(name).count();
        count.onsuccess = () => { counts[name] = count.result; };
      }
      tx.oncomplete = () => { db.close(); resolve(counts); };
    };
  }));
}

/** Loads the Inbox online and waits until the device holds it and the worker is ready. */
async function loadOnline(page: Page): Promise<number> {
  await page.goto(`${server.url}/inbox`);
  const count = page.locator('.result-count');
  await expect(count).toHaveText(/^\d+ referrals?$/);
  await page.evaluate(() => navigator.serviceWorker?.ready);
  await expect.poll(() => cachedCount(page), { timeout: 15_000 }).toBeGreaterThan(300);
  // The colleagues and rates are cached too once the syncing tab fetched them.
  await page.waitForTimeout(500);
  return Number.parseInt(await count.innerText(), 10);
}

test('with the server down, a reload shows the cached Inbox; search, filters, a lead and the export work', async ({ page }) => {
  await signInAt(page);
  const inbox = await loadOnline(page);
  await stopServer();
  await page.reload();
  await expect(page.locator('.result-count')).toHaveText(`${inbox} referrals`);
  await expect(page.locator('.sync-status')).toContainText('Offline');

  // Search and a filter, from the cache.
  const first = (await page.locator('.customer-link').first().innerText()).trim();
  await page.getByRole('searchbox', { name: 'Search' }).fill(first);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(page.locator('.customer-link').first()).toHaveText(first);
  await page.getByRole('link', { name: /^Accepted/ }).click();
  await expect(page.locator('.result-count')).toHaveText(/^\d+ referrals?$/);

  // The export, written by the browser from the cache.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export/ }).click()]);
  const file = readFileSync(await download.path());
  expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const lines = file.toString('utf8').trim().split('\r\n');
  expect(lines.length - 1).toBe(Number.parseInt(await page.locator('.result-count').innerText(), 10));

  // A lead's page, from the cache.
  await page.locator('.customer-link').first().click();
  await expect(page.locator('.detail-page h1')).not.toHaveText('Referral');
  await expect(page.locator('.detail-subtitle')).toContainText('Active');
  await startAgain();
});

test('a heart and an accept made offline wait to sync, survive a reload, and land once when the server is back', async ({ page }) => {
  const request = await api();
  const [hearted, accepted] = await inboxLeads(request);
  await signInAt(page);
  await loadOnline(page);
  await stopServer();

  // Heart one lead in the list.
  await page.goto(`${server.url}/referrals/${hearted.id}`).catch(() => {});
  await expect(page.locator('.detail-page h1')).toHaveText(hearted.customerProfile.name);
  await page.getByRole('button', { name: 'Add to favorites' }).click();
  await expect(page.locator('.pending.waiting')).toContainText('Add to favorites');

  // Accept another, with the team picked from the cached colleagues.
  await page.goto(`${server.url}/referrals/${accepted.id}`);
  await acceptWithADeal(page);
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
  await expect(page.locator('.detail-subtitle')).toContainText('Active / Accepted');
  await expect(page.locator('.pending.waiting')).toContainText('Accept');
  await expect(page.locator('.waiting-count')).toHaveText('2 changes wait to sync');

  // Still there after a reload, still offline.
  await page.reload();
  await expect(page.locator('.detail-subtitle')).toContainText('Active / Accepted');
  await expect(page.locator('.pending.waiting')).toContainText('Accept');
  await expect(page.locator('.waiting-count')).toHaveText('2 changes wait to sync');

  // The server is back: both land, once.
  await startAgain();
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.locator('.waiting-count')).toHaveText('', { timeout: 20_000 });
  await expect(page.locator('.pending')).toHaveCount(0);
  const check = await api();
  const stored: Lead = await (await check.get(`/api/v1/referrals/${accepted.id}`)).json();
  expect(stored.substatus).toBe('Accepted');
  expect(stored.statusHistory.filter((change) => change.substatus === 'Accepted')).toHaveLength(1);
  const heart: Lead = await (await check.get(`/api/v1/referrals/${hearted.id}`)).json();
  expect(heart.favorite).toBe(true);
});

test('a server stopped in the middle of sending applies every queued action exactly once', async ({ page, context }) => {
  // The sender backs off while the server is down (doubling, up to a minute), so the
  // drain below may take longer than a test's default 30 s.
  test.slow();
  const request = await api();
  const leads = (await inboxLeads(request)).slice(2, 8);
  await signInAt(page);
  await loadOnline(page);
  await context.setOffline(true);
  for (const lead of leads) await declineWhileOffline(page, lead);
  await expect(page.locator('.waiting-count')).toHaveText(`${leads.length} changes wait to sync`);

  // Back online; the server goes down as soon as the first decline has landed.
  let answered = 0;
  page.on('response', (response) => { if (response.url().endsWith('/decline')) answered++; });
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect.poll(() => answered, { timeout: 20_000 }).toBeGreaterThan(0);
  await stopServer();
  await startAgain();
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.locator('.waiting-count')).toHaveText('', { timeout: 60_000 });

  const check = await api();
  for (const lead of leads) {
    const stored: Lead = await (await check.get(`/api/v1/referrals/${lead.id}`)).json();
    expect(stored.substatus).toBe('Declined');
    expect(stored.statusHistory.filter((change) => change.substatus === 'Declined'), lead.id).toHaveLength(1);
  }
});

test('coming back online while a send is failing sends again at once, not after the pause', async ({ page, context }) => {
  const request = await api();
  const lead = (await inboxLeads(request))[9];
  await declineOffline(page, context, lead);
  // Sends that fail while offline make the pause before the next one long (it doubles
  // from 1 s each time, up to a minute): each `online` here sends at once, and fails.
  for (let i = 0; i < 6; i++) {
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForTimeout(150);
  }

  // The live stream stays shut, so that its reconnection's pull (which asks for a send
  // too) cannot come after the failure below and hide what this test looks at.
  await page.route('**/api/v1/sync/events', (route) => route.abort('connectionrefused'));
  // Back online, the first send is held; meanwhile the browser says it is online and the
  // pull that follows reaches the server. Then that send fails after all.
  let sends = 0;
  let releaseFirst: () => void = () => {};
  let firstHeld: () => void = () => {};
  const held = new Promise<void>((resolve) => { firstHeld = resolve; });
  await page.route('**/decline', async (route) => {
    sends++;
    if (sends > 1) {
      await route.continue();
      return;
    }
    firstHeld();
    await new Promise<void>((release) => { releaseFirst = release; });
    await route.abort('internetdisconnected');
  });
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await held;
  const pulled = page.waitForResponse((response) => response.url().includes('/api/v1/sync') && response.ok());
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await pulled;
  releaseFirst();

  // Sent again at once, well before the long pause would have ended.
  await expect(page.locator('.waiting-count')).toHaveText('', { timeout: 10_000 });
  expect(sends).toBe(2);
  const stored: Lead = await (await request.get(`/api/v1/referrals/${lead.id}`)).json();
  expect(stored.substatus).toBe('Declined');
});

/** Signed in and loaded online, then offline: declines `lead`, which waits to sync. */
async function declineOffline(page: Page, context: BrowserContext, lead: Lead) {
  await signInAt(page);
  await loadOnline(page);
  await context.setOffline(true);
  await declineWhileOffline(page, lead);
}

/** Opens `lead` (from the device: the app is offline) and declines it: the decline waits. */
async function declineWhileOffline(page: Page, lead: Lead) {
  await page.goto(`${server.url}/referrals/${lead.id}`).catch(() => {});
  await expect(page.locator('.detail-page h1')).toHaveText(lead.customerProfile.name);
  await page.getByRole('button', { name: 'Decline' }).click();
  await page.getByLabel('Reason').selectOption({ label: 'Not a customer' });
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, decline' }).click();
  await expect(page.locator('.pending.waiting')).toContainText('Decline');
}

/**
 * On `tab`, offline: accepts `lead` (the accept waits to sync), then, on the accepted lead
 * as this device shows it, starts adding `first last` to its team.
 */
async function acceptOfflineThenStartAdding(tab: Page, lead: Lead, first: string, last: string) {
  await tab.goto(`${server.url}/referrals/${lead.id}`).catch(() => {});
  await acceptWithADeal(tab);
  await expect(tab.locator('.pending.waiting')).toContainText('Accept');
  await tab.getByRole('button', { name: 'Add your employees' }).click();
  await tab.getByLabel('First name', { exact: true }).fill(first);
  await tab.getByLabel('Last name', { exact: true }).fill(last);
  await tab.getByLabel('Email', { exact: true }).fill(`${first}.${last}@fabrikam.example`.toLowerCase());
}

/** Once the accept has landed, `tab` sends its team form: no conflict, the colleague is on the team. */
async function addsOnWhatTheAcceptMade(tab: Page, first: string, last: string) {
  await expect(tab.locator('.pending')).toHaveCount(0, { timeout: 20_000 });
  await tab.getByRole('button', { name: 'Add to the team' }).click();
  await expect(tab.locator('.team')).toContainText(`${first} ${last}`);
  await expect(tab.locator('.conflict')).toHaveCount(0);
}

test('a form opened on an action still waiting to sync is sent on what that action made, not taken for a colleague\'s change', async ({ page, context }) => {
  const request = await api();
  const lead = (await inboxLeads(request))[12];
  await signInAt(page);
  await loadOnline(page);
  await context.setOffline(true);
  await acceptOfflineThenStartAdding(page, lead, 'Kari', 'Holm');
  // The connection returns and the accept lands while the form is open.
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await addsOnWhatTheAcceptMade(page, 'Kari', 'Holm');
  const stored: Lead & { team: { email: string }[] } = await (await request.get(`/api/v1/referrals/${lead.id}`)).json();
  expect(stored.team.some((member) => member.email === 'kari.holm@fabrikam.example')).toBe(true);
  expect(stored.statusHistory.filter((change) => change.substatus === 'Accepted')).toHaveLength(1);
});

test('a draft written on an own waiting action, kept through a reload, opens as typed once that action lands', async ({ page }) => {
  const request = await api();
  const lead = (await inboxLeads(request))[14];
  await signInAt(page);
  await loadOnline(page);
  // The server goes down: the accept waits, and the form opened on its result is a draft.
  await stopServer();
  await acceptOfflineThenStartAdding(page, lead, 'Mia', 'Dahl');
  await page.reload();
  await expect(page.locator('.pending.waiting')).toContainText('Accept');
  // The server is back and the accept lands; the draft is on the version it was queued on.
  await startAgain();
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.locator('.pending')).toHaveCount(0, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Add your employees' }).click();
  await expect(page.locator('.conflict')).toHaveCount(0);
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Mia');
  await addsOnWhatTheAcceptMade(page, 'Mia', 'Dahl');
  const stored: Lead & { team: { email: string }[] } = await (await request.get(`/api/v1/referrals/${lead.id}`)).json();
  expect(stored.team.some((member) => member.email === 'mia.dahl@fabrikam.example')).toBe(true);
});

test('in a tab that does not sync, a form opened on its own waiting action is sent on what that action made', async ({ page, context }) => {
  const request = await api();
  const lead = (await inboxLeads(request))[13];
  await signInAt(page);
  // This first tab syncs (it holds the lock); the user works in a second one.
  await loadOnline(page);
  const second = await context.newPage();
  await second.goto(`${server.url}/inbox`);
  await expect(second.locator('.result-count')).toHaveText(/^\d+ referrals?$/);
  await context.setOffline(true);
  await acceptOfflineThenStartAdding(second, lead, 'Liv', 'Berg');
  // The first tab sends the accept when the connection is back.
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await addsOnWhatTheAcceptMade(second, 'Liv', 'Berg');
  await second.close();
});

test('an own change landing beneath an Edit open in another tab is shown as a conflict, never overwritten', async ({ page, context }) => {
  const request = await api();
  const deal: Lead = (await (await request.get('/api/v1/referrals?stage=Accepted&limit=1000')).json())[6];
  await signInAt(page);
  await loadOnline(page);
  await page.goto(`${server.url}/referrals/${deal.id}`);
  await expect(page.getByRole('button', { name: 'Add your employees' })).toBeVisible();
  // A second tab opens the Edit form and renames the deal.
  const second = await context.newPage();
  await second.goto(`${server.url}/referrals/${deal.id}`);
  await second.getByRole('button', { name: 'Edit' }).click();
  await second.getByLabel('Deal name').fill('Renamed in the second tab');
  // Offline, the first tab adds a colleague to the team: it waits, then lands.
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Add your employees' }).click();
  await page.getByLabel('First name', { exact: true }).fill('Nils');
  await page.getByLabel('Last name', { exact: true }).fill('Aas');
  await page.getByLabel('Email', { exact: true }).fill('nils.aas@fabrikam.example');
  await page.getByRole('button', { name: 'Add to the team' }).click();
  await expect(page.locator('.pending.waiting')).toHaveCount(1);
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.locator('.pending')).toHaveCount(0, { timeout: 20_000 });

  // The Edit was opened before the team changed: sent as it is, it would take Nils off.
  await second.getByRole('button', { name: 'Save changes' }).click();
  const conflict = second.locator('.conflict');
  await expect(conflict).toContainText('Someone changed this referral');
  await conflict.getByRole('button', { name: 'Edit the current version' }).click();
  await expect(second.getByLabel('Deal name')).toHaveValue('Renamed in the second tab');
  await second.getByRole('button', { name: 'Save changes' }).click();
  await expect(second.locator('.detail-subtitle')).toContainText('Renamed in the second tab');
  const stored: Lead & { name: string; team: { email: string }[] } = await (await request.get(`/api/v1/referrals/${deal.id}`)).json();
  expect(stored.name).toBe('Renamed in the second tab');
  expect(stored.team.some((member) => member.email === 'nils.aas@fabrikam.example')).toBe(true);
  await second.close();
});

test('a colleague changing the lead meanwhile opens the conflict view on it', async ({ page, context }) => {
  const request = await api();
  const lead = (await inboxLeads(request))[9];
  await declineOffline(page, context, lead);

  // A colleague accepts it first (through the API: the user is offline).
  const me = await (await request.get('/api/v1/me')).json();
  const current = await request.get(`/api/v1/referrals/${lead.id}`);
  const body = await current.json();
  const accepted = await request.post(`/api/v1/referrals/${lead.id}/decline`, {
    headers: { 'X-CSRF-Token': me.csrfToken, 'If-Match': current.headers()['etag'], 'Idempotency-Key': `colleague-${lead.id}` },
    data: { statusReason: 'CustomerDidNotRespond', notes: '' },
  });
  expect(accepted.status(), JSON.stringify(body.status)).toBe(200);

  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  const stuck = page.locator('.pending.conflict');
  await expect(stuck).toContainText('someone changed this referral before your change arrived', { timeout: 20_000 });
  await expect(page.locator('.detail-subtitle')).toContainText('Closed / Declined');
  // The stopped change is this device's alone: signing out would discard it, so it asks.
  await (await openAccountMenu(page)).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '1 change could not be applied and waits on its referral\'s page' })).toBeVisible();
  await page.getByRole('button', { name: 'Stay signed in' }).click();
  await page.keyboard.press('Escape');
  await stuck.getByRole('button', { name: 'Discard my change' }).click();
  await expect(page.locator('.pending')).toHaveCount(0);
  const stored: Lead = await (await request.get(`/api/v1/referrals/${lead.id}`)).json();
  expect(stored.statusHistory.filter((change) => change.substatus === 'Declined')).toHaveLength(1);
});

test('a change the server refuses says why in the language the reader switches to, not the one it failed in', async ({ page, context }) => {
  const request = await api();
  const lead = (await inboxLeads(request))[10];
  await declineOffline(page, context, lead);

  // Meanwhile a partner admin makes the user a Viewer: the server refuses the decline.
  const admin = await apiRequest.newContext({ baseURL: server.url });
  expect((await admin.post('/api/v1/session', { data: { email: 'admin@demo.test', password: DEMO_PASSWORD } })).status()).toBe(200);
  const adminMe = await (await admin.get('/api/v1/me')).json();
  const people = await (await admin.get('/api/v1/people')).json();
  const user = people.people.find((person: { email: string }) => person.email === 'referrals@demo.test');
  const demoted = await admin.patch(`/api/v1/users/${user.id}`, { headers: { 'X-CSRF-Token': adminMe.csrfToken }, data: { role: 'Viewer' } });
  expect(demoted.status()).toBe(200);

  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  const refused = page.locator('.pending.refused');
  await expect(refused).toContainText(message('en', 'problem-read-only-viewer'), { timeout: 20_000 });

  // The reason is kept as the server gave it (its code), so it reads in German after a switch.
  await openAccountMenu(page);
  await page.getByRole('button', { name: message('en', 'language-current', { language: 'English' }) }).click();
  await page.getByRole('list', { name: message('en', 'language-label') }).getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(refused).toContainText(message('de', 'lead-pending-refused'));
  await expect(refused).toContainText(message('de', 'problem-read-only-viewer'));
  // And after a reload, read back from the device's cache.
  await page.reload();
  await expect(page.locator('.pending.refused')).toContainText(message('de', 'problem-read-only-viewer'));
  const stored: Lead = await (await request.get(`/api/v1/referrals/${lead.id}`)).json();
  expect(stored.substatus).not.toBe('Declined');
  await admin.dispose();
});

test('an edit made offline that crosses a colleague\'s opens the conflict view; re-applying keeps both', async ({ page, context }) => {
  const request = await api();
  const deals: (Lead & { name: string; details: { dealValue: string; currency: string; closingDateTime: string; notes: string | null }; team: { firstName: string; lastName: string; email: string | null; phoneNumber: string | null }[] })[] =
    await (await request.get('/api/v1/referrals?stage=Accepted&limit=1000')).json();
  const deal = deals[4];
  await signInAt(page);
  await loadOnline(page);
  await context.setOffline(true);
  await page.goto(`${server.url}/referrals/${deal.id}`).catch(() => {});
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Deal name').fill('Renamed on the train');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.pending.waiting')).toContainText('Edit');
  await expect(page.locator('.detail-subtitle')).toContainText('Renamed on the train');

  // A colleague changes the notes meanwhile (the user is offline).
  const me = await (await request.get('/api/v1/me')).json();
  const current = await request.get(`/api/v1/referrals/${deal.id}`);
  const referral = await current.json();
  const changed = await request.patch(`/api/v1/referrals/${deal.id}`, {
    headers: { 'X-CSRF-Token': me.csrfToken, 'If-Match': current.headers()['etag'], 'Idempotency-Key': `colleague-edit-${deal.id}` },
    data: {
      name: referral.name,
      dealValue: referral.details.dealValue,
      currency: referral.details.currency,
      closingDate: referral.details.closingDateTime.slice(0, 10),
      team: referral.team.map((m: Lead['customerProfile'] & { firstName: string; lastName: string; email: string | null; phoneNumber: string | null }) => ({ firstName: m.firstName, lastName: m.lastName, email: m.email, phoneNumber: m.phoneNumber ?? '' })),
      notes: 'Colleague: customer wants a demo first.',
      externalReferenceId: referral.externalReferenceId ?? '',
      campaignId: referral.campaignId ?? '',
    },
  });
  expect(changed.status(), await changed.text()).toBe(200);

  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  const stuck = page.locator('.pending.conflict');
  await expect(stuck).toContainText('someone changed this referral before your change arrived', { timeout: 20_000 });
  await stuck.getByRole('button', { name: 'Review' }).click();
  const conflict = page.locator('.conflict');
  await expect(conflict).toContainText('Someone changed this referral');
  await expect(conflict.getByRole('table', { name: 'What changed meanwhile' }).getByRole('row', { name: /Notes/ })).toContainText('Colleague: customer wants a demo first.');
  await conflict.getByRole('button', { name: 'Edit the current version' }).click();
  await expect(page.getByLabel('Deal name')).toHaveValue('Renamed on the train');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.detail-subtitle')).toContainText('Renamed on the train');
  const stored = await (await request.get(`/api/v1/referrals/${deal.id}`)).json();
  expect(stored.name).toBe('Renamed on the train');
  expect(stored.details.notes).toBe('Colleague: customer wants a demo first.');
});

test('two tabs with changes queued offline send each change once', async ({ context }) => {
  const request = await api();
  const [a, b] = (await inboxLeads(request)).slice(12, 14);
  const first = await context.newPage();
  await signInAt(first);
  await loadOnline(first);
  const second = await context.newPage();
  await second.goto(`${server.url}/inbox`);
  await expect(second.locator('.result-count')).toHaveText(/^\d+ referrals?$/);
  // Every heart that reached the server, from either tab (failed tries offline do not count).
  const sent: string[] = [];
  for (const page of [first, second]) page.on('response', (r) => { if (r.url().includes('/favorite')) sent.push(r.url()); });

  await context.setOffline(true);
  await first.goto(`${server.url}/referrals/${a.id}`).catch(() => {});
  await first.getByRole('button', { name: 'Add to favorites' }).click();
  await second.goto(`${server.url}/referrals/${b.id}`).catch(() => {});
  await second.getByRole('button', { name: 'Add to favorites' }).click();
  await expect(first.locator('.waiting-count')).toHaveText('2 changes wait to sync');
  await expect(second.locator('.waiting-count')).toHaveText('2 changes wait to sync');

  await context.setOffline(false);
  for (const page of [first, second]) await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(first.locator('.waiting-count')).toHaveText('', { timeout: 20_000 });
  await expect(second.locator('.waiting-count')).toHaveText('', { timeout: 20_000 });
  await first.waitForTimeout(1_000);
  // Only the syncing tab sends the outbox: each heart reached the server once.
  expect(sent.filter((url) => url.includes(a.id))).toHaveLength(1);
  expect(sent.filter((url) => url.includes(b.id))).toHaveLength(1);
  for (const lead of [a, b]) {
    const stored: Lead = await (await request.get(`/api/v1/referrals/${lead.id}`)).json();
    expect(stored.favorite).toBe(true);
  }
});

test('on the device clock, a lead past its 14 days shows as expired offline and is not offered Accept', async ({ page }) => {
  const request = await api();
  const lead = (await inboxLeads(request))[0];
  await signInAt(page);
  await loadOnline(page);
  await stopServer();
  // The device's clock passes the lead's expiry while the server (and its expiry job) is away.
  await page.clock.setFixedTime(new Date(Date.parse(lead.expirationDateTime) + 60_000));
  await page.goto(`${server.url}/referrals/${lead.id}`).catch(() => {});
  await expect(page.locator('.detail-page h1')).toHaveText(lead.customerProfile.name);
  await expect(page.locator('.detail-subtitle')).toContainText('Closed / Expired');
  await expect(page.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  // Its contacts are withheld, as the server withholds an Expired lead's.
  const contact = (lead as unknown as { customerProfile: { team: { email: string }[] } }).customerProfile.team[0].email;
  expect(contact).toBeTruthy();
  await expect(page.locator('main')).not.toContainText(contact);
  await page.getByRole('link', { name: /^Inbox/ }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(lead.customerProfile.name);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(page.locator('.result-count')).toHaveText(/^\d+ referrals?$/);
  await expect(page.locator(`a.customer-link[href^="/referrals/${lead.id}"]`)).toHaveCount(0);
  // Archived (in either category), it is found by its name but no longer by its contact's address.
  const archivedRows = async (query: string) => {
    let rows = 0;
    for (const category of ['', 'category=Qualified&']) {
      await page.goto(`${server.url}/archived?${category}q=${encodeURIComponent(query)}`).catch(() => {});
      await expect(page.locator('.result-count')).toHaveText(/^\d+ referrals?$/);
      rows += await page.locator(`a.customer-link[href^="/referrals/${lead.id}"]`).count();
    }
    return rows;
  };
  expect(await archivedRows(lead.customerProfile.name)).toBe(1);
  expect(await archivedRows(contact)).toBe(0);
});

test('a device out of storage says so, and a change made meanwhile still waits and lands', async ({ page, context }) => {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: 1 });
  await signInAt(page);
  await page.goto(`${server.url}/inbox`);
  await expect(page.locator('.result-count')).toHaveText(/^\d+ referrals?$/);
  await expect(page.locator('.storage-trouble')).toContainText('storage is full');
  const lead = (await page.locator('a.customer-link').first().getAttribute('href'))!.split('?')[0];
  await context.setOffline(true);
  await page.locator('.heart').first().click();
  await expect(page.locator('.waiting-count')).toHaveText('1 change waits to sync');
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.locator('.waiting-count')).toHaveText('', { timeout: 20_000 });
  const stored: Lead = await (await page.request.get(`${server.url}/api/v1${lead}`)).json();
  expect(stored.favorite).toBe(true);
});

test('a change waiting when the session ran out is sent once the same user signs in again', async ({ page, context }) => {
  await signInAt(page);
  await loadOnline(page);
  await context.setOffline(true);
  const row = page.getByRole('row').nth(1);
  const id = (await row.locator('.customer-link').getAttribute('href'))!.split('?')[0].split('/').pop();
  await row.getByRole('button', { name: 'Add to favorites' }).click();
  await expect(page.locator('.waiting-count')).toHaveText('1 change waits to sync');
  // The session ends while the device is offline (another device signed out everywhere, say).
  await context.clearCookies();
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Referral Desk' })).toBeVisible();
  await page.getByLabel('Email').fill('referrals@demo.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.result-count')).toHaveText(/^\d+ referrals?$/);
  await expect(page.locator('.waiting-count')).toHaveText('', { timeout: 20_000 });
  const stored: Lead = await (await page.request.get(`${server.url}/api/v1/referrals/${id}`)).json();
  expect(stored.favorite).toBe(true);
});

test('a change whose send met the end of the session is sent once the same user signs in again, without a reload', async ({ page, context }) => {
  const request = await api();
  const lead = (await inboxLeads(request))[10];
  await declineOffline(page, context, lead);
  // The session ends while the device is offline; back online, the decline's send is
  // what finds out (its answer comes while the app is already leaving for the sign-in page).
  await context.clearCookies();
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByRole('heading', { name: 'Sign in to Referral Desk' })).toBeVisible();
  await page.getByLabel('Email').fill('referrals@demo.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Back where the decline was made.
  await expect(page.locator('.detail-page h1')).toHaveText(lead.customerProfile.name);
  await expect.poll(async () => ((await (await request.get(`/api/v1/referrals/${lead.id}`)).json()) as Lead).substatus, { timeout: 20_000 }).toBe('Declined');
  await expect(page.locator('.waiting-count')).toHaveText('');
});

test('signing in as someone else while another user\'s changes wait says whose they are, and asks before they are discarded', async ({ page, context }) => {
  const request = await api();
  const owner = (await (await request.get('/api/v1/me')).json()).user as { name: string; email: string };
  const lead = (await inboxLeads(request))[16];
  await declineOffline(page, context, lead);
  await context.clearCookies();
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByRole('heading', { name: 'Sign in to Referral Desk' })).toBeVisible();
  const said = { count: 1, name: owner.name, email: owner.email };
  const notice = page.locator('#sign-in-discards');
  await expect(notice).toHaveText(message('en', 'sign-in-unsent', said));
  // Someone else signs in: asked first, with nothing signed in or discarded yet.
  await page.getByLabel('Email').fill('admin@demo.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(notice).toHaveText(message('en', 'sign-in-unsent-discard', said));
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Sign in to Referral Desk' })).toBeVisible();
  // Typing the owner's address takes the question back; another address asks again.
  await page.getByLabel('Email').fill(owner.email.toUpperCase());
  await expect(notice).toHaveText(message('en', 'sign-in-unsent', said));
  await page.getByLabel('Email').fill('admin@demo.test');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: message('en', 'sign-in-discarding') }).click();
  // Signed in as the other user, whose device holds none of the first one's changes.
  await expect(page.locator('.detail-page h1')).toHaveText(lead.customerProfile.name);
  await expect(page.locator('.pending')).toHaveCount(0);
  await expect(page.locator('.waiting-count')).toHaveText('');
  await expect.poll(async () => (await cacheCounts(page)).outbox).toBe(0);
  const stored: Lead = await (await request.get(`/api/v1/referrals/${lead.id}`)).json();
  expect(stored.substatus).toBe(lead.substatus);
});

test('a send that never gets an answer is given up after a while and sent again, landing once', async ({ page }) => {
  test.setTimeout(120_000);
  const request = await api();
  const lead = (await inboxLeads(request))[17];
  await signInAt(page);
  await loadOnline(page);
  // The first send's connection stalls: the request is held and never answered.
  let sends = 0;
  await page.route('**/decline', async (route) => {
    sends++;
    if (sends > 1) await route.continue();
  });
  await page.goto(`${server.url}/referrals/${lead.id}`);
  await page.getByRole('button', { name: 'Decline' }).click();
  await page.getByLabel('Reason').selectOption({ label: 'Not a customer' });
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, decline' }).click();
  await expect.poll(() => sends, { timeout: 75_000 }).toBe(2);
  await expect(page.locator('.waiting-count')).toHaveText('', { timeout: 15_000 });
  const stored: Lead = await (await request.get(`/api/v1/referrals/${lead.id}`)).json();
  expect(stored.statusHistory.filter((change) => change.substatus === 'Declined')).toHaveLength(1);
});

test('a change waiting to sync can be cancelled before it is sent, and is never sent', async ({ page, context }) => {
  const request = await api();
  const lead = (await inboxLeads(request))[18];
  await declineOffline(page, context, lead);
  await expect(page.locator('.detail-subtitle')).toContainText('Closed / Declined');
  const cancel = page.getByRole('button', { name: message('en', 'lead-pending-cancel') });
  await expect(cancel).toHaveAccessibleDescription(/Decline/);
  await cancel.click();
  // The lead is as the device last had it from the server, with nothing waiting; focus
  // goes to the page's heading.
  await expect(page.locator('.pending')).toHaveCount(0);
  await expect(page.locator('#page-heading')).toBeFocused();
  await expect(page.locator('.waiting-count')).toHaveText('');
  await expect(page.locator('.detail-subtitle')).not.toContainText('Declined');
  await expect.poll(async () => (await cacheCounts(page)).outbox).toBe(0);
  // Back online, nothing goes.
  let sends = 0;
  await page.route('**/decline', (route) => { sends++; return route.continue(); });
  await context.setOffline(false);
  const pulled = page.waitForResponse((response) => response.url().includes('/api/v1/sync?') && response.ok());
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await pulled;
  await page.waitForTimeout(500);
  expect(sends).toBe(0);
  const stored: Lead = await (await request.get(`/api/v1/referrals/${lead.id}`)).json();
  expect(stored.substatus).toBe(lead.substatus);
});

test('a change the server keeps failing holds up no other lead\'s change', async ({ page, context }) => {
  test.slow();
  const request = await api();
  const [failing, next] = (await inboxLeads(request)).slice(19, 21);
  await signInAt(page);
  await loadOnline(page);
  await context.setOffline(true);
  for (const lead of [failing, next]) await declineWhileOffline(page, lead);
  // The server fails the first lead's decline, every time, until told otherwise.
  let failed = 0;
  const failingUrl = `**/referrals/${failing.id}/decline`;
  await page.route(failingUrl, (route) => {
    failed++;
    return route.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Internal Server Error', status: 500 }) });
  });
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  // The second lead's decline goes meanwhile; the first still waits.
  await expect.poll(async () => ((await (await request.get(`/api/v1/referrals/${next.id}`)).json()) as Lead).substatus, { timeout: 20_000 }).toBe('Declined');
  expect(failed).toBeGreaterThan(0);
  await expect(page.locator('.waiting-count')).toHaveText('1 change waits to sync');
  // The server recovers: the first lands after its pause, once.
  await page.unroute(failingUrl);
  await expect(page.locator('.waiting-count')).toHaveText('', { timeout: 60_000 });
  const stored: Lead = await (await request.get(`/api/v1/referrals/${failing.id}`)).json();
  expect(stored.statusHistory.filter((change) => change.substatus === 'Declined')).toHaveLength(1);
});

test('a send the server refuses with an error of its own waits out its pause, however often the app pulls', async ({ page, context }) => {
  const request = await api();
  const lead = (await inboxLeads(request))[11];
  await signInAt(page);
  await loadOnline(page);
  // The server fails the first three sends (pauses of 1 s and 2 s between them, then 4 s).
  let sends = 0;
  await page.route('**/decline', async (route) => {
    sends++;
    if (sends <= 3) await route.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Internal Server Error', status: 500 }) });
    else await route.continue();
  });
  await page.goto(`${server.url}/referrals/${lead.id}`);
  await page.getByRole('button', { name: 'Decline' }).click();
  await page.getByLabel('Reason').selectOption({ label: 'Not a customer' });
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, decline' }).click();
  await expect.poll(() => sends, { timeout: 15_000 }).toBe(3);
  // Pulls that reach the server (here two, as after the browser's online event) do not
  // cut the pause short: the server is there, and failing.
  for (let i = 0; i < 2; i++) {
    const pulled = page.waitForResponse((response) => response.url().includes('/api/v1/sync?') && response.ok());
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await pulled;
  }
  await page.waitForTimeout(300);
  expect(sends).toBe(3);
  // After the pause, it goes, once.
  await expect(page.locator('.waiting-count')).toHaveText('', { timeout: 15_000 });
  expect(sends).toBe(4);
  const stored: Lead = await (await request.get(`/api/v1/referrals/${lead.id}`)).json();
  expect(stored.statusHistory.filter((change) => change.substatus === 'Declined')).toHaveLength(1);
});

test('signing out empties the device, after a warning when changes wait', async ({ page, context }) => {
  await signInAt(page);
  await loadOnline(page);
  expect((await cacheCounts(page)).referrals).toBeGreaterThan(300);
  await context.setOffline(true);
  await page.locator('.heart').first().click();
  await expect(page.locator('.waiting-count')).toHaveText('1 change waits to sync');
  // Back online, but the heart cannot get through: it still waits when the user signs out.
  await context.route('**/favorite', (route) => route.abort());
  await context.setOffline(false);
  await (await openAccountMenu(page)).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not synced yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out anyway' }).click();
  await expect(page).toHaveURL(/sign-in/);
  await expect.poll(async () => Object.values(await cacheCounts(page)).reduce((a, b) => a + b, 0)).toBe(0);
});

test('someone else signing in on the device never sees the previous user\'s cached data', async ({ page, context }) => {
  await signInAt(page);
  await loadOnline(page);
  // Without signing out (a session that simply ran out), another organisation's admin signs in.
  await context.clearCookies();
  await signInAt(page, 'admin@rival.test');
  let sawPrevious = false;
  await page.goto(`${server.url}/inbox`);
  const watcher = setInterval(async () => {
    const name = await page.locator('.user-name').textContent().catch(() => null);
    if (name === 'Rhea Reyes') sawPrevious = true;
  }, 20);
  await expect(page.locator('.user-name')).toHaveText('Rory Rival');
  await expect(page.locator('.result-count')).toHaveText(/^\d+ referrals?$/);
  clearInterval(watcher);
  expect(sawPrevious).toBe(false);
  // The device now holds the rival's referrals only.
  const all: Lead[] = await (await page.request.get(`${server.url}/api/v1/referrals?limit=1000`)).json();
  await expect.poll(() => cachedCount(page)).toBe(all.length);
});
