import type { TFailedLetter } from '../../../contracts/outbox.contracts';
import type { findFailedLetters } from './outbox.repository';

/** A letter that could not be sent, with the mail server's answer. */
export function presentFailedLetter(
  row: Awaited<ReturnType<typeof findFailedLetters>>[number],
): TFailedLetter {
  return {
    id: row.id,
    request: { id: row.request_id, number: row.request_number },
    recipient: row.recipient,
    subject: row.subject,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
  };
}
