import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { avatarDecodes, encodeAvatar } from './avatar-image.ts';

describe('#encodeAvatar', () => {
  it('waits for a free decode slot, and takes it when one is freed', async () => {
    const png = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#0b7285' },
    })
      .png()
      .toBuffer();
    // Busy uploads in every slot: slow fake decodes this test lets go of.
    const releases: (() => void)[] = [];
    const busy = Array.from({ length: avatarDecodes.limit }, () =>
      avatarDecodes.run(() => new Promise<void>((resolve) => releases.push(resolve))),
    );
    expect(avatarDecodes.active).toBe(2);

    let done = false;
    const encoding = encodeAvatar(png).then((avatar) => {
      done = true;
      return avatar;
    });
    await expect.poll(() => avatarDecodes.waiting).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);

    releases.shift()?.();
    const avatar = await encoding;
    expect((await sharp(avatar.large).metadata()).width).toBe(256);
    expect((await sharp(avatar.small).metadata()).width).toBe(64);
    for (const release of releases) release();
    await Promise.all(busy);
    expect([avatarDecodes.active, avatarDecodes.waiting]).toEqual([0, 0]);
  });

  it('keeps no decoded images in sharp’s cache', () => {
    expect(sharp.cache()).toMatchObject({ memory: { current: 0, max: 0 }, items: { max: 0 } });
  });
});
