import { test, expect, signIn, listFromApi, answerable, colleague, csrf, editBody, EXPECTS_CONSOLE_ERRORS, roleSetterFor } from './fixtures';
import { message } from './catalogue';

test('decline with a reason archives the lead as Declined with that reason', async ({ page }) => {
  await signIn(page);
  const lead = (await answerable(page))[0];
  await page.goto(`/referrals/${lead.id}`);
  await page.getByRole('button', { name: 'Decline' }).click();
  await page.getByLabel('Reason').selectOption({ label: 'Customer chose another vendor' });
  await page.getByLabel(/^Notes/).fill('They went with their incumbent.');
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toContainText('cannot be changed afterwards');
  await page.getByRole('button', { name: 'Yes, decline' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Declined:' })).toContainText(`${lead.customerProfile.name} is now in Archived`);
  await expect(page.locator('.detail-subtitle')).toContainText('Closed / Declined');
  await expect(page.getByText('no further actions')).toBeVisible();

  const stored = await (await page.request.get(`/api/v1/referrals/${lead.id}`)).json();
  expect(stored.substatus).toBe('Declined');
  expect(stored.statusReason).toBe('Customer chose another vendor');
  expect(stored.statusReasonNotes).toBe('They went with their incumbent.');

  // The lists caught up without a reload. The row is found by the lead's own link: the
  // customer's name alone can match another of its referrals that was archived all along,
  // and so pass before the lists have caught up.
  await page.getByRole('link', { name: /^Archived/ }).click();
  if (lead.qualification === 'MarketingQualified' || lead.qualification === 'SalesQualified') {
    await page.getByRole('link', { name: /^Qualified leads/ }).click();
  }
  await page.getByRole('searchbox', { name: 'Search' }).fill(lead.customerProfile.name);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(page.locator(`.customer-link[href^="/referrals/${lead.id}"]`)).toBeVisible();
});

test('"Others" without notes is refused in the browser before any request', async ({ page }) => {
  await signIn(page);
  const lead = (await answerable(page))[1];
  let sent = 0;
  page.on('request', (request) => { if (request.url().endsWith('/decline')) sent++; });
  await page.goto(`/referrals/${lead.id}`);
  await page.getByRole('button', { name: 'Decline' }).click();
  await page.getByLabel('Reason').selectOption({ label: 'Others' });
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.locator('#status-reason-notes-error')).toHaveText('Notes are required when the reason is Others: say why.');
  await expect(page.getByLabel(/^Notes/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  expect(sent).toBe(0);
});

test('lost with a reason archives an accepted deal as Lost', async ({ page }) => {
  await signIn(page);
  const deal = (await listFromApi(page.request, 'stage=Accepted'))[0];
  await page.goto(`/referrals/${deal.id}`);
  await page.getByRole('button', { name: 'Lost' }).click();
  await page.getByLabel('Reason').selectOption({ label: "Project budget isn't adequate" });
  await page.getByRole('button', { name: 'Mark as lost', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, lost' }).click();
  await expect(page.locator('.detail-subtitle')).toContainText('Closed / Lost');
  const stored = await (await page.request.get(`/api/v1/referrals/${deal.id}`)).json();
  expect(stored.substatus).toBe('Lost');
});

test('a Viewer, and a Referrals user not on the team, are offered no actions', async ({ page }) => {
  await signIn(page, 'viewer@demo.test');
  const lead = (await answerable(page))[2];
  await page.goto(`/referrals/${lead.id}`);
  await expect(page.getByText('Viewers can view referrals but not act on them.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Decline' })).toHaveCount(0);

  await signIn(page, 'user@demo.test');
  const notOnTeam = (await listFromApi(page.request, 'stage=Accepted')).find(
    (r) => !(r as unknown as { team: { email: string }[] }).team.some((m) => m.email === 'user@demo.test'),
  )!;
  await page.goto(`/referrals/${notOnTeam.id}`);
  await expect(page.getByText('Only members of this referral\'s team can act on it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lost' })).toHaveCount(0);
});

test('a lead a colleague declined first shows the conflict, and only discarding is offered', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the stale request answers 412
  await signIn(page);
  const lead = (await answerable(page))[3];
  await page.goto(`/referrals/${lead.id}`);
  await page.getByRole('button', { name: 'Decline' }).click();
  await page.getByLabel('Reason').selectOption({ label: 'Not a customer' });
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  // A colleague declines it first, through the API.
  const current = await page.request.get(`/api/v1/referrals/${lead.id}`);
  const etag = current.headers()['etag'];
  const changed = await page.request.post(`/api/v1/referrals/${lead.id}/decline`, {
    headers: { ...(await csrf(page)), 'If-Match': etag, 'Idempotency-Key': `colleague-${lead.id}` },
    data: { statusReason: 'CustomerDidNotRespond', notes: '' },
  });
  expect(changed.status()).toBe(200);

  await page.getByRole('button', { name: 'Yes, decline' }).click();
  const conflict = page.locator('.conflict');
  await expect(conflict).toContainText('Someone changed this referral while you were working on it. It is now Closed / Declined');
  // The keyboard is taken to the conflict's choices (the confirmation that had it is gone).
  await expect(conflict.getByRole('button').first()).toBeFocused();
  // Declined is terminal: only discarding is offered.
  await expect(conflict.getByRole('button', { name: 'Decline the current version' })).toHaveCount(0);
  await conflict.getByRole('button', { name: 'Discard my changes' }).click();
  await expect(page.locator('.detail-subtitle')).toContainText('Closed / Declined');
});

test('a network failure during submit keeps the decline on the device, and it is sent once when the network is back', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS });
  await signIn(page);
  const lead = (await answerable(page))[4];
  await page.goto(`/referrals/${lead.id}`);
  await page.getByRole('button', { name: 'Decline' }).click();
  await page.getByLabel('Reason').selectOption({ label: 'Others' });
  await page.getByLabel(/^Notes/).fill('Duplicate of a lead we already work.');

  // The draft survives a reload.
  await page.reload();
  await page.getByRole('button', { name: 'Decline' }).click();
  await expect(page.getByLabel(/^Notes/)).toHaveValue('Duplicate of a lead we already work.');
  await expect(page.getByLabel('Reason')).toHaveValue('Others');

  const keys: string[] = [];
  page.on('request', (request) => { if (request.url().endsWith('/decline')) keys.push(request.headers()['idempotency-key']); });
  await page.route(/\/decline$/, (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, decline' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
  await expect(page.locator('.pending.waiting')).toContainText('Decline');
  await expect(page.locator('.detail-subtitle')).toContainText('Closed / Declined');

  // The network is back: the outbox sends it with the key of the first try, once.
  await page.unroute(/\/decline$/);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.locator('.pending')).toHaveCount(0, { timeout: 15_000 });
  // The failed tries and the one that landed all carried one key; the server applied it once.
  expect(keys.length).toBeGreaterThanOrEqual(2);
  expect(new Set(keys).size).toBe(1);
  const stored = await (await page.request.get(`/api/v1/referrals/${lead.id}`)).json();
  expect(stored.substatus).toBe('Declined');
  expect(stored.statusHistory.filter((change: { substatus: string }) => change.substatus === 'Declined')).toHaveLength(1);
  expect(stored.statusReasonNotes).toBe('Duplicate of a lead we already work.');
});

