import type { Page } from '@playwright/test';
import { test, expect, signIn, openAccountMenu, resultCount, DEMO_PASSWORD, EXPECTS_CONSOLE_ERRORS } from './fixtures';
import { message } from './catalogue';

// index.html paints the app's shell before the wasm module has arrived (a phone on
// a slow network sees the product at once), and the app takes over without moving it.

/**
 * A wasm module that traps as soon as it starts, as the app's does when it panics in its
 * start: wasm-bindgen's loader calls its `__wbindgen_start`, whose body is `unreachable`.
 */
const TRAPPING_WASM = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // one type: () -> ()
  0x03, 0x02, 0x01, 0x00, // one function of that type
  0x07, 0x14, 0x01, 0x10, ...Buffer.from('__wbindgen_start'), 0x00, 0x00, // exported by that name
  0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b, // its body: unreachable
]);

/** A module whose start calls itself until the call stack runs out (a `RangeError`). */
const OVERFLOWING_WASM = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // one type: () -> ()
  0x03, 0x02, 0x01, 0x00, // one function of that type
  0x07, 0x14, 0x01, 0x10, ...Buffer.from('__wbindgen_start'), 0x00, 0x00, // exported by that name
  0x0a, 0x06, 0x01, 0x04, 0x00, 0x10, 0x00, 0x0b, // its body: call itself
]);

/**
 * Holds the app's wasm until the returned function is called; then it arrives, its
 * download fails as when the connection drops, or a module arrives that stops in its start.
 */
async function holdTheApp(page: Page, outcome: 'arrives' | 'fails' | 'crashes' | 'overflows' = 'arrives'): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    if (outcome === 'fails') await route.abort('internetdisconnected');
    else if (outcome === 'crashes') await route.fulfill({ contentType: 'application/wasm', body: TRAPPING_WASM });
    else if (outcome === 'overflows') await route.fulfill({ contentType: 'application/wasm', body: OVERFLOWING_WASM });
    else await route.continue();
  });
  return release;
}

/** Opens the sign-in page while the app is held, and types the demo sign-in into its form. */
async function typeSignInWhileHeld(page: Page, outcome: 'arrives' | 'fails' | 'crashes'): Promise<() => void> {
  const release = await holdTheApp(page, outcome);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('referrals@demo.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  return release;
}

/** Sums the page's layout shifts (CLS's raw material) from its very first frame. */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record = window as unknown as { shifted: number };
    record.shifted = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) record.shifted += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const shifted = (page: Page) => page.evaluate(() => (window as unknown as { shifted: number }).shifted);

test('the shell shows before the app has loaded, and stays put when the app takes over', async ({ page }) => {
  await recordShifts(page);
  const release = await holdTheApp(page);
  await page.goto('/inbox');
  const bar = page.locator('header.top-bar');
  await expect(bar.getByRole('link', { name: 'Referral Desk' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Loading Referral Desk…');
  const before = await bar.boundingBox();

  release();
  // Signed out: the app sends the visit to the sign-in page.
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Referral Desk' })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Finbox$/);
  // One shell, the app's: the static one is gone, not doubled.
  await expect(page.locator('#app-skeleton')).toHaveCount(0);
  await expect(page.locator('header.top-bar')).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);
  expect(await bar.boundingBox()).toEqual(before);
  expect(await shifted(page)).toBeLessThanOrEqual(0.05);
});

/** The heading's, fields' and button's boxes of the sign-in form on the page. */
async function signInBoxes(page: Page) {
  const form = page.locator('main form');
  return Promise.all([
    page.getByRole('heading', { level: 1 }).boundingBox(),
    form.getByLabel('Email').boundingBox(),
    form.getByLabel('Password').boundingBox(),
    form.getByRole('button').boundingBox(),
  ]);
}

/** Counts the sign-in requests (`POST /api/v1/session`) the page sends. */
function countSignIns(page: Page): () => number {
  let sent = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/session') sent += 1;
  });
  return () => sent;
}

const wasmPreloads = (page: Page) => page.locator('head link[rel="preload"][href$="_bg.wasm"]');

