import type { Locator, Page } from '@playwright/test';
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

/** The pipeline board (issue 4): API shortcuts to set the scene, and the board's parts. */

export type Status = 'new' | 'contacted' | 'qualified' | 'converted' | 'lost';

export interface ApiLead {
  id: string;
  firstName: string;
  lastName: string;
  status: Status;
}

/**
 * Creates a lead through the API as the signed-in user, then moves it to `status` (a converted
 * lead is qualified, then converted).
 */
export async function seedLead(
  page: Page,
  lead: {
    firstName: string;
    lastName: string;
    email?: string;
    company?: string;
    value?: number;
    source?: string;
    ownerId?: string | null;
    status?: Status;
  },
): Promise<ApiLead> {
  const { status = 'new', ...fields } = lead;
  const email = fields.email ?? `${lead.firstName}.${lead.lastName}@example.com`.toLowerCase();
  const created = await page.request.post('/api/v1/leads', { data: { ...fields, email } });
  expect(created.status(), await created.text()).toBe(201);
  const body = (await created.json()) as ApiLead;
  if (status === 'new') return body;
  if (status !== 'converted') return setLeadStatus(page, body.id, status);
  await setLeadStatus(page, body.id, 'qualified');
  const converted = await page.request.post(`/api/v1/leads/${body.id}/convert`, { data: {} });
  expect(converted.status(), await converted.text()).toBe(201);
  return { ...body, status: 'converted' };
}

/** A status change through the API (a lost lead gets a reason). */
export async function setLeadStatus(
  page: Page,
  id: string,
  status: Exclude<Status, 'converted'>,
): Promise<ApiLead> {
  const response = await page.request.patch(`/api/v1/leads/${id}`, {
    data: status === 'lost' ? { status, lostReason: 'No budget' } : { status },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as ApiLead;
}

/** The ids of the active users, by name. */
export async function userIds(page: Page): Promise<Record<string, string>> {
  const response = await page.request.get('/api/v1/users', { params: { active: 'true' } });
  expect(response.ok(), await response.text()).toBe(true);
  const team = (await response.json()) as { data: { id: string; name: string }[] };
  return Object.fromEntries(team.data.map((user) => [user.name, user.id]));
}

/** The id of an active user, by name. */
export async function userIdOf(page: Page, name: string): Promise<string> {
  const id = (await userIds(page))[name];
  if (!id) throw new Error(`no active user named ${name}`);
  return id;
}

export async function openBoard(page: Page, search = '') {
  await page.goto(`/pipeline${search}`);
  await expect(page.getByRole('heading', { name: 'Pipeline', level: 1 })).toBeVisible();
  await expect(boardColumn(page, 'new')).toBeVisible();
}

export const boardColumn = (page: Page, status: Status) =>
  page.getByTestId(`pipeline-column-${status}`);

export const boardCard = (page: Page, name: string) =>
  page.getByTestId('pipeline-card').filter({ has: page.getByRole('link', { name, exact: true }) });

/**
 * Drags a card onto a column with the mouse, in small steps as a person would (dnd-kit starts
 * a drag after a few pixels). `release: false` leaves the card in the air, for a screenshot.
 */
export async function dragCardTo(
  page: Page,
  card: Locator,
  column: Locator,
  { release = true }: { release?: boolean } = {},
) {
  const from = await card.boundingBox();
  const to = await column.boundingBox();
  if (!from || !to) throw new Error('card or column not on screen');
  const startX = from.x + from.width / 2;
  const startY = from.y + Math.min(24, from.height / 2);
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + 12, startY + 6, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(160, to.height / 2), { steps: 16 });
  if (release) await page.mouse.up();
}

/** The dashboards (issue 4): a KPI card's figure; the card is a group named by its term. */
export const kpi = (page: Page, label: string) =>
  page.getByRole('group', { name: label, exact: true }).getByRole('definition').first();