test('a deal changed in between shows the conflict, and the user can apply Lost to the current version', async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the stale request answers 412
  await signIn(page);
  const deal = (await listFromApi(page.request, 'stage=Accepted'))[1];
  await page.goto(`/referrals/${deal.id}`);
  await page.getByRole('button', { name: 'Lost' }).click();
  await page.getByLabel('Reason').selectOption({ label: "Customer didn't respond" });
  await page.getByRole('button', { name: 'Mark as lost', exact: true }).click();

  // A colleague adds an employee to the deal in the meantime.
  const etag = (await page.request.get(`/api/v1/referrals/${deal.id}`)).headers()['etag'];
  const added = await page.request.post(`/api/v1/referrals/${deal.id}/team`, {
    headers: { ...(await csrf(page)), 'If-Match': etag, 'Idempotency-Key': `colleague-team-${deal.id}` },
    data: { firstName: 'Ola', lastName: 'Nordmann', email: 'ola.nordmann@fabrikam.example', phoneNumber: '+4722334455' },
  });
  expect(added.status()).toBe(200);

  await page.getByRole('button', { name: 'Yes, lost' }).click();
  const conflict = page.locator('.conflict');
  await expect(conflict).toContainText('It is now Active / Accepted');
  await conflict.getByRole('button', { name: 'Lost the current version' }).click();
  await expect(page.getByLabel('Reason')).toHaveValue('CustomerDidNotRespond');
  await page.getByRole('button', { name: 'Mark as lost', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, lost' }).click();
  await expect(page.locator('.detail-subtitle')).toContainText('Closed / Lost');
  const stored = await (await page.request.get(`/api/v1/referrals/${deal.id}`)).json();
  expect(stored.substatus).toBe('Lost');
  expect(stored.team.some((m: { email: string }) => m.email === 'ola.nordmann@fabrikam.example')).toBeTruthy();
});

test('a role taken away while a form is open: the server refuses, the app says why and keeps the form', async ({ page, browser }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the refused request answers 403
  await signIn(page);
  const lead = (await answerable(page))[6];
  await page.goto(`/referrals/${lead.id}`);
  await page.getByRole('button', { name: 'Decline' }).click();
  await page.getByLabel('Reason').selectOption({ label: 'Not a customer' });
  await page.getByLabel(/^Notes/).fill('Wrong company.');
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  // Meanwhile a partner admin, in a browser of their own, makes this user a Viewer.
  const adminPage = await colleague(browser, page, 'admin@demo.test');
  const users: { id: string; email: string }[] = await (await adminPage.request.get('/api/v1/users')).json();
  const user = users.find((u) => u.email === 'referrals@demo.test')!;
  const setRole = async (role: string) => {
    const changed = await adminPage.request.patch(`/api/v1/users/${user.id}`, { headers: await csrf(adminPage), data: { role } });
    expect(changed.status(), await changed.text()).toBe(200);
  };
  await setRole('Viewer');

  await page.getByRole('button', { name: 'Yes, decline' }).click();
  await expect(page.getByRole('alert')).toContainText('Viewers can view referrals but not act on them.');
  await expect(page.getByLabel('Reason')).toHaveValue('NotACustomer');
  await expect(page.getByLabel(/^Notes/)).toHaveValue('Wrong company.');
  const stored = await (await page.request.get(`/api/v1/referrals/${lead.id}`)).json();
  expect(stored.substatus).not.toBe('Declined');

  // The role back: the same form, as typed, goes through.
  await setRole('ReferralsAdmin');
  await adminPage.context().close();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, decline' }).click();
  await expect(page.locator('.detail-subtitle')).toContainText('Closed / Declined');
});

test('a decline the server refuses says why and leaves the keyboard on the form', async ({ page, browser, baseURL }) => {
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS }); // the refused request answers 403
  // This page hears nothing live meanwhile: the refusal is the decline's own answer.
  await page.route('**/api/v1/sync/events', (route) => route.abort());
  await signIn(page);
  const lead = (await answerable(page))[4];
  await page.goto(`/referrals/${lead.id}`);
  await page.getByRole('button', { name: 'Decline' }).click();
  await page.getByLabel('Reason').selectOption({ label: 'Not a customer' });
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  // A partner admin makes the user a Viewer before they confirm.
  const admin = await roleSetterFor(browser, baseURL!, 'referrals@demo.test');
  await admin.setRole('Viewer');
  try {
    await page.getByRole('button', { name: 'Yes, decline' }).click();
    await expect(page.locator('.action-panel .form-error')).toContainText(message('en', 'problem-read-only-viewer'));
    await expect(page.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
    await expect(page.getByLabel('Reason').locator('option:checked')).toHaveText('Not a customer');
  } finally {
    // Back to the demo's role for this user, for the tests after this one.
    await admin.setRole('ReferralsAdmin');
    await admin.close();
  }
});

