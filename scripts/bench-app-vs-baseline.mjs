#!/usr/bin/env node
// Benchmark (not a test): the app's Inbox against a baseline page of plain HTML and
// vanilla JS (bench/baseline/) that renders the same rows from the same JSON, in the
// same run, on the same server and data, in headless Chromium (issue 13, item 4).
// Run by scripts/bench.sh, which builds the release app and server first; alone:
//
//   node scripts/bench-app-vs-baseline.mjs --dist target/bench-dist \
//     --server target/release/referral-desk-server [--runs 7]
//
// The server serves a copy of the build with the baseline beside it at
// /bench-baseline/index.html (same origin, same session, same Content-Security-Policy),
// the app's stylesheets linked into it so both lay out the same rows. Every page is a
// fresh browser context (no HTTP cache, IndexedDB or service worker), signed in
// through the API as referrals@demo.test, 1280×720, service workers blocked, its
// clock fixed at one time per server (see `openSide`).
//
// What is measured, each for the app and the baseline:
// - First rows: from navigation start to the end of the frame that paints the first
//   Inbox row, laid out, with every referral of the sync feed in the list model (both
//   pages show rows only once the whole feed is in). At about 1,000 referrals (demo
//   scale 3) `--runs` times each; at about 50,000 (scale 140) a few times.
// - Filter change to repaint, at about 50,000 referrals: a search typed into the
//   search box and submitted, from just before the submit to the end of the frame
//   after the DOM shows the new result count and first row (what each search gives
//   is taken from an untimed pass first, and must agree between the two pages).
// - Heart toggle to repaint: a click on the first row's heart to the end of the frame
//   after its aria-pressed changed.
// - Scrolling the whole Inbox list: one jump per frame (at least a screen, so each
//   frame shows new rows: the hard case for a windowed list) from top to bottom;
//   frame times from requestAnimationFrame, frames over 50 ms counted, the worst
//   frame, and the long tasks (PerformanceObserver) meanwhile.
// "The end of the frame": a requestAnimationFrame callback after the change is in the
// DOM posts a message to itself; the message runs once that frame's style, layout and
// paint are done. Between timed steps each page is left until it has had no long task
// for half a second. Progress goes to stderr, the tables to stdout.
import { chromium } from '@playwright/test';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { CHROMIUM, CHROMIUM_ARGS, EMAIL, PASSWORD, feedSize, loadAverages, median, number, progress, quantile, root, sessionCookie, startServer, table } from './bench-lib.mjs';

const { values: options } = parseArgs({
  options: {
    dist: { type: 'string', default: path.join(root, 'target/bench-dist') },
    server: { type: 'string', default: path.join(root, 'target/release/referral-desk-server') },
    runs: { type: 'string', default: '7' },
    // 358 referrals per organisation each: about 1,000 and about 50,000.
    'small-scale': { type: 'string', default: '3' },
    'large-scale': { type: 'string', default: '140' },
    'large-loads': { type: 'string', default: '3' },
    'filter-changes': { type: 'string', default: '20' },
    hearts: { type: 'string', default: '10' },
    'scroll-frames': { type: 'string', default: '300' },
  },
});
const runs = Number(options.runs);
const smallScale = Number(options['small-scale']);
const largeScale = Number(options['large-scale']);
const largeLoads = Math.max(1, Math.min(Number(options['large-loads']), runs));
const filterChanges = Number(options['filter-changes']);
const hearts = Number(options.hearts);
const scrollFrames = Number(options['scroll-frames']);
if (![runs, smallScale, largeScale, filterChanges, hearts, scrollFrames].every((n) => Number.isInteger(n) && n >= 1)) {
  console.error('usage: bench-app-vs-baseline.mjs [--runs 7] [--small-scale 3] [--large-scale 140] [--large-loads 3] [--filter-changes 20] [--hearts 10] [--scroll-frames 300] [--dist DIR] [--server BIN]');
  process.exit(2);
}

