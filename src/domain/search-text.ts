/**
 * Text folded for searching: lower case, Latvian (and other) diacritics removed, punctuation
 * turned into spaces. A clerk in a hurry types "berzins" for "Bērziņš".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * The folded search text of a record made of several fields. Hyphenated words are also kept
 * joined up, so "eadrese" finds "e-adrese" as "e adrese" does.
 */
export function searchTextOf(parts: ReadonlyArray<string | null | undefined>): string {
  const text = parts.filter((part): part is string => Boolean(part)).join(' ');
  const joined = [...text.matchAll(/[\p{L}\p{N}]+(?:[-‐‑–][\p{L}\p{N}]+)+/gu)].map((match) =>
    match[0].replace(/[-‐‑–]/g, ''),
  );
  return foldForSearch([text, ...joined].join(' '));
}

/** The words of a query, folded; each must occur in the record's search text. */
export function searchTermsOf(query: string): string[] {
  return foldForSearch(query)
    .split(' ')
    .filter((term) => term.length > 0);
}
