import { type Logger, pino } from 'pino';
import type { Config } from './config.ts';

/**
 * How many bytes of log lines may wait for a slow or stuck reader of stdout. Past it, new lines
 * are dropped (and counted) rather than held: memory stays bounded whoever reads the logs.
 */
export const LOG_BUFFER_BYTES = 8 * 1024 * 1024;
/** How long an exit (a crash, a failed start, process.exit) may spend writing the last lines. */
const EXIT_FLUSH_MS = 200;

export interface AppLogger {
  logger: Logger;
  /** Lines dropped since the last report because stdout was not being read. */
  dropped(): number;
  /**
   * Writes what is buffered within `graceMs`, then lets go of stdout whether or not it was
   * written, so that exiting never waits on a reader that is gone.
   */
  close(graceMs: number): Promise<void>;
}

export interface LogDestinationOptions {
  /** Where the lines go (tests: a pipe); stdout by default. */
  fd?: number;
  bufferBytes?: number;
}

const redact = ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'];

/**
 * JSON logs on stdout, written asynchronously: a write never blocks the event loop, even when
 * nothing reads stdout (a paused log shipper, a stuck supervisor). pino's default destination
 * writes synchronously and, on a full socket, retries forever inside the write, so the process
 * could neither answer nor exit. In development on a terminal, readable lines instead.
 */
export function createLogger(config: Config, output: LogDestinationOptions = {}): AppLogger {
  const options = { level: config.logLevel, redact };
  if (config.env === 'development' && process.stdout.isTTY) {
    const logger = pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
      },
    });
    return { logger, dropped: () => 0, close: async () => undefined };
  }

  // A child process inherits its stdout blocking: a write to a pipe or socket nobody reads then
  // waits in the kernel, on the event loop or (async) in a libuv thread that exit() must join.
  // Opening stdout as a stream makes libuv set its descriptor non-blocking (uv_pipe_open,
  // uv_tcp_open), so a full pipe answers EAGAIN instead: the destination retries and, past
  // LOG_BUFFER_BYTES, drops.
  if (output.fd === undefined) void process.stdout;
  // Set when the process exits: from then on a full pipe is given up on, not waited for.
  let giveUpAt = Number.POSITIVE_INFINITY;
  const destination: ReturnType<typeof pino.destination> & { destroyed?: boolean } =
    pino.destination({
      dest: output.fd ?? 1,
      sync: false,
      minLength: 0,
      maxLength: output.bufferBytes ?? LOG_BUFFER_BYTES,
      retryEAGAIN: () => Date.now() < giveUpAt,
    });
  const logger = pino(options, destination);

  let dropped = 0;
  destination.on('drop', () => {
    dropped += 1;
  });
  // Once the buffer has emptied again, say how many lines were lost while stdout was stuck
  // (earlier, the report itself would not fit).
  destination.on('drain', () => {
    if (dropped === 0) return;
    const count = dropped;
    dropped = 0;
    logger.warn({ dropped: count }, 'log lines were dropped while stdout was not being read');
  });

  const letGo = () => {
    // Destroyed, the destination has nothing left for pino's exit hook to flush synchronously.
    if (!destination.destroyed) destination.destroy();
  };

  // pino flushes an asynchronous destination synchronously on exit, retrying a full pipe
  // forever: a crash or a failed start with a stuck stdout would never end. This runs first and
  // gives the last lines EXIT_FLUSH_MS, then lets go.
  process.prependListener('exit', () => {
    if (destination.destroyed) return;
    giveUpAt = Date.now() + EXIT_FLUSH_MS;
    try {
      destination.flushSync();
    } catch {
      // stdout is still full (or gone): the rest of the lines are lost, the exit is not
    }
    letGo();
  });

  return {
    logger,
    dropped: () => dropped,
    close: (graceMs) =>
      new Promise<void>((resolve) => {
        if (destination.destroyed) return resolve();
        const timer = setTimeout(() => {
          letGo();
          resolve();
        }, graceMs);
        destination.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        destination.end();
      }),
  };
}
