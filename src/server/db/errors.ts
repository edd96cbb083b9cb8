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
