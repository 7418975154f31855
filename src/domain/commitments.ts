/** How a promise to the client is kept (clauses 11.9, 15.5.1): the answer's form. */
export const COMMITMENT_FORMS = ['phone', 'in_person', 'email', 'e_address', 'post'] as const;
export type CommitmentForm = (typeof COMMITMENT_FORMS)[number];

/** How pressing an open promise is: it turns red before it is due, not after. */
export type CommitmentUrgency = 'kept' | 'open' | 'due_soon' | 'overdue';

/** Hours before the due time when a promise turns red on the work list. */
export const DUE_SOON_HOURS = 24;

export function commitmentUrgency(
  commitment: { dueAt: Date; keptAt: Date | null },
  now: Date,
): CommitmentUrgency {
  if (commitment.keptAt) return 'kept';
  const left = commitment.dueAt.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_HOURS * 3_600_000 ? 'due_soon' : 'open';
}
