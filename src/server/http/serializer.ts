import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Responses written by a serializer compiled from the route's schema (fast-json-stringify, as
 * Fastify does for JSON Schema) instead of zod parsing every response and JSON.stringify writing
 * it: a page of 25 requests costs half as much (decision 40). Only the properties the schema
 * names are written, so a field a presenter adds by mistake never leaves the server. Checked,
 * each response is also parsed by its schema first and a mismatch is an error, as before: tests
 * and development run so; production, where they have caught the mistakes, skips the parse.
 * A route's serializer is compiled at its first response, so an app started for a test compiles
 * only what the test asks for.
 */
export function compiledSerializer(options: {
  checkResponses: boolean;
}): FastifySerializerCompiler<z.ZodType> {
  return ({ schema, method, url }) => {
    let stringify: ((data: unknown) => string) | null = null;
    return (data) => {
      if (options.checkResponses) {
        const checked = z.safeEncode(schema, data);
        if (checked.error)
          throw new ResponseSerializationError(method, url, { cause: checked.error });
      }
      stringify ??= compile(schema);
      return stringify(data);
    };
  };
}

function compile(schema: z.ZodType): (data: unknown) => string {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' });
  return fastJsonStringify(openObjects(json) as Parameters<typeof fastJsonStringify>[0]);
}

/**
 * The schema with objects that allow more properties than they name. Presenters may hand over a
 * row with more than the response shows, which zod strips; fast-json-stringify writes only the
 * named properties either way, but it picks the branch of a nullable or a union by validating
 * the value, and a closed object would refuse such a row.
 */
function openObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openObjects);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'additionalProperties' && value === false))
      .map(([key, value]) => [key, openObjects(value)]),
  );
}
