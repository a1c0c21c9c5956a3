import { message } from './catalogue';
import type { Browser, BrowserContext, Page, Response } from '@playwright/test';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, signIn, listFromApi, startServer, type Running } from './fixtures';

// The offline worker (public/sw.js) and the web app manifest, against servers of
// this file's own: each test stops, restarts or swaps the build its server serves.
// Only the app's shell is asserted offline; the data it shows offline is
// offline-data.spec.ts's concern.

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');
const CACHE_PREFIX = 'referral-desk-build-';
const SECOND_BUILD_MARK = 'the second build of offline-shell.spec.ts';
// A polite live region, so screen readers announce it (public/sw-register.js).
const NEW_VERSION_BANNER = '.update-banner[aria-live="polite"]:has-text("A new version is available")';

let servers: Running[] = [];
let builds: string[] = [];

test.afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  // A restarted server's database outlives its first server (`restart`).
  for (const dir of [...builds, ...servers.map((s) => s.dir)]) rmSync(dir, { recursive: true, force: true });
  servers = [];
  builds = [];
});

async function serve(options: Parameters<typeof startServer>[0] = {}): Promise<Running> {
  const running = await startServer(options);
  servers.push(running);
  return running;
}

/**
 * The server down, then up again on the same port (so the same worker) and the same
 * database, serving `staticDir`: a new build deployed onto the same data, so the open
 * tabs' sessions stay valid across it.
 */
async function restart(running: Running, staticDir = dist): Promise<Running> {
  await running.stop({ keepDatabase: true });
  servers = servers.filter((s) => s !== running);
  return serve({ bind: new URL(running.url).host, staticDir, dir: running.dir });
}

type App = { context: BrowserContext; page: Page; errors: string[] };

/** A browser of its own on `running`'s origin, signed in, on `path`, once the worker controls it. */
async function openApp(browser: Browser, running: Running, path = '/inbox'): Promise<App> {
  const context = await browser.newContext({ baseURL: running.url });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page);
  await page.goto(path);
  await expect(page.locator('.top-bar')).toBeVisible();
  await waitForControl(page);
  return { context, page, errors };
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Errors other than the requests that fail while the server is down. */
function unexpected(errors: string[]): string[] {
  return errors.filter((error) => !/^Failed to load resource: net::ERR_(CONNECTION_REFUSED|INTERNET_DISCONNECTED|FAILED)$/.test(error));
}

async function waitForControl(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Every file of a built app but the worker itself, as the URL paths the worker must precache. */
function builtFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = `${prefix}/${entry.name}`;
      return entry.isDirectory() ? builtFiles(dir, relative) : [relative];
    })
    // The server's brotli and gzip copies (scripts/precompress.mjs) are not files of their own.
    .filter((file) => file !== '/sw.js' && !/\.(br|gz)$/.test(file))
    .sort();
}

/** What scripts/precache.mjs wrote into the build's worker. */
function workerOf(dir: string): { build: string; precache: string[] } {
  const worker = readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const build = worker.match(/^const BUILD = '([0-9a-f]{16})';$/m)?.[1];
  const precache = worker.match(/^const PRECACHE = (\[[\s\S]*?\]);$/m)?.[1];
  expect(build, 'the build id in sw.js').toBeTruthy();
  expect(precache, 'the precache list in sw.js').toBeTruthy();
  return { build: build!, precache: JSON.parse(precache!) };
}

/** The worker's caches as the page sees them: cache name → the paths it holds. */
async function cachedFiles(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const all: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      all[name] = requests.map((request) => new URL(request.url).pathname).sort();
    }
    return all;
  });
}

const pageBuild = (page: Page) => page.locator('meta[name="referral-desk-build"]').getAttribute('content');
const stylesheet = (page: Page) => page.locator('link[rel="stylesheet"][href^="/main-"]').getAttribute('href');

/** Which of the app's own files a page load fetched, and whether the worker answered each. */
function watchAppFiles(page: Page): Map<string, boolean> {
  const answered = new Map<string, boolean>();
  page.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (/\.(wasm|js|css)$/.test(url.pathname)) answered.set(url.pathname, response.fromServiceWorker());
  });
  return answered;
}

