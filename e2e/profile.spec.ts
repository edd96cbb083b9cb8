import type { Locator } from '@playwright/test';
import sharp from 'sharp';
import { completeSetup, expect, test } from './fixtures.ts';
import { makePng, menuAvatar, openProfile, profileCard, toBmp } from './profile-steps.ts';

/** Drops a file on an element as a drag from the desktop would (a DataTransfer with it). */
async function dropFile(target: Locator, name: string, type: string, content: Buffer) {
  const dataTransfer = await target.evaluateHandle(
    (_, file) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
      return transfer;
    },
    { name, type, bytes: [...content] },
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await expect(target).toHaveAttribute('data-dragging', 'true');
  await target.dispatchEvent('drop', { dataTransfer });
}

/** The image inside an avatar has loaded (decoded, non-zero width) from the versioned URL. */
async function expectLoadedPicture(avatar: Locator, size?: number) {
  const img = avatar.locator('img');
  await expect(img).toHaveAttribute(
    'src',
    new RegExp(`^/api/v1/users/[^/?]+/avatar\\?v=[\\w-]+${size ? `&size=${size}` : ''}$`),
  );
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
    .toBe(size ?? 256);
}

test('edits name, job title and phone, and sees them after a reload and in the menu', async ({
  page,
}) => {
  await completeSetup(page);
  await openProfile(page);
  const card = profileCard(page);
  await expect(card.getByText('ada@example.com')).toBeVisible();
  await expect(
    card.getByText('Only an admin can change your email address or role.'),
  ).toBeVisible();

  await card.getByLabel('Name').fill('');
  await card.getByRole('button', { name: 'Save changes' }).click();
  await expect(card.getByText('Name is required')).toBeVisible();

  await card.getByLabel('Name').fill('Ada Lovelace');
  await card.getByLabel('Job title').fill('Chief Analyst');
  await card.getByLabel('Phone').fill('+44 20 7946 0000');
  await card.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Your profile was saved.')).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText('Ada Lovelace');

  await page.reload();
  await expect(card.getByLabel('Name')).toHaveValue('Ada Lovelace');
  await expect(card.getByLabel('Job title')).toHaveValue('Chief Analyst');
  await expect(card.getByLabel('Phone')).toHaveValue('+44 20 7946 0000');
  await expect(page.getByTestId('user-menu')).toHaveAccessibleName('Account menu for Ada Lovelace');
  await expect(menuAvatar(page)).toHaveText('AL');
});

test('uploads a picture with a preview, shows it everywhere, refuses a text file, removes it', async ({
  page,
}) => {
  await completeSetup(page);
  await openProfile(page);
  const card = profileCard(page);
  await expect(menuAvatar(page)).toHaveText('AA');
  await expect(card.getByRole('button', { name: 'Remove picture' })).toHaveCount(0);

  // Choose, look at the preview, think again.
  const picker = card.getByLabel('Choose a picture');
  await picker.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: await makePng() });
  const preview = card.getByTestId('picture-preview').locator('img');
  await expect(preview).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => preview.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(320);
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.getByTestId('picture-preview')).toHaveCount(0);

  // Drop one on the area this time, and save it.
  await dropFile(card.getByTestId('picture-drop-zone'), 'me.png', 'image/png', await makePng());
  await expect(preview).toBeVisible();
  await card.getByRole('button', { name: 'Save picture' }).click();
  await expect(page.getByText('Your picture was saved.')).toBeVisible();
  await expectLoadedPicture(card.getByTestId('profile-picture'));
  await expectLoadedPicture(menuAvatar(page), 64);
  const src = await menuAvatar(page).locator('img').getAttribute('src');

  // The users page shows it too.
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
  await expect(page.locator('main').locator('img[src^="/api/v1/users/"]').first()).toBeVisible();
  // So does the audit log: beside Ada's events, and beside her name in the user filter.
  await page.getByRole('link', { name: 'Audit log' }).click();
  const changed = page.getByTestId('audit-row').filter({
    has: page.getByRole('cell', { name: 'changed their profile picture', exact: true }),
  });
  await expectLoadedPicture(changed.locator('.mantine-Avatar-root'), 64);
  await page.getByRole('textbox', { name: 'User', exact: true }).click();
  await expectLoadedPicture(
    page.getByRole('option', { name: 'Ada Admin', exact: true }).locator('.mantine-Avatar-root'),
    64,
  );
  await page.keyboard.press('Escape');
  // And the leads list's owner filter, where choosing her keeps her picture in the box.
  await page.getByRole('link', { name: 'Leads', exact: true }).click();
  await page.getByRole('textbox', { name: 'Owner', exact: true }).click();
  await page.getByRole('option', { name: 'Ada Admin', exact: true }).click();
  await expect(page).toHaveURL(/ownerId=/);
  await expectLoadedPicture(
    page
      .getByRole('textbox', { name: 'Owner', exact: true })
      .locator('xpath=../..')
      .locator('.mantine-Avatar-root'),
    64,
  );
  await openProfile(page);

  // A text file: refused in the browser with a clear message; nothing changes.
  await picker.setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not a picture'),
  });
  await expect(card.getByRole('alert')).toHaveText(
    'That file is not a PNG, JPEG, WebP or GIF image.',
  );
  await expect(card.getByTestId('picture-preview')).toHaveCount(0);
  // A text file that claims to be a PNG: the browser cannot draw it, so no preview.
  await picker.setInputFiles({
    name: 'fake.png',
    mimeType: 'image/png',
    buffer: Buffer.from('not a picture either'),
  });
  await expect(card.getByRole('alert')).toHaveText(
    'That file could not be read as a picture. It may be damaged.',
  );
  await expect(card.getByTestId('picture-preview')).toHaveCount(0);
  // A BMP that claims to be a PNG: the browser draws it, the server decodes it and refuses (415).
  const bmp = await sharp(await makePng('#e03131', 40))
    .raw()
    .toBuffer({ resolveWithObject: true });
  await picker.setInputFiles({ name: 'sneaky.png', mimeType: 'image/png', buffer: toBmp(bmp) });
  await expect(card.getByTestId('picture-preview')).toBeVisible();
  await card.getByRole('button', { name: 'Save picture' }).click();
  await expect(card.getByRole('alert')).toHaveText(
    'The file is not a PNG, JPEG, WebP or GIF image.',
  );
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(menuAvatar(page).locator('img')).toHaveAttribute('src', src as string);

  // Remove: the initials come back everywhere.
  await card.getByRole('button', { name: 'Remove picture' }).click();
  await expect(page.getByText('Your picture was removed.')).toBeVisible();
  await expect(menuAvatar(page)).toHaveText('AA');
  await expect(menuAvatar(page).locator('img')).toHaveCount(0);
  await expect(card.getByTestId('profile-picture')).toHaveText('AA');
  await page.reload();
  await expect(menuAvatar(page)).toHaveText('AA');
});
