import type { Page } from '@playwright/test';
import { completeSetup, expect, PASSWORD, signIn, signOut, test } from './fixtures.ts';
import { createUser, openUsersPage } from './pages.ts';

const auditRows = (page: Page) => page.getByTestId('audit-row');
/** The row whose "What" cell reads `what` exactly, done by `who` when given. */
const auditRow = (page: Page, what: string, who?: string) => {
  const rows = auditRows(page).filter({
    has: page.getByRole('cell', { name: what, exact: true }),
  });
  return who ? rows.filter({ hasText: who }) : rows;
};

async function openAudit(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole('heading', { name: 'Audit log', exact: true })).toBeVisible();
}

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('sign-ins and a role change appear in the admin’s audit log, filtered in the URL', async ({
  page,
  browser,
  baseURL,
}) => {
  await completeSetup(page);
  await openUsersPage(page);
  await createUser(page, { name: 'Sam Sales', email: 'sam@example.com', role: 'Sales' });
  await signOut(page);

  // Sam mistypes, then gets it right.
  await page.getByLabel('Email').fill('sam@example.com');
  await page.getByLabel('Password').fill('not my password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Invalid email or password');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await signOut(page);

  // Ada promotes Sam on the Users page.
  await signIn(page, 'ada@example.com');
  await expect(page).not.toHaveURL(/\/sign-in/);
  await openUsersPage(page);
  await page.getByRole('textbox', { name: 'Role of Sam Sales' }).click();
  await page.getByRole('option', { name: 'Manager', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Role of Sam Sales' })).toHaveValue('Manager');

  await openAudit(page);
  const roleChange = 'changed Sam Sales’s role from Sales to Manager';
  await expect(auditRow(page, roleChange, 'Ada Admin')).toHaveCount(1);
  await expect(auditRow(page, 'signed in', 'Sam Sales')).toHaveCount(1);
  const failedSentence = 'Failed sign-in for sam@example.com — wrong email or password';
  const failed = auditRow(page, failedSentence);
  await expect(failed).toHaveCount(1);
  await expect(failed.getByText('Failed sign-in', { exact: true })).toBeVisible();
  await expect(failed).toContainText('127.0.0.1');
  // The raw record opens under its row.
  await failed.getByRole('button', { name: 'Show details' }).click();
  await expect(page.getByRole('table').getByText('"reason": "invalid_credentials"')).toBeVisible();

  // Only sign-in events; the filter survives a reload.
  await chooseOption(page, 'Kind', 'All sign-ins');
  await expect(page).toHaveURL(/action=auth/);
  await expect(auditRow(page, roleChange)).toHaveCount(0);
  const signInRows = async () =>
    (await auditRows(page).evaluateAll((rows) => rows.map((row) => row.dataset.action))).every(
      (action) => action?.startsWith('auth.'),
    );
  await expect(auditRow(page, failedSentence)).toHaveCount(1);
  expect(await signInRows()).toBe(true);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Kind', exact: true })).toHaveValue(
    'All sign-ins',
  );
  await expect(auditRow(page, failedSentence)).toHaveCount(1);
  expect(await signInRows()).toBe(true);

  // One user: Sam's own sign-ins and what was done to Sam, not Ada's.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await chooseOption(page, 'User', 'Sam Sales');
  await expect(page).toHaveURL(/userId=/);
  await expect(auditRow(page, roleChange)).toHaveCount(1);
  await expect(auditRow(page, 'signed in', 'Ada Admin')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'User', exact: true })).toHaveValue('Sam Sales');
  await expect(auditRow(page, 'signed in', 'Sam Sales')).toHaveCount(1);
  await expect(auditRow(page, 'signed in', 'Ada Admin')).toHaveCount(0);

  // Sam, now a manager, has no audit log.
  const context = await browser.newContext({ baseURL });
  const samPage = await context.newPage();
  await samPage.goto('/sign-in');
  await signIn(samPage, 'sam@example.com');
  await expect(samPage).not.toHaveURL(/\/sign-in/);
  await expect(samPage.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await samPage.goto('/audit');
  await expect(samPage).not.toHaveURL(/\/audit/);
  await context.close();
});

test('the sign-in form says when an account has had too many attempts', async ({ page }) => {
  await completeSetup(page);
  await signOut(page);
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill(`guess number ${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Invalid email or password');
  }
  // Even the right password waits out the window now.
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Too many attempts. Try again in 15 minutes.',
  );
  await expect(page).toHaveURL(/\/sign-in/);
});
