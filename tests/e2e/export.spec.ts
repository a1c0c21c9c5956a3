import { readFileSync } from 'node:fs';
import { test, expect, signIn, listFromApi, resultCount } from './fixtures';
import type { Page } from '@playwright/test';

/** RFC 4180: fields separated by commas, quoted when needed, quotes doubled, rows ended by CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Clicks Export and reads the downloaded file. */
async function exportList(page: Page): Promise<{ name: string; rows: string[][] }> {
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Export/ }).click();
  const file = await download;
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text.startsWith('\uFEFF'), 'UTF-8 with a byte order mark').toBeTruthy();
  return { name: file.suggestedFilename(), rows: parseCsv(text.slice(1)) };
}

test('Export downloads exactly the filtered list, in its order', async ({ page }) => {
  await signIn(page);
  await page.goto('/inbox?callToAction=ContactMe&sort=dealValue&dir=asc');
  const count = await resultCount(page);
  const expected = await listFromApi(page.request, 'stage=Inbox&category=Marketplace&callToAction=ContactMe&sort=dealValue&dir=asc');
  expect(count).toBe(expected.length);

  const { name, rows } = await exportList(page);
  const today = new Date().toISOString().slice(0, 10);
  expect(name).toBe(`referrals-${today}.csv`);
  const [header, ...data] = rows;
  expect(header.slice(0, 4)).toEqual(['Referral ID', 'LeadCreationDateTime', 'Updated date', 'Customer name']);
  expect(header).toContain('Email validity');
  expect(header).toContain('Phone validity');
  expect(data.map((row) => row[0])).toEqual(expected.map((r) => r.id));
  expect(data.every((row) => row[header.indexOf('Call to action')] === 'ContactMe')).toBeTruthy();
});

test('an export of archived leads leaves the contact columns of expired ones empty', async ({ page }) => {
  await signIn(page);
  await page.goto('/archived');
  await resultCount(page);
  const { rows } = await exportList(page);
  const [header, ...data] = rows;
  const substatus = header.indexOf('Substatus');
  const contactColumns = ['Contact name', 'Contact email', 'Contact phone'].map((c) => header.indexOf(c));
  const expired = data.filter((row) => row[substatus] === 'Expired');
  const others = data.filter((row) => row[substatus] !== 'Expired');
  expect(expired.length).toBeGreaterThan(0);
  for (const row of expired) for (const column of contactColumns) expect(row[column]).toBe('');
  expect(others.some((row) => row[contactColumns[1]] !== '')).toBeTruthy();
});

test('roles that may not export see no Export button, and the server refuses them', async ({ page }) => {
  await signIn(page, 'viewer@demo.test');
  await page.goto('/inbox');
  await resultCount(page);
  await expect(page.getByRole('link', { name: /^Export/ })).toHaveCount(0);
  const refused = await page.request.get('/api/v1/referrals/export.csv?stage=Inbox');
  expect(refused.status()).toBe(403);
  expect((await refused.json()).detail).toMatch(/export/i);
});
