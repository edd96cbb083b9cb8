import { completeSetup, expect, test } from './fixtures.ts';
import { openBoard, seedLead, userIdOf } from './pages.ts';
import {
  makePortrait,
  menuAvatar,
  openProfile,
  profileCard,
  uploadPictureAs,
} from './profile-steps.ts';

/**
 * Screenshots for review (`npm run shots`), written to $SHOTS_DIR or /tmp/shots: the profile
 * page without and with a picture, light and dark, 1440 and 375 px; the board and the users
 * page with a mix of pictures and initials.
 */
const dir = process.env.SHOTS_DIR ?? '/tmp/shots';
const sizes = [1440, 375] as const;

test('screenshots of the profile page', async ({ page }) => {
  test.setTimeout(150_000);
  await completeSetup(page);
  await openProfile(page);
  const card = profileCard(page);
  await card.getByLabel('Job title').fill('Head of Sales');
  await card.getByLabel('Phone').fill('+1 415 555 0134');
  await card.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Your profile was saved.')).toBeVisible();

  const shoot = async (name: string) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of sizes) {
        await page.setViewportSize({ width, height: width === 1440 ? 900 : 812 });
        await page.mouse.move(0, 0);
        await page.screenshot({
          path: `${dir}/profile-${name}-${scheme}-${width}.png`,
          fullPage: true,
        });
      }
    }
  };
  await page.reload();
  await expect(page.getByText('Your profile was saved.')).toHaveCount(0);
  await shoot('initials');

  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await card.getByLabel('Choose a picture').setInputFiles({
    name: 'me.png',
    mimeType: 'image/png',
    buffer: await makePortrait('#4dabf7', '#1864ab'),
  });
  await expect(card.getByTestId('picture-preview')).toBeVisible();
  await page.screenshot({ path: `${dir}/profile-preview-light-1440.png` });
  await card.getByRole('button', { name: 'Save picture' }).click();
  await expect(menuAvatar(page).locator('img')).toBeVisible();
  await page.reload();
  await expect(card.getByTestId('profile-picture').locator('img')).toBeVisible();
  await shoot('picture');
});

test('screenshots of pictures and initials on the board and the users page', async ({
  page,
  server,
}) => {
  test.setTimeout(150_000);
  await completeSetup(page);
  const team = [
    { name: 'Sam Sales', email: 'sam@example.com', role: 'sales', picture: ['#ffa94d', '#d9480f'] },
    { name: 'Maria Manager', email: 'maria@example.com', role: 'manager', picture: null },
    {
      name: 'Priya Patel',
      email: 'priya@example.com',
      role: 'sales',
      picture: ['#63e6be', '#087f5b'],
    },
    { name: 'Viktor Viewer', email: 'viktor@example.com', role: 'viewer', picture: null },
  ] as const;
  for (const member of team) {
    await server.createUser(member);
    if (member.picture) {
      await uploadPictureAs(
        page,
        server,
        member.email,
        await makePortrait(member.picture[0], member.picture[1]),
      );
    }
  }
  const sam = await userIdOf(page, 'Sam Sales');
  const maria = await userIdOf(page, 'Maria Manager');
  const priya = await userIdOf(page, 'Priya Patel');
  const leads: [
    string,
    string,
    string,
    number,
    string | null,
    'new' | 'contacted' | 'qualified',
  ][] = [
    ['Katherine', 'Johnson', 'NASA Langley', 48000, sam, 'new'],
    ['Dorothy', 'Vaughan', 'NASA Langley', 12500, null, 'new'],
    ['Hedy', 'Lamarr', 'Frequency Hopping Ltd', 7200, maria, 'new'],
    ['Grace', 'Hopper', 'US Navy', 22000, priya, 'contacted'],
    ['Alan', 'Turing', 'Bletchley Park', 56000, maria, 'contacted'],
    ['Barbara', 'Liskov', 'MIT', 64000, priya, 'qualified'],
    ['Edsger', 'Dijkstra', 'TU Eindhoven', 27000, sam, 'qualified'],
  ];
  for (const [firstName, lastName, company, value, ownerId, status] of leads) {
    await seedLead(page, { firstName, lastName, company, value, ownerId, status });
  }

  // The owner picker of a new lead lists everyone with their picture or initials.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/leads/new');
  await page.getByRole('textbox', { name: 'Owner' }).click();
  await expect(page.getByRole('option', { name: 'Priya Patel' })).toBeVisible();
  await page.screenshot({ path: `${dir}/avatars-owner-picker-light-1440.png` });
  await page.keyboard.press('Escape');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of sizes) {
      await page.setViewportSize({ width, height: width === 1440 ? 900 : 812 });
      await openBoard(page);
      await expect(page.getByTestId('pipeline-card')).toHaveCount(7);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${dir}/avatars-board-${scheme}-${width}.png` });
      await page.goto('/users');
      await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
      await expect(page.locator('main img[src^="/api/v1/users/"]:visible').first()).toBeVisible();
      await page.screenshot({
        path: `${dir}/avatars-users-${scheme}-${width}.png`,
        fullPage: true,
      });
    }
  }
});
