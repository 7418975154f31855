import { setImmediate as nextTurn } from 'node:timers/promises';
import type { TCheckSpellingBody, TSpellingResult } from '../../../contracts/spelling.contracts';
import { Hunspell, parseHunspellInSteps } from '../../../domain/hunspell';
import { LANGUAGE_MAPS, spellingIssues, type SpellingLanguage } from '../../../domain/spelling';
import type { ActionContext } from '../../http/access';

/** Reads a language's dictionary package: its .aff and .dic as UTF-8 text. */
async function readDictionary(language: SpellingLanguage): Promise<{ aff: string; dic: string }> {
  // Imported only when first needed: each package reads its files as it loads.
  const { default: dictionary } =
    language === 'lv' ? await import('dictionary-lv') : await import('dictionary-en');
  const text = new TextDecoder();
  return { aff: text.decode(dictionary.aff), dic: text.decode(dictionary.dic) };
}

/** The dictionary parsed a step at a time, other requests served between the steps. */
async function parse(aff: string, dic: string) {
  const steps = parseHunspellInSteps(aff, dic);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}

/**
 * One dictionary per language for the whole process, read on first use (about half a second
 * for Latvian, decision 44): every caller, and every app built in the process, shares the one
 * promise, so concurrent first requests wait for a single read.
 */
const loaded = new Map<SpellingLanguage, Promise<Hunspell>>();

export function dictionaryFor(language: SpellingLanguage): Promise<Hunspell> {
  let found = loaded.get(language);
  if (!found) {
    found = readDictionary(language).then(
      async ({ aff, dic }) => new Hunspell(await parse(aff, dic), { map: LANGUAGE_MAPS[language] }),
    );
    // A failed read is not kept: the next request tries again.
    found.catch(() => loaded.delete(language));
    loaded.set(language, found);
  }
  return found;
}

/**
 * Spell checking of the letters a clerk writes (clause 21.2.7): misspelt words with
 * suggestions; the clerk may send the letter anyway. Nothing is stored or audited: the text is
 * a draft that only its writer sees.
 */
export function createSpellingService() {
  return {
    async check(_ctx: ActionContext, body: TCheckSpellingBody): Promise<TSpellingResult> {
      const dictionary = await dictionaryFor(body.language);
      return {
        language: body.language,
        issues: spellingIssues(body.text, body.language, dictionary),
      };
    },
  };
}
export type SpellingService = ReturnType<typeof createSpellingService>;
