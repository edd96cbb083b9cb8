import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';

/** JSON logs in production (and whenever stdout is not a terminal); readable lines in development. */
export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  const pretty = config.env === 'development' && process.stdout.isTTY;
  return {
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}
