import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, SERVER_ENTRY } from '../src/server/test/process/server-process.ts';
import type { LogSummary } from './mixed-report.ts';

export interface BuiltServer {
  origin: string;
  pid: number;
  /** What the process wrote on stderr (its logs go to the log file). */
  stderr(): string;
  /** Null while it runs. */
  exitCode(): number | null;
  /** SIGTERM, then the exit; SIGKILL if it is not gone within `graceMs`. */
  stop(graceMs: number): Promise<{ code: number | null; signal: string | null; ms: number }>;
}

export interface ServerOptions {
  databaseUrl: string;
  /** The server's stdout (its JSON log lines) is written here, as a supervisor would keep it. */
  logFile: string;
  logLevel: string;
}

/**
 * Starts `node dist/server/main.js` as an operator runs it (NODE_ENV=production, a fresh secret)
 * and resolves once /readyz answers 200; fails if the process ends or 60 s pass first.
 */
export async function startBuiltServer(options: ServerOptions): Promise<BuiltServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const log = openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [SERVER_ENTRY], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: origin,
        DATABASE_URL: options.databaseUrl,
        BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
        LOG_LEVEL: options.logLevel,
      },
      stdio: ['ignore', log, 'pipe'],
    });
  } finally {
    closeSync(log);
  }
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const server: BuiltServer = {
    origin,
    pid: child.pid ?? -1,
    stderr: () => stderr,
    exitCode: () => child.exitCode,
    stop: async (graceMs) => {
      const started = Date.now();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      return { ...exit, ms: Date.now() - started };
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited before it was ready:\n${stderr}`);
    }
    try {
      const response = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(2_000) });
      await response.text();
      if (response.status === 200) return server;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await server.stop(5_000);
  throw new Error(`the server was not ready within 60 s:\n${stderr}`);
}

/** VmRSS and VmHWM (peak) of a process, in MiB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** `uptime` as the machine prints it. */
export function uptime(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return '(uptime unavailable)';
  }
}

/** The server's log lines written since `offset` (JSON, one a line): counted by level. */
export function readLogs(file: string, offset: number): { summary: LogSummary; offset: number } {
  const size = statSync(file).size;
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  const text = buffer.toString('utf8');
  // A line still being written waits for the next read.
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const names: Record<number, string> = {
    10: 'trace',
    20: 'debug',
    30: 'info',
    40: 'warn',
    50: 'error',
    60: 'fatal',
  };
  const summary: LogSummary = {
    lines: 0,
    bytes: Buffer.byteLength(complete),
    byLevel: {},
    notable: [],
  };
  for (const line of complete.split('\n')) {
    if (line === '') continue;
    summary.lines += 1;
    let level = 'unparsed';
    try {
      level = names[(JSON.parse(line) as { level: number }).level] ?? 'other';
    } catch {
      // not pino's JSON: counted as unparsed, and shown
    }
    summary.byLevel[level] = (summary.byLevel[level] ?? 0) + 1;
    const notable = !['trace', 'debug', 'info'].includes(level);
    if (notable && summary.notable.length < 20) summary.notable.push(line.slice(0, 600));
  }
  return { summary, offset: offset + summary.bytes };
}
