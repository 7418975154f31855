import { foldForSearch } from './search-text';

// How a query typed in a hurry becomes a PostgreSQL text-search query. The database indexes words
// lower case and without diacritics, hyphenated words whole, in parts and joined up (see the
// knowledge migration); this side folds the query the same way, lets each word match as the start
// of a word, trims Latvian endings so "adresi" finds "adrese", and adds the words joined up, so
// "e adrese" also finds "eadrese". Typos are handled by the caller, which offers the indexed
// words nearest to a word that matched nothing.

/** The most words of a query that are looked at; more only slow the search down. */
export const MAX_QUERY_WORDS = 8;

/** Endings of Latvian nouns, adjectives and verbs, folded, longest first. */
const ENDINGS = [
  'iem',
  'ajam',
  'ajai',
  'ies',
  'ais',
  'ajs',
  'am',
  'em',
  'im',
  'um',
  'as',
  'es',
  'is',
  'us',
  'os',
  'ai',
  'ei',
  'ie',
  'ju',
  'a',
  'e',
  'i',
  'u',
  's',
  'o',
  't',
];

/**
 * The stem of a folded word, for matching as a prefix: its Latvian ending trimmed, never below
 * four letters. Short words and numbers are kept whole.
 */
export function stemOf(word: string): string {
  if (word.length < 5 || /^\d+$/.test(word)) return word;
  for (const ending of ENDINGS)
    if (word.endsWith(ending) && word.length - ending.length >= 4)
      return word.slice(0, -ending.length);
  return word;
}

/** The words of a query, folded, letters and digits only, at most MAX_QUERY_WORDS. */
export function queryWordsOf(query: string): string[] {
  return foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, MAX_QUERY_WORDS);
}

/** A word as a tsquery lexeme, quoted; a quote or backslash in it (never in typed words) doubled. */
const lexeme = (word: string, prefix: boolean) =>
  `'${word.replace(/['\\]/g, (c) => c + c)}'${prefix ? ':*' : ''}`;

/**
 * Words this short match only whole: as the start of a word, "e" of "e-adrese" would match every
 * word beginning with e.
 */
const SHORTEST_PREFIX = 3;

/** How much less like the typed word than the nearest one a stand-in may be (trigram similarity). */
export const STAND_IN_MARGIN = 0.1;

/**
 * A hit scoring less than this share of the best one is dropped: a word named once in passing
 * in a long text does not make the text about it, when another article is.
 */
export const WEAK_MATCH_SHARE = 0.25;

/**
 * The tsquery text (for to_tsquery('simple', …)) of the query words: every word must match (as
 * the start of a word, by its stem, or as one of its `alternatives`, e.g. the indexed words
 * nearest to a typo); or, for several words, all of them written together. A word too short to
 * stand alone ("e" of "e adrese") must be right beside its neighbour, as the parts of a hyphenated
 * word are: a lone "e" of "e-pasts" somewhere else in the text is no match.
 */
export function tsQueryOf(
  words: readonly string[],
  alternatives: ReadonlyMap<string, readonly string[]> = new Map(),
): string | null {
  if (words.length === 0) return null;
  const optionsOf = (word: string) => {
    const options = new Set([lexeme(stemOf(word), word.length >= SHORTEST_PREFIX)]);
    for (const alternative of alternatives.get(word) ?? []) options.add(lexeme(alternative, false));
    return options.size === 1 ? [...options].join('') : `(${[...options].join(' | ')})`;
  };
  // Each group is one word, or a short word with its neighbour as a phrase: the short word
  // takes the word after it, or, when it comes last, the word before it.
  const groups: string[][] = [];
  let waiting = false;
  for (const word of words) {
    const last = groups.at(-1);
    if (last && waiting) last.push(optionsOf(word));
    else groups.push([optionsOf(word)]);
    waiting = word.length < SHORTEST_PREFIX;
  }
  const lone = groups.at(-1);
  if (waiting && groups.length > 1 && lone?.length === 1) {
    groups.pop();
    groups.at(-1)?.push(...lone);
  }
  const texts = groups.map((group) =>
    group.length === 1 || groups.length === 1 ? group.join(' <-> ') : `(${group.join(' <-> ')})`,
  );
  const all = texts.join(' & ');
  if (words.length === 1) return all;
  return `(${all}) | ${lexeme(words.join(''), true)}`;
}

/**
 * Of the indexed words near a mistyped one, those close to the nearest: a word much further off
 * than the best guess is a different word ("deklarēts" for "deklaresna" beside "deklarēšana"),
 * and the articles it would bring in are about something else.
 */
export function closeStandIns(near: ReadonlyArray<{ word: string; similarity: number }>): string[] {
  const best = Math.max(...near.map((candidate) => candidate.similarity));
  return near
    .filter((candidate) => candidate.similarity >= best - STAND_IN_MARGIN)
    .map((candidate) => candidate.word);
}

/** Marks that ts_headline puts around matched words; not expected in ordinary text. */
export const MATCH_START = '\u27e6';
export const MATCH_END = '\u27e7';

/** A ts_headline result split into plain and matched pieces, for the page to mark safely. */
export function snippetOf(headline: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let rest = headline;
  while (rest.length > 0) {
    const start = rest.indexOf(MATCH_START);
    if (start === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    const end = rest.indexOf(MATCH_END, start);
    if (end === -1) {
      parts.push({ text: rest.replaceAll(MATCH_START, ''), match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    parts.push({ text: rest.slice(start + MATCH_START.length, end), match: true });
    rest = rest.slice(end + MATCH_END.length);
  }
  // ts_headline marks each word of a phrase apart; neighbours with only a space between join up.
  return parts.reduce<{ text: string; match: boolean }[]>((joined, part) => {
    const previous = joined.at(-1);
    if (previous && previous.match === part.match) previous.text += part.text;
    else joined.push({ ...part });
    return joined;
  }, []);
}

/** Calendar days since the review date: 0 when it is today or still ahead. */
export function daysOverdue(reviewOn: string, today: string): number {
  const days =
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${reviewOn}T00:00:00Z`)) / 86_400_000;
  return Math.max(0, Math.round(days));
}

/** Whether an item's review date has passed. */
export function isReviewOverdue(reviewOn: string, today: string): boolean {
  return reviewOn < today;
}

/** The address word of a title: folded, words joined by hyphens, at most 80 characters. */
export function slugOf(title: string): string {
  const slug = foldForSearch(title)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join('-')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'raksts';
}

/** The slug itself when free, else with the first free number after it ("eid-2"). */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}
