import {
  completeSetup,
  createCustomer,
  expect,
  PASSWORD,
  signIn,
  signOut,
  test,
} from './fixtures.ts';

test('first run, sign out and in, then a customer from creation to deletion', async ({ page }) => {
  await completeSetup(page);
  await expect(page.getByText('No customers yet')).toBeVisible();

  await signOut(page);
  await signIn(page, 'ada@example.com');
  await expect(page).toHaveURL(/\/customers$/);

  await page.getByRole('link', { name: 'New customer' }).click();
  await page.getByLabel('First name').fill('Grace');
  await page.getByLabel('Last name').fill('Hopper');
  await page.getByLabel('Email').fill('grace@navy.example');
  await page.getByLabel('Phone').fill('+1 202 555 0143');
  await page.getByLabel('Company').fill('US Navy');
  await page.getByLabel('Street address').fill('1 Navy Yard');
  await page.getByLabel('City').fill('Arlington');
  await page.getByLabel('State / region').fill('VA');
  await page.getByLabel('ZIP / postal code').fill('22202');
  await page.getByLabel('Country').fill('United States');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { name: 'Grace Hopper' })).toBeVisible();

  await page.getByRole('link', { name: 'Customers' }).first().click();
  const row = page.getByRole('row', { name: /Grace Hopper/ });
  await expect(row).toContainText('grace@navy.example');
  await expect(row).toContainText('US Navy');
  await expect(page.getByText('1 customer', { exact: true })).toBeVisible();

  await row.getByRole('link', { name: 'Grace Hopper' }).click();
  await expect(page.getByText('1 Navy Yard')).toBeVisible();
  await expect(page.getByText('Arlington, VA, 22202')).toBeVisible();

  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByLabel('First name')).toHaveValue('Grace');
  await expect(page.getByLabel('City')).toHaveValue('Arlington');
  await page.getByLabel('City').fill('Washington');
  await page.getByLabel('State / region').fill('DC');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Washington, DC, 22202')).toBeVisible();

  await page.reload();
  await expect(page.getByText('Washington, DC, 22202')).toBeVisible();

  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Delete Grace Hopper?');
  await dialog.getByRole('button', { name: 'Delete customer' }).click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByText('No customers yet')).toBeVisible();
});

test('shows the server’s validation errors under their fields', async ({ page }) => {
  await completeSetup(page);
  await page.goto('/customers/new');
  await page.getByLabel('First name').fill('Grace');
  await page.getByLabel('Email').fill('not an email');
  await page.getByLabel('ZIP / postal code').fill('x'.repeat(21));
  await page.getByRole('button', { name: 'Create customer' }).click();

  const lastName = page.getByLabel('Last name');
  await expect(lastName).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Last name is required')).toBeVisible();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByText('Must be at most 20 characters')).toBeVisible();
  await expect(page).toHaveURL(/\/customers\/new$/);
});

test('a duplicate email links to the customer who has it', async ({ page }) => {
  await completeSetup(page);
  await createCustomer(page, {
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@engines.example',
  });
  await page.goto('/customers/new');
  await page.getByLabel('First name').fill('Augusta');
  await page.getByLabel('Last name').fill('King');
  await page.getByLabel('Email').fill('ADA@engines.example');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByText('A customer with this email already exists')).toBeVisible();
  await page.getByRole('link', { name: 'Open the existing customer' }).click();
  await expect(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
});

test('search, sort and deep links work from the URL', async ({ page }) => {
  await completeSetup(page);
  for (const [first, last, company] of [
    ['Alan', 'Turing', 'Bletchley'],
    ['Barbara', 'Liskov', 'MIT'],
    ['Edsger', 'Dijkstra', 'Eindhoven'],
  ] as const) {
    await createCustomer(page, {
      firstName: first,
      lastName: last,
      email: `${first}@x.example`,
      company,
    });
  }
  await page.goto('/customers?sort=lastName');
  const names = page.getByRole('row').getByRole('link');
  await expect(names).toHaveText(['Edsger Dijkstra', 'Barbara Liskov', 'Alan Turing']);

  await page.getByLabel('Search customers').fill('mit');
  await expect(page).toHaveURL(/q=mit/);
  await expect(names).toHaveText(['Barbara Liskov']);

  await page.getByLabel('Search customers').fill('nobody-like-this');
  await expect(page.getByText('No customers match “nobody-like-this”')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(names).toHaveCount(3);
});

test('an unauthenticated visitor signs in and lands where they were going', async ({ page }) => {
  await completeSetup(page);
  await signOut(page);
  await page.goto('/customers/new?from=bookmark');
  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  await signIn(page, 'ada@example.com');
  await expect(page).toHaveURL(/\/customers\/new\?from=bookmark$/);
  await expect(page.getByRole('heading', { name: 'New customer' })).toBeVisible();
});

test('a wrong password is refused with a message', async ({ page }) => {
  await completeSetup(page);
  await signOut(page);
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Password').fill(`${PASSWORD}!`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/invalid email or password/i);
  await expect(page).toHaveURL(/\/sign-in/);
});
