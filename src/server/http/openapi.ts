import type { SwaggerTransform } from '@fastify/swagger';
import type { HTTPMethods } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The operationId of a route that names none, for clients generated from the document: the
 * method, then the path without its /api or /api/v1 prefix, in camelCase, each parameter as
 * "By" and its name. `PATCH /api/v1/calendar/days-off/:id` → `patchCalendarDaysOffById`. It
 * changes only when the method or the path does, which breaks a client anyway.
 */
export function operationIdOf(method: HTTPMethods | HTTPMethods[], url: string): string {
  const verbs = [method].flat().map((verb) => verb.toLowerCase());
  const words = url
    .replace(/^\/api(\/v\d+)?(?=\/|$)/, '')
    .split('/')
    .flatMap((segment) => {
      const parameter = /^:(\w+)$/.exec(segment)?.[1];
      return parameter ? ['by', parameter] : segment.split(/[^A-Za-z0-9]+/);
    })
    .filter((word) => word !== '');
  return (
    [...verbs.slice(0, 1), ...verbs.slice(1).map(capitalised)].join('Or') +
    words.map(capitalised).join('')
  );
}

/**
 * The zod schemas as JSON Schema (fastify-type-provider-zod), and every operation named: a route
 * may set its own `operationId` in its schema; otherwise it is derived from method and path.
 */
export const openApiTransform: SwaggerTransform = (input) => {
  const result = jsonSchemaTransform(input);
  const operationId = result.schema.operationId ?? operationIdOf(input.route.method, input.url);
  return { ...result, schema: { ...result.schema, operationId } };
};