const VIEWPORT = { width: 1280, height: 720 };
const LOAD_TIMEOUT_MS = 180_000;
/** Searches the filter steps cycle through, each followed by clearing the search. */
const SEARCHES = ['gmbh', 'anna', 'muller', 'schmidt', 'ltd'];
const SIDES = [
  { name: 'app', path: '/inbox' },
  { name: 'baseline', path: '/bench-baseline/index.html' },
];

/** Installed in every page before its own scripts: the page-side half of every measure. */
function instrument() {
  const bench = { firstRow: null, longTasks: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing: the quiet waits fall back to their minimum.
  }
  /** Calls `done` with the time at the end of the next frame (after its style, layout and paint). */
  const afterFrame = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
  bench.afterFrame = afterFrame;
  const firstRowShown = () => {
    const row = document.querySelector('.customer-link');
    if (!row) return false;
    const box = row.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const watcher = new MutationObserver(() => {
    if (bench.firstRow === null && firstRowShown()) {
      bench.firstRow = 'pending';
      watcher.disconnect();
      afterFrame((at) => {
        bench.firstRow = at;
      });
    }
  });
  watcher.observe(document, { childList: true, subtree: true });

  /** Runs `act`, then resolves with the ms from just before it to the end of the frame after `done()` holds. */
  bench.measure = (act, done, timeoutMs = 30_000) =>
    new Promise((resolve, reject) => {
      let finished = false;
      const check = () => {
        if (finished || !done()) return;
        finished = true;
        observer.disconnect();
        clearTimeout(timer);
        afterFrame((at) => resolve(at - started));
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error('the page did not show the change within 30 s'));
      }, timeoutMs);
      const started = performance.now();
      act();
      check();
    });

  /** What the list shows: its result count and first row's customer. */
  bench.listState = () => ({
    count: document.querySelector('.result-count')?.textContent?.trim() ?? '',
    first: document.querySelector('tr.referral-row .customer-link')?.textContent?.trim() ?? '',
  });

  /** Submits `search` in the search box, as a user's Enter does. */
  bench.submitSearch = (search) => {
    const input = document.getElementById('list-search');
    input.value = search;
    input.form.requestSubmit();
  };

  /** Resolves once no long task has ended for `quietMs` (at least `quietMs` from now, at most `maxMs`). */
  bench.quiet = (quietMs, maxMs) =>
    new Promise((resolve) => {
      const started = performance.now();
      const poll = () => {
        const now = performance.now();
        const lastEnd = Math.max(started, ...bench.longTasks.map((task) => task.end));
        if (now - lastEnd >= quietMs || now - started >= maxMs) resolve(now - started);
        else setTimeout(poll, 50);
      };
      setTimeout(poll, 50);
    });

  /** Scrolls from top to bottom, one jump a frame; resolves with the frame times. */
  bench.scrollThrough = (frames) =>
    new Promise((resolve) => {
      const total = document.documentElement.scrollHeight - window.innerHeight;
      const step = Math.max(window.innerHeight, total / frames);
      const stamps = [];
      let y = window.scrollY;
      let settle = 3;
      const tick = (at) => {
        stamps.push(at);
        if (y < total) {
          y = Math.min(total, y + step);
          window.scrollTo(0, y);
          requestAnimationFrame(tick);
        } else if (settle-- > 0) {
          // A few more frames: the rows for the last jump render in the frame after it.
          requestAnimationFrame(tick);
        } else {
          const rows = document.querySelectorAll('tr.referral-row');
          const last = rows[rows.length - 1];
          resolve({ stamps, distance: total, step, lastRowIndex: Number(last?.getAttribute('aria-rowindex') ?? 0), rowCount: Number(document.querySelector('table')?.getAttribute('aria-rowcount') ?? 0) - 1 });
        }
      };
      requestAnimationFrame(tick);
    });
}

/**
 * Installed in every page before its own scripts: `Date.now()` and `new Date()` answer
 * `fixed`, always. Only Date: performance.now, timers and frames run as ever, so every
 * measure stays true (Playwright's page.clock fakes those too, and frames with them).
 */
