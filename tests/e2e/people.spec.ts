import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect, startServer, DEMO_PASSWORD, EXPECTS_CONSOLE_ERRORS, layoutProblems, type Running, openAccountMenu, answerable, csrf } from './fixtures';
import { message } from './catalogue';

// People against a server of each test's own (deactivations and new accounts change its
// demo organisation): its mail outbox writes every mail as an .eml file into the
// server's --mail-dir, which is where an invited colleague's link is read from.

test.describe.configure({ timeout: 60_000 });

let server: Running;

test.beforeEach(async () => {
  server = await startServer();
});

test.afterEach(async () => {
  await server.stop();
  rmSync(server.dir, { recursive: true, force: true });
});

const ORGANISATION = 'Fabrikam Consulting (demo)';

async function signInAt(page: Page, email: string, password = DEMO_PASSWORD) {
  const response = await page.request.post(`${server.url}/api/v1/session`, { data: { email, password } });
  expect(response.status(), `signing in as ${email}`).toBe(200);
}

/** A browser context of its own (another person's device), signed in as `email` unless not given. */
async function device(browser: Browser, email?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  if (email) await signInAt(page, email);
  return page;
}

/** The text parts of a MIME message, decoded (quoted-printable or base64). */
function textOf(raw: string): string {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  return parts
    .map((part) => {
      const [headers, ...body] = part.split(/\r?\n\r?\n/);
      const content = body.join('\n\n');
      if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
      if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
        const bytes = content.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
        return Buffer.from(bytes, 'latin1').toString('utf8');
      }
      return content;
    })
    .join('\n');
}

