import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  analyticsMeQuerySchema,
  analyticsQuerySchema,
  analyticsSummarySchema,
} from '../../../contracts/analytics.ts';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth-guard.ts';
import { problems } from '../../http/schemas.ts';
import { mySummary, teamSummary } from './service.ts';

const definitions =
  'Over the leads created from `from` to `to` (inclusive UTC days; all time without them). ' +
  '`conversionRate` = converted / total and `winRate` = converted / (converted + lost), as ' +
  'fractions (0 when the divisor is 0); `pipelineValue` = summed value of the open leads (new, ' +
  'contacted, qualified); `byOwner` has `ownerId: null` for unassigned leads; `trend` has one ' +
  'entry per week (Monday, UTC) of the range with the leads created that week and those of ' +
  'these leads converted that week.';

export async function analyticsRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/analytics/summary',
    {
      schema: {
        tags: ['analytics'],
        summary: 'The team dashboard: figures over every lead, or one owner’s (admins, managers)',
        description: definitions,
        querystring: analyticsQuerySchema,
        response: { 200: analyticsSummarySchema, ...problems(400, 403) },
      },
    },
    (request) => teamSummary(ctx, actorOf(request), request.query),
  );
  api.get(
    '/api/v1/analytics/me',
    {
      schema: {
        tags: ['analytics'],
        summary: 'My dashboard: the same figures over the caller’s own leads',
        description: definitions,
        querystring: analyticsMeQuerySchema,
        response: { 200: analyticsSummarySchema, ...problems(400) },
      },
    },
    (request) => mySummary(ctx, actorOf(request), request.query),
  );
}
