import { commitmentUrgency } from '../../../domain/commitments';
import { maskPersonalCode } from '../../../domain/personal-code';
import { isOpen } from '../../../domain/requests';
import type { TCommitment, TRequestSummary } from '../../../contracts/requests.contracts';
import type { CommitmentRow, RequestRow } from './requests.repository';

/** A request as lists show it: the client's personal code masked; overdue and due today by Riga time. */
export function presentRequestSummary(
  row: RequestRow,
  { now, today }: { now: Date; today: string },
): TRequestSummary {
  const open = isOpen(row.state);
  return {
    id: row.id,
    number: row.number,
    service: row.service,
    serviceId: row.service_id,
    kind: row.kind,
    state: row.state,
    client:
      row.client_id && row.client_record_kind
        ? {
            id: row.client_id,
            kind: row.client_record_kind,
            displayName:
              row.client_name ??
              [row.client_given_name, row.client_surname].filter(Boolean).join(' '),
            personalCodeMasked: row.client_personal_code
              ? maskPersonalCode(row.client_personal_code)
              : null,
            registrationNumber: row.client_registration_number,
            phone: row.client_phone,
            email: row.client_email,
          }
        : null,
    clientKind: row.client_kind,
    channel: row.channel,
    unit: { id: row.unit_id, name: row.unit_name },
    owner:
      row.owner_id && row.owner_given_name && row.owner_surname && row.owner_email
        ? {
            id: row.owner_id,
            givenName: row.owner_given_name,
            surname: row.owner_surname,
            position: row.owner_position ?? '',
            phone: row.owner_phone,
            email: row.owner_email,
          }
        : null,
    dueOn: row.due_on,
    dueAt: row.due_at.toISOString(),
    overdue: open && row.due_at.getTime() < now.getTime(),
    dueToday: open && row.due_on === today,
    referred: row.referred_at !== null,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

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
