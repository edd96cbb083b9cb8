import path from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type DatabaseTarget, parseDatabaseUrl } from '../src/server/config.ts';

/** Where the bench data lives unless --database-url says otherwise (data/ is git-ignored). */
export const DEFAULT_BENCH_DATABASE = 'file:data/bench.db';

export interface BenchDatabase {
  url: string;
  target: DatabaseTarget;
  /** The bench's own SQLite file, which the seed may delete without asking. */
  isDefault: boolean;
}

/** Prints the problem and the usage text, then exits 2 (a usage error, not a failed run). */
export function usageError(message: string, usage: string): never {
  console.error(`error: ${message}\n\n${usage}`);
  process.exit(2);
}

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/**
 * A bench script's flags, plus -h/--help: help prints the usage and exits 0; an unknown flag or a
 * missing value prints the problem and the usage and exits 2.
 */
export function parseFlags<const T extends NonNullable<ParseArgsConfig['options']>>(
  options: T,
  usage: string,
) {
  try {
    const { values } = parseArgs<{
      options: T & typeof HELP;
      strict: true;
      allowPositionals: false;
    }>({ options: { ...options, ...HELP }, strict: true, allowPositionals: false });
    // Generic here, the parsed type only resolves at each caller; help is always there.
    if ((values as { help?: boolean }).help) {
      console.log(usage);
      process.exit(0);
    }
    return values;
  } catch (error) {
    if (isParseArgsError(error)) usageError(error.message, usage);
    throw error;
  }
}

/** node:util parseArgs throws these codes for unknown flags, missing values and the like. */
export function isParseArgsError(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  const { code } = error as Error & { code?: unknown };
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

export function positiveInteger(
  flag: string,
  raw: string | undefined,
  fallback: number,
  usage: string,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    usageError(`--${flag} must be a whole number of at least 1 (got "${raw}")`, usage);
  }
  return value;
}

export function benchDatabase(url: string | undefined, usage: string): BenchDatabase {
  const chosen = url?.trim() || DEFAULT_BENCH_DATABASE;
  if (!/^(file:.+|postgres(ql)?:\/\/.+)$/.test(chosen)) {
    usageError(
      `--database-url must be file:<path> (SQLite) or postgres://user@host:port/db (got "${chosen}")`,
      usage,
    );
  }
  const target = parseDatabaseUrl(chosen);
  const isDefault =
    target.dialect === 'sqlite' && target.file === path.resolve(DEFAULT_BENCH_DATABASE.slice(5));
  return { url: chosen, target, isDefault };
}

/** The URL with any password replaced, for printing. */
export function displayUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
