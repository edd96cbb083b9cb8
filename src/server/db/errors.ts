/** Whether a driver error is a unique-constraint violation, optionally of one index. */
export function isUniqueViolation(error: unknown, indexName?: string): boolean {
  if (!(error instanceof Error)) return false;
  const { code, constraint } = error as Error & { code?: string; constraint?: string };
  if (code === '23505') return indexName === undefined || constraint === indexName;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return indexName === undefined || error.message.includes(indexName);
  }
  return false;
}

/**
 * Whether a driver error is a failed check of this name: a CHECK constraint, or a trigger that
 * refuses the write under that name (PostgreSQL: `raise … using constraint`; SQLite:
 * `raise(ABORT, '<name>')`).
 */
export function isCheckViolation(error: unknown, constraintName: string): boolean {
  if (!(error instanceof Error)) return false;
  const { code, constraint } = error as Error & { code?: string; constraint?: string };
  if (code === '23514') return constraint === constraintName;
  return (
    (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_TRIGGER') &&
    error.message.includes(constraintName)
  );
}

/**
 * Codes of a database that is gone for the moment rather than a query that is wrong: a server
 * shutting down or restarting (57P01–57P03), a broken or refused connection (class 08, the
 * socket errors), too many clients (53300), and SQLite still busy after its busy timeout.
 */
const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'SQLITE_BUSY',
]);

/** What pg says, without a code, of a connection it lost or could not make in time. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed and is not queryable)/;

/**
 * Whether an error means the database cannot be reached right now (a restart, a failover, a
 * pooler dropping connections): the request may succeed when retried, so it is a 503.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code } = error as Error & { code?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (UNAVAILABLE_MESSAGE.test(error.message)) return true;
  // AggregateError (a host with several addresses, all refused) and errors with a cause.
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return error.cause !== undefined && error.cause !== error && isDatabaseUnavailable(error.cause);
}
