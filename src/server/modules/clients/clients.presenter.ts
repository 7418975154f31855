import { maskPersonalCode } from '../../../domain/personal-code';
import { foldForSearch, searchTextOf } from '../../../domain/search-text';
import type { TClient, TClientSummary } from '../../../contracts/clients.contracts';
import type { ClientRow, ClientSummaryRow } from './clients.repository';

type SearchFieldName =
  | 'given_name'
  | 'surname'
  | 'name'
  | 'personal_code'
  | 'registration_number'
  | 'phone'
  | 'email'
  | 'e_address';
type SearchFields = Partial<Record<SearchFieldName, string | null>>;

/**
 * What a clerk may type to find a client: the name, either form of the personal code or
 * registration number, the phone number with or without spaces, the email.
 */
export function clientSearchTextOf(fields: SearchFields): string {
  const compact = (value: string | null | undefined) => value?.replace(/\D/g, '') ?? null;
  return searchTextOf([
    fields.given_name,
    fields.surname,
    fields.name,
    fields.personal_code,
    compact(fields.personal_code),
    fields.registration_number,
    fields.phone,
    compact(fields.phone),
    fields.email,
    fields.e_address,
  ]);
}

/** The name lists sort by: surname first, folded. */
export const clientSortNameOf = (fields: Pick<SearchFields, 'given_name' | 'surname' | 'name'>) =>
  foldForSearch(fields.name ?? `${fields.surname ?? ''} ${fields.given_name ?? ''}`);

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
    preferredChannel: row.preferred_channel,
    consentNotes: row.consent_notes,
    mergedInto: row.merged_into,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
