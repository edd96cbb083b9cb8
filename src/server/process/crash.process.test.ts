import { randomInt } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { addUser, setUpAdmin } from '../test/process/api-client.ts';
import { crashProblems } from '../test/process/crash-invariants.ts';
import {
  type DatabaseSnapshot,
  readPostgres,
  readSqlite,
} from '../test/process/database-snapshot.ts';
import { postgresServer, scratchPostgres } from '../test/process/postgres.ts';
import { type ServerProcess, scratchSqlite, startServer } from '../test/process/server-process.ts';
import { type LoadWriter, startLoad, WriteLedger } from '../test/process/write-load.ts';

/** Kills per database; each after a random number of acknowledged writes in this range. */
const KILLS = 5;
const WRITES_BEFORE_KILL = [40, 200] as const;
const WORKERS = 16;
/** The bound, per database, on a 2-core CI machine running other tests too. */
const BOUND_MS = 120_000;

interface CrashTarget {
  /** DATABASE_URL for the server of this start (0 the first, then one per restart). */
  databaseUrl(start: number): string;
  /** Once the killed server's work can no longer land (PostgreSQL: its sessions are gone). */
  afterKill(start: number): Promise<void>;
  read(): Promise<DatabaseSnapshot>;
  dispose(): Promise<void>;
}

function sqliteTarget(): CrashTarget {
  const scratch = scratchSqlite();
  return {
    databaseUrl: () => scratch.databaseUrl,
    // A dead process holds no lock and writes nothing more: the next open recovers the WAL.
    afterKill: async () => undefined,
    read: async () => readSqlite(scratch.file),
    dispose: async () => scratch.dispose(),
  };
}

async function postgresTarget(): Promise<CrashTarget> {
  const scratch = await scratchPostgres();
  const applicationName = (start: number) => `leadline-crash-${start}`;
  return {
    databaseUrl: (start) => `${scratch.databaseUrl}?application_name=${applicationName(start)}`,
    // A backend finishes the statement it was running when its client died, and a COMMIT
    // already received may still commit: wait until every session of the killed server ended.
    afterKill: async (start) => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const [row] = await scratch.query<{ n: string }>(
          'select count(*) as n from pg_stat_activity where application_name = $1',
          [applicationName(start)],
        );
        if (Number(row?.n) === 0) return;
        if (Date.now() > deadline) throw new Error('the killed server still has sessions');
        await delay(50);
      }
    },
    read: () => readPostgres(scratch.databaseUrl),
    dispose: () => scratch.dispose(),
  };
}

describe.each([
  'sqlite',
  'postgres',
] as const)('kill -9 under a concurrent write load on %s', (dialect) => {
  let target: CrashTarget | undefined;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill();
    await target?.dispose();
  });

  it.skipIf(dialect === 'postgres' && !postgresServer)(
    'keeps every acknowledged write, whole, with its audit events and exact totals',
    async () => {
      const started = Date.now();
      const crash = dialect === 'sqlite' ? sqliteTarget() : await postgresTarget();
      target = crash;
      server = await startServer({ databaseUrl: crash.databaseUrl(0) });
      const port = server.port;
      const admin = await setUpAdmin(server.url);
      const session = await admin.get('/api/auth/get-session');
      const adminId = session.body.user.id as string;
      const sales = await addUser(admin, 'sales', 'sam@example.com');
      // Both roles' paths, and leads of three owner keys: the admin's, the sales user's, none.
      const writers: LoadWriter[] = [
        { client: admin, owners: [adminId, sales.id, null] },
        { client: sales.client, owners: [sales.id] },
      ];
      const ledger = new WriteLedger();

      for (let round = 1; round <= KILLS; round += 1) {
        const load = startLoad({ ledger, writers, workers: WORKERS, round });
        const killAfter = ledger.acknowledgedWrites + randomInt(...WRITES_BEFORE_KILL);
        // Every worker ends at the first refusal, so a load that can no longer write still ends.
        await Promise.race([ledger.acknowledged(killAfter), load.settled]);
        load.stop();
        await server.kill();
        await load.settled;
        expect(ledger.refusals).toEqual([]);
        await crash.afterKill(round - 1);

        server = await startServer({ databaseUrl: crash.databaseUrl(round), port });
        const snapshot = await crash.read();
        const problems = crashProblems(snapshot, ledger);
        expect(problems, `after kill ${round} of ${KILLS}`).toEqual([]);
        // The restarted server answers from the same data (the list's total is lead_totals').
        const list = await admin.get('/api/v1/leads?limit=1');
        expect(list.status).toBe(200);
        expect(list.body.total).toBe(snapshot.leads.length);
      }

      const elapsed = Date.now() - started;
      const acknowledgedLeads = ledger.leads.filter((lead) => lead.id !== null).length;
      console.info(
        `[crash] ${dialect}: ${KILLS} kills, ${ledger.acknowledgedWrites} acknowledged writes ` +
          `(${acknowledgedLeads} leads), ${ledger.unknownWrites} unknown, ` +
          `${(elapsed / 1000).toFixed(1)} s`,
      );
      expect(elapsed).toBeLessThan(BOUND_MS);
    },
    BOUND_MS + 30_000,
  );
});
