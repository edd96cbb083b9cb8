import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pipelineQuerySchema, pipelineSchema } from '../../../contracts/pipeline.ts';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth-guard.ts';
import { problems } from '../../http/schemas.ts';
import { pipelineFor } from './service.ts';

export async function pipelineRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/pipeline',
    {
      schema: {
        tags: ['pipeline'],
        summary:
          'The board: per status its count, value and first cards, scoped like the leads list',
        querystring: pipelineQuerySchema,
        response: { 200: pipelineSchema, ...problems(400) },
      },
    },
    (request) => pipelineFor(ctx, actorOf(request), request.query),
  );
}
