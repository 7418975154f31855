import { z } from 'zod';
import { SPELLING_LANGUAGES } from '../domain/spelling';

/** Longest text checked at once: a long letter, well within what is checked in a blink. */
export const MAX_SPELLING_TEXT = 20000;

/**
 * A letter's text to check. Not trimmed or normalised: the answer's offsets point into exactly
 * the text sent.
 */
export const CheckSpellingBody = z.strictObject({
  text: z.string().max(MAX_SPELLING_TEXT),
  language: z.enum(SPELLING_LANGUAGES),
});
export type TCheckSpellingBody = z.infer<typeof CheckSpellingBody>;

/** A misspelt word: `start` and `end` are UTF-16 offsets (JavaScript string indices) into the text. */
export const SpellingIssue = z.object({
  word: z.string(),
  start: z.int().min(0),
  end: z.int().min(0),
  /** At most five, best first; may be empty. */
  suggestions: z.array(z.string()),
});

export const SpellingResult = z.object({
  language: z.enum(SPELLING_LANGUAGES),
  issues: z.array(SpellingIssue),
});
export type TSpellingResult = z.infer<typeof SpellingResult>;
