#!/usr/bin/env node
// Benchmark (not a test): what a phone downloads to start the app. For each script,
// stylesheet and wasm module the built index.html loads: its bytes raw, as the
// build's gzip copy and as its brotli copy (scripts/precompress.mjs), then the
// brotli total against the target. tests/e2e/bundle.spec.ts checks the same total
// against the budget on every test run. Run by scripts/bench.sh after a release build:
//   node scripts/bench-bundle.mjs --dist target/bench-dist
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values: options } = parseArgs({
  options: { dist: { type: 'string', default: path.join(root, 'target/bench-dist') } },
});
// Issue 13: "≤ 200 KB brotli", read as KiB.
const TARGET_BYTES = 200 * 1024;

const html = readFileSync(path.join(options.dist, 'index.html'), 'utf8');
const assets = new Set();
for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
  const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
  if (url && /\.(wasm|js|css)$/.test(url)) assets.add(url);
}

const size = (file) => (existsSync(file) ? statSync(file).size : NaN);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const rows = [];
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const url of assets) {
  const file = path.join(options.dist, decodeURIComponent(url));
  const row = { url, raw: size(file), gzip: size(`${file}.gz`), brotli: size(`${file}.br`) };
  for (const key of ['raw', 'gzip', 'brotli']) total[key] += row[key];
  rows.push(row);
}

console.log('### Bundle: what the app downloads to start (wasm + JS + CSS)\n');
console.log('| file | raw | gzip | brotli |');
console.log('|---|---:|---:|---:|');
for (const row of rows) {
  console.log(`| \`${row.url}\` | ${kib(row.raw)} | ${kib(row.gzip)} | ${kib(row.brotli)} |`);
}
console.log(`| **total** | ${kib(total.raw)} | ${kib(total.gzip)} | **${kib(total.brotli)}** |`);
const verdict = total.brotli <= TARGET_BYTES ? 'met' : 'MISSED';
console.log(`\nTarget: brotli total ≤ ${kib(TARGET_BYTES)}: **${verdict}** (${total.brotli} bytes).\n`);
