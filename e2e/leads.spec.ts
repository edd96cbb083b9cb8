import { completeSetup, createCustomer, expect, signIn, signOut, test } from './fixtures.ts';
import { createLead, moveTo, openLeads, timeline } from './pages.ts';

test('a lead from the form to the list, found by status filter and search', async ({ page }) => {
  await completeSetup(page);
  await openLeads(page);
  await expect(page.getByText('No leads yet')).toBeVisible();

  await page.getByRole('link', { name: 'New lead' }).click();
  await page.getByLabel('First name').fill('Grace');
  await page.getByLabel('Last name').fill('Hopper');
  await page.getByLabel('Email').fill('grace@navy.example');
  await page.getByLabel('Company').fill('US Navy');
  await page.getByLabel('Job title').fill('Rear Admiral');
  await page.getByLabel('Value').fill('12500.5');
  await page.getByRole('button', { name: 'Create lead' }).click();
  await expect(page.getByRole('heading', { name: 'Grace Hopper', level: 1 })).toBeVisible();
  await expect(page.getByText('Rear Admiral · US Navy')).toBeVisible();
  await expect(timeline(page)).toContainText('Ada Admin created the lead');
  await moveTo(page, 'Contacted');
  await expect(timeline(page)).toContainText('Ada Admin changed status: New → Contacted');

  await createLead(page, { firstName: 'Alan', lastName: 'Turing', phone: '+44 20 7946 0018' });

  await openLeads(page);
  await expect(page.getByText('2 leads', { exact: true })).toBeVisible();
  const grace = page.getByRole('row', { name: /Grace Hopper/ });
  await expect(grace).toContainText('US Navy');
  await expect(grace).toContainText('12,500.50');
  await expect(grace).toContainText('Contacted');
  await expect(grace).toContainText('Ada Admin');

  const names = page.getByRole('row').getByRole('link');
  await page.getByRole('textbox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Contacted' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/status=contacted/);
  await expect(names).toHaveText(['Grace Hopper']);
  await expect(page.getByText('1 lead', { exact: true })).toBeVisible();

  // The URL is the view: reloading it shows the same filtered list.
  await page.reload();
  await expect(names).toHaveText(['Grace Hopper']);

  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(names).toHaveCount(2);
  await page.getByLabel('Search leads').fill('turing');
  await expect(page).toHaveURL(/q=turing/);
  await expect(names).toHaveText(['Alan Turing']);

  await page.getByLabel('Search leads').fill('nobody-like-this');
  await expect(page.getByText('No leads match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).last().click();
  await expect(names).toHaveCount(2);
  await expect(page.getByLabel('Search leads')).toHaveValue('');
});

test('the server’s validation errors appear under their fields', async ({ page }) => {
  await completeSetup(page);
  await page.goto('/leads/new');
  await page.getByLabel('First name').fill('Nora');
  await page.getByRole('button', { name: 'Create lead' }).click();

  await expect(page.getByLabel('Last name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Last name is required')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Give an email address or a phone number')).toBeVisible();
  await expect(page).toHaveURL(/\/leads\/new$/);
});

test('a lead goes New → Contacted → Qualified and converts into a locked lead and a customer', async ({
  page,
}) => {
  await completeSetup(page);
  await createLead(page, {
    firstName: 'Barbara',
    lastName: 'Liskov',
    email: 'barbara@mit.example',
    company: 'MIT',
  });
  await expect(page.getByRole('button', { name: 'Convert', exact: true })).toHaveCount(0);
  await moveTo(page, 'Contacted');
  await moveTo(page, 'Qualified');
  await expect(timeline(page)).toContainText('changed status: Contacted → Qualified');

  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Convert to a customer' });
  await expect(dialog).toContainText(
    'Convert Barbara Liskov to a customer? A customer is created from this lead’s details, owned by Ada Admin. The lead is then locked.',
  );
  await dialog.getByRole('button', { name: 'Convert' }).click();

  await expect(page).toHaveURL(/\/customers\/[^/]+$/);
  await expect(page.getByRole('heading', { name: 'Barbara Liskov', level: 1 })).toBeVisible();
  const source = page.getByTestId('converted-from-lead');
  await expect(source).toContainText('Converted from lead Barbara Liskov');
  await expect(timeline(page)).toContainText('Ada Admin created the customer from a lead');

  await source.getByRole('link', { name: 'Barbara Liskov' }).click();
  await expect(page).toHaveURL(/\/leads\/[^/]+$/);
  await expect(page.getByTestId('lead-locked')).toHaveText('Converted · locked');
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Change status' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Owner' })).toHaveCount(0);
  await expect(timeline(page)).toContainText('Ada Admin converted the lead into a customer');

  // Still open for notes: a converted lead takes activities.
  const log = page.getByRole('form', { name: 'Log an activity' });
  await log.getByText('Call', { exact: true }).click();
  await expect(log.getByRole('radio', { name: 'Call' })).toBeChecked();
  await log.getByLabel('Activity details').fill('Welcome call done.\nOnboarding next week.');
  await log.getByRole('button', { name: 'Log' }).click();
  await expect(timeline(page)).toContainText('Ada Admin logged a call');
  await expect(timeline(page)).toContainText('Welcome call done.');

  // A deep link to the edit form of a locked lead goes back to the lead.
  const leadUrl = page.url();
  await page.goto(`${leadUrl}/edit`);
  await expect(page).toHaveURL(leadUrl);
  await expect(page.getByTestId('lead-locked')).toBeVisible();
});

