import { percentile } from './load.ts';
import { OPERATIONS, type Operation } from './mixed-workload.ts';

export interface ServerError {
  operation: Operation;
  method: string;
  path: string;
  status: number;
  body: string;
}

export interface LogSummary {
  lines: number;
  bytes: number;
  byLevel: Record<string, number>;
  /** Lines at warn or above, as the server wrote them (the first few). */
  notable: string[];
}

/** What one step (a number of clients for a duration) saw. */
export interface StepResult {
  clients: number;
  elapsedMs: number;
  latencies: Map<Operation, number[]>;
  /** Non-2xx answers below 500, by `status code` (the problem's code), then by operation. */
  refusals: Map<string, Map<Operation, number>>;
  serverErrors: ServerError[];
  /** Requests that got no answer (refused connection, reset, timeout). */
  networkErrors: { operation: Operation; path: string; message: string }[];
  healthz: { latencies: number[]; failures: string[] };
  uptimeBefore: string;
  uptimeAfter: string;
  memory: { rssMiB: number; peakMiB: number };
  /** Share of one core used over the step, in %. */
  serverCpu: number;
  benchCpu: number;
  logs: LogSummary;
}

export function emptyStep(clients: number): StepResult {
  return {
    clients,
    elapsedMs: 0,
    latencies: new Map(OPERATIONS.map(([operation]) => [operation, []])),
    refusals: new Map(),
    serverErrors: [],
    networkErrors: [],
    healthz: { latencies: [], failures: [] },
    uptimeBefore: '',
    uptimeAfter: '',
    memory: { rssMiB: Number.NaN, peakMiB: Number.NaN },
    serverCpu: Number.NaN,
    benchCpu: Number.NaN,
    logs: { lines: 0, bytes: 0, byLevel: {}, notable: [] },
  };
}

/** The problem's stable `code` (problem+json), or what the body starts with. */
export function problemCode(text: string): string {
  try {
    const body = JSON.parse(text) as { code?: unknown };
    if (typeof body.code === 'string') return body.code;
  } catch {
    // not JSON
  }
  return text.slice(0, 40) || '(empty body)';
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

interface Figures {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function figures(values: number[]): Figures {
  const order = sorted(values);
  return {
    count: order.length,
    p50: percentile(order, 50),
    p95: percentile(order, 95),
    p99: percentile(order, 99),
    max: order.at(-1) ?? Number.NaN,
  };
}

export const allLatencies = (step: StepResult) => [...step.latencies.values()].flat();

export const refusalCount = (step: StepResult) =>
  [...step.refusals.values()].reduce(
    (sum, byOperation) => sum + [...byOperation.values()].reduce((a, b) => a + b, 0),
    0,
  );

/** `422 invalid_transition 3 (move 3)`, one entry per status and code. */
export function describeRefusals(step: StepResult): string {
  if (step.refusals.size === 0) return 'none';
  return [...step.refusals.entries()]
    .map(([key, byOperation]) => {
      const total = [...byOperation.values()].reduce((a, b) => a + b, 0);
      const where = [...byOperation.entries()].map(([op, count]) => `${op} ${count}`).join(', ');
      return `${key} ×${total} (${where})`;
    })
    .join('; ');
}

const loadOf = (line: string) => /load average: (.+)$/.exec(line)?.[1] ?? line;

/** Everything a step saw, for the console. */
export function stepReport(step: StepResult): string {
  const seconds = step.elapsedMs / 1000;
  const operations = [...step.latencies.entries()].map(([operation, values]) => {
    const f = figures(values);
    const refused = [...step.refusals.values()].reduce(
      (sum, m) => sum + (m.get(operation) ?? 0),
      0,
    );
    const failed = step.serverErrors.filter((error) => error.operation === operation).length;
    return `| ${operation} | ${f.count} | ${(f.count / seconds).toFixed(0)} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${ms(f.max)} | ${failed} | ${refused} |`;
  });
  const health = figures(step.healthz.latencies);
  const levels = Object.entries(step.logs.byLevel)
    .map(([level, count]) => `${level} ${count}`)
    .join(', ');
  const lines = [
    `uptime before: ${step.uptimeBefore}`,
    `uptime after:  ${step.uptimeAfter}`,
    '',
    '| operation | responses | per s | p50 ms | p95 ms | p99 ms | max ms | 5xx | other non-2xx |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...operations,
    '',
    `5xx: ${step.serverErrors.length}`,
    ...step.serverErrors.map(
      (error) =>
        `  ${error.status} ${error.method} ${error.path} (${error.operation}): ${error.body}`,
    ),
    `other non-2xx: ${refusalCount(step)}${step.refusals.size > 0 ? ` — ${describeRefusals(step)}` : ''}`,
    `no answer: ${step.networkErrors.length}`,
    ...step.networkErrors
      .slice(0, 10)
      .map((error) => `  ${error.operation} ${error.path}: ${error.message}`),
    `/healthz: ${health.count} answers, p50 ${ms(health.p50)} ms, p99 ${ms(health.p99)} ms, max ${ms(health.max)} ms; ${step.healthz.failures.length} failed${step.healthz.failures.length > 0 ? ` (${step.healthz.failures.slice(0, 3).join('; ')})` : ''}`,
    `server: RSS ${step.memory.rssMiB.toFixed(0)} MiB (peak ${step.memory.peakMiB.toFixed(0)} MiB), CPU ${step.serverCpu.toFixed(0)} % of one core; this bench process ${step.benchCpu.toFixed(0)} %`,
    `server log: ${step.logs.lines} lines, ${(step.logs.bytes / 1024 / 1024).toFixed(1)} MiB (${levels || 'none'})`,
    ...step.logs.notable.map((line) => `  ${line}`),
  ];
  return lines.join('\n');
}

/** One row per step, in the shape of docs/BENCHMARKS.md. */
export function summaryTable(steps: StepResult[]): string {
  const rows = steps.map((step) => {
    const f = figures(allLatencies(step));
    const health = figures(step.healthz.latencies);
    const perSecond = f.count / (step.elapsedMs / 1000);
    return [
      step.clients,
      f.count,
      perSecond.toFixed(0),
      ms(f.p50),
      ms(f.p95),
      ms(f.p99),
      ms(f.max),
      step.serverErrors.length,
      refusalCount(step),
      `${ms(health.p50)} / ${ms(health.p99)} / ${ms(health.max)}`,
      step.memory.rssMiB.toFixed(0),
      step.serverCpu.toFixed(0),
      `${loadOf(step.uptimeBefore)} → ${loadOf(step.uptimeAfter)}`,
    ].join(' | ');
  });
  return [
    '| clients | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | 5xx | other non-2xx | /healthz p50 / p99 / max ms | RSS MiB | server CPU % | load average before → after |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}
