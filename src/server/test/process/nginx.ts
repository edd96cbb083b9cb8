import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Exit } from './server-process.ts';

/** Debian's nginx, as `.ci/run` installs it. */
export const NGINX_BINARY = '/usr/sbin/nginx';

export const hasNginx = existsSync(NGINX_BINARY);

const README = path.resolve('README.md');
const BEGIN = '<!-- nginx-config:begin -->';
const END = '<!-- nginx-config:end -->';

/**
 * The nginx configuration README.md recommends, exactly as written there: the fenced block
 * between its markers. The proxy suite runs this text, so the README cannot drift from what
 * is tested.
 */
export function readmeNginxConfig(readme = readFileSync(README, 'utf8')): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END, start);
  if (start < 0 || end < 0) throw new Error(`README.md has no ${BEGIN} … ${END} block`);
  const block = /```nginx\n([\s\S]*?)```/.exec(readme.slice(start + BEGIN.length, end))?.[1];
  if (!block) throw new Error('README.md has no ```nginx fence between its nginx-config markers');
  return block;
}

/**
 * The README's configuration made runnable on this machine: its upstream's servers become the
 * app nodes, its `listen` a loopback port, and its TLS lines go (the suite speaks plain http).
 * Every other line, every proxy_* header and the body size included, stays as written.
 */
export function localNginxSite(
  readme: string,
  options: { port: number; upstreams: readonly string[] },
): string {
  const lines: string[] = [];
  let upstreamsPlaced = false;
  let listenPlaced = false;
  for (const line of readme.split('\n')) {
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    // `server host:port;` inside upstream, not a `server {` block.
    if (/^\s*server\s+[^\s{][^{]*;\s*$/.test(line)) {
      if (!upstreamsPlaced)
        lines.push(...options.upstreams.map((node) => `${indent}server ${node};`));
      upstreamsPlaced = true;
    } else if (/^\s*listen\s/.test(line)) {
      if (!listenPlaced) lines.push(`${indent}listen 127.0.0.1:${options.port};`);
      listenPlaced = true;
    } else if (!/^\s*ssl_/.test(line)) {
      lines.push(line);
    }
  }
  if (!upstreamsPlaced || !listenPlaced) {
    throw new Error("README.md's nginx block has no upstream servers or no listen line to replace");
  }
  return lines.join('\n');
}

export interface NginxProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  child: ChildProcess;
  /**
   * Lines of the access log so far, each `<upstream address> <status> <method> <uri>`: which
   * node answered what.
   */
  accessLog(): string[];
  /** What nginx wrote to its error log, for failure messages. */
  errors(): string;
  stop(): Promise<Exit>;
}

/** Resolves once something accepts connections on the port, or throws if the process ends first. */
async function waitForListener(port: number, exited: () => Exit | null, describe: () => string) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const ended = exited();
    if (ended) throw new Error(`nginx exited (${JSON.stringify(ended)}):\n${describe()}`);
    const listening = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (listening) return;
    await delay(50);
  }
  throw new Error(`nginx was not listening on ${port} within 15 s:\n${describe()}`);
}

/**
 * Runs nginx in the foreground with `site` (a server block and its upstream) inside an http
 * block of its own: pid, logs and every temporary path in a fresh directory, removed on stop.
 */
export async function startNginx(site: string, port: number): Promise<NginxProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), 'leadline-nginx-'));
  const file = (name: string) => path.join(dir, name);
  const config = [
    // As root nginx would run its workers as nobody, who cannot enter this 0700 directory.
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;',
    `pid ${file('nginx.pid')};`,
    `error_log ${file('error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {',
    "  log_format upstreams '$upstream_addr $status $request_method $request_uri';",
    `  access_log ${file('access.log')} upstreams;`,
    `  client_body_temp_path ${file('client_body')};`,
    `  proxy_temp_path ${file('proxy')};`,
    `  fastcgi_temp_path ${file('fastcgi')};`,
    `  uwsgi_temp_path ${file('uwsgi')};`,
    `  scgi_temp_path ${file('scgi')};`,
    site,
    '}',
    '',
  ].join('\n');
  writeFileSync(file('nginx.conf'), config);
  const child = spawn(
    NGINX_BINARY,
    ['-p', dir, '-e', file('error.log'), '-c', file('nginx.conf'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  let ended: Exit | null = null;
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      ended = { code, signal };
      resolve(ended);
    });
  });
  const read = (name: string) => (existsSync(file(name)) ? readFileSync(file(name), 'utf8') : '');
  const errors = () => `${output}${read('error.log')}\n--- nginx.conf\n${config}`;
  try {
    await waitForListener(port, () => ended, errors);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    accessLog: () => read('access.log').split('\n').filter(Boolean),
    errors,
    stop: async () => {
      if (!ended) child.kill('SIGTERM');
      const exit = await exited;
      rmSync(dir, { recursive: true, force: true });
      return exit;
    },
  };
}
