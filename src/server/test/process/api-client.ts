// biome-ignore lint/suspicious/noExplicitAny: a test reads an answer as whatever it asserts about it
type JsonBody = any;

/** An answer read whole: status, headers and the body (JSON when it is JSON). */
export interface ApiResponse<Body = JsonBody> {
  status: number;
  headers: Headers;
  body: Body;
  text: string;
}

/**
 * A browser-like client of one or more app nodes over real HTTP: it keeps the session cookie,
 * sends the Origin the server expects, and can be pointed at another node with the same cookie.
 */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    public cookie = '',
    readonly headers: Record<string, string> = {},
  ) {}

  /** The same session, talking to another node. */
  on(baseUrl: string): ApiClient {
    return new ApiClient(baseUrl, this.cookie, this.headers);
  }

  async request<Body = JsonBody>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<Body>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(method === 'GET' ? {} : { origin: this.baseUrl }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.headers,
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) {
      const jar = new Map(
        this.cookie
          .split('; ')
          .filter(Boolean)
          .map((pair) => [pair.split('=')[0] ?? '', pair] as const),
      );
      for (const cookie of cookies) {
        const pair = cookie.split(';')[0] ?? '';
        const name = pair.split('=')[0] ?? '';
        if (/max-age=0/i.test(cookie) || pair.endsWith('=')) jar.delete(name);
        else jar.set(name, pair);
      }
      this.cookie = [...jar.values()].join('; ');
    }
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as Body, text };
  }

  get<Body = JsonBody>(path: string) {
    return this.request<Body>('GET', path);
  }
  post<Body = JsonBody>(path: string, body: unknown = {}) {
    return this.request<Body>('POST', path, body);
  }
  patch<Body = JsonBody>(path: string, body: unknown) {
    return this.request<Body>('PATCH', path, body);
  }

  async signIn(email: string, password: string): Promise<ApiResponse> {
    const response = await this.post('/api/auth/sign-in/email', { email, password });
    if (response.status !== 200) throw new Error(`sign-in ${response.status}: ${response.text}`);
    return response;
  }
}

export const PASSWORD = 'correct horse battery';

/** First run on a fresh database: the admin, signed in. */
export async function setUpAdmin(baseUrl: string): Promise<ApiClient> {
  const admin = new ApiClient(baseUrl);
  const response = await admin.post('/api/v1/setup', {
    name: 'Ada Admin',
    email: 'ada@example.com',
    password: PASSWORD,
  });
  if (response.status !== 201) throw new Error(`setup ${response.status}: ${response.text}`);
  return admin;
}

/** A user of this role created by the admin, and a client signed in as them. */
export async function addUser(
  admin: ApiClient,
  role: 'admin' | 'manager' | 'sales' | 'viewer',
  email: string,
): Promise<{ id: string; client: ApiClient }> {
  const created = await admin.post('/api/v1/users', {
    name: `${role} ${email.split('@')[0]}`,
    email,
    role,
    password: PASSWORD,
  });
  if (created.status !== 201) throw new Error(`create user ${created.status}: ${created.text}`);
  const client = new ApiClient(admin.baseUrl);
  await client.signIn(email, PASSWORD);
  return { id: created.body.id as string, client };
}
