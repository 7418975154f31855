import { closeStandIns } from '../../../domain/knowledge-search';
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

    /** Stand-ins for query words that match no indexed word, by word: the nearest few alike. */
    async alternativesFor(
      executor: Executor,
      words: readonly string[],
    ): Promise<Map<string, string[]>> {
      const near = new Map<string, Array<{ word: string; similarity: number }>>();
      for (const { word, nearest, similarity } of await findNearestWords(executor, words))
        near.set(word, [...(near.get(word) ?? []), { word: nearest, similarity }]);
      return new Map([...near].map(([word, candidates]) => [word, closeStandIns(candidates)]));
    },
  };
}
export type SearchWordsService = ReturnType<typeof createSearchWordsService>;
