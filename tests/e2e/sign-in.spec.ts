import { test, expect, signIn, DEMO_PASSWORD, EXPECTS_CONSOLE_ERRORS, openAccountMenu } from './fixtures';
import type { Page } from '@playwright/test';

async function fillSignInForm(page: Page, email: string, password: string) {
  // Into the app's own form: a field of index.html's static form can be replaced by the
  // app's between Playwright finding it and typing into it (first-paint.spec.ts tests
  // typing into the static form while the app arrives).
  await expect(page.locator('#app-skeleton')).toHaveCount(0);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
}

test('a signed-out visit goes to sign-in, and the right password lands on the page asked for', async ({ page }) => {
  await page.goto('/archived');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Farchived$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Referral Desk' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Inbox' })).toHaveCount(0);
  await expect(page.getByLabel('Email', { exact: true })).toHaveAttribute('type', 'email');
  await expect(page.getByLabel('Email', { exact: true })).toHaveAttribute('autocomplete', 'username');
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'password');
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('autocomplete', 'current-password');

  await fillSignInForm(page, 'referrals@demo.test', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/archived$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Archived' })).toBeVisible();
  await expect(page.getByRole('rowheader').first()).toBeVisible();
});

test('a signed-out visit asks the server nothing it would refuse, so the console stays clean', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/v1/me') asked.push(request.url());
  });
  const logged: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') logged.push(message.text());
  });
  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Referral Desk' })).toBeVisible();
  expect(asked, 'without the server\'s hint of a session, nobody is asked about').toEqual([]);

  // Signed in, the hint is there: a reload asks who, and stays signed in.
  await fillSignInForm(page, 'user@demo.test', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  expect(asked.length).toBeGreaterThan(0);

  // A session that ended elsewhere (the hint outlived it): asked once, then forgotten.
  // Away from the app first (it would hear the 401s on its own), and with its cache gone.
  const origin = new URL(page.url()).origin;
  await page.goto('about:blank');
  await page.context().clearCookies({ name: 'rd_session' });
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Referral Desk' })).toBeVisible();
  await expect.poll(async () => (await page.context().cookies()).some((c) => c.name === 'rd_signed_in')).toBe(false);
  const before = asked.length;
  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/sign-in/);
  expect(asked.length).toBe(before);
  expect(logged.filter((text) => !/status of 401/.test(text))).toEqual([]);
});

test('Enter in the password field submits the form', async ({ page }) => {
  await page.goto('/sign-in');
  await fillSignInForm(page, 'user@demo.test', DEMO_PASSWORD);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
});

test('a wrong password shows an alert, stays on the page and keeps the email', async ({ page }) => {
  await page.goto('/sign-in?next=%2Faccepted');
  await fillSignInForm(page, 'referrals@demo.test', 'not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('alert')).toHaveText('The email address or password is incorrect.');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccepted$/);
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('referrals@demo.test');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();

  // Correcting the password goes on to the page first asked for.
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/accepted$/);
});

test('an unreachable server is reported, not mistaken for a wrong password', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS });
  await page.goto('/sign-in');
  await page.route('**/api/v1/session', (route) => route.abort('connectionrefused'));
  await fillSignInForm(page, 'referrals@demo.test', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Could not reach Referral Desk');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('referrals@demo.test');
});

test('next never leads off the site', async ({ page }) => {
  await page.goto('/sign-in?next=https%3A%2F%2Fexample.com%2F');
  await fillSignInForm(page, 'referrals@demo.test', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
});

test('while the app asks who is signed in it shows a loading state', async ({ page }) => {
  // Signed in (the server's hint is there) on a device with nothing cached: the app asks.
  await signIn(page, 'referrals@demo.test');
  // The answer is held back until the loading state has been seen: a fixed delay can run
  // out on a slow machine before the assertion has looked, and then the state is gone.
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => { answer = resolve; });
  await page.route('**/api/v1/me', async (route) => {
    await answered;
    await route.continue();
  });
  await page.goto('/inbox');
  await expect(page.getByRole('status')).toHaveText('Loading Referral Desk…');
  answer();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
});

test('the user menu shows the name, organisation and role', async ({ page }) => {
  await signIn(page, 'referrals@demo.test');
  const me = await (await page.request.get('/api/v1/me')).json();
  await page.goto('/inbox');
  // Closed, the menu is one button named after the user; opened, it says who and where.
  await expect(page.getByRole('group', { name: 'Your account' })).toBeHidden();
  const menu = await openAccountMenu(page);
  await expect(menu).toContainText(me.user.name);
  await expect(menu).toContainText('Fabrikam Consulting (demo)');
  await expect(menu).toContainText('Referrals admin');
  await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible();
  // Escape closes it and gives the keyboard back to the button; so does a click elsewhere.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(page.getByRole('button', { name: `Your account: ${me.user.name}` })).toBeFocused();
  await openAccountMenu(page);
  await page.getByRole('heading', { level: 1 }).click();
  await expect(menu).toBeHidden();
});

test('signing out returns to sign-in, and the app then asks to sign in again', async ({ page }) => {
  await signIn(page);
  await page.goto('/accepted');
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted' })).toBeVisible();

  await (await openAccountMenu(page)).getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Referral Desk' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);

  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Finbox$/);
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
});

test('a session that ends while the app is open sends the user to sign in and back', async ({ page, context }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the referrals list answers 401
  await signIn(page);
  await page.goto('/inbox');
  await expect(page.getByRole('rowheader').first()).toBeVisible();

  await context.clearCookies();
  // The lists already loaded stay readable; the next call to the server finds the session gone.
  await page.getByRole('link', { name: /^Archived/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Archived' })).toBeVisible();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Farchived$/);

  await fillSignInForm(page, 'referrals@demo.test', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/archived$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Archived' })).toBeVisible();
  await expect(page.locator('.result-count')).toHaveText(/^\d+ referrals$/);
});

test('at phone width nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await signIn(page);
  await page.goto('/inbox');
  await expect(page.getByRole('rowheader').first()).toBeVisible();
  const menu = await openAccountMenu(page);
  await expect(menu.getByRole('button', { name: 'Sign out' })).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
