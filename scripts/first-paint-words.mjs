#!/usr/bin/env node
// Writes the words the static first paint needs in each language (the skip link, the
// loading line and what it says when the app does not arrive or stops, the new-build offer, the sign-in form, a list's stages, heading and intro) from the message catalogue (locales/<tag>/*.ftl)
// into a built index.html, where its inline script picks the reader's language before
// the app and its catalogue have arrived. Trunk runs this after every build, before
// precache.mjs (Trunk.toml, `post_build`); by hand:  node scripts/first-paint-words.mjs dist
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: node scripts/first-paint-words.mjs <built app directory>');
  process.exit(2);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const LOCALES = ['en', 'de', 'zh', 'ru'];
// The key each message goes by in the page's table: its id in camelCase.
const IDS = [
  'skip-to-content', 'app-loading', 'app-load-failed', 'app-load-slow', 'app-start-failed', 'app-stopped', 'update-available', 'update-reload',
  'sign-in-heading', 'sign-in-email', 'sign-in-password', 'sign-in', 'signing-in',
  'nav-stages', 'nav-inbox', 'nav-accepted', 'nav-archived', 'nav-favorites', 'nav-insights',
  'value-Stage-Inbox', 'value-Stage-Accepted', 'value-Stage-Archived', 'list-favorites',
  'list-intro-inbox', 'list-intro-accepted', 'list-intro-archived', 'list-intro-favorites',
];
const BLOCK = /(<script type="application\/json" id="first-paint-words">)[\s\S]*?(<\/script>)/;

/** The one-line messages `ids` of one language (these have no variables). */
function messages(locale) {
  const dir = path.join(root, 'locales', locale);
  const source = readdirSync(dir).filter((name) => name.endsWith('.ftl')).sort().map((name) => readFileSync(path.join(dir, name), 'utf8')).join('\n');
  const found = {};
  for (const id of IDS) {
    const line = source.split('\n').find((l) => l.startsWith(`${id} = `));
    if (!line || line.includes('{')) throw new Error(`locales/${locale}: ${id} must be one line of plain text`);
    const key = id.replace(/-([a-zA-Z])/g, (_, c) => c.toUpperCase());
    found[key] = line.slice(id.length + 3).trim();
  }
  return found;
}

const table = Object.fromEntries(LOCALES.map((locale) => [locale, messages(locale)]));
const file = path.join(dir, 'index.html');
const shell = readFileSync(file, 'utf8');
if (!BLOCK.test(shell)) throw new Error(`${file} lacks <script type="application/json" id="first-paint-words">`);
// `<` escaped: the table sits inside a script element.
const json = JSON.stringify(table).replace(/</g, '\\u003c');
writeFileSync(file, shell.replace(BLOCK, (_, open, close) => `${open}${json}${close}`));
console.log(`first-paint words: ${LOCALES.join(', ')} (${file})`);
