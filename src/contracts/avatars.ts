import { z } from 'zod';

/**
 * Profile pictures, shared by the server (which serves the default as SVG) and the web app
 * (which draws the same default itself, without a request, when `avatarUrl` is null).
 */

/** What an upload may be: checked by decoding on the server, mirrored by the web's checks. */
export const avatarMimeTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
/**
 * What the web app checks before uploading, mirroring the server (which decides by decoding,
 * not by the type the browser reports): null when the file may be sent.
 */
export function avatarUploadProblem(file: { type: string; size: number }): string | null {
  if (!(avatarMimeTypes as readonly string[]).includes(file.type)) {
    return 'That file is not a PNG, JPEG, WebP or GIF image.';
  }
  if (file.size > AVATAR_MAX_BYTES) {
    const megabytes = (file.size / 1024 / 1024).toFixed(1);
    return `That file is ${megabytes} MB; a picture may be at most ${AVATAR_MAX_BYTES / 1024 / 1024} MB.`;
  }
  return null;
}

/** Sizes served: the 256 px picture and a 64 px variant for small places (menus, cards). */
export const avatarSizes = [256, 64] as const;
export type AvatarSize = (typeof avatarSizes)[number];

/**
 * Background colours of the default picture: dark enough for white initials, distinct from
 * each other (Mantine's shade 9 of each hue).
 */
export const avatarColors = [
  '#1864ab',
  '#0b7285',
  '#087f5b',
  '#2b8a3e',
  '#5c940d',
  '#d9480f',
  '#c92a2a',
  '#a61e4d',
  '#862e9c',
  '#5f3dc4',
  '#364fc7',
] as const;

/** The same colour for the same user everywhere (FNV-1a of the id), whatever their name. */
export function avatarColorOf(id: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return avatarColors[hash % avatarColors.length] as string;
}

/** Up to two letters: the first of the first and last words ("Ada King Lovelace" → "AL"). */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .map((word) => Array.from(word).find((char) => /[\p{L}\p{N}]/u.test(char)))
    .filter((char): char is string => char !== undefined);
  const first = words[0];
  if (first === undefined) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return `${first}${last ?? ''}`.toLocaleUpperCase();
}

/** Where a user's picture is served; null when they have none (draw the default instead). */
export function avatarUrlOf(userId: string, avatarVersion: string | null): string | null {
  if (avatarVersion === null) return null;
  return `/api/v1/users/${encodeURIComponent(userId)}/avatar?v=${encodeURIComponent(avatarVersion)}`;
}

/** A person a record points to (an owner), with what an avatar needs. */
export const userRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
});
export type UserRef = z.infer<typeof userRefSchema>;

/** The reference a joined user row makes: null when the record points to nobody (or no one left). */
export function userRefOf(
  id: string | null,
  name: string | null,
  avatarVersion: string | null,
): UserRef | null {
  return id && name !== null ? { id, name, avatarUrl: avatarUrlOf(id, avatarVersion) } : null;
}

export const avatarQuerySchema = z.object({
  /** 64: the small variant; anything else the 256 px picture. */
  size: z.enum(['64', '256']).optional(),
  /** The version from `avatarUrl`: when current, the response may be cached for good. */
  v: z.string().max(64).optional(),
});
