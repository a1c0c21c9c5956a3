#!/usr/bin/env node
// Orders a built index.html's downloads so that a first paint the reader can already use
// is not held up by the app. Trunk preloads the wasm module from the head, so on a slow
// link it shares the line with the style sheets the first paint waits for. When that
// first paint is one the reader can use (index.html's inline script shows it: the
// signed-out sign-in form, whose typing is kept for the app, or a signed-in list's page),
// the module is better fetched right after it: this moves Trunk's wasm preload into a
// template, which an inline script in the head puts back at once for every other first
// paint (the loading line), and makes Trunk's loader wait for one painted frame when such
// a first paint is shown, and tell the page when the app's
// download, or its start, fails (index.html says so). Running it again changes nothing. Trunk runs this after every build, after
// first-paint-words.mjs and before precache.mjs (Trunk.toml, `post_build`); by hand:
//   node scripts/app-after-first-paint.mjs dist
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: node scripts/app-after-first-paint.mjs <built app directory>');
  process.exit(2);
}
const file = path.join(dir, 'index.html');
let shell = readFileSync(file, 'utf8');

const PRELOAD = /<link rel="preload" href="[^"]+_bg\.wasm"[^>]*>/g;
const TEMPLATE = '<template id="app-wasm-preload"></template>';
const LOADER = /<script type="module">(\s*import init, \* as bindings from '[^']+';\s*)const wasm = await init\(([^;]*)\);/;
// After the first paint the reader can use: the promise index.html's head script made for
// its early requests (resolved at once when there is no such first paint).
const WAIT = "await window.referralDeskFirstPaint;\n";

// The page tells a failed download from the app's own start failing by the error.
const FAILED = (args) => `let wasm;\ntry {\n  wasm = await init(${args});\n} catch (error) {\n  dispatchEvent(new CustomEvent('app-init-failed', { detail: error }));\n  throw error;\n}`;

if (shell.includes(WAIT) && !shell.includes(TEMPLATE)) {
  console.log(`app after first paint: already done (${file})`);
  process.exit(0);
}
const preloads = shell.match(PRELOAD) ?? [];
if (preloads.length === 0) throw new Error(`${file}: Trunk's wasm preload link was not found`);
if (!shell.includes(TEMPLATE)) throw new Error(`${file} lacks ${TEMPLATE}`);
if (!LOADER.test(shell)) throw new Error(`${file}: Trunk's loader script was not found`);
shell = shell.replace(PRELOAD, '');
// One preload is enough (Trunk writes the same link twice).
shell = shell.replace(TEMPLATE, TEMPLATE.replace('></', `>${preloads[0]}</`));
// The loader is named, and says when its fetch or start of the wasm failed, so that the
// first paint tells a failed download of the app from any other error (index.html).
shell = shell.replace(LOADER, (_, head, args) => `<script type="module" id="app-loader">${head}${WAIT}${FAILED(args)}`);
writeFileSync(file, shell);
console.log(`app after first paint: the wasm preload is now index.html's to place (${file})`);
