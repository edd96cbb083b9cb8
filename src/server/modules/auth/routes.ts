import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldError, Problem } from '../../../contracts/errors.ts';
import { email } from '../../../contracts/fields.ts';
import { signUpSchema } from '../../../contracts/users.ts';
import type { AppContext } from '../../context.ts';
import { toFetchHeaders } from '../../http/auth-guard.ts';
import { sendProblem } from '../../http/error-handler.ts';
import { codeForStatus, problem, validationFailed } from '../../http/errors.ts';
import { type Auth, CLIENT_IP_HEADER } from './auth.ts';
import {
  recordSignedIn,
  recordSignedOut,
  recordSignInFailed,
  type SignInFailure,
} from './sign-in-events.ts';
import {
  clearSignInAttempts,
  PRUNE_EVERY,
  pruneSignInAttempts,
  reserveSignInAttempt,
} from './sign-in-throttle.ts';

/** The Better Auth endpoints Leadline uses; the rest of its surface stays unreachable. */
export const exposedAuthEndpoints = new Map<string, { method: string; body?: z.ZodType }>([
  [
    '/api/auth/sign-in/email',
    {
      method: 'POST',
      body: z.object({
        // A real address only: anything else (a NUL, say) never reaches the throttle's key.
        email: z.string().trim().min(1, 'Email is required').pipe(email),
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

type SignInBody = { email: string; password: string };

const SIGN_IN = '/api/auth/sign-in/email';
const SIGN_UP = '/api/auth/sign-up/email';
const SIGN_OUT = '/api/auth/sign-out';

/** "in 40 seconds", "in 15 minutes": what a person at the sign-in form can act on. */
function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

const rateLimitedProblem = (reply: FastifyReply, seconds: number) =>
  sendProblem(
    reply,
    problem(429, 'rate_limited', `Too many attempts. Try again in ${waitText(seconds)}.`),
    { 'retry-after': String(seconds) },
  );

function parseBody(route: { body?: z.ZodType }, request: FastifyRequest): unknown {
  if (!route.body) return request.method === 'GET' ? undefined : {};
  const parsed = route.body.safeParse(request.body ?? {});
  if (!parsed.success) {
    throw validationFailed(
      parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

function callAuth(auth: Auth, url: URL, request: FastifyRequest, body: unknown): Promise<Response> {
  const headers = toFetchHeaders(request);
  headers.set(CLIENT_IP_HEADER, request.ip);
  headers.delete('content-length');
  if (body !== undefined) headers.set('content-type', 'application/json');
  return auth.handler(
    new Request(url, {
      method: request.method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }),
  );
}

/**
 * Better Auth's success body without the session token it carries (`token` after sign-in and
 * sign-up, `session.token` in get-session). The token is the session itself: it lives in the
 * HttpOnly cookie precisely so that no script on the page can read it, so no body may hold it.
 */
export function withoutSessionToken(text: string): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return text;
  const { token: _token, ...rest } = body as Record<string, unknown>;
  const session = rest.session;
  if (typeof session === 'object' && session !== null) {
    const { token: _sessionToken, ...sessionRest } = session as Record<string, unknown>;
    rest.session = sessionRest;
  }
  return JSON.stringify(rest);
}

/** Better Auth's answer as ours: its cookies, its success body, its errors as problem+json. */
async function relay(reply: FastifyReply, response: Response, text: string) {
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  reply.header('cache-control', 'no-store');
  if (response.status >= 400) {
    if (response.status === 429) {
      const seconds = Number(response.headers.get('x-retry-after'));
      return rateLimitedProblem(reply, Number.isFinite(seconds) && seconds > 0 ? seconds : 60);
    }
    let payload: { code?: string; message?: string } = {};
    try {
      payload = JSON.parse(text) as typeof payload;
    } catch {
      // an empty or non-JSON error body keeps the status's generic problem
    }
    return sendProblem(reply, toProblem(response.status, payload));
  }
  return reply
    .code(response.status)
    .type(response.headers.get('content-type') ?? 'application/json')
    .send(withoutSessionToken(text));
}

const signedInUserId = (text: string): string | null => {
  try {
    const id = (JSON.parse(text) as { user?: { id?: unknown } }).user?.id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
};

const failureOfStatus: Record<number, SignInFailure> = {
  401: 'invalid_credentials',
  403: 'deactivated',
  429: 'throttled',
};

/**
 * Sign-in: the account's attempt is counted before Better Auth sees the password, so an account
 * over its limit is refused without a password check (429, whoever asks). Better Auth then
 * answers a wrong password and an unknown address alike (it hashes the attempt in both cases),
 * and every outcome is audited with the address, the IP and the user agent.
 */
async function signIn(
  deps: BridgeDeps,
  url: URL,
  request: FastifyRequest,
  reply: FastifyReply,
  body: SignInBody,
) {
  const { db } = deps.ctx;
  if (Math.random() < 1 / PRUNE_EVERY) await pruneSignInAttempts(db);
  const reservation = await reserveSignInAttempt(db, body.email);
  if (!reservation.allowed) {
    await recordSignInFailed(db, request, body.email, 'throttled');
    reply.header('cache-control', 'no-store');
    return rateLimitedProblem(reply, reservation.retryAfterSeconds);
  }
  const response = await callAuth(deps.auth, url, request, body);
  const text = await response.text();
  const userId = response.status === 200 ? signedInUserId(text) : null;
  if (userId) {
    await clearSignInAttempts(db, body.email);
    await recordSignedIn(db, request, userId, 'password');
  }
  const failure = failureOfStatus[response.status];
  if (failure) await recordSignInFailed(db, request, body.email, failure);
  return relay(reply, response, text);
}

async function forward(deps: BridgeDeps, request: FastifyRequest, reply: FastifyReply) {
  // Built on the configured base URL: the client's Host header is not ours to parse.
  const url = new URL(request.url, deps.baseURL);
  const route = exposedAuthEndpoints.get(url.pathname);
  if (!route || route.method !== request.method) {
    return sendProblem(reply, problem(404, 'not_found', 'No such endpoint.'));
  }
  const body = parseBody(route, request);
  if (url.pathname === SIGN_IN) return signIn(deps, url, request, reply, body as SignInBody);

  const signingOut =
    url.pathname === SIGN_OUT && request.headers.cookie
      ? await deps.auth.api.getSession({ headers: toFetchHeaders(request) })
      : null;
  const response = await callAuth(deps.auth, url, request, body);
  const text = await response.text();
  if (response.status === 200) {
    const { db } = deps.ctx;
    if (url.pathname === SIGN_UP) {
      const userId = signedInUserId(text);
      if (userId) await recordSignedIn(db, request, userId, 'sign_up');
    }
    if (signingOut) await recordSignedOut(db, request, signingOut.user.id);
  }
  return relay(reply, response, text);
}

interface BridgeDeps {
  auth: Auth;
  baseURL: string;
  ctx: AppContext;
}

export async function authRoutes(app: FastifyInstance, deps: BridgeDeps) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    config: { public: true },
    handler: (request, reply) => forward(deps, request, reply),
  });
}
