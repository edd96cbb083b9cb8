import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountSessionListSchema,
  changePasswordSchema,
  revokedSessionsSchema,
} from '../../../contracts/account.ts';
import { idParam } from '../../../contracts/fields.ts';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth-guard.ts';
import { problems } from '../../http/schemas.ts';
import { type ClientInfo, changeOwnPassword } from './password.ts';
import { listOwnSessions, revokeOtherOwnSessions, revokeOwnSession } from './sessions.ts';

function clientOf(request: FastifyRequest): ClientInfo {
  return { ipAddress: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

/** The caller's own password and sessions: every role, always for themselves only. */
export async function accountRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];

  api.post(
    '/api/v1/me/password',
    {
      schema: {
        tags,
        summary: 'Change your password; your other sessions end, this one stays signed in',
        body: changePasswordSchema,
        response: { 204: z.null().describe('Changed'), ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(ctx, actorOf(request), request.body, clientOf(request));
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/me/sessions',
    {
      schema: {
        tags,
        summary: 'Your signed-in sessions (browser, device, IP, last seen), newest activity first',
        response: { 200: accountSessionListSchema, ...problems() },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { data: await listOwnSessions(ctx, actorOf(request)) };
    },
  );

  api.delete(
    '/api/v1/me/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Sign out one of your other sessions (the current one: 409, use sign-out)',
        params: idParam,
        response: { 204: z.null().describe('Signed out'), ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      await revokeOwnSession(ctx, actorOf(request), request.params.id, clientOf(request));
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/v1/me/sessions/revoke-others',
    {
      schema: {
        tags,
        summary: 'Sign out every session of yours except this one',
        response: { 200: revokedSessionsSchema, ...problems() },
      },
    },
    (request) => revokeOtherOwnSessions(ctx, actorOf(request), clientOf(request)),
  );
}
