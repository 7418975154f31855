import { sql, type Kysely } from 'kysely';

// A published report keeps the figures it was published with: the method's figures, the analysis
// and the questionnaire they were read against, stored with the report when it is published, so
// that answers imported or a plan changed later do not change what staff have already read.
// Reports published before this column existed have none and show the current figures.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table survey_reports add column published_figures jsonb`.execute(db);
}
