import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './errors';
import {
  detailOf,
  fieldMessageOf,
  isFieldMessageCode,
  languageOf,
  titleOf,
  type FieldMessageCode,
} from './messages';

type ZodValidationEntry = {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
};

const PART_OF_CONTEXT: Record<string, FieldError['in']> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

const FORMAT_CODES: Partial<Record<string, FieldMessageCode>> = {
  email: 'invalid_email',
  uuid: 'invalid_uuid',
  guid: 'invalid_uuid',
  date: 'invalid_date',
  datetime: 'invalid_datetime',
  url: 'invalid_url',
};

function valueAt(root: unknown, path: string[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Turns one zod issue into the stable codes the web app and API clients rely on. */
function fieldErrorsOf(
  entry: ZodValidationEntry,
  part: FieldError['in'],
  input: unknown,
): FieldError[] {
  const path = entry.instancePath.split('/').filter((segment) => segment.length > 0);
  const field = path.join('.');
  const params = entry.params;
  const simple = (
    code: FieldMessageCode,
    extra: Record<string, string | number> = {},
  ): FieldError[] => [{ field, in: part, code, params: extra }];

  // A value that is not there at all is missing, whatever rule its absence broke first; rules
  // across fields (custom) explain themselves.
  const value = valueAt(input, path);
  // An empty string is what a form sends for a choice or a date left empty: for a value with a
  // format or a fixed set of values it is missing too, not a malformed identifier or date.
  const empty =
    value === '' && (entry.keyword === 'invalid_format' || entry.keyword === 'invalid_value');
  const missing = value === undefined || value === null || empty;
  if (missing && entry.keyword !== 'custom' && entry.keyword !== 'unrecognized_keys') {
    return simple('required');
  }
  if (entry.message && isFieldMessageCode(entry.message) && entry.keyword !== 'invalid_type') {
    return simple(entry.message);
  }
  switch (entry.keyword) {
    case 'invalid_type':
      return simple(params.expected === 'int' ? 'not_integer' : 'invalid_type');
    case 'too_small': {
      const minimum = Number(params.minimum);
      if (params.origin === 'string')
        return simple(minimum <= 1 ? 'required' : 'too_short', { minimum });
      if (params.origin === 'array' || params.origin === 'set')
        return simple('too_few_items', { minimum });
      return simple('too_small_number', { minimum });
    }
    case 'too_big': {
      const maximum = Number(params.maximum);
      if (params.origin === 'string') return simple('too_long', { maximum });
      if (params.origin === 'array' || params.origin === 'set')
        return simple('too_many_items', { maximum });
      return simple('too_big_number', { maximum });
    }
    case 'invalid_format':
      return simple(FORMAT_CODES[String(params.format)] ?? 'invalid_format');
    case 'invalid_value':
      return simple('invalid_value', {
        values: Array.isArray(params.values) ? params.values.join(', ') : '',
      });
    case 'unrecognized_keys':
      return (Array.isArray(params.keys) ? params.keys : []).map((key) => ({
        field: [...path, String(key)].join('.'),
        in: part,
        code: 'unknown_field',
        params: {},
      }));
    default:
      return simple('invalid_format');
  }
}

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  requestId: string;
  errors?: Array<FieldError & { message: string }>;
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
): FastifyReply {
  const language = languageOf(request);
  const body: ProblemBody = {
    type: `urn:apkalpo:problem:${error.code}`,
    title: titleOf(error.code, language),
    status: error.status,
    code: error.code,
    detail: detailOf(error.messageKey, { ...error.params, requestId: request.id }, language),
    instance: request.url.split('?')[0] ?? request.url,
    requestId: request.id,
  };
  if (error.fieldErrors.length > 0) {
    body.errors = error.fieldErrors.map((fieldError) => ({
      ...fieldError,
      message: fieldMessageOf(fieldError.code, fieldError.params ?? {}, language),
    }));
  }
  // A client told to wait is told how long in the standard header too (RFC 9110, 10.2.3).
  if (error.code === 'rate_limited' && typeof error.params.retryAfter === 'number') {
    reply.header('retry-after', String(error.params.retryAfter));
  }
  return reply.status(error.status).type('application/problem+json').send(body);
}

function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' &&
    (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001'].includes(
      code,
    ) ||
      (error as Error).message?.includes('Connection terminated'))
  );
}

/** Converts whatever went wrong into an AppError, so every failure is answered the same way. */
function toAppError(error: FastifyError | Error, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? 'body';
    const part = PART_OF_CONTEXT[context] ?? 'body';
    const input =
      context === 'querystring'
        ? request.query
        : context === 'params'
          ? request.params
          : request.body;
    const fields = error.validation.flatMap((entry) =>
      fieldErrorsOf(entry as unknown as ZodValidationEntry, part, input),
    );
    return new AppError('validation', 'validation', {}, fields);
  }
  const fastifyCode = (error as FastifyError).code;
  if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large');
  if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new AppError('unsupported_media_type');
  if (
    fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error instanceof SyntaxError
  ) {
    return new AppError('validation', 'validation', {}, [
      { field: '', in: 'body', code: 'invalid_type', params: {} },
    ]);
  }
  if (fastifyCode === 'FST_ERR_BAD_URL') return new AppError('validation', 'bad_url');
  if (fastifyCode === 'FST_ERR_MAX_PARAM_LENGTH') return new AppError('uri_too_long');
  const statusCode = (error as { statusCode?: number }).statusCode;
  // Multipart uploads: a file over the limit, or a form that is not multipart at all.
  if (statusCode === 413) return new AppError('payload_too_large');
  if (statusCode === 414) return new AppError('uri_too_long');
  if (statusCode === 406 || statusCode === 415) return new AppError('unsupported_media_type');
  if (statusCode === 404) return new AppError('not_found', 'route_not_found');
  // The static files refuse an address that would leave their folder ("/%2e%2e/…") or name a
  // hidden file: to the caller that is an address that does not exist, not a lack of rights.
  if (statusCode === 403) return new AppError('not_found', 'route_not_found');
  if ((error as { code?: string }).code === '23505') return new AppError('conflict');
  // Any other request the framework could not read (a broken length, a malformed form).
  if (statusCode === 400) return new AppError('validation', 'malformed_request');
  if (isDatabaseDown(error)) return new AppError('unavailable', 'database_unavailable');
  return new AppError('internal');
}

/**
 * The router's own refusals, before any route or hook runs (Fastify's `frameworkErrors`): a
 * broken percent-encoding is a 400, a path parameter over the router's length a 414.
 */
export function sendFrameworkProblem(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const appError = toAppError(error, request);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  // No hook runs for these, so the header the others get from onSend is set here.
  reply.header('x-request-id', request.id).header('x-content-type-options', 'nosniff');
  void sendProblem(request, reply, appError);
}

/** One place where errors become problem+json (RFC 9457), in the language the client asked for. */
export function registerProblemHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, request);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, appError);
  });
}
