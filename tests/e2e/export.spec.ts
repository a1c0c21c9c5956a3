import { readFileSync } from 'node:fs';
import { test, expect, csrf, signIn, listFromApi, resultCount, EXPECTS_CONSOLE_ERRORS } from './fixtures';
import type { Page } from '@playwright/test';

const SERVER_EXPORT = '/api/v1/referrals/export.csv';

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

/**
 * Clicks Export and reads the downloaded file, which the app writes itself from the
 * referrals it holds: the page asks the server for no export.
 */
async function exportList(page: Page): Promise<{ name: string; bytes: Buffer; rows: string[][] }> {
  const askedServer: string[] = [];
  const onRequest = (request: { url: () => string }) => {
    if (new URL(request.url()).pathname === SERVER_EXPORT) askedServer.push(request.url());
  };
  page.on('request', onRequest);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export/ }).click();
  const file = await download;
  page.off('request', onRequest);
  expect(askedServer, 'the browser wrote the file itself').toEqual([]);
  const bytes = readFileSync((await file.path())!);
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF'), 'UTF-8 with a byte order mark').toBeTruthy();
  return { name: file.suggestedFilename(), bytes, rows: parseCsv(text.slice(1)) };
}

/** The server's export for a query, and the file name it gives it. */
async function serverExport(page: Page, query: string): Promise<{ name: string; bytes: Buffer }> {
  const response = await page.request.get(`${SERVER_EXPORT}?${query}`);
  expect(response.status(), `GET ${SERVER_EXPORT}?${query}`).toBe(200);
  const name = response.headers()['content-disposition']?.match(/filename="([^"]+)"/)?.[1] ?? '';
  return { name, bytes: await response.body() };
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

test('the file the browser writes is byte for byte the server\'s for the same list', async ({ page }) => {
  await signIn(page);
  // Favorites of every stage, so the Favorites view has something of each to export.
  for (const stage of ['Inbox', 'Accepted', 'Archived']) {
    for (const lead of (await listFromApi(page.request, `stage=${stage}`)).slice(0, 2)) {
      const hearted = await page.request.put(`/api/v1/referrals/${lead.id}/favorite`, { headers: await csrf(page) });
      expect(hearted.status()).toBe(204);
    }
  }
  // The app's address of each list, and the whole filter as the server reads it.
  for (const [view, query] of [
    ['/inbox?callToAction=ContactMe&sort=dealValue&dir=asc', 'stage=Inbox&category=Marketplace&callToAction=ContactMe&sort=dealValue&dir=asc'],
    ['/inbox?category=Qualified&sort=emailValidity', 'stage=Inbox&category=Qualified&sort=emailValidity'],
    ['/accepted?q=a&sort=updated&dir=asc', 'stage=Accepted&category=Marketplace&q=a&sort=updated&dir=asc'],
    ['/archived', 'stage=Archived&category=Marketplace'],
    ['/favorites?sort=expiry', 'sort=expiry&favorites=only'],
  ]) {
    await page.goto(view);
    const count = await resultCount(page);
    expect(count, view).toBeGreaterThan(0);
    const browser = await exportList(page);
    const server = await serverExport(page, query);
    expect(browser.name, view).toBe(server.name);
    expect(browser.rows.length - 1, view).toBe(count);
    // The text first, for a readable difference; then every byte (BOM, CRLF, quoting).
    expect(browser.bytes.toString('utf8'), view).toBe(server.bytes.toString('utf8'));
    expect(browser.bytes.equals(server.bytes), view).toBeTruthy();
  }
});

test('Export works offline, from the referrals the app holds', async ({ page, context }) => {
  // Offline, the live feed's requests fail and Chromium logs them.
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS });
  await signIn(page);
  await page.goto('/accepted?sort=dealValue');
  const count = await resultCount(page);
  const server = await serverExport(page, 'stage=Accepted&category=Marketplace&sort=dealValue');
  await context.setOffline(true);
  try {
    const browser = await exportList(page);
    expect(browser.rows.length - 1).toBe(count);
    expect(browser.bytes.equals(server.bytes)).toBeTruthy();
  } finally {
    await context.setOffline(false);
  }
});

test('roles that may not export see no Export button, and the server refuses them', async ({ page }) => {
  await signIn(page, 'viewer@demo.test');
  await page.goto('/inbox');
  await resultCount(page);
  await expect(page.getByRole('button', { name: /^Export/ })).toHaveCount(0);
  const refused = await page.request.get('/api/v1/referrals/export.csv?stage=Inbox');
  expect(refused.status()).toBe(403);
  expect((await refused.json()).detail).toMatch(/export/i);
});
