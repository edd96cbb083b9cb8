import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from './connect.ts';

describe('#connect on SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'leadline-connect-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** SQLite's own numbers for the modes: 1 NORMAL, 2 FULL. */
  it.each([
    [undefined, 1],
    ['normal', 1],
    ['full', 2],
  ] as const)('opens the file in WAL mode with synchronous %s → %i', async (synchronous, expected) => {
    const database = connect({
      dialect: 'sqlite',
      file: path.join(dir, `${synchronous ?? 'default'}.db`),
      ...(synchronous ? { synchronous } : {}),
    });
    try {
      const mode = await sql<{ synchronous: number }>`pragma synchronous`.execute(database.db);
      expect(mode.rows[0]?.synchronous).toBe(expected);
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
    } finally {
      await database.close();
    }
  });
});