function freezeDate(fixed) {
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(fixed);
      else super(...args);
    }
    static now() {
      return fixed;
    }
  }
  globalThis.Date = FixedDate;
}

/** A copy of the build with the baseline at /bench-baseline/, the app's stylesheets linked into it. */
function staticDirWithBaseline() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'referral-desk-bench-static-'));
  cpSync(options.dist, dir, { recursive: true });
  const appShell = readFileSync(path.join(options.dist, 'index.html'), 'utf8');
  const stylesheets = appShell.match(/<link\b[^>]*\brel="stylesheet"[^>]*>/g) ?? [];
  if (!stylesheets.length) throw new Error(`no stylesheet in ${options.dist}/index.html`);
  const baseline = path.join(dir, 'bench-baseline');
  mkdirSync(baseline, { recursive: true });
  const html = readFileSync(path.join(root, 'bench/baseline/index.html'), 'utf8');
  writeFileSync(path.join(baseline, 'index.html'), html.replace('<!-- app-stylesheets -->', stylesheets.join('\n    ')));
  cpSync(path.join(root, 'bench/baseline/inbox.js'), path.join(baseline, 'inbox.js'));
  return dir;
}

/**
 * A fresh signed-in context with its page instrumented, and that page opened at `side`.
 * The page's Date stands still at `now` (see `freezeDate`): which
 * Inbox leads have expired is worked out on the device's clock, by the app and the
 * baseline alike, and the demo seeds leads minutes from expiry; with one `now` for a
 * whole server both pages list the same rows all along.
 */
async function openSide(browser, url, side, now) {
  const context = await browser.newContext({ baseURL: url, viewport: VIEWPORT, serviceWorkers: 'block' });
  await context.addInitScript(instrument);
  const response = await context.request.post('/api/v1/session', { data: { email: EMAIL, password: PASSWORD } });
  if (response.status() !== 200) throw new Error(`signing in: ${response.status()}`);
  await context.addInitScript(freezeDate, now.getTime());
  const page = await context.newPage();
  page.on('pageerror', (error) => progress(`${side.name}: page error: ${error.message}`));
  await page.goto(side.path, { waitUntil: 'commit' });
  await page.waitForFunction(() => typeof window.__bench?.firstRow === 'number', null, { timeout: LOAD_TIMEOUT_MS, polling: 50 });
  const load = await page.evaluate(() => {
    const syncs = performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname === '/api/v1/sync');
    return {
      firstRow: Math.round(window.__bench.firstRow),
      syncPages: syncs.filter((entry) => entry.responseEnd <= window.__bench.firstRow).length,
    };
  });
  return { context, page, load };
}

/** Waits until the page has had no long task for `ms` (at most `maxMs`). */
const quiet = (page, ms = 500, maxMs = 60_000) => page.evaluate(([q, m]) => window.__bench.quiet(q, m), [ms, maxMs]);

/** The list's state once it has stopped changing for a second. */
async function settledList(page) {
  let last = null;
  let since = Date.now();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await page.evaluate(() => window.__bench.listState());
    const key = JSON.stringify(state);
    if (key !== last) {
      last = key;
      since = Date.now();
    } else if (Date.now() - since >= 1_000 && /^\d+ referrals?$/.test(state.count)) {
      return state;
    }
    if (Date.now() > deadline) throw new Error(`the list did not settle: ${key}`);
    await page.waitForTimeout(100);
  }
}

/** The filter steps: each search, then cleared, over and over; `count` steps in all. */
function filterSteps(count) {
  const steps = [];
  for (let at = 0; steps.length < count; at++) {
    steps.push(SEARCHES[at % SEARCHES.length]);
    if (steps.length < count) steps.push('');
  }
  return steps;
}

