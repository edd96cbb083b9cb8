import 'dotenv/config';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, resolveAuthSecret } from './config.ts';
import { connect } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loggerOptions } from './logger.ts';

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

  const database = connect(config.database);
  await migrateToLatest(database.db);
  const app = await buildApp({
    config,
    database,
    authSecret: resolveAuthSecret(config),
    logger: loggerOptions(config),
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: config.database.dialect },
    `Leadline is ready at ${config.publicOrigins[0] ?? address.replace('127.0.0.1', 'localhost')}`,
  );
}

main().catch((error: unknown) => {
  console.error('Leadline failed to start:', error);
  process.exit(1);
});
