import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import type { IdeaAddressee, IdeaState, StaffIdeasTable } from '../../db/schema';

/** Which ideas a box holds: those the person wrote, or those sent to them. */
export type IdeaBox =
  | { box: 'mine'; authorId: string }
  | {
      box: 'received';
      /** Ideas to the manager of these units. */
      headedUnitIds: string[];
      /** Ideas to these addressees (the roles the person holds). */
      addressees: IdeaAddressee[];
    };

/** An idea with the names it shows: author, unit, who answered, the task it led to. */
function ideasWithNames(db: Executor) {
  return db
    .selectFrom('staff_ideas as i')
    .innerJoin('staff as a', 'a.id', 'i.author_id')
    .leftJoin('units as u', 'u.id', 'i.unit_id')
    .leftJoin('staff as r', 'r.id', 'i.responded_by')
    .leftJoin('improvement_tasks as t', 't.id', 'i.improvement_task_id')
    .selectAll('i')
    .select([
      'a.given_name as author_given_name',
      'a.surname as author_surname',
      'u.name as unit_name',
      'r.given_name as responder_given_name',
      'r.surname as responder_surname',
      't.title as task_title',
    ]);
}

export type IdeaRow = NonNullable<Awaited<ReturnType<typeof findIdeaById>>>;

export async function findIdeaById(db: Executor, id: string) {
  return ideasWithNames(db).where('i.id', '=', id).executeTakeFirst();
}

export async function findIdeas(
  db: Executor,
  filter: { box: IdeaBox; state?: IdeaState | undefined; limit: number; offset: number },
) {
  const { box } = filter;
  let query = ideasWithNames(db)
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (box.box === 'mine') query = query.where('i.author_id', '=', box.authorId);
  else
    query = query.where((eb) => {
      const sentTo = [];
      if (box.headedUnitIds.length > 0)
        sentTo.push(
          eb.and([eb('i.addressee', '=', 'manager'), eb('i.unit_id', 'in', box.headedUnitIds)]),
        );
      if (box.addressees.length > 0) sentTo.push(eb('i.addressee', 'in', box.addressees));
      return eb.or(sentTo);
    });
  if (filter.state) query = query.where('i.state', '=', filter.state);
  return query.execute();
}

export async function insertIdea(db: Executor, row: Insertable<StaffIdeasTable>) {
  return db.insertInto('staff_ideas').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Applies the changes only when the row still has the version the client read. */
export async function updateIdea(
  db: Executor,
  { id, version, changes }: { id: string; version: number; changes: Updateable<StaffIdeasTable> },
) {
  return db
    .updateTable('staff_ideas')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

// Units and people belong to other modules; these only read them.

/** The author's primary unit, else any unit of theirs. */
export async function findPrimaryUnitId(db: Executor, staffId: string) {
  const row = await db
    .selectFrom('staff_units')
    .select('unit_id')
    .where('staff_id', '=', staffId)
    .orderBy('is_primary', 'desc')
    .orderBy('unit_id')
    .executeTakeFirst();
  return row?.unit_id;
}

export async function unitExists(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
