import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** The built server, as operators run it. The process suites run after `npm run build:server`. */
export const SERVER_ENTRY = path.resolve('dist/server/main.js');

export const PROCESS_SECRET = 'process-suite-secret-that-is-at-least-32-characters';

/** A port nobody listens on right now (the OS picks it; it is released before use). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  child: ChildProcess;
  /** What the process wrote, when its output is captured (the default). */
  output(): string;
  /** Resolves when the process has ended, however it ended. */
  exited: Promise<Exit>;
  /** SIGTERM, then the exit. */
  stop(): Promise<Exit>;
  /** SIGKILL: the process gets no chance to finish anything. */
  kill(): Promise<Exit>;
}

export interface StartOptions {
  /** DATABASE_URL: `file:<path>` or `postgres://…`. */
  databaseUrl: string;
  env?: Record<string, string>;
  port?: number;
  /** Where the server's stdout goes: captured by default, or this socket (say, one nobody reads). */
  stdout?: Socket;
  /** Wait for /readyz before resolving (default true). */
  waitUntilReady?: boolean;
}

/**
 * Starts `node dist/server/main.js` on a real port and waits until it answers /readyz. Its output
 * is kept for the test's failure message.
 */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} is missing: run npm run build:server first`);
  }
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      DATABASE_URL: options.databaseUrl,
      BETTER_AUTH_SECRET: PROCESS_SECRET,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const server: ServerProcess = {
    url,
    port,
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      // A server that does not leave within its grace period is ended, so no test leaks one.
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
  if (options.waitUntilReady !== false) {
    try {
      await waitUntilReady(server);
    } catch (error) {
      await server.kill();
      throw error;
    }
  }
  return server;
}

/** Polls /readyz until it answers 200; fails at once if the process ends first. */
export async function waitUntilReady(server: ServerProcess, withinMs = 30_000): Promise<void> {
  let ended: Exit | null = null;
  void server.exited.then((exit) => {
    ended = exit;
  });
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (ended) {
      throw new Error(`the server exited (${JSON.stringify(ended)}):\n${server.output()}`);
    }
    try {
      const response = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await delay(50);
  }
  throw new Error(`the server was not ready within ${withinMs} ms:\n${server.output()}`);
}

/**
 * Starts several servers at once; if any fails to start, the others are stopped before the
 * error is thrown, so none is left running.
 */
export async function startServers(count: number, options: StartOptions): Promise<ServerProcess[]> {
  const results = await Promise.allSettled(
    Array.from({ length: count }, () => startServer(options)),
  );
  const started = results.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.all(started.map((server) => server.kill()));
    throw failure.reason;
  }
  return started;
}

/** Polls until `check` holds, or fails after `withinMs` naming `what`. */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  withinMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await delay(50);
  }
  throw new Error(`${what} did not happen within ${withinMs} ms`);
}

/** A SQLite file in a directory of its own, removed by `dispose`. */
export function scratchSqlite(): { databaseUrl: string; file: string; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'leadline-process-'));
  const file = path.join(dir, 'leadline.db');
  return {
    databaseUrl: `file:${file}`,
    file,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
