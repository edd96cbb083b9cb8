import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/fields.ts';
import {
  conversionSchema,
  convertLeadSchema,
  createLeadSchema,
  leadPageSchema,
  leadSchema,
  listLeadsQuerySchema,
  updateLeadSchema,
} from '../../../contracts/leads.ts';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth-guard.ts';
import { problems } from '../../http/schemas.ts';
import { convertLead } from './conversion.ts';
import { createLead, deleteLead, getLead, listLeadsFor, updateLead } from './service.ts';

export async function leadRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['leads'];

  api.get(
    '/api/v1/leads',
    {
      schema: {
        tags,
        summary: 'List leads in your scope: filter by status, owner, source; search; sort; page',
        querystring: listLeadsQuerySchema,
        response: { 200: leadPageSchema, ...problems(400) },
      },
    },
    (request) => listLeadsFor(ctx, actorOf(request), request.query),
  );

  api.post(
    '/api/v1/leads',
    {
      schema: {
        tags,
        summary: "Create a lead (a sales user's lead is always their own)",
        body: createLeadSchema,
        response: { 201: leadSchema, ...problems(400, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createLead(ctx, actorOf(request), request.body)),
  );

  api.get(
    '/api/v1/leads/:id',
    {
      schema: {
        tags,
        summary: 'One lead; 404 outside your scope',
        params: idParam,
        response: { 200: leadSchema, ...problems(404) },
      },
    },
    (request) => getLead(ctx, actorOf(request), request.params.id),
  );

  api.patch(
    '/api/v1/leads/:id',
    {
      schema: {
        tags,
        summary: 'Change fields, owner or status of a lead (not to converted: use convert)',
        params: idParam,
        body: updateLeadSchema,
        response: { 200: leadSchema, ...problems(400, 403, 404, 409, 422) },
      },
    },
    (request) => updateLead(ctx, actorOf(request), request.params.id, request.body),
  );

  api.delete(
    '/api/v1/leads/:id',
    {
      schema: {
        tags,
        summary: 'Delete a lead (admins and managers; never a converted lead)',
        params: idParam,
        response: { 204: z.null().describe('Deleted'), ...problems(403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteLead(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/v1/leads/:id/convert',
    {
      schema: {
        tags,
        summary: 'Convert a qualified lead into a customer, or link it to an existing one',
        params: idParam,
        body: convertLeadSchema,
        response: { 201: conversionSchema, ...problems(400, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await convertLead(ctx, actorOf(request), request.params.id, request.body)),
  );
}
