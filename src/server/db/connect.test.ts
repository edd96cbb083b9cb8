import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

  it('creates a new data directory 700 and the database, WAL included, 600', async () => {
    const file = path.join(dir, 'new', 'data', 'leadline.db');
    const database = connect({ dialect: 'sqlite', file });
    try {
      await sql`create table t (x integer)`.execute(database.db);
      await sql`insert into t values (1)`.execute(database.db);
      const mode = (target: string) => statSync(target).mode & 0o777;
      expect(mode(path.dirname(file))).toBe(0o700);
      expect(mode(path.join(dir, 'new'))).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
    } finally {
      await database.close();
    }
  });

  it('leaves the mode of an existing directory and file alone', async () => {
    const existing = path.join(dir, 'shared');
    mkdirSync(existing, { mode: 0o750 });
    chmodSync(existing, 0o750);
    const file = path.join(existing, 'leadline.db');
    writeFileSync(file, '');
    chmodSync(file, 0o640);
    const database = connect({ dialect: 'sqlite', file });
    await database.close();
    expect(statSync(existing).mode & 0o777).toBe(0o750);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });
});
