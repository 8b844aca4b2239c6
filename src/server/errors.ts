// Every error leaves the server as JSON {error, message} with its status; never a stack trace.
import type { FastifyError, FastifyInstance } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { ErrorBody } from '../shared/http.ts';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    /** Extra fields for the body, e.g. {eventIndex} on a rejected event. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string) => new ApiError(400, message);
export const unauthorized = (message = 'log in first') => new ApiError(401, message);
export const forbidden = (message: string) => new ApiError(403, message);
export const notFound = (message: string) => new ApiError(404, message);
export const conflict = (message: string, details?: Record<string, unknown>) => new ApiError(409, message, details);
export const unprocessable = (message: string, details?: Record<string, unknown>) => new ApiError(422, message, details);


export function errorBody(status: number, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: STATUS_CODES[status] ?? 'Error', message, ...details };
}

function validationMessage(err: FastifyError): string {
  const first = err.validation?.[0];
  if (!first) return err.message;
  const where = `${err.validationContext ?? 'request'}${first.instancePath ? first.instancePath.replace(/\//g, '.') : ''}`;
  const params = first.params;
  if (first.keyword === 'required') return `${where}.${String(params.missingProperty)} is required`;
  if (first.keyword === 'additionalProperties') return `${where}: unknown field "${String(params.additionalProperty)}"`;
  if (first.keyword === 'format' && params.format === 'plain-text') return `${where} must not contain control characters or bidirectional overrides`;
  if (first.keyword === 'enum') return `${where} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
  return `${where} ${first.message}`;
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { details?: Record<string, unknown> }, request, reply) => {
    if (err.validation) {
      reply.code(400).send(errorBody(400, validationMessage(err)));
      return;
    }
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    const retryAfter = (err as { retryAfter?: unknown }).retryAfter;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    // An ApiError's 503 (busy, try again) says what it is; any other 5xx is a bug and says nothing.
    if (status >= 500 && !(err instanceof ApiError && status === 503)) {
      request.log.error({ err }, 'request failed');
      reply.code(status).send(errorBody(status, 'something went wrong on the server; the error was logged'));
      return;
    }
    let message = err.message;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') message = 'the request body is too large';
    else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') message = 'send JSON with content-type: application/json';
    else if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') message = 'the JSON body is empty';
    else if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) message = 'the body is not valid JSON';
    reply.code(status).send(errorBody(status, message, err instanceof ApiError ? err.details : undefined));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const message = path.startsWith('/api/') || path === '/api' ? `no API route ${request.method} ${path}` : `nothing at ${path}`;
    reply.code(404).send(errorBody(404, message));
  });
}
