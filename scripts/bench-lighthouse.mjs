#!/usr/bin/env node
// Benchmark (not a test): Lighthouse's mobile audit of the sign-in page and of the
// signed-in Inbox (issue 13, item 2), each figure beside its target. Run by
// scripts/bench.sh, which builds the release app and server first; alone:
//
//   node scripts/bench-lighthouse.mjs --dist target/bench-dist \
//     --server target/release/referral-desk-server [--runs 5] [--scale 1] [--pages inbox] [--reports DIR]
//
// `--pages sign-in` or `--pages inbox` audits only that page; `--reports DIR` keeps
// each run's whole Lighthouse result there as JSON (where the time went: its
// `mainthread-work-breakdown`, `bootup-time` and `network-requests` audits).
//
// One release server with a fresh SQLite file seeded with the demo (`--demo-scale 1`:
// 358 referrals per organisation, as `scripts/run.sh` seeds). Each run launches a
// fresh headless Chromium (a new profile: no HTTP cache, IndexedDB or service worker,
// so every run is a first visit; Lighthouse itself clears only part of the storage)
// and runs Lighthouse's default config on it through the node API: mobile, a Moto G
// Power screen, simulated throttling (slow 4G, 4x CPU slowdown). The Inbox is opened
// signed in: the cookies from signing in through the API are put into the browser
// before the audit. Runs alternate between the two pages; each figure is
// the median of its runs, taken figure by figure.
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { CHROMIUM, CHROMIUM_ARGS, loadAverages, median, progress, root, sessionCookie, startServer, table } from './bench-lib.mjs';

const { values: options } = parseArgs({
  options: {
    dist: { type: 'string', default: path.join(root, 'target/bench-dist') },
    server: { type: 'string', default: path.join(root, 'target/release/referral-desk-server') },
    runs: { type: 'string', default: '5' },
    scale: { type: 'string', default: '1' },
    pages: { type: 'string', default: 'sign-in,inbox' },
    reports: { type: 'string' },
  },
});
const runs = Number(options.runs);
const scale = Number(options.scale);
if (!(runs >= 1) || !(scale >= 1 && scale <= 300)) {
  console.error('usage: bench-lighthouse.mjs [--runs 5] [--scale 1] [--dist DIR] [--server BIN] [--pages sign-in,inbox] [--reports DIR]');
  process.exit(2);
}

const PAGES = [
  { id: 'sign-in', name: 'Sign-in page', path: '/sign-in', signedIn: false },
  { id: 'inbox', name: 'Inbox (signed in)', path: '/inbox', signedIn: true },
].filter((page) => options.pages.split(',').includes(page.id));
if (PAGES.length === 0) {
  console.error('--pages: sign-in, inbox or both (comma-separated)');
  process.exit(2);
}

/** Each figure: how to read it from a Lighthouse result, how to print it, and its target (issue 13). */
const FIGURES = [
  { name: 'Performance', read: (lhr) => score(lhr, 'performance'), show: (v) => String(Math.round(v)), target: '≥ 95', met: (v) => v >= 95 },
  { name: 'Accessibility', read: (lhr) => score(lhr, 'accessibility'), show: (v) => String(Math.round(v)), target: '100', met: (v) => v >= 100 },
  { name: 'Best practices', read: (lhr) => score(lhr, 'best-practices'), show: (v) => String(Math.round(v)), target: '100', met: (v) => v >= 100 },
  { name: 'LCP', read: (lhr) => audit(lhr, 'largest-contentful-paint'), show: seconds, target: '≤ 2.5 s', met: (v) => v <= 2500 },
  { name: 'TBT', read: (lhr) => audit(lhr, 'total-blocking-time'), show: (v) => `${Math.round(v).toLocaleString('en')} ms`, target: '≤ 200 ms', met: (v) => v <= 200 },
  { name: 'CLS', read: (lhr) => audit(lhr, 'cumulative-layout-shift'), show: (v) => v.toFixed(3), target: '≤ 0.05', met: (v) => v <= 0.05 },
  // Not judged: where the load time goes.
  { name: 'FCP', read: (lhr) => audit(lhr, 'first-contentful-paint'), show: seconds },
  { name: 'Speed Index', read: (lhr) => audit(lhr, 'speed-index'), show: seconds },
];