/** The set-password link of the invitation mail the server wrote for `email`. */
async function invitationLink(email: string): Promise<string> {
  const dir = path.join(server.dir, 'mail');
  let link: string | undefined;
  await expect.poll(() => {
    const files = (() => { try { return readdirSync(dir).filter((f) => f.endsWith('.eml')); } catch { return []; } })();
    for (const file of files) {
      const raw = readFileSync(path.join(dir, file), 'utf8');
      if (!raw.includes(`To: ${email}`)) continue;
      link = textOf(raw).match(/https?:\/\/[^\s"<>]+\/invitations\/[A-Za-z0-9_-]{43}/)?.[0];
    }
    return link;
  }, { message: `an invitation mail to ${email} in ${dir}`, timeout: 20_000 }).toBeTruthy();
  return link!;
}

test('a partner admin invites a colleague, whose emailed link sets a password and signs them in', async ({ page, browser }) => {
  // Chromium logs the refused second invitation (409) as a console error.
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS });
  await signInAt(page, 'admin@demo.test');
  await page.goto(`${server.url}/inbox`);
  await (await openAccountMenu(page)).getByRole('link', { name: message('en', 'menu-people') }).click();
  await expect(page).toHaveURL(/\/settings\/people$/);
  await expect(page.getByRole('heading', { level: 1, name: message('en', 'people-title') })).toBeVisible();
  await expect(page.locator('.people-list').first()).toContainText('Umar Usman');
  await expect(page.getByText(message('en', 'people-invitations-empty'))).toBeVisible();

  // A typo is named at its field, each field at once, and what was typed stays.
  const email = page.getByLabel(message('en', 'invite-email'));
  const name = page.getByLabel(message('en', 'invite-name'));
  const tooLong = 'Ines '.repeat(41);
  await email.fill('ines.duarte@fabrikam');
  await name.fill(tooLong);
  await page.getByLabel(message('en', 'invite-role'), { exact: true }).selectOption('ReferralsAdmin');
  await page.getByRole('button', { name: message('en', 'invite-send') }).click();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#invite-email-error')).toHaveText(message('en', 'error-email', { label: message('en', 'field-email') }));
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#invite-name-error')).toHaveText(message('en', 'error-person-name', { max: '200' }));
  await expect(email).toHaveValue('ines.duarte@fabrikam');
  await expect(name).toHaveValue(tooLong);

  // Fixing one field takes back its message alone.
  await email.fill('ines.duarte@fabrikam.example');
  await expect(email).toHaveAttribute('aria-invalid', 'false');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await name.fill('Ines Duarte');
  await page.getByRole('button', { name: message('en', 'invite-send') }).click();
  await expect(page.getByRole('status').filter({ hasText: message('en', 'invite-sent', { email: 'ines.duarte@fabrikam.example' }) })).toBeVisible();
  await expect(email).toHaveValue('');
  await expect(name).toHaveValue('');
  const pending = page.locator('.invitation', { hasText: 'ines.duarte@fabrikam.example' });
  await expect(pending).toContainText(message('en', 'value-Role-ReferralsAdmin'));
  await expect(pending.getByRole('button', { name: message('en', 'people-revoke') })).toBeVisible();

  // Inviting the same address again is refused at the address; nothing typed is lost.
  await email.fill('ines.duarte@fabrikam.example');
  await page.getByRole('button', { name: message('en', 'invite-send') }).click();
  await expect(page.locator('#invite-email-error')).toHaveText(message('en', 'problem-invitation-open', { email: 'ines.duarte@fabrikam.example' }));
  await expect(email).toHaveValue('ines.duarte@fabrikam.example');
  // Typing another address takes the refusal of the last one back.
  await email.fill('someone.else@fabrikam.example');
  await expect(page.locator('#invite-email-error')).toHaveText('');
  await expect(email).toHaveAttribute('aria-invalid', 'false');

  // The invited colleague opens the emailed link on a device of their own.
  const link = await invitationLink('ines.duarte@fabrikam.example');
  expect(new URL(link).origin).toBe(server.url);
  const ines = await device(browser);
  await ines.goto(link);
  await expect(ines.getByRole('heading', { level: 1, name: message('en', 'invitation-heading', { organisation: ORGANISATION }) })).toBeVisible();
  await expect(ines.getByText(message('en', 'invitation-intro', { person: 'Ada Adler', email: 'ines.duarte@fabrikam.example', role: message('en', 'value-Role-ReferralsAdmin') }))).toBeVisible();
  // The name the inviter offered is there, theirs to change.
  await expect(ines.getByLabel(message('en', 'invitation-name'))).toHaveValue('Ines Duarte');
  await ines.getByLabel(message('en', 'invitation-password'), { exact: true }).fill('short');
  await ines.getByLabel(message('en', 'invitation-confirm')).fill('shorts');
  await ines.getByRole('button', { name: message('en', 'invitation-submit') }).click();
  await expect(ines.locator('#invitation-password-error')).toHaveText(message('en', 'error-password-too-short', { min: '12' }));
  await expect(ines.locator('#invitation-confirmation-error')).toHaveText(message('en', 'error-password-confirmation'));
  await expect(ines.getByLabel(message('en', 'invitation-password'), { exact: true })).toBeFocused();
  await expect(ines.getByLabel(message('en', 'invitation-name'))).toHaveValue('Ines Duarte');
  await ines.getByLabel(message('en', 'invitation-password'), { exact: true }).fill('a sunny day in lisbon');
  await ines.getByLabel(message('en', 'invitation-confirm')).fill('a sunny day in lisbon');
  await ines.getByRole('button', { name: message('en', 'invitation-submit') }).click();
  await expect(ines).toHaveURL(/\/inbox/);
  const account = await openAccountMenu(ines);
  await expect(account).toContainText('Ines Duarte');
  await expect(account).toContainText(message('en', 'value-Role-ReferralsAdmin'));
  await expect(ines.locator('.sync-status [role="status"]')).toHaveText(/^Synced/);

  // The link worked once.
  await ines.goto(link);
  await expect(ines.getByRole('heading', { level: 1, name: message('en', 'invitation-unusable-heading') })).toBeVisible();
  await expect(ines.getByText(message('en', 'problem-invitation-used'))).toBeVisible();
  await ines.context().close();

  await page.reload();
  await expect(page.getByText(message('en', 'people-invitations-empty'))).toBeVisible();
  await expect(page.locator('.person', { hasText: 'Ines Duarte' })).toContainText('ines.duarte@fabrikam.example');
});

