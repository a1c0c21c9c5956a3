#!/usr/bin/env node
// Side-by-side measure (not a test) of the main thread's long tasks when a signed-in
// Inbox opens with nothing on the device, for two builds of the app, run alternately in
// one headless Chromium against the same release server binary (one server per build,
// each with its own fresh demo database):
//
//   node scripts/bench-long-tasks.mjs --before DIR --after DIR [--scale 1] [--runs 5] [--cpu-slowdown 4]
//
// Each run: a fresh browser context in a phone-sized window (412 × 823), signed in through
// the API, the Inbox opened, then 3 s (15 s above scale 1) for the device write to finish;
// the page's `longtask` entries give the longest task and the time over 50 ms (what
// Lighthouse's TBT adds up), and its last `largest-contentful-paint` entry when the
// largest paint came, and the frame that first showed rows. `--cpu-slowdown 4` slows the CPU as Lighthouse's mobile audit
// assumes (DevTools' throttling, not its simulation; the network is not throttled).
// Prints the median of each per build.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { CHROMIUM, CHROMIUM_ARGS, median, progress, root, sessionCookie, startServer } from './bench-lib.mjs';

const { values: options } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string' },
    server: { type: 'string', default: path.join(root, 'target/release/referral-desk-server') },
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    'cpu-slowdown': { type: 'string', default: '1' },
  },
});
const scale = Number(options.scale);
const runs = Number(options.runs);
const slowdown = Number(options['cpu-slowdown']);
if (!options.before || !options.after || !(runs >= 1) || !(scale >= 1 && scale <= 300) || !(slowdown >= 1 && slowdown <= 20)) {
  console.error('usage: bench-long-tasks.mjs --before DIR --after DIR [--server BIN] [--scale 1] [--runs 5] [--cpu-slowdown 1]');
  process.exit(2);
}

const builds = { before: options.before, after: options.after };
const results = { before: [], after: [] };
const servers = {};
try {
  for (const [name, dist] of Object.entries(builds)) {
    servers[name] = await startServer({ server: options.server, dist, scale });
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (let run = 1; run <= runs; run++) {
      for (const name of Object.keys(builds)) {
        const url = servers[name].url;
        const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
        const cookie = await sessionCookie(url);
        await context.addCookies(cookie.split('; ').map((pair) => {
          const at = pair.indexOf('=');
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
        }));
        const page = await context.newPage();
        if (slowdown > 1) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
        }
        await page.addInitScript(() => {
          window.longTasks = [];
          window.largestPaint = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
          }).observe({ type: 'longtask', buffered: true });
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) window.largestPaint = entry.startTime;
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          // The first rows' frame: the largest paint may be the first paint's (index.html).
          window.firstRows = 0;
          const rows = new MutationObserver(() => {
            if (!document.querySelector('.customer-link')) return;
            rows.disconnect();
            requestAnimationFrame(() => { window.firstRows = performance.now(); });
          });
          rows.observe(document, { childList: true, subtree: true });
        });
        await page.goto(`${url}/inbox`);
        await page.locator('.customer-link').first().waitFor({ timeout: 120_000 });
        await page.waitForTimeout(scale > 1 ? 15_000 : 3_000);
        const { tasks, largestPaint, firstRows } = await page.evaluate(() => ({ tasks: window.longTasks, largestPaint: window.largestPaint, firstRows: window.firstRows }));
        const figures = { longest: Math.max(0, ...tasks), over: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0), largestPaint, firstRows };
        results[name].push(figures);
        progress(`run ${run}/${runs}: ${name}: longest ${figures.longest.toFixed(0)} ms, over 50 ms ${figures.over.toFixed(0)} ms, largest paint ${largestPaint.toFixed(0)} ms, first rows ${firstRows.toFixed(0)} ms`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  for (const server of Object.values(servers)) await server.stop();
}
for (const [name, figures] of Object.entries(results)) {
  const of = (key) => median(figures.map((f) => f[key])).toFixed(0);
  console.log(`${name}: longest task median ${of('longest')} ms, time over 50 ms median ${of('over')} ms, largest paint median ${of('largestPaint')} ms, first rows median ${of('firstRows')} ms (${figures.length} runs, CPU ${slowdown}× slower)`);
}
