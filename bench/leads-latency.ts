import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect, type Database } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import type { Role } from '../src/server/db/schema.ts';
import { type Amount, markdownTable, measure, type Scenario, summarize } from './load.ts';
import {
  type BenchDatabase,
  benchDatabase,
  displayUrl,
  parseFlags,
  positiveInteger,
  usageError,
} from './options.ts';
import { BENCH_PASSWORD } from './team.ts';

const USAGE = `Usage: npm run bench:leads -- [options]

Starts Leadline (src/server/main.ts, production mode) in a child process on a database filled
by \`npm run bench:seed\`, signs in over
HTTP as a manager and as the sales user with the most leads, and measures under concurrent
load: GET /api/v1/leads (the default list, a status + owner filter, searches (q), the sales
user's own list, page 5 through nextCursor), the pipeline board, and the analytics summaries
(team, one owner's, the sales user's own; each rotating over the dashboard's five ranges).
Prints a markdown table of latencies. Exits 1 if any request fails (not 200, or not the
contract's shape).

Options:
  --database-url <url>   the seeded database (default file:data/bench.db)
  --concurrency <n>      requests in flight at once (default 8)
  --requests <n>         measured requests per scenario (default 2000)
  --duration <seconds>   measure each scenario for this long instead of --requests
  --warmup <n>           unmeasured requests per scenario first (default 500)
  --budget <ms>          p95 each scenario should stay under, for the verdict (default 50)
  --scenarios <list>     comma list of scenarios to run (default all):
                         default, status-owner, q, sales, page5, pipeline,
                         summary, summary-owner, me
  --no-cache             start the server with ANALYTICS_CACHE_SIZE=0, so every summary
                         is computed in SQL (the cost after a write)
  -h, --help             show this text`;

function parseOptions() {
  const values = parseFlags(
    {
      'database-url': { type: 'string' },
      concurrency: { type: 'string' },
      requests: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      budget: { type: 'string' },
      scenarios: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
    },
    USAGE,
  );
  if (values.duration !== undefined && values.requests !== undefined) {
    usageError('give --requests or --duration, not both', USAGE);
  }
  const amount: Amount =
    values.duration !== undefined
      ? { durationMs: positiveInteger('duration', values.duration, 10, USAGE) * 1000 }
      : { requests: positiveInteger('requests', values.requests, 2000, USAGE) };
  return {
    database: benchDatabase(values['database-url'], USAGE),
    concurrency: positiveInteger('concurrency', values.concurrency, 8, USAGE),
    amount,
    warmup: values.warmup === '0' ? 0 : positiveInteger('warmup', values.warmup, 500, USAGE),
    budget: positiveInteger('budget', values.budget, 50, USAGE),
    scenarios: scenarioKeys(values.scenarios),
    cache: !values['no-cache'],
  };
}

const SCENARIO_KEYS = [
  'default',
  'status-owner',
  'q',
  'sales',
  'page5',
  'pipeline',
  'summary',
  'summary-owner',
  'me',
] as const;
type ScenarioKey = (typeof SCENARIO_KEYS)[number];

