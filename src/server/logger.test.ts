import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';

/** A pipe nobody reads (yet): opened read-write and non-blocking, so writes fill it and stop. */
function stuckPipe() {
  const dir = mkdtempSync(path.join(tmpdir(), 'leadline-logger-'));
  const fifo = path.join(dir, 'log');
  execFileSync('mkfifo', [fifo]);
  const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
  return {
    fd,
    /** Everything written so far, read out of the pipe (which makes room again). */
    drain(): string {
      const chunks: Buffer[] = [];
      const buffer = Buffer.alloc(64 * 1024);
      for (;;) {
        try {
          const read = readSync(fd, buffer);
          if (read === 0) break;
          chunks.push(Buffer.from(buffer.subarray(0, read)));
        } catch {
          break; // EAGAIN: empty
        }
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    dispose() {
      try {
        closeSync(fd);
      } catch {
        // closed already, by the logger it was handed to
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('#createLogger', () => {
  let pipe: ReturnType<typeof stuckPipe> | undefined;
  afterEach(() => {
    pipe?.dispose();
    pipe = undefined;
  });

  it('never blocks on a full pipe: it drops what does not fit, counts it, and says so once the pipe flows', async () => {
    pipe = stuckPipe();
    const logs = createLogger(
      loadConfig({ NODE_ENV: 'production', BETTER_AUTH_SECRET: 'x'.repeat(32) }),
      {
        fd: pipe.fd,
        bufferBytes: 256 * 1024,
      },
    );
    const started = Date.now();
    for (let i = 0; i < 5_000; i += 1) logs.logger.info({ i, pad: 'x'.repeat(200) }, 'line');
    // 1.3 MB into a 64 KB pipe and a 256 KB buffer: the calls return at once, the rest is dropped.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(logs.dropped()).toBeGreaterThan(1_000);

    let output = '';
    const deadline = Date.now() + 10_000;
    while (!output.includes('log lines were dropped') && Date.now() < deadline) {
      output += pipe.drain();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const report = output
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg: string; dropped?: number })
      .find((line) => line.msg === 'log lines were dropped while stdout was not being read');
    expect(report?.dropped).toBeGreaterThan(1_000);
    expect(logs.dropped()).toBe(0);
    await logs.close(500);
  });
});
