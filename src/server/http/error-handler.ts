import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FieldError, Problem } from '../../contracts/errors.ts';
import { isDatabaseUnavailable } from '../db/errors.ts';
import { AppError, codeForStatus, problem } from './errors.ts';

export function sendProblem(
  reply: FastifyReply,
  body: Problem,
  headers: Record<string, string> = {},
) {
  return reply.code(body.status).headers(headers).type('application/problem+json').send(body);
}

function fieldErrorsOf(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  return error.validation.flatMap((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const keys = (issue.params as { keys?: unknown }).keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      return keys.map((key) => ({
        path: path ? `${path}.${String(key)}` : String(key),
        message: 'Unknown field',
      }));
    }
    return [{ path, message: issue.message ?? 'Invalid value' }];
  });
}

/**
 * What the router refuses before any route runs: a path segment longer than any id
 * (FST_ERR_MAX_PARAM_LENGTH, else a 414 echoing the whole URL) or a malformed %-escape
 * (FST_ERR_BAD_URL). Neither is echoed back.
 */
export function sendFrameworkProblem(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, problem(404, 'not_found', 'No such record: the id is too long.'));
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendProblem(reply, problem(400, 'validation_failed', 'The URL is not valid.'));
  }
  request.log.error({ err: error }, 'router error');
  return sendProblem(reply, problem(500, 'internal'));
}

/** What a 503 asks a client to wait before it tries again. */
const UNAVAILABLE_RETRY_SECONDS = 5;

/** One error handler: expected errors become problem+json, anything else a bare logged 500. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, error.toProblem(), error.headers);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldErrorsOf(error);
      const where = error.validationContext === 'body' ? '' : ` in the ${error.validationContext}`;
      const first = errors[0];
      const detail = first
        ? `${first.path || 'request'}${where}: ${first.message}`
        : 'The request is not valid.';
      return sendProblem(reply, problem(400, 'validation_failed', detail, { errors }));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const detail =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? 'The request body is not valid JSON.'
          : error.message;
      const headers: Record<string, string> = {};
      const retryAfter = reply.getHeader('retry-after');
      if (status === 429 && retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
      return sendProblem(reply, problem(status, codeForStatus(status), detail), headers);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return sendProblem(
        reply,
        problem(503, 'unavailable', 'The database cannot be reached right now. Try again shortly.'),
        { 'retry-after': String(UNAVAILABLE_RETRY_SECONDS) },
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problem(500, 'internal'));
  });
}
