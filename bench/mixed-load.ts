import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { cpus } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect } from '../src/server/db/connect.ts';
import {
  type BuiltServer,
  cpuSecondsOf,
  memoryOf,
  readLogs,
  startBuiltServer,
  uptime,
} from './built-server.ts';
import {
  allLatencies,
  emptyStep,
  problemCode,
  type StepResult,
  stepReport,
  summaryTable,
} from './mixed-report.ts';
import {
  assignUsers,
  BenchClient,
  loadWorkload,
  OPERATIONS,
  type Workload,
} from './mixed-workload.ts';
import { parseFlags, positiveInteger, usageError } from './options.ts';
import { Random } from './random.ts';
import { signInAll } from './sign-in.ts';

const USAGE = `Usage: npm run bench:mixed -- [options]

Builds the server, copies a SQLite database filled by \`npm run bench:seed\` and starts
\`node dist/server/main.js\` on the copy (NODE_ENV=production), signs in one session per client
(5 in 8 sales users, 2 managers, 1 admin) and, for each number of clients, runs a mixed load of
70 % reads and 30 % writes for the given time while polling /healthz every 100 ms on a
connection of its own. Prints, per step, latencies per operation, 5xx (each body), other non-2xx
by status and code, /healthz latency, the server's RSS and CPU, and \`uptime\` before and after.
Stops the server (SIGTERM) and deletes the copy at the end. Exits 1 if any request got a 5xx or
no answer.

Options:
  --database-url <url>   file:<path> of the seeded database, never written to
                         (default file:data/bench.db)
  --clients <list>       comma list of client counts, one step each (default 8,32,128)
  --duration <seconds>   length of each step (default 30)
  --warmup <seconds>     unmeasured load with 8 clients before the first step (default 5; 0: none)
  --log-level <level>    the server's LOG_LEVEL (default info, the production default)
  --seed <n>             pseudo-random seed of the clients' choices (default 1)
  -h, --help             show this text`;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const HEALTHZ_INTERVAL_MS = 100;
/** A request without an answer by then is counted as unanswered. */
const REQUEST_TIMEOUT_MS = 30_000;
const SHUTDOWN_GRACE_MS = 15_000;

function parseOptions() {
  const values = parseFlags(
    {
      'database-url': { type: 'string' },
      clients: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      'log-level': { type: 'string' },
      seed: { type: 'string' },
    },
    USAGE,
  );
  const url = values['database-url']?.trim() || 'file:data/bench.db';
  if (!url.startsWith('file:') || url === 'file::memory:') {
    usageError(`--database-url must be file:<path> of a SQLite database (got "${url}")`, USAGE);
  }
  const clients = (values.clients ?? '8,32,128')
    .split(',')
    .map((part) => positiveInteger('clients', part.trim(), 8, USAGE));
  const logLevel = values['log-level'] ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    usageError(`--log-level must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`, USAGE);
  }
  return {
    source: path.resolve(url.slice('file:'.length)),
    clients,
    durationMs: positiveInteger('duration', values.duration, 30, USAGE) * 1000,
    warmupMs: values.warmup === '0' ? 0 : positiveInteger('warmup', values.warmup, 5, USAGE) * 1000,
    logLevel,
    seed: positiveInteger('seed', values.seed, 1, USAGE),
  };
}

type Options = ReturnType<typeof parseOptions>;

/** GET /healthz every interval over one keep-alive connection of its own, until `stopped()`. */
async function pollHealthz(origin: string, stopped: () => boolean, into: StepResult['healthz']) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const request = http.get(`${origin}/healthz`, { agent, timeout: 10_000 }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('timeout', () => request.destroy(new Error('no answer within 10 s')));
      request.on('error', reject);
    });
  let due = performance.now();
  while (!stopped()) {
    const sent = performance.now();
    try {
      const status = await once();
      if (status === 200) into.latencies.push(performance.now() - sent);
      else into.failures.push(`HTTP ${status}`);
    } catch (error) {
      into.failures.push(error instanceof Error ? error.message : String(error));
    }
    due += HEALTHZ_INTERVAL_MS;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    else due = performance.now();
  }
  agent.destroy();
}

