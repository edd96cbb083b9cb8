import type { Page } from '@playwright/test';
import { completeSetup, expect, signIn, signOut, test } from './fixtures.ts';
import { kpi, type Status, seedLead, userIds } from './pages.ts';

/**
 * Screenshots of the dashboards for review (`npm run shots`), written to $SHOTS_DIR or
 * /tmp/shots: the team dashboard light, dark and at 375 px, my dashboard, both empty.
 * Not part of `npm test`.
 */
test('screenshots of both dashboards, with data and empty', async ({ page, server, browser }) => {
  test.setTimeout(180_000);
  const dir = process.env.SHOTS_DIR ?? '/tmp/shots';
  await completeSetup(page);
  for (const [name, email, role] of [
    ['Sam Sales', 'sam@example.com', 'sales'],
    ['Sally Seller', 'sally@example.com', 'sales'],
    ['Marco Manager', 'marco@example.com', 'manager'],
    ['Priya Patel', 'priya@example.com', 'sales'],
  ] as const) {
    await server.createUser({ name, email, role });
  }
  const ids = await userIds(page);
  const owners = [ids['Sam Sales'], ids['Sally Seller'], ids['Priya Patel'], ids['Marco Manager']];
  const sources = [
    'website',
    'referral',
    'event',
    'cold_call',
    'email_campaign',
    'social',
    'partner',
  ];
  const statuses: Status[] = ['new', 'contacted', 'qualified', 'converted', 'lost', 'converted'];
  const first = ['Ada', 'Ben', 'Cora', 'Dev', 'Elif', 'Finn', 'Gia', 'Hugo', 'Iris', 'Jon'];
  for (let i = 0; i < 32; i++) {
    await seedLead(page, {
      firstName: first[i % first.length] ?? 'Ada',
      lastName: `Client${i}`,
      source: sources[(i * 3) % sources.length] ?? 'other',
      value: 1_500 + ((i * 7_919) % 48_000) + (i % 5 === 0 ? 0.5 : 0),
      status: statuses[i % statuses.length] ?? 'new',
      ownerId: i % 9 === 8 ? null : (owners[(i * 7 + (i >> 2)) % owners.length] ?? null),
    });
  }
  const settle = async (target: Page) => {
    await expect(kpi(target, 'Total leads')).toBeVisible();
    await target.waitForTimeout(400);
  };

  await page.goto('/dashboard/team');
  await settle(page);
  await page.screenshot({ path: `${dir}/team-dashboard-1440.png`, fullPage: true });
  await page.goto('/dashboard/team?range=custom&from=2020-01-01&to=2020-03-31');
  await expect(page.getByRole('heading', { name: 'No leads created in this range' })).toBeVisible();
  await page.screenshot({ path: `${dir}/dashboard-empty-1440.png`, fullPage: true });

  const state = await page.context().storageState();
  const dark = await browser.newContext({
    baseURL: server.url,
    storageState: state,
    colorScheme: 'dark',
    viewport: { width: 1440, height: 900 },
  });
  const darkPage = await dark.newPage();
  await darkPage.goto('/dashboard/team');
  await settle(darkPage);
  await darkPage.screenshot({ path: `${dir}/team-dashboard-dark-1440.png`, fullPage: true });
  await dark.close();

  const phone = await browser.newContext({
    baseURL: server.url,
    storageState: state,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
  });
  const phonePage = await phone.newPage();
  await phonePage.goto('/dashboard/team');
  await settle(phonePage);
  await phonePage.screenshot({ path: `${dir}/team-dashboard-375.png`, fullPage: true });
  await phone.close();

  await signOut(page);
  await signIn(page, 'sam@example.com');
  await expect(page).toHaveURL(/\/dashboard$/);
  await settle(page);
  await page.screenshot({ path: `${dir}/my-dashboard-1440.png`, fullPage: true });
  await page.goto('/dashboard?range=custom&from=2020-01-01&to=2020-03-31');
  await expect(page.getByRole('heading', { name: 'No leads created in this range' })).toBeVisible();
  await page.screenshot({ path: `${dir}/my-dashboard-empty-1440.png`, fullPage: true });
});
