import type { Locator, Page } from '@playwright/test';
import { completeSetup, expect, signIn, signOut, test } from './fixtures.ts';
import { kpi, type Status, seedLead, userIds } from './pages.ts';

/**
 * The dashboards read what the API computes; these tests seed leads with known statuses, sources,
 * owners and values through the API (as the signed-in admin), then read every figure off the page.
 */

/** A lead of the seeded team: "First Last", walked to its status by `seedLead`. */
interface TeamLead {
  name: string;
  source: string;
  value: number;
  status: Status;
  ownerId: string | null;
}

/**
 * Nine leads, all created today:
 *   Sam:   website 10,000 converted · website 5,000 contacted · referral 2,500.50 new ·
 *          event 7,000 lost
 *   Sally: referral 20,000 converted · partner 4,000 converted · cold call 3,000 qualified
 *   none:  website 1,200 new · event 800 lost
 */
async function seedTeam(page: Page) {
  const ids = await userIds(page);
  const sam = ids['Sam Sales'] ?? null;
  const sally = ids['Sally Seller'] ?? null;
  const leads: TeamLead[] = [
    { name: 'Ann Web', source: 'website', value: 10_000, status: 'converted', ownerId: sam },
    { name: 'Ben Web', source: 'website', value: 5_000, status: 'contacted', ownerId: sam },
    { name: 'Cal Ref', source: 'referral', value: 2_500.5, status: 'new', ownerId: sam },
    { name: 'Dee Event', source: 'event', value: 7_000, status: 'lost', ownerId: sam },
    { name: 'Eve Ref', source: 'referral', value: 20_000, status: 'converted', ownerId: sally },
    { name: 'Fay Partner', source: 'partner', value: 4_000, status: 'converted', ownerId: sally },
    { name: 'Gus Call', source: 'cold_call', value: 3_000, status: 'qualified', ownerId: sally },
    { name: 'Hal Web', source: 'website', value: 1_200, status: 'new', ownerId: null },
    { name: 'Ivy Event', source: 'event', value: 800, status: 'lost', ownerId: null },
  ];
  for (const { name, ...lead } of leads) {
    const [firstName = name, lastName = 'Lead'] = name.split(' ');
    await seedLead(page, { firstName, lastName, ...lead });
  }
  return { sam, sally };
}

/** The cells after a table's row header, e.g. ['3', '33.3%'] for "Converted". */
const rowCells = (table: Locator, header: string) =>
  table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: header, exact: true }) })
    .getByRole('cell');

async function showTable(page: Page, widget: string) {
  await page
    .getByRole('radiogroup', { name: `Show ${widget} as` })
    .getByText('Table', { exact: true })
    .click();
  return page.getByRole('table', { name: widget, exact: true });
}

async function expectTeamFigures(page: Page) {
  await expect(kpi(page, 'Total leads')).toHaveText('9');
  await expect(kpi(page, 'Conversion rate')).toHaveText('33.3%');
  await expect(kpi(page, 'Win rate')).toHaveText('60.0%');
  await expect(kpi(page, 'Open pipeline')).toHaveText('11,700.50');
  // Created and converted within seconds of each other: no whole tenth of a day.
  await expect(kpi(page, 'Days to convert')).toHaveText('0.0 days');
}

