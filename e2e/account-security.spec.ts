import type { Browser, Page } from '@playwright/test';
import { completeSetup, expect, PASSWORD, test } from './fixtures.ts';

const ADA = 'ada@example.com';
const NEW_PASSWORD = 'a much better passphrase';
const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

test.use({ userAgent: CHROME_MAC });

async function signInWith(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Ada on her phone: a second browser context signed in to the same account. */
async function phoneOf(browser: Browser, url: string) {
  const context = await browser.newContext({
    baseURL: url,
    userAgent: SAFARI_IPHONE,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signInWith(page, ADA, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();
  return { context, page };
}

const sessionRows = (page: Page) => page.getByTestId('session-row');

test('changing the password keeps this browser signed in and signs the phone out', async ({
  page,
  browser,
  server,
}) => {
  await completeSetup(page);
  const phone = await phoneOf(browser, server.url);

  await page.goto('/profile');
  await expect(sessionRows(page)).toHaveCount(2);
  const mine = sessionRows(page).filter({ hasText: 'Chrome on macOS' });
  await expect(mine).toContainText('This device');
  const phoneRow = sessionRows(page).filter({ hasText: 'Safari on iOS' });
  await expect(phoneRow).toBeVisible();
  await expect(phoneRow).not.toContainText('This device');
  await expect(phoneRow).toContainText(/last seen/);

  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill('not my password');
  await form.getByLabel(/^New password/).fill(NEW_PASSWORD);
  await form.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('Current password is incorrect')).toBeVisible();

  await form.getByLabel('Current password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your other sessions were signed out.')).toBeVisible();
  await expect(form.getByLabel('Current password')).toHaveValue('');
  await expect(form.getByLabel(/^New password/)).toHaveValue('');
  await expect(sessionRows(page)).toHaveCount(1);

  await page.reload();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(sessionRows(page)).toHaveCount(1);

  await phone.page.goto('/customers');
  await expect(phone.page).toHaveURL(/\/sign-in/);
  await signInWith(phone.page, ADA, PASSWORD);
  await expect(phone.page.getByRole('alert')).toBeVisible();
  await expect(phone.page).toHaveURL(/\/sign-in/);
  await signInWith(phone.page, ADA, NEW_PASSWORD);
  await expect(phone.page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();
  await phone.context.close();
});

test('"Sign out of all other sessions" ends the phone, one row at a time too', async ({
  page,
  browser,
  server,
}) => {
  await completeSetup(page);
  const phone = await phoneOf(browser, server.url);
  const tablet = await phoneOf(browser, server.url);

  await page.goto('/profile');
  await expect(sessionRows(page)).toHaveCount(3);

  // One row's own button first.
  await sessionRows(page)
    .filter({ hasText: 'Safari on iOS' })
    .first()
    .getByRole('button', { name: 'Sign out Safari on iOS' })
    .click();
  await expect(page.getByText('Safari on iOS was signed out.')).toBeVisible();
  await expect(sessionRows(page)).toHaveCount(2);

  await page.getByRole('button', { name: 'Sign out of all other sessions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign out of all other sessions?' });
  await dialog.getByRole('button', { name: 'Sign out others' }).click();
  await expect(page.getByText('Signed out of 1 other session.')).toBeVisible();
  await expect(sessionRows(page)).toHaveCount(1);
  await expect(sessionRows(page)).toContainText('This device');
  await expect(page.getByRole('button', { name: 'Sign out of all other sessions' })).toBeDisabled();

  for (const other of [phone, tablet]) {
    await other.page.goto('/customers');
    await expect(other.page).toHaveURL(/\/sign-in/);
    await other.context.close();
  }
  await page.reload();
  await expect(page).toHaveURL(/\/profile$/);
});

test('a tab whose session ended elsewhere goes to sign-in on its next fetch, and comes back', async ({
  page,
  browser,
  server,
}) => {
  await completeSetup(page);
  const phone = await phoneOf(browser, server.url);
  await phone.page.goto('/leads');
  await expect(phone.page.getByRole('heading', { name: 'Leads', exact: true })).toBeVisible();

  await page.goto('/profile');
  await page.getByRole('button', { name: 'Sign out of all other sessions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign out of all other sessions?' });
  await dialog.getByRole('button', { name: 'Sign out others' }).click();
  await expect(page.getByText('Signed out of 1 other session.')).toBeVisible();

  // The phone still shows the list; searching it fetches, and that fetch finds no session.
  await phone.page.getByRole('textbox', { name: 'Search leads' }).fill('acme');
  await expect(phone.page).toHaveURL(/\/sign-in\?redirect=%2Fleads%3Fq%3Dacme$/);
  const notice = phone.page.getByText('Your session has ended. Sign in again.');
  await expect(notice).toHaveCount(1);
  await expect(phone.page.getByRole('button', { name: 'Sign in' })).toBeVisible();

  // A wrong password is the form's own business: an alert, no second notice, still here.
  await signInWith(phone.page, ADA, 'not my password');
  await expect(
    phone.page.getByRole('alert').filter({ hasText: 'Invalid email or password' }),
  ).toBeVisible();
  await expect(phone.page).toHaveURL(/\/sign-in\?redirect=/);
  await expect(notice).toHaveCount(1);

  await signInWith(phone.page, ADA, PASSWORD);
  await expect(phone.page).toHaveURL(/\/leads\?q=acme$/);
  await expect(phone.page.getByRole('textbox', { name: 'Search leads' })).toHaveValue('acme');
  await expect(phone.page.getByRole('heading', { name: 'Leads', exact: true })).toBeVisible();
  await phone.context.close();

  // This browser, signed in all along, was never sent anywhere.
  await expect(page).toHaveURL(/\/profile$/);
});