/** The interactions on one side at the large scale: filter changes, hearts, scrolling. */
async function interact(page, sideName) {
  await quiet(page, 1_000);
  // An untimed pass: what each search shows, once everything has settled.
  const expected = new Map();
  expected.set('', await settledList(page));
  for (const search of SEARCHES) {
    await page.evaluate((s) => window.__bench.submitSearch(s), search);
    expected.set(search, await settledList(page));
  }
  await page.evaluate(() => window.__bench.submitSearch(''));
  await settledList(page);
  await quiet(page);

  const filters = [];
  let missed = 0;
  for (const search of filterSteps(filterChanges)) {
    const want = expected.get(search);
    try {
      const ms = await page.evaluate(
        ([s, w]) => window.__bench.measure(() => window.__bench.submitSearch(s), () => {
          const now = window.__bench.listState();
          return now.count === w.count && now.first === w.first;
        }),
        [search, want],
      );
      filters.push(ms);
    } catch (error) {
      // Counted and reported, not fatal: one odd step should not lose the whole section.
      missed++;
      progress(`${sideName}: the search "${search}" did not show ${JSON.stringify(want)} within 30 s: ${JSON.stringify(await page.evaluate(() => window.__bench.listState()))}`);
      await settledList(page);
    }
    await quiet(page);
  }
  progress(`${sideName}: filter change to repaint: median ${Math.round(median(filters))} ms over ${filters.length} changes`);

  // Hearts on the first row of the whole list, at the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await quiet(page);
  const heartTimes = [];
  for (let at = 0; at < hearts; at++) {
    const ms = await page.evaluate(() => {
      const pressed = () => document.querySelector('tr.referral-row button.heart')?.getAttribute('aria-pressed');
      const wanted = pressed() === 'true' ? 'false' : 'true';
      return window.__bench.measure(() => document.querySelector('tr.referral-row button.heart').click(), () => pressed() === wanted);
    });
    heartTimes.push(ms);
    // The server's answer, and the app's pull of the change it announces, come and go here.
    await page.waitForTimeout(300);
    await quiet(page);
  }
  progress(`${sideName}: heart toggle to repaint: median ${Math.round(median(heartTimes))} ms over ${heartTimes.length} clicks`);

  await page.evaluate(() => window.scrollTo(0, 0));
  await quiet(page);
  const scrolled = await page.evaluate((frames) => {
    const before = window.__bench.longTasks.length;
    const started = performance.now();
    return window.__bench.scrollThrough(frames).then((result) => ({
      ...result,
      longTasks: window.__bench.longTasks.slice(before).filter((task) => task.start >= started).length,
    }));
  }, scrollFrames);
  const frames = scrolled.stamps.slice(1).map((at, i) => at - scrolled.stamps[i]);
  const scroll = {
    frames: frames.length,
    longFrames: frames.filter((ms) => ms > 50).length,
    worst: Math.max(...frames),
    medianFrame: median(frames),
    p95Frame: quantile(frames, 0.95),
    longTasks: scrolled.longTasks,
    rows: scrolled.rowCount,
    reachedEnd: scrolled.lastRowIndex === scrolled.rowCount + 1,
    step: scrolled.step,
  };
  progress(`${sideName}: scrolled ${number(scroll.rows)} rows in ${scroll.frames} frames: ${scroll.longFrames} over 50 ms, worst ${Math.round(scroll.worst)} ms${scroll.reachedEnd ? '' : ' (did NOT reach the last row)'}`);
  return { filters, missed, hearts: heartTimes, scroll, expected };
}

const ms = (value) => (value == null ? '–' : `${number(Math.round(value))} ms`);
const ratio = (ours, baseline) => (ours == null || baseline == null ? '–' : baseline === 0 ? (ours === 0 ? '1.0×' : '∞') : `${(ours / baseline).toFixed(1)}×`);

