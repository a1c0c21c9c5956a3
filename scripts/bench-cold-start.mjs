#!/usr/bin/env node
// Benchmark (not a test): cold start to the first Inbox rows, from the device's
// IndexedDB cache and from the network, side by side, at several organisation
// sizes (issue 12, "Benchmark"). Run by scripts/bench.sh, which builds the
// release app and server first; alone:
//
//   node scripts/bench-cold-start.mjs --dist target/bench-dist \
//     --server target/release/referral-desk-server [--scales 3,28,140] [--runs 7]
//
// For each size: one release server on a free port with a fresh SQLite file,
// seeded with the demo at `--demo-scale N` (358 referrals per organisation each).
// "From the cache": one browser context signs in and loads the Inbox once, which
// fills IndexedDB; each run then opens a new page in that context (same cookies,
// IndexedDB and service worker). "From the network": each run is a fresh context
// (empty IndexedDB and HTTP cache, no service worker yet), signed in. Each run
// measures, inside the page, the time from navigation start to the first frame
// after the first `.customer-link` row is in the document and laid out.
// Progress goes to stderr, the table to stdout.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, EMAIL, PASSWORD, feedSize, number, root, sessionCookie, startServer, table } from './bench-lib.mjs';

const { values: options } = parseArgs({
  options: {
    dist: { type: 'string', default: path.join(root, 'target/bench-dist') },
    server: { type: 'string', default: path.join(root, 'target/release/referral-desk-server') },
    // 358 referrals per organisation each: about 1,000 / 10,000 / 50,000.
    scales: { type: 'string', default: '3,28,140' },
    runs: { type: 'string', default: '7' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
const scales = options.scales.split(',').map(Number);
const runs = Number(options.runs);
if (scales.some((scale) => !(scale >= 1 && scale <= 300)) || !(runs >= 1)) {
  console.error('usage: bench-cold-start.mjs [--scales 3,28,140 (1 to 300 each)] [--runs 7] [--dist DIR] [--server BIN]');
  process.exit(2);
}

/** Referrals a size is judged at, and its target (issue 12). */
const TARGET = { referrals: 10_000, ms: 500 };
const ROW_TIMEOUT_MS = 120_000;

const benchStarted = Date.now();
const progress = (message) => console.error(`[${((Date.now() - benchStarted) / 1000).toFixed(0).padStart(4)} s] ${message}`);

/**
 * Installed in every page before its own scripts: notes when the first Inbox row is
 * in the document and laid out, and when the frame after it ran (what the user sees).
 */
function watchForFirstRow() {
  const bench = { controlled: Boolean(navigator.serviceWorker?.controller), inDocument: null, frame: null };
  window.__coldStart = bench;
  const check = () => {
    const row = document.querySelector('.customer-link');
    if (!row) return false;
    const box = row.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    bench.inDocument = performance.now();
    // The frame that paints the row follows this callback.
    requestAnimationFrame(() => {
      bench.frame = performance.now();
    });
    return true;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Reads one run's figures from the page once the row's frame has run. */
async function runFigures(page) {
  await page.waitForFunction(() => window.__coldStart?.frame != null, null, { timeout: ROW_TIMEOUT_MS, polling: 50 });
  return page.evaluate(() => {
    const bench = window.__coldStart;
    const navigation = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const first = (test) => resources.find((entry) => test(new URL(entry.name).pathname));
    const wasm = first((p) => p.endsWith('.wasm'));
    const me = first((p) => p === '/api/v1/me');
    const syncs = resources.filter((entry) => new URL(entry.name).pathname === '/api/v1/sync');
    const ms = (value) => (value == null ? null : Math.round(value));
    return {
      firstRow: ms(bench.frame),
      inDocument: ms(bench.inDocument),
      controlled: bench.controlled,
      // A navigation answered by the worker starts it (workerStart > 0).
      shellFromWorker: navigation.workerStart > 0,
      shell: ms(navigation.responseEnd),
      wasm: ms(wasm?.responseEnd),
      meAsked: ms(me?.startTime),
      me: ms(me?.responseEnd),
      syncPages: syncs.filter((entry) => entry.responseEnd <= bench.frame).length,
      // Any performance marks the app set before the row showed (none today; a profiling build may add some).
      marks: Object.fromEntries(performance.getEntriesByType('mark').filter((mark) => mark.startTime <= bench.frame).map((mark) => [mark.name, ms(mark.startTime)])),
    };
  });
}

/** The number of referrals in the app's IndexedDB cache (0 when it has none yet). */
function cachedReferrals(page) {
  return page.evaluate(async () => {
    const known = await indexedDB.databases();
    // Opening a database that does not exist would create it without the app's stores.
    if (!known.some((database) => database.name === 'referral-desk')) return 0;
    return new Promise((resolve, reject) => {
      const opening = indexedDB.open('referral-desk');
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const database = opening.result;
        if (!database.objectStoreNames.contains('referrals')) {
          database.close();
          resolve(0);
          return;
        }
        const counting = database.transaction('referrals', 'readonly').objectStore('referrals').count();
        counting.onsuccess = () => {
          database.close();
          resolve(counting.result);
        };
        counting.onerror = () => {
          database.close();
          reject(counting.error);
        };
      };
    });
  });
}

async function signIn(api) {
  const response = await api.post('/api/v1/session', { data: { email: EMAIL, password: PASSWORD } });
  if (response.status() !== 200) throw new Error(`signing in as ${EMAIL}: ${response.status()} ${await response.text()}`);
}

/** A signed-in context whose pages report their first row. */
async function signedInContext(browser, url) {
  const context = await browser.newContext({ baseURL: url });
  await context.addInitScript(watchForFirstRow);
  await signIn(context.request);
  return context;
}

/** One cold start of the Inbox in a new page of `context`; the page is closed after. */
async function coldStart(context) {
  const page = await context.newPage();
  try {
    await page.goto('/inbox', { waitUntil: 'commit' });
    return await runFigures(page);
  } finally {
    await page.close();
  }
}

/** Loads the Inbox once in `context` and waits until IndexedDB holds `expected` referrals and the worker is active. */
async function fillCache(context, expected) {
  const page = await context.newPage();
  try {
    await page.goto('/inbox');
    await runFigures(page);
    const deadline = Date.now() + ROW_TIMEOUT_MS;
    let held = 0;
    while ((held = await cachedReferrals(page)) < expected) {
      if (Date.now() > deadline) throw new Error(`the cache holds ${held} of ${expected} referrals after ${ROW_TIMEOUT_MS / 1000} s`);
      await page.waitForTimeout(250);
    }
    // The worker registers after the page's load and precaches the build; runs should start under it.
    const workerActive = await page.evaluate(
      () => Promise.race([navigator.serviceWorker.ready.then((registration) => Boolean(registration.active)), new Promise((resolve) => setTimeout(() => resolve(false), 30_000))]),
    );
    return { held, workerActive };
  } finally {
    await page.close();
  }
}

/** Median and 95th percentile (nearest rank: with 7 runs, the slowest) of `values`. */
function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median: Math.round(median), p95: rank(0.95) };
}

const medianOf = (runs, key) => {
  const values = runs.map((run) => run[key]).filter((value) => value != null);
  return values.length ? summary(values).median : null;
};

async function benchSize(browser, scale) {
  progress(`scale ${scale}: seeding a fresh SQLite database`);
  const server = await startServer({ server: options.server, dist: options.dist, scale });
  try {
    const referrals = await feedSize(server.url, await sessionCookie(server.url));
    progress(`scale ${scale}: ${referrals.toLocaleString('en')} referrals, seeded and listening in ${(server.seedingMs / 1000).toFixed(1)} s`);
    const cacheContext = await signedInContext(browser, server.url);
    try {
      const filled = Date.now();
      const { held, workerActive } = await fillCache(cacheContext, referrals);
      progress(`scale ${scale}: cache filled (${held.toLocaleString('en')} in IndexedDB, worker ${workerActive ? 'active' : 'NOT active'}) in ${((Date.now() - filled) / 1000).toFixed(1)} s`);
      const fromCache = [];
      const fromNetwork = [];
      // Alternating the two kinds spreads the machine's slow moments over both.
      for (let run = 1; run <= runs; run++) {
        fromCache.push(await coldStart(cacheContext));
        const fresh = await signedInContext(browser, server.url);
        try {
          fromNetwork.push(await coldStart(fresh));
        } finally {
          await fresh.close();
        }
        const [c, n] = [fromCache.at(-1), fromNetwork.at(-1)];
        progress(`scale ${scale}: run ${run}/${runs}: from the cache ${c.firstRow} ms${c.shellFromWorker ? ' (shell from the worker)' : ''}, from the network ${n.firstRow} ms (${n.syncPages} sync pages)`);
      }
      const stillHeld = await (async () => {
        const page = await cacheContext.newPage();
        try {
          await page.goto('/sign-in', { waitUntil: 'commit' });
          return await cachedReferrals(page);
        } finally {
          await page.close();
        }
      })();
      if (stillHeld !== referrals) progress(`scale ${scale}: WARNING: the cache held ${stillHeld} of ${referrals} referrals after the runs`);
      return { scale, referrals, seedingMs: server.seedingMs, fromCache, fromNetwork };
    } finally {
      await cacheContext.close();
    }
  } finally {
    await server.stop();
  }
}

function cpuModel() {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    // Not Linux: what Node reports.
  }
  return os.cpus()[0]?.model ?? 'unknown CPU';
}

const ms = (value) => (value == null ? '–' : `${number(value)} ms`);

const load = (averages) => averages.map((value) => value.toFixed(1)).join(' / ');

async function main() {
  const loadAtStart = os.loadavg();
  const browser = await chromium.launch({ executablePath: options.chromium, args: CHROMIUM_ARGS });
  const chromiumVersion = browser.version();
  const results = [];
  try {
    progress(`Chromium ${chromiumVersion}, ${runs} runs per size, demo scales ${scales.join(', ')}`);
    for (const scale of scales) results.push(await benchSize(browser, scale));
  } finally {
    await browser.close();
  }

  const out = [];
  out.push(`Cold start to the first Inbox rows (scripts/bench-cold-start.mjs)`);
  out.push(`date:     ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  out.push(`machine:  ${cpuModel()}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Chromium ${chromiumVersion} (headless)`);
  out.push(`load:     ${load(loadAtStart)} at the start, ${load(os.loadavg())} at the end (1/5/15-minute load averages; above ${os.cpus().length} other work competed for the cores)`);
  out.push(`runs:     ${runs} per size and kind; median / p95 (nearest rank${runs < 20 ? ': the slowest run' : ''}), ms from navigation start to the frame after the first row is in the document`);
  out.push('');
  const rows = [['referrals cached', 'demo scale', 'from the cache: median / p95', 'from the network: median / p95', 'target (from the cache)']];
  for (const result of results) {
    const cache = summary(result.fromCache.map((run) => run.firstRow));
    const network = summary(result.fromNetwork.map((run) => run.firstRow));
    const judged = Math.abs(result.referrals - TARGET.referrals) <= TARGET.referrals * 0.1;
    const target = judged ? `≤ ${TARGET.ms} ms: ${cache.median <= TARGET.ms ? 'met' : 'MISSED'} (median)` : '';
    rows.push([number(result.referrals), result.scale, `${ms(cache.median)} / ${ms(cache.p95)}`, `${ms(network.median)} / ${ms(network.p95)}`, target]);
  }
  out.push(table(rows));
  out.push('');
  out.push('Where the time goes (medians, ms since navigation start):');
  const parts = [['referrals', 'kind', 'shell loaded', 'wasm loaded', '/me asked', '/me answered', 'first row in DOM', 'first row frame', 'shell from the worker', 'seeding']];
  for (const result of results) {
    for (const [kind, list] of [['cache', result.fromCache], ['network', result.fromNetwork]]) {
      const fromWorker = list.filter((run) => run.shellFromWorker).length;
      parts.push([
        number(result.referrals),
        kind,
        ms(medianOf(list, 'shell')),
        ms(medianOf(list, 'wasm')),
        ms(medianOf(list, 'meAsked')),
        ms(medianOf(list, 'me')),
        ms(medianOf(list, 'inDocument')),
        ms(medianOf(list, 'firstRow')),
        `${fromWorker} of ${list.length}`,
        kind === 'cache' ? `${(result.seedingMs / 1000).toFixed(1)} s` : '',
      ]);
    }
  }
  out.push(table(parts));
  out.push('');
  const marked = results.flatMap((result) => [['cache', result.fromCache], ['network', result.fromNetwork]].map(([kind, list]) => ({ result, kind, list })));
  const names = [...new Set(marked.flatMap(({ list }) => list.flatMap((run) => Object.keys(run.marks))))];
  if (names.length) {
    out.push("The app's performance marks (medians, ms since navigation start):");
    const markRows = [['referrals', 'kind', ...names]];
    for (const { result, kind, list } of marked) {
      markRows.push([number(result.referrals), kind, ...names.map((name) => ms(medianOf(list.map((run) => ({ value: run.marks[name] })), 'value')))]);
    }
    out.push(table(markRows));
    out.push('');
  }
  out.push(`total: ${((Date.now() - benchStarted) / 1000).toFixed(0)} s`);
  console.log(out.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
