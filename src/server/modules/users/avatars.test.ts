import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AVATAR_MAX_BYTES, avatarColorOf } from '../../../contracts/avatars.ts';
import type { Role } from '../../../contracts/users.ts';
import { testDialects } from '../../test/databases.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

/** A multipart/form-data body with one file part, built by hand as a browser would send it. */
function multipart(
  content: Buffer,
  { field = 'file', filename = 'picture.png', type = 'image/png' } = {},
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----leadline${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        `Content-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const solid = (color: string, width = 300, height = 200) =>
  sharp({ create: { width, height, channels: 3, background: color } });

/** Left half red, right half blue: which way it ends up shows whether EXIF rotation applied. */
async function halves(width: number, height: number) {
  const half = await solid('#ff0000', width / 2, height)
    .png()
    .toBuffer();
  return solid('#0000ff', width, height).composite([{ input: half, left: 0, top: 0 }]);
}

/** A minimal 2×2 24-bit BMP: a real image, in a format Leadline does not accept. */
function bmp(): Buffer {
  const pixels = Buffer.alloc(16, 0x80);
  const header = Buffer.alloc(54);
  header.write('BM', 0);
  header.writeUInt32LE(54 + pixels.length, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(2, 18);
  header.writeInt32LE(2, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(pixels.length, 34);
  return Buffer.concat([header, pixels]);
}

let bomb: Buffer;
beforeAll(async () => {
  // 400 megapixels of black compress to a few hundred KB: tiny on the wire, huge decoded.
  bomb = await sharp({
    create: { width: 20000, height: 20000, channels: 3, background: '#000' },
    limitInputPixels: false,
  })
    .toColourspace('b-w')
    .png({ compressionLevel: 9 })
    .toBuffer();
}, 60_000);

describe.each(testDialects())('avatars API on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  const upload = (session: Session, content: Buffer, options?: Parameters<typeof multipart>[1]) => {
    const { body, headers } = multipart(content, options);
    return session.request('/api/v1/me/avatar', { method: 'PUT', body, headers });
  };

  const storedAvatar = (userId: string) =>
    t.ctx.db.selectFrom('avatars').selectAll().where('userId', '=', userId).executeTakeFirst();

  const versionOf = async (userId: string) =>
    (
      await t.ctx.db
        .selectFrom('users')
        .select('avatarVersion')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
    ).avatarVersion;

  const auditActions = async (userId: string) =>
    (
      await t.ctx.db
        .selectFrom('audit_events')
        .select(['action', 'actorId', 'changes'])
        .where('entityType', '=', 'user')
        .where('entityId', '=', userId)
        .where('action', 'like', 'account.%')
        .orderBy('id')
        .execute()
    ).map((event) => ({ ...event, changes: event.changes ? JSON.parse(event.changes) : null }));

  const expectProblem = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = response.json();
    expect(body).toMatchObject({ status, code });
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    return body;
  };

  describe('#avatar.upload', () => {
    it('re-encodes a PNG to 256 px and 64 px square WebP and returns the new avatarUrl', async () => {
      const sales = await t.signIn('sales');
      const response = await upload(sales, await solid('#228be6').png().toBuffer());
      expect(response.statusCode).toBe(200);
      const me = response.json();
      const version = await versionOf(sales.user.id);
      expect(version).toMatch(/^[\w-]{16}$/);
      expect(me.avatarUrl).toBe(`/api/v1/users/${sales.user.id}/avatar?v=${version}`);

      const stored = await storedAvatar(sales.user.id);
      expect(stored).toBeDefined();
      const large = await sharp(stored?.large).metadata();
      const small = await sharp(stored?.small).metadata();
      expect([large.format, large.width, large.height]).toEqual(['webp', 256, 256]);
      expect([small.format, small.width, small.height]).toEqual(['webp', 64, 64]);
      expect(await auditActions(sales.user.id)).toEqual([
        { action: 'account.avatar_changed', actorId: sales.user.id, changes: null },
      ]);
    });

    it('strips EXIF (GPS included), ICC and XMP and applies the EXIF orientation', async () => {
      const viewer = await t.signIn('viewer');
      // 200 × 100, red left and blue right; orientation 6 shows it turned clockwise: red on top.
      const jpeg = await (await halves(200, 100))
        .jpeg()
        .withMetadata({ orientation: 6 })
        .withExifMerge({
          IFD0: { Copyright: 'Secret Corp' },
          IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2400/100' },
        })
        .withIccProfile('p3')
        .toBuffer();
      const source = await sharp(jpeg).metadata();
      expect(source.exif).toBeDefined();
      expect(source.icc).toBeDefined();
      expect(source.orientation).toBe(6);

      const response = await upload(viewer, jpeg, { filename: 'me.jpg', type: 'image/jpeg' });
      expect(response.statusCode).toBe(200);
      const stored = await storedAvatar(viewer.user.id);
      for (const image of [stored?.large, stored?.small]) {
        const metadata = await sharp(image).metadata();
        expect(metadata.format).toBe('webp');
        expect(metadata.exif).toBeUndefined();
        expect(metadata.icc).toBeUndefined();
        expect(metadata.xmp).toBeUndefined();
        expect(metadata.orientation).toBeUndefined();
      }
      expect(stored?.large.includes('Secret Corp')).toBe(false);
      const { data } = await sharp(stored?.large).raw().toBuffer({ resolveWithObject: true });
      const pixel = (x: number, y: number) => [
        ...data.subarray((y * 256 + x) * 3, (y * 256 + x) * 3 + 3),
      ];
      // Rotated: red on top even on the right-hand side, blue at the bottom.
      expect(pixel(220, 30)[0]).toBeGreaterThan(200);
      expect(pixel(220, 30)[2]).toBeLessThan(60);
      expect(pixel(30, 226)[2]).toBeGreaterThan(200);
    });

    it('accepts WebP, and an animated GIF as its first frame', async () => {
      const manager = await t.signIn('manager');
      const webp = await upload(manager, await solid('#40c057').webp().toBuffer(), {
        filename: 'x.webp',
        type: 'image/webp',
      });
      expect(webp.statusCode).toBe(200);

      const frames = await Promise.all(
        ['#ff0000', '#0000ff'].map((color) => solid(color, 64, 64).png().toBuffer()),
      );
      const gif = await sharp(frames, { join: { animated: true } })
        .gif()
        .toBuffer();
      expect((await sharp(gif).metadata()).pages).toBe(2);
      const response = await upload(manager, gif, { filename: 'x.gif', type: 'image/gif' });
      expect(response.statusCode).toBe(200);
      const stored = await storedAvatar(manager.user.id);
      const metadata = await sharp(stored?.large).metadata();
      expect([metadata.format, metadata.width, metadata.height, metadata.pages ?? 1]).toEqual([
        'webp',
        256,
        256,
        1,
      ]);
      const { data } = await sharp(stored?.large).raw().toBuffer({ resolveWithObject: true });
      expect(data[0]).toBeGreaterThan(200); // red: the first frame
      expect(data[2]).toBeLessThan(60);
    });

    it('decides the format by decoding, whatever the client names it', async () => {
      const sales = await t.signIn('sales');
      const jpeg = await solid('#fab005').jpeg().toBuffer();
      const response = await upload(sales, jpeg, { filename: 'notes.txt', type: 'text/plain' });
      expect(response.statusCode).toBe(200);
      expect(response.json().avatarUrl).toMatch(/\/avatar\?v=/);
    });

    it.each([
      ['a text file named .png', () => Buffer.from('hello, I am not a picture\n'), 'x.png'],
      [
        'an SVG',
        () =>
          Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
          ),
        'x.svg',
      ],
      ['a TIFF', () => solid('#ff0000', 20, 20).tiff().toBuffer(), 'x.tiff'],
      ['a BMP', () => bmp(), 'x.bmp'],
      ['an empty file', () => Buffer.alloc(0), 'x.png'],
    ])('refuses %s with 415 unsupported_media_type', async (_name, make, filename) => {
      const sales = await t.signIn('sales');
      const response = await upload(sales, await make(), { filename, type: 'image/png' });
      const body = expectProblem(response, 415, 'unsupported_media_type');
      expect(body.errors).toEqual([
        { path: 'file', message: 'The file is not a PNG, JPEG, WebP or GIF image.' },
      ]);
      expect(await storedAvatar(sales.user.id)).toBeUndefined();
      expect(await versionOf(sales.user.id)).toBeNull();
    });

    it('refuses 5 MB + 1 byte with 413 and keeps the current picture', async () => {
      const sales = await t.signIn('sales');
      expect((await upload(sales, await solid('#be4bdb').png().toBuffer())).statusCode).toBe(200);
      const before = await versionOf(sales.user.id);
      const beforeBytes = (await storedAvatar(sales.user.id))?.large;

      // A real JPEG padded past the limit (bytes after the end marker are ignored by decoders).
      const jpeg = await solid('#12b886').jpeg().toBuffer();
      const oversized = Buffer.concat([jpeg, Buffer.alloc(AVATAR_MAX_BYTES + 1 - jpeg.length)]);
      expect(oversized.length).toBe(5 * 1024 * 1024 + 1);
      const body = expectProblem(await upload(sales, oversized), 413, 'payload_too_large');
      expect(body.errors).toEqual([{ path: 'file', message: 'Must be at most 5 MB' }]);
      expect(await versionOf(sales.user.id)).toBe(before);
      expect((await storedAvatar(sales.user.id))?.large.equals(beforeBytes as Buffer)).toBe(true);

      // Exactly 5 MB is still accepted.
      const atLimit = Buffer.concat([jpeg, Buffer.alloc(AVATAR_MAX_BYTES - jpeg.length)]);
      expect((await upload(sales, atLimit)).statusCode).toBe(200);
    });

    it('refuses a decompression bomb with 413 and keeps answering', async () => {
      const sales = await t.signIn('sales');
      expect(bomb.length).toBeLessThan(AVATAR_MAX_BYTES);
      const started = Date.now();
      const body = expectProblem(await upload(sales, bomb), 413, 'payload_too_large');
      expect(body.detail).toMatch(/20000 × 20000 pixels.*40 megapixels/);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await storedAvatar(sales.user.id)).toBeUndefined();
      expect((await sales.request('/api/v1/me')).statusCode).toBe(200);
    });

    it('refuses a truncated image with a 4xx naming the file', async () => {
      const sales = await t.signIn('sales');
      const png = await sharp({
        create: { width: 400, height: 400, channels: 3, background: '#ff0000' },
      })
        .composite([
          { input: await solid('#00ff00', 200, 200).png().toBuffer(), left: 50, top: 50 },
        ])
        .png({ compressionLevel: 0 })
        .toBuffer();
      const response = await upload(sales, png.subarray(0, Math.floor(png.length / 2)));
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.json().errors[0].path).toBe('file');
      expect(await storedAvatar(sales.user.id)).toBeUndefined();
    });

    it('answers 400 without a file field and 415 for a body that is not multipart', async () => {
      const sales = await t.signIn('sales');
      const png = await solid('#000000', 8, 8).png().toBuffer();
      const other = await upload(sales, png, { field: 'picture' });
      expect(expectProblem(other, 400, 'validation_failed').errors).toEqual([
        { path: 'file', message: 'Choose a picture to upload' },
      ]);
      const json = await sales.request('/api/v1/me/avatar', {
        method: 'PUT',
        body: { file: 'data:image/png;base64,AAAA' },
      });
      expectProblem(json, 415, 'unsupported_media_type');
      const broken = await sales.request('/api/v1/me/avatar', {
        method: 'PUT',
        body: Buffer.from('--x\r\nnot really\r\n'),
        headers: { 'content-type': 'multipart/form-data' },
      });
      expect(broken.statusCode).toBe(400);
      expect(await storedAvatar(sales.user.id)).toBeUndefined();
    });

    it('refuses signed-out uploads (401) and foreign origins (403 csrf_failed)', async () => {
      const sales = await t.signIn('sales');
      const png = await solid('#000000', 8, 8).png().toBuffer();
      const { body, headers } = multipart(png);
      const signedOut = await t.request('/api/v1/me/avatar', { method: 'PUT', body, headers });
      expectProblem(signedOut, 401, 'unauthenticated');
      const foreign = await sales.request('/api/v1/me/avatar', {
        method: 'PUT',
        body,
        headers: { ...headers, origin: 'https://evil.example' },
      });
      expectProblem(foreign, 403, 'csrf_failed');
      const foreignDelete = await sales.request('/api/v1/me/avatar', {
        method: 'DELETE',
        headers: { origin: 'https://evil.example' },
      });
      expectProblem(foreignDelete, 403, 'csrf_failed');
      expectProblem(
        await t.request('/api/v1/me/avatar', { method: 'DELETE' }),
        401,
        'unauthenticated',
      );
      expect(await storedAvatar(sales.user.id)).toBeUndefined();
    });

    it.each<Role>([
      'admin',
      'manager',
      'sales',
      'viewer',
    ])('lets a %s change, read and remove their own picture', async (role) => {
      const session = await t.signIn(role);
      const other = await t.signIn('sales');
      const put = await upload(session, await solid('#fd7e14', 40, 40).png().toBuffer());
      expect(put.statusCode).toBe(200);
      const mine = await session.request(put.json().avatarUrl);
      expect(mine.statusCode).toBe(200);
      expect(mine.headers['content-type']).toBe('image/webp');
      const theirs = await session.request(`/api/v1/users/${other.user.id}/avatar`);
      expect(theirs.statusCode).toBe(200);
      expect(theirs.headers['content-type']).toMatch(/^image\/svg\+xml/);
      const removed = await session.request('/api/v1/me/avatar', { method: 'DELETE' });
      expect(removed.statusCode).toBe(200);
      expect(removed.json().avatarUrl).toBeNull();
    });
  });

  describe('#avatar.read', () => {
    it('serves the WebP with nosniff, an ETag and a year of caching for the current version', async () => {
      const sales = await t.signIn('sales');
      const first = (await upload(sales, await solid('#e64980').png().toBuffer())).json();
      const reader = await t.signIn('viewer');

      const current = await reader.request(first.avatarUrl);
      expect(current.statusCode).toBe(200);
      expect(current.headers['content-type']).toBe('image/webp');
      expect(current.headers['x-content-type-options']).toBe('nosniff');
      expect(current.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(current.headers.etag).toMatch(/^".+"$/);
      expect(current.headers['content-security-policy']).toBe(
        "default-src 'none'; style-src 'unsafe-inline'",
      );
      expect((await sharp(current.rawPayload).metadata()).width).toBe(256);

      const small = await reader.request(`${first.avatarUrl}&size=64`);
      expect((await sharp(small.rawPayload).metadata()).width).toBe(64);
      expect(small.headers.etag).not.toBe(current.headers.etag);

      const unversioned = await reader.request(`/api/v1/users/${sales.user.id}/avatar`);
      expect(unversioned.headers['cache-control']).toBe('private, no-cache');
      const revalidated = await reader.request(`/api/v1/users/${sales.user.id}/avatar`, {
        headers: { 'if-none-match': String(current.headers.etag) },
      });
      expect(revalidated.statusCode).toBe(304);
      expect(revalidated.rawPayload.length).toBe(0);
      const amongOthers = await reader.request(`/api/v1/users/${sales.user.id}/avatar`, {
        headers: { 'if-none-match': `"other", ${String(current.headers.etag)}` },
      });
      expect(amongOthers.statusCode).toBe(304);

      // A new picture: a new version and URL; the old URL is no longer cached for good.
      const second = (await upload(sales, await solid('#15aabf').png().toBuffer())).json();
      expect(second.avatarUrl).not.toBe(first.avatarUrl);
      const old = await reader.request(first.avatarUrl);
      expect(old.statusCode).toBe(200);
      expect(old.headers['cache-control']).toBe('private, no-cache');
      expect(old.headers.etag).not.toBe(current.headers.etag);
      const fresh = await reader.request(second.avatarUrl);
      expect(fresh.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(fresh.rawPayload.equals(current.rawPayload)).toBe(false);
    });

    it('serves a safe generated SVG with the initials on the user colour when there is no picture', async () => {
      const reader = await t.signIn('viewer');
      const ada = await t.signIn('sales', { name: 'Ada King Lovelace' });
      const response = await reader.request(`/api/v1/users/${ada.user.id}/avatar?size=64`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'none'; style-src 'unsafe-inline'",
      );
      expect(response.headers['cache-control']).toBe('private, no-cache');
      expect(response.headers.etag).toMatch(/^"default-/);
      expect(response.body).toContain('>AL</text>');
      expect(response.body).toContain(`fill="${avatarColorOf(ada.user.id)}"`);
      expect((await sharp(response.rawPayload).metadata()).format).toBe('svg');
    });

    it('escapes hostile names in the generated SVG', async () => {
      const reader = await t.signIn('viewer');
      const hostile = await t.signIn('sales', {
        name: '<script>alert(1)</script> "&\' <img src=x onerror=alert(1)>',
      });
      const response = await reader.request(`/api/v1/users/${hostile.user.id}/avatar`);
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toMatch(/<script|<img|onerror|alert/i);
      expect(response.body.match(/</g)?.length).toBe(5); // svg, rect, text, /text, /svg: no more
    });

    it('answers 404 for an unknown id, 400 for a malformed one (as every record does), 401 signed out', async () => {
      const reader = await t.signIn('viewer');
      expectProblem(
        await reader.request('/api/v1/users/01890000-0000-7000-8000-000000000000/avatar'),
        404,
        'not_found',
      );
      for (const id of ['..%2F..%2Fetc%2Fpasswd', 'x'.repeat(150), '%00']) {
        expectProblem(await reader.request(`/api/v1/users/${id}/avatar`), 400, 'validation_failed');
      }
      expectProblem(
        await t.request(`/api/v1/users/${reader.user.id}/avatar`),
        401,
        'unauthenticated',
      );
      expectProblem(
        await reader.request(`/api/v1/users/${reader.user.id}/avatar?size=9999`),
        400,
        'validation_failed',
      );
    });
  });

  describe('#avatar.remove', () => {
    it('goes back to the default: row deleted, avatarVersion null, audited once', async () => {
      const sales = await t.signIn('sales');
      await upload(sales, await solid('#7950f2').png().toBuffer());
      const response = await sales.request('/api/v1/me/avatar', { method: 'DELETE' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: sales.user.id, avatarUrl: null });
      expect(await storedAvatar(sales.user.id)).toBeUndefined();
      expect(await versionOf(sales.user.id)).toBeNull();
      const image = await sales.request(`/api/v1/users/${sales.user.id}/avatar`);
      expect(image.headers['content-type']).toMatch(/^image\/svg\+xml/);
      // Removing again changes nothing and records nothing.
      expect((await sales.request('/api/v1/me/avatar', { method: 'DELETE' })).statusCode).toBe(200);
      expect((await auditActions(sales.user.id)).map((event) => event.action)).toEqual([
        'account.avatar_changed',
        'account.avatar_removed',
      ]);
    });
  });

  describe('#avatar.everywhere', () => {
    it('gives avatarUrl in /me, the team, lead, customer and board owners and the leaderboard', async () => {
      const admin = await t.signIn('admin');
      const sales = await t.signIn('sales');
      const url = (await upload(sales, await solid('#82c91e').png().toBuffer())).json().avatarUrl;
      expect((await sales.request('/api/v1/me')).json().avatarUrl).toBe(url);

      const team = (await admin.request('/api/v1/users')).json().data;
      expect(team.find((m: { id: string }) => m.id === sales.user.id).avatarUrl).toBe(url);
      expect(team.find((m: { id: string }) => m.id === admin.user.id).avatarUrl).toBeNull();

      const lead = await admin.request('/api/v1/leads', {
        method: 'POST',
        body: {
          firstName: 'Grace',
          lastName: 'Hopper',
          email: 'g@example.com',
          ownerId: sales.user.id,
        },
      });
      expect(lead.json().owner).toEqual({
        id: sales.user.id,
        name: sales.user.name,
        avatarUrl: url,
      });
      const customer = await admin.request('/api/v1/customers', {
        method: 'POST',
        body: {
          firstName: 'Alan',
          lastName: 'Turing',
          email: 'a@example.com',
          ownerId: admin.user.id,
        },
      });
      expect(customer.json().owner).toEqual({
        id: admin.user.id,
        name: admin.user.name,
        avatarUrl: null,
      });

      const board = (await admin.request('/api/v1/pipeline')).json();
      const card = board.columns.find((c: { status: string }) => c.status === 'new').leads[0];
      expect(card.owner.avatarUrl).toBe(url);

      const summary = (await admin.request('/api/v1/analytics/summary')).json();
      expect(summary.byOwner).toEqual([
        expect.objectContaining({ ownerId: sales.user.id, avatarUrl: url }),
      ]);
    });
  });

  describe('#avatar.openapi', () => {
    it('documents the three avatar routes', async () => {
      const spec = (await t.request('/api/openapi.json')).json();
      expect(Object.keys(spec.paths['/api/v1/me/avatar'])).toEqual(
        expect.arrayContaining(['put', 'delete']),
      );
      expect(spec.paths['/api/v1/users/{id}/avatar'].get.summary).toMatch(/picture/);
    });
  });

  describe('#me.update', () => {
    it('records account.profile_updated with the before and after of what changed', async () => {
      const sales = await t.signIn('sales', { name: 'Sam Seller' });
      const response = await sales.request('/api/v1/me', {
        method: 'PATCH',
        body: { name: 'Sam Salesman', title: 'Account executive', phone: '' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        name: 'Sam Salesman',
        title: 'Account executive',
        phone: null,
      });
      expect(await auditActions(sales.user.id)).toEqual([
        {
          action: 'account.profile_updated',
          actorId: sales.user.id,
          changes: { name: ['Sam Seller', 'Sam Salesman'], title: [null, 'Account executive'] },
        },
      ]);
    });

    it('records nothing when nothing changed', async () => {
      const sales = await t.signIn('sales', { name: 'Sam Seller' });
      const before = await t.ctx.db
        .selectFrom('users')
        .select('updatedAt')
        .where('id', '=', sales.user.id)
        .executeTakeFirstOrThrow();
      const response = await sales.request('/api/v1/me', {
        method: 'PATCH',
        body: { name: 'Sam Seller', phone: '' },
      });
      expect(response.statusCode).toBe(200);
      expect(await auditActions(sales.user.id)).toEqual([]);
      const after = await t.ctx.db
        .selectFrom('users')
        .select('updatedAt')
        .where('id', '=', sales.user.id)
        .executeTakeFirstOrThrow();
      expect(after.updatedAt).toEqual(before.updatedAt);
    });
  });
});