/**
 * A copy of the build with its stylesheet changed (so renamed, as Trunk would, and
 * its integrity updated), stamped by the precache script as a build of its own.
 */
function secondBuild(): { dir: string; css: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'referral-desk-second-build-'));
  builds.push(dir);
  cpSync(dist, dir, { recursive: true });
  const oldCss = readdirSync(dir).find((file) => /^main-[0-9a-f]+\.css$/.test(file))!;
  const content = `${readFileSync(path.join(dir, oldCss), 'utf8')}\n/* ${SECOND_BUILD_MARK} */\n`;
  const css = `main-${createHash('sha256').update(content).digest('hex').slice(0, 16)}.css`;
  writeFileSync(path.join(dir, css), content);
  rmSync(path.join(dir, oldCss));
  const integrity = `sha384-${createHash('sha384').update(content).digest('base64')}`;
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8').replace(
    new RegExp(`href="/${oldCss}" integrity="[^"]*"`),
    `href="/${css}" integrity="${integrity}"`,
  );
  expect(html).toContain(`href="/${css}"`);
  writeFileSync(path.join(dir, 'index.html'), html);
  // A language's messages change too: their file's name has no hash.
  const german = path.join(dir, 'locales', 'de', 'app.ftl');
  writeFileSync(german, `${readFileSync(german, 'utf8')}\n# ${SECOND_BUILD_MARK}\n`);
  // As Trunk's post-build hook does (Trunk.toml).
  execFileSync('node', [path.join(root, 'scripts/precache.mjs'), dir]);
  execFileSync('node', [path.join(root, 'scripts/precompress.mjs'), dir]);
  return { dir, css: `/${css}` };
}

test('the worker installs, takes control of the page and caches exactly this build', async ({ browser }) => {
  const running = await serve();
  const { page, context, errors } = await openApp(browser, running);

  expect(context.serviceWorkers().map((worker) => new URL(worker.url()).pathname)).toEqual(['/sw.js']);
  const { build, precache } = workerOf(dist);
  expect(precache, 'the precache list is every file of the build but the worker').toEqual(builtFiles(dist));
  expect(precache).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest', '/icons/icon-192.png']));
  expect(precache.some((file) => file.endsWith('_bg.wasm'))).toBe(true);
  expect(await pageBuild(page)).toBe(build);
  expect(await cachedFiles(page), 'one cache, named after the build, holding exactly its files').toEqual({ [CACHE_PREFIX + build]: precache });
  expect(errors).toEqual([]);
});

test('a build missing one of its files never installs: no half an app', async ({ browser }) => {
  const broken = mkdtempSync(path.join(tmpdir(), 'referral-desk-broken-build-'));
  builds.push(broken);
  cpSync(dist, broken, { recursive: true });
  rmSync(path.join(broken, 'icons/icon-maskable-512.png'));
  const running = await serve({ staticDir: broken });
  const context = await browser.newContext({ baseURL: running.url });
  const page = await context.newPage();
  await signIn(page);
  const workerRan = context.waitForEvent('serviceworker');
  await page.goto('/inbox');
  await expect(page.locator('.result-count')).toHaveText(/^\d+ referrals?$/);
  await workerRan;

  const registration = () => page.evaluate(async () => {
    const found = await navigator.serviceWorker.getRegistration();
    return { installing: Boolean(found?.installing), active: Boolean(found?.active) };
  });
  await expect.poll(registration, { message: 'the install ends' }).toEqual({ installing: false, active: false });
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  expect(await cachedFiles(page), 'what was fetched before the 404 is gone too').toEqual({});
  await context.close();
});

