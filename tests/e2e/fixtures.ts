import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const root = path.resolve(__dirname, '../..');

type Server = { url: string };

/**
 * Each worker gets the real server binary on a free port, with a fresh SQLite
 * file seeded with the demo organisation, serving the built SPA from dist/.
 */
export const test = base.extend<{ consoleErrors: string[] }, { server: Server }>({
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
  server: [
    async ({}, use) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'referral-desk-e2e-'));
      const bin = process.env.RD_SERVER_BIN ?? path.join(root, 'target/debug/referral-desk-server');
      const child = spawn(
        bin,
        ['--bind', '127.0.0.1:0', '--database-url', `sqlite://${dir}/desk.db`, '--static-dir', path.join(root, 'dist'), '--seed-demo'],
        { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, RUST_LOG: 'warn' } },
      );
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the server did not start within 30 s')), 30_000);
        readline.createInterface({ input: child.stdout! }).on('line', (line) => {
          const started = line.match(/running at (http:\/\/\S+)/);
          if (started) {
            clearTimeout(timer);
            resolve(started[1]);
          }
        });
        exited.then((code) => reject(new Error(`the server exited with code ${code} before it was ready`)));
      });
      await use({ url });
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
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
  status: 'New' | 'Active' | 'Closed';
  substatus: string;
  createdDateTime: string;
  customerProfile: { name: string; address: { country: string } };
};

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
 * Chromium logs every 4xx answer as a console error; a 401 from asking who is
 * signed in (or from a wrong password) is the app working as designed, not a fault.
 */
function isExpectedSignedOutAnswer(message: ConsoleMessage): boolean {
  return /status of 401/.test(message.text()) && /\/api\/v1\/(me|session)$/.test(message.location().url);
}
