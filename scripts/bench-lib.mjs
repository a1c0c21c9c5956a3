// Helpers the browser benchmarks share (scripts/bench-lighthouse.mjs,
// scripts/bench-app-vs-baseline.mjs): a seeded release server on a free port,
// signing in through the API, the statistics and the markdown tables.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// As in playwright.config.ts: without the background-networking flags Chromium keeps dialling out on a closed network.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const EMAIL = 'referrals@demo.test';
export const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo-password';
/** Referrals per organisation the demo seeds at `--demo-scale 1`. */
export const DEMO_REFERRALS_PER_SCALE = 358;

const started = Date.now();
/** A progress line on stderr, with the seconds since the bench started. */
export const progress = (message) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

/**
 * A release server with a fresh SQLite file seeded with the demo at `scale`, serving
 * `dist`; resolves once it listens, with its URL and `stop()` (which removes the file).
 */
export async function startServer({ server, dist, scale }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'referral-desk-bench-'));
  const args = ['--bind', '127.0.0.1:0', '--database-url', `sqlite://${dir}/desk.db`, '--static-dir', dist, '--seed-demo', '--demo-scale', String(scale), '--job-interval', '0'];
  const at = Date.now();
  const child = spawn(server, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: 'warn' } });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // A graceful shutdown waits for open connections (an event stream may hold one).
      const stubborn = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(stubborn);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not start within 5 minutes')), 300_000);
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        const running = line.match(/running at (http:\/\/\S+)/);
        if (running) {
          clearTimeout(timer);
          resolve(running[1]);
        }
      });
      exited.then((code) => reject(new Error(`the server exited with code ${code}:\n${stderr}`)));
    });
    return { url, stop, seedingMs: Date.now() - at };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Signs in through the API (as tests/e2e/fixtures.ts does): the session's `Cookie` header value. */
export async function sessionCookie(url, email = EMAIL) {
  const response = await fetch(new URL('/api/v1/session', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`signing in as ${email}: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((line) => line.split(';')[0]);
  if (!cookies.length) throw new Error('signing in set no cookie');
  return cookies.join('; ');
}

/** How many referrals the signed-in user's sync feed holds (`cookie` from `sessionCookie`). */
export async function feedSize(url, cookie) {
  let count = 0;
  let since = null;
  for (;;) {
    const response = await fetch(new URL(`/api/v1/sync?limit=1000${since ? `&since=${encodeURIComponent(since)}` : ''}`, url), { headers: { Cookie: cookie, Accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET /api/v1/sync: ${response.status}`);
    const page = await response.json();
    count += page.referrals.length;
    since = page.cursor;
    if (!page.more) return count;
  }
}

/** The value at quantile `q` (nearest rank) of `values`. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A markdown table of `rows` (the first is the header), padded to line up in a terminal. */
export function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const line = (row) => '| ' + row.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ') + ' |';
  return [line(rows[0]), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.slice(1).map(line)].join('\n');
}

export const number = (value) => value.toLocaleString('en');
/** The 1/5/15-minute load averages, for saying whether other work competed for the cores. */
export const loadAverages = () => os.loadavg().map((value) => value.toFixed(1)).join(' / ');
