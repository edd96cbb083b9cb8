import type { Page } from '@playwright/test';
import { expect, PASSWORD } from './fixtures.ts';

/** Steps through the app's screens that several specs share. */

export interface NewLead {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  company?: string;
  value?: string;
}

export async function createLead(page: Page, lead: NewLead) {
  await page.goto('/leads/new');
  await page.getByLabel('First name').fill(lead.firstName);
  await page.getByLabel('Last name').fill(lead.lastName);
  if (lead.email) await page.getByLabel('Email').fill(lead.email);
  if (lead.phone) await page.getByLabel('Phone').fill(lead.phone);
  if (lead.company) await page.getByLabel('Company').fill(lead.company);
  if (lead.value) await page.getByLabel('Value').fill(lead.value);
  await page.getByRole('button', { name: 'Create lead' }).click();
  await expect(
    page.getByRole('heading', { name: `${lead.firstName} ${lead.lastName}`, level: 1 }),
  ).toBeVisible();
}

export async function moveTo(page: Page, status: 'New' | 'Contacted' | 'Qualified') {
  await page.getByRole('button', { name: 'Change status' }).click();
  await page.getByRole('menuitem', { name: `Move to ${status}` }).click();
  await expect(page.getByRole('listitem', { name: status })).toHaveAttribute(
    'aria-current',
    'step',
  );
}

export const timeline = (page: Page) => page.getByTestId('timeline');

export const openLeads = (page: Page) =>
  page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Leads' })
    .click();

export async function openUsersPage(page: Page) {
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
}

export async function createUser(page: Page, user: { name: string; email: string; role: string }) {
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('Name').fill(user.name);
  await dialog.getByLabel('Email').fill(user.email);
  await dialog.getByRole('textbox', { name: 'Role' }).click();
  await page.getByRole('option', { name: user.role, exact: true }).click();
  await dialog.getByLabel('Initial password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toBeHidden();
}
