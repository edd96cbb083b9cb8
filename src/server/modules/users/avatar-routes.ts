import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AVATAR_MAX_BYTES, avatarQuerySchema } from '../../../contracts/avatars.ts';
import { idParam } from '../../../contracts/fields.ts';
import { meSchema } from '../../../contracts/users.ts';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth-guard.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { problems } from '../../http/schemas.ts';
import { changeOwnAvatar, readAvatar, removeOwnAvatar } from './avatar-service.ts';
import { presentMe } from './service.ts';

const MAX_MEGABYTES = AVATAR_MAX_BYTES / 1024 / 1024;

/** Headers every avatar response carries: never sniffed, never able to run anything. */
const AVATAR_CSP = "default-src 'none'; style-src 'unsafe-inline'";
const IMMUTABLE = 'private, max-age=31536000, immutable';
/** An unversioned (or outdated) URL: usable, but checked again with the ETag every time. */
const REVALIDATE = 'private, no-cache';

const tooLarge = () =>
  new AppError(413, 'payload_too_large', `The picture is larger than ${MAX_MEGABYTES} MB.`, {
    errors: [{ path: 'file', message: `Must be at most ${MAX_MEGABYTES} MB` }],
  });

/**
 * The uploaded file's bytes, at most AVATAR_MAX_BYTES of them: busboy stops reading past the
 * limit, so an oversized upload is refused without being held in memory.
 */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new AppError(
      415,
      'unsupported_media_type',
      'Send the picture as multipart/form-data in the field "file".',
      { errors: [{ path: 'file', message: 'Send the picture as multipart/form-data' }] },
    );
  }
  try {
    const part = await request.file({
      limits: {
        fileSize: AVATAR_MAX_BYTES,
        files: 1,
        fields: 4,
        fieldSize: 1024,
        fieldNameSize: 100,
        parts: 5,
        headerPairs: 20,
      },
    });
    if (!part || part.fieldname !== 'file') {
      throw fieldError('file', 'Choose a picture to upload');
    }
    return await part.toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError(413, 'payload_too_large', 'Send one picture in the field "file".', {
        errors: [{ path: 'file', message: 'Send one picture only' }],
      });
    }
    // Busboy's own complaints (no boundary, a part cut short): the body is not a valid form.
    throw fieldError('file', 'The upload is not a valid multipart/form-data body');
  }
}

export async function avatarRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  // Multipart is parsed for these routes only; everywhere else a form body stays a 415.
  await app.register(multipart, {
    limits: { fileSize: AVATAR_MAX_BYTES, files: 1, fields: 4, parts: 5 },
  });
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.put(
    '/api/v1/me/avatar',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Upload your picture',
        description:
          `multipart/form-data with the field \`file\`: a PNG, JPEG, WebP or GIF of at most ` +
          `${MAX_MEGABYTES} MB and 40 megapixels. It is re-encoded to 256 px and 64 px square ` +
          'WebP without metadata. 415 for any other format, 413 when too large.',
        consumes: ['multipart/form-data'],
        response: { 200: meSchema, ...problems(400, 413, 415) },
      },
    },
    async (request) => {
      const upload = await readUpload(request);
      return presentMe(await changeOwnAvatar(ctx, actorOf(request).id, upload));
    },
  );

  api.delete(
    '/api/v1/me/avatar',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Remove your picture (back to the generated default)',
        response: { 200: meSchema, ...problems() },
      },
    },
    async (request) => presentMe(await removeOwnAvatar(ctx, actorOf(request).id)),
  );

  api.get(
    '/api/v1/users/:id/avatar',
    {
      schema: {
        tags: ['accounts'],
        summary: "A user's picture (WebP), or their generated default (SVG initials)",
        description:
          'Cached for a year when `v` is the current version (the `avatarUrl` a record gives); ' +
          'otherwise revalidated with the ETag.',
        params: idParam,
        querystring: avatarQuerySchema,
        response: problems(400, 404),
      },
    },
    async (request, typedReply) => {
      // The body is an image, not JSON: the reply is untyped by the problem schemas above.
      const reply: FastifyReply = typedReply;
      const size = request.query.size === '64' ? 64 : 256;
      const avatar = await readAvatar(ctx, request.params.id, size);
      const current = avatar.kind === 'image' && request.query.v === avatar.version;
      reply
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', AVATAR_CSP)
        .header('etag', avatar.etag)
        .header('cache-control', current ? IMMUTABLE : REVALIDATE);
      const known = request.headers['if-none-match']?.split(',').map((tag) => tag.trim());
      if (known?.includes(avatar.etag)) return reply.code(304).send();
      return reply
        .type(avatar.kind === 'image' ? 'image/webp' : 'image/svg+xml; charset=utf-8')
        .send(avatar.body);
    },
  );
}