test('a signed-out visit to the sign-in page shows its form before the app has loaded, and keeps what was typed into it', async ({ page }) => {
  await recordShifts(page);
  const signIns = countSignIns(page);
  const release = await holdTheApp(page);
  await page.goto('/sign-in');
  // The form is usable at once: the app's download waits for its first paint.
  await expect(wasmPreloads(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Referral Desk' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
  await expect(page.locator('#app-skeleton')).toHaveCount(1);
  const before = await signInBoxes(page);
  await page.getByLabel('Email').fill('referrals@demo.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);

  release();
  await expect(page.locator('#app-skeleton')).toHaveCount(0);
  // The app's own form, in the same place, with what was typed and the keyboard where it was.
  await expect(page.locator('main form')).toHaveCount(1);
  await expect(page.getByLabel('Email')).toHaveValue('referrals@demo.test');
  await expect(page.getByLabel('Password')).toHaveValue(DEMO_PASSWORD);
  await expect(page.getByLabel('Password')).toBeFocused();
  expect(await signInBoxes(page)).toEqual(before);
  expect(await shifted(page)).toBeLessThanOrEqual(0.05);
  // Typed, not sent: the app waits for the reader.
  expect(signIns()).toBe(0);

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  expect(signIns()).toBe(1);
});

test('a sign-in sent before the app has loaded is held, never put in the address, and sent once when the app arrives', async ({ page }) => {
  const signIns = countSignIns(page);
  const release = await holdTheApp(page);
  await page.goto('/sign-in?next=%2Faccepted');
  await page.getByLabel('Email').fill('referrals@demo.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Signing in…' })).toBeDisabled();
  expect(page.url()).not.toContain('password');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccepted$/);

  // The button is disabled: a second press sends nothing more (counted once the app is in).
  await page.getByLabel('Password').press('Enter');

  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted' })).toBeVisible();
  expect(page.url()).not.toContain('password');
  expect(signIns()).toBe(1);
});

test('when the app cannot be downloaded, the loading line says so and offers a reload that brings the app', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the failed download, as the browser logs it
  const fail = await holdTheApp(page, 'fails');
  await page.goto('/inbox');
  await expect(page.getByRole('status')).toHaveText('Loading Referral Desk…');
  await expect(page.getByRole('alert')).toBeHidden();

  fail();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(message('en', 'app-load-failed'));
  await expect(page.getByRole('status')).toBeHidden();

  // The connection is back: the reload brings the app.
  await page.unroute(/_bg\.wasm$/);
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Referral Desk' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a sign-in held for an app whose download fails stops saying it is signing in, and keeps what was typed', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the failed download, as the browser logs it
  const fail = await typeSignInWhileHeld(page, 'fails');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Signing in…' })).toBeDisabled();

  fail();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(message('en', 'app-load-failed'));
  await expect(page.locator('main form')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('main form button[type="submit"]')).toHaveText('Sign in');
  await expect(page.getByLabel('Email')).toHaveValue('referrals@demo.test');
  await expect(page.getByLabel('Password')).toHaveValue(DEMO_PASSWORD);
  // The keyboard, left nowhere when the pressed button was disabled, is taken to the reload.
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeFocused();
});

test('a sign-in form not yet sent when the app\'s download fails can no longer be sent, and the keyboard stays where it was', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the failed download, as the browser logs it
  const fail = await typeSignInWhileHeld(page, 'fails');

  fail();
  await expect(page.getByRole('alert')).toContainText(message('en', 'app-load-failed'));
  const send = page.locator('main form button[type="submit"]');
  await expect(send).toHaveText('Sign in');
  await expect(send).toBeDisabled();
  await expect(page.getByLabel('Password')).toBeFocused();
  // Enter in a field sends nothing either: the form is not held, nor says it is signing in.
  await page.getByLabel('Password').press('Enter');
  await expect(page.locator('main form')).not.toHaveAttribute('data-sent');
  await expect(send).toHaveText('Sign in');
});

