import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Browser, type ConsoleMessage, type Locator, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const root = path.resolve(__dirname, '../..');

type Server = { url: string };

/** A server binary running on its own database; `stop` leaves the database for `startServer` to reuse. */
export type Running = Server & { stop: (options?: { keepDatabase?: boolean }) => Promise<void>; dir: string };

/** What a spec may choose about a server of its own (see `startServer`). */
export type ServerOptions = {
  /** How many times the demo's referrals (358 per organisation). */
  demoScale?: number;
  /** The server's dollar rates (`--usd-rates`). */
  usdRates?: string;
  /** The built app to serve; dist/ unless given (e.g. a second build). */
  staticDir?: string;
  /** The folder holding the SQLite database: a restart passes the stopped server's `dir`. */
  dir?: string;
  /** `host:port`; a free port unless given (a restart passes the stopped server's). */
  bind?: string;
  /** Run the server's jobs at start and then this often (seconds); never unless given. */
  jobIntervalSecs?: number;
};

/**
 * Starts the real server binary on a free port (or `bind`), with a SQLite file in
 * `dir` (a fresh one seeded with the demo organisation unless given), serving the
 * built SPA from dist/ (or `staticDir`). `stop()` keeps a given `dir`; a fresh one is removed
 * unless `keepDatabase` (a restart follows).
 */
export async function startServer(options: ServerOptions = {}): Promise<Running> {
  const fresh = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'referral-desk-e2e-'));
  const bin = process.env.RD_SERVER_BIN ?? path.join(root, 'target/debug/referral-desk-server');
  const args = ['--bind', options.bind ?? '127.0.0.1:0', '--database-url', `sqlite://${dir}/desk.db`, '--static-dir', options.staticDir ?? process.env.RD_E2E_DIST ?? path.join(root, 'dist'), '--job-interval', String(options.jobIntervalSecs ?? 0), '--mail-dir', path.join(dir, 'mail'), '--usd-rates', options.usdRates ?? ''];
  if (fresh) args.push('--seed-demo', '--demo-scale', String(options.demoScale ?? 1));
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, RUST_LOG: 'warn' } });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const stop = async ({ keepDatabase = false } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // A graceful shutdown waits for open connections; a browser may keep one open.
      const stubborn = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(stubborn);
    }
    await exited;
    if (fresh && !keepDatabase) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), 60_000);
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        const started = line.match(/running at (http:\/\/\S+)/);
        if (started) {
          clearTimeout(timer);
          resolve(started[1]);
        }
      });
      exited.then((code) => reject(new Error(`the server exited with code ${code} before it was ready`)));
    });
    return { url, stop, dir };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Each spec file gets its own server and database (see `server`). A worker runs
 * several files one after another, and which files share a worker depends on
 * timing; with one server per worker, what one file changed (a lead accepted or
 * declined, a heart left on) would meet the next file's tests, which pick leads by
 * their place in a list and count favorites.
 */
