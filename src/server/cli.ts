import 'dotenv/config';
import { parseArgs } from 'node:util';
import { createUserSchema } from '../contracts/users.ts';
import { ConfigError, loadConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { connect } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { AppError } from './http/errors.ts';
import { createUser } from './modules/users/service.ts';

const usage = `Usage: npm run cli -- <command> [options]

Commands:
  create-user --email E --name N --role admin|manager|sales|viewer [--password P]
      Creates a user. Without --password the password is read from standard input.
  migrate
      Applies pending database migrations (the server also does this when it starts).
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

async function main(argv: string[]) {
  const [command, ...args] = argv;
  switch (command) {
    case 'create-user':
      return createUserCommand(args);
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
