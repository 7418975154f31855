/**
 * The automatic acknowledgement's template (issue 14): an administrator writes its subject and
 * body per mailbox, in Latvian and English, with placeholders in braces that the sender fills in.
 * Each value has a Latvian and an English name, so a template reads naturally in either language.
 */
import { fillPlaceholders, unknownPlaceholdersIn } from './placeholders';

export const ACKNOWLEDGEMENT_PLACEHOLDERS = {
  numurs: 'number',
  number: 'number',
  termiņš: 'due',
  due: 'due',
} as const;

export interface AcknowledgementValues {
  /** The request's number, e.g. 2026-001234. */
  number: string;
  /** When the answer is due, already written out for the reader (e.g. 17.12.2026). */
  due: string;
}

/** The placeholders in the text that are not one of ours, each once, in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  return unknownPlaceholdersIn(text, ACKNOWLEDGEMENT_PLACEHOLDERS);
}

/** The template with its placeholders filled in; anything else in braces is left as written. */
export function fillAcknowledgement(template: string, values: AcknowledgementValues): string {
  return fillPlaceholders(template, ACKNOWLEDGEMENT_PLACEHOLDERS, values);
}
