import { sql, type Kysely } from 'kysely';
import { feedbackSearchText, type FeedbackSearchable } from '../../../domain/feedback';

// Feedback is searched like every other registry (decision 7): its search text folded, each word
// of the query found with `LIKE '%word%'` through a trigram index. Items stored before were only
// lower-cased, so "berzins" missed "Bērziņš"; they are folded anew here by the domain's rule, a
// batch at a time, and the index is built on the folded text.
const BATCH = 500;

export async function up(db: Kysely<unknown>): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<
      FeedbackSearchable & { id: string }
    >`select id, reference, text, name, email, phone, topic
      from feedback_items where id > ${after}::uuid order by id limit ${BATCH}`.execute(db);
    const last = rows[rows.length - 1];
    if (!last) break;
    const folded = rows.map((row) => sql`(${row.id}::uuid, ${feedbackSearchText(row)})`);
    await sql`update feedback_items f set search_text = v.search_text
      from (values ${sql.join(folded)}) as v(id, search_text)
      where f.id = v.id`.execute(db);
    after = last.id;
  }
  await sql`create index feedback_items_search_idx on feedback_items using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
}
