import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * One TCP connection to the server, written byte by byte as a client would and read back one
 * response at a time: what a keep-alive client or a proxy's upstream pool sees.
 */
export class RawConnection {
  #socket: Socket;
  #buffer = Buffer.alloc(0);
  #closed = false;
  #waiters: Array<() => void> = [];

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#wake();
    });
    socket.on('close', () => {
      this.#closed = true;
      this.#wake();
    });
    socket.on('error', () => undefined);
  }

  /**
   * `localAddress`: the loopback address to connect from (127.0.0.2, say), so a proxy in front
   * sees a client address different from its own.
   */
  static open(port: number, localAddress?: string): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(
        { port, host: '127.0.0.1', ...(localAddress ? { localAddress } : {}) },
        () => resolve(new RawConnection(socket)),
      );
      socket.once('error', reject);
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The local port: the same number twice means the same connection. */
  get localPort(): number | undefined {
    return this.#socket.localPort;
  }

  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) =>
      this.#socket.write(data, (error) => (error ? reject(error) : resolve())),
    );
  }

  close(): void {
    this.#socket.destroy();
  }

  #wake() {
    for (const waiter of this.#waiters.splice(0)) waiter();
  }

  /** Waits for more bytes, the close, or the deadline (then throws). */
  async #more(deadline: number, what: string): Promise<void> {
    if (this.#closed) throw new ConnectionClosed(what);
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no ${what} within the time allowed`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, left);
      this.#waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Reads the next whole response, or throws if none arrives within `withinMs`. */
  async readResponse(withinMs = 5_000): Promise<RawResponse> {
    const deadline = Date.now() + withinMs;
    let end = this.#buffer.indexOf('\r\n\r\n');
    while (end < 0) {
      await this.#more(deadline, 'response');
      end = this.#buffer.indexOf('\r\n\r\n');
    }
    const head = this.#buffer.subarray(0, end).toString('latin1').split('\r\n');
    this.#buffer = this.#buffer.subarray(end + 4);
    const status = Number(head[0]?.split(' ')[1]);
    const headers: Record<string, string> = {};
    for (const line of head.slice(1)) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let body: Buffer;
    if (headers['transfer-encoding']?.includes('chunked')) {
      body = await this.#readChunked(deadline);
    } else {
      const length = Number(headers['content-length'] ?? 0);
      while (this.#buffer.length < length) await this.#more(deadline, 'response body');
      body = this.#buffer.subarray(0, length);
      this.#buffer = this.#buffer.subarray(length);
    }
    return { status, headers, body: body.toString('utf8') };
  }

  async #readChunked(deadline: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (;;) {
      let lineEnd = this.#buffer.indexOf('\r\n');
      while (lineEnd < 0) {
        await this.#more(deadline, 'chunk');
        lineEnd = this.#buffer.indexOf('\r\n');
      }
      const size = Number.parseInt(this.#buffer.subarray(0, lineEnd).toString('latin1'), 16);
      while (this.#buffer.length < lineEnd + 2 + size + 2) await this.#more(deadline, 'chunk');
      parts.push(this.#buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
      this.#buffer = this.#buffer.subarray(lineEnd + 2 + size + 2);
      if (size === 0) return Buffer.concat(parts);
    }
  }

  /** Resolves once the server has closed the connection, or throws after `withinMs`. */
  async waitForClose(withinMs: number): Promise<void> {
    const deadline = Date.now() + withinMs;
    while (!this.#closed) {
      try {
        await this.#more(deadline, 'close');
      } catch (error) {
        if (error instanceof ConnectionClosed) return;
        throw error;
      }
    }
  }
}

export class ConnectionClosed extends Error {
  constructor(what: string) {
    super(`the server closed the connection before the ${what}`);
    this.name = 'ConnectionClosed';
  }
}

/** An HTTP/1.1 request as bytes on the wire. */
export function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | Buffer = '',
): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const lines = [`${method} ${path} HTTP/1.1`, 'host: 127.0.0.1'];
  const all = { ...headers };
  if (bytes.length > 0 && all['content-length'] === undefined) {
    all['content-length'] = String(bytes.length);
  }
  for (const [name, value] of Object.entries(all)) lines.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bytes]);
}

/** A multipart/form-data body with these text fields, then one file part. */
export function multipartBody(
  fields: Record<string, string>,
  file: { name: string; filename: string; type: string; content: Buffer },
): { body: Buffer; contentType: string } {
  const boundary = `----leadline${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\ncontent-type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
