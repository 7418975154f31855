import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { Problem } from '../../contracts/common';

/** The Fastify instance routes are registered on: request and response types come from zod. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;

/** The route's answers: its success schemas, and problem+json for the listed failures. */
export function responses<T extends Record<number, z.ZodType>>(
  success: T,
  ...failures: ProblemStatus[]
): T & Record<ProblemStatus, typeof Problem> {
  const all: Record<number, z.ZodType> = { ...success };
  for (const status of [401, ...failures]) all[status] = Problem;
  return all as T & Record<ProblemStatus, typeof Problem>;
}
