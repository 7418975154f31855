import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from './errors';

/**
 * Text as the database can keep it: PostgreSQL refuses the NUL character (in text and in JSON),
 * and a lone half of a UTF-16 surrogate pair cannot be written as UTF-8 at all: a text column
 * would silently get "�" instead, a JSON column refuses it. Such input is refused with a 400
 * naming the field, never stored altered and never a 500. Decided here for every request: the
 * path and query parameters and the body of every route, whatever its contract, and the name of
 * an uploaded file (upload.ts).
 */
const SURROGATE = /[\uD800-\uDFFF]/;

export function isStorableText(value: string): boolean {
  if (!value.includes('\u0000') && !SURROGATE.test(value)) return true;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code === 0) return false;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      index++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/** More would only lengthen the answer: the first few fields say what is wrong. */
const MAX_REPORTED = 20;

/**
 * The fields of a parsed input whose text cannot be stored, by their path ("answers.q1",
 * "steps.2"). A bad key is reported at the object that holds it. Walked without recursion, so a
 * deeply nested body cannot exhaust the stack.
 */
export function unstorableFieldsOf(input: unknown, part: FieldError['in']): FieldError[] {
  const found: FieldError[] = [];
  // Each value remembers where it hangs, so that a path is spelt out only when it is reported.
  type Place = { key: string; parent: Place | null } | null;
  const report = (place: Place) => {
    const path: string[] = [];
    for (let at = place; at !== null; at = at.parent) path.unshift(at.key);
    const field = path.join('.');
    if (!found.some((error) => error.field === field)) {
      found.push({ field, in: part, code: 'invalid_characters', params: {} });
    }
  };
  const pending: Array<{ value: unknown; place: Place }> = [{ value: input, place: null }];
  while (pending.length > 0 && found.length < MAX_REPORTED) {
    const { value, place } = pending.pop() as { value: unknown; place: Place };
    if (typeof value === 'string') {
      if (!isStorableText(value)) report(place);
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        pending.push({ value: value[index], place: { key: String(index), parent: place } });
      }
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      const entries = Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, item] = entries[index] as [string, unknown];
        if (!isStorableText(key)) report(place);
        else pending.push({ value: item, place: { key, parent: place } });
      }
    }
  }
  return found;
}

/** Refuses text that cannot be stored as sent, before any route's own validation. */
export function registerTextInputCheck(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const errors = [
      ...unstorableFieldsOf(request.params, 'path'),
      ...unstorableFieldsOf(request.query, 'query'),
      ...unstorableFieldsOf(request.body, 'body'),
    ];
    done(errors.length > 0 ? new AppError('validation', 'validation', {}, errors) : undefined);
  });
}
