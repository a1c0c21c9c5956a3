import type { Page } from '@playwright/test';
import { test, expect, signIn, EXPECTS_CONSOLE_ERRORS, listFromApi, answerable, layoutProblems, seriousViolations, csrf, resultCount, type ApiReferral } from './fixtures';

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

/** The id of the lead whose row has focus, or null. */
async function focusedLead(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const link = document.activeElement?.closest('tr.referral-row')?.querySelector('.customer-link');
    return link?.getAttribute('href')?.split('?')[0].split('/').pop() ?? null;
  });
}

/** Waits until the list's first rows are in. */
async function listShown(page: Page) {
  await expect(page.locator('.result-count')).toHaveText(/^\d+ referrals?$/);
  await expect(page.locator('.customer-link').first()).toBeVisible();
}

test('ten Inbox leads triaged without the mouse: move, open, heart, decline, and back', async ({ page }) => {
  // The Inbox's first tab, in the list's order (the API sorts as the list does).
  const inbox = await listFromApi(page.request, 'stage=Inbox&category=Marketplace');
  const mayDecline = new Set((await answerable(page)).map((r) => r.id));
  expect(inbox.length).toBeGreaterThan(12);
  await page.goto('/inbox');
  await listShown(page);

  // j starts on the first lead; k and j move back and forth.
  await page.keyboard.press('j');
  await expect.poll(() => focusedLead(page)).toBe(inbox[0].id);
  await page.keyboard.press('j');
  await expect.poll(() => focusedLead(page)).toBe(inbox[1].id);
  await page.keyboard.press('k');
  await expect.poll(() => focusedLead(page)).toBe(inbox[0].id);
  // The focused row shows it.
  const row = page.locator('tr.referral-row:focus-within');
  await expect(row).toHaveCount(1);
  expect(await row.locator('td').first().evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');

  const hearted: string[] = [];
  const declined: string[] = [];
  const opened: string[] = [];
  let declineRefused = false;
  for (let n = 0; n < 10; n++) {
    const lead = inbox[n];
    await expect.poll(() => focusedLead(page), `lead ${n + 1} has focus`).toBe(lead.id);
    if (n % 3 === 0) {
      // Enter opens the lead; g i comes back to the Inbox with focus on it again.
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`/referrals/${lead.id}`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lead.customerProfile.name);
      opened.push(lead.id);
      await page.keyboard.press('g');
      await page.keyboard.press('i');
      await expect(page).toHaveURL(/\/inbox$/);
      await listShown(page);
      await expect.poll(() => focusedLead(page)).toBe(lead.id);
    } else if (n % 3 === 1) {
      // f hearts the lead with the row's own heart (its request is the heart's).
      const saved = page.waitForResponse((r) => r.url().endsWith(`/${lead.id}/favorite`) && r.request().method() === 'PUT');
      await page.keyboard.press('f');
      await expect(page.locator('tr.referral-row:focus-within button.heart')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.locator('.kb-status')).toHaveText(`Added to favorites: ${lead.customerProfile.name}.`);
      expect((await saved).status()).toBe(204);
      hearted.push(lead.id);
    } else if (mayDecline.has(lead.id)) {
      // d opens the lead's decline form with focus in it; the form wants a reason.
      await page.keyboard.press('d');
      await expect(page).toHaveURL(new RegExp(`/referrals/${lead.id}`));
      await expect(page.getByRole('heading', { name: 'Decline this referral' })).toBeFocused();
      await page.keyboard.press('Tab');
      const reason = page.getByLabel('Reason');
      await expect(reason).toBeFocused();
      await reason.selectOption({ label: 'Customer chose another vendor' });
      await page.keyboard.press('Tab');
      await expect(page.getByLabel(/^Notes/)).toBeFocused();
      await page.keyboard.type('Triaged from the keyboard.');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: 'Yes, decline' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status').filter({ hasText: 'Declined:' })).toContainText(lead.customerProfile.name);
      declined.push(lead.id);
      // Back in the Inbox, focus is on the lead that took the declined one's place.
      await page.keyboard.press('g');
      await page.keyboard.press('i');
      await expect(page).toHaveURL(/\/inbox$/);
      await listShown(page);
      await expect.poll(() => focusedLead(page)).toBe(inbox[n + 1].id);
      continue;
    } else {
      // A lead that needs no answer cannot be declined: a polite word, and nothing moves.
      await page.keyboard.press('d');
      await expect(page.locator('.kb-status')).toHaveText(/cannot be declined|can view referrals but not act|Only members/);
      await expect(page).toHaveURL(/\/inbox$/);
      declineRefused = true;
    }
    await page.keyboard.press('j');
  }
  expect(opened.length).toBe(4);
  expect(hearted.length).toBe(3);
  expect(declined.length + (declineRefused ? 1 : 0)).toBeGreaterThanOrEqual(2);
  expect(declined.length).toBeGreaterThanOrEqual(1);

  // The server has every change.
  for (const id of hearted) {
    expect((await (await page.request.get(`/api/v1/referrals/${id}`)).json()).favorite, `lead ${id} is a favorite`).toBe(true);
  }
  for (const id of declined) {
    const stored = await (await page.request.get(`/api/v1/referrals/${id}`)).json();
    expect(stored.substatus).toBe('Declined');
    expect(stored.statusReason).toBe('Customer chose another vendor');
    expect(stored.statusReasonNotes).toBe('Triaged from the keyboard.');
  }
  for (const id of opened) {
    const stored = await (await page.request.get(`/api/v1/referrals/${id}`)).json();
    expect(stored.status).toBe('New');
    expect(stored.favorite).toBe(false);
  }
});

