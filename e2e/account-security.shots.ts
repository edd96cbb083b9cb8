import Database from 'better-sqlite3';
import { completeSetup, expect, PASSWORD, test } from './fixtures.ts';

const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const others = [
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    ip: '203.0.113.24',
    signedInDaysAgo: 3,
    seenMinutesAgo: 5,
  },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    ip: '2001:db8:85a3::8a2e:370:7334',
    signedInDaysAgo: 12,
    seenMinutesAgo: 60 * 26,
  },
];

test.use({ userAgent: CHROME_MAC });

/**
 * Screenshots of the profile page's Security card (`npm run shots`), written to $SHOTS_DIR or
 * /tmp/shots: three sessions from different devices, light and dark at 1440 and 375 px, plus a
 * wrong current password and the sign-out-others confirmation. Not part of `npm test`.
 */
test('screenshots of the security card', async ({ page, browser, server }) => {
  test.setTimeout(120_000);
  const dir = process.env.SHOTS_DIR ?? '/tmp/shots';
  await completeSetup(page);
  for (const other of others) {
    const context = await browser.newContext({ baseURL: server.url, userAgent: other.ua });
    const response = await context.request.post('/api/auth/sign-in/email', {
      data: { email: 'ada@example.com', password: PASSWORD },
      headers: { origin: server.url },
    });
    expect(response.ok(), await response.text()).toBe(true);
    await context.close();
  }
  // Spread the sessions over time and places, as a real account's would be.
  const file = String(server.env.DATABASE_URL).replace(/^file:/, '');
  const db = new Database(file);
  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  for (const other of others) {
    db.prepare(
      'update sessions set "createdAt" = ?, "lastSeenAt" = ?, "ipAddress" = ? where "userAgent" = ?',
    ).run(
      ago(other.signedInDaysAgo * 86_400_000),
      ago(other.seenMinutesAgo * 60_000),
      other.ip,
      other.ua,
    );
  }
  db.prepare('update sessions set "createdAt" = ? where "userAgent" = ?').run(
    ago(86_400_000 * 0.2),
    CHROME_MAC,
  );
  db.close();

  const card = page.getByRole('region', { name: 'Security' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1440, 375]) {
      await page.setViewportSize({ width, height: width === 1440 ? 900 : 812 });
      await page.goto('/profile');
      await expect(page.getByTestId('session-row')).toHaveCount(3);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${dir}/profile-${scheme}-${width}.png`, fullPage: true });
      // The fixed app header would cover the top of a card taller than the screen.
      await card.screenshot({
        path: `${dir}/security-${scheme}-${width}.png`,
        style: 'header { visibility: hidden; }',
      });
    }
  }

  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/profile');
  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill('not my password');
  await form.getByLabel(/^New password/).fill('short');
  await form.getByLabel('Confirm new password').fill('shirt');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('Does not match the new password')).toBeVisible();
  await form.getByLabel(/^New password/).fill('a much better passphrase');
  await form.getByLabel('Confirm new password').fill('a much better passphrase');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('Current password is incorrect')).toBeVisible();
  await form.screenshot({ path: `${dir}/security-password-error-1440.png` });

  await page.getByRole('button', { name: 'Sign out of all other sessions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign out of all other sessions?' });
  await expect(dialog).toBeVisible();
  // Past the opening transition.
  await expect(dialog).toHaveCSS('opacity', '1');
  await expect(dialog).toHaveCSS('transform', 'matrix(1, 0, 0, 1, 0, 0)');
  await page.screenshot({ path: `${dir}/security-confirm-1440.png` });
});
