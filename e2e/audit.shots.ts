import { request as playwrightRequest } from '@playwright/test';
import { completeSetup, expect, PASSWORD, test } from './fixtures.ts';
import { seedLead, setLeadStatus, userIdOf } from './pages.ts';
import { makePortrait, uploadPictureAs } from './profile-steps.ts';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const WINDOWS_FIREFOX =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const MAC_CHROME =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

/**
 * Screenshots of the audit log for review (`npm run shots`), written to $SHOTS_DIR or
 * /tmp/shots: a varied log, the same filtered to sign-ins, light and dark at 1440 and 375 px;
 * Ada and Sam have pictures, the others their initials; the user filter open at 1440 px.
 */
test('screenshots of the audit log', async ({ page, server, baseURL }) => {
  test.setTimeout(150_000);
  const dir = process.env.SHOTS_DIR ?? '/tmp/shots';
  await completeSetup(page);
  await server.createUser({ name: 'Sam Sales', email: 'sam@example.com', role: 'sales' });
  await server.createUser({ name: 'Maria Manager', email: 'maria@example.com', role: 'manager' });
  await server.createUser({ name: 'Olga Viewer', email: 'olga@example.com', role: 'viewer' });

  const attempt = async (userAgent: string, email: string, password: string) => {
    const context = await playwrightRequest.newContext({
      baseURL,
      extraHTTPHeaders: { 'user-agent': userAgent },
    });
    const response = await context.post('/api/auth/sign-in/email', { data: { email, password } });
    await context.dispose();
    return response.status();
  };
  expect(await attempt(MAC_CHROME, 'bob@x.com', 'letmein')).toBe(401);
  expect(await attempt(IPHONE, 'sam@example.com', 'wrong one')).toBe(401);
  expect(await attempt(IPHONE, 'sam@example.com', PASSWORD)).toBe(200);
  expect(await attempt(WINDOWS_FIREFOX, 'maria@example.com', PASSWORD)).toBe(200);

  await uploadPictureAs(page, server, 'ada@example.com', await makePortrait('#e8590c', '#fab005'));
  await uploadPictureAs(page, server, 'sam@example.com', await makePortrait('#1971c2', '#66d9e8'));

  const sam = await userIdOf(page, 'Sam Sales');
  const olga = await userIdOf(page, 'Olga Viewer');
  const patchUser = async (id: string, data: object) =>
    expect((await page.request.patch(`/api/v1/users/${id}`, { data })).ok()).toBe(true);
  await patchUser(sam, { role: 'manager' });
  await patchUser(olga, { active: false });
  const lead = await seedLead(page, {
    firstName: 'Grace',
    lastName: 'Hopper',
    company: 'US Navy',
    value: 22000,
    ownerId: sam,
  });
  await setLeadStatus(page, lead.id, 'contacted');
  const settings = await page.request.patch('/api/v1/settings', { data: { allowSignup: true } });
  expect(settings.ok(), await settings.text()).toBe(true);
  for (let i = 0; i < 3; i += 1) {
    expect(await attempt(MAC_CHROME, 'admin@x.com', `guess ${i}`)).toBe(401);
  }

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1440, 375]) {
      await page.setViewportSize({ width, height: width === 1440 ? 900 : 812 });
      await page.goto('/audit');
      await expect(page.getByRole('heading', { name: 'Audit log', exact: true })).toBeVisible();
      const rows = width === 1440 ? page.getByTestId('audit-row') : page.getByTestId('audit-card');
      await expect(rows.first()).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${dir}/audit-${scheme}-${width}.png`, fullPage: true });

      await page.goto('/audit?action=auth');
      await expect(rows.first()).toBeVisible();
      await expect(rows.filter({ hasText: 'role' })).toHaveCount(0);
      if (width === 1440) {
        await rows
          .filter({ hasText: 'bob@x.com' })
          .getByRole('button', { name: 'Show details' })
          .click();
      }
      await page.mouse.move(0, 0);
      await page.screenshot({
        path: `${dir}/audit-signins-${scheme}-${width}.png`,
        fullPage: true,
      });
      if (width === 1440) {
        await page.getByRole('textbox', { name: 'User', exact: true }).click();
        await expect(page.getByRole('option', { name: 'Sam Sales' }).locator('img')).toBeVisible();
        await page.screenshot({ path: `${dir}/audit-user-filter-${scheme}-1440.png` });
        await page.keyboard.press('Escape');
      }
    }
  }
});
