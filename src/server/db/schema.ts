import type {
  ColumnType,
  Generated,
  GeneratedAlways,
  Insertable,
  Selectable,
  Updateable,
} from 'kysely';
import type { AbsenceKind } from '../../domain/absences';
import type { CatiOutcome, CatiState, Disposition, RefusalReason } from '../../domain/cati';
import type { Channel, ClientKind } from '../../domain/channels';
import type {
  AttemptOutcome,
  CallbackClosing,
  CallbackKind,
  CallbackState,
  CallDirection,
  CallEvent,
  CallState,
  HangupCause,
  Rotation,
} from '../../domain/calls';
import type { CommitmentForm } from '../../domain/commitments';
import type { DeadlineUnit } from '../../domain/deadlines';
import type { ArticleKind } from '../../domain/knowledge';
import type { OpeningHours } from '../../domain/opening-hours';
import type { InstitutionKind, UnitKind } from '../../domain/organisation';
import type { Questionnaire } from '../../domain/questionnaire';
import type { RequestKind, RequestState } from '../../domain/requests';
import type { Role } from '../../domain/roles';
import type { RatingDimension } from '../../domain/survey-stats';

// Row types of the database, written by hand to match the migrations. `date` columns come back
// as 'YYYY-MM-DD' strings and bigint identities as numbers (see database.ts type parsers).
// A column whose values the migrations limit (a check, or only the code writing it) is typed with
// the domain's union, and a JSON column with the shape written into it, so rows need no casts.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface InstitutionsTable {
  id: Generated<string>;
  name: string;
  short_name: string | null;
  kind: InstitutionKind;
  registration_number: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  active: Generated<boolean>;
  search_text: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnitsTable {
  id: Generated<string>;
  institution_id: string;
  parent_id: string | null;
  name: string;
  kind: UnitKind;
  address: string | null;
  phone: string | null;
  email: string | null;
  opening_hours: Json<OpeningHours>;
  active: Generated<boolean>;
  /** It serves external clients, so it reports its shortcomings yearly (clause 29). */
  serves_external_clients: Generated<boolean>;
  search_text: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StaffTable {
  id: Generated<string>;
  given_name: string;
  surname: string;
  position: string;
  email: string;
  phone: string | null;
  competences: string[];
  active: Generated<boolean>;
  password_hash: string | null;
  search_text: string;
  sort_name: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StaffRolesTable {
  staff_id: string;
  role: Role;
}

export interface StaffUnitsTable {
  staff_id: string;
  unit_id: string;
  is_primary: boolean;
}

export interface AbsencesTable {
  id: Generated<string>;
  staff_id: string;
  kind: AbsenceKind;
  starts_on: string;
  ends_on: string;
  substitute_id: string | null;
  note: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  staff_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  name: string;
  staff_id: string | null;
  roles: Role[];
  token_hash: string;
  token_prefix: string;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: Timestamp;
  succeeded: boolean;
  /** The trusted device the attempt came from, when it carried one (decision 27). */
  device_id: string | null;
}

export interface SignInDevicesTable {
  device_id: string;
  staff_id: string;
  created_at: Timestamp;
  last_used_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_staff_id: string | null;
  actor_token_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  context: Json<unknown> | null;
  request_id: string | null;
  ip: string | null;
}

export interface CalendarDaysOffTable {
  id: Generated<string>;
  date: string;
  kind: 'one-off' | 'festival';
  name: string;
  source: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CalendarTransfersTable {
  id: Generated<string>;
  day_off: string;
  working_day: string;
  source: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The organisation's calendar settings, the one key of `settings` (migration 0002). */
export interface CalendarSettingsJson {
  followTransfers: boolean;
  standardHours: OpeningHours;
}

export interface SettingsTable {
  key: string;
  value: Json<CalendarSettingsJson>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface DeadlinePoliciesTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: string;
  channel: Channel | null;
  client_kind: ClientKind | null;
  case_type: string | null;
  count: number;
  unit: DeadlineUnit;
  after_hours_next_day: boolean;
  same_day_cutoff: string | null;
  source: string;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ClientsTable {
  id: Generated<string>;
  kind: 'person' | 'organisation' | 'internal';
  given_name: string | null;
  surname: string | null;
  name: string | null;
  personal_code: string | null;
  registration_number: string | null;
  staff_id: string | null;
  phone: string | null;
  email: string | null;
  e_address: string | null;
  address: string | null;
  preferred_language: 'lv' | 'en' | 'ru' | null;
  preferred_channel: Channel | null;
  consent_notes: string | null;
  merged_into: string | null;
  search_text: string;
  sort_name: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContactsTable {
  id: Generated<string>;
  channel: Channel;
  occurred_at: Timestamp;
  client_id: string | null;
  client_kind: ClientKind;
  staff_id: string | null;
  unit_id: string | null;
  reason: string | null;
  outcome: string | null;
  next_steps: string | null;
  offered_services: Generated<string[]>;
  closed_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface QueueEntriesTable {
  id: Generated<string>;
  contact_id: string;
  unit_id: string;
  external: boolean;
  in_person: boolean;
  arrived_at: Timestamp;
  state: 'waiting' | 'serving' | 'done' | 'left';
  assigned_to: string | null;
  called_at: Timestamp | null;
  finished_at: Timestamp | null;
  version: Generated<number>;
}

export interface ServiceRequestsTable {
  id: Generated<string>;
  number: string;
  /** The number zero-padded, so that it sorts as a number (generated). */
  number_order: GeneratedAlways<string>;
  contact_id: string;
  client_id: string | null;
  client_kind: ClientKind;
  channel: Channel;
  service: string;
  kind: RequestKind;
  case_type: string | null;
  institution_id: string | null;
  unit_id: string;
  owner_id: string | null;
  state: RequestState;
  policy_code: string | null;
  received_at: Timestamp;
  due_on: string;
  due_at: Timestamp;
  answered_at: Timestamp | null;
  closed_at: Timestamp | null;
  referred_at: Timestamp | null;
  referred_by: string | null;
  tags: Generated<string[]>;
  search_text: string;
  /** The catalogue's service, when the request was made from it; `service` keeps its name. */
  service_id: string | null;
  /** Who registered it; they keep seeing its number, service, unit and state (decision 22). */
  registered_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RequestEventsTable {
  id: Generated<number>;
  request_id: string;
  at: Timestamp;
  actor_staff_id: string | null;
  kind: string;
  data: Json<Record<string, unknown>>;
}

export interface CommitmentsTable {
  id: Generated<string>;
  request_id: string;
  what: string;
  due_at: Timestamp;
  form: CommitmentForm;
  keeper_id: string;
  kept_at: Timestamp | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface RequestLinksTable {
  request_id: string;
  related_id: string;
  created_at: Timestamp;
}

export interface AttachmentsTable {
  id: Generated<string>;
  request_id: string;
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface OutgoingMessagesTable {
  id: Generated<string>;
  request_id: string;
  channel: Channel;
  recipient: string | null;
  subject: string;
  body: string;
  due_at: Timestamp;
  state: 'due' | 'sent' | 'failed' | 'cancelled';
  /** Request attachments sent with the message (e.g. an article as PDF). */
  attachment_ids: Generated<string[]>;
  created_by: string | null;
  created_at: Timestamp;
  /** A letter that left other than through its channel: how, by whom, when. */
  delivered_by: string | null;
  delivered_at: Timestamp | null;
  delivery: 'handed_over' | 'printed' | 'other' | null;
  delivery_note: string | null;
  kind: Generated<OutgoingKind>;
  /** The mailbox it leaves from (its From); none: the organisation's default. */
  mailbox_id: string | null;
  /** Given when it is queued, so the thread it starts is known before it leaves. */
  message_id: string | null;
  in_reply_to: string | null;
  reference_ids: Generated<string[]>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  /** The mail server's last answer when sending failed. */
  last_error: string | null;
  sent_at: Timestamp | null;
}

export type OutgoingKind = 'letter' | 'reply' | 'interim' | 'acknowledgement' | 'out_of_office';

export interface MailboxesTable {
  id: Generated<string>;
  name: string;
  /** The address residents write to, and the From of what leaves from it. */
  address: string;
  unit_id: string;
  /** The deadline policy its requests get; none: chosen by channel and client kind. */
  policy_code: string | null;
  /** Receives through Apkalpo's own SMTP receiver. */
  smtp_enabled: Generated<boolean>;
  /** Takes mail for any recipient the receiver is given (a catch-all, as in the demo). */
  accept_any_recipient: Generated<boolean>;
  imap_host: string | null;
  imap_port: number | null;
  imap_tls: Generated<boolean>;
  imap_user: string | null;
  /** Encrypted with the key from the environment; never shown back. */
  imap_password: Buffer | null;
  imap_folder: Generated<string>;
  /** Where an imported message is moved; none: it is marked seen. */
  imap_done_folder: string | null;
  ack_enabled: Generated<boolean>;
  ack_subject_lv: Generated<string>;
  ack_body_lv: Generated<string>;
  ack_subject_en: Generated<string>;
  ack_body_en: Generated<string>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MailboxStatesTable {
  mailbox_id: string;
  connected: Generated<boolean>;
  checked_at: Timestamp | null;
  last_message_at: Timestamp | null;
  last_error: string | null;
  last_error_at: Timestamp | null;
  uid_validity: number | null;
  last_uid: number | null;
}

export type InboundState = 'imported' | 'quarantined' | 'released' | 'flagged' | 'discarded';
export type InboundFlag = 'malformed' | 'too_large' | 'undecodable';

export interface SpamReasonJson {
  /** Which check: rspamd, authentication, rate_limit, block_list. */
  check: string;
  detail: string;
  score?: number;
}

export interface InboundMessagesTable {
  id: Generated<string>;
  /** None for the e-address gateway. */
  mailbox_id: string | null;
  channel: 'email' | 'e_address';
  source: 'smtp' | 'imap' | 'e_address';
  /** The source's own key: IMAP "UIDVALIDITY:UID", the gateway's message id. */
  source_key: string | null;
  /** The Message-ID header without angle brackets. */
  message_id: string | null;
  in_reply_to: string | null;
  reference_ids: Generated<string[]>;
  from_address: string | null;
  from_name: string | null;
  to_addresses: Generated<string[]>;
  subject: Generated<string>;
  sent_at: Timestamp | null;
  received_at: Timestamp;
  size: number;
  /** The message as received (the .eml). */
  raw: Buffer;
  text_body: string | null;
  /** Sanitised by the safe-HTML rules, remote images replaced until a clerk allows them. */
  html_body: string | null;
  has_remote_images: Generated<boolean>;
  remote_images_allowed_by: string | null;
  remote_images_allowed_at: Timestamp | null;
  attachment_ids: Generated<string[]>;
  /** Auto-submitted, a list or a bounce (RFC 3834): never answered automatically. */
  auto_submitted: Generated<boolean>;
  state: InboundState;
  spam_score: number | null;
  spam_reasons: ColumnType<SpamReasonJson[], string | undefined, string>;
  flag_reason: InboundFlag | null;
  request_id: string | null;
  contact_id: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  created_at: Timestamp;
}

/** A sender whose mail goes to quarantine: a whole address or "@domain" (lower-case). */
export interface MailBlocklistTable {
  id: Generated<string>;
  entry: string;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface SignatureTemplatesTable {
  language: string;
  template: string;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface TextModulesTable {
  id: Generated<string>;
  title: string;
  language: string;
  body: string;
  active: Generated<boolean>;
  search_text: Generated<string>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IncidentsTable {
  id: Generated<string>;
  contact_id: string;
  unit_id: string | null;
  description: string;
  police_called: boolean;
  security_called: boolean;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface TelephonyExchangesTable {
  id: Generated<string>;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

export interface TelephonyLinesTable {
  unit_id: string;
  /** Normalised (`normalisePhone`), as the exchange's numbers are compared with it. */
  number: string;
  rotation: Rotation;
  menu_key: string | null;
  information_line: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A round robin line's place: unlogged, emptied by a crash (migration 0023). */
export interface TelephonyTurnsTable {
  unit_id: string;
  /** Who was rung first on the line's last call; null: nobody yet. */
  last_routed_staff_id: string | null;
}

export interface TelephonyExtensionsTable {
  staff_id: string;
  extension: string;
  last_call_ended_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface CallsTable {
  id: Generated<string>;
  exchange_id: string;
  external_id: string;
  direction: CallDirection;
  from_number: string;
  to_number: string;
  /** The resident's number, normalised: the caller's (incoming) or the one called (outgoing). */
  number: string;
  unit_id: string | null;
  client_id: string | null;
  staff_id: string | null;
  extension: string | null;
  state: CallState;
  started_at: Timestamp;
  answered_at: Timestamp | null;
  ended_at: Timestamp | null;
  hangup_cause: HangupCause | null;
  transferred_to: string | null;
  voicemail_at: Timestamp | null;
  menu_key: string | null;
  contact_id: string | null;
  request_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CallEventsTable {
  id: GeneratedAlways<number>;
  call_id: string;
  event: CallEvent;
  /** The event's name; a transfer's with its target, as a call may be transferred twice. */
  event_key: string;
  at: Timestamp;
  payload: Json<Record<string, unknown>>;
  received_at: Timestamp;
}

export interface CallRecordingsTable {
  call_id: string;
  content_type: string;
  size: number;
  content: Buffer;
  source_url: string | null;
  stored_at: Timestamp;
}

export interface CallRecordingFetchesTable {
  call_id: string;
  url: string;
  attempts: Generated<number>;
  /** When it is next tried; null once fetched or given up. */
  next_attempt_at: Timestamp | null;
  last_error: string | null;
  fetched_at: Timestamp | null;
  created_at: Timestamp;
}

export interface CallbacksTable {
  id: Generated<string>;
  kind: CallbackKind;
  call_id: string;
  unit_id: string;
  client_id: string | null;
  number: string;
  called_at: Timestamp;
  visible_from: Timestamp;
  due_at: Timestamp;
  policy_code: string | null;
  state: CallbackState;
  claimed_by: string | null;
  claimed_at: Timestamp | null;
  attempt_count: Generated<number>;
  closed_at: Timestamp | null;
  closing: CallbackClosing | null;
  request_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CallbackAttemptsTable {
  id: Generated<string>;
  callback_id: string;
  staff_id: string | null;
  at: Timestamp;
  outcome: AttemptOutcome;
  note: string | null;
}

export type FeedbackKind = 'praise' | 'complaint' | 'suggestion';
export type FeedbackState = 'new' | 'evaluated' | 'answered' | 'closed';
export type EscalationLevel = 'manager' | 'head' | 'ethics';

export interface FeedbackItemsTable {
  id: Generated<string>;
  /** What the client is told and quotes back. */
  reference: string;
  kind: FeedbackKind;
  channel: Channel;
  unit_id: string;
  staff_id: string | null;
  text: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  language: Generated<'lv' | 'en'>;
  client_id: string | null;
  /** The request (an e-mail's) it was made from. */
  source_request_id: string | null;
  /** The request the answer to the client leaves through. */
  answer_request_id: string | null;
  /** None: the public form. */
  registered_by: string | null;
  received_at: Timestamp;
  state: FeedbackState;
  /** The delegate who evaluates it in the client service head's place. */
  evaluator_id: string | null;
  topic: string | null;
  justified: boolean | null;
  serious: Generated<boolean>;
  /** Never shown to the person the feedback is about. */
  evaluation_notes: string | null;
  actions: string | null;
  evaluated_by: string | null;
  evaluated_at: Timestamp | null;
  answer_due_on: string | null;
  answer_due_at: Timestamp | null;
  answered_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** The level of its open escalation, if any. */
  escalation_level: EscalationLevel | null;
  search_text: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FeedbackAttachmentsTable {
  id: Generated<string>;
  feedback_id: string;
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
  uploaded_at: Timestamp;
}

export interface FeedbackEscalationsTable {
  id: Generated<string>;
  feedback_id: string;
  level: EscalationLevel;
  unit_id: string | null;
  opened_at: Timestamp;
  opened_by: string | null;
  reason: string | null;
  due_on: string;
  due_at: Timestamp;
  closed_at: Timestamp | null;
  closed_by: string | null;
  outcome: 'resolved' | 'escalated' | 'overdue' | null;
  decision: string | null;
}

/** A key the server signs with, shared by its workers (the feedback form's fill-time token). */
export interface ServerKeysTable {
  name: string;
  secret: Buffer;
  created_at: Timestamp;
}

export interface PublicFeedbackAttemptsTable {
  id: Generated<string>;
  address: string;
  at: Timestamp;
}

export type ImprovementTaskState = 'planned' | 'in_progress' | 'done' | 'cancelled';

export interface ImprovementTasksTable {
  id: Generated<string>;
  unit_id: string;
  title: string;
  description: Generated<string>;
  owner_id: string | null;
  due_on: string;
  state: ImprovementTaskState;
  outcome: string | null;
  feedback_id: string | null;
  survey_id: string | null;
  survey_wave_id: string | null;
  survey_factor: string | null;
  created_by: string | null;
  completed_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnitReportsTable {
  id: Generated<string>;
  unit_id: string;
  year: number;
  state: 'draft' | 'submitted';
  /** The unit's figures for the year, as taken from the records. */
  figures: Json<Record<string, number>>;
  shortcomings: Generated<string>;
  measures: Generated<string>;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type IdeaAddressee = 'manager' | 'client_service_head' | 'deputy_executive_director';
export type IdeaState = 'submitted' | 'under_review' | 'accepted' | 'rejected' | 'implemented';

export interface StaffIdeasTable {
  id: Generated<string>;
  author_id: string;
  addressee: IdeaAddressee;
  /** For an idea to the manager: the unit whose head receives it. */
  unit_id: string | null;
  title: string;
  text: string;
  state: IdeaState;
  response: string | null;
  responded_by: string | null;
  responded_at: Timestamp | null;
  improvement_task_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DB {
  institutions: InstitutionsTable;
  units: UnitsTable;
  staff: StaffTable;
  staff_roles: StaffRolesTable;
  staff_units: StaffUnitsTable;
  absences: AbsencesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  sign_in_devices: SignInDevicesTable;
  audit_log: AuditLogTable;
  calendar_days_off: CalendarDaysOffTable;
  calendar_transfers: CalendarTransfersTable;
  settings: SettingsTable;
  deadline_policies: DeadlinePoliciesTable;
  clients: ClientsTable;
  contacts: ContactsTable;
  queue_entries: QueueEntriesTable;
  service_requests: ServiceRequestsTable;
  request_events: RequestEventsTable;
  commitments: CommitmentsTable;
  request_links: RequestLinksTable;
  attachments: AttachmentsTable;
  outgoing_messages: OutgoingMessagesTable;
  incidents: IncidentsTable;
  mailboxes: MailboxesTable;
  mailbox_states: MailboxStatesTable;
  inbound_messages: InboundMessagesTable;
  mail_blocklist: MailBlocklistTable;
  signature_templates: SignatureTemplatesTable;
  text_modules: TextModulesTable;
  search_words: SearchWordsTable;
  services: ServicesTable;
  service_relations: ServiceRelationsTable;
  articles: ArticlesTable;
  article_versions: ArticleVersionsTable;
  article_services: ArticleServicesTable;
  article_files: ArticleFilesTable;
  news: NewsTable;
  news_reads: NewsReadsTable;
  surveys: SurveysTable;
  questionnaire_versions: QuestionnaireVersionsTable;
  survey_waves: SurveyWavesTable;
  survey_sample_plans: SurveySamplePlansTable;
  survey_responses: SurveyResponsesTable;
  survey_tallies: SurveyTalliesTable;
  survey_invitations: SurveyInvitationsTable;
  cati_sample: CatiSampleTable;
  cati_attempts: CatiAttemptsTable;
  cati_qc_checks: CatiQcChecksTable;
  survey_reports: SurveyReportsTable;
  telephony_exchanges: TelephonyExchangesTable;
  telephony_lines: TelephonyLinesTable;
  telephony_turns: TelephonyTurnsTable;
  telephony_extensions: TelephonyExtensionsTable;
  calls: CallsTable;
  call_events: CallEventsTable;
  call_recordings: CallRecordingsTable;
  call_recording_fetches: CallRecordingFetchesTable;
  callbacks: CallbacksTable;
  callback_attempts: CallbackAttemptsTable;
  feedback_items: FeedbackItemsTable;
  feedback_attachments: FeedbackAttachmentsTable;
  feedback_escalations: FeedbackEscalationsTable;
  public_feedback_attempts: PublicFeedbackAttemptsTable;
  improvement_tasks: ImprovementTasksTable;
  unit_reports: UnitReportsTable;
  staff_ideas: StaffIdeasTable;
  server_keys: ServerKeysTable;
}

export type InstitutionRow = Selectable<InstitutionsTable>;
export type NewInstitutionRow = Insertable<InstitutionsTable>;
export type InstitutionUpdate = Updateable<InstitutionsTable>;
export type UnitRow = Selectable<UnitsTable>;
export type NewUnitRow = Insertable<UnitsTable>;
export type UnitUpdate = Updateable<UnitsTable>;
export type StaffRow = Selectable<StaffTable>;
export type NewStaffRow = Insertable<StaffTable>;
export type StaffUpdate = Updateable<StaffTable>;
export type AbsenceRow = Selectable<AbsencesTable>;
export type NewAbsenceRow = Insertable<AbsencesTable>;
export type AbsenceUpdate = Updateable<AbsencesTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
/** A link to a document, form or legal act on a service card. */
export interface LinkJson {
  title: string;
  url: string | null;
}

export interface SearchWordsTable {
  word: string;
}

export interface ServicesTable {
  id: Generated<string>;
  name: string;
  name_en: string | null;
  kind: RequestKind;
  description: string;
  audience: string | null;
  territory: string | null;
  fee: string | null;
  duration: string | null;
  steps: string[];
  documents: Json<LinkJson[]>;
  legal_acts: Json<LinkJson[]>;
  notices: string | null;
  institution_id: string | null;
  unit_id: string | null;
  /** Staff whose competences include this word handle the service. */
  competence: string | null;
  e_service_url: string | null;
  owner_id: string;
  review_on: string;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  active: Generated<boolean>;
  search_text: string;
  /** Generated by the database from the name, description and the rest. */
  search_vector: ColumnType<string, never, never>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceRelationsTable {
  service_id: string;
  related_id: string;
}

export interface ArticlesTable {
  id: Generated<string>;
  slug: string;
  kind: ArticleKind;
  language: 'lv' | 'en';
  title: string;
  summary: string | null;
  body_html: string;
  body_text: string;
  visibility: 'internal' | 'public';
  owner_id: string;
  review_on: string;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  /** The number of the latest saved version (article_versions). */
  revision: Generated<number>;
  archived_at: Timestamp | null;
  search_text: string;
  /** Generated by the database from the title, summary and text. */
  search_vector: ColumnType<string, never, never>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ArticleVersionsTable {
  article_id: string;
  revision: number;
  kind: ArticleKind;
  language: 'lv' | 'en';
  title: string;
  summary: string | null;
  body_html: string;
  body_text: string;
  visibility: 'internal' | 'public';
  note: string | null;
  edited_by: string | null;
  edited_at: Timestamp;
}

export interface ArticleServicesTable {
  article_id: string;
  service_id: string;
}

export interface ArticleFilesTable {
  id: Generated<string>;
  article_id: string;
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface NewsTable {
  id: Generated<string>;
  title: string;
  body_html: string;
  body_text: string;
  important: Generated<boolean>;
  unit_id: string | null;
  author_id: string | null;
  published_at: Timestamp;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NewsReadsTable {
  news_id: string;
  staff_id: string;
  read_at: Timestamp;
}

export interface SurveysTable {
  id: Generated<string>;
  title: string;
  title_en: string | null;
  kind: 'client' | 'staff' | 'other';
  description: Generated<string>;
  quadrant_labels: ColumnType<
    Record<string, { lv?: string; en?: string }>,
    string | undefined,
    string
  >;
  owner_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface QuestionnaireVersionsTable {
  id: Generated<string>;
  survey_id: string;
  number: number;
  /** A `Questionnaire` (src/domain/questionnaire.ts), written as JSON text. */
  definition: Json<Questionnaire>;
  frozen_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface SurveyWavesTable {
  id: Generated<string>;
  survey_id: string;
  questionnaire_version_id: string;
  name: string;
  state: Generated<'draft' | 'open' | 'closed'>;
  public_token: string | null;
  fieldwork_start: ColumnType<string | null, string | null | undefined, string | null>;
  fieldwork_end: ColumnType<string | null, string | null | undefined, string | null>;
  retry_rules: ColumnType<Record<string, number>, string | undefined, string>;
  /** numeric: read as text. */
  qc_fraction: ColumnType<string, string | number | undefined, string | number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SurveySamplePlansTable {
  wave_id: string;
  total: number;
  min_per_stratum: number | null;
  strata: Json<Array<{ name: string; size: number; max: number | null }>>;
  allocation: Json<Record<string, number>>;
  per_unit_cap: number | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface SurveyResponsesTable {
  id: Generated<string>;
  wave_id: string;
  respondent: string;
  stratum: string | null;
  source: 'web' | 'cati' | 'import';
  state: 'in_progress' | 'complete';
  /** Answers by CSV column name, written as JSON text. */
  answers: ColumnType<Record<string, string>, string | undefined, string>;
  interviewer_id: string | null;
  resume_token_hash: string | null;
  qc_considered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  started_at: Timestamp;
  completed_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface SurveyTalliesTable {
  wave_id: string;
  stratum: Generated<string>;
  factor: string;
  dimension: RatingDimension;
  c1: Generated<number>;
  c2: Generated<number>;
  c3: Generated<number>;
  c4: Generated<number>;
  dk: Generated<number>;
}

export interface SurveyInvitationsTable {
  id: Generated<string>;
  wave_id: string;
  email: string;
  token_hash: string;
  response_id: string | null;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

export interface CatiSampleTable {
  id: Generated<string>;
  wave_id: string;
  name: string;
  phone: string;
  organisation: string | null;
  stratum: string | null;
  state: Generated<CatiState>;
  attempts: Generated<number>;
  next_call_at: Timestamp | null;
  final_disposition: Disposition | null;
  assigned_to: string | null;
  assigned_until: Timestamp | null;
  response_id: string | null;
  created_at: Timestamp;
}

export interface CatiAttemptsTable {
  id: Generated<string>;
  sample_id: string;
  interviewer_id: string | null;
  called_at: Timestamp;
  outcome: CatiOutcome;
  refusal_reason: RefusalReason | null;
  appointment_at: Timestamp | null;
  note: string | null;
}

export interface CatiQcChecksTable {
  response_id: string;
  wave_id: string;
  interviewer_id: string | null;
  drawn_at: Timestamp;
  verdict: 'pass' | 'remarks' | 'fail' | null;
  feedback: string | null;
  checked_by: string | null;
  checked_at: Timestamp | null;
}

export interface SurveyReportsTable {
  id: Generated<string>;
  survey_id: string;
  wave_id: string;
  title: string;
  border_waves: Generated<string[]>;
  method_html: Generated<string>;
  conclusions_html: Generated<string>;
  recommendations_html: Generated<string>;
  quotes: ColumnType<
    Array<{ responseId: string; column: string; text: string }>,
    string | undefined,
    string
  >;
  published_at: Timestamp | null;
  published_by: string | null;
  /** The figures as published (a ReportFigures, JSON); null for a draft. */
  published_figures: ColumnType<unknown, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ServiceRow = Selectable<ServicesTable>;
export type NewServiceRow = Insertable<ServicesTable>;
export type ServiceUpdate = Updateable<ServicesTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type ArticleVersionRow = Selectable<ArticleVersionsTable>;
export type NewsRow = Selectable<NewsTable>;
export type NewNewsRow = Insertable<NewsTable>;
export type NewsUpdate = Updateable<NewsTable>;

export type NewClientRow = Insertable<ClientsTable>;

export type NewSurveyRow = Insertable<SurveysTable>;
export type SurveyUpdate = Updateable<SurveysTable>;
export type SurveyWaveUpdate = Updateable<SurveyWavesTable>;
