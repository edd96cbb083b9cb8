import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../contracts/users.ts';
import type { Auth } from '../modules/auth/auth.ts';
import { unauthenticated } from './errors.ts';

/** The signed-in user a request acts for. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes reachable without a session (setup, health). Everything else requires one. */
    public?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function toFetchHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

async function resolveActor(
  auth: Auth,
  maxAgeMs: number,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Actor | null> {
  if (!request.headers.cookie) return null;
  const { headers, response } = await auth.api.getSession({
    headers: toFetchHeaders(request),
    returnHeaders: true,
  });
  // Better Auth slides the session's expiry forward; pass its refreshed cookie on.
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  const user = response?.user as (typeof response & object)['user'] & {
    role?: Role;
    active?: boolean;
  };
  if (!response || !user || user.active === false) return null;
  // However active, a session ends its absolute lifetime after sign-in (SESSION_MAX_AGE_DAYS).
  if (Date.now() - new Date(response.session.createdAt).getTime() > maxAgeMs) {
    await auth.api.revokeSession({
      headers: toFetchHeaders(request),
      body: { token: response.session.token },
    });
    return null;
  }
  return { id: user.id, name: user.name, email: user.email, role: user.role ?? 'viewer' };
}

/** Secure by default: every /api/v1 route needs a session unless it is declared public. */
export function registerAuthGuard(app: FastifyInstance, auth: Auth, maxAgeDays: number) {
  const maxAgeMs = maxAgeDays * 24 * 60 * 60 * 1000;
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    // Unknown paths fall through to the 404 handler, signed in or not.
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.url === undefined) return;
    request.actor = await resolveActor(auth, maxAgeMs, request, reply);
    if (!request.actor && !request.routeOptions.config.public) throw unauthenticated();
  });
}

/** The actor of a route that the guard has already authenticated. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
