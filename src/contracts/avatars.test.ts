import { describe, expect, it } from 'vitest';
import {
  AVATAR_MAX_BYTES,
  avatarColorOf,
  avatarColors,
  avatarUploadProblem,
  avatarUrlOf,
  initialsOf,
} from './avatars.ts';

describe('#initialsOf', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['Ada King Lovelace', 'AL'],
    ['ada', 'A'],
    ['  grace   hopper ', 'GH'],
    ['Élodie Ørsted', 'ÉØ'],
    ['李 小龙', '李小'],
    ['<script>alert(1)</script>', 'S'],
    ['"&\' <>', '?'],
    ['', '?'],
    ['😀 Smile', 'S'],
  ])('gives %j → %j', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe('#avatarColorOf', () => {
  it('gives the same colour for the same id, from the palette', () => {
    const id = '019a0000-0000-7000-8000-000000000001';
    expect(avatarColorOf(id)).toBe(avatarColorOf(id));
    expect(avatarColors).toContain(avatarColorOf(id));
  });

  it('spreads ids over the palette', () => {
    const colors = new Set(
      Array.from({ length: 200 }, (_, n) => avatarColorOf(`019a0000-0000-7000-8000-${n}`)),
    );
    expect(colors.size).toBe(avatarColors.length);
  });
});

describe('#avatarUrlOf', () => {
  it('points at the versioned picture, or nothing when there is none', () => {
    expect(avatarUrlOf('u1', 'abc')).toBe('/api/v1/users/u1/avatar?v=abc');
    expect(avatarUrlOf('u1', null)).toBeNull();
  });
});

describe('#avatarUploadProblem', () => {
  it('lets PNG, JPEG, WebP and GIF up to 5 MB through', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp', 'image/gif']) {
      expect(avatarUploadProblem({ type, size: AVATAR_MAX_BYTES })).toBeNull();
    }
  });

  it('names the problem with other types and larger files', () => {
    expect(avatarUploadProblem({ type: 'image/svg+xml', size: 10 })).toBe(
      'That file is not a PNG, JPEG, WebP or GIF image.',
    );
    expect(avatarUploadProblem({ type: '', size: 10 })).toMatch(/not a PNG/);
    expect(avatarUploadProblem({ type: 'image/png', size: AVATAR_MAX_BYTES + 1 })).toBe(
      'That file is 5.0 MB; a picture may be at most 5 MB.',
    );
    expect(avatarUploadProblem({ type: 'image/png', size: 7.5 * 1024 * 1024 })).toMatch(/7\.5 MB/);
  });
});
