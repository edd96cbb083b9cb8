import type { ErrorCode, FieldError, Problem } from '../../contracts/errors.ts';

const titles: Record<ErrorCode, string> = {
  unauthenticated: 'Sign in required',
  forbidden: 'Not allowed',
  csrf_failed: 'Cross-site request refused',
  not_found: 'Not found',
  validation_failed: 'Invalid input',
  invalid_transition: 'Status change not allowed',
  lead_locked: 'Lead is locked',
  already_converted: 'Lead already converted',
  duplicate_customer: 'Customer already exists',
  cannot_modify_self: 'You cannot change this on your own account',
  last_admin: 'The last active admin must stay an admin',
  conflict: 'Conflict',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  internal: 'Internal Server Error',
  unavailable: 'Service unavailable',
};

/** An expected failure with a stable code; the one error handler turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    detail?: string,
    readonly extra: Pick<Problem, 'errors' | 'existingCustomerId' | 'customerId'> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? titles[code]);
    this.name = 'AppError';
  }

  toProblem(): Problem {
    return problem(this.status, this.code, this.message, this.extra);
  }
}

export function problem(
  status: number,
  code: ErrorCode,
  detail?: string,
  extra: Pick<Problem, 'errors' | 'existingCustomerId' | 'customerId'> = {},
): Problem {
  return {
    type: `urn:leadline:problem:${code}`,
    title: titles[code],
    status,
    ...(detail && detail !== titles[code] ? { detail } : {}),
    code,
    ...extra,
  };
}

export const unauthenticated = (detail = 'Sign in to continue.') =>
  new AppError(401, 'unauthenticated', detail);
export const forbidden = (detail = 'Your role does not allow this.') =>
  new AppError(403, 'forbidden', detail);
export const csrfFailed = () =>
  new AppError(403, 'csrf_failed', 'This request came from another site and was refused.');
export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found.`);
export const validationFailed = (errors: FieldError[], detail?: string) =>
  new AppError(400, 'validation_failed', detail ?? errors[0]?.message, { errors });
export const fieldError = (path: string, message: string) => validationFailed([{ path, message }]);
export const conflict = (detail: string) => new AppError(409, 'conflict', detail);
export const duplicateCustomer = (existingCustomerId: string) =>
  new AppError(409, 'duplicate_customer', 'A customer with this email already exists.', {
    existingCustomerId,
    errors: [{ path: 'email', message: 'A customer with this email already exists' }],
  });
export const invalidTransition = (detail: string) =>
  new AppError(422, 'invalid_transition', detail);
export const leadLocked = () =>
  new AppError(409, 'lead_locked', 'A converted lead is locked: it can no longer be changed.');
export const alreadyConverted = (customerId: string | null) =>
  new AppError(
    409,
    'already_converted',
    'This lead has already been converted.',
    customerId ? { customerId } : {},
  );
export const cannotModifySelf = (detail: string) => new AppError(409, 'cannot_modify_self', detail);
export const lastAdmin = () =>
  new AppError(
    409,
    'last_admin',
    'Leadline needs at least one active admin. Make someone else an admin first.',
  );
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(
    429,
    'rate_limited',
    `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
    {},
    { 'retry-after': String(retryAfterSeconds) },
  );

export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    case 503:
      return 'unavailable';
    default:
      return status >= 500 ? 'internal' : 'validation_failed';
  }
}