test('with the server stopped, a reload of the Inbox and a deep link start the app from the cache', async ({ browser }) => {
  let running = await serve();
  const { page, errors } = await openApp(browser, running);
  const [lead] = await listFromApi(page.request, 'stage=Inbox');
  const online = await cachedFiles(page);

  await running.stop();
  const appFiles = watchAppFiles(page);
  const reload = await page.reload();
  expect(reload?.fromServiceWorker(), 'the page itself came from the worker').toBe(true);
  await expect(page.locator('.top-bar .brand')).toBeVisible();
  expect(appFiles.size, 'the wasm, its JS and the stylesheets were loaded').toBeGreaterThanOrEqual(4);
  expect([...appFiles].filter(([, fromWorker]) => !fromWorker), 'files not answered by the worker').toEqual([]);

  appFiles.clear();
  const deepLink = await page.goto(`/referrals/${lead.id}`);
  expect(deepLink?.fromServiceWorker()).toBe(true);
  await expect(page.locator('.top-bar .brand')).toBeVisible();
  expect([...appFiles.values()]).not.toContain(false);
  expect(await cachedFiles(page), 'nothing was added or lost offline').toEqual(online);
  expect(unexpected(errors)).toEqual([]);

  // Back online, the page is the server's again (network first).
  running = await restart(running);
  const back = await page.reload();
  expect(back?.fromServiceWorker()).toBe(true);
  expect(back?.headers()['x-request-id'], 'answered by the server').toBeTruthy();
});

test('context.setOffline(true) cuts the worker off the network too, and the cached shell still starts', async ({ browser }) => {
  const running = await serve();
  const { page, context, errors } = await openApp(browser, running);
  // Online, the worker fetches a page load from the server: a missing file is the server's 404.
  expect(await page.evaluate(async () => (await fetch('/no-such-file.txt')).status)).toBe(404);
  errors.length = 0; // that 404, logged on purpose

  await context.setOffline(true);
  // Offline, the worker's own fetch fails, so it answers with the cached shell instead of that 404.
  const missing = await page.goto('/no-such-file.txt');
  expect(missing?.status()).toBe(200);
  expect(missing?.fromServiceWorker()).toBe(true);
  const appFiles = watchAppFiles(page);
  await page.goto('/inbox');
  await expect(page.locator('.top-bar .brand')).toBeVisible();
  expect([...appFiles.values()]).not.toContain(false);
  expect(unexpected(errors)).toEqual([]);
  await context.setOffline(false);
});

test('API answers never come from the worker and never enter its cache', async ({ browser }) => {
  const running = await serve();
  const { page, context } = await openApp(browser, running);
  const api: Response[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) api.push(response);
  });
  const fromWorker: string[] = [];
  context.on('request', (request) => {
    if (request.serviceWorker() && new URL(request.url()).pathname.startsWith('/api/')) fromWorker.push(request.url());
  });

  await page.reload();
  await expect(page.locator('.result-count')).toHaveText(/^\d+ referrals?$/);
  await page.locator('.customer-link').first().click();
  await expect(page.locator('.detail-subtitle')).toBeVisible();
  await page.goBack();
  await expect(page.locator('.result-count')).toBeVisible();

  const paths = api.map((response) => new URL(response.url()).pathname);
  expect(paths).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/sync/events']));
  expect(api.filter((response) => response.fromServiceWorker()).map((response) => response.url())).toEqual([]);
  expect(fromWorker, 'requests the worker made itself').toEqual([]);
  const cached = Object.values(await cachedFiles(page)).flat();
  expect(cached.filter((file) => file.startsWith('/api/'))).toEqual([]);
});

