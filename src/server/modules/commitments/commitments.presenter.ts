import { commitmentUrgency } from '../../../domain/commitments';
import type { TCommitment, TCommitmentPage } from '../../../contracts/commitments.contracts';
import type { CommitmentRow } from './commitments.repository';

/** A promise with its keeper; how pressing it is depends on the time now. */
export function presentCommitment(row: CommitmentRow, now: Date): TCommitment {
  return {
    id: row.id,
    requestId: row.request_id,
    requestNumber: row.request_number,
    what: row.what,
    dueAt: row.due_at.toISOString(),
    form: row.form,
    keeper: {
      id: row.keeper_id,
      givenName: row.keeper_given_name,
      surname: row.keeper_surname,
      position: row.keeper_position,
      phone: row.keeper_phone,
      email: row.keeper_email,
    },
    keptAt: row.kept_at?.toISOString() ?? null,
    urgency: commitmentUrgency({ dueAt: row.due_at, keptAt: row.kept_at }, now),
    version: row.version,
  };
}

/** One page of a person's promises; the total comes with each row. */
export function presentCommitmentPage(
  rows: ReadonlyArray<CommitmentRow & { total: number }>,
  now: Date,
  query: { page: number; pageSize: number },
): TCommitmentPage {
  return {
    items: rows.map((row) => presentCommitment(row, now)),
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
