/**
 * Placeholders in templates people write (acknowledgements, signatures, text modules): a name in
 * braces that is filled in when the letter is written. Each value has a Latvian and an English
 * name, so a template reads naturally in either language.
 */

const PLACEHOLDER = /\{([^{}\s]{1,40})\}/gu;

/** The placeholders in the text that are not among the names, each once, in order of appearance. */
export function unknownPlaceholdersIn(
  text: string,
  names: Readonly<Record<string, string>>,
): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (name !== undefined && !Object.hasOwn(names, name)) unknown.add(name);
  }
  return [...unknown];
}

/** The template with its known placeholders filled in; anything else in braces is left as written. */
export function fillPlaceholders<Key extends string>(
  template: string,
  names: Readonly<Record<string, Key>>,
  values: Readonly<Record<Key, string>>,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(names, name) ? values[names[name] as Key] : whole,
  );
}

/** Whether the line has placeholders and every one of them is among the names and filled empty. */
export function onlyEmptyPlaceholders<Key extends string>(
  line: string,
  names: Readonly<Record<string, Key>>,
  values: Readonly<Record<Key, string>>,
): boolean {
  const found = [...line.matchAll(PLACEHOLDER)].map(([, name]) => name ?? '');
  return (
    found.length > 0 &&
    found.every((name) => Object.hasOwn(names, name) && values[names[name] as Key].trim() === '')
  );
}
