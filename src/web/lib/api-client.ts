import type { FieldError, Problem } from '../../contracts/errors.ts';

/** A failed API call, carrying the server's problem+json and the path it was sent to. */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    /** The request's path, without the query: `/api/v1/leads`, `/api/auth/sign-in/email`. */
    readonly path = '',
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  // A form (a file upload) goes as multipart/form-data: the browser sets the boundary.
  const form = body instanceof FormData;
  const response = await fetch(withQuery(path, query), {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: form ? body : JSON.stringify(body) } : {}),
  });
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const payload: unknown = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const problem =
      typeof payload === 'object' && payload !== null && 'code' in payload
        ? (payload as Problem)
        : ({
            type: 'about:blank',
            title: response.statusText || 'Request failed',
            status: response.status,
            code: response.status >= 500 ? 'internal' : 'validation_failed',
          } satisfies Problem);
    throw new ApiError(problem, path);
  }
  return payload as T;
}

/** The one client the web app talks to the API through. */
export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  /** `body` may be a FormData (sent as multipart/form-data). */
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
  /** A DELETE whose answer has a body. */
  deleteWithResult: <T>(path: string) => request<T>('DELETE', path),
};

/** A message a person can act on, for notifications. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status >= 500) return 'Something went wrong on the server. Please try again.';
    return error.problem.detail ?? error.problem.title;
  }
  if (error instanceof TypeError) return 'Cannot reach the server. Check your connection.';
  return 'Something went wrong.';
}
