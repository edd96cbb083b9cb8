import 'dotenv/config';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, resolveAuthSecret } from './config.ts';
import { connect } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createLogger } from './logger.ts';

/**
 * How long a SIGTERM may take: in-flight requests finish, then the pool and the logs close. An
 * orchestrator's own grace period (Kubernetes: 30 s) should be longer.
 */
const SHUTDOWN_GRACE_MS = 10_000;
/** Of that, what the last log lines may take to reach a slow reader. */
const LOG_FLUSH_MS = 1_000;

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const logs = createLogger(config);
  const log = logs.logger;
  const database = connect(config.database, {
    onConnectionError: (error) =>
      log.warn({ err: error }, 'a database connection was lost; the pool replaces it'),
  });
  await migrateToLatest(database.db);
  const app = await buildApp({
    config,
    database,
    authSecret: resolveAuthSecret(config),
    logger: log,
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    // Whatever hangs (a request, the pool, the log reader), the process leaves in time.
    const deadline = setTimeout(() => {
      log.error('shutdown took too long; exiting anyway');
      void logs.close(LOG_FLUSH_MS).finally(() => process.exit(1));
    }, SHUTDOWN_GRACE_MS - LOG_FLUSH_MS);
    deadline.unref();
    try {
      await app.close();
      await database.close();
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exitCode = 1;
    }
    await logs.close(LOG_FLUSH_MS);
    process.exit();
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  log.info(
    { database: config.database.dialect },
    `Leadline is ready at ${config.publicOrigins[0] ?? address.replace('127.0.0.1', 'localhost')}`,
  );
}

main().catch((error: unknown) => {
  console.error('Leadline failed to start:', error);
  process.exit(1);
});
