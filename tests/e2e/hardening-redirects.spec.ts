import { test, expect, signIn, listFromApi, DEMO_PASSWORD } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * `next` values that look like a path on this site but that a browser reads as
 * another site (or as no path at all), each as it is written after `next=` in the
 * address. Before the domain's `ReturnPath`, the first three passed the check, the
 * router resolved them to http://evil.example/, `replaceState` threw and the app
 * panicked on every reload.
 */
const ELSEWHERE: [string, string][] = [
  ['/.//evil.example, encoded', '%2F.%2F%2Fevil.example'],
  ['/..//evil.example', encodeURIComponent('/..//evil.example')],
  ['/a/..//evil.example', encodeURIComponent('/a/..//evil.example')],
  ['//evil.example', encodeURIComponent('//evil.example')],
  ['/\\evil.example', encodeURIComponent('/\\evil.example')],
  ['/\\evil.example, encoded', '%2F%5Cevil.example'],
  ['javascript:alert(1)', encodeURIComponent('javascript:alert(1)')],
  ['https://evil.example/', encodeURIComponent('https://evil.example/')],
  ['/%2e%2e//evil.example', encodeURIComponent('/%2e%2e//evil.example')],
  ['/<tab>/evil.example', encodeURIComponent('/\t/evil.example')],
];

/** Page errors and console errors that say the app crashed (a Rust panic in wasm). */
function watchForPanics(page: Page): string[] {
  const panics: string[] = [];
  const crashed = /panicked|unreachable/i;
  page.on('pageerror', (error) => {
    if (crashed.test(error.message)) panics.push(error.message);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && crashed.test(message.text())) panics.push(message.text());
  });
  return panics;
}

/** Every origin the page sent a request to, besides its own. */
function watchForOtherOrigins(page: Page, own: string): Set<string> {
  const others = new Set<string>();
  page.on('request', (request) => {
    const origin = new URL(request.url()).origin;
    if (origin !== own && origin !== 'null') others.add(origin);
  });
  return others;
}

async function signInWithForm(page: Page) {
  // The app's own form: index.html's first paint shows one before the app arrives, and a
  // field Playwright found there just before the app took over is filled after it left.
  await expect(page.locator('#app-skeleton')).toHaveCount(0);
  await page.getByLabel('Email', { exact: true }).fill('referrals@demo.test');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function expectInbox(page: Page, origin: string) {
  await expect(page).toHaveURL(`${origin}/inbox`);
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(page.locator('.result-count')).toHaveText(/^\d+ referrals?$/);
}

for (const [label, next] of ELSEWHERE) {
  test(`next=${label} lands on the Inbox of this site, and a reload still works`, async ({ page, server }) => {
    const panics = watchForPanics(page);
    const others = watchForOtherOrigins(page, server.url);
    await page.goto(`/sign-in?next=${next}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Referral Desk' })).toBeVisible();
    await signInWithForm(page);
    await expectInbox(page, server.url);

    await page.reload();
    await expectInbox(page, server.url);
    expect(panics, 'the app panicked').toEqual([]);
    expect([...others], 'requests to other sites').toEqual([]);
  });
}

test('already signed in, a sign-in link with a foreign next opens the Inbox, also on reload', async ({ page, server }) => {
  const panics = watchForPanics(page);
  await signIn(page);
  await page.goto('/sign-in?next=%2F.%2F%2Fevil.example');
  await expectInbox(page, server.url);
  await page.goto('/sign-in?next=%2F.%2F%2Fevil.example');
  await page.reload();
  await expectInbox(page, server.url);
  expect(panics, 'the app panicked').toEqual([]);
});

test('a lead asked for before sign-in is opened after it', async ({ page, server, browser }) => {
  const panics = watchForPanics(page);
  // Who the lead is comes from the API; the browser under test stays signed out until the form.
  const lookup = await browser.newContext({ baseURL: server.url });
  const signedIn = await lookup.request.post('/api/v1/session', { data: { email: 'referrals@demo.test', password: DEMO_PASSWORD } });
  expect(signedIn.status()).toBe(200);
  const [lead] = await listFromApi(lookup.request, 'stage=Inbox');
  await lookup.close();
  const leadPage = `/referrals/${lead.id}?stage=Inbox`;

  await page.goto(leadPage);
  await expect(page).toHaveURL(`${server.url}/sign-in?next=${encodeURIComponent(leadPage)}`);
  await signInWithForm(page);
  await expect(page).toHaveURL(`${server.url}${leadPage}`);
  await expect(page.getByRole('heading', { level: 1, name: lead.customerProfile.name })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: lead.customerProfile.name })).toBeVisible();
  expect(panics, 'the app panicked').toEqual([]);
});

test('a next with dot segments inside this site is followed to where it resolves', async ({ page, server }) => {
  await page.goto(`/sign-in?next=${encodeURIComponent('/inbox/../accepted?country=DE')}`);
  await signInWithForm(page);
  await expect(page).toHaveURL(`${server.url}/accepted?country=DE`);
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted' })).toBeVisible();
});