test('an invitation to an address with an account in another organisation looks like any other, and its owner is sent to sign in', async ({ page, browser }) => {
  // Chromium logs the refused acceptance (409) as a console error.
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS });
  // The rival organisation's admin is not told that the address has an account elsewhere.
  await signInAt(page, 'admin@rival.test');
  await page.goto(`${server.url}/settings/people`);
  await page.getByLabel(message('en', 'invite-email')).fill('user@demo.test');
  await page.getByRole('button', { name: message('en', 'invite-send') }).click();
  await expect(page.getByRole('status').filter({ hasText: message('en', 'invite-sent', { email: 'user@demo.test' }) })).toBeVisible();
  await expect(page.locator('.invitation', { hasText: 'user@demo.test' })).toBeVisible();

  // The address's owner follows the emailed link: told, and offered the way to sign in.
  const link = await invitationLink('user@demo.test');
  const owner = await device(browser);
  await owner.goto(link);
  await owner.getByLabel(message('en', 'invitation-name')).fill('Uma User');
  await owner.getByLabel(message('en', 'invitation-password'), { exact: true }).fill('a sunny day in lisbon');
  await owner.getByLabel(message('en', 'invitation-confirm')).fill('a sunny day in lisbon');
  await owner.getByRole('button', { name: message('en', 'invitation-submit') }).click();
  const refusal = owner.locator('.invitation-form [role="alert"]');
  await expect(refusal.locator('p')).toHaveText(message('en', 'problem-email-has-account', { email: 'user@demo.test' }));
  // Inside the alert, so that it is announced with it.
  const signInInstead = refusal.getByRole('link', { name: message('en', 'invitation-sign-in') });
  await expect(signInInstead).toBeVisible();

  // Any other refusal offers no sign-in: here the inviter withdrew the invitation meanwhile.
  const pending = page.locator('.invitation', { hasText: 'user@demo.test' });
  await pending.getByRole('button', { name: message('en', 'people-revoke') }).click();
  await page.getByRole('button', { name: message('en', 'people-revoke-yes') }).click();
  await expect(pending).toHaveCount(0);
  // While the next try is in flight (held here to be seen), the last one's answer is gone.
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  await owner.route('**/api/v1/invitation-links/*/accept', async (route) => { await held; await route.continue(); });
  await owner.getByRole('button', { name: message('en', 'invitation-submit') }).click();
  await expect(owner.getByRole('button', { name: message('en', 'invitation-submitting') })).toBeVisible();
  await expect(refusal).toHaveCount(0);
  release();
  await expect(refusal.locator('p')).toHaveText(message('en', 'problem-invitation-revoked'));
  await expect(signInInstead).toBeHidden();
  await owner.unroute('**/api/v1/invitation-links/*/accept');
  await owner.goto(link);
  await expect(owner.getByRole('heading', { level: 1, name: message('en', 'invitation-unusable-heading') })).toBeVisible();
  await owner.getByRole('link', { name: message('en', 'invitation-sign-in') }).click();
  await expect(owner).toHaveURL(/\/sign-in$/);
  // The account is the one it was: its own password still signs it in.
  const signedIn = await owner.request.post(`${server.url}/api/v1/session`, { data: { email: 'user@demo.test', password: DEMO_PASSWORD } });
  expect(signedIn.status()).toBe(200);
  await owner.context().close();
});

