import type { TProblem } from '../../contracts/common';
import type { FILE, Method, NO_CONTENT, RouteKey, Routes } from '../../contracts/routes';
import type { z } from 'zod';
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

function withQuery(path: string, query?: object): string {
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
  options: { query?: object; body?: unknown; form?: FormData } = {},
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

/*
 * Each call is typed by the route its path reaches in the route table (`contracts/routes.ts`),
 * which the server's routes share: `api.get(`/units/${id}`)` answers a `TUnit` and
 * `api.patch(`/units/${id}`, body)` checks the body against `UpdateUnitBody`. A path no route
 * takes is a type error.
 */

type Segments<S extends string> = S extends `${infer Head}/${infer Rest}`
  ? [Head, ...Segments<Rest>]
  : [S];

/** Whether a path's segments fit a template's: a `:param` takes any one segment. */
type Fits<Path extends readonly string[], Template extends readonly string[]> = Path extends [
  infer Head extends string,
  ...infer Rest extends string[],
]
  ? Template extends [infer Part extends string, ...infer Parts extends string[]]
    ? Part extends `:${string}`
      ? Fits<Rest, Parts>
      : Head extends Part
        ? Fits<Rest, Parts>
        : false
    : false
  : Template extends []
    ? true
    : false;

/** Routes the client can call: JSON answers (files are links, not fetched). */
type JsonKey = {
  [K in RouteKey]: Routes[K]['response'][keyof Routes[K]['response']] extends typeof FILE
    ? never
    : K;
}[RouteKey];

/**
 * The route a path reaches with a method: its own key when the path is fixed (`/requests/counts`),
 * else the template its segments fit (`/requests/${string}` → `/requests/:id`). Distributes over
 * a union of paths.
 */
type RouteOf<M extends Method, P extends string> = P extends string
  ? `${M} ${P}` extends JsonKey
    ? `${M} ${P}`
    : {
        [K in JsonKey]: K extends `${M} ${infer Template}`
          ? Fits<Segments<P>, Segments<Template>> extends true
            ? K
            : never
          : never;
      }[JsonKey]
  : never;

/** The paths of a union that no route takes. */
type Unrouted<M extends Method, P extends string> = P extends string
  ? [RouteOf<M, P>] extends [never]
    ? P
    : never
  : never;

type AnswerOf<S> = S extends z.ZodType
  ? z.output<S>
  : S extends typeof NO_CONTENT
    ? undefined
    : never;

/** What the route answers: the union of its success answers (`undefined` for a 204). */
type Answer<K extends RouteKey> = K extends RouteKey
  ? AnswerOf<Routes[K]['response'][keyof Routes[K]['response']]>
  : never;

type Scalar = string | number | boolean;

/**
 * The query's fields, each as the server reads it (a number, a boolean) or as text (a filter kept
 * in the page's address); the client leaves out `null`, `undefined` and `''`.
 */
type QueryOf<K extends RouteKey> = Routes[K] extends { query: infer Q extends z.ZodType }
  ? {
      [F in keyof z.input<Q>]:
        (F extends keyof z.output<Q> ? z.output<Q>[F] : never) | Scalar | null;
    }
  : never;

/** The arguments after the path: a refused path asks for an argument nothing can give. */
type Checked<M extends Method, P extends string, Args extends unknown[]> = [
  Unrouted<M, P>,
] extends [never]
  ? Args
  : [noRouteTakes: Unrouted<M, P>, ...never[]];

type QueryArgs<K extends RouteKey> = [QueryOf<K>] extends [never]
  ? []
  : Record<string, never> extends QueryOf<K>
    ? [query?: QueryOf<K>]
    : [query: QueryOf<K>];

/**
 * A body as a form sends it. The server judges a form's values and names each field it refuses
 * (decision 24), so a form sends what it has: a choice (an enum) as the select's text, a field
 * left empty as null or not at all. Field names, shapes and the kinds of values are the contract's.
 */
type AsSent<T> = T extends string
  ? string
  : T extends readonly (infer Item)[]
    ? AsSent<Item>[]
    : T extends object
      ? { [F in keyof T]?: AsSent<T[F]> | null }
      : T;

/** The body a route takes; for a union of routes (`/requests/${id}/${action}`), any of theirs. */
type BodyOf<K extends RouteKey> = Routes[K] extends { body: infer B extends z.ZodType }
  ? AsSent<z.input<B>>
  : never;

type BodyArgs<K extends RouteKey> = [BodyOf<K>] extends [never]
  ? []
  : undefined extends BodyOf<K>
    ? [body?: BodyOf<K>]
    : [body: BodyOf<K>];

/** What a call answers, e.g. `ApiAnswer<'GET', '/units'>`. */
export type ApiAnswer<M extends Method, P extends string> = Answer<RouteOf<M, P>>;
/** What a call sends, e.g. `ApiBody<'POST', `/requests/${string}/notes`>`. */
export type ApiBody<M extends Method, P extends string> = BodyOf<RouteOf<M, P>>;

type UploadKey = { [K in RouteKey]: Routes[K] extends { upload: true } ? K : never }[RouteKey];

export const api = {
  get: <P extends string>(path: P, ...[query]: Checked<'GET', P, QueryArgs<RouteOf<'GET', P>>>) =>
    request<Answer<RouteOf<'GET', P>>>('GET', path, query ? { query: query as object } : {}),
  post: <P extends string>(path: P, ...[body]: Checked<'POST', P, BodyArgs<RouteOf<'POST', P>>>) =>
    request<Answer<RouteOf<'POST', P>>>('POST', path, { body: body ?? {} }),
  patch: <P extends string>(
    path: P,
    ...[body]: Checked<'PATCH', P, BodyArgs<RouteOf<'PATCH', P>>>
  ) => request<Answer<RouteOf<'PATCH', P>>>('PATCH', path, { body }),
  put: <P extends string>(path: P, ...[body]: Checked<'PUT', P, BodyArgs<RouteOf<'PUT', P>>>) =>
    request<Answer<RouteOf<'PUT', P>>>('PUT', path, { body }),
  delete: <P extends string>(
    path: P,
    ...[query]: Checked<'DELETE', P, QueryArgs<RouteOf<'DELETE', P>>>
  ) =>
    request<Answer<RouteOf<'DELETE', P>>>('DELETE', path, query ? { query: query as object } : {}),
  /** Sends a file as multipart/form-data. */
  upload: <P extends string>(
    path: P,
    form: FormData,
    ...check: Checked<'POST', P, RouteOf<'POST', P> extends UploadKey ? [] : [notAnUpload: never]>
  ) => {
    // Only the type of `check` matters: it refuses a route that takes no upload.
    void check;
    return request<Answer<RouteOf<'POST', P>>>('POST', path, { form });
  },
};
