import type { ServerOptions } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { HttpTimeouts, TrustProxy } from '../config.ts';

/**
 * The most of a refused body the server reads (and discards) to keep its connection usable:
 * the largest upload any route takes, with room for its form. Past it, the connection closes.
 */
export const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * Node's HTTP timeouts from the configuration: a client gets `headersMs` to send its headers and
 * `requestMs` for the whole request (slow-loris clients are cut off; 408), and an idle keep-alive
 * connection stays open `keepAliveMs` — longer than a proxy's own upstream idle timeout (nginx and
 * most load balancers: 60 s), so the proxy never reuses a connection this server just closed.
 */
export function serverTimeouts(timeouts: HttpTimeouts): {
  requestTimeout: number;
  keepAliveTimeout: number;
  http: ServerOptions;
} {
  return {
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: {
      headersTimeout: timeouts.headersMs,
      // How often Node looks for requests past those timeouts (its default is 30 s).
      connectionsCheckingInterval: Math.max(
        50,
        Math.min(5_000, Math.floor(timeouts.headersMs / 4)),
      ),
    },
  };
}

/**
 * Fastify's `trustProxy` for the configured proxies: a hop count becomes "trust the nearest n
 * addresses" (what Fastify does with a number, which its types do not list), a list stays a list.
 */
export function trustedProxies(trust: TrustProxy) {
  if (typeof trust !== 'number') return trust;
  return (_address: string, hop: number) => hop < trust;
}

/**
 * An answer sent before its request's body was read (a 413 from the multipart parser's part
 * limits, a 401 before an upload) must not leave the rest of that body on the connection: the
 * next request on it, perhaps another user's behind a proxy's keep-alive pool, would wait behind
 * bytes nobody reads. Node discards an unread body by itself only when nothing started reading
 * it; a parser that stopped midway leaves it paused. So such a body is read to its end and
 * discarded, up to DRAIN_LIMIT_BYTES, and the connection stays usable; a larger one (or one that
 * says it will be) closes the connection once the answer is out. Fastify closes the connection
 * after any body parser error; when the body is read whole or drained that is not needed, and a
 * proxy's pool keeps its connection.
 */
export function drainRefusedBodies(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    const raw = request.raw;
    if (raw.destroyed) return payload;
    if (raw.complete || raw.readableEnded) {
      if (reply.getHeader('connection') === 'close') reply.removeHeader('connection');
      return payload;
    }
    const declared = Number(raw.headers['content-length']);
    if (Number.isFinite(declared) && declared > DRAIN_LIMIT_BYTES) {
      reply.header('connection', 'close');
      return payload;
    }
    if (reply.getHeader('connection') === 'close') reply.removeHeader('connection');
    let drained = 0;
    raw.unpipe();
    raw.removeAllListeners('data');
    raw.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_LIMIT_BYTES) raw.socket.destroy();
    });
    raw.resume();
    return payload;
  });
}
