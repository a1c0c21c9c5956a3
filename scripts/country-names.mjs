#!/usr/bin/env node
// Writes each language's country names for the server's emails (server/countries/<tag>.txt:
// one "CODE Name" line per country) from the CLDR names Node's ICU carries, the same
// names a browser's Intl.DisplayNames gives the app (src/format.rs `country`). The codes
// are the domain's (domain/src/business_profile/region.rs, every country by region, and
// Antarctica). Run it again when that list changes:  node scripts/country-names.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const LOCALES = ['en', 'de', 'ru', 'zh'];

const regions = readFileSync(path.join(root, 'domain/src/business_profile/region.rs'), 'utf8');
const table = regions.match(/const COUNTRIES_BY_REGION[\s\S]*?\];/);
if (!table) throw new Error('domain/src/business_profile/region.rs lacks COUNTRIES_BY_REGION');
const codes = [...new Set([...table[0].matchAll(/"([^"]*)"/g)].flatMap((m) => m[1].match(/\b[A-Z]{2}\b/g) ?? []))];
codes.push('AQ');
codes.sort();

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
