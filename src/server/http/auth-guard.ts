import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Role } from '../../contracts/users.ts';
import type { DB } from '../db/schema.ts';
import type { Auth } from '../modules/auth/auth.ts';
import { unauthenticated } from './errors.ts';

/** The signed-in user a request acts for. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** The session the request was made with (its id, never its token). */
  sessionId: string;
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

/** How stale `sessions.lastSeenAt` may get before a request writes it again. */
export const LAST_SEEN_INTERVAL_MS = 5 * 60 * 1000;

/**
 * Marks a session as seen now, unless it was marked in the last five minutes. The guard only
 * calls this when the value Better Auth just read is stale, so ordinary requests write nothing;
 * the condition repeats the check in SQL so that a burst of requests (or several app nodes)
 * racing past it still update the row once.
 */
export async function touchSession(db: Kysely<DB>, sessionId: string, now = Date.now()) {
  const cutoff = new Date(now - LAST_SEEN_INTERVAL_MS).toISOString();
  await db
    .updateTable('sessions')
    .set({ lastSeenAt: new Date(now).toISOString() })
    .where('id', '=', sessionId)
    .where((eb) => eb.or([eb('lastSeenAt', 'is', null), eb('lastSeenAt', '<', cutoff)]))
    .execute();
}

function isStale(lastSeenAt: unknown, now: number): boolean {
  if (lastSeenAt === null || lastSeenAt === undefined) return true;
  const time = new Date(lastSeenAt as string | Date).getTime();
  return Number.isNaN(time) || now - time >= LAST_SEEN_INTERVAL_MS;
}

async function resolveActor(
  auth: Auth,
  db: Kysely<DB>,
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
  const session = response.session as typeof response.session & { lastSeenAt?: unknown };
  const now = Date.now();
  if (isStale(session.lastSeenAt, now)) await touchSession(db, session.id, now);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role ?? 'viewer',
    sessionId: session.id,
  };
}

/** Secure by default: every /api/v1 route needs a session unless it is declared public. */
export function registerAuthGuard(
  app: FastifyInstance,
  auth: Auth,
  db: Kysely<DB>,
  maxAgeDays: number,
) {
  const maxAgeMs = maxAgeDays * 24 * 60 * 60 * 1000;
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    // Unknown paths fall through to the 404 handler, signed in or not.
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.url === undefined) return;
    request.actor = await resolveActor(auth, db, maxAgeMs, request, reply);
    if (!request.actor && !request.routeOptions.config.public) throw unauthenticated();
  });
}

/** The actor of a route that the guard has already authenticated. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
