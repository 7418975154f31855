import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  url: string;
}

const TREE_LINE = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z]+(?:, [A-Z]+)*)\))?$/;

/**
 * Every route the app registers, read from Fastify's own route tree, so that tests can check
 * that each one is documented and guarded without keeping a second list by hand.
 */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const ancestors: string[] = [];
  const routes: RegisteredRoute[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    if (line.trim() === '') continue;
    const match = TREE_LINE.exec(line);
    if (!match) throw new Error(`cannot read the route tree line "${line}"`);
    const [, indent = '', segment = '', methods] = match;
    ancestors.length = indent.length / 4;
    const url = ancestors.join('') + segment;
    ancestors.push(segment);
    for (const method of methods?.split(', ') ?? []) routes.push({ method, url });
  }
  return routes;
}
