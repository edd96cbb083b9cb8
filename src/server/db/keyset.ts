import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { fieldError } from '../http/errors.ts';
import { toIso } from '../lib/time.ts';

export type SortDirection = 'asc' | 'desc';

export interface Sort<Key extends string> {
  key: Key;
  direction: SortDirection;
}

/** `-lastName` → { key: 'lastName', direction: 'desc' } */
export function parseSort<Key extends string>(sort: `${Key}` | `-${Key}`): Sort<Key> {
  return sort.startsWith('-')
    ? { key: sort.slice(1) as Key, direction: 'desc' }
    : { key: sort as Key, direction: 'asc' };
}

type CursorValue = string | number;

/** What a sort key holds, so a cursor's value is checked before it reaches the database. */
export type SortKeyKind = 'text' | 'timestamp' | 'number';

/** An opaque cursor: the sort key and id of the last row of the previous page. */
export function encodeCursor(value: unknown, id: string): string {
  const normalised = value instanceof Date ? toIso(value) : (value as CursorValue);
  return Buffer.from(JSON.stringify([normalised, id])).toString('base64url');
}

/** The ids this server hands out (UUIDv7); a cursor carrying anything else was not written here. */
const CURSOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

function isValueOfKind(value: unknown, kind: SortKeyKind): value is CursorValue {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'timestamp':
      return (
        typeof value === 'string' &&
        ISO_TIMESTAMP.test(value) &&
        !Number.isNaN(new Date(value).getTime())
      );
  }
}

/**
 * Reads a cursor back, refusing (400) anything this server did not write for this sort:
 * a forged value must not reach the database as, say, a timestamp PostgreSQL cannot parse.
 */
export function decodeCursor(cursor: string, kind: SortKeyKind): [CursorValue, string] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      typeof decoded[1] === 'string' &&
      CURSOR_ID.test(decoded[1]) &&
      isValueOfKind(decoded[0], kind)
    ) {
      return [decoded[0], decoded[1]];
    }
  } catch {
    // fall through to the validation error
  }
  throw fieldError('cursor', 'Not a valid cursor');
}

/** Rows strictly after the cursor in (key, id) order. */
export function afterCursor(
  key: Expression<unknown>,
  id: Expression<unknown>,
  direction: SortDirection,
  [value, lastId]: [CursorValue, string],
): Expression<SqlBool> {
  const op = sql.raw(direction === 'asc' ? '>' : '<');
  return sql<SqlBool>`(${key} ${op} ${value} or (${key} = ${value} and ${id} ${op} ${lastId}))`;
}

/** Case-insensitive substring match on any of the columns, `%` and `_` taken literally. */
export function containsAny<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: Expression<unknown>[],
  needle: string,
): Expression<SqlBool> {
  const pattern = `%${needle.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return eb.or(columns.map((column) => sql<SqlBool>`lower(${column}) like ${pattern} escape '\\'`));
}
