import { test, expect, signIn, openAccountMenu } from './fixtures';
import { message } from './catalogue';

test('a preferred notification email is set, refused when malformed, and cleared on the account settings page', async ({ page }) => {
  await signIn(page, 'user@demo.test');
  await page.goto('/inbox');
  await (await openAccountMenu(page)).getByRole('link', { name: message('en', 'account-settings-link') }).click();
  await expect(page).toHaveURL(/\/settings\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: message('en', 'account-settings-heading') })).toBeVisible();
  const field = page.getByLabel(message('en', 'field-notificationEmail'));
  await expect(field).toHaveValue('');
  await expect(page.getByText(message('en', 'account-notification-email-hint', { email: 'user@demo.test' }))).toBeVisible();

  // A typo is named at the field, nothing is kept.
  await field.fill('leads@partner');
  await page.getByRole('button', { name: message('en', 'account-save') }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#notification-email-error')).toHaveText(
    message('en', 'error-email', { label: message('en', 'field-notificationEmail') }),
  );
  expect((await (await page.request.get('/api/v1/me')).json()).notificationEmail).toBeNull();

  await field.fill('Leads@Partner.example');
  await page.getByRole('button', { name: message('en', 'account-save') }).click();
  await expect(page.getByRole('status').filter({ hasText: message('en', 'account-saved') })).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  expect((await (await page.request.get('/api/v1/me')).json()).notificationEmail).toBe('leads@partner.example');

  // Shown again after a reload, as the account keeps it.
  await page.reload();
  await expect(page.getByLabel(message('en', 'field-notificationEmail'))).toHaveValue('leads@partner.example');

  await page.getByRole('button', { name: message('en', 'account-use-sign-in-address') }).click();
  await expect(page.getByRole('status').filter({ hasText: message('en', 'account-saved') })).toBeVisible();
  await expect(page.getByLabel(message('en', 'field-notificationEmail'))).toHaveValue('');
  expect((await (await page.request.get('/api/v1/me')).json()).notificationEmail).toBeNull();
});