function score(lhr, category) {
  const value = lhr.categories[category]?.score;
  return value == null ? null : value * 100;
}

function audit(lhr, id) {
  return lhr.audits[id]?.numericValue ?? null;
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A fresh headless Chromium with its DevTools port open; resolves with the port and `kill()`. */
async function launchChromium() {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'referral-desk-lighthouse-'));
  // In a process group of its own, so that stopping it stops its helper processes too.
  const child = spawn(CHROMIUM, ['--headless=new', ...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // Already gone.
    }
  };
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      signal('SIGTERM');
      const stubborn = setTimeout(() => signal('SIGKILL'), 5_000);
      await exited;
      clearTimeout(stubborn);
    }
    // A helper's last writes can outlast the browser's exit: retried for a few seconds,
    // then left to the system's temporary files (a run's figures do not depend on it).
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
    } catch (error) {
      progress(`could not remove the browser profile ${profile}: ${error.code ?? error.message}`);
    }
  };
  try {
    const port = await new Promise((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port within 30 s:\n${stderr}`)), 30_000);
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        const listening = stderr.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
        if (listening) {
          clearTimeout(timer);
          resolve(Number(listening[1]));
        }
      });
      exited.then((code) => reject(new Error(`Chromium exited with code ${code}:\n${stderr}`)));
    });
    // The full version (the user agent Lighthouse reports has only the major one).
    const version = await fetch(`http://127.0.0.1:${port}/json/version`)
      .then((response) => response.json())
      .then((info) => info.Browser?.split('/')[1])
      .catch(() => null);
    return { port, kill, version };
  } catch (error) {
    await kill();
    throw error;
  }
}

/** One Lighthouse run of `url` in a fresh browser: the Lighthouse result (lhr) and the browser's version. */
async function audited(url, cookie) {
  const chromium = await launchChromium();
  let browser;
  try {
    const flags = {
      port: chromium.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    };
    let page;
    if (cookie) {
      // The browser holds the cookies as if it had signed in itself: the app reads the
      // session's hint (`rd_signed_in`) from document.cookie, which a request header alone
      // would not give it.
      browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chromium.port}` });
      page = await browser.newPage();
      await browser.setCookie(...cookie.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
      }));
    }
    const result = await lighthouse(url, flags, undefined, page);
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    return { lhr: result.lhr, version: chromium.version };
  } finally {
    await browser?.disconnect();
    await chromium.kill();
  }
}

async function main() {
  const loadAtStart = loadAverages();
  progress(`Lighthouse ${lighthouseVersion()}: seeding a fresh SQLite database at demo scale ${scale}`);
  const server = await startServer({ server: options.server, dist: options.dist, scale });
  const results = new Map(PAGES.map((page) => [page.name, []]));
  let chromiumVersion = 'unknown';
  try {
    progress(`server listening at ${server.url} (seeded in ${(server.seedingMs / 1000).toFixed(1)} s); ${runs} runs per page`);
    for (let run = 1; run <= runs; run++) {
      for (const page of PAGES) {
        const url = new URL(page.path, server.url).href;
        // A new session per run: nothing one run did (a heart, a sign-out) meets the next.
        const cookie = page.signedIn ? await sessionCookie(server.url) : null;
        const started = Date.now();
        const { lhr, version } = await audited(url, cookie);
        chromiumVersion = version ?? lhr.environment?.hostUserAgent?.match(/Chrome\/([\d.]+)/)?.[1] ?? chromiumVersion;
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        const landed = new URL(lhr.finalDisplayedUrl ?? url).pathname;
        if (landed !== page.path) progress(`WARNING: ${page.name}: the page ended at ${landed}, not ${page.path}${page.signedIn ? ' (was the session cookie refused?)' : ''}`);
        for (const warning of lhr.runWarnings ?? []) progress(`${page.name}: Lighthouse warns: ${warning}`);
        results.get(page.name).push(lhr);
        if (options.reports) {
          mkdirSync(options.reports, { recursive: true });
          writeFileSync(path.join(options.reports, `${page.id}-${run}.json`), JSON.stringify(lhr));
        }
        const figures = FIGURES.slice(0, 6).map((figure) => `${figure.name} ${format(figure, figure.read(lhr))}`).join(', ');
        progress(`run ${run}/${runs}: ${page.name}: ${figures} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      }
    }
  } finally {
    await server.stop();
  }

  const out = [];
  out.push('### Lighthouse, mobile (scripts/bench-lighthouse.mjs)');
  out.push('');
  out.push(`Lighthouse ${lighthouseVersion()}, default config (mobile: Moto G Power screen, simulated slow 4G and 4x CPU slowdown), headless Chromium ${chromiumVersion}, a fresh browser profile per run (a first visit).`);
  out.push(`Demo data at scale ${scale} (${(scale * 358).toLocaleString('en')} referrals per organisation), signed in as referrals@demo.test for the Inbox. Median of ${runs} runs per page, figure by figure; every run in the last column.`);
  out.push(`Load averages (1/5/15 min): ${loadAtStart} at the start, ${loadAverages()} at the end.`);
  out.push('');
  const rows = [['page', 'figure', 'median', 'target', '', 'runs']];
  for (const page of PAGES) {
    const lhrs = results.get(page.name);
    for (const figure of FIGURES) {
      const values = lhrs.map((lhr) => figure.read(lhr));
      const known = values.filter((value) => value != null);
      const middle = known.length ? median(known) : null;
      const verdict = figure.met && middle != null ? (figure.met(middle) ? 'met' : 'MISSED') : '';
      rows.push([page.name, figure.name, format(figure, middle), figure.target ?? '', verdict, values.map((value) => format(figure, value)).join(', ')]);
    }
  }
  out.push(table(rows));
  out.push('');
  for (const page of PAGES) {
    const lhrs = results.get(page.name);
    out.push(`${page.name}: the largest contentful paint was ${lcpElements(lhrs)}.`);
    const failing = failingAudits(lhrs);
    out.push(`${page.name}: audits that lost points in accessibility or best practices: ${failing.length ? failing.join(', ') : 'none'}.`);
  }
  // Lighthouse's own measure of the host's CPU speed: its simulation scales what it observed, so a slow or busy machine scores lower.
  const benchmark = [...results.values()].flat().map((lhr) => lhr.environment?.benchmarkIndex).filter((value) => value != null);
  if (benchmark.length) out.push(`Lighthouse's benchmark index of this machine (higher is faster; a busy machine reads lower): median ${Math.round(median(benchmark))}, from ${Math.round(Math.min(...benchmark))} to ${Math.round(Math.max(...benchmark))}.`);
  out.push('');
  console.log(out.join('\n'));
}

