import type { TClientSummary } from '../../../contracts/clients.contracts';
import type { TPersonContact } from '../../../contracts/common';
import type {
  TCall,
  TCallback,
  TExchange,
  TPhoneLine,
} from '../../../contracts/telephony.contracts';
import { CALLBACK_ATTEMPTS } from '../../../domain/calls';
import type { CallbackAttemptsTable, TelephonyExchangesTable } from '../../db/schema';
import type { Selectable } from 'kysely';
import type { CallRow, CallbackRow, LineRow } from './telephony.repository';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentExchange(row: Selectable<TelephonyExchangesTable>): TExchange {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

export function presentLine(row: LineRow): TPhoneLine {
  return {
    unit: { id: row.unit_id, name: row.unit_name },
    number: row.number,
    rotation: row.rotation,
    menuKey: row.menu_key,
    informationLine: row.information_line,
    version: row.version,
  };
}

export function presentCall(
  row: CallRow,
  related: { clients: Map<string, TClientSummary>; people: Map<string, TPersonContact> },
): TCall {
  const person = row.staff_id ? related.people.get(row.staff_id) : undefined;
  return {
    id: row.id,
    direction: row.direction,
    state: row.state,
    from: row.from_number,
    to: row.to_number,
    number: row.number,
    unit: row.unit_id && row.unit_name ? { id: row.unit_id, name: row.unit_name } : null,
    client: (row.client_id && related.clients.get(row.client_id)) || null,
    staff: person
      ? {
          id: person.id,
          givenName: person.givenName,
          surname: person.surname,
          position: person.position,
          phone: person.phone,
          email: person.email,
        }
      : null,
    startedAt: row.started_at.toISOString(),
    answeredAt: iso(row.answered_at),
    endedAt: iso(row.ended_at),
    hangupCause: row.hangup_cause,
    transferredTo: row.transferred_to,
    durationSeconds:
      row.answered_at && row.ended_at
        ? Math.max(0, Math.round((row.ended_at.getTime() - row.answered_at.getTime()) / 1000))
        : null,
    hasRecording: row.has_recording,
    contactId: row.contact_id,
    requestId: row.request_id,
    callbackId: row.callback_id,
  };
}

const contactOf = (person: TPersonContact | undefined): TPersonContact | null =>
  person
    ? {
        id: person.id,
        givenName: person.givenName,
        surname: person.surname,
        position: person.position,
        phone: person.phone,
        email: person.email,
      }
    : null;

export function presentCallback(
  row: CallbackRow,
  related: {
    clients: Map<string, TClientSummary>;
    people: Map<string, TPersonContact>;
    attempts: Selectable<CallbackAttemptsTable>[];
    now: Date;
  },
): TCallback {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    callId: row.call_id,
    number: row.number,
    client: (row.client_id && related.clients.get(row.client_id)) || null,
    unit: { id: row.unit_id, name: row.unit_name },
    calledAt: row.called_at.toISOString(),
    visibleFrom: row.visible_from.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: row.state !== 'closed' && row.due_at.getTime() < related.now.getTime(),
    claimedBy: row.claimed_by ? contactOf(related.people.get(row.claimed_by)) : null,
    claimedAt: iso(row.claimed_at),
    attempts: related.attempts
      .filter((attempt) => attempt.callback_id === row.id)
      .map((attempt) => ({
        id: attempt.id,
        at: attempt.at.toISOString(),
        staff: attempt.staff_id ? contactOf(related.people.get(attempt.staff_id)) : null,
        outcome: attempt.outcome,
        note: attempt.note,
      })),
    maxAttempts: CALLBACK_ATTEMPTS,
    closedAt: iso(row.closed_at),
    closing: row.closing,
    requestId: row.request_id,
    hasRecording: row.has_recording,
    version: row.version,
  };
}
