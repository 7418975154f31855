import type { FastifyInstance } from 'fastify';

/** The header a caller sends to have a change's input checked and nothing done (decision 24). */
export const VALIDATE_ONLY_HEADER = 'x-validate-only';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A change sent with `X-Validate-Only: true` is checked against its contract like any other and
 * then answered 204 without running its handler: a form whose own checks failed asks the server
 * what else is wrong, so the person sees every field's message at once and nothing is saved.
 * Hooks of this kind run after sign-in, the CSRF check and validation, and before the route's own.
 */
export function registerValidateOnly(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!CHANGES.has(request.method)) return;
    if (request.headers[VALIDATE_ONLY_HEADER] !== 'true') return;
    return reply.status(204).send();
  });
}
