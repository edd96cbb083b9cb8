import type { Page } from '@playwright/test';
import { completeSetup, expect, PASSWORD, test } from './fixtures.ts';
import { seedLead, setLeadStatus } from './pages.ts';

/**
 * User-supplied text is rendered as text (issue 5): markup stored in every text field of a lead,
 * a customer, an activity and a user shows up literally on every screen that shows it, and
 * none of it runs. The fixture also fails the test on any CSP violation or page error.
 */

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const SVG = '"><svg onload=window.__xss=3>';
const JS_URL = 'javascript:window.__xss=4';

async function expectInert(page: Page, dialogs: string[], shown: string[]) {
  await page.waitForLoadState('networkidle');
  for (const text of shown) await expect(page.getByText(text).first()).toBeVisible();
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // Nothing from user data became an element: no handler attributes, no scripts, no js: links.
  expect(await page.locator('#root [onerror], #root [onload], #root svg[onload]').count()).toBe(0);
  expect(await page.locator('#root script').count()).toBe(0);
  expect(await page.locator('#root img[src="x"]').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
}

test('markup stored in leads, customers, activities and users is shown as text and never runs', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  await completeSetup(page, { name: IMG, email: 'ada@example.com' });
  const me = await page.request.patch('/api/v1/me', { data: { title: SVG, phone: SVG } });
  expect(me.status(), await me.text()).toBe(200);
  const user = await page.request.post('/api/v1/users', {
    data: { name: SVG, email: 'sam@example.com', role: 'sales', password: PASSWORD },
  });
  expect(user.status(), await user.text()).toBe(201);
  const ownerId = ((await user.json()) as { id: string }).id;

  const customerResponse = await page.request.post('/api/v1/customers', {
    data: {
      firstName: IMG,
      lastName: SCRIPT,
      email: 'cora@example.com',
      phone: SVG,
      company: SVG,
      address: SCRIPT,
      city: IMG,
      state: JS_URL,
      zipcode: '<b onclick=x>z</b>',
      country: JS_URL,
    },
  });
  expect(customerResponse.status(), await customerResponse.text()).toBe(201);
  const customer = (await customerResponse.json()) as { id: string };
  const note = await page.request.post(`/api/v1/customers/${customer.id}/activities`, {
    data: { kind: 'note', body: `${IMG}\n${SCRIPT}` },
  });
  expect(note.status(), await note.text()).toBe(201);

  const lead = await seedLead(page, {
    firstName: IMG,
    lastName: SCRIPT,
    email: 'lee@example.com',
    company: SVG,
    ownerId,
    status: 'contacted',
  });
  const edited = await page.request.patch(`/api/v1/leads/${lead.id}`, {
    data: { jobTitle: JS_URL, phone: SVG, notes: `${IMG}\n${SCRIPT}\n${SVG}` },
  });
  expect(edited.status(), await edited.text()).toBe(200);
  const leadNote = await page.request.post(`/api/v1/leads/${lead.id}/activities`, {
    data: { kind: 'note', body: `${SVG} ${JS_URL}` },
  });
  expect(leadNote.status(), await leadNote.text()).toBe(201);
  const lost = await seedLead(page, {
    firstName: SVG,
    lastName: JS_URL,
    email: 'lou@example.com',
    ownerId,
  });
  await setLeadStatus(page, lost.id, 'contacted');
  const reason = await page.request.patch(`/api/v1/leads/${lost.id}`, {
    data: { status: 'lost', lostReason: IMG },
  });
  expect(reason.status(), await reason.text()).toBe(200);

  await page.goto('/leads');
  await expectInert(page, dialogs, [IMG, SVG]);

  await page.goto(`/leads/${lead.id}`);
  await expectInert(page, dialogs, [JS_URL, `${SVG} ${JS_URL}`]);
  await expect(page.getByRole('heading', { name: `${IMG} ${SCRIPT}` })).toBeVisible();

  await page.goto(`/leads/${lost.id}`);
  await expectInert(page, dialogs, [IMG]);

  await page.goto('/pipeline');
  await expectInert(page, dialogs, [`${IMG} ${SCRIPT}`]);

  await page.goto('/customers');
  await expectInert(page, dialogs, [SVG]);

  await page.goto(`/customers/${customer.id}`);
  await expectInert(page, dialogs, [JS_URL, SCRIPT]);
  await expect(page.getByRole('heading', { name: `${IMG} ${SCRIPT}` })).toBeVisible();

  await page.goto('/dashboard/team');
  await expectInert(page, dialogs, [SVG]);

  await page.goto('/users');
  await expectInert(page, dialogs, [SVG, IMG]);

  await page.getByTestId('user-menu').click();
  await expectInert(page, dialogs, [IMG]);
});
