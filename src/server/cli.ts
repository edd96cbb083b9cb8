import 'dotenv/config';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createUserSchema } from '../contracts/users.ts';
import { ConfigError, loadConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { connect } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { checkDeploy, formatFindings } from './deploy-check.ts';
import { AppError } from './http/errors.ts';
import { getSettingsRow } from './modules/settings/repository.ts';
import { createUser } from './modules/users/service.ts';

const usage = `Usage: npm run cli -- <command> [options]

Commands:
  create-user --email E --name N --role admin|manager|sales|viewer [--password P]
      Creates a user. Without --password the password is read from standard input.
  migrate
      Applies pending database migrations (the server also does this when it starts).
  check-deploy [--allow-signup]
      Reports what makes this environment's setup unsafe for production (secret, PUBLIC_URL,
      sign-up, logging, listening address, database file permissions); exits 1 on any error.
      --allow-signup confirms that open sign-up is intended.
`;

class UsageError extends Error {}

/** node:util parseArgs refuses unknown or malformed options with these codes. */
function isParseArgsError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
  );
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function withContext<T>(run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = connect(config.database);
  try {
    await migrateToLatest(database.db);
    return await run({ db: database.db, dialect: database.dialect, config });
  } finally {
    await database.close();
  }
}

async function createUserCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const password = values.password ?? (await readStdin());
  const parsed = createUserSchema.safeParse({ ...values, password });
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'),
    );
  }
  const user = await withContext((ctx) => createUser(ctx, parsed.data, null));
  console.log(`Created ${user.role} ${user.name} <${user.email}> (id ${user.id}).`);
}

/** The setup as the server would run it; a missing production secret is a finding, not a crash. */
function deployConfig() {
  const nodeEnv = process.env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError([`NODE_ENV: must be development, production or test (got "${nodeEnv}")`]);
  }
  const config = loadConfig({ ...process.env, NODE_ENV: 'development' });
  return { ...config, env: nodeEnv as typeof config.env };
}

async function signupInSettings(config: ReturnType<typeof deployConfig>) {
  // Checking must not create a SQLite file that is not there yet.
  if (config.database.dialect === 'sqlite' && !existsSync(config.database.file)) return null;
  const database = connect(config.database);
  try {
    return Boolean((await getSettingsRow(database.db))?.allowSignup);
  } catch {
    return null; // not reachable or not migrated yet: nothing switched on in Settings
  } finally {
    await database.close();
  }
}

async function checkDeployCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { 'allow-signup': { type: 'boolean', default: false } },
  });
  const config = deployConfig();
  const findings = checkDeploy({
    config,
    signupInSettings: await signupInSettings(config),
    signupIntended: values['allow-signup'],
  });
  console.log(formatFindings(findings));
  if (findings.some((finding) => finding.severity === 'error')) process.exitCode = 1;
}

async function main(argv: string[]) {
  const [command, ...args] = argv;
  switch (command) {
    case 'create-user':
      return createUserCommand(args);
    case 'check-deploy':
      return checkDeployCommand(args);
    case 'migrate': {
      const applied = await withContext(async (ctx) => migrateToLatest(ctx.db));
      console.log(applied.length ? `Applied ${applied.join(', ')}.` : 'Nothing to migrate.');
      return;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(usage);
      return;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${usage}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof AppError) {
    console.error(`Error: ${error.message}`);
  } else if (isParseArgsError(error)) {
    console.error(`${error.message}\n\n${usage}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