async function benchSmall(browser, staticDir) {
  progress(`scale ${smallScale}: seeding a fresh SQLite database`);
  const server = await startServer({ server: options.server, dist: staticDir, scale: smallScale });
  try {
    const referrals = await feedSize(server.url, await sessionCookie(server.url));
    progress(`scale ${smallScale}: ${number(referrals)} referrals in the feed, seeded in ${(server.seedingMs / 1000).toFixed(1)} s`);
    const now = new Date();
    const loads = { app: [], baseline: [] };
    for (let run = 1; run <= runs; run++) {
      for (const side of SIDES) {
        const { context, load } = await openSide(browser, server.url, side, now);
        await context.close();
        loads[side.name].push(load);
      }
      progress(`scale ${smallScale}: run ${run}/${runs}: first rows: app ${loads.app.at(-1).firstRow} ms (${loads.app.at(-1).syncPages} sync pages), baseline ${loads.baseline.at(-1).firstRow} ms (${loads.baseline.at(-1).syncPages})`);
    }
    return { referrals, loads };
  } finally {
    await server.stop();
  }
}

async function benchLarge(browser, staticDir) {
  progress(`scale ${largeScale}: seeding a fresh SQLite database`);
  const server = await startServer({ server: options.server, dist: staticDir, scale: largeScale });
  try {
    const referrals = await feedSize(server.url, await sessionCookie(server.url));
    progress(`scale ${largeScale}: ${number(referrals)} referrals in the feed, seeded in ${(server.seedingMs / 1000).toFixed(1)} s`);
    const now = new Date();
    const loads = { app: [], baseline: [] };
    const interactions = {};
    // The last load of each side stays open for the interactions; the others close at once.
    for (let run = 1; run <= largeLoads; run++) {
      for (const side of SIDES) {
        const opened = await openSide(browser, server.url, side, now);
        loads[side.name].push(opened.load);
        progress(`scale ${largeScale}: load ${run}/${largeLoads}: ${side.name}: first rows ${opened.load.firstRow} ms (${opened.load.syncPages} sync pages)`);
        if (run === largeLoads) {
          try {
            interactions[side.name] = await interact(opened.page, side.name);
          } finally {
            await opened.context.close();
          }
        } else {
          await opened.context.close();
        }
      }
    }
    return { referrals, loads, interactions };
  } finally {
    await server.stop();
  }
}

