import { maskPersonalCode } from '../../../domain/personal-code';
import type { Channel } from '../../../domain/channels';
import type { TClient, TClientSummary } from '../../../contracts/clients.contracts';
import type { ClientRow, ClientSummaryRow } from './clients.repository';

/** How a client is named: a person and a colleague by name, an organisation by its name. */
export function displayNameOf(
  row: Pick<ClientSummaryRow, 'given_name' | 'surname' | 'name'>,
): string {
  return row.name ?? [row.given_name, row.surname].filter(Boolean).join(' ');
}

/** A client in a list: the personal code masked, never whole. */
export function presentClientSummary(row: ClientSummaryRow): TClientSummary {
  return {
    id: row.id,
    kind: row.kind,
    displayName: displayNameOf(row),
    personalCodeMasked: row.personal_code ? maskPersonalCode(row.personal_code) : null,
    registrationNumber: row.registration_number,
    phone: row.phone,
    email: row.email,
  };
}

export function presentClient(row: ClientRow): TClient {
  return {
    ...presentClientSummary(row),
    givenName: row.given_name,
    surname: row.surname,
    name: row.name,
    personalCode: row.personal_code,
    staffId: row.staff_id,
    eAddress: row.e_address,
    address: row.address,
    preferredLanguage: row.preferred_language,
    preferredChannel: row.preferred_channel as Channel | null,
    consentNotes: row.consent_notes,
    mergedInto: row.merged_into,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