/** "audit-id (n of m runs)" for each weighted audit of accessibility and best practices that scored below 1. */
function failingAudits(lhrs) {
  const counts = new Map();
  for (const lhr of lhrs) {
    for (const category of ['accessibility', 'best-practices']) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const score = lhr.audits[ref.id]?.score;
        if (ref.weight > 0 && score != null && score < 1) counts.set(ref.id, (counts.get(ref.id) ?? 0) + 1);
      }
    }
  }
  return [...counts].map(([id, n]) => `${id} (${n} of ${lhrs.length} runs)`);
}

/** Which element each run's largest contentful paint was, as "<snippet> (n of m runs)". */
function lcpElements(lhrs) {
  const counts = new Map();
  for (const lhr of lhrs) {
    const node = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
    const name = node ? `${node.snippet}${node.nodeLabel ? ` ("${node.nodeLabel.slice(0, 60)}")` : ''}` : 'not reported';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, n]) => `${name} (${n} of ${lhrs.length} runs)`).join('; ');
}

function format(figure, value) {
  return value == null ? '–' : figure.show(value);
}

/** The installed Lighthouse's version (package.json pins it exactly). */
function lighthouseVersion() {
  try {
    return JSON.parse(readFileSync(path.join(root, 'node_modules/lighthouse/package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
