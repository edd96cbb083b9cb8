import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, type LeadlineServer, PASSWORD } from './fixtures.ts';

/** Steps of the profile page (issue 5), shared by its spec and its screenshots. */

/** A real PNG, made at runtime: a coloured square with a lighter circle. */
export async function makePng(color = '#1c7ed6', size = 320): Promise<Buffer> {
  const circle = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">` +
      `<circle cx="${size / 2}" cy="${size / 2.4}" r="${size / 4}" fill="#ffffff" fill-opacity="0.85"/></svg>`,
  );
  return sharp({ create: { width: size, height: size, channels: 3, background: color } })
    .composite([{ input: circle }])
    .png()
    .toBuffer();
}

/** A 24-bit BMP of raw RGB pixels: a picture browsers draw and Leadline does not accept. */
export function toBmp({ data, info }: { data: Buffer; info: { width: number; height: number } }) {
  const row = Math.ceil((info.width * 3) / 4) * 4;
  const pixels = Buffer.alloc(row * info.height);
  for (let y = 0; y < info.height; y += 1) {
    for (let x = 0; x < info.width; x += 1) {
      const from = (y * info.width + x) * 3;
      const to = (info.height - 1 - y) * row + x * 3;
      pixels[to] = data[from + 2] as number;
      pixels[to + 1] = data[from + 1] as number;
      pixels[to + 2] = data[from] as number;
    }
  }
  const header = Buffer.alloc(54);
  header.write('BM', 0);
  header.writeUInt32LE(54 + pixels.length, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(info.width, 18);
  header.writeInt32LE(info.height, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(pixels.length, 34);
  return Buffer.concat([header, pixels]);
}

export async function openProfile(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Your profile' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { name: 'Your profile', level: 1 })).toBeVisible();
}

export const menuAvatar = (page: Page) =>
  page.getByTestId('user-menu').locator('.mantine-Avatar-root');
export const profileCard = (page: Page) => page.getByRole('region', { name: 'Profile' });

/** Signs in as `email` in a separate request context and uploads `picture` as their avatar. */
export async function uploadPictureAs(
  page: Page,
  server: LeadlineServer,
  email: string,
  picture: Buffer,
) {
  const context = await page.context().browser()?.newContext({ baseURL: server.url });
  if (!context) throw new Error('no browser');
  const headers = { origin: server.url };
  const signIn = await context.request.post('/api/auth/sign-in/email', {
    data: { email, password: PASSWORD },
    headers,
  });
  expect(signIn.ok(), await signIn.text()).toBe(true);
  const upload = await context.request.put('/api/v1/me/avatar', {
    multipart: { file: { name: 'me.png', mimeType: 'image/png', buffer: picture } },
    headers,
  });
  expect(upload.ok(), await upload.text()).toBe(true);
  await context.close();
}

/** A portrait-like PNG (a silhouette on a gradient), for screenshots that look like real use. */
export async function makePortrait(from: string, to: string, size = 400): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/>` +
    `<stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    '<rect width="100" height="100" fill="url(#g)"/>' +
    '<circle cx="50" cy="40" r="17" fill="#f8f0e3"/>' +
    '<path d="M18 100 C18 72 34 62 50 62 C66 62 82 72 82 100 Z" fill="#f8f0e3"/></svg>';
  return sharp(Buffer.from(svg)).png().toBuffer();
}
