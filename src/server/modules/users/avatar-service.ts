import { createHash } from 'node:crypto';
import type { AvatarSize } from '../../../contracts/avatars.ts';
import type { AppContext } from '../../context.ts';
import type { User } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import { nowIso } from '../../lib/time.ts';
import { recordAudit } from '../audit/repository.ts';
import { defaultAvatarSvg, encodeAvatar } from './avatar-image.ts';
import { deleteAvatar, findUserById, saveAvatar } from './repository.ts';

async function reload(ctx: AppContext, userId: string): Promise<User> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw notFound('User');
  return user;
}

/**
 * Replaces the user's picture: decoded and re-encoded first (nothing is written for a file that
 * is refused), then both sizes, the new version and the audit event land in one transaction.
 */
export async function changeOwnAvatar(
  ctx: AppContext,
  userId: string,
  upload: Buffer,
): Promise<User> {
  const avatar = await encodeAvatar(upload);
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    await saveAvatar(trx, userId, avatar, now);
    await recordAudit(trx, {
      actorId: userId,
      action: 'account.avatar_changed',
      entityType: 'user',
      entityId: userId,
      details: { version: avatar.version },
    });
  });
  return reload(ctx, userId);
}

/** Back to the generated default; recorded only when there was a picture to remove. */
export async function removeOwnAvatar(ctx: AppContext, userId: string): Promise<User> {
  await ctx.db.transaction().execute(async (trx) => {
    if (await deleteAvatar(trx, userId, nowIso())) {
      await recordAudit(trx, {
        actorId: userId,
        action: 'account.avatar_removed',
        entityType: 'user',
        entityId: userId,
      });
    }
  });
  return reload(ctx, userId);
}

export type AvatarFile =
  | { kind: 'image'; body: Buffer; version: string; etag: string }
  | { kind: 'default'; body: string; etag: string };

/**
 * A user's picture in the size asked for, or their generated default. The version and the bytes
 * come from one query, so a picture is never served under another picture's version.
 */
export async function readAvatar(
  ctx: AppContext,
  userId: string,
  size: AvatarSize,
): Promise<AvatarFile> {
  const row = await ctx.db
    .selectFrom('users')
    .leftJoin('avatars', 'avatars.userId', 'users.id')
    .select([
      'users.id',
      'users.name',
      'users.avatarVersion',
      size === 256 ? 'avatars.large as image' : 'avatars.small as image',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) throw notFound('User');
  if (row.image && row.avatarVersion) {
    return {
      kind: 'image',
      body: Buffer.from(row.image),
      version: row.avatarVersion,
      etag: `"${row.avatarVersion}-${size}"`,
    };
  }
  const svg = defaultAvatarSvg(row);
  const hash = createHash('sha256').update(svg).digest('base64url').slice(0, 16);
  return { kind: 'default', body: svg, etag: `"default-${hash}"` };
}