test('j moves focus past the rendered window: the lead is scrolled to and rendered', async ({ page }) => {
  const inbox = await listFromApi(page.request, 'stage=Inbox&category=Marketplace');
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.goto('/inbox');
  await listShown(page);
  const rendered = await page.locator('tr.referral-row').count();
  expect(inbox.length).toBeGreaterThan(rendered);
  for (let i = 0; i <= rendered; i++) await page.keyboard.press('j');
  await expect.poll(() => focusedLead(page)).toBe(inbox[rendered].id);
  await expect(page.locator('tr.referral-row:focus-within')).toBeInViewport();
  for (let i = 0; i < rendered; i++) await page.keyboard.press('k');
  await expect.poll(() => focusedLead(page)).toBe(inbox[0].id);
  await expect(page.locator('tr.referral-row:focus-within')).toBeInViewport();
});

test('a lead taken away above the focused one leaves the keys on the focused lead, and one taken away itself acts on nothing', async ({ page }) => {
  const inbox = await listFromApi(page.request, 'stage=Inbox&category=Marketplace');
  const mayDecline = new Set((await answerable(page)).map((r) => r.id));
  const above = inbox.findIndex((r) => mayDecline.has(r.id));
  const focused = inbox.findIndex((r, at) => at >= above + 2 && mayDecline.has(r.id));
  expect(above).toBeGreaterThanOrEqual(0);
  expect(focused).toBeGreaterThan(above);
  const declineFromAnotherDevice = async (lead: ApiReferral) => {
    const current = await page.request.get(`/api/v1/referrals/${encodeURIComponent(lead.id)}`);
    const declined = await page.request.post(`/api/v1/referrals/${encodeURIComponent(lead.id)}/decline`, {
      headers: { ...(await csrf(page)), 'If-Match': current.headers()['etag'], 'Idempotency-Key': `keys-shift-${lead.id}` },
      data: { statusReason: 'CustomerDidNotRespond', notes: '' },
    });
    expect(declined.status(), await declined.text()).toBe(200);
  };
  await page.goto('/inbox');
  await listShown(page);
  const count = await resultCount(page);
  for (let n = 0; n <= focused; n++) await page.keyboard.press('j');
  await expect.poll(() => focusedLead(page)).toBe(inbox[focused].id);

  // A lead above it leaves the list (declined on another device): every row below moves
  // up one, and the focus stays on the same lead, so j, k and d go on from it.
  await declineFromAnotherDevice(inbox[above]);
  await expect(page.locator('.result-count')).toHaveText(`${count - 1} referrals`);
  await expect.poll(() => focusedLead(page)).toBe(inbox[focused].id);

  // The focused lead itself leaves: d does not act on the lead now in its row.
  await declineFromAnotherDevice(inbox[focused]);
  await expect(page.locator('.result-count')).toHaveText(`${count - 2} referrals`);
  await page.keyboard.press('d');
  await expect(page.locator('.kb-status')).toHaveText('Move to a lead first: press j for the next lead or k for the previous one.');
  await expect(page).toHaveURL(/\/inbox$/);
  // j moves to the lead now in its place (the row it had last, after the first move), and
  // k to the lead before it.
  const left = inbox.filter((_, at) => at !== above && at !== focused);
  const next = left.findIndex((r) => r.id === inbox[focused + 1].id);
  await page.keyboard.press('j');
  await expect.poll(() => focusedLead(page)).toBe(left[next].id);
  await page.keyboard.press('k');
  await expect.poll(() => focusedLead(page)).toBe(left[next - 1].id);
});

