import type { z } from 'zod';
import type { CreateContactBody } from '../../../contracts/contacts.contracts';
import type { TClientSummary } from '../../../contracts/clients.contracts';
import type { Channel } from '../../../domain/channels';
import {
  CLIENT_FIELD_NAMES,
  clientFieldsOf,
  EMPTY_CLIENT_FIELDS,
  type ClientFieldValues,
} from '../clients/ClientFields';
import { MAX_SERVICES, newServiceRow, type ServiceRow } from './ServiceRows';

export const CLIENT_MODES = ['existing', 'person', 'organisation', 'anonymous'] as const;
export type ClientMode = (typeof CLIENT_MODES)[number];

export interface ReceptionValues {
  channel: Channel;
  unitId: string;
  clientMode: ClientMode;
  client: TClientSummary | null;
  newClient: ClientFieldValues;
  reason: string;
  requests: ServiceRow[];
  queue: boolean;
}

export const emptyReception = (unitId: string): ReceptionValues => ({
  channel: 'in_person',
  unitId,
  clientMode: 'existing',
  client: null,
  newClient: EMPTY_CLIENT_FIELDS,
  reason: '',
  requests: [newServiceRow(unitId)],
  queue: false,
});

/**
 * A phone contact about a call: the client when the number is theirs, else a new person with the
 * caller's number, which the clerk may change to a client found or to anonymous.
 */
export const phoneReception = (
  unitId: string,
  call: { number: string; client: TClientSummary | null },
): ReceptionValues => ({
  ...emptyReception(unitId),
  channel: 'phone',
  ...(call.client
    ? { clientMode: 'existing', client: call.client }
    : { clientMode: 'person', newClient: { ...EMPTY_CLIENT_FIELDS, phone: call.number } }),
});

type ContactBody = z.input<typeof CreateContactBody>;

function clientOf(values: ReceptionValues): Pick<ContactBody, 'clientId' | 'newClient'> {
  switch (values.clientMode) {
    case 'existing':
      return values.client ? { clientId: values.client.id } : {};
    case 'person':
      return { newClient: { kind: 'person', ...clientFieldsOf('person', values.newClient) } };
    case 'organisation':
      return {
        newClient: { kind: 'organisation', ...clientFieldsOf('organisation', values.newClient) },
      };
    case 'anonymous':
      return {};
  }
}

/** The contact as the server takes it: one client (or none) and every service asked for. */
export function contactBodyOf(values: ReceptionValues): ContactBody {
  return {
    channel: values.channel,
    unitId: values.unitId,
    reason: values.reason,
    queue: values.queue,
    ...clientOf(values),
    requests: values.requests.map((row) => ({
      service: row.service,
      kind: row.kind,
      unitId: row.unitId,
      ...(row.ownerId ? { ownerId: row.ownerId } : {}),
      ...(row.catalogued
        ? { serviceId: row.catalogued.id, institutionId: row.catalogued.institution?.id ?? null }
        : {}),
    })),
  };
}

const sameNames = (names: readonly string[]): Record<string, string> =>
  Object.fromEntries(names.map((name) => [name, name]));

const SERVICE_FIELDS = Array.from({ length: MAX_SERVICES }, (_, index) =>
  ['service', 'kind', 'unitId', 'ownerId'].map((name) => `requests.${index}.${name}`),
).flat();

// The catalogue's service and its institution are chosen in the service field.
const CATALOGUE_FIELDS = Object.fromEntries(
  Array.from({ length: MAX_SERVICES }, (_, index) =>
    ['serviceId', 'institutionId'].map((name): [string, string] => [
      `requests.${index}.${name}`,
      `requests.${index}.service`,
    ]),
  ).flat(),
);

/** The server's field names and the form's: a service row's fields keep their index. */
export const RECEPTION_FIELDS: Record<string, string> = {
  ...sameNames(['channel', 'unitId', 'reason']),
  clientId: 'client',
  ...sameNames(CLIENT_FIELD_NAMES.map((name) => `newClient.${name}`)),
  // Anything else about the new client (e.g. both a chosen and a new one) belongs to the choice.
  newClient: 'client',
  ...sameNames(SERVICE_FIELDS),
  ...CATALOGUE_FIELDS,
};