test('an app that stops in its own start says it hit an error, not that the connection failed', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the trap, as the browser logs it
  const crash = await typeSignInWhileHeld(page, 'crashes');
  await page.getByRole('button', { name: 'Sign in' }).click();

  crash();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(message('en', 'app-start-failed'));
  await expect(alert).not.toContainText(message('en', 'app-load-failed'));
  await expect(page.locator('main form')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('main form button[type="submit"]')).toHaveText('Sign in');
  await expect(page.locator('main form button[type="submit"]')).toBeDisabled();
  await expect(page.getByLabel('Password')).toHaveValue(DEMO_PASSWORD);
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeFocused();

  // Whatever stopped it is gone on the reload: the app starts.
  await page.unroute(/_bg\.wasm$/);
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.locator('#app-skeleton')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Referral Desk' })).toBeVisible();
});

test('an app whose start runs out of call stack says it hit an error, not that the connection failed', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the RangeError, as the browser logs it
  const overflow = await holdTheApp(page, 'overflows');
  await page.goto('/inbox');
  overflow();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(message('en', 'app-start-failed'));
  await expect(alert).not.toContainText(message('en', 'app-load-failed'));
});

// The app's own start goes on in tasks it queues after the loader's `init` has returned, so
// a panic there is a trap the page reports: as an error from a queued task, or as an
// unhandled rejection from a promise. A trapping module run that way stands in for it.
for (const queued of ['task', 'promise'] as const) {
  test(`a panic in the app's start after its loader has run (in a ${queued}) is named as an error too`, async ({ page }) => {
    test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the trap, as the browser logs it
    await page.addInitScript(
      ([bytes, queued]) => {
        addEventListener('DOMContentLoaded', async () => {
          const { instance } = await WebAssembly.instantiate(new Uint8Array(bytes));
          const start = instance.exports.__wbindgen_start as () => void;
          if (queued === 'task') queueMicrotask(start);
          else void Promise.resolve().then(start);
        });
      },
      [[...TRAPPING_WASM], queued] as const,
    );
    await holdTheApp(page);
    await page.goto('/inbox');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(message('en', 'app-start-failed'));
    await expect(page.getByRole('status')).toBeHidden();
    await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
  });
}

// Once the app runs, a panic leaves it unable to answer: the page says so and offers a
// reload, in the language the reader chose, with the keyboard on it.
for (const queued of ['task', 'promise'] as const) {
  test(`a panic once the app has taken over (in a ${queued}) says it stopped and offers a reload`, async ({ page }) => {
    test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the trap, as the browser logs it
    await page.addInitScript(() => localStorage.setItem('referral-desk-locale', 'de'));
    await signIn(page);
    await page.goto('/inbox');
    await expect(page.locator('#app-skeleton')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.locator('.app-stopped')).toHaveCount(0);
    await page.evaluate(
      async ([bytes, queued]) => {
        const { instance } = await WebAssembly.instantiate(new Uint8Array(bytes));
        const start = instance.exports.__wbindgen_start as () => void;
        if (queued === 'task') setTimeout(start);
        else void Promise.resolve().then(start);
      },
      [[...TRAPPING_WASM], queued] as const,
    );
    const stopped = page.locator('.app-stopped');
    await expect(stopped).toHaveAttribute('role', 'alert');
    // A new-build offer would only cover it: it is hidden (its Reload is the same).
    await expect(page.locator('.update-banner:not(.app-stopped)')).toBeHidden();
    await expect(stopped).toContainText(message('de', 'app-stopped'));
    const reload = stopped.getByRole('button', { name: message('de', 'update-reload') });
    await expect(reload).toBeFocused();
    await expect(stopped).toBeInViewport({ ratio: 1 });
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await expect(page.locator('.result-count')).toBeVisible();
    await expect(page.locator('.app-stopped')).toHaveCount(0);
  });
}

test('an error elsewhere on the page once the app runs is not taken for its stop', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the errors thrown below
  await signIn(page);
  await page.goto('/inbox');
  await expect(page.locator('#app-skeleton')).toHaveCount(0);
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('an error that is not the app');
    });
    void Promise.reject(new RangeError('a rejection that is not the app'));
  });
  await page.waitForTimeout(500);
  await expect(page.locator('.app-stopped')).toHaveCount(0);
});