test.describe('the team dashboard', () => {
  test.beforeEach(async ({ page, server }) => {
    await completeSetup(page);
    await server.createUser({ name: 'Sam Sales', email: 'sam@example.com', role: 'sales' });
    await server.createUser({ name: 'Sally Seller', email: 'sally@example.com', role: 'sales' });
  });

  test('shows the seeded figures, by status, source and owner', async ({ page }) => {
    await seedTeam(page);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Team dashboard' })
      .click();
    await expect(page).toHaveURL(/\/dashboard\/team$/);
    await expect(page.getByRole('heading', { name: 'Team dashboard', level: 1 })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Last 30 days' })).toBeChecked();
    await expectTeamFigures(page);

    // Every chart is a figure named by its title and described in words.
    await expect(page.getByRole('figure', { name: 'Leads by status' })).toHaveAccessibleDescription(
      /9 leads: New 2 \(22\.2%\), Contacted 1 \(11\.1%\), Qualified 1 \(11\.1%\), Converted 3 \(33\.3%\), Lost 2 \(22\.2%\)/,
    );

    const byStatus = await showTable(page, 'Leads by status');
    await expect(rowCells(byStatus, 'New')).toHaveText(['2', '22.2%']);
    await expect(rowCells(byStatus, 'Contacted')).toHaveText(['1', '11.1%']);
    await expect(rowCells(byStatus, 'Qualified')).toHaveText(['1', '11.1%']);
    await expect(rowCells(byStatus, 'Converted')).toHaveText(['3', '33.3%']);
    await expect(rowCells(byStatus, 'Lost')).toHaveText(['2', '22.2%']);
    await expect(rowCells(byStatus, 'Total')).toHaveText(['9', '100.0%']);

    const trend = await showTable(page, 'Leads created and converted per week');
    await expect(rowCells(trend, 'Total')).toHaveText(['9', '3']);

    const bySource = page.getByRole('table', { name: 'Leads by source' });
    await expect(bySource.getByRole('rowheader')).toHaveText([
      'Website',
      /Referral|Event/,
      /Referral|Event/,
      /Cold call|Partner/,
      /Cold call|Partner/,
      'Total',
    ]);
    await expect(rowCells(bySource, 'Website')).toHaveText(['3', '1', '33.3%']);
    await expect(rowCells(bySource, 'Referral')).toHaveText(['2', '1', '50.0%']);
    await expect(rowCells(bySource, 'Event')).toHaveText(['2', '0', '0.0%']);
    await expect(rowCells(bySource, 'Cold call')).toHaveText(['1', '0', '0.0%']);
    await expect(rowCells(bySource, 'Partner')).toHaveText(['1', '1', '100.0%']);
    await expect(rowCells(bySource, 'Total')).toHaveText(['9', '3', '33.3%']);

    // Most conversions first; unassigned leads gather under "Unassigned".
    const leaderboard = page.getByRole('table', { name: 'Leaderboard' });
    // (An avatar's initials, hidden from screen readers, precede each name; a column of amounts
    // shows cents on every row once one has them.)
    await expect(leaderboard.getByRole('rowheader')).toHaveText([
      /Sally Seller$/,
      /Sam Sales$/,
      'Unassigned',
    ]);
    await expect(rowCells(leaderboard, 'Sally Seller')).toHaveText(['3', '2', '66.7%', '3,000.00']);
    await expect(rowCells(leaderboard, 'Sam Sales')).toHaveText(['4', '1', '25.0%', '7,500.50']);
    await expect(rowCells(leaderboard, 'Unassigned')).toHaveText(['2', '0', '0.0%', '1,200.00']);
  });

  test('the owner filter and the range drive every widget and stay in the URL', async ({
    page,
  }) => {
    const { sam } = await seedTeam(page);
    await page.goto('/dashboard/team');
    await expectTeamFigures(page);

    await page.getByRole('textbox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: 'Sam Sales' }).click();
    await expect(page).toHaveURL(new RegExp(`ownerId=${sam}`));
    await expect(kpi(page, 'Total leads')).toHaveText('4');
    await expect(kpi(page, 'Conversion rate')).toHaveText('25.0%');
    await expect(kpi(page, 'Win rate')).toHaveText('50.0%');
    await expect(kpi(page, 'Open pipeline')).toHaveText('7,500.50');
    const leaderboard = page.getByRole('table', { name: 'Leaderboard' });
    await expect(leaderboard.getByRole('rowheader')).toHaveText([/Sam Sales$/]);
    await expect(
      rowCells(page.getByRole('table', { name: 'Leads by source' }), 'Total'),
    ).toHaveText(['4', '1', '25.0%']);

    await page.getByRole('textbox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: 'Unassigned' }).click();
    await expect(page).toHaveURL(/ownerId=none/);
    await expect(kpi(page, 'Total leads')).toHaveText('2');
    await expect(kpi(page, 'Open pipeline')).toHaveText('1,200');
    await expect(kpi(page, 'Days to convert')).toHaveText('—');

    await page.getByText('All time', { exact: true }).click();
    await expect(page).toHaveURL(/range=all/);
    await expect(page).toHaveURL(/ownerId=none/);
    await expect(page.getByRole('radio', { name: 'All time' })).toBeChecked();
    await expect(kpi(page, 'Total leads')).toHaveText('2');

    // A reload keeps the owner and the range.
    await page.reload();
    await expect(page.getByRole('radio', { name: 'All time' })).toBeChecked();
    await expect(page.getByRole('textbox', { name: 'Owner' })).toHaveValue('Unassigned');
    await expect(kpi(page, 'Total leads')).toHaveText('2');

    // A range before any lead: the friendly empty state, and a way back to all time.
    await page.getByText('Custom', { exact: true }).click();
    await expect(page).toHaveURL(/range=custom/);
    await page.getByLabel('To', { exact: true }).fill('2020-12-31');
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await expect(page).toHaveURL(/from=2020-01-01/);
    await expect(page).toHaveURL(/to=2020-12-31/);
    await expect(
      page.getByRole('heading', { name: 'No leads created in this range' }),
    ).toBeVisible();
    await expect(page.getByRole('figure')).toHaveCount(0);
    await expect(page.getByTestId('dashboard-range')).toContainText('2020');
    await page.getByRole('button', { name: 'Show all time' }).click();
    await expect(page).toHaveURL(/range=all/);
    await expect(kpi(page, 'Total leads')).toHaveText('2');

    await page.getByRole('textbox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: 'All owners' }).click();
    await expect(page).not.toHaveURL(/ownerId=/);
    await expectTeamFigures(page);
  });
});

test('a sales user lands on their own dashboard and cannot reach the team one', async ({
  page,
  server,
}) => {
  await completeSetup(page);
  await server.createUser({ name: 'Sam Sales', email: 'sam@example.com', role: 'sales' });
  await server.createUser({ name: 'Sally Seller', email: 'sally@example.com', role: 'sales' });
  await seedTeam(page);
  await signOut(page);

  await signIn(page, 'sam@example.com');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: 'My dashboard', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'My dashboard' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(nav.getByRole('link', { name: 'Team dashboard' })).toHaveCount(0);

  // Only Sam's four leads: one converted, one lost, two open worth 7,500.50.
  await expect(kpi(page, 'Total leads')).toHaveText('4');
  await expect(kpi(page, 'Conversion rate')).toHaveText('25.0%');
  await expect(kpi(page, 'Win rate')).toHaveText('50.0%');
  await expect(kpi(page, 'Open pipeline')).toHaveText('7,500.50');
  await expect(kpi(page, 'Days to convert')).toHaveText('0.0 days');
  await expect(rowCells(page.getByRole('table', { name: 'Leads by source' }), 'Total')).toHaveText([
    '4',
    '1',
    '25.0%',
  ]);
  await expect(page.getByRole('table', { name: 'Leaderboard' })).toHaveCount(0);

  await page.goto('/dashboard/team');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: 'My dashboard', level: 1 })).toBeVisible();
  const refused = await page.request.get('/api/v1/analytics/summary');
  expect(refused.status()).toBe(403);

  // The range stays in the URL here too; a range with no leads says so.
  await page.getByText('This year', { exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\?range=year$/);
  await expect(kpi(page, 'Total leads')).toHaveText('4');
  await page.goto('/dashboard?range=custom&from=2021-03-01&to=2021-03-31');
  await expect(page.getByRole('heading', { name: 'No leads created in this range' })).toBeVisible();
  await expect(page.getByText('Try a wider range')).toBeVisible();
});