test('a partner admin changes a role and deactivates a person, whose open app is signed out at once', async ({ page, browser }) => {
  const umar = await device(browser, 'user@demo.test');
  await umar.goto('/inbox');
  await expect(umar.locator('.sync-status [role="status"]')).toHaveText(/^Synced/);

  await signInAt(page, 'admin@demo.test');
  await page.goto(`${server.url}/settings/people`);
  const row = page.locator('.person', { hasText: 'user@demo.test' });
  const roleOf = row.getByLabel(message('en', 'people-role-of', { name: 'Umar Usman' }));
  const was = await roleOf.inputValue();
  // Choosing alone changes nothing (a keyboard moving through the options fires a change
  // at each one): Keep puts the select back, and only the button applies the new role.
  await roleOf.selectOption('Viewer');
  await row.getByRole('button', { name: message('en', 'people-role-keep', { role: message('en', `value-Role-${was}`) }) }).click();
  await expect(roleOf).toHaveValue(was);
  await expect(row.getByRole('button', { name: message('en', 'people-role-apply') })).toHaveCount(0);
  const stored = async () => (await (await page.request.get(`${server.url}/api/v1/people`)).json()).people.find((p: { email: string }) => p.email === 'user@demo.test').role;
  expect(await stored()).toBe(was);
  await roleOf.selectOption('Viewer');
  expect(await stored()).toBe(was);
  await row.getByRole('button', { name: message('en', 'people-role-apply') }).click();
  await expect(page.getByRole('status').filter({ hasText: message('en', 'people-role-changed', { name: 'Umar Usman', role: message('en', 'value-Role-Viewer') }) })).toBeVisible();
  // Their open app hears of it through the feed.
  await expect(umar.locator('.user-role')).toHaveText(message('en', 'value-Role-Viewer'));
  // The admin's own row offers no role change nor deactivation.
  const own = page.locator('.person', { hasText: 'admin@demo.test' });
  await expect(own).toContainText(message('en', 'people-you'));
  await expect(own.locator('select')).toHaveCount(0);
  await expect(own.getByRole('button')).toHaveCount(0);

  await row.getByRole('button', { name: message('en', 'people-deactivate') }).click();
  await expect(row.getByText(message('en', 'people-deactivate-confirm', { name: 'Umar Usman' }))).toBeVisible();
  await row.getByRole('button', { name: message('en', 'people-deactivate-yes') }).click();
  await expect(page.getByRole('status').filter({ hasText: message('en', 'people-deactivated', { name: 'Umar Usman' }) })).toBeVisible();
  await expect(page.locator('.person', { hasText: 'user@demo.test' })).toContainText(message('en', 'people-status-deactivated'));

  // Umar's open Inbox is signed out without anyone touching it, and cannot sign in again.
  await expect(umar).toHaveURL(/\/sign-in/, { timeout: 10_000 });
  const again = await umar.request.post('/api/v1/session', { data: { email: 'user@demo.test', password: DEMO_PASSWORD } });
  expect(again.status()).toBe(401);
  await umar.context().close();

  await page.locator('.person', { hasText: 'user@demo.test' }).getByRole('button', { name: message('en', 'people-reactivate') }).click();
  await expect(page.getByRole('status').filter({ hasText: message('en', 'people-reactivated', { name: 'Umar Usman' }) })).toBeVisible();
  const back = await page.request.post(`${server.url}/api/v1/session`, { data: { email: 'user@demo.test', password: DEMO_PASSWORD } });
  expect(back.status()).toBe(200);
});

