/** One kind of request, fired repeatedly; `paths` rotate so a scenario can mix queries. */
export interface Scenario {
  name: string;
  paths: string[];
  headers: Record<string, string>;
}

/** How much load: a number of requests, or as many as fit in a duration, per scenario. */
export type Amount = { requests: number } | { durationMs: number };

export interface Failure {
  path: string;
  detail: string;
}

export interface Measurement {
  scenario: string;
  /** Milliseconds per successful request, in completion order. */
  latencies: number[];
  failures: Failure[];
  elapsedMs: number;
  /** `total` of the first successful response, for a scenario of one URL (else null). */
  matched: number | null;
}

export interface Summary {
  scenario: string;
  requests: number;
  failures: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
  matched: number | null;
}

const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

/**
 * Reads the body as the contract says a leads page, the pipeline board or an analytics summary
 * is (its total: the page's `total`, the board's summed column counts, the summary's `total`);
 * the reason it is not, otherwise.
 */
function checkLeadPage(text: string): { total: number } | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `not JSON: ${text.slice(0, 120)}`;
  }
  const board = body as { columns?: { count?: unknown; leads?: unknown }[] };
  if (Array.isArray(board.columns)) {
    let total = 0;
    for (const column of board.columns) {
      if (typeof column.count !== 'number' || !Array.isArray(column.leads)) return 'bad column';
      total += column.count;
    }
    return { total };
  }
  const summary = body as { byStatus?: unknown; total?: unknown; trend?: unknown };
  if (summary.byStatus !== undefined) {
    if (typeof summary.total !== 'number' || !Array.isArray(summary.trend)) return 'bad summary';
    return { total: summary.total };
  }
  const page = body as { data?: unknown; total?: unknown; nextCursor?: unknown };
  if (!Array.isArray(page.data)) return 'no data array';
  if (typeof page.total !== 'number') return 'no numeric total';
  if (page.nextCursor !== null && typeof page.nextCursor !== 'string') return 'bad nextCursor';
  return { total: page.total };
}

/**
 * Fires the scenario's requests from `concurrency` workers over keep-alive connections (fetch's
 * default agent) and times each from send to the last byte of the body.
 */
export async function measure(
  origin: string,
  scenario: Scenario,
  amount: Amount,
  concurrency: number,
): Promise<Measurement> {
  const latencies: number[] = [];
  const failures: Failure[] = [];
  let matched: number | null = null;
  let issued = 0;
  const started = process.hrtime.bigint();
  const more = () =>
    'requests' in amount ? issued < amount.requests : elapsedMs(started) < amount.durationMs;

  const worker = async () => {
    while (more()) {
      const path = scenario.paths[issued % scenario.paths.length] as string;
      issued += 1;
      const sent = process.hrtime.bigint();
      try {
        const response = await fetch(`${origin}${path}`, { headers: scenario.headers });
        const text = await response.text();
        const took = elapsedMs(sent);
        const page = response.status === 200 ? checkLeadPage(text) : `HTTP ${response.status}`;
        if (typeof page === 'string') {
          failures.push({ path, detail: `${page} ${text.slice(0, 200)}` });
        } else {
          latencies.push(took);
          if (scenario.paths.length === 1) matched ??= page.total;
        }
      } catch (error) {
        failures.push({ path, detail: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { scenario: scenario.name, latencies, failures, elapsedMs: elapsedMs(started), matched };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export function summarize(measurement: Measurement): Summary {
  const sorted = [...measurement.latencies].sort((a, b) => a - b);
  const completed = sorted.length + measurement.failures.length;
  return {
    scenario: measurement.scenario,
    requests: completed,
    failures: measurement.failures.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    perSecond: completed / (measurement.elapsedMs / 1000),
    matched: measurement.matched,
  };
}

export function markdownTable(summaries: Summary[]): string {
  const ms = (value: number) => value.toFixed(1);
  const rows = summaries.map((s) =>
    [
      s.scenario,
      String(s.requests),
      ms(s.p50),
      ms(s.p95),
      ms(s.p99),
      ms(s.max),
      s.perSecond.toFixed(0),
      String(s.failures),
      s.matched === null ? '–' : String(s.matched),
    ].join(' | '),
  );
  return [
    '| scenario | requests | p50 ms | p95 ms | p99 ms | max ms | req/s | failed | leads matched |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}