export const test = base.extend<{ consoleErrors: string[]; server: Server }, { fileServer: { file?: string; running?: Running }; demoScale: number; usdRates: string }>({
  // The server's dollar rates (`--usd-rates`); none unless a spec asks.
  usdRates: ['', { scope: 'worker', option: true }],
  // How many times the demo's referrals (358 per organisation); a spec can ask for a big organisation.
  demoScale: [1, { scope: 'worker', option: true }],
  // Fails any test whose page logged an error (a CSP violation, a panic, a failed
  // asset) unless the test expects one: `test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS })`.
  consoleErrors: [
    async ({ page }, use, testInfo) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !isExpectedSignedOutAnswer(message)) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      if (!testInfo.annotations.some((a) => a.type === EXPECTS_CONSOLE_ERRORS)) {
        expect(errors, 'errors in the browser console').toEqual([]);
      }
    },
    { auto: true },
  ],
  // The worker's server for the spec file it is running; stopped when the worker ends.
  fileServer: [
    async ({}, use) => {
      const current: { file?: string; running?: Running } = {};
      await use(current);
      await current.running?.stop();
    },
    { scope: 'worker' },
  ],
  // The tests of one file run in order in one worker and share its server; the
  // first test of the next file starts a fresh one.
  server: [
    async ({ fileServer, demoScale, usdRates }, use, testInfo) => {
      let running = fileServer.file === testInfo.file ? fileServer.running : undefined;
      if (!running) {
        const previous = fileServer.running;
        fileServer.running = undefined;
        await previous?.stop();
        running = await startServer({ demoScale, usdRates });
        fileServer.running = running;
        fileServer.file = testInfo.file;
      }
      await use({ url: running.url });
    },
    // A big demo organisation takes a while to seed.
    { timeout: 120_000 },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

export { expect };

/** Annotation type for tests that provoke a console error on purpose (e.g. a network failure). */
export const EXPECTS_CONSOLE_ERRORS = 'expects-console-errors';

/** The shape of a referral as the API returns it, as far as these tests read it. */
export type ApiReferral = {
  id: string;
  name: string;
  status: 'New' | 'Active' | 'Closed';
  substatus: string;
  statusReason: string | null;
  qualification: string;
  callToAction: string | null;
  leadType: string | null;
  createdDateTime: string;
  customerProfile: {
    name: string;
    address: { country: string };
    team: { firstName: string; lastName: string; email: string | null; phoneNumber: string | null }[];
  };
  details: { customerRequestedContact: boolean; closingDateTime?: string | null };
};

/**
 * The referrals the API lists for a filter query (the same query the app puts in
 * its URLs), every page followed.
 */
export async function listFromApi(request: APIRequestContext, query = ''): Promise<ApiReferral[]> {
  const all: ApiReferral[] = [];
  let next: string | null = `/api/v1/referrals?${query}${query ? '&' : ''}limit=1000`;
  while (next) {
    const response = await request.get(next);
    expect(response.status(), `GET ${next}`).toBe(200);
    all.push(...(await response.json()));
    next = response.headers()['link']?.match(/<([^>]+)>;\s*rel="next"/)?.[1] ?? null;
  }
  return all;
}

/** The customer names of the rows the list has rendered (the list is windowed). */
export async function shownCustomers(page: Page): Promise<string[]> {
  return page.locator('.customer-link').allInnerTexts();
}

/** The list's "N referrals" figure, once the list has loaded. */
export async function resultCount(page: Page): Promise<number> {
  const status = page.locator('.result-count');
  await expect(status).toHaveText(/^[\d,]+ referrals?$/);
  return Number.parseInt((await status.innerText()).replaceAll(',', ''), 10);
}

/** How many referrals the device's cache holds (0 when it has none). */
export async function cachedCount(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    const opened = indexedDB.open('referral-desk');
    opened.onsuccess = () => {
      const db = opened.result;
      if (!db.objectStoreNames.contains('referrals')) { db.close(); resolve(0); return; }
      const count = db.transaction('referrals').objectStore('referrals').count();
      count.onsuccess = () => { db.close(); resolve(count.result); };
    };
    opened.onerror = () => resolve(0);
  }));
}

/** The password of every demo user (seeded by `--seed-demo`). */
export const DEMO_PASSWORD = 'demo-password';

/**
 * Signs the page's browser context in as a demo user through the API (the UI
 * itself is tested in sign-in.spec.ts), so the next `page.goto` opens the app signed in.
 */
export async function signIn(page: Page, email = 'referrals@demo.test'): Promise<void> {
  const response = await page.request.post('/api/v1/session', { data: { email, password: DEMO_PASSWORD } });
  expect(response.status(), `signing in as ${email}`).toBe(200);
}

/**
 * A partner admin in a browser of their own, who gives `email` another role (as the
 * people screen does); `close` ends their browser.
 */
export async function roleSetterFor(browser: Browser, baseURL: string, email: string): Promise<{ setRole: (role: string) => Promise<void>; close: () => Promise<void> }> {
  const admin = await browser.newContext({ baseURL });
  await signIn(await admin.newPage(), 'admin@demo.test');
  const users: { id: string; email: string }[] = await (await admin.request.get('/api/v1/users')).json();
  const user = users.find((u) => u.email === email)!;
  return {
    setRole: async (role: string) => {
      const me = await (await admin.request.get('/api/v1/me')).json();
      const changed = await admin.request.patch(`/api/v1/users/${user.id}`, { headers: { 'X-CSRF-Token': me.csrfToken }, data: { role } });
      expect(changed.status(), await changed.text()).toBe(200);
    },
    close: () => admin.close(),
  };
}

/** Opens the account menu at the top right (who is signed in, language, settings, sign out) and returns it. */
export async function openAccountMenu(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: /^Your account: / }).click();
  const menu = page.getByRole('group', { name: 'Your account' });
  await expect(menu).toBeVisible();
  return menu;
}

