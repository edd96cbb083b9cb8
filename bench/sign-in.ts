import http from 'node:http';
import type { BenchUser } from './mixed-workload.ts';
import { BENCH_PASSWORD } from './team.ts';

const SIGN_IN_TIMEOUT_MS = 30_000;
/** Better Auth allows 10 sign-ins a minute per address; each loopback address gets 8. */
const SIGN_INS_PER_ADDRESS = 8;

/** POST over node:http, so the connection can come from a chosen loopback address. */
function post(url: string, body: unknown, headers: Record<string, string>, localAddress: string) {
  return new Promise<{ status: number; cookies: string[]; text: string }>((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', ...headers },
        timeout: SIGN_IN_TIMEOUT_MS,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            cookies: response.headers['set-cookie'] ?? [],
            text,
          }),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error('sign-in timed out')));
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

/**
 * Signs in one session per client, four at a time. Better Auth limits sign-ins per IP address,
 * so clients connect from different loopback addresses (127.0.0.10, .11, …), as people on
 * different machines would.
 */
export async function signInAll(origin: string, users: BenchUser[]): Promise<string[]> {
  const cookies: string[] = new Array(users.length);
  let next = 0;
  const signer = async () => {
    while (next < users.length) {
      const index = next;
      next += 1;
      const user = users[index] as BenchUser;
      const localAddress = `127.0.0.${10 + Math.floor(index / SIGN_INS_PER_ADDRESS)}`;
      const response = await post(
        `${origin}/api/auth/sign-in/email`,
        { email: user.email, password: BENCH_PASSWORD },
        { origin },
        localAddress,
      );
      if (response.status !== 200 || response.cookies.length === 0) {
        throw new Error(
          `sign-in as ${user.email} failed: HTTP ${response.status} ${response.text}`,
        );
      }
      const cookie = response.cookies.map((value) => value.split(';')[0]).join('; ');
      const me = await fetch(`${origin}/api/v1/me`, { headers: { cookie } });
      const body = (await me.json()) as { role?: string };
      if (me.status !== 200 || body.role !== user.role) {
        throw new Error(`the session of ${user.email} does not work: HTTP ${me.status}`);
      }
      cookies[index] = cookie;
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, users.length) }, signer));
  return cookies;
}
