import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/fields.ts';
import {
  createUserSchema,
  listUsersQuerySchema,
  reassignLeadsResultSchema,
  reassignLeadsSchema,
  teamMemberSchema,
  teamSchema,
  updateUserSchema,
} from '../../../contracts/users.ts';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../http/auth-guard.ts';
import { problems } from '../../http/schemas.ts';
import { originOf } from '../audit/repository.ts';
import {
  createTeamMember,
  listTeamFor,
  reassignOpenLeads,
  updateTeamMember,
} from './team-service.ts';

/** The team: everyone lists it (assignment pickers); admins add, change and deactivate users. */
export async function teamRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  api.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'The team by name; account details, open leads and `can` for admins only',
        querystring: listUsersQuerySchema,
        response: { 200: teamSchema, ...problems(400) },
      },
    },
    (request) => listTeamFor(ctx, actorOf(request), request.query),
  );

  api.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'Create a user with an initial password (admin)',
        body: createUserSchema,
        response: { 201: teamMemberSchema, ...problems(400, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createTeamMember(ctx, actorOf(request), request.body)),
  );

  api.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary:
          'Rename, change the role of, deactivate or reactivate a user (admin). Not your own ' +
          'role or status (409 cannot_modify_self), never the last active admin (409 ' +
          'last_admin); deactivation ends their sessions',
        params: idParam,
        body: updateUserSchema,
        response: { 200: teamMemberSchema, ...problems(400, 403, 404, 409) },
      },
    },
    (request) =>
      updateTeamMember(ctx, actorOf(request), request.params.id, request.body, originOf(request)),
  );

  api.post(
    '/api/v1/users/:id/reassign-leads',
    {
      schema: {
        tags,
        summary:
          'Move all open leads (New, Contacted, Qualified) of a user to an active user, or to ' +
          'nobody with `toUserId: null` (admin)',
        params: idParam,
        body: reassignLeadsSchema,
        response: { 200: reassignLeadsResultSchema, ...problems(400, 403, 404) },
      },
    },
    (request) => reassignOpenLeads(ctx, actorOf(request), request.params.id, request.body.toUserId),
  );
}
