import { completeSetup, expect, signIn, signOut, test } from './fixtures.ts';
import { createLead, createUser, moveTo, openLeads, openUsersPage } from './pages.ts';

/**
 * The heart of the CRM end to end, across three roles: the admin builds the team, a manager
 * brings in leads and hands one to a salesperson, who works it through to a customer.
 */
test('a team from setup to a converted lead: admin, manager and sales user', async ({ page }) => {
  await completeSetup(page);
  await openUsersPage(page);
  await createUser(page, { name: 'Max Manager', email: 'max@example.com', role: 'Manager' });
  await createUser(page, { name: 'Sam Sales', email: 'sam@example.com', role: 'Sales' });
  // The admin cannot demote or deactivate themselves: their own row offers neither.
  await expect(page.getByRole('textbox', { name: 'Role of Ada Admin' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Actions for Ada Admin' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Role of Sam Sales' })).toHaveValue('Sales');
  await signOut(page);

  await signIn(page, 'max@example.com');
  await expect(page.getByTestId('user-menu')).toContainText('Max Manager');
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await createLead(page, {
    firstName: 'Katherine',
    lastName: 'Johnson',
    email: 'katherine@nasa.example',
    company: 'NASA Langley',
    value: '48000',
  });
  await page.getByRole('textbox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: 'Sam Sales' }).click();
  await expect(page.getByText('Sam Sales now owns this lead.')).toBeVisible();
  await createLead(page, {
    firstName: 'Dorothy',
    lastName: 'Vaughan',
    email: 'dorothy@nasa.example',
    company: 'NASA Langley',
  });
  await openLeads(page);
  await expect(page.getByText('2 leads', { exact: true })).toBeVisible();
  await signOut(page);

  await signIn(page, 'sam@example.com');
  await openLeads(page);
  const names = page.getByRole('row').getByRole('link');
  await expect(names).toHaveText(['Katherine Johnson']);
  await expect(page.getByText('1 lead', { exact: true })).toBeVisible();
  await names.first().click();
  await moveTo(page, 'Contacted');
  await moveTo(page, 'Qualified');
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Convert to a customer' })
    .getByRole('button', { name: 'Convert' })
    .click();
  await expect(page).toHaveURL(/\/customers\/[^/]+$/);
  await expect(page.getByRole('heading', { name: 'Katherine Johnson', level: 1 })).toBeVisible();
  await expect(page.getByTestId('converted-from-lead')).toContainText(
    'Converted from lead Katherine Johnson',
  );

  // Sam finds the customer in their list, and the lead it came from is locked.
  await page.getByRole('link', { name: 'Customers' }).first().click();
  const customer = page.getByRole('row', { name: /Katherine Johnson/ });
  await expect(customer).toContainText('katherine@nasa.example');
  await openLeads(page);
  await page.getByRole('row').getByRole('link', { name: 'Katherine Johnson' }).click();
  await expect(page.getByTestId('lead-locked')).toHaveText('Converted · locked');
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Change status' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Convert', exact: true })).toHaveCount(0);
});
