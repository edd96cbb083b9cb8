import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema } from '../../../contracts/audit.ts';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth-guard.ts';
import { problems } from '../../http/schemas.ts';
import { listAuditEvents } from './service.ts';

export async function auditRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log (admins): sign-ins, account, team and record changes, newest first',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...problems(400, 403) },
      },
    },
    (request) => listAuditEvents(ctx, actorOf(request), request.query),
  );
}
