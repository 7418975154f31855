/**
 * A written answer's fixed parts (clause 21.2 of the standard): the signature the administrator's
 * template builds from the writer's staff profile (21.2.5), the text modules clerks start from,
 * and the client's earlier letter quoted under the answer (21.2.2).
 */

import { fillPlaceholders, onlyEmptyPlaceholders, unknownPlaceholdersIn } from './placeholders';
import { displayDate, displayDateTime } from './riga-time';

export const LETTER_LANGUAGES = ['lv', 'en'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** What a signature template may name, by its Latvian and its English name. */
export const SIGNATURE_PLACEHOLDERS = {
  vārds: 'givenName',
  name: 'givenName',
  uzvārds: 'surname',
  surname: 'surname',
  amats: 'position',
  position: 'position',
  struktūrvienība: 'unit',
  unit: 'unit',
  iestāde: 'institution',
  institution: 'institution',
  tālrunis: 'phone',
  phone: 'phone',
  'e-pasts': 'email',
  email: 'email',
  tīmekļvietne: 'website',
  website: 'website',
} as const;
type SignatureKey = (typeof SIGNATURE_PLACEHOLDERS)[keyof typeof SIGNATURE_PLACEHOLDERS];

/** What a text module may name: the client, the request's number and its due date. */
export const TEXT_MODULE_PLACEHOLDERS = {
  klients: 'client',
  client: 'client',
  numurs: 'number',
  number: 'number',
  termiņš: 'due',
  due: 'due',
} as const;
type TextModuleKey = (typeof TEXT_MODULE_PLACEHOLDERS)[keyof typeof TEXT_MODULE_PLACEHOLDERS];

/** The signature templates a new installation starts with; the administrator changes them. */
export const DEFAULT_SIGNATURES: Record<LetterLanguage, string> = {
  lv: [
    'Ar cieņu',
    '{vārds} {uzvārds}',
    '{amats}',
    '{struktūrvienība}',
    '{iestāde}',
    'Tālrunis: {tālrunis}',
    'E-pasts: {e-pasts}',
    '{tīmekļvietne}',
  ].join('\n'),
  en: [
    'Kind regards',
    '{name} {surname}',
    '{position}',
    '{unit}',
    '{institution}',
    'Phone: {phone}',
    'Email: {email}',
    '{website}',
  ].join('\n'),
};

/** The writer as their staff profile and organisation give them; missing values are null. */
export type SignatureProfile = Record<SignatureKey, string | null>;

export function unknownSignaturePlaceholders(template: string): string[] {
  return unknownPlaceholdersIn(template, SIGNATURE_PLACEHOLDERS);
}

export function unknownTextModulePlaceholders(text: string): string[] {
  return unknownPlaceholdersIn(text, TEXT_MODULE_PLACEHOLDERS);
}

/**
 * The signature for the writer: the template filled from their profile. A line whose every
 * placeholder has nothing to show (a person without a phone) is left out rather than printed
 * as "Tālrunis: ".
 */
export function signatureFrom(template: string, profile: SignatureProfile): string {
  const values = Object.fromEntries(
    Object.entries(profile).map(([key, value]) => [key, value?.trim() ?? '']),
  ) as Record<SignatureKey, string>;
  return template
    .split(/\r?\n/u)
    .filter((line) => !onlyEmptyPlaceholders(line, SIGNATURE_PLACEHOLDERS, values))
    .map((line) => fillPlaceholders(line, SIGNATURE_PLACEHOLDERS, values).trimEnd())
    .join('\n')
    .trim();
}

/** A text module with the request's values filled in, as the clerk then edits it. */
export function fillTextModule(
  text: string,
  values: { client: string | null; number: string; dueOn: string },
): string {
  const filled: Record<TextModuleKey, string> = {
    client: values.client ?? '',
    number: values.number,
    due: displayDate(values.dueOn),
  };
  return fillPlaceholders(text, TEXT_MODULE_PLACEHOLDERS, filled);
}

/** So long a letter is quoted only in part: a reply is not a copy of the archive. */
const QUOTE_MAX_CHARS = 8000;

/** The client's letter quoted under the answer, each line marked "> " as mail programs do. */
export function quoteOf(
  letter: { from: string | null; receivedAt: Date; text: string },
  language: LetterLanguage,
): string {
  const when = displayDateTime(letter.receivedAt);
  const who = letter.from ?? (language === 'lv' ? 'Klients' : 'The client');
  const intro = language === 'lv' ? `${when} ${who} rakstīja:` : `On ${when} ${who} wrote:`;
  const text = letter.text.trim();
  const shown = text.length > QUOTE_MAX_CHARS ? `${text.slice(0, QUOTE_MAX_CHARS)} […]` : text;
  return [intro, ...shown.split(/\r?\n/u).map((line) => (line === '' ? '>' : `> ${line}`))].join(
    '\n',
  );
}

/** The letter as it leaves: the clerk's text, the signature under it, then the quoted letter. */
export function letterBody(parts: {
  text: string;
  signature: string | null;
  quote: string | null;
}) {
  return [parts.text.trimEnd(), parts.signature, parts.quote]
    .filter((part): part is string => part !== null && part !== '')
    .join('\n\n');
}
