import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './keyset.ts';

const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ID = '019a0000-0000-7000-8000-000000000000';

describe('#decodeCursor', () => {
  it('reads back what encodeCursor wrote', () => {
    const cursor = encodeCursor(new Date('2026-01-02T03:04:05.000Z'), ID);
    expect(decodeCursor(cursor, 'timestamp')).toEqual(['2026-01-02T03:04:05.000Z', ID]);
    expect(decodeCursor(encodeCursor("O'Brien", ID), 'text')).toEqual(["O'Brien", ID]);
  });

  it.each([
    ['an id holding SQL', forged(['2026-01-01T00:00:00Z', "x' or '1'='1"])],
    ['an empty id', forged(['2026-01-01T00:00:00Z', ''])],
    ['an id with a NUL', forged(['2026-01-01T00:00:00Z', 'a\u0000b'])],
    ['an id over 64 characters', forged(['2026-01-01T00:00:00Z', 'x'.repeat(65)])],
    ['a value holding SQL for a timestamp', forged(["2026-01-01T00:00:00Z' or 1=1 --", ID])],
    ['three items', forged(['2026-01-01T00:00:00Z', ID, 'x'])],
    ['random base64', 'SGVsbG8sIHdvcmxkIQ'],
  ])('refuses a cursor with %s (400 naming cursor)', (_label, cursor) => {
    expect(() => decodeCursor(cursor, 'timestamp')).toThrow(
      expect.objectContaining({
        status: 400,
        extra: { errors: [{ path: 'cursor', message: 'Not a valid cursor' }] },
      }),
    );
  });
});