test('a new build waits for the user: the banner offers it, nothing changes until Reload, then the new build runs', async ({ browser }) => {
  // A second build (copied, re-hashed and re-compressed like Trunk's hook does) and a
  // server restart onto it take most of a loaded two-core machine's half minute.
  test.setTimeout(90_000);
  let running = await serve();
  const { page, context, errors } = await openApp(browser, running);
  const first = workerOf(dist).build;
  const firstCss = await stylesheet(page);
  const second = secondBuild();
  const next = workerOf(second.dir).build;
  expect(next).not.toBe(first);

  running = await restart(running, second.dir);
  // Browsers look for a new worker on page loads and every so often; this open page asks now.
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  const banner = page.locator(NEW_VERSION_BANNER);
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Reload' })).toBeVisible();

  // Nothing was swapped: the page, its worker and its files are still the first build's,
  // even though the server no longer has the first build's stylesheet.
  expect(await pageBuild(page)).toBe(first);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null)).toBe(true);
  expect(Object.keys(await cachedFiles(page)).sort()).toEqual([CACHE_PREFIX + first, CACHE_PREFIX + next].sort());
  expect(await page.evaluate(async (css) => (await fetch(css!)).status, firstCss)).toBe(200);
  expect((await page.request.get(firstCss!)).status(), 'the server has only the second build').toBe(404);

  // A tab of the new build opened meanwhile (its page from the network, the first build's
  // worker still in control) reads the new build's messages, not the first build's copy.
  const newTab = await context.newPage();
  await newTab.addInitScript(() => localStorage.setItem('referral-desk-locale', 'de'));
  const german = newTab.waitForResponse((response) => new URL(response.url()).pathname === '/locales/de/app.ftl');
  await newTab.goto('/inbox');
  await expect(newTab.locator('.top-bar .brand')).toBeVisible();
  expect(await pageBuild(newTab)).toBe(next);
  expect(new URL((await german).url()).searchParams.get('build')).toBe(next);
  expect(await (await german).text()).toContain(SECOND_BUILD_MARK);
  await newTab.evaluate(() => localStorage.removeItem('referral-desk-locale'));
  await newTab.close();
  // And the first build's page still reads its own.
  expect(await page.evaluate(async (build) => (await fetch(`/locales/de/app.ftl?build=${build}`)).text(), first)).not.toContain(SECOND_BUILD_MARK);

  // The banner fits a phone and its button is big enough to tap.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(banner).toBeInViewport({ ratio: 1 });
  const button = await banner.getByRole('button', { name: 'Reload' }).boundingBox();
  expect(button!.height).toBeGreaterThanOrEqual(44);

  // Another tab of the first build starting (offline: from the cache) leaves the waiting build's cache alone.
  await context.setOffline(true);
  const offlineTab = await context.newPage();
  await offlineTab.goto('/inbox');
  await expect(offlineTab.locator('.top-bar .brand')).toBeVisible();
  expect(await pageBuild(offlineTab)).toBe(first);
  await offlineTab.waitForTimeout(1_000); // the worker tidies its caches when a page starts
  await offlineTab.close();
  await context.setOffline(false);
  expect(Object.keys(await cachedFiles(page)).sort()).toEqual([CACHE_PREFIX + first, CACHE_PREFIX + next].sort());

  const appFiles = watchAppFiles(page);
  await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.locator('.top-bar .brand')).toBeVisible();
  expect(await pageBuild(page)).toBe(next);
  expect(await stylesheet(page)).toBe(second.css);
  expect(appFiles.get(second.css), 'the new stylesheet, from the new build\'s cache').toBe(true);
  expect(await page.evaluate(async (css) => (await fetch(css)).text(), second.css)).toContain(SECOND_BUILD_MARK);
  await expect(page.locator(NEW_VERSION_BANNER)).toHaveCount(0);
  // No page runs the first build any more: its cache goes.
  await expect.poll(async () => Object.keys(await cachedFiles(page))).toEqual([CACHE_PREFIX + next]);
  expect(unexpected(errors), 'offline for a moment: only failed requests').toEqual([]);
});

test('a tab still running the old build keeps its files until it closes', async ({ browser }) => {
  // A second build (copied, re-hashed and re-compressed like Trunk's hook does) and a
  // server restart onto it take most of a loaded two-core machine's half minute.
  test.setTimeout(90_000);
  let running = await serve();
  const { page, context, errors } = await openApp(browser, running);
  const oldTab = await context.newPage();
  const oldTabErrors = watchErrors(oldTab);
  // The old tab reads German (the device's choice, set before it starts): so does its offer.
  await oldTab.addInitScript(() => localStorage.setItem('referral-desk-locale', 'de'));
  await oldTab.goto('/accepted');
  await expect(oldTab.locator('.top-bar .brand')).toBeVisible();
  const first = workerOf(dist).build;
  const oldCss = await stylesheet(oldTab);
  const second = secondBuild();
  const next = workerOf(second.dir).build;

  running = await restart(running, second.dir);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
  expect(await pageBuild(page)).toBe(next);

  // The other tab was not reloaded under the user; it is told, and can still load its own files.
  expect(await pageBuild(oldTab)).toBe(first);
  const offer = oldTab.locator('.update-banner[aria-live="polite"]');
  await expect(offer).toContainText(message('de', 'update-available'));
  expect(await oldTab.evaluate(async (css) => (await fetch(css!)).status, oldCss)).toBe(200);
  expect(Object.keys(await cachedFiles(page)).sort()).toEqual([CACHE_PREFIX + first, CACHE_PREFIX + next].sort());

  // Its Reload takes it to the new build (already active: a plain reload).
  await Promise.all([oldTab.waitForEvent('load'), offer.getByRole('button', { name: message('de', 'update-reload') }).click()]);
  expect(await pageBuild(oldTab)).toBe(next);
  await expect.poll(async () => Object.keys(await cachedFiles(page))).toEqual([CACHE_PREFIX + next]);
  expect(unexpected([...errors, ...oldTabErrors]), 'the server restarted: only failed requests').toEqual([]);
});