test('shortcuts are inert while typing in a field', async ({ page }) => {
  await page.goto('/inbox');
  await listShown(page);
  const hearts = await page.locator('button.heart[aria-pressed="true"]').count();
  // / puts the cursor in the list's search field (and types nothing).
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  await page.keyboard.type('j/g i?fadk');
  await page.keyboard.press('g');
  await page.keyboard.press('r');
  await expect(search).toHaveValue('j/g i?fadkgr');
  await expect(search).toBeFocused();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('tr.referral-row:focus-within')).toHaveCount(0);
  await expect(page.locator('.kb-status')).toBeEmpty();
  await expect(page.locator('button.heart[aria-pressed="true"]')).toHaveCount(hearts);

  // Nor with Ctrl, Alt or Meta held, outside a field either.
  await search.fill('');
  await search.evaluate((el) => el.blur());
  await page.keyboard.press('Alt+j');
  await page.keyboard.press('Control+j');
  await expect(page.locator('tr.referral-row:focus-within')).toHaveCount(0);
  // Outside the field, g a goes to Accepted.
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(page).toHaveURL(/\/accepted$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Accepted' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('r');
  await expect(page).toHaveURL(/\/archived$/);
});

test('the shortcuts dialog opens from ? and from its button, and Escape gives focus back', async ({ page }) => {
  await page.goto('/inbox');
  await listShown(page);
  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog.getByRole('row', { name: /Go to the Inbox/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // Shortcuts wait while the dialog is open.
  await page.keyboard.press('j');
  await page.keyboard.press('g');
  await page.keyboard.press('r');
  await expect(page).toHaveURL(/\/inbox$/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  // ? from a lead in the list: Escape puts focus back on the lead.
  await page.keyboard.press('j');
  const lead = await focusedLead(page);
  expect(lead).not.toBeNull();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await page.getByRole('button', { name: 'Close', exact: true }).press('Enter');
  await expect(dialog).toBeHidden();
  expect(await focusedLead(page)).toBe(lead);

  // The palette offers it too.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('keyboard');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

/** The referrals whose customer or deal name holds `text`, as the palette finds them. */
function found(all: ApiReferral[], text: string): ApiReferral[] {
  const wanted = text.toLowerCase();
  return all.filter((r) => r.customerProfile.name.toLowerCase().includes(wanted) || r.name.toLowerCase().includes(wanted));
}

/** A lead the palette finds among a few by its customer name and by its deal name, and no other lead with both. */
function findableLead(all: ApiReferral[], from: ApiReferral[]): ApiReferral {
  const lead = from.find((r) => {
    const byCustomer = found(all, r.customerProfile.name);
    const byDeal = found(all, r.name);
    const twins = all.filter((x) => x.customerProfile.name === r.customerProfile.name && x.name === r.name);
    return byCustomer.length <= 6 && byDeal.length <= 6 && twins.length === 1;
  });
  expect(lead, 'a lead the palette finds among a few').toBeTruthy();
  return lead!;
}

/** Moves the palette's choice with the arrow keys to the option of `lead`. */
async function arrowTo(page: Page, lead: ApiReferral) {
  const listbox = page.getByRole('listbox', { name: 'Leads and views' });
  const options = listbox.getByRole('option');
  await expect(options.first()).toBeVisible();
  const count = await options.count();
  for (let i = 0; i < count; i++) {
    const active = listbox.getByRole('option', { selected: true });
    const text = await active.innerText();
    if (text.includes(lead.customerProfile.name) && text.includes(lead.name)) break;
    await page.keyboard.press('ArrowDown');
  }
  const active = listbox.getByRole('option', { selected: true });
  await expect(active).toContainText(lead.customerProfile.name);
  await expect(active).toContainText(lead.name);
  await expect(page.getByRole('combobox', { name: 'Customer, deal or view' })).toHaveAttribute('aria-activedescendant', (await active.getAttribute('id'))!);
}

test('the palette finds a lead by customer and by deal name and opens it; Escape gives focus back', async ({ page }) => {
  const all = await listFromApi(page.request);
  const accepted = findableLead(all, await listFromApi(page.request, 'stage=Accepted'));
  const archived = findableLead(all, (await listFromApi(page.request, 'stage=Archived')).reverse());
  await page.goto('/inbox');
  await listShown(page);

  // From its button, by customer name.
  const button = page.getByRole('button', { name: /Search leads/ });
  await expect(button).toContainText('Ctrl K');
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Search leads and views' });
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('combobox', { name: 'Customer, deal or view' });
  await expect(box).toBeFocused();
  await page.keyboard.type(accepted.customerProfile.name);
  const options = dialog.getByRole('option');
  await expect(options).toHaveCount(found(all, accepted.customerProfile.name).length);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await arrowTo(page, accepted);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/referrals/${accepted.id}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(accepted.customerProfile.name);

  // With Ctrl+K, by deal name (in another case), chosen with the arrows.
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await page.keyboard.type(archived.name.toUpperCase());
  await expect(options).toHaveCount(found(all, archived.name).length);
  await arrowTo(page, archived);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/referrals/${archived.id}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(archived.customerProfile.name);

  // Views too: "favor" finds Favorites; up from the first choice wraps to the last.
  await page.keyboard.press('Meta+k');
  await page.keyboard.type('favor');
  await expect(options.last()).toContainText('Favorites');
  await page.keyboard.press('ArrowUp');
  await expect(options.last()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/favorites$/);

  // Escape closes it, and focus goes back where it was.
  const inboxLink = page.getByRole('navigation', { name: 'Referral stages' }).getByRole('link', { name: /^Inbox/ });
  await inboxLink.focus();
  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await page.keyboard.type('ac');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(inboxLink).toBeFocused();
  await expect(page).toHaveURL(/\/favorites$/);
  // Reopened, it starts afresh.
  await page.keyboard.press('Control+k');
  await expect(box).toHaveValue('');
  await page.keyboard.press('Escape');
});

test('Ctrl+K pressed right after Escape closed the palette opens it again, and keeps it open', async ({ page }) => {
  await page.goto('/inbox');
  await listShown(page);
  const dialog = page.getByRole('dialog', { name: 'Search leads and views' });
  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  // Escape closes a dialog at once but says so (its `close` event) only in a later task: a
  // shortcut can come in between, as it did in CI on a busy machine. Here it always does.
  await page.evaluate(() => {
    document.querySelector<HTMLDialogElement>('dialog.palette')!.close();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true, cancelable: true }));
  });
  // Past the late `close` event.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Customer, deal or view' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
});

test('in a short window the palette scrolls its options to keep the chosen one in sight', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.goto('/inbox');
  await listShown(page);
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search leads and views' });
  await page.keyboard.type('a');
  const options = dialog.getByRole('option');
  await expect(options).not.toHaveCount(0);
  const count = await options.count();
  const list = dialog.getByRole('listbox');
  // More options than the list shows at once.
  expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  const chosen = dialog.locator('[role="option"][aria-selected="true"]');
  const inSight = () => chosen.evaluate((option) => {
    const [o, l] = [option.getBoundingClientRect(), option.parentElement!.getBoundingClientRect()];
    return o.top >= l.top - 1 && o.bottom <= l.bottom + 1;
  });
  for (let n = 1; n < count; n++) {
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(n)).toHaveAttribute('aria-selected', 'true');
    expect(await inSight(), `option ${n + 1} of ${count} in sight`).toBe(true);
  }
  // Down from the last wraps to the first, back at the top.
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  expect(await inSight()).toBe(true);
  await page.keyboard.press('ArrowUp');
  await expect(options.last()).toHaveAttribute('aria-selected', 'true');
  expect(await inSight()).toBe(true);
});

test('the palette searches the referrals on the device while offline', async ({ page, context }) => {
  // Offline, the app's own requests fail (and Chromium logs each).
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS });
  const inbox = await listFromApi(page.request, 'stage=Inbox&category=Marketplace');
  await page.goto('/inbox');
  await listShown(page);
  await context.setOffline(true);
  await page.keyboard.press('Control+k');
  await page.keyboard.type(inbox[2].name);
  await expect(page.getByRole('listbox', { name: 'Leads and views' }).getByRole('option').filter({ hasText: inbox[2].customerProfile.name }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await context.setOffline(false);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the search button fits the top bar, and the palette the screen', async ({ page }) => {
    await page.goto('/inbox');
    await listShown(page);
    const button = page.getByRole('button', { name: /Search leads/ });
    await expect(button).toBeInViewport({ ratio: 1 });
    expect(await layoutProblems(page)).toEqual([]);
    await button.tap();
    const dialog = page.getByRole('dialog', { name: 'Search leads and views' });
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await layoutProblems(page)).toEqual([]);
  });
});
