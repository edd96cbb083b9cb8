import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SERVER_ENTRY,
  type ServerProcess,
  scratchSqlite,
  startServer,
} from '../test/process/server-process.ts';

/**
 * A log reader that has stopped: it accepts the connection and never reads from it, so the
 * socket's buffers fill and every further write to the server's stdout would block. A Unix
 * socket, whose buffer (about 200 KB) fills with the log of a few hundred requests; loopback TCP
 * buffers grow to megabytes.
 */
async function stuckLogReader(): Promise<{ writer: Socket; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => {
    socket.pause();
    sockets.push(socket);
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'leadline-log-'));
  const socketPath = path.join(dir, 'reader.sock');
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  const writer = await new Promise<Socket>((resolve, reject) => {
    const socket = connect(socketPath, () => resolve(socket));
    socket.once('error', reject);
  });
  return {
    writer,
    close: async () => {
      writer.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sends `count` requests over `concurrency` keep-alive connections; resolves with the statuses. */
async function hammer(url: string, count: number, concurrency: number): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        const response = await fetch(`${url}/api/v1/setup`);
        await response.arrayBuffer();
        statuses.push(response.status);
      }
    }),
  );
  return statuses;
}

describe('shutdown', () => {
  let server: ServerProcess | undefined;
  const database = scratchSqlite();

  afterEach(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      await server.kill();
    }
    database.dispose();
  });

  it('answers 2,000 requests and exits within 15 s of SIGTERM while nobody reads its stdout', async () => {
    const reader = await stuckLogReader();
    try {
      // Every request logs two lines at info: a few hundred KB that nobody reads.
      server = await startServer({
        databaseUrl: database.databaseUrl,
        env: { LOG_LEVEL: 'info' },
        stdout: reader.writer,
      });
      const statuses = await hammer(server.url, 2_000, 16);
      expect(statuses).toHaveLength(2_000);
      expect(statuses.every((status) => status === 200)).toBe(true);

      const stoppedAt = Date.now();
      const exit = await Promise.race([
        server.stop(),
        new Promise<'still running'>((resolve) => setTimeout(resolve, 15_000, 'still running')),
      ]);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - stoppedAt).toBeLessThan(15_000);
    } finally {
      await reader.close();
    }
  });

  it('exits 0 on SIGTERM, its log complete, when its output is read', async () => {
    server = await startServer({ databaseUrl: database.databaseUrl, env: { LOG_LEVEL: 'info' } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const exit = await server.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    const lines = server
      .output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string });
    expect(lines.map((line) => line.msg)).toContain('shutting down');
  });

  it('still exits on a crash while nobody reads its stdout', async () => {
    const reader = await stuckLogReader();
    try {
      // The app's logger, a few MB of lines, then an uncaught exception: pino's own exit hook
      // would retry the full socket forever.
      const script = `
        const { createLogger } = await import(process.argv[1]);
        const { logger } = createLogger({ env: 'production', logLevel: 'info' });
        for (let i = 0; i < 20000; i += 1) logger.info({ i, pad: 'x'.repeat(200) }, 'line');
        setTimeout(() => { throw new Error('a crash'); }, 50);`;
      const child = spawn(
        process.execPath,
        ['--input-type=module', '-e', script, SERVER_ENTRY.replace(/main\.js$/, 'logger.js')],
        { stdio: ['ignore', reader.writer, 'pipe'] },
      );
      const exit = await Promise.race([
        new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))),
        new Promise<'still running'>((resolve) => setTimeout(resolve, 10_000, 'still running')),
      ]);
      if (exit === 'still running') child.kill('SIGKILL');
      expect(exit).toBe(1);
    } finally {
      await reader.close();
    }
  });
});