async function main() {
  const loadAtStart = loadAverages();
  const staticDir = staticDirWithBaseline();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const chromiumVersion = browser.version();
  let small;
  let large;
  try {
    progress(`Chromium ${chromiumVersion}; ${runs} runs at demo scale ${smallScale}, ${largeLoads} loads and the interactions at demo scale ${largeScale}`);
    small = await benchSmall(browser, staticDir);
    large = await benchLarge(browser, staticDir);
  } finally {
    await browser.close();
    rmSync(staticDir, { recursive: true, force: true });
  }

  const out = [];
  out.push('### The app against a plain HTML + vanilla JS baseline (scripts/bench-app-vs-baseline.mjs)');
  out.push('');
  out.push(`Headless Chromium ${chromiumVersion}, ${VIEWPORT.width}×${VIEWPORT.height}, one fresh signed-in context per page load, service workers blocked. The baseline is bench/baseline/ (windowed like the app's table; see its header). Load averages (1/5/15 min): ${loadAtStart} at the start, ${loadAverages()} at the end.`);
  out.push('');
  const app = large.interactions.app;
  const base = large.interactions.baseline;
  const stat = (values, q) => (q === 0.5 ? median(values) : quantile(values, q));
  const rows = [['figure', 'ours', 'baseline', 'ours / baseline']];
  const add = (figure, ours, baseline, show = ms) => rows.push([figure, show(ours), show(baseline), ratio(ours, baseline)]);
  const firstRows = (loads) => loads.map((load) => load.firstRow);
  add(`First rows, ${number(small.referrals)} referrals: median of ${runs}`, median(firstRows(small.loads.app)), median(firstRows(small.loads.baseline)));
  add(`First rows, ${number(small.referrals)} referrals: p95 (nearest rank)`, quantile(firstRows(small.loads.app), 0.95), quantile(firstRows(small.loads.baseline), 0.95));
  add(`First rows, ${number(large.referrals)} referrals: median of ${largeLoads}`, median(firstRows(large.loads.app)), median(firstRows(large.loads.baseline)));
  add(`Filter change to repaint, ${number(large.referrals)} referrals: p50 of ${filterChanges}`, stat(app.filters, 0.5), stat(base.filters, 0.5));
  add(`Filter change to repaint, ${number(large.referrals)} referrals: p95`, stat(app.filters, 0.95), stat(base.filters, 0.95));
  add(`Heart toggle to repaint: p50 of ${hearts}`, stat(app.hearts, 0.5), stat(base.hearts, 0.5));
  add(`Heart toggle to repaint: p95`, stat(app.hearts, 0.95), stat(base.hearts, 0.95));
  const count = (value) => number(value);
  add(`Scrolling ${number(app.scroll.rows)} Inbox rows top to bottom: frames over 50 ms (of ${app.scroll.frames} / ${base.scroll.frames})`, app.scroll.longFrames, base.scroll.longFrames, count);
  add('Scrolling: worst frame', app.scroll.worst, base.scroll.worst);
  add('Scrolling: p95 frame', app.scroll.p95Frame, base.scroll.p95Frame);
  add('Scrolling: long tasks (> 50 ms)', app.scroll.longTasks, base.scroll.longTasks, count);
  out.push(table(rows));
  out.push('');
  out.push('Notes:');
  out.push(`- First rows: navigation start to the end of the frame that paints the first Inbox row, with the whole sync feed (${number(small.referrals)} / ${number(large.referrals)} referrals) in the list model; sync pages fetched before it: app ${median(small.loads.app.map((l) => l.syncPages))} / baseline ${median(small.loads.baseline.map((l) => l.syncPages))} at the small scale, app ${median(large.loads.app.map((l) => l.syncPages))} / baseline ${median(large.loads.baseline.map((l) => l.syncPages))} at the large.`);
  out.push(`- Filter change: the search box submitted with one of ${SEARCHES.map((s) => `"${s}"`).join(', ')}, then cleared, in turn; until the result count and the first row show the new list, then the end of that frame.`);
  out.push(`- Scrolling: the Inbox list (the Marketplace tab: ${number(app.scroll.rows)} of the ${number(large.referrals)} referrals), one jump of ${Math.round(app.scroll.step)} px (app) / ${Math.round(base.scroll.step)} px (baseline) a frame; frame times between requestAnimationFrame callbacks. The last row was ${app.scroll.reachedEnd && base.scroll.reachedEnd ? 'reached on both' : `NOT reached (app: ${app.scroll.reachedEnd}, baseline: ${base.scroll.reachedEnd})`}. Median frame: app ${ms(app.scroll.medianFrame)}, baseline ${ms(base.scroll.medianFrame)}.`);
  const disagreements = [...app.expected.keys()].filter((search) => JSON.stringify(app.expected.get(search)) !== JSON.stringify(base.expected.get(search)));
  out.push(
    disagreements.length
      ? `- WARNING: the two pages showed different lists for ${disagreements.map((s) => `"${s}"`).join(', ')}: ${disagreements.map((s) => `app ${JSON.stringify(app.expected.get(s))}, baseline ${JSON.stringify(base.expected.get(s))}`).join('; ')}.`
      : `- Both pages showed the same result count and first row for every search (${[...app.expected.entries()].map(([s, state]) => `"${s}": ${state.count}`).join(', ')}).`,
  );
  if (app.missed || base.missed) out.push(`- WARNING: filter changes that did not show the expected list within 30 s (left out of the figures): app ${app.missed}, baseline ${base.missed}.`);
  out.push('- Each page\'s clock (Date) stands still at the time its server finished seeding, so both decide the same leads have expired (the demo seeds some minutes from expiry).');
  out.push('- No targets are set for these figures in issue 13: the ratio to the baseline is the figure.');
  out.push('');
  console.log(out.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
