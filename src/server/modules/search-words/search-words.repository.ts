import { sql } from 'kysely';
import type { Executor } from '../../db/database';

/** The least trigram similarity for an indexed word to stand in for a mistyped one. */
const NEAREST_SIMILARITY = 0.45;
/** How many stand-ins a mistyped word gets. */
const NEAREST_COUNT = 3;

/** The words of the given rows' search vectors, added to the word list once each. */
export async function learnWordsOf(
  db: Executor,
  table: 'articles' | 'services',
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    insert into search_words (word)
    select distinct word
    from ${sql.table(table)} t, unnest(tsvector_to_array(t.search_vector)) as word
    where t.id in (${sql.join(ids)}) and length(word) between 3 and 40
      -- Only words: the parser also makes tokens of addresses and paths, which are no stand-in
      -- for anything a person types.
      and word ~ '^[[:alnum:]]+$'
    on conflict do nothing`.execute(db);
}

/**
 * For each word that starts no indexed word, the indexed words nearest to it by trigrams, most
 * similar first. A word that starts some indexed word is taken as typed.
 */
export async function findNearestWords(
  db: Executor,
  words: readonly string[],
): Promise<{ word: string; nearest: string; similarity: number }[]> {
  if (words.length === 0) return [];
  const result = await sql<{ word: string; nearest: string; similarity: number }>`
    select q.word, n.word as nearest, n.similarity
    from unnest(${sql.val([...words])}::text[]) as q(word)
    cross join lateral (
      select w.word, similarity(w.word, q.word) as similarity
      from search_words w
      where w.word % q.word and similarity(w.word, q.word) >= ${NEAREST_SIMILARITY}
      order by similarity(w.word, q.word) desc, w.word
      limit ${NEAREST_COUNT}
    ) n
    where length(q.word) >= 4
      -- Query words are letters and digits only, so LIKE needs no escaping; the trigram index
      -- answers it.
      and not exists (select 1 from search_words k where k.word like q.word || '%')`.execute(db);
  return result.rows;
}
