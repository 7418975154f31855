import { maskPersonalCode } from '../../../domain/personal-code';
import { isOpen, nextStates, type WorkScope } from '../../../domain/requests';
import type { TCommitment } from '../../../contracts/commitments.contracts';
import type { TAttachment, TOutgoingMessage } from '../../../contracts/correspondence.contracts';
import type {
  TLimitedRequest,
  TRequestDetail,
  TRequestPage,
  TRequestSummary,
  TWorkCounts,
} from '../../../contracts/requests.contracts';
import type {
  countWorkIn,
  findEvents,
  findLinked,
  findOutOfSight,
  RequestDetailRow,
  RequestRow,
} from './requests.repository';

type Moment = { now: Date; today: string };

/** A request as lists show it: the client's personal code masked; overdue and due today by Riga time. */
export function presentRequestSummary(row: RequestRow, { now, today }: Moment): TRequestSummary {
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

/** One page of a work list; a count that reached the cap says there are more. */
export function presentRequestPage(
  rows: RequestRow[],
  { counted, cap }: { counted: number; cap: number },
  query: { page: number; pageSize: number },
  moment: Moment,
): TRequestPage {
  return {
    items: rows.map((row) => presentRequestSummary(row, moment)),
    total: Math.min(counted, cap),
    totalIsLowerBound: counted > cap,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A request its viewer may not open, as its registrar sees it: no client, no content. */
export function presentLimitedRequest(
  row: Awaited<ReturnType<typeof findOutOfSight>>['mine'][number],
): TLimitedRequest {
  return {
    id: row.id,
    number: row.number,
    service: row.service,
    unit: { id: row.unit_id, name: row.unit_name },
    state: row.state,
  };
}

/** A request's page: the request, its timeline, and what hangs on it, presented by its owners. */
export function presentRequestDetail(
  parts: {
    row: RequestDetailRow;
    events: Awaited<ReturnType<typeof findEvents>>;
    commitments: TCommitment[];
    attachments: TAttachment[];
    /** Only the linked requests the viewer may see. */
    links: Awaited<ReturnType<typeof findLinked>>;
    outgoingMessages: TOutgoingMessage[];
  },
  moment: Moment,
): TRequestDetail {
  const { row } = parts;
  return {
    ...presentRequestSummary(row, moment),
    contactId: row.contact_id,
    caseType: row.case_type,
    clientLanguage:
      row.client_language === 'lv' || row.client_language === 'en' || row.client_language === 'ru'
        ? row.client_language
        : null,
    institution:
      row.institution_id && row.institution_name
        ? { id: row.institution_id, name: row.institution_name }
        : null,
    policyCode: row.policy_code,
    receivedAt: row.received_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    tags: row.tags,
    nextStates: [...nextStates(row.state)],
    timeline: parts.events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      actor:
        event.actor_staff_id && event.actor_name
          ? { id: event.actor_staff_id, name: event.actor_name }
          : null,
      kind: event.kind,
      data: event.data,
    })),
    commitments: parts.commitments,
    attachments: parts.attachments,
    links: parts.links.map((l) => ({
      id: l.id,
      number: l.number,
      service: l.service,
      state: l.state,
    })),
    outgoingMessages: parts.outgoingMessages,
  };
}

/** The numbers on the work lists' tabs. */
export function presentWorkCounts(
  counts: Awaited<ReturnType<typeof countWorkIn>>,
  commitmentsDue: number,
): TWorkCounts {
  return {
    mine: counts.open,
    referred: counts.referred,
    dueToday: counts.due_today,
    overdue: counts.overdue,
    commitmentsDue,
  };
}

/** The requests and promises of a start page, each section counted with its first few. */
export function presentWork(
  work: {
    scope: WorkScope;
    counts: Awaited<ReturnType<typeof countWorkIn>>;
    dueToday: RequestRow[];
    overdue: RequestRow[];
    referred: RequestRow[];
    promises: { count: number; items: TCommitment[] };
  },
  moment: Moment,
) {
  const summaries = (rows: RequestRow[]) => rows.map((row) => presentRequestSummary(row, moment));
  return {
    date: moment.today,
    scope: work.scope.kind,
    dueToday: { count: work.counts.due_today, items: summaries(work.dueToday) },
    overdue: { count: work.counts.overdue, items: summaries(work.overdue) },
    referred: { count: work.counts.referred, items: summaries(work.referred) },
    commitments: work.promises,
  };
}