test('Chromium finds the app installable: manifest, icons, and a worker that controls the page', async ({ playwright }) => {
  const running = await serve();
  // A persistent profile: Chromium never offers to install from an incognito-like context.
  const profile = mkdtempSync(path.join(tmpdir(), 'referral-desk-profile-'));
  builds.push(profile);
  const context = await playwright.chromium.launchPersistentContext(profile, { ...test.info().project.use.launchOptions, baseURL: running.url });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = watchErrors(page);
    await signIn(page);
    await page.goto('/inbox');
    await expect(page.locator('.top-bar .brand')).toBeVisible();
    await waitForControl(page);

    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const response = await page.request.get(href!);
    expect(response.headers()['content-type']).toBe('application/manifest+json');
    const manifest = await response.json();
    expect(manifest).toMatchObject({
      name: 'Referral Desk',
      short_name: expect.any(String),
      start_url: '/inbox',
      scope: '/',
      display: 'standalone',
      theme_color: await page.locator('meta[name="theme-color"]').getAttribute('content'),
      background_color: await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--surface-alt').trim()),
    });
    type Icon = { src: string; sizes: string; type: string; purpose?: string };
    const icons: Icon[] = manifest.icons;
    const purposes = icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
    expect(purposes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of icons) {
      const size = await page.evaluate(async (src) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        return `${bitmap.width}x${bitmap.height}`;
      }, icon.src);
      expect(size, icon.src).toBe(icon.sizes);
      expect(icon.type).toBe('image/png');
    }
    const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    expect((await page.request.get(touchIcon!)).headers()['content-type']).toBe('image/png');

    // Chromium's own verdict, the one its install prompt (and Lighthouse) goes by.
    const cdp = await context.newCDPSession(page);
    const { errors: manifestErrors } = await cdp.send('Page.getAppManifest');
    expect(manifestErrors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('without a worker the app runs as before, online', async ({ browser }) => {
  // A server whose build has no sw.js (as when the worker is left out), and a browser without the API.
  const noWorker = mkdtempSync(path.join(tmpdir(), 'referral-desk-no-worker-'));
  builds.push(noWorker);
  cpSync(dist, noWorker, { recursive: true });
  for (const copy of ['sw.js', 'sw.js.br', 'sw.js.gz']) rmSync(path.join(noWorker, copy));
  const running = await serve({ staticDir: noWorker });

  for (const withoutApi of [false, true]) {
    const context = await browser.newContext({ baseURL: running.url });
    if (withoutApi) await context.addInitScript(() => delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' && /offline worker/.test(message.text())) warnings.push(message.text());
    });
    await signIn(page);
    await page.goto('/inbox');
    await expect(page.locator('.result-count')).toHaveText(/^\d+ referrals?$/);
    expect(await page.evaluate(() => 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null)).toBe(false);
    if (!withoutApi) await expect.poll(() => warnings.length, { message: 'a failed registration is a warning' }).toBe(1);
    // Chromium itself logs the failed registration; the app adds only its warning.
    const registrationFailed = 'A bad HTTP response code (404) was received when fetching the script.';
    expect(errors.filter((error) => error !== registrationFailed), withoutApi ? 'no service worker API' : 'no sw.js').toEqual([]);
    await context.close();
  }
});
