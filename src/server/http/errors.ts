import type { FieldMessageCode, MessageKey } from './messages';

/**
 * The closed set of error codes the API answers with, and their HTTP status. Services throw
 * AppError; one error handler turns it into problem+json (RFC 9457).
 */
export const ERROR_STATUS = {
  validation: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** A field that failed validation: where it is, a stable code and the message's parameters. */
export interface FieldError {
  field: string;
  in: 'body' | 'query' | 'path' | 'header';
  code: FieldMessageCode;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** A key of the message catalogue that explains this occurrence (messages.ts). */
    readonly messageKey: MessageKey = code,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(messageKey);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (): AppError => new AppError('not_found');
export const forbidden = (): AppError => new AppError('forbidden');

/** A field that is well-formed but breaks a rule (e.g. a duplicate email); in the body unless said. */
export function invalidField(
  field: string,
  code: FieldMessageCode,
  params: Record<string, string | number> = {},
  part: FieldError['in'] = 'body',
): AppError {
  return new AppError('validation', 'validation', {}, [{ field, in: part, code, params }]);
}

/** The record changed since the client read it: a second save must not overwrite the first. */
export const versionConflict = (): AppError => new AppError('version_conflict');
