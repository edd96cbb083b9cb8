import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import type { SqliteSynchronous } from '../src/server/config.ts';
import { type ApiClient, setUpAdmin } from '../src/server/test/process/api-client.ts';
import { startServer } from '../src/server/test/process/server-process.ts';
import { type Failure, type Measurement, markdownTable, summarize } from './load.ts';
import { parseFlags, positiveInteger } from './options.ts';

const USAGE = `Usage: npm run bench:synchronous -- [options]

What SQLITE_SYNCHRONOUS=full costs against the default (normal): starts the built server
(dist/server/main.js, NODE_ENV=production) on a fresh SQLite file in each mode in turn, sets up
an admin, and creates leads (POST /api/v1/leads) from concurrent workers for a while. Prints
creates per second and latencies per run and per mode, with the load average. The file lives
under --dir: the disk measured is that directory's (by default ./data, where Leadline keeps
its database). Exits 1 if any create fails.

Options:
  --concurrency <n>   requests in flight at once (default 8)
  --duration <s>      seconds measured per run (default 10)
  --rounds <n>        runs of each mode, alternating which goes first (default 3)
  --warmup <n>        unmeasured creates at the start of each run (default 200)
  --dir <path>        where the scratch databases are made (default ./data)
  -h, --help          show this text`;

function parseOptions() {
  const values = parseFlags(
    {
      concurrency: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      dir: { type: 'string' },
    },
    USAGE,
  );
  return {
    concurrency: positiveInteger('concurrency', values.concurrency, 8, USAGE),
    durationMs: positiveInteger('duration', values.duration, 10, USAGE) * 1000,
    rounds: positiveInteger('rounds', values.rounds, 3, USAGE),
    warmup: values.warmup === '0' ? 0 : positiveInteger('warmup', values.warmup, 200, USAGE),
    dir: path.resolve(values.dir ?? 'data'),
  };
}

type Options = ReturnType<typeof parseOptions>;

const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

/** Creates leads from `concurrency` workers until `done()`; the time of each 201. */
async function createLeads(
  admin: ApiClient,
  concurrency: number,
  done: (issued: number, started: bigint) => boolean,
): Promise<Omit<Measurement, 'scenario'>> {
  const latencies: number[] = [];
  const failures: Failure[] = [];
  let issued = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (!done(issued, started)) {
      issued += 1;
      const sent = process.hrtime.bigint();
      const response = await admin.post('/api/v1/leads', {
        firstName: 'Bench',
        lastName: `Lead ${issued}`,
        email: `bench-${issued}@example.com`,
        value: (issued % 1000) * 10,
      });
      if (response.status === 201) latencies.push(elapsedMs(sent));
      else failures.push({ path: '/api/v1/leads', detail: `${response.status} ${response.text}` });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, failures, elapsedMs: elapsedMs(started), matched: null };
}

async function run(options: Options, mode: SqliteSynchronous, round: number): Promise<Measurement> {
  mkdirSync(options.dir, { recursive: true });
  const dir = mkdtempSync(path.join(options.dir, 'bench-synchronous-'));
  const server = await startServer({
    databaseUrl: `file:${path.join(dir, 'leadline.db')}`,
    env: { NODE_ENV: 'production', SQLITE_SYNCHRONOUS: mode },
  });
  try {
    const admin = await setUpAdmin(server.url);
    await createLeads(admin, options.concurrency, (issued) => issued >= options.warmup);
    const measured = await createLeads(
      admin,
      options.concurrency,
      (_issued, started) => elapsedMs(started) >= options.durationMs,
    );
    return { scenario: `create lead, ${mode.toUpperCase()} (run ${round})`, ...measured };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const options = parseOptions();
  const startLoad = loadavg()[0] ?? 0;
  const runs: Record<SqliteSynchronous, Measurement[]> = { normal: [], full: [] };
  for (let round = 1; round <= options.rounds; round += 1) {
    // Alternating which mode goes first spreads any drift of the machine over both.
    const order: SqliteSynchronous[] = round % 2 === 1 ? ['normal', 'full'] : ['full', 'normal'];
    for (const mode of order) runs[mode].push(await run(options, mode, round));
  }
  const merged = (mode: SqliteSynchronous): Measurement => ({
    scenario: `create lead, ${mode.toUpperCase()} (all runs)`,
    latencies: runs[mode].flatMap((m) => m.latencies),
    failures: runs[mode].flatMap((m) => m.failures),
    elapsedMs: runs[mode].reduce((sum, m) => sum + m.elapsedMs, 0),
    matched: null,
  });
  const summaries = [...runs.normal, ...runs.full, merged('normal'), merged('full')].map(summarize);
  const cpu = cpus();
  console.log(
    `${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, Node ${process.version}, concurrency ` +
      `${options.concurrency}, ${options.durationMs / 1000} s per run, database under ` +
      `${options.dir}; load average ${startLoad.toFixed(2)} at start, ` +
      `${(loadavg()[0] ?? 0).toFixed(2)} at the end\n`,
  );
  console.log(markdownTable(summaries));
  const [normal, full] = [summaries.at(-2), summaries.at(-1)];
  if (normal && full) {
    console.log(
      `\nFULL: ${full.perSecond.toFixed(0)} creates/s against NORMAL's ` +
        `${normal.perSecond.toFixed(0)} (${((full.perSecond / normal.perSecond) * 100).toFixed(0)} %)`,
    );
  }
  const failures = [...runs.normal, ...runs.full].flatMap((m) => m.failures);
  for (const failure of failures.slice(0, 5)) console.error(`failed: ${failure.detail}`);
  if (failures.length > 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `bench:synchronous failed: ${error.message}` : error);
  process.exitCode = 1;
});
