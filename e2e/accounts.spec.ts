import {
  completeSetup,
  createCustomer,
  expect,
  PASSWORD,
  signIn,
  signOut,
  test,
} from './fixtures.ts';

test('an admin enables sign-up; a newcomer registers and is signed in as Sales', async ({
  page,
}) => {
  await completeSetup(page);
  await page.goto('/sign-up');
  await expect(page).toHaveURL(/\/customers$/);

  await page.getByRole('link', { name: 'Settings' }).click();
  const toggle = page.getByRole('switch', { name: 'Allow self sign-up' });
  await expect(toggle).not.toBeChecked();
  await toggle.click({ force: true });
  await expect(toggle).toBeChecked();
  await signOut(page);

  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Name').fill('Nora Newcomer');
  await page.getByLabel('Email').fill('nora@example.com');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();

  // Sales users start on their own dashboard.
  await expect(page).toHaveURL(/\/dashboard$/);
  const menu = page.getByTestId('user-menu');
  await expect(menu).toContainText('Nora Newcomer');
  await expect(menu).toContainText('Sales');
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
});

test.describe('with sign-up off (the default)', () => {
  test('the sign-up page says so and offers no form', async ({ page }) => {
    await completeSetup(page);
    await signOut(page);
    await expect(page.getByRole('link', { name: 'Create an account' })).toHaveCount(0);
    await page.goto('/sign-up');
    await expect(page.getByText('Self sign-up is turned off on this server.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create account' })).toHaveCount(0);
  });
});

test.describe('with ALLOW_SIGNUP=true', () => {
  test.use({ serverEnv: { ALLOW_SIGNUP: 'true' } });

  test('settings show that the environment decides', async ({ page }) => {
    await completeSetup(page);
    await page.goto('/settings');
    await expect(page.getByRole('switch', { name: 'Allow self sign-up' })).toBeChecked();
    await expect(page.getByText('ALLOW_SIGNUP=true')).toBeVisible();
  });
});

test('a sales user never sees another sales user’s customers', async ({ page, server }) => {
  await completeSetup(page);
  await server.createUser({ name: 'Sam Seller', email: 'sam@example.com', role: 'sales' });
  await server.createUser({ name: 'Olga Other', email: 'olga@example.com', role: 'sales' });
  await signOut(page);

  await signIn(page, 'sam@example.com');
  await expect(page.getByTestId('user-menu')).toContainText('Sam Seller');
  await createCustomer(page, {
    firstName: 'Sams',
    lastName: 'Client',
    email: 'client@sam.example',
  });
  const samsCustomerUrl = page.url();
  await signOut(page);

  await signIn(page, 'olga@example.com');
  await expect(page.getByTestId('user-menu')).toContainText('Olga Other');
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByText('No customers yet')).toBeVisible();
  await page.getByLabel('Search customers').fill('client');
  await expect(page.getByText('No customers match “client”')).toBeVisible();
  await page.goto(samsCustomerUrl);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(page.getByText('Sams Client')).toHaveCount(0);
});

test('a viewer reads customers but is offered no changes', async ({ page, server }) => {
  await completeSetup(page);
  await createCustomer(page, { firstName: 'Read', lastName: 'Only', email: 'read@only.example' });
  await server.createUser({ name: 'Vera Viewer', email: 'vera@example.com', role: 'viewer' });
  await signOut(page);
  await signIn(page, 'vera@example.com');
  await expect(page.getByRole('link', { name: 'New customer' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Read Only' }).click();
  await expect(page.getByRole('heading', { name: 'Read Only' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);

  // Typed URLs do not bring the forms back either.
  const detail = page.url();
  await page.goto(`${detail}/edit`);
  await expect(page).toHaveURL(detail);
  await expect(page.getByLabel('First name')).toHaveCount(0);
  await page.goto('/customers/new');
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole('button', { name: 'Create customer' })).toHaveCount(0);
});