test('an error elsewhere on the page before the app has arrived is not taken for a failed download', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the errors thrown below
  await page.addInitScript(() => {
    addEventListener('DOMContentLoaded', () => {
      setTimeout(() => {
        throw new Error('an error that is not the app');
      });
      void Promise.reject(new Error('a rejection that is not the app'));
      const script = document.createElement('script');
      script.src = '/no-such-script.js';
      script.addEventListener('error', () => setTimeout(() => ((window as unknown as { errored: boolean }).errored = true)));
      document.head.append(script);
    });
  });
  const release = await holdTheApp(page);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('referrals@demo.test');
  // The errors have happened (the failed script's error has gone past the page's listeners) and nothing was said.
  await expect.poll(() => page.evaluate(() => (window as unknown as { errored?: boolean }).errored === true)).toBe(true);
  await expect(page.getByRole('alert')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();

  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Referral Desk' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('referrals@demo.test');
});

test('an app still downloading after 15 seconds says the connection looks slow, and still takes over when it arrives', async ({ page }) => {
  await page.clock.install();
  const release = await holdTheApp(page);
  await page.goto('/inbox');
  await expect(page.getByRole('status')).toHaveText('Loading Referral Desk…');
  await expect(page.getByRole('alert')).toBeHidden();
  await page.clock.fastForward(15_500);
  await expect(page.getByRole('alert')).toContainText(message('en', 'app-load-slow'));
  await expect(page.getByRole('status')).toHaveText('Loading Referral Desk…');

  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Referral Desk' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

/** Opens the sign-in page with the app held back: it shows the loading line, not the form,
 * and the app's download starts at once. Returns the function that lets the app load. */
async function signInPageShowsLoadingLine(page: Page): Promise<() => void> {
  const release = await holdTheApp(page);
  await page.goto('/sign-in');
  await expect(page.getByRole('status')).toHaveText('Loading Referral Desk…');
  await expect(page.locator('main form')).toBeHidden();
  await expect(wasmPreloads(page)).toHaveCount(1);
  return release;
}

/** Signs in through the app's own form, so this device keeps a cache, and waits for it to fill. */
async function signInThroughTheForm(page: Page): Promise<void> {
  await page.goto('/sign-in');
  // The app's own form: a field of the static first paint found just before the app
  // takes over would be filled after it left, and the app's form sent without it.
  await expect(page.locator('#app-skeleton')).toHaveCount(0);
  await page.getByLabel('Email').fill('referrals@demo.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.sync-status [role="status"]')).toHaveText(/^Synced/);
}

test.describe('with a cache on the device', () => {
  // The held wasm must come from the network, not the offline worker's cache.
  test.use({ serviceWorkers: 'block' });

  test('a device holding a cache is not shown the static sign-in form, even without a session', async ({ page }) => {
    // Signed in through the app, so this device keeps a cache; then the session ends elsewhere.
    await signInThroughTheForm(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
    await page.goto('about:blank');
    await page.context().clearCookies();

    // The cached lists may still open (offline).
    const release = await signInPageShowsLoadingLine(page);
    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Referral Desk' })).toBeVisible();
  });

  test('signing out empties the device, and the next visit gets the static sign-in form again', async ({ page }) => {
    await signInThroughTheForm(page);
    await (await openAccountMenu(page)).getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('about:blank');

    const release = await holdTheApp(page);
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Referral Desk' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveCount(0);
    await expect(page.locator('#app-skeleton')).toHaveCount(1);
    release();
    await expect(page.locator('#app-skeleton')).toHaveCount(0);
  });
});

test('a visit with a session shows the loading line, not the sign-in form, before the app has loaded', async ({ page }) => {
  await signIn(page);
  const release = await signInPageShowsLoadingLine(page);
  release();
  // Already signed in: the app goes on to the Inbox.
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
});

// At a desk wide enough for the signed-in top bar on one row. Narrower, it takes two
// rows once the session is known, and the page below moves down once.
test('a signed-in Inbox opens from the static shell without shifting', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await recordShifts(page);
  await page.goto('/inbox');
  await expect(page.locator('.customer-link').first()).toBeVisible();
  expect(await shifted(page)).toBeLessThanOrEqual(0.05);
});

/** The boxes of the stages, their links, the list's heading and what it holds, as shown. */
async function listShellBoxes(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Referral stages' });
  return Promise.all([
    page.locator('header.top-bar').boundingBox(),
    nav.boundingBox(),
    ...['Inbox', 'Accepted', 'Archived', 'Favorites', 'Insights'].map((stage) => nav.getByRole('link', { name: stage }).boundingBox()),
    page.getByRole('heading', { level: 1 }).boundingBox(),
    page.locator('main .list-intro').boundingBox(),
  ]);
}

// A phone on a slow link sees the list's page (the stages, its heading and what the list
// holds) while the app downloads, and the app's own page lands on exactly those places.
test('a signed-in list shows its stages, heading and what it holds before the app has loaded, where the app puts them', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await signIn(page);
  await recordShifts(page);
  const release = await holdTheApp(page);
  await page.goto('/accepted');
  await expect(page.locator('#app-skeleton')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted' })).toBeVisible();
  await expect(page.locator('main .list-intro')).toHaveText(message('en', 'list-intro-accepted'));
  const nav = page.getByRole('navigation', { name: 'Referral stages' });
  await expect(nav.getByRole('link', { name: 'Accepted' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.locator('[aria-current]')).toHaveCount(1);
  // Screen readers still hear that the app is loading; nobody sees the line.
  await expect(page.getByRole('status')).toHaveText('Loading Referral Desk…');
  expect((await page.getByRole('status').boundingBox())?.height ?? 0).toBeLessThanOrEqual(1);
  // The app is asked for after this first paint, not beside the style sheets it waits for.
  await expect(wasmPreloads(page)).toHaveCount(0);
  const before = await listShellBoxes(page);

  release();
  await expect(page.locator('.customer-link').first()).toBeVisible();
  await expect(page.locator('#app-skeleton')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted' })).toBeVisible();
  expect(await listShellBoxes(page)).toEqual(before);
  expect(await shifted(page)).toBeLessThanOrEqual(0.05);
});

test.describe('a signed-in German reader', () => {
  test.use({ locale: 'de-DE' });

  test('sees the Inbox\'s stages, heading and what it holds in German before the app has loaded', async ({ page }) => {
    await signIn(page);
    const release = await holdTheApp(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: message('de', 'value-Stage-Inbox') })).toBeVisible();
    await expect(page.locator('main .list-intro')).toHaveText(message('de', 'list-intro-inbox'));
    const nav = page.getByRole('navigation', { name: message('de', 'nav-stages') });
    await expect(nav.getByRole('link', { name: message('de', 'nav-inbox') })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: message('de', 'nav-insights') })).toBeVisible();
    release();
    await expect(page.locator('#app-skeleton')).toHaveCount(0);
    await expect(page.locator('main .list-intro')).toHaveText(message('de', 'list-intro-inbox'));
    await expect(page).toHaveURL(/\/inbox$/);
  });
});

