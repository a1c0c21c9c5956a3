#!/usr/bin/env node
// Tells a built app's offline worker (sw.js) which files make up its build and the
// build's id (a hash of their contents), and stamps the same id into index.html so
// each page knows which build it runs. Trunk runs this after every build
// (Trunk.toml, `post_build`, on its staging directory); it also runs by hand on any
// built directory, any number of times:  node scripts/precache.mjs dist
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: node scripts/precache.mjs <built app directory>');
  process.exit(2);
}

const WORKER = 'sw.js';
const SHELL = 'index.html';
const PRECOMPRESSED = /\.(br|gz)$/;
const BUILD_META = /<meta name="referral-desk-build" content="[^"]*"\s*\/?>/;
const BUILD_BLOCK = /\/\/ <build>[^\n]*\n[\s\S]*?\/\/ <\/build>/;

const buildMeta = (id) => `<meta name="referral-desk-build" content="${id}" />`;
const buildBlock = (id, files) =>
  `// <build> written by scripts/precache.mjs: ${files.length} files\n` +
  `const BUILD = '${id}';\n` +
  `const PRECACHE = ${JSON.stringify(files.map(urlPath), null, 2)};\n` +
  '// </build>';

/** Every file under `root`, as paths relative to it with `/`, in a stable order. */
function filesUnder(root, prefix = '') {
  return readdirSync(path.join(root, prefix), { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(root, relative) : [relative];
    })
    .sort();
}

function urlPath(relative) {
  return '/' + relative.split('/').map(encodeURIComponent).join('/');
}

const read = (relative) => readFileSync(path.join(dir, relative), 'utf8');
const shell = read(SHELL);
const worker = read(WORKER);
if (!BUILD_META.test(shell)) throw new Error(`${dir}/${SHELL} lacks the build stamp: ${buildMeta('')}`);
if (!BUILD_BLOCK.test(worker)) throw new Error(`${dir}/${WORKER} lacks the "// <build> … // </build>" block`);

// The worker is not precached: the browser fetches and updates it itself. Nor are the
// precompressed copies (scripts/precompress.mjs): the browser asks for the file and
// the server answers with the copy its Accept-Encoding allows.
const files = filesUnder(dir).filter(
  (relative) => relative !== WORKER && !PRECOMPRESSED.test(relative),
);

// The id hashes what the files hold, not their names (a copied build with one file
// changed is another build), and leaves out the stamps themselves, so re-running
// this on its own output gives the same id.
const hash = createHash('sha256');
for (const relative of [...files, WORKER]) {
  let content = readFileSync(path.join(dir, relative));
  if (relative === SHELL) content = Buffer.from(shell.replace(BUILD_META, buildMeta('')));
  if (relative === WORKER) content = Buffer.from(worker.replace(BUILD_BLOCK, buildBlock('', [])));
  hash.update(`${relative}\0${content.length}\0`).update(content);
}
const id = hash.digest('hex').slice(0, 16);

writeFileSync(path.join(dir, SHELL), shell.replace(BUILD_META, buildMeta(id)));
writeFileSync(path.join(dir, WORKER), worker.replace(BUILD_BLOCK, buildBlock(id, files)));
// Their compressed copies are stale now: the server must not send them (precompress.mjs
// writes fresh ones).
for (const rewritten of [SHELL, WORKER]) {
  for (const copy of ['br', 'gz']) rmSync(path.join(dir, `${rewritten}.${copy}`), { force: true });
}

const bytes = files.reduce((sum, relative) => sum + statSync(path.join(dir, relative)).size, 0);
console.log(`precache: build ${id}, ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB (${dir})`);
