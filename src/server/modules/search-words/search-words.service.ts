import type { Executor } from '../../db/database';
import { findNearestWords, learnWordsOf } from './search-words.repository';

/**
 * Every word the knowledge base and the catalogue index, so that a query word with a typo
 * ("deklaresana" typed "deklarseana") is replaced by the indexed words nearest to it. Words are
 * only added: a word no longer used costs a row and at worst suggests a near word that finds
 * nothing.
 */
export function createSearchWordsService() {
  return {
    /** Records the words of rows just saved (in the caller's transaction). */
    learn(executor: Executor, table: 'articles' | 'services', ids: readonly string[]) {
      return learnWordsOf(executor, table, ids);
    },

    /** Stand-ins for query words that match no indexed word, by word. */
    async alternativesFor(
      executor: Executor,
      words: readonly string[],
    ): Promise<Map<string, string[]>> {
      const alternatives = new Map<string, string[]>();
      for (const { word, nearest } of await findNearestWords(executor, words))
        alternatives.set(word, [...(alternatives.get(word) ?? []), nearest]);
      return alternatives;
    },
  };
}
export type SearchWordsService = ReturnType<typeof createSearchWordsService>;