// The app's first two questions (who is signed in, then the feed) are asked by index.html
// beside the app's download instead of after it and one after the other; the app takes
// their answers instead of asking again (src/api/early.rs).
test('a signed-in visit with nothing on the device asks for the user and the feed while the app downloads, once each', async ({ page }) => {
  await signIn(page);
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/v1/me' || url.pathname === '/api/v1/sync') asked.push(url.pathname + url.search);
  });
  const release = await holdTheApp(page);
  await page.goto('/inbox');
  await expect(page.getByRole('status')).toHaveText('Loading Referral Desk…');
  await expect.poll(() => asked).toEqual(['/api/v1/me', '/api/v1/sync?limit=1000']);
  release();
  await expect(page.locator('.customer-link').first()).toBeVisible();
  expect(await resultCount(page)).toBeGreaterThan(0);
  // The rows came from the early answers: neither was asked for again.
  expect(asked).toEqual(['/api/v1/me', '/api/v1/sync?limit=1000']);
});

test('the early answers of a session that had already ended are not used after signing in', async ({ page, baseURL }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the early requests' 401s, as the browser logs them
  // The hint of a session that has ended elsewhere: both early answers say nobody.
  await page.context().addCookies([{ name: 'rd_signed_in', value: '1', url: baseURL! }]);
  await page.goto('/inbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Referral Desk' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill('referrals@demo.test');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The feed is asked for anew, for this session: the early 401 would sign the user out again.
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  expect(await resultCount(page)).toBeGreaterThan(0);
  await expect(page).toHaveURL(/\/inbox$/);
});

// The static shell speaks the reader's language before the app (and its catalogue) has
// arrived: the device's last choice, else the browser's language (traditional Chinese is
// not one the app speaks: English).
for (const [how, locale, browser, chosen] of [
  ['chosen on this device', 'de', 'en-US', 'de'],
  ['the browser\'s language', 'ru', 'ru-RU', null],
  ['the browser\'s language', 'zh', 'zh-CN', null],
  ['a browser language the app does not speak', 'en', 'zh-TW', null],
] as const) {
  test.describe(`${locale}, ${how} (${browser})`, () => {
    test.use({ locale: browser });
    test(`the shell is in ${locale} before the app has loaded`, async ({ page }) => {
      if (chosen) await page.addInitScript((tag) => localStorage.setItem('referral-desk-locale', tag), chosen);
      const release = await holdTheApp(page);
      await page.goto('/inbox');
      const root = page.locator('html');
      await expect(root).toHaveAttribute('lang', locale);
      await expect(page.getByRole('status')).toHaveText(message(locale, 'app-loading'));
      await expect(page.locator('#app-skeleton .skip-link')).toHaveText(message(locale, 'skip-to-content'));
      // The new-build offer's words wait on the page for the worker registration.
      await expect(root).toHaveAttribute('data-update-available', message(locale, 'update-available'));
      await expect(root).toHaveAttribute('data-update-reload', message(locale, 'update-reload'));
      release();
      await expect(page.getByRole('heading', { level: 1, name: message(locale, 'sign-in-heading') })).toBeVisible();
      await expect(root).toHaveAttribute('lang', locale);
    });

    test(`the sign-in form is in ${locale} before the app has loaded`, async ({ page }) => {
      if (chosen) await page.addInitScript((tag) => localStorage.setItem('referral-desk-locale', tag), chosen);
      const release = await holdTheApp(page);
      await page.goto('/sign-in');
      const words = async () => {
        await expect(page.getByRole('heading', { level: 1, name: message(locale, 'sign-in-heading') })).toBeVisible();
        await expect(page.getByLabel(message(locale, 'sign-in-email'))).toBeVisible();
        await expect(page.getByLabel(message(locale, 'sign-in-password'))).toBeVisible();
        await expect(page.getByRole('button', { name: message(locale, 'sign-in') })).toBeVisible();
      };
      await words();
      await expect(page.locator('#app-skeleton')).toHaveCount(1);
      release();
      await expect(page.locator('#app-skeleton')).toHaveCount(0);
      await words();
    });
  });
}

test.describe('a German reader whose language arrives after the app', () => {
  test.use({ locale: 'de-DE' });
  // The held catalogue must come from the network, not the offline worker's cache.
  test.use({ serviceWorkers: 'block' });

  test('what was typed into the sign-in form stays when the app turns to German', async ({ page }) => {
    let sendGerman!: () => void;
    const german = new Promise<void>((resolve) => {
      sendGerman = resolve;
    });
    await page.route(/\/locales\/de\/[a-z-]+\.ftl(\?build=[0-9a-f]+)?$/, async (route) => {
      await german;
      await route.continue();
    });
    const release = await holdTheApp(page);
    await page.goto('/sign-in');
    await page.getByLabel(message('de', 'sign-in-email')).fill('referrals@demo.test');
    await page.getByLabel(message('de', 'sign-in-password')).fill(DEMO_PASSWORD);

    // The app waits a moment for German, then takes over in English, keeping what was typed…
    release();
    await expect(page.locator('#app-skeleton')).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue('referrals@demo.test');
    // …and German, once it comes, renders the form again with it still there.
    sendGerman();
    await expect(page.getByRole('heading', { level: 1, name: message('de', 'sign-in-heading') })).toBeVisible();
    await expect(page.getByLabel(message('de', 'sign-in-email'))).toHaveValue('referrals@demo.test');
    await expect(page.getByLabel(message('de', 'sign-in-password'))).toHaveValue(DEMO_PASSWORD);
  });
});