/** Runs `clients` for `durationMs`: each sends its next request as soon as the last is answered. */
async function runStep(
  origin: string,
  clients: BenchClient[],
  durationMs: number,
  server: BuiltServer,
): Promise<StepResult> {
  const step = emptyStep(clients.length);
  const started = performance.now();
  const endAt = started + durationMs;
  const over = () => performance.now() >= endAt || server.exitCode() !== null;
  const worker = async (client: BenchClient) => {
    while (!over()) {
      const request = client.next();
      const unsafe = request.method !== 'GET';
      const headers: Record<string, string> = { cookie: client.cookie };
      // Browsers send Origin on unsafe requests; the server checks it against its own.
      if (unsafe) Object.assign(headers, { origin, 'content-type': 'application/json' });
      const sent = performance.now();
      try {
        const response = await fetch(`${origin}${request.path}`, {
          method: request.method,
          headers,
          ...(unsafe ? { body: JSON.stringify(request.body) } : {}),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const text = await response.text();
        step.latencies.get(request.operation)?.push(performance.now() - sent);
        if (response.status >= 500) {
          step.serverErrors.push({ ...request, status: response.status, body: text });
        } else if (response.status >= 300) {
          const key = `${response.status} ${problemCode(text)}`;
          const byOperation = step.refusals.get(key) ?? new Map();
          byOperation.set(request.operation, (byOperation.get(request.operation) ?? 0) + 1);
          step.refusals.set(key, byOperation);
        }
        client.observe(request, response.status, text);
      } catch (error) {
        const message =
          error instanceof Error ? `${error.message} ${error.cause ?? ''}` : String(error);
        step.networkErrors.push({ operation: request.operation, path: request.path, message });
      }
    }
  };
  const polling = pollHealthz(origin, over, step.healthz);
  await Promise.all(clients.map(worker));
  await polling;
  step.elapsedMs = performance.now() - started;
  return step;
}

function machine(): string {
  const cpu = cpus();
  return `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}`;
}

async function main(options: Options, scratch: { dir: string | null; server: BuiltServer | null }) {
  if (!existsSync(options.source)) {
    throw new Error(`${options.source} does not exist: run npm run bench:seed -- --leads 100000`);
  }
  scratch.dir = mkdtempSync(path.join(path.dirname(options.source), 'mixed-load-'));
  const copy = path.join(scratch.dir, 'leadline.db');
  const copyStarted = performance.now();
  for (const suffix of ['', '-wal']) {
    if (existsSync(`${options.source}${suffix}`))
      copyFileSync(`${options.source}${suffix}`, `${copy}${suffix}`);
  }
  const sizeMiB = statSync(copy).size / 1024 / 1024;

  const database = connect({ dialect: 'sqlite', file: copy });
  let workload: Workload;
  let leadCount: number;
  try {
    workload = await loadWorkload(database.db, options.seed);
    const row = await database.db
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    leadCount = Number(row.count);
  } finally {
    await database.close();
  }
  console.log(
    [
      `Leadline (dist/server/main.js, NODE_ENV=production, LOG_LEVEL=${options.logLevel}, logs to a file) on a copy of ${options.source}`,
      `  ${sizeMiB.toFixed(0)} MiB, ${leadCount} leads, copied in ${((performance.now() - copyStarted) / 1000).toFixed(1)} s; ${machine()}`,
      `  steps: ${options.clients.join(', ')} clients × ${options.durationMs / 1000} s after ${options.warmupMs / 1000} s of warm-up`,
      `  mix: ${OPERATIONS.map(([operation, weight]) => `${operation} ${weight} %`).join(', ')}`,
    ].join('\n'),
  );

  const logFile = path.join(scratch.dir, 'server.log');
  const server = await startBuiltServer({
    databaseUrl: `file:${copy}`,
    logFile,
    logLevel: options.logLevel,
  });
  scratch.server = server;
  const { origin } = server;

  const most = Math.max(...options.clients, options.warmupMs > 0 ? 8 : 0);
  const users = assignUsers(workload.users, most);
  const signInStarted = performance.now();
  const cookies = await signInAll(origin, users);
  const runTag = Date.now().toString(36);
  const clients = users.map((user, index) => {
    const random = new Random(options.seed * 10_000 + index);
    const leads = workload.workingSet(user, random);
    return new BenchClient(
      index,
      user,
      cookies[index] as string,
      leads,
      workload.terms,
      random,
      runTag,
    );
  });
  const roles = ['admin', 'manager', 'sales'].map(
    (role) => `${clients.filter((client) => client.user.role === role).length} ${role}`,
  );
  console.log(
    `  ${clients.length} sessions signed in (${roles.join(', ')}; ${new Set(users.map((u) => u.id)).size} distinct users) in ${((performance.now() - signInStarted) / 1000).toFixed(1)} s`,
  );
  let logOffset = readLogs(logFile, 0).offset;

  const steps: StepResult[] = [];
  let failed = false;
  const plan = [
    ...(options.warmupMs > 0
      ? [{ count: Math.min(8, most), ms: options.warmupMs, warmup: true }]
      : []),
    ...options.clients.map((count) => ({ count, ms: options.durationMs, warmup: false })),
  ];
  for (const { count, ms, warmup } of plan) {
    const uptimeBefore = uptime();
    const serverCpu = cpuSecondsOf(server.pid);
    const benchCpu = process.cpuUsage();
    const step = await runStep(origin, clients.slice(0, count), ms, server);
    const cpuElapsed = step.elapsedMs / 1000;
    step.serverCpu = ((cpuSecondsOf(server.pid) - serverCpu) / cpuElapsed) * 100;
    const usage = process.cpuUsage(benchCpu);
    step.benchCpu = ((usage.user + usage.system) / 1e6 / cpuElapsed) * 100;
    step.memory = memoryOf(server.pid);
    step.uptimeBefore = uptimeBefore;
    step.uptimeAfter = uptime();
    const logs = readLogs(logFile, logOffset);
    logOffset = logs.offset;
    step.logs = logs.summary;
    failed ||= step.serverErrors.length > 0 || step.networkErrors.length > 0;
    const requests = allLatencies(step).length;
    console.log(
      `\n## ${warmup ? 'warm-up, ' : ''}${count} clients, ${(step.elapsedMs / 1000).toFixed(1)} s: ${requests} requests, ${(requests / cpuElapsed).toFixed(0)} req/s\n`,
    );
    console.log(stepReport(step));
    if (!warmup) steps.push(step);
    if (server.exitCode() !== null)
      throw new Error(`the server exited during the step:\n${server.stderr()}`);
    await sleep(2_000);
  }

  console.log(`\n## Summary\n\n${summaryTable(steps)}`);
  const exit = await server.stop(SHUTDOWN_GRACE_MS);
  scratch.server = null;
  const tail = readLogs(logFile, logOffset).summary;
  console.log(
    `\nserver stopped by SIGTERM in ${exit.ms} ms (exit code ${exit.code}${exit.signal ? `, signal ${exit.signal}` : ''}); ${tail.lines} log line(s) after the last step${tail.notable.length > 0 ? `:\n  ${tail.notable.join('\n  ')}` : ''}`,
  );
  if (server.stderr().trim()) console.log(`server stderr:\n${server.stderr()}`);
  if (exit.code !== 0) failed = true;
  return failed;
}

async function cleanUp(scratch: { dir: string | null; server: BuiltServer | null }) {
  const { server, dir } = scratch;
  scratch.server = null;
  scratch.dir = null;
  if (server) await server.stop(SHUTDOWN_GRACE_MS).catch(() => undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
}

const options = parseOptions();
const scratch: { dir: string | null; server: BuiltServer | null } = { dir: null, server: null };
// Setup (copy, start, sign-ins) within 3 minutes, each step within its time plus a drain.
const boundMs =
  180_000 +
  options.warmupMs +
  options.clients.length * (options.durationMs + REQUEST_TIMEOUT_MS + 5_000);
const bound = setTimeout(() => {
  console.error(`bench:mixed did not finish within ${Math.round(boundMs / 1000)} s; stopping`);
  void cleanUp(scratch).finally(() => process.exit(1));
}, boundMs);
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // `on`, not `once`: npm and tsx may each pass the signal on, and a second one must not kill
  // the process before the copy is deleted.
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`bench:mixed: ${signal}; stopping the server and deleting the copy`);
    void cleanUp(scratch).finally(() => process.exit(130));
  });
}

main(options, scratch)
  .then((failed) => {
    if (failed)
      console.error(
        '\nbench:mixed: FAILED (a 5xx, a request without an answer or an unclean exit; see above)',
      );
    process.exitCode = failed ? 1 : 0;
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? `bench:mixed failed: ${error.message}` : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp(scratch);
    clearTimeout(bound);
  });
