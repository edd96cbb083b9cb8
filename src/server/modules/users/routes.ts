import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  meSchema,
  setupSchema,
  setupStatusSchema,
  updateMeSchema,
} from '../../../contracts/users.ts';
import type { AppContext } from '../../context.ts';
import { actorOf, toFetchHeaders } from '../../http/auth-guard.ts';
import { notFound } from '../../http/errors.ts';
import { problems, publicProblems } from '../../http/schemas.ts';
import { type Auth, CLIENT_IP_HEADER } from '../auth/auth.ts';
import { recordSignedIn } from '../auth/sign-in-events.ts';
import { isSignupAllowed } from '../settings/service.ts';
import { findUserById } from './repository.ts';
import { needsSetup, presentMe, setUpFirstAdmin, updateOwnProfile } from './service.ts';

export async function userRoutes(
  app: FastifyInstance,
  { ctx, auth }: { ctx: AppContext; auth: Auth },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/setup',
    {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: 'Whether first-run setup is needed, and whether self sign-up is open',
        response: { 200: setupStatusSchema },
      },
    },
    async () => ({
      needsSetup: await needsSetup(ctx),
      allowSignup: await isSignupAllowed(ctx.db, ctx.config.allowSignupFromEnv),
    }),
  );

  api.post(
    '/api/v1/setup',
    {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: 'Create the first user as admin and sign them in',
        body: setupSchema,
        response: { 201: meSchema, ...publicProblems(400, 409) },
      },
    },
    async (request, reply) => {
      const user = await setUpFirstAdmin(ctx, request.body);
      const headers = toFetchHeaders(request);
      headers.set(CLIENT_IP_HEADER, request.ip);
      const signIn = await auth.api.signInEmail({
        body: { email: request.body.email, password: request.body.password },
        headers,
        asResponse: true,
      });
      reply.header('set-cookie', signIn.headers.getSetCookie());
      await recordSignedIn(ctx.db, request, user.id, 'setup');
      return reply.code(201).send(presentMe(user));
    },
  );

  api.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user',
        response: { 200: meSchema, ...problems() },
      },
    },
    async (request) => {
      const user = await findUserById(ctx.db, actorOf(request).id);
      if (!user) throw notFound('User');
      return presentMe(user);
    },
  );

  api.patch(
    '/api/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Update your own name, job title and phone',
        body: updateMeSchema,
        response: { 200: meSchema, ...problems(400) },
      },
    },
    async (request) => presentMe(await updateOwnProfile(ctx, actorOf(request).id, request.body)),
  );
}
