import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  activitySchema,
  createActivitySchema,
  timelinePageSchema,
  timelineQuerySchema,
} from '../../../contracts/activities.ts';
import { idParam } from '../../../contracts/fields.ts';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth-guard.ts';
import { problems } from '../../http/schemas.ts';
import type { SubjectType } from './repository.ts';
import { logActivity, timelineOf } from './service.ts';

/** The timeline of leads and customers: GET reads it, POST logs a note, call, email or meeting. */
export async function activityRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  for (const [type, path] of [
    ['lead', 'leads'],
    ['customer', 'customers'],
  ] as const satisfies [SubjectType, string][]) {
    const tags = [path];

    api.get(
      `/api/v1/${path}/:id/activities`,
      {
        schema: {
          tags,
          summary: `The ${type}'s timeline: logged activities and recorded changes, newest first`,
          params: idParam,
          querystring: timelineQuerySchema,
          response: { 200: timelinePageSchema, ...problems(400, 404) },
        },
      },
      (request) =>
        timelineOf(ctx, actorOf(request), { type, id: request.params.id }, request.query),
    );

    api.post(
      `/api/v1/${path}/:id/activities`,
      {
        schema: {
          tags,
          summary: `Log a note, call, email or meeting on the ${type}`,
          params: idParam,
          body: createActivitySchema,
          response: { 201: activitySchema, ...problems(400, 403, 404) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await logActivity(ctx, actorOf(request), { type, id: request.params.id }, request.body),
          ),
    );
  }
}
