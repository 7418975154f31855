import { sql } from 'kysely';
import type { Executor } from '../../db/database';

/** A wave as its web pages need it: state, questionnaire and the survey's title and intro. */
function wavesWithSurvey(db: Executor) {
  return db
    .selectFrom('survey_waves as w')
    .innerJoin('questionnaire_versions as q', 'q.id', 'w.questionnaire_version_id')
    .innerJoin('surveys as s', 's.id', 'w.survey_id')
    .select(['w.id', 'w.state', 'q.definition', 's.title', 's.title_en', 's.description']);
}

export async function findWaveByPublicToken(db: Executor, token: string) {
  return wavesWithSurvey(db).where('w.public_token', '=', token).executeTakeFirst();
}

export async function findWaveById(db: Executor, id: string) {
  return wavesWithSurvey(db).where('w.id', '=', id).executeTakeFirst();
}
export type WebWave = NonNullable<Awaited<ReturnType<typeof findWaveById>>>;

/** An invitation by the digest of its token, locked when the caller is about to change it. */
export async function findInvitationByTokenHash(
  db: Executor,
  tokenHash: string,
  forUpdate = false,
) {
  let query = db
    .selectFrom('survey_invitations')
    .select(['id', 'wave_id', 'response_id', 'used_at'])
    .where('token_hash', '=', tokenHash);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** A web response by the digest of the token in the respondent's cookie. */
export async function findResponseByResumeHash(db: Executor, resumeHash: string) {
  return db
    .selectFrom('survey_responses')
    .select(['id', 'wave_id', 'state', 'answers'])
    .where('resume_token_hash', '=', resumeHash)
    .where('source', '=', 'web')
    .executeTakeFirst();
}

export async function findResponseById(db: Executor, id: string) {
  return db
    .selectFrom('survey_responses')
    .select(['id', 'wave_id', 'state', 'answers'])
    .where('id', '=', id)
    .executeTakeFirst();
}
export type WebResponse = NonNullable<Awaited<ReturnType<typeof findResponseById>>>;

export async function linkInvitationResponse(
  db: Executor,
  invitationId: string,
  responseId: string,
): Promise<void> {
  await db
    .updateTable('survey_invitations')
    .set({ response_id: responseId })
    .where('id', '=', invitationId)
    .execute();
}

export async function markInvitationUsed(db: Executor, invitationId: string, at: Date) {
  await db
    .updateTable('survey_invitations')
    .set({ used_at: at })
    .where('id', '=', invitationId)
    .execute();
}

/** A wave's state, locked so that invitations are not made while it closes. */
export async function findWaveStateForUpdate(db: Executor, waveId: string) {
  return db
    .selectFrom('survey_waves')
    .select(['id', 'state'])
    .where('id', '=', waveId)
    .forUpdate()
    .executeTakeFirst();
}

export async function waveExists(db: Executor, waveId: string): Promise<boolean> {
  const row = await db
    .selectFrom('survey_waves')
    .select('id')
    .where('id', '=', waveId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Of the given addresses, those the wave has invited already. */
export async function findInvitedEmails(
  db: Executor,
  waveId: string,
  emails: readonly string[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db
    .selectFrom('survey_invitations')
    .select('email')
    .where('wave_id', '=', waveId)
    .where('email', 'in', emails)
    .execute();
  return new Set(rows.map((row) => row.email));
}

export async function insertInvitations(
  db: Executor,
  rows: ReadonlyArray<{ waveId: string; email: string; tokenHash: string; at: Date }>,
) {
  if (rows.length === 0) return [];
  return db
    .insertInto('survey_invitations')
    .values(
      rows.map((row) => ({
        wave_id: row.waveId,
        email: row.email,
        token_hash: row.tokenHash,
        created_at: row.at,
      })),
    )
    .returning(['id', 'email'])
    .execute();
}

/** A page of a wave's invitations, the newest first; never their token digests. */
export async function findInvitations(
  db: Executor,
  waveId: string,
  page: { limit: number; offset: number },
) {
  return db
    .selectFrom('survey_invitations')
    .select([
      'id',
      'email',
      'created_at',
      'used_at',
      sql<number>`(count(*) over ())::int`.as('total'),
    ])
    .where('wave_id', '=', waveId)
    .orderBy('created_at', 'desc')
    .orderBy('email')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
export type InvitationRow = Awaited<ReturnType<typeof findInvitations>>[number];