test('converting a lead whose email a customer has offers to link it instead', async ({ page }) => {
  await completeSetup(page);
  await createCustomer(page, {
    firstName: 'Edsger',
    lastName: 'Dijkstra',
    email: 'edsger@tue.example',
  });
  await createLead(page, { firstName: 'E. W.', lastName: 'Dijkstra', email: 'EDSGER@tue.example' });
  await moveTo(page, 'Qualified');
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Convert to a customer' })
    .getByRole('button', { name: 'Convert' })
    .click();

  const duplicate = page.getByRole('dialog', { name: 'A customer with this email already exists' });
  await expect(duplicate).toBeVisible();
  await expect(duplicate.getByRole('link', { name: 'Open the existing customer' })).toHaveAttribute(
    'href',
    /\/customers\/.+/,
  );
  await duplicate.getByRole('button', { name: 'Link lead to this customer' }).click();

  await expect(page.getByRole('heading', { name: 'Edsger Dijkstra', level: 1 })).toBeVisible();
  await expect(page.getByTestId('converted-from-lead')).toContainText(
    'Converted from lead E. W. Dijkstra',
  );
  await page.getByRole('link', { name: 'Customers' }).first().click();
  await expect(page.getByText('1 customer', { exact: true })).toBeVisible();
});

test('marking a lead lost asks for a reason, and an admin may reopen it', async ({ page }) => {
  await completeSetup(page);
  await createLead(page, {
    firstName: 'Linus',
    lastName: 'Torvalds',
    email: 'linus@kernel.example',
  });
  await page.getByRole('button', { name: 'Change status' }).click();
  await page.getByRole('menuitem', { name: 'Mark as lost…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark as lost' });
  await dialog.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(dialog.getByText('Say why the lead was lost')).toBeVisible();
  await expect(dialog.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByLabel('Reason').fill('Chose a competitor on price.');
  await dialog.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(dialog).toBeHidden();
  const lost = page.getByTestId('lead-lost');
  await expect(lost).toContainText('Lost');
  await expect(lost).toContainText('Chose a competitor on price.');
  await expect(timeline(page)).toContainText('changed status: New → Lost');
  await expect(timeline(page)).toContainText('Reason: Chose a competitor on price.');
  await expect(page.getByRole('button', { name: 'Convert', exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Reopen' }).click();
  await page.getByRole('menuitem', { name: 'Reopen as Contacted' }).click();
  await expect(page.getByRole('listitem', { name: 'Contacted' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await expect(page.getByTestId('lead-lost')).toHaveCount(0);
});

test('an edit sends the changes, and the timeline says what changed', async ({ page }) => {
  await completeSetup(page);
  await createLead(page, {
    firstName: 'Ken',
    lastName: 'Thompson',
    email: 'ken@bell.example',
    company: 'Bell Labs',
    value: '1000',
  });
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByLabel('First name')).toHaveValue('Ken');
  await expect(page.getByLabel('Value')).toHaveValue('1,000.00');
  await page.getByLabel('Value').fill('2000');
  await page.getByLabel('Company').fill('Google');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Ken Thompson', level: 1 })).toBeVisible();
  await expect(timeline(page)).toContainText(
    'Ada Admin changed Company from Bell Labs to Google, Value from 1,000.00 to 2,000.00',
  );
});

test('a sales user sees their own leads, with no owner filter or picker', async ({
  page,
  server,
}) => {
  await completeSetup(page);
  await server.createUser({ name: 'Bob Sales', email: 'bob@example.com', role: 'sales' });
  await createLead(page, { firstName: 'Ada', lastName: 'Only', email: 'only@admin.example' });
  await page.getByRole('textbox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: 'Bob Sales' }).click();
  await expect(page.getByText('Bob Sales now owns this lead.')).toBeVisible();
  await expect(timeline(page)).toContainText('Ada Admin assigned the lead to Bob Sales');
  await createLead(page, { firstName: 'Not', lastName: 'Bobs', email: 'not@bobs.example' });
  await signOut(page);

  await signIn(page, 'bob@example.com');
  await openLeads(page);
  const names = page.getByRole('row').getByRole('link');
  await expect(names).toHaveText(['Ada Only']);
  await expect(page.getByRole('textbox', { name: 'Owner' })).toHaveCount(0);

  await page.getByRole('link', { name: 'New lead' }).click();
  await expect(page.getByLabel('First name')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Owner' })).toHaveCount(0);
});

test('deleting a lead asks first, from the list and from the lead', async ({ page }) => {
  await completeSetup(page);
  await createLead(page, { firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.example' });
  await createLead(page, {
    firstName: 'Alan',
    lastName: 'Turing',
    email: 'alan@bletchley.example',
  });
  await openLeads(page);
  await expect(page.getByText('2 leads', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Actions for Alan Turing' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Alan Turing?' });
  await dialog.getByRole('button', { name: 'Delete lead' }).click();
  await expect(page.getByText('1 lead', { exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /Alan Turing/ })).toHaveCount(0);

  await page
    .getByRole('row', { name: /Grace Hopper/ })
    .getByRole('link')
    .click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete Grace Hopper?' })
    .getByRole('button', { name: 'Delete lead' })
    .click();
  await expect(page).toHaveURL(/\/leads$/);
  await expect(page.getByText('No leads yet')).toBeVisible();
});

test('a lead without an email cannot become a customer until it has one', async ({ page }) => {
  await completeSetup(page);
  await createLead(page, { firstName: 'Alan', lastName: 'Turing', phone: '+44 20 7946 0018' });
  await moveTo(page, 'Qualified');
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Convert to a customer' });
  await dialog.getByRole('button', { name: 'Convert' }).click();
  await expect(dialog.getByRole('alert')).toContainText('a customer needs one');
  await dialog.getByRole('link', { name: 'Edit the lead' }).click();
  await page.getByLabel('Email').fill('alan@bletchley.example');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('button', { name: 'Convert', exact: true }).click();
  await dialog.getByRole('button', { name: 'Convert' }).click();
  await expect(page.getByTestId('converted-from-lead')).toContainText('Alan Turing');
});