/**
 * A colleague signed in as `email` in a browser context of their own, beside the
 * user's `page`, on the same server. Close it with `colleague.context().close()`.
 */
export async function colleague(browser: Browser, page: Page, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const other = await context.newPage();
  await signIn(other, email);
  return other;
}

/** Serious and critical WCAG 2.x A/AA violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Chromium logs every 4xx answer as a console error; a 401 from asking who is
 * signed in (or from a wrong password) is the app working as designed, not a fault.
 */
function isExpectedSignedOutAnswer(message: ConsoleMessage): boolean {
  return /status of 401/.test(message.text()) && /\/api\/v1\/(me|session)$/.test(message.location().url);
}

/** Every visible control that is too small to tap, or anything that makes the page scroll sideways. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) {
      problems.push(`the page is ${document.documentElement.scrollWidth}px wide`);
    }
    for (const control of document.querySelectorAll<HTMLElement>('button, a[href], input, select, [role="button"]')) {
      const box = control.getBoundingClientRect();
      const style = getComputedStyle(control);
      const hidden = box.width === 0 || box.height === 0 || style.visibility === 'hidden' || control.closest('[aria-hidden="true"]');
      const offscreen = box.right <= 0 || box.left >= window.innerWidth;
      if (hidden || offscreen || control.classList.contains('skip-link')) continue;
      // Half a control past the edge (in a strip that scrolls sideways) is easy to miss.
      if (box.left < 0 || box.right > window.innerWidth + 1) {
        problems.push(`${control.tagName.toLowerCase()} "${(control.innerText || control.getAttribute('aria-label') || '').trim()}" is cut off at the edge of the screen`);
        continue;
      }
      if (control instanceof HTMLInputElement && control.type === 'checkbox') {
        // A checkbox is tapped through its label, which is the target.
        const label = control.closest('label')!.getBoundingClientRect();
        if (label.height < 44) problems.push(`checkbox label "${control.closest('label')!.innerText}" is ${label.height}px high`);
        continue;
      }
      if (box.height < 44 || box.width < 44) {
        problems.push(`${control.tagName.toLowerCase()} "${(control.innerText || control.getAttribute('aria-label') || '').trim()}" is ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    // A strip that scrolls sideways (stages, tabs) hides what does not fit.
    for (const strip of document.querySelectorAll<HTMLElement>('nav, .category-tabs')) {
      if (['auto', 'scroll'].includes(getComputedStyle(strip).overflowX) && strip.scrollWidth > strip.clientWidth + 1) {
        problems.push(`"${strip.getAttribute('aria-label') ?? strip.className}" scrolls sideways: ${strip.scrollWidth}px in ${strip.clientWidth}px`);
      }
    }
    return problems;
  });
}

/** Inbox leads that await an answer (not informational offer leads). */
export async function answerable(page: Page): Promise<ApiReferral[]> {
  return (await listFromApi(page.request, 'stage=Inbox')).filter((r) => r.callToAction === 'ContactMe' || r.leadType !== 'Offer');
}

/** The anti-forgery header the API wants on changes, from the signed-in session. */
export async function csrf(page: Page): Promise<Record<string, string>> {
  const me = await (await page.request.get('/api/v1/me')).json();
  return { 'X-CSRF-Token': me.csrfToken };
}

type ApiContact = { firstName: string; lastName: string; email: string | null; phoneNumber: string | null };

/** The body of an Edit (`PATCH /api/v1/referrals/:id`) that leaves the referral as it is. */
export function editBody(referral: {
  name: string;
  details: { dealValue: string; currency: string; closingDateTime: string; notes?: string | null };
  team: ApiContact[];
  externalReferenceId?: string | null;
  campaignId?: string | null;
}) {
  return {
    name: referral.name,
    dealValue: referral.details.dealValue,
    currency: referral.details.currency,
    closingDate: referral.details.closingDateTime.slice(0, 10),
    team: referral.team.map((m) => ({ firstName: m.firstName, lastName: m.lastName, email: m.email, phoneNumber: m.phoneNumber ?? '' })),
    notes: referral.details.notes ?? '',
    externalReferenceId: referral.externalReferenceId ?? '',
    campaignId: referral.campaignId ?? '',
  };
}

/** Fills the Accept form with a valid deal (30 days out, the first team member) and sends it. */
export async function acceptWithADeal(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.getByLabel('Estimated deal value').fill('12000');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Estimated closing date').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole('group', { name: 'Team members' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Next: move to Accepted' }).click();
}
