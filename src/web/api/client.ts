import type { TProblem } from '../../contracts/common';
import { currentLanguage } from '../i18n/i18n';

/** A failed API call, with the server's problem+json (which field, why, in the user's language). */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: TProblem,
  ) {
    super(problem.detail);
    this.name = 'ProblemError';
  }

  /** The message for one field, when the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.problem.errors?.find((error) => error.field === field)?.message;
  }
}

let csrfToken: string | null = null;
let onSessionEnded: () => void = () => undefined;

/** The token every change must carry; the server hands it out at sign-in and in /auth/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when the server says the session is over (e.g. show the sign-in page). */
export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}

/**
 * Set only while a form's `send` is being called to check its change (decision 24): the change it
 * starts is sent to be validated only, and the server answers 204 or the problem with every field,
 * saving nothing. Read when a request starts, so a change made elsewhere while the check is on its
 * way is made as usual, never silently only checked.
 */
let checking = false;

/**
 * Runs `send` with the change it starts checked by the server instead of made; resolves when it
 * settles. `send` must start its request at once (every form's does: it calls the API directly).
 */
export async function validateOnly(send: () => Promise<unknown>): Promise<void> {
  checking = true;
  let sent: Promise<unknown>;
  try {
    sent = send();
  } finally {
    checking = false;
  }
  await sent;
}

type Query = Record<string, string | number | boolean | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(
  method: string,
  path: string,
  options: { query?: Query; body?: unknown; form?: FormData } = {},
): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': currentLanguage() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (method !== 'GET' && checking) headers['x-validate-only'] = 'true';
  // A form (a file upload) sets its own multipart content type with the boundary.
  const body = options.form ?? (options.body === undefined ? null : JSON.stringify(options.body));
  const response = await fetch(withQuery(`/api/v1${path}`, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    body,
  });
  if (response.status === 204) return undefined as T;
  const isProblem = response.headers.get('content-type')?.includes('problem+json');
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem: TProblem = isProblem
      ? (payload as TProblem)
      : {
          type: 'about:blank',
          title: response.statusText,
          status: response.status,
          code: 'internal',
          detail: response.statusText,
          instance: path,
          requestId: response.headers.get('x-request-id') ?? '',
        };
    if (response.status === 401 && path !== '/auth/login') onSessionEnded();
    throw new ProblemError(response.status, problem);
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, query ? { query } : {}),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', path, query ? { query } : {}),
  /** Sends files as multipart/form-data. */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
};