test('a person changes their password and signs in with the new one', async ({ page, browser }) => {
  // Chromium logs the refused wrong current password (422) as a console error.
  test.info().annotations.push({ type: EXPECTS_CONSOLE_ERRORS });
  const other = await device(browser, 'referrals@demo.test');
  await signInAt(page, 'referrals@demo.test');
  await page.goto(`${server.url}/settings/account`);
  const current = page.getByLabel(message('en', 'password-current'));
  const fresh = page.getByLabel(message('en', 'password-new'), { exact: true });
  const confirm = page.getByLabel(message('en', 'password-confirm'));

  await current.fill('not my password');
  await fresh.fill('rainy evenings in porto');
  await confirm.fill('rainy evenings in porto');
  await page.getByRole('button', { name: message('en', 'password-change') }).click();
  await expect(page.locator('#password-current-error')).toHaveText(message('en', 'error-current-password'));
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  // The keyboard is taken to the field to fix, so a screen reader reads its message.
  await expect(current).toBeFocused();
  await expect(fresh).toHaveValue('rainy evenings in porto');

  await current.fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: message('en', 'password-change') }).click();
  await expect(page.getByRole('status').filter({ hasText: message('en', 'password-changed') })).toBeVisible();
  await expect(current).toHaveValue('');
  // This device stays signed in; the other one is not.
  expect((await page.request.get(`${server.url}/api/v1/me`)).status()).toBe(200);
  expect((await other.request.get('/api/v1/me')).status()).toBe(401);
  await other.context().close();

  const stranger = await device(browser);
  await stranger.goto('/sign-in');
  await stranger.getByLabel('Email').fill('referrals@demo.test');
  await stranger.getByLabel('Password').fill(DEMO_PASSWORD);
  await stranger.getByRole('button', { name: 'Sign in' }).click();
  await expect(stranger.getByRole('alert')).toContainText(message('en', 'problem-invalid-credentials'));
  await stranger.getByLabel('Password').fill('rainy evenings in porto');
  await stranger.getByRole('button', { name: 'Sign in' }).click();
  await expect(stranger).toHaveURL(/\/inbox/);
  await expect(await openAccountMenu(stranger)).toContainText('Rhea Reyes');
  await stranger.context().close();
});

test('the people screen fits a phone and is a partner admin\'s alone', async ({ page, browser }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAt(page, 'admin@demo.test');
  await page.goto(`${server.url}/settings/people`);
  await page.getByLabel(message('en', 'invite-email')).fill('kai.phone@fabrikam.example');
  await page.getByRole('button', { name: message('en', 'invite-send') }).click();
  await expect(page.locator('.invitation')).toHaveCount(1);
  await page.locator('.person', { hasText: 'viewer@demo.test' }).getByRole('button', { name: message('en', 'people-deactivate') }).click();
  expect(await layoutProblems(page)).toEqual([]);

  const viewer = await device(browser, 'viewer@demo.test');
  await viewer.goto('/inbox');
  const menu = await openAccountMenu(viewer);
  await expect(menu.getByRole('link', { name: message('en', 'account-settings-link') })).toBeVisible();
  await expect(viewer.getByRole('link', { name: message('en', 'menu-people') })).toHaveCount(0);
  await viewer.goto('/settings/people');
  await expect(viewer.getByText(message('en', 'people-forbidden'))).toBeVisible();
  await viewer.context().close();
});

test('an API key made by a partner admin who was deactivated since is flagged on the keys screen and still works', async ({ page, browser }) => {
  // A second partner admin makes a key, then leaves.
  await signInAt(page, 'admin@demo.test');
  await page.goto(`${server.url}/settings/people`);
  const row = page.locator('.person', { hasText: 'referrals@demo.test' });
  await row.getByLabel(message('en', 'people-role-of', { name: 'Rhea Reyes' })).selectOption('PartnerAdmin');
  await row.getByRole('button', { name: message('en', 'people-role-apply') }).click();
  await expect(page.getByRole('status').filter({ hasText: message('en', 'people-role-changed', { name: 'Rhea Reyes', role: message('en', 'value-Role-PartnerAdmin') }) })).toBeVisible();
  const rhea = await device(browser, 'referrals@demo.test');
  const me = await (await rhea.request.get('/api/v1/me')).json();
  const made = await rhea.request.post('/api/v1/api-keys', { headers: { 'X-CSRF-Token': me.csrfToken }, data: { name: 'Rhea\'s CRM' } });
  expect(made.status()).toBe(201);
  const { key } = await made.json();
  await rhea.context().close();

  await page.locator('.person', { hasText: 'referrals@demo.test' }).getByRole('button', { name: message('en', 'people-deactivate') }).click();
  await page.locator('.person', { hasText: 'referrals@demo.test' }).getByRole('button', { name: message('en', 'people-deactivate-yes') }).click();
  await expect(page.locator('.person', { hasText: 'referrals@demo.test' })).toContainText(message('en', 'people-status-deactivated'));

  await page.goto(`${server.url}/settings/api-keys`);
  const listed = page.locator('.api-key', { hasText: 'Rhea\'s CRM' });
  await expect(listed).toContainText(message('en', 'api-key-creator-deactivated', { person: 'Rhea Reyes' }));
  // The organisation's integration goes on: the key still sends leads until someone revokes it.
  const sent = await page.request.post(`${server.url}/api/v1/ingest/referrals`, {
    headers: { Authorization: `Bearer ${key}` },
    data: {
      externalId: 'after-rhea-left',
      name: 'Northwind – field service rollout',
      consent: { consentToContact: true },
      customerProfile: { name: 'Northwind Traders', address: { city: 'Hamburg', country: 'DE' }, team: [{ firstName: 'Nora', lastName: 'Nordmann', email: 'nora@northwind.de' }] },
      details: { notes: 'Please call.', customerRequestedContact: true },
      leadType: 'Offer', leadSource: 'AppSource', callToAction: 'ContactMe', offerId: 'contoso.field-service', offerName: 'Field Service',
    },
  });
  expect(sent.status()).toBe(201);
  await expect(page.locator('.api-key', { hasText: 'Ada Adler' })).toHaveCount(0);
  // The new lead sets the open app syncing: let it finish before the server stops.
  await expect(page.locator('.sync-status [role="status"]')).toHaveText(/^Synced/);
  await page.goto('about:blank');
});

