import type { Page } from '@playwright/test';
import { completeSetup, expect, PASSWORD, signIn, test } from './fixtures.ts';
import { createUser, openUsersPage } from './pages.ts';

const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });

async function rowAction(page: Page, name: string, action: string) {
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

test('the admin builds the team, changes a role, deactivates and reactivates a user', async ({
  page,
  browser,
  server,
}) => {
  await completeSetup(page);
  await openUsersPage(page);

  const own = row(page, 'Ada Admin');
  await expect(own).toContainText('You');
  await expect(own).toContainText('Admin');
  await expect(page.getByRole('textbox', { name: 'Role of Ada Admin' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Actions for Ada Admin' })).toHaveCount(0);

  await createUser(page, { name: 'Max Manager', email: 'max@example.com', role: 'Manager' });
  await createUser(page, { name: 'Sam Sales', email: 'sam@example.com', role: 'Sales' });
  await expect(row(page, 'Max Manager')).toContainText('max@example.com');
  await expect(page.getByRole('textbox', { name: 'Role of Max Manager' })).toHaveValue('Manager');
  await expect(page.getByRole('textbox', { name: 'Role of Sam Sales' })).toHaveValue('Sales');
  await expect(page.getByText('3 users · 3 active')).toBeVisible();

  await page.getByRole('textbox', { name: 'Role of Max Manager' }).click();
  await page.getByRole('option', { name: 'Viewer', exact: true }).click();
  await expect(page.getByText('Max Manager is now Viewer.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Role of Max Manager' })).toHaveValue('Viewer');

  // Sam is signed in elsewhere while the admin deactivates him.
  const samContext = await browser.newContext({ baseURL: server.url });
  const samPage = await samContext.newPage();
  await samPage.goto('/sign-in');
  await signIn(samPage, 'sam@example.com');
  await expect(samPage.getByTestId('user-menu')).toContainText('Sam Sales');

  await rowAction(page, 'Sam Sales', 'Deactivate');
  const confirm = page.getByRole('dialog', { name: 'Deactivate Sam Sales?' });
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row(page, 'Sam Sales')).toContainText('Deactivated');
  await expect(page.getByText('3 users · 2 active')).toBeVisible();

  await samPage.reload();
  await expect(samPage).toHaveURL(/\/sign-in/);
  await signIn(samPage, 'sam@example.com');
  await expect(samPage.getByRole('alert')).toContainText('deactivated');
  await expect(samPage).toHaveURL(/\/sign-in/);

  await rowAction(page, 'Sam Sales', 'Reactivate');
  await page
    .getByRole('dialog', { name: 'Reactivate Sam Sales?' })
    .getByRole('button', { name: 'Reactivate' })
    .click();
  await expect(row(page, 'Sam Sales')).toContainText('Active');

  await signIn(samPage, 'sam@example.com');
  await expect(samPage.getByTestId('user-menu')).toContainText('Sam Sales');
  await expect(samPage.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await samContext.close();
});

test('the New user form shows the server’s errors under its fields', async ({ page }) => {
  await completeSetup(page);
  await openUsersPage(page);
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('Name').fill('Ada Again');
  await dialog.getByLabel('Email').fill('ada@example.com');
  await dialog.getByLabel('Initial password').fill('short');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog.getByText('Must be at least 8 characters')).toBeVisible();
  await dialog.getByLabel('Initial password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog.getByText('A user with this email already exists')).toBeVisible();
  await expect(dialog.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
});

test('deactivating a user with open leads offers to hand them over in one step', async ({
  page,
}) => {
  await completeSetup(page);
  await openUsersPage(page);
  await createUser(page, { name: 'Max Manager', email: 'max@example.com', role: 'Manager' });
  await createUser(page, { name: 'Sam Sales', email: 'sam@example.com', role: 'Sales' });

  const team = await (await page.request.get('/api/v1/users')).json();
  const idOf = (name: string): string =>
    team.data.find((member: { name: string }) => member.name === name).id;
  const sam = idOf('Sam Sales');
  const leadIds: string[] = [];
  for (const name of ['Lin', 'Kim', 'Joe']) {
    const response = await page.request.post('/api/v1/leads', {
      data: { firstName: name, lastName: 'Prospect', email: `${name}@lead.example`, ownerId: sam },
    });
    expect(response.status()).toBe(201);
    leadIds.push((await response.json()).id);
  }
  const lost = await page.request.patch(`/api/v1/leads/${leadIds[2]}`, {
    data: { status: 'lost', lostReason: 'No budget' },
  });
  expect(lost.status()).toBe(200);

  await page.reload();
  const openLeadsCell = row(page, 'Sam Sales').getByRole('cell').nth(5);
  await expect(openLeadsCell).toHaveText('2');
  await rowAction(page, 'Sam Sales', 'Deactivate');
  await page
    .getByRole('dialog', { name: 'Deactivate Sam Sales?' })
    .getByRole('button', { name: 'Deactivate' })
    .click();

  const reassign = page.getByRole('dialog', { name: 'Reassign Sam Sales’s open leads' });
  await expect(reassign).toContainText('2 open leads');
  await reassign.getByRole('textbox', { name: 'New owner' }).click();
  await page.getByRole('option', { name: 'Max Manager' }).click();
  await reassign.getByRole('button', { name: 'Reassign leads' }).click();
  await expect(page.getByText('Moved 2 leads to Max Manager.')).toBeVisible();
  await expect(reassign).toBeHidden();
  await expect(openLeadsCell).toHaveText('0');
  await expect(row(page, 'Max Manager').getByRole('cell').nth(5)).toHaveText('2');

  const maxLeads = await (
    await page.request.get('/api/v1/leads', { params: { ownerId: idOf('Max Manager') } })
  ).json();
  expect(maxLeads.total).toBe(2);
  const samLeads = await (
    await page.request.get('/api/v1/leads', { params: { ownerId: sam } })
  ).json();
  expect(samLeads.data.map((lead: { status: string }) => lead.status)).toEqual(['lost']);
});

test('only admins see the Users page', async ({ page, server }) => {
  await completeSetup(page);
  await server.createUser({ name: 'Max Manager', email: 'max@example.com', role: 'manager' });
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await signIn(page, 'max@example.com');
  await expect(page.getByTestId('user-menu')).toContainText('Max Manager');
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await page.goto('/users');
  await expect(page).not.toHaveURL(/\/users$/);
});
