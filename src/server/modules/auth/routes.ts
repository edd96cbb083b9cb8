import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldError, Problem } from '../../../contracts/errors.ts';
import { signUpSchema } from '../../../contracts/users.ts';
import { toFetchHeaders } from '../../http/auth-guard.ts';
import { sendProblem } from '../../http/error-handler.ts';
import { codeForStatus, problem, validationFailed } from '../../http/errors.ts';
import { type Auth, CLIENT_IP_HEADER } from './auth.ts';

/** The Better Auth endpoints Leadline uses; the rest of its surface stays unreachable. */
export const exposedAuthEndpoints = new Map<string, { method: string; body?: z.ZodType }>([
  [
    '/api/auth/sign-in/email',
    {
      method: 'POST',
      body: z.object({
        email: z.string().trim().min(1, 'Email is required').max(254),
        password: z.string().min(1, 'Password is required').max(128),
      }),
    },
  ],
  ['/api/auth/sign-up/email', { method: 'POST', body: signUpSchema }],
  ['/api/auth/sign-out', { method: 'POST' }],
  ['/api/auth/get-session', { method: 'GET' }],
]);

const fieldOfAuthCode: Record<string, FieldError> = {
  PASSWORD_TOO_SHORT: { path: 'password', message: 'Must be at least 8 characters' },
  PASSWORD_TOO_LONG: { path: 'password', message: 'Must be at most 128 characters' },
  INVALID_EMAIL: { path: 'email', message: 'Enter a valid email address' },
};

/** Better Auth answers errors as `{ code, message }`; the API speaks problem+json. */
function toProblem(status: number, body: { code?: string; message?: string }): Problem {
  const detail = body.message;
  if (body.code?.startsWith('USER_ALREADY_EXISTS')) {
    const message = 'An account with this email already exists';
    return problem(409, 'conflict', `${message}.`, { errors: [{ path: 'email', message }] });
  }
  const field = body.code ? fieldOfAuthCode[body.code] : undefined;
  if (field) return problem(400, 'validation_failed', field.message, { errors: [field] });
  return problem(status, codeForStatus(status), detail);
}

async function forward(auth: Auth, baseURL: string, request: FastifyRequest, reply: FastifyReply) {
  // Built on the configured base URL: the client's Host header is not ours to parse.
  const url = new URL(request.url, baseURL);
  const route = exposedAuthEndpoints.get(url.pathname);
  if (!route || route.method !== request.method) {
    return sendProblem(reply, problem(404, 'not_found', 'No such endpoint.'));
  }
  let body: string | undefined;
  if (route.body) {
    const parsed = route.body.safeParse(request.body ?? {});
    if (!parsed.success) {
      throw validationFailed(
        parsed.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
        })),
      );
    }
    body = JSON.stringify(parsed.data);
  } else if (request.method !== 'GET') {
    body = '{}';
  }
  const headers = toFetchHeaders(request);
  headers.set(CLIENT_IP_HEADER, request.ip);
  headers.delete('content-length');
  if (body !== undefined) headers.set('content-type', 'application/json');

  const response = await auth.handler(
    new Request(url, { method: request.method, headers, ...(body ? { body } : {}) }),
  );
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  reply.header('cache-control', 'no-store');

  if (response.status >= 400) {
    const payload = (await response.json().catch(() => ({}))) as {
      code?: string;
      message?: string;
    };
    const retryAfter = response.headers.get('x-retry-after');
    if (response.status === 429) {
      const seconds = retryAfter ?? '60';
      return sendProblem(
        reply,
        problem(429, 'rate_limited', `Too many attempts. Try again in ${seconds} seconds.`),
        { 'retry-after': seconds },
      );
    }
    return sendProblem(reply, toProblem(response.status, payload));
  }
  const text = await response.text();
  return reply
    .code(response.status)
    .type(response.headers.get('content-type') ?? 'application/json')
    .send(text);
}

export async function authRoutes(
  app: FastifyInstance,
  { auth, baseURL }: { auth: Auth; baseURL: string },
) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    config: { public: true },
    handler: (request, reply) => forward(auth, baseURL, request, reply),
  });
}
