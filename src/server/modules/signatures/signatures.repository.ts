import type { Executor } from '../../db/database';

function selectTemplates(db: Executor) {
  return db
    .selectFrom('signature_templates as t')
    .leftJoin('staff as s', 's.id', 't.updated_by')
    .select([
      't.language',
      't.template',
      't.version',
      't.updated_at',
      't.updated_by',
      's.given_name as updated_by_given_name',
      's.surname as updated_by_surname',
    ]);
}
export type SignatureTemplateRow = Awaited<ReturnType<typeof findSignatureTemplates>>[number];

export async function findSignatureTemplates(db: Executor) {
  return selectTemplates(db).orderBy('t.language', 'desc').execute();
}

export async function findSignatureTemplate(db: Executor, language: string) {
  return selectTemplates(db).where('t.language', '=', language).executeTakeFirst();
}

/** Writes the template if the version is the one read; whether it did. */
export async function updateSignatureTemplate(
  db: Executor,
  change: { language: string; template: string; version: number; by: string | null; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('signature_templates')
    .set((eb) => ({
      template: change.template,
      version: eb('version', '+', 1),
      updated_by: change.by,
      updated_at: change.at,
    }))
    .where('language', '=', change.language)
    .where('version', '=', change.version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * What a signature shows of a person: their profile, their primary unit (its phone when they
 * have none of their own) and the unit's institution with its website.
 */
export async function findSignatureProfile(db: Executor, staffId: string) {
  return db
    .selectFrom('staff as s')
    .leftJoin('staff_units as su', (join) =>
      join.onRef('su.staff_id', '=', 's.id').on('su.is_primary', '=', true),
    )
    .leftJoin('units as u', 'u.id', 'su.unit_id')
    .leftJoin('institutions as i', 'i.id', 'u.institution_id')
    .select([
      's.given_name',
      's.surname',
      's.position',
      's.phone',
      's.email',
      'u.name as unit_name',
      'u.phone as unit_phone',
      'i.name as institution_name',
      'i.website as institution_website',
    ])
    .where('s.id', '=', staffId)
    .executeTakeFirst();
}
export type SignatureProfileRow = NonNullable<Awaited<ReturnType<typeof findSignatureProfile>>>;
