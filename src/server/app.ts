import { existsSync } from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import type { Database } from './db/connect.ts';
import { registerAuthGuard } from './http/auth-guard.ts';
import { drainRefusedBodies, serverTimeouts, trustedProxies } from './http/connections.ts';
import { registerErrorHandler, sendFrameworkProblem, sendProblem } from './http/error-handler.ts';
import { problem } from './http/errors.ts';
import { registerOriginCheck } from './http/origin-check.ts';
import { accountRoutes } from './modules/account/routes.ts';
import { activityRoutes } from './modules/activities/routes.ts';
import { analyticsRoutes } from './modules/analytics/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { createAuth } from './modules/auth/auth.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { customerRoutes } from './modules/customers/routes.ts';
import { leadRoutes } from './modules/leads/routes.ts';
import { pipelineRoutes } from './modules/pipeline/routes.ts';
import { settingsRoutes } from './modules/settings/routes.ts';
import { isSignupAllowed } from './modules/settings/service.ts';
import { avatarRoutes } from './modules/users/avatar-routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { teamRoutes } from './modules/users/team-routes.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  authSecret: string;
  /** Where the app logs (main.ts: JSON on stdout, never blocking); silent when absent. */
  logger?: FastifyBaseLogger;
  /** The built web app (index.html + assets); absent in API-only tests. */
  webRoot?: string | null;
  /** Sees every route as it is registered (the hostile-input sweep enumerates them). */
  onRoute?: (route: RouteOptions) => void;
}

const BODY_LIMIT_BYTES = 1024 * 1024;
/** How long /readyz waits for the database before it says 503. */
const READY_TIMEOUT_MS = 2_000;

/** Where `vite build` put the web app, seen from the compiled server or from the sources. */
export function defaultWebRoot(): string | null {
  const here = import.meta.dirname;
  const candidate =
    path.basename(path.dirname(here)) === 'dist'
      ? path.join(here, '..', 'web')
      : path.join(here, '..', '..', 'dist', 'web');
  return existsSync(path.join(candidate, 'index.html')) ? candidate : null;
}

function baseUrlOf(config: Config): string {
  return config.publicOrigins[0] ?? `http://localhost:${config.port || 3000}`;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const ctx: AppContext = { db: database.db, dialect: database.dialect, config };
  const baseURL = baseUrlOf(config);
  const secure = baseURL.startsWith('https://');

  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    trustProxy: trustedProxies(config.trustProxy),
    bodyLimit: BODY_LIMIT_BYTES,
    ...serverTimeouts(config.http),
    // Ids are opaque strings; /api/v1/customers/ and /api/v1/customers are the same list.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // The router's own refusals (a 10 KB id, a broken %-escape) speak problem+json too.
    frameworkErrors: sendFrameworkProblem,
  });
  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);
  drainRefusedBodies(app);
  // The API speaks JSON: a text/plain body is refused with 415, not parsed into a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables through inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: secure ? { maxAge: 15552000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });

  registerOriginCheck(app, config.publicOrigins);

  const auth = createAuth({
    db: database.db,
    dialect: database.dialect,
    config,
    secret: deps.authSecret,
    baseURL,
    isSignupAllowed: () => isSignupAllowed(database.db, config.allowSignupFromEnv),
  });
  registerAuthGuard(app, auth, database.db, config.session.maxAgeDays);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Leadline API',
        version: '1.0.0',
        description:
          'The HTTP API of Leadline, a self-hosted CRM. Authenticate with the session cookie ' +
          'from POST /api/auth/sign-in/email. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'leadline.session_token' },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, () =>
    app.swagger(),
  );

  await app.register(authRoutes, { auth, baseURL, ctx });
  await app.register(userRoutes, { ctx, auth });
  await app.register(accountRoutes, { ctx });
  await app.register(avatarRoutes, { ctx });
  await app.register(teamRoutes, { ctx });
  await app.register(settingsRoutes, { ctx });
  await app.register(customerRoutes, { ctx });
  await app.register(leadRoutes, { ctx });
  await app.register(activityRoutes, { ctx });
  await app.register(pipelineRoutes, { ctx });
  await app.register(analyticsRoutes, { ctx });
  await app.register(auditRoutes, { ctx });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      // A database that drops packets instead of refusing them must not hang the probe.
      await Promise.race([
        sql`select 1`.execute(database.db),
        new Promise((_resolve, reject) =>
          setTimeout(
            () => reject(new Error('no answer from the database')),
            READY_TIMEOUT_MS,
          ).unref(),
        ),
      ]);
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'database not ready');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  const webRoot = deps.webRoot === undefined ? defaultWebRoot() : deps.webRoot;
  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // setHeaders decides; the plugin's own max-age=0 would otherwise overwrite it.
      cacheControl: false,
      // Hashed asset names never change content; the shell itself must always be fresh.
      setHeaders: (res, filePath) => {
        res.setHeader(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url === '/api' || request.url.startsWith('/api/');
    if (isApi || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return sendProblem(
        reply,
        problem(404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`),
      );
    }
    if (!webRoot) {
      return reply
        .code(503)
        .type('text/plain')
        .send('The web app is not built: run npm run build.');
    }
    // Client-side routes deep-link: every other path gets the app shell.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}
