#!/usr/bin/env node
// Writes the country names of each language but English for the server's emails
// (server/countries/<tag>.txt: one "CODE Name" line per country), from the CLDR names
// Node's ICU carries: the names a browser's Intl.DisplayNames gives the app in those
// languages (src/format.rs `country`). English keeps the domain's ISO short names
// (`CountryCode::name`), in the app as in the mails. The codes are the domain's
// (domain/data/iso3166-1-alpha2.tsv). Run it again when that list changes:
//   node scripts/country-names.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const LOCALES = ['de', 'ru', 'zh'];

const codes = readFileSync(path.join(root, 'domain/data/iso3166-1-alpha2.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split('\t')[0]);
if (codes.length !== 249) throw new Error(`expected 249 codes, read ${codes.length}`);

for (const locale of LOCALES) {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  const lines = codes.map((code) => {
    const name = names.of(code);
    if (!name) throw new Error(`no ${locale} name for ${code}`);
    return `${code} ${name}`;
  });
  const file = path.join(root, 'server/countries', `${locale}.txt`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  console.log(`${file}: ${lines.length} countries`);
}
