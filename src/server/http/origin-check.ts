import type { FastifyInstance, FastifyRequest } from 'fastify';
import { csrfFailed } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** The origins this request may come from: PUBLIC_URL plus the origin the request was sent to. */
export function ownOrigins(request: FastifyRequest, publicOrigins: readonly string[]): Set<string> {
  const origins = new Set(publicOrigins);
  origins.add(`${request.protocol}://${request.host}`);
  return origins;
}

/**
 * Refuses unsafe requests sent by a browser from another site (API.md: 403 csrf_failed).
 * The Origin header decides, the Referer when Origin is absent; requests that carry neither
 * (curl, server-to-server) are not browser-initiated and pass. Applies to sign-in too, so a
 * hostile page cannot sign a visitor into an attacker's account.
 */
export function isCrossSite(request: FastifyRequest, publicOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const { origin, referer } = request.headers;
  const claimed = origin !== undefined ? origin : referer;
  if (claimed === undefined) return false;
  const claimedOrigin = originOf(claimed);
  return claimedOrigin === null || !ownOrigins(request, publicOrigins).has(claimedOrigin);
}

export function registerOriginCheck(app: FastifyInstance, publicOrigins: readonly string[]) {
  app.addHook('onRequest', async (request) => {
    if (isCrossSite(request, publicOrigins)) throw csrfFailed();
  });
}