test('a colleague whose name is one word gets their full name on the deal\'s team, not a refusal no field shows', async ({ browser }) => {
  // An account named by one word: the name its owner chose when accepting the invitation.
  const admin = await device(browser, 'admin@demo.test');
  const invited = await admin.request.post('/api/v1/invitations', { headers: await csrf(admin), data: { email: 'cher@fabrikam.example', role: 'ReferralsUser' } });
  expect(invited.status()).toBe(201);
  const token = (await invitationLink('cher@fabrikam.example')).split('/').pop();
  const invitee = await device(browser);
  const joined = await invitee.request.post(`/api/v1/invitation-links/${token}/accept`, { data: { name: 'Cher', password: 'a sunny day in lisbon' } });
  expect(joined.ok(), await joined.text()).toBe(true);

  const page = await device(browser, 'referrals@demo.test');
  const lead = (await answerable(page))[0];
  await page.goto(`/referrals/${lead.id}`);
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.getByLabel('Estimated deal value').fill('12000');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Estimated closing date').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  const team = page.getByRole('group', { name: 'Team members' });
  await team.getByRole('checkbox', { name: /cher@fabrikam\.example/ }).check();
  // Their name as far as the account gives it, and a place for the part it lacks.
  const name = team.getByRole('group', { name: message('en', 'action-team-member-name', { email: 'cher@fabrikam.example' }) });
  await expect(name.getByLabel('First name')).toHaveValue('Cher');
  await expect(name.getByLabel('Last name')).toHaveValue('');
  await page.getByRole('button', { name: 'Next: move to Accepted' }).click();
  // Refused where the user can see why and fix it, with focus on it.
  await expect(name.getByLabel('Last name')).toBeFocused();
  await expect(name.getByLabel('Last name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#team-0-last-name-error')).not.toHaveText('');
  expect((await (await page.request.get(`/api/v1/referrals/${lead.id}`)).json()).status).toBe(lead.status);
  // Typing keeps the field (and its focus) in place.
  await name.getByLabel('Last name').pressSequentially('Sarkisian');
  await expect(name.getByLabel('Last name')).toBeFocused();
  await page.getByRole('button', { name: 'Next: move to Accepted' }).click();
  await expect(page.locator('.detail-subtitle')).toContainText('Active / Accepted');
  const stored = await (await page.request.get(`/api/v1/referrals/${lead.id}`)).json();
  expect(stored.team).toContainEqual(expect.objectContaining({ firstName: 'Cher', lastName: 'Sarkisian', email: 'cher@fabrikam.example' }));
  for (const open of [admin, invitee, page]) await open.context().close();
});
