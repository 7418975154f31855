import type { Hunspell } from './hunspell';

/** Languages a letter can be checked in. */
export const SPELLING_LANGUAGES = ['lv', 'en'] as const;
export type SpellingLanguage = (typeof SPELLING_LANGUAGES)[number];

/**
 * What a language adds to its dictionary. The Latvian dictionary has no MAP table, yet a word
 * typed without its diacritics ("pasvaldiba") is the commonest Latvian mistake: each letter
 * with a mark is grouped with its plain letter so that suggestions restore them.
 */
export const LANGUAGE_MAPS: Record<SpellingLanguage, readonly string[]> = {
  lv: ['aā', 'cč', 'eē', 'gģ', 'iī', 'kķ', 'lļ', 'nņ', 'sš', 'uū', 'zž'],
  en: [],
};

/** A word of a text: its UTF-16 offsets, so a browser can underline `text.slice(start, end)`. */
export interface TextWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** A misspelt word and what it might have been. */
export interface SpellingIssue extends TextWord {
  readonly suggestions: string[];
}

/**
 * Distinct misspelt words of one text that get suggestions; the rest are reported without. A
 * suggestion takes some milliseconds, and a text in the other language (20 000 characters, all
 * "misspelt") must not hold the server for seconds.
 */
export const MAX_SUGGESTED_WORDS = 30;

/** Abbreviations in capitals up to this length (VSAA, PVN) are not checked. */
const MAX_ABBREVIATION = 5;

/**
 * One pass over the text: what is not a word comes first in the alternation, so a URL, an
 * e-mail address, a {placeholder} or anything with a digit (2026-001234, A4, 3.lpp) is skipped
 * whole rather than checked in pieces. A word may hold apostrophes (don't) and hyphens
 * (e-pasts), and is split at the hyphens afterwards.
 */
const TOKENS =
  /(?:https?:\/\/|www\.)[^\s<>"]+|[^\s@<>()[\]{}"',;:]+@[^\s@<>()[\]{}"',;:]+|\{[^{}\n]*\}|[\p{L}\p{M}\p{N}]*\p{N}[\p{L}\p{M}\p{N}]*(?:[-‐‑/.][\p{L}\p{M}\p{N}]+)*|(\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*(?:[-‐‑]\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*)*)/gu;

/** Not worth checking: an abbreviation in capitals (VSAA, PVN), a single letter (a list's "b)"). */
function skipped(word: string): boolean {
  if (word.length <= 1) return true;
  return (
    word.length <= MAX_ABBREVIATION && word === word.toUpperCase() && word !== word.toLowerCase()
  );
}

/** The words of a text as written, hyphenated ones whole ("e-pasts"), with their offsets. */
function tokensOf(text: string): TextWord[] {
  const tokens: TextWord[] = [];
  for (const match of text.matchAll(TOKENS)) {
    const word = match[1];
    if (word !== undefined)
      tokens.push({ word, start: match.index, end: match.index + word.length });
  }
  return tokens;
}

/** A token's parts between hyphens (and, in Latvian, apostrophes), each checked on its own. */
function partsOf(token: TextWord, language: SpellingLanguage): TextWord[] {
  // Latvian has no apostrophes inside words: "Rīgas'" is the word and a quote mark.
  const separators = language === 'en' ? /[-‐‑]/ : /[-‐‑'’]/;
  const parts: TextWord[] = [];
  let start = token.start;
  for (const word of token.word.split(separators)) {
    parts.push({ word, start, end: start + word.length });
    start += word.length + 1;
  }
  return parts.filter(({ word }) => !skipped(word));
}

/** The words of a text to check, each with its offsets; what is not a word is left out. */
export function wordsOf(text: string, language: SpellingLanguage): TextWord[] {
  return tokensOf(text).flatMap((token) => partsOf(token, language));
}

/**
 * The misspelt words of a text with their suggestions. A hyphenated word the dictionary knows
 * whole is taken whole; otherwise each part is checked. A word before a full stop may be an
 * abbreviation the dictionary knows with it. A word misspelt several times is
 * checked and given suggestions once; only the first `MAX_SUGGESTED_WORDS` get any.
 */
export function spellingIssues(
  text: string,
  language: SpellingLanguage,
  dictionary: Hunspell,
): SpellingIssue[] {
  const verdicts = new Map<string, string[] | null>();
  let suggested = 0;
  const verdict = (typed: string): string[] | null => {
    // The dictionaries are precomposed: "e" and a combining macron is "ē".
    const word = typed.normalize('NFC');
    let suggestions = verdicts.get(word);
    if (suggestions === undefined) {
      if (dictionary.correct(word)) suggestions = null;
      else suggestions = suggested++ < MAX_SUGGESTED_WORDS ? dictionary.suggest(word) : [];
      verdicts.set(word, suggestions);
    }
    return suggestions;
  };
  const issues: SpellingIssue[] = [];
  for (const token of tokensOf(text)) {
    const parts = partsOf(token, language);
    if (parts.length > 1 && dictionary.correct(token.word)) continue;
    for (const part of parts) {
      // An abbreviation is in the dictionary with its full stop ("Nr.", "piem.").
      if (text.charAt(part.end) === '.' && dictionary.correct(`${part.word}.`)) continue;
      const suggestions = verdict(part.word);
      if (suggestions !== null) issues.push({ ...part, suggestions });
    }
  }
  return issues;
}
