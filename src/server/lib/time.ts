/** Timestamps leave the database as Date (PostgreSQL) or ISO text (SQLite); the API speaks ISO. */
export function toIso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export const nowIso = (): string => new Date().toISOString();

/** SQLite stores booleans as 0/1; both dialects accept 0/1 on write. */
export const dbBool = (value: boolean): number => (value ? 1 : 0);
