import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { settingsSchema, updateSettingsSchema } from '../../../contracts/users.ts';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth-guard.ts';
import { problems } from '../../http/schemas.ts';
import { authorizeSettings } from './policy.ts';
import { changeSettings, readSettings } from './service.ts';

export async function settingsRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/settings',
    {
      schema: {
        tags: ['settings'],
        summary: 'Server settings (admin)',
        response: { 200: settingsSchema, ...problems(403) },
      },
    },
    async (request) => {
      authorizeSettings(actorOf(request));
      return readSettings(ctx.db, ctx.config.allowSignupFromEnv);
    },
  );

  api.patch(
    '/api/v1/settings',
    {
      schema: {
        tags: ['settings'],
        summary: 'Change server settings (admin): self sign-up, currency',
        body: updateSettingsSchema,
        response: { 200: settingsSchema, ...problems(400, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorizeSettings(actor);
      return changeSettings(ctx.db, actor.id, ctx.config.allowSignupFromEnv, request.body);
    },
  );
}
