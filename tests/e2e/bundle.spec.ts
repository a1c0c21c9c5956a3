import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test, expect } from './fixtures';

// What a phone downloads to start the app: every script, stylesheet and wasm
// module the built index.html loads, as the real server sends them. A size, not a
// time: the same on any machine. The figures themselves are printed by
// `scripts/bench.sh bundle` next to their targets.

/**
 * Brotli bytes of wasm + JS + CSS together that the app may cost. The target is
 * 200 KiB (issue 13) and is not met yet: the build measured 499,224 bytes on
 * 2026-11-29, then 555,421 on 2026-11-30 with four languages (the English catalogue
 * compiled in, the others fetched on demand), insights and keyboard triage, then
 * 591,625 on 2026-11-30 with the notification centre, the API keys and account
 * settings screens and coded problems, then 620,129 with the business profiles
 * screen (issue 15 part 3; its views alone about +28 KiB), then 651,531 with the
 * people, invitation and password screens and the account menu, then 628,248 after the
 * size cuts of 2026-11-30 (README, "Bundle"), then 635,189 on 2026-12-01 with the
 * fixes of a review (the invite form's name, the sign-out warning for stopped
 * changes, the stopped-app message, a form sent on the version an own queued action
 * made, the messages asked for by build), then 637,645 with the fixes of the next
 * review (rows kept by their lead so the keys follow it, the palette kept in sight,
 * the filter sheet closed on a wider window, focus kept after an un-heart, archived
 * reasons and contract dates in the reader's language), then 641,127 with a review of
 * the settings screens (the bell kept alike across tabs, focus through every
 * confirmation and form error, versions own actions made kept on the device), then
 * 648,340 on 2026-12-02 with the next review's fixes (a colleague's one-word name
 * completed on the deal's team, the sign-in warning about another user's unsent
 * changes, cancelling a waiting change, amounts and dates read without guessing), then
 * 651,016 with the feed and the user asked for by index.html beside the app's download
 * and a fill written to the device in batches, each in a task of its own, then
 * 652,209 on 2026-12-03 with each list's intro line (the English catalogue) and the
 * parts of the first frame built after it. A clean
 * clone's build came out 0.5 KiB larger than the working copy's (623.2 against 622.7),
 * so the ceiling keeps about 1.5 KiB above the measured size. Until the target is met,
 * this ceiling keeps the bundle from growing unseen; lower it with every cut, down
 * to the target.
 */
const BUDGET_BYTES = 638.5 * 1024;

type Sent = { encoding: string | undefined; vary: string; raw: Buffer };

/** The bytes as they cross the wire: node's client decodes nothing by itself. */
function fetchRaw(url: string, acceptEncoding: string): Promise<Sent> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode}`));
          const encoding = response.headers['content-encoding'];
          resolve({ encoding, vary: String(response.headers.vary ?? ''), raw: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

/** The assets index.html loads: its scripts, stylesheets, module and wasm preloads. */
function assetsOf(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const tag = match[0];
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!url || !/\.(wasm|js|css)$/.test(url)) continue;
    urls.add(url);
  }
  return [...urls];
}

test('the app ships precompressed, and wasm + JS + CSS stay within the brotli budget', async ({ server }) => {
  const shell = await fetchRaw(`${server.url}/inbox`, 'identity');
  const assets = assetsOf(shell.raw.toString('utf8'));
  // Trunk's build: the module script, its wasm, the offline worker's registration, the styles.
  expect(assets.filter((url) => url.endsWith('.wasm'))).toHaveLength(1);
  expect(assets.filter((url) => url.endsWith('.js')).length).toBeGreaterThanOrEqual(2);
  expect(assets.filter((url) => url.endsWith('.css')).length).toBeGreaterThanOrEqual(1);

  const sizes: string[] = [];
  let brotliTotal = 0;
  for (const url of assets) {
    const plain = await fetchRaw(`${server.url}${url}`, 'identity');
    const brotli = await fetchRaw(`${server.url}${url}`, 'gzip, deflate, br');
    const gzip = await fetchRaw(`${server.url}${url}`, 'gzip');
    expect(plain.encoding, url).toBeUndefined();
    expect(brotli.encoding, url).toBe('br');
    expect(gzip.encoding, url).toBe('gzip');
    expect(brotli.vary.toLowerCase(), url).toContain('accept-encoding');
    // The copies hold exactly the file.
    expect(brotliDecompressSync(brotli.raw).equals(plain.raw), url).toBe(true);
    expect(gunzipSync(gzip.raw).equals(plain.raw), url).toBe(true);
    // Precompressed at the best quality, not on the fly: well below the raw size.
    expect(brotli.raw.length, url).toBeLessThan(plain.raw.length);
    brotliTotal += brotli.raw.length;
    sizes.push(`${url}: ${plain.raw.length} raw, ${gzip.raw.length} gzip, ${brotli.raw.length} brotli`);
  }
  test.info().annotations.push({ type: 'bundle', description: sizes.join('; ') });
  expect(brotliTotal, `brotli bytes of wasm + JS + CSS (${sizes.join('; ')})`).toBeLessThanOrEqual(BUDGET_BYTES);
});