function scenarioKeys(list: string | undefined): ScenarioKey[] {
  if (list === undefined) return [...SCENARIO_KEYS];
  const keys = list.split(',').map((key) => key.trim());
  for (const key of keys) {
    if (!(SCENARIO_KEYS as readonly string[]).includes(key)) {
      usageError(`unknown scenario "${key}"; choose from ${SCENARIO_KEYS.join(', ')}`, USAGE);
    }
  }
  return keys as ScenarioKey[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

interface BenchUsers {
  manager: { id: string; email: string };
  sales: { id: string; email: string; leads: number };
}

async function pickUsers(database: Database, where: string): Promise<BenchUsers> {
  const activeOf = (role: Role) =>
    database.db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('role', '=', role)
      .where('active', '=', 1)
      .orderBy('email')
      .executeTakeFirst();
  const manager = await activeOf('manager');
  // The busiest rep: the largest scoped list, the hardest case for a sales user's view.
  const sales = await database.db
    .selectFrom('leads')
    .innerJoin('users', 'users.id', 'leads.ownerId')
    .select(['users.id', 'users.email', (eb) => eb.fn.countAll<number>().as('leads')])
    .where('users.role', '=', 'sales')
    .where('users.active', '=', 1)
    .groupBy(['users.id', 'users.email'])
    .orderBy('leads', 'desc')
    .orderBy('users.email')
    .executeTakeFirst();
  if (!manager || !sales) {
    throw new Error(
      `${where} has no active manager or sales user with leads: run npm run bench:seed first.`,
    );
  }
  return { manager, sales: { ...sales, leads: Number(sales.leads) } };
}

/** Searches people type: a first-name prefix, a last name, a company word, phone digits. */
async function searchTerms(database: Database): Promise<string[]> {
  const total = await database.db
    .selectFrom('leads')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const leadAt = (fraction: number) =>
    database.db
      .selectFrom('leads')
      .select(['lastName', 'company', 'phone'])
      .where('company', '!=', '')
      .where('phone', '!=', '')
      .orderBy('id')
      .offset(Math.floor(Number(total.count) * fraction))
      .limit(1)
      .executeTakeFirst();
  const terms = ['jo'];
  for (const fraction of [0.25, 0.5, 0.75]) {
    const lead = await leadAt(fraction);
    if (!lead) continue;
    terms.push(lead.lastName.toLowerCase());
    terms.push((lead.company.split(' ')[0] ?? lead.company).toLowerCase());
    terms.push(lead.phone.replace(/\D+$/, '').split(/\D+/).at(-1) ?? lead.phone);
  }
  return terms;
}

async function signIn(origin: string, email: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  if (response.status !== 200 || cookies.length === 0) {
    throw new Error(`sign-in as ${email} failed: HTTP ${response.status} ${await response.text()}`);
  }
  return cookies.join('; ');
}

async function getJson(origin: string, path: string, cookie: string): Promise<unknown> {
  const response = await fetch(`${origin}${path}`, { headers: { cookie } });
  const text = await response.text();
  if (response.status === 404 && path.startsWith('/api/v1/leads')) {
    throw new Error('GET /api/v1/leads answers 404: the leads list endpoint is not registered.');
  }
  if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status} ${text}`);
  return JSON.parse(text);
}

/** The cursor that opens page `page` of the manager's default list. */
async function cursorForPage(origin: string, cookie: string, page: number): Promise<string> {
  let cursor: string | null = null;
  for (let current = 1; current < page; current++) {
    const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    const body = (await getJson(origin, `/api/v1/leads${query}`, cookie)) as {
      nextCursor: string | null;
    };
    if (!body.nextCursor) throw new Error(`the leads list has fewer than ${page} pages`);
    cursor = body.nextCursor;
  }
  if (!cursor) throw new Error('page must be 2 or more');
  return cursor;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The dashboard's presets, resolved as the web app does: this month, last 30 days, this quarter, this year, all time. */
function dashboardRanges(now = new Date()): Record<string, string>[] {
  const today = day(now);
  const [year, month] = [now.getUTCFullYear(), now.getUTCMonth()];
  return [
    { from: day(new Date(Date.UTC(year, month, 1))), to: today },
    { from: day(new Date(now.getTime() - 29 * 86_400_000)), to: today },
    { from: day(new Date(Date.UTC(year, month - (month % 3), 1))), to: today },
    { from: `${year}-01-01`, to: today },
    {},
  ];
}

const analytics = (path: 'summary' | 'me', query: Record<string, string>) => {
  const search = new URLSearchParams(query).toString();
  return `/api/v1/analytics/${path}${search ? `?${search}` : ''}`;
};

/**
 * Starts the real server entry (src/server/main.ts) in its own process, as production runs
 * it, so the load generator's own work (fetch, JSON parsing) does not queue on the server's
 * event loop. Resolves once /readyz answers.
 */
async function startServer(bench: BenchDatabase, cache: boolean) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: bench.url,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: origin,
      BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'silent',
      ...(cache ? {} : { ANALYTICS_CACHE_SIZE: '0' }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the server exited (code ${code}) before it was ready`);
  });
  const ready = (async () => {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      try {
        if ((await fetch(`${origin}/readyz`)).ok) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error('the server did not become ready within 30 s');
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  exited.catch(() => undefined);
  return {
    origin,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

async function main() {
  const options = parseOptions();
  const { target } = options.database;
  const where = target.dialect === 'sqlite' ? target.file : displayUrl(options.database.url);
  const database = connect(target, { poolSize: options.concurrency + 2 });
  let stop: (() => Promise<void>) | null = null;
  try {
    await migrateToLatest(database.db);
    const users = await pickUsers(database, where);
    const terms = await searchTerms(database);
    const server = await startServer(options.database, options.cache);
    stop = server.stop;
    const { origin } = server;
    const manager = { cookie: await signIn(origin, users.manager.email) };
    const sales = { cookie: await signIn(origin, users.sales.email) };
    const page5 = await cursorForPage(origin, manager.cookie, 5);
    const termTotals: string[] = [];
    for (const q of terms) {
      const body = (await getJson(
        origin,
        `/api/v1/leads?${new URLSearchParams({ q })}`,
        manager.cookie,
      )) as { total: number };
      termTotals.push(`${q} (${body.total})`);
    }

    const list = (params: Record<string, string> = {}) => {
      const query = new URLSearchParams(params).toString();
      return query ? `/api/v1/leads?${query}` : '/api/v1/leads';
    };
    const all: Record<ScenarioKey, Scenario> = {
      default: { name: 'default list (manager)', paths: [list()], headers: manager },
      'status-owner': {
        name: 'status=new,contacted + ownerId (manager)',
        paths: [list({ status: 'new,contacted', ownerId: users.sales.id })],
        headers: manager,
      },
      q: { name: 'q search (manager)', paths: terms.map((q) => list({ q })), headers: manager },
      sales: { name: 'own leads (sales)', paths: [list()], headers: sales },
      page5: {
        name: 'page 5 via nextCursor (manager)',
        paths: [list({ cursor: page5 })],
        headers: manager,
      },
      pipeline: { name: 'pipeline board (manager)', paths: ['/api/v1/pipeline'], headers: manager },
      summary: {
        name: 'team summary, five ranges (manager)',
        paths: dashboardRanges().map((range) => analytics('summary', range)),
        headers: manager,
      },
      'summary-owner': {
        name: 'team summary of one owner, five ranges (manager)',
        paths: dashboardRanges().map((range) =>
          analytics('summary', { ...range, ownerId: users.sales.id }),
        ),
        headers: manager,
      },
      me: {
        name: 'own summary, five ranges (sales)',
        paths: dashboardRanges().map((range) => analytics('me', range)),
        headers: sales,
      },
    };
    const scenarios = options.scenarios.map((key) => all[key]);

    const amount =
      'requests' in options.amount
        ? `${options.amount.requests} requests`
        : `${options.amount.durationMs / 1000} s`;
    const cpu = cpus();
    console.log(
      [
        `Leadline on ${database.dialect} (${where}); analytics cache ${options.cache ? 'on' : 'off'}`,
        `concurrency ${options.concurrency}, ${amount} per scenario after ${options.warmup} warm-up; ` +
          `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ` +
          `load average ${loadavg()[0]?.toFixed(2)} at start`,
        `sales user ${users.sales.email} (${users.sales.leads} leads); q rotates over (leads matched): ${termTotals.join(', ')}`,
        '',
      ].join('\n'),
    );

    const summaries = [];
    const failures = [];
    for (const scenario of scenarios) {
      if (options.warmup > 0) {
        await measure(origin, scenario, { requests: options.warmup }, options.concurrency);
      }
      const measurement = await measure(origin, scenario, options.amount, options.concurrency);
      summaries.push(summarize(measurement));
      failures.push(
        ...measurement.failures.map((failure) => ({ scenario: scenario.name, ...failure })),
      );
    }
    console.log(markdownTable(summaries));

    const over = summaries.filter((summary) => !(summary.p95 < options.budget));
    console.log(
      over.length === 0
        ? `\nEvery scenario's p95 is under ${options.budget} ms.`
        : `\np95 over ${options.budget} ms: ${over.map((s) => `${s.scenario} (${s.p95.toFixed(1)} ms)`).join('; ')}`,
    );
    if (failures.length > 0) {
      console.error(`\n${failures.length} request(s) failed; the first:`);
      for (const failure of failures.slice(0, 5)) {
        console.error(`  ${failure.scenario}: GET ${failure.path}: ${failure.detail}`);
      }
      process.exitCode = 1;
    }
  } finally {
    await stop?.();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `bench:leads failed: ${error.message}` : error);
  process.exitCode = 1;
});
