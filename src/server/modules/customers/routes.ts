import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createCustomerSchema,
  customerPageSchema,
  customerSchema,
  listCustomersQuerySchema,
  updateCustomerSchema,
} from '../../../contracts/customers.ts';
import { idParam } from '../../../contracts/fields.ts';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth-guard.ts';
import { problems } from '../../http/schemas.ts';
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  listCustomersFor,
  updateCustomer,
} from './service.ts';

export async function customerRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers'];

  api.get(
    '/api/v1/customers',
    {
      schema: {
        tags,
        summary: 'List customers in your scope: search, sort, cursor paging',
        querystring: listCustomersQuerySchema,
        response: { 200: customerPageSchema, ...problems(400) },
      },
    },
    (request) => listCustomersFor(ctx, actorOf(request), request.query),
  );

  api.post(
    '/api/v1/customers',
    {
      schema: {
        tags,
        summary: 'Create a customer (sales users own the customers they create)',
        body: createCustomerSchema,
        response: { 201: customerSchema, ...problems(400, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCustomer(ctx, actorOf(request), request.body)),
  );

  api.get(
    '/api/v1/customers/:id',
    {
      schema: {
        tags,
        summary: 'One customer; 404 outside your scope',
        params: idParam,
        response: { 200: customerSchema, ...problems(404) },
      },
    },
    (request) => getCustomer(ctx, actorOf(request), request.params.id),
  );

  api.patch(
    '/api/v1/customers/:id',
    {
      schema: {
        tags,
        summary: 'Change some fields of a customer',
        params: idParam,
        body: updateCustomerSchema,
        response: { 200: customerSchema, ...problems(400, 403, 404, 409) },
      },
    },
    (request) => updateCustomer(ctx, actorOf(request), request.params.id, request.body),
  );

  api.delete(
    '/api/v1/customers/:id',
    {
      schema: {
        tags,
        summary: 'Delete a customer (admins and managers)',
        params: idParam,
        response: { 204: z.null().describe('Deleted'), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteCustomer(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