test("a Lost draft with a colleague's change beneath it opens on the conflict view, never sent as current", async ({ page }) => {
  await signIn(page);
  const deal = (await listFromApi(page.request, 'stage=Accepted'))[2];
  await page.goto(`/referrals/${deal.id}`);
  await page.getByRole('button', { name: 'Lost' }).click();
  await page.getByLabel('Reason').selectOption({ label: 'Others' });
  await page.getByLabel(/^Notes/).fill('Merged into a bigger deal.');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // A colleague renames the deal meanwhile: the Lost form takes nothing from the deal,
  // but the draft was written on the version before, so the user sees what changed.
  const current = await page.request.get(`/api/v1/referrals/${deal.id}`);
  const referral = await current.json();
  const renamed = await page.request.patch(`/api/v1/referrals/${deal.id}`, {
    headers: { ...(await csrf(page)), 'If-Match': current.headers()['etag'], 'Idempotency-Key': `lost-draft-${deal.id}` },
    data: { ...editBody(referral), name: 'Renamed by a colleague' },
  });
  expect(renamed.status(), await renamed.text()).toBe(200);

  await page.reload();
  await expect(page.locator('.detail-subtitle')).toContainText('Renamed by a colleague');
  await page.getByRole('button', { name: 'Lost' }).click();
  await expect(page.locator('.conflict')).toContainText('Someone changed this referral');
});
