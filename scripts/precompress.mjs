#!/usr/bin/env node
// Writes a brotli (`.br`, best quality) and a gzip (`.gz`, best level) copy next to
// each compressible file of a built app, so the server sends the smallest bytes
// without compressing on every request (tower-http's ServeDir picks the copy the
// request's Accept-Encoding allows). Trunk runs this after scripts/precache.mjs
// (Trunk.toml, `post_build`): the copies must hold the stamped index.html and sw.js.
// It also runs by hand on any built directory, any number of times:
//   node scripts/precompress.mjs dist
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: node scripts/precompress.mjs <built app directory>');
  process.exit(2);
}

// Text and wasm compress well; PNG icons are compressed already.
const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|svg|json|webmanifest|ftl)$/;

function filesUnder(root) {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(root, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

// A copy whose file is gone (a build that renamed or dropped it) must not be served:
// the server would send it for the missing file.
const files = filesUnder(dir);
for (const copy of files.filter((name) => /\.(br|gz)$/.test(name))) {
  if (!files.includes(copy.slice(0, -path.extname(copy).length))) rmSync(copy);
}

let before = 0;
let brotli = 0;
for (const file of files.filter((name) => COMPRESSIBLE.test(name))) {
  const content = readFileSync(file);
  const br = brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_MODE]: file.endsWith('.wasm')
        ? constants.BROTLI_MODE_GENERIC
        : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(content, { level: constants.Z_BEST_COMPRESSION }));
  before += statSync(file).size;
  brotli += br.length;
}
console.log(
  `precompress: ${(before / 1024).toFixed(0)} KiB → ${(brotli / 1024).toFixed(0)} KiB brotli (${dir})`,
);
