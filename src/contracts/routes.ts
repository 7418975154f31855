/**
 * The API's route table: for every `/api/v1` endpoint, its method and path (as the server's
 * router writes it, without the `/api/v1` prefix), the schemas of its path parameters, query and
 * body, and its answers by status. The server's routes use these very schema objects, and a test
 * (`src/server/http/routes.test.ts`) proves the table and the registered routes are one; the web
 * app's client (`src/web/api/client.ts`) types each call from the path it asks for.
 */
import type { z } from 'zod';
import {
  Absence,
  AbsencePage,
  CreateAbsenceBody,
  ListAbsencesQuery,
  UpdateAbsenceBody,
} from './absences.contracts';
import {
  Article,
  ArticleFile,
  ArticlePage,
  ArticleVersionDetail,
  ArticleVersionList,
  CompareQuery,
  CreateArticleBody,
  FileParams,
  ListArticlesQuery,
  RestoreBody,
  ReviewPage,
  ReviewedBody,
  ReviewsQuery,
  SearchQuery,
  SearchResults,
  UpdateArticleBody,
  VersionComparison,
  VersionParams,
} from './articles.contracts';
import { AuditPage, AuditQuery } from './audit.contracts';
import { ControlAnswer, ControlCsvQuery, ControlQuery } from './control.contracts';
import {
  CreateUnitReportBody,
  SubmitUnitReportBody,
  UnitReport,
  UnitReportPage,
  UnitReportsQuery,
  UpdateUnitReportBody,
} from './unit-reports.contracts';
import {
  CreateImprovementTaskBody,
  ImprovementTask,
  ImprovementTaskPage,
  ListImprovementTasksQuery,
  MoveImprovementTaskBody,
  UpdateImprovementTaskBody,
} from './improvements.contracts';
import { CreateIdeaBody, Idea, IdeaPage, ListIdeasQuery, MoveIdeaBody } from './ideas.contracts';
import {
  MySignature,
  MySignatureQuery,
  SignatureLanguageParams,
  SignatureTemplate,
  SignatureTemplates,
  UpdateSignatureTemplateBody,
} from './signatures.contracts';
import {
  CreateTextModuleBody,
  ListTextModulesQuery,
  TextModule,
  TextModulePage,
  UpdateTextModuleBody,
} from './text-modules.contracts';
import { ChangePasswordBody, LoginBody, Me } from './auth.contracts';
import {
  CalendarDays,
  CalendarDaysQuery,
  CalendarFactsQuery,
  CalendarSettings,
  CreateDayOffBody,
  CreatePolicyBody,
  CreateTransferBody,
  DayOff,
  DayOffList,
  Deadline,
  DeadlinePolicy,
  DeadlinePolicyList,
  DeadlineQuery,
  Transfer,
  TransferList,
  UpdateCalendarSettingsBody,
  UpdateDayOffBody,
  UpdatePolicyBody,
  UpdateTransferBody,
} from './calendar.contracts';
import {
  CreateServiceBody,
  ListServicesQuery,
  MarkReviewedBody,
  Service,
  ServicePage,
  SuggestedServices,
  SuggestedServicesQuery,
  UpdateServiceBody,
} from './catalogue.contracts';
import {
  AddSampleBody,
  AddSampleResult,
  CatiCase,
  CatiSummary,
  OptionalNextCaseBody,
  QcDrawResult,
  QcItem,
  QcList,
  QcParams,
  QcVerdictBody,
  RecordAttemptBody,
  RecordAttemptResult,
  SamplePage,
  SampleQuery,
  SaveCaseAnswersBody,
} from './cati.contracts';
import {
  AccessLogQuery,
  Client,
  ClientAccessLogAnswer,
  ClientPage,
  CreateClientBody,
  ListClientsQuery,
  MergeClientBody,
  UpdateClientBody,
} from './clients.contracts';
import { DeleteQuery, IdParams } from './common';
import {
  CloseContactBody,
  Contact,
  CreateContactBody,
  CreateIncidentBody,
  Incident,
  IncidentPage,
  ListIncidentsQuery,
} from './contacts.contracts';
import { DirectoryFacets, DirectoryPage, DirectoryQuery } from './directory.contracts';
import {
  CreateInstitutionBody,
  Institution,
  InstitutionPage,
  ListInstitutionsQuery,
  UpdateInstitutionBody,
} from './institutions.contracts';
import { MyWork } from './my-work.contracts';
import {
  CreateNewsBody,
  ListNewsQuery,
  NewsItem,
  NewsPage,
  NewsReaders,
  UpdateNewsBody,
} from './news.contracts';
import {
  AssignQueueEntryBody,
  CallNextBody,
  LeaveQueueBody,
  Queue,
  QueueEntry,
  QueueQuery,
} from './queue.contracts';
import { CheckSpellingBody, SpellingResult } from './spelling.contracts';
import {
  Commitment,
  CommitmentPage,
  CreateCommitmentBody,
  KeepCommitmentBody,
  ListCommitmentsQuery,
} from './commitments.contracts';
import {
  AttachmentCreated,
  AttachmentParams,
  DeliveryBody,
  MessageParams,
  ReplyBody,
} from './correspondence.contracts';
import { FailedLetterPage, FailedLettersQuery } from './outbox.contracts';
import {
  BlocklistEntry,
  BlocklistPage,
  BlocklistQuery,
  CreateBlocklistBody,
  HeldMailQuery,
  InboundMessage,
  InboundMessageList,
  InboundMessagePage,
} from './mail.contracts';
import {
  ChangeStateBody,
  ExtendBody,
  LinkBody,
  LinkParams,
  ListRequestsQuery,
  NoteBody,
  OutOfSight,
  OutOfSightQuery,
  ReferBody,
  RequestDetail,
  RequestPage,
  RequestSummary,
  UpdateRequestBody,
  WorkCounts,
} from './requests.contracts';
import {
  CreateStaffBody,
  ListStaffQuery,
  SetPasswordBody,
  Staff,
  StaffPage,
  UpdateStaffBody,
} from './staff.contracts';
import {
  CommentsPage,
  CommentsQuery,
  CreateReportBody,
  ListReportsQuery,
  PublishReportBody,
  ReportPdfQuery,
  ReportView,
  ReportsPage,
  UpdateReportBody,
} from './survey-reports.contracts';
import {
  AnalysisQuery,
  CreateInvitationsBody,
  CreateSurveyBody,
  CreateWaveBody,
  CreatedInvitations,
  ExportQuery,
  ImportResult,
  InvitationsPage,
  ListInvitationsQuery,
  ListSurveysQuery,
  QuestionnaireVersion,
  QuestionnaireVersionQuery,
  SamplePlan,
  SamplePlanBody,
  SaveQuestionnaireBody,
  SurveyAnalysis,
  SurveyDetail,
  SurveysPage,
  UpdateSurveyBody,
  UpdateWaveBody,
  WaveDetail,
} from './surveys.contracts';
import {
  Call,
  CallEventAnswer,
  CallEventBody,
  CallPage,
  CallbackAttemptBody,
  Callback,
  CallbackPage,
  CallerCard,
  CallerQuery,
  CloseCallbackBody,
  CreateExchangeBody,
  CreatedExchange,
  Exchange,
  ExchangePage,
  LinkCallContactBody,
  ListCallbacksQuery,
  ListCallsQuery,
  ListExchangesQuery,
  ListExtensionsQuery,
  ListPhoneLinesQuery,
  Load,
  LoadQuery,
  PhoneLine,
  PhoneLinePage,
  PutExtensionBody,
  PutPhoneLineBody,
  RouteAnswer,
  RouteQuery,
  StaffExtension,
  StaffExtensionPage,
  StaffParams,
  UnitParams,
} from './telephony.contracts';
import {
  ApiToken,
  CreateTokenBody,
  CreatedToken,
  ListTokensQuery,
  TokenPage,
} from './tokens.contracts';
import { CreateUnitBody, ListUnitsQuery, Unit, UnitPage, UpdateUnitBody } from './units.contracts';
import {
  CreateMailboxBody,
  ListMailboxesQuery,
  Mailbox,
  MailboxPage,
  UpdateMailboxBody,
} from './mailboxes.contracts';

import {
  AnswerFeedbackBody,
  CloseFeedbackBody,
  EscalateFeedbackBody,
  EvaluateFeedbackBody,
  Feedback,
  FeedbackAttachmentParams,
  FeedbackEvaluatorBody,
  FeedbackFromRequestBody,
  FeedbackPage,
  ListFeedbackQuery,
  RegisterFeedbackBody,
  ResolveFeedbackBody,
} from './feedback.contracts';

/** A 204 answer: no body. */
export const NO_CONTENT = null;
/** A file's bytes, not JSON: the web app links to it rather than fetching it. */
export const FILE = 'file';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Route {
  params?: z.ZodType;
  query?: z.ZodType;
  /** The JSON body; `upload` routes take a multipart form with the file instead. */
  body?: z.ZodType;
  upload?: true;
  /** The success answers by status. */
  response: Partial<Record<200 | 201 | 204 | 206, z.ZodType | typeof NO_CONTENT | typeof FILE>>;
}

export const routes = {
  'POST /auth/login': { body: LoginBody, response: { 200: Me } },
  'POST /auth/logout': { response: { 204: NO_CONTENT } },
  'GET /auth/me': { response: { 200: Me } },
  'POST /auth/password': { body: ChangePasswordBody, response: { 204: NO_CONTENT } },
  'GET /tokens': { query: ListTokensQuery, response: { 200: TokenPage } },
  'POST /tokens': { body: CreateTokenBody, response: { 201: CreatedToken } },
  'POST /tokens/:id/revoke': { params: IdParams, response: { 200: ApiToken } },
  'GET /institutions': { query: ListInstitutionsQuery, response: { 200: InstitutionPage } },
  'GET /institutions/:id': { params: IdParams, response: { 200: Institution } },
  'POST /institutions': { body: CreateInstitutionBody, response: { 201: Institution } },
  'PATCH /institutions/:id': {
    params: IdParams,
    body: UpdateInstitutionBody,
    response: { 200: Institution },
  },
  'GET /units': { query: ListUnitsQuery, response: { 200: UnitPage } },
  'GET /units/:id': { params: IdParams, response: { 200: Unit } },
  'POST /units': { body: CreateUnitBody, response: { 201: Unit } },
  'PATCH /units/:id': { params: IdParams, body: UpdateUnitBody, response: { 200: Unit } },
  'GET /mailboxes': { query: ListMailboxesQuery, response: { 200: MailboxPage } },
  'GET /mailboxes/:id': { params: IdParams, response: { 200: Mailbox } },
  'POST /mailboxes': { body: CreateMailboxBody, response: { 201: Mailbox } },
  'PATCH /mailboxes/:id': { params: IdParams, body: UpdateMailboxBody, response: { 200: Mailbox } },
  'GET /staff': { query: ListStaffQuery, response: { 200: StaffPage } },
  'GET /staff/:id': { params: IdParams, response: { 200: Staff } },
  'POST /staff': { body: CreateStaffBody, response: { 201: Staff } },
  'PATCH /staff/:id': { params: IdParams, body: UpdateStaffBody, response: { 200: Staff } },
  'POST /staff/:id/password': { params: IdParams, body: SetPasswordBody, response: { 200: Staff } },
  'GET /absences': { query: ListAbsencesQuery, response: { 200: AbsencePage } },
  'GET /absences/:id': { params: IdParams, response: { 200: Absence } },
  'POST /absences': { body: CreateAbsenceBody, response: { 201: Absence } },
  'PATCH /absences/:id': { params: IdParams, body: UpdateAbsenceBody, response: { 200: Absence } },
  'DELETE /absences/:id': { params: IdParams, query: DeleteQuery, response: { 204: NO_CONTENT } },
  'GET /directory': { query: DirectoryQuery, response: { 200: DirectoryPage } },
  'GET /directory/facets': { response: { 200: DirectoryFacets } },
  'GET /calendar/days': { query: CalendarDaysQuery, response: { 200: CalendarDays } },
  'GET /calendar/deadline': { query: DeadlineQuery, response: { 200: Deadline } },
  'GET /calendar/settings': { response: { 200: CalendarSettings } },
  'PATCH /calendar/settings': {
    body: UpdateCalendarSettingsBody,
    response: { 200: CalendarSettings },
  },
  'GET /calendar/days-off': { query: CalendarFactsQuery, response: { 200: DayOffList } },
  'POST /calendar/days-off': { body: CreateDayOffBody, response: { 201: DayOff } },
  'PATCH /calendar/days-off/:id': {
    params: IdParams,
    body: UpdateDayOffBody,
    response: { 200: DayOff },
  },
  'DELETE /calendar/days-off/:id': {
    params: IdParams,
    query: DeleteQuery,
    response: { 204: NO_CONTENT },
  },
  'GET /calendar/transfers': { query: CalendarFactsQuery, response: { 200: TransferList } },
  'POST /calendar/transfers': { body: CreateTransferBody, response: { 201: Transfer } },
  'PATCH /calendar/transfers/:id': {
    params: IdParams,
    body: UpdateTransferBody,
    response: { 200: Transfer },
  },
  'DELETE /calendar/transfers/:id': {
    params: IdParams,
    query: DeleteQuery,
    response: { 204: NO_CONTENT },
  },
  'GET /calendar/policies': { response: { 200: DeadlinePolicyList } },
  'POST /calendar/policies': { body: CreatePolicyBody, response: { 201: DeadlinePolicy } },
  'PATCH /calendar/policies/:id': {
    params: IdParams,
    body: UpdatePolicyBody,
    response: { 200: DeadlinePolicy },
  },
  'GET /clients': { query: ListClientsQuery, response: { 200: ClientPage } },
  'GET /clients/:id': { params: IdParams, response: { 200: Client } },
  'POST /clients': { body: CreateClientBody, response: { 201: Client } },
  'PATCH /clients/:id': { params: IdParams, body: UpdateClientBody, response: { 200: Client } },
  'POST /clients/:id/merge': { params: IdParams, body: MergeClientBody, response: { 200: Client } },
  'GET /clients/:id/access-log': {
    params: IdParams,
    query: AccessLogQuery,
    response: { 200: ClientAccessLogAnswer },
  },
  'POST /contacts': { body: CreateContactBody, response: { 201: Contact } },
  'GET /contacts/:id': { params: IdParams, response: { 200: Contact } },
  'POST /contacts/:id/close': {
    params: IdParams,
    body: CloseContactBody,
    response: { 200: Contact },
  },
  'POST /contacts/:id/incidents': {
    params: IdParams,
    body: CreateIncidentBody,
    response: { 201: Incident },
  },
  'GET /incidents': { query: ListIncidentsQuery, response: { 200: IncidentPage } },
  'GET /requests/out-of-sight': { query: OutOfSightQuery, response: { 200: OutOfSight } },
  'GET /requests': { query: ListRequestsQuery, response: { 200: RequestPage } },
  'GET /requests/counts': { response: { 200: WorkCounts } },
  'GET /requests/:id': { params: IdParams, response: { 200: RequestDetail } },
  'PATCH /requests/:id': {
    params: IdParams,
    body: UpdateRequestBody,
    response: { 200: RequestSummary },
  },
  'POST /requests/:id/state': {
    params: IdParams,
    body: ChangeStateBody,
    response: { 200: RequestSummary },
  },
  'POST /requests/:id/referral': {
    params: IdParams,
    body: ReferBody,
    response: { 200: RequestSummary },
  },
  'POST /requests/:id/extension': {
    params: IdParams,
    body: ExtendBody,
    response: { 200: RequestSummary },
  },
  'POST /requests/:id/notes': { params: IdParams, body: NoteBody, response: { 204: NO_CONTENT } },
  'POST /requests/:id/replies': {
    params: IdParams,
    body: ReplyBody,
    response: { 200: RequestDetail },
  },
  'GET /requests/:id/mail': { params: IdParams, response: { 200: InboundMessageList } },
  'GET /mail/held': { query: HeldMailQuery, response: { 200: InboundMessagePage } },
  'GET /mail/messages/:id': { params: IdParams, response: { 200: InboundMessage } },
  'GET /mail/messages/:id/raw': { params: IdParams, response: { 200: FILE } },
  'POST /mail/messages/:id/release': { params: IdParams, response: { 200: InboundMessage } },
  'POST /mail/messages/:id/discard': { params: IdParams, response: { 200: InboundMessage } },
  'POST /mail/messages/:id/remote-images': {
    params: IdParams,
    response: { 200: InboundMessage },
  },
  'GET /mail/blocklist': { query: BlocklistQuery, response: { 200: BlocklistPage } },
  'POST /mail/blocklist': { body: CreateBlocklistBody, response: { 201: BlocklistEntry } },
  'DELETE /mail/blocklist/:id': { params: IdParams, response: { 204: NO_CONTENT } },
  'POST /requests/:id/messages/:messageId/delivery': {
    params: MessageParams,
    body: DeliveryBody,
    response: { 200: RequestDetail },
  },
  'GET /signature-templates': { response: { 200: SignatureTemplates } },
  'PUT /signature-templates/:language': {
    params: SignatureLanguageParams,
    body: UpdateSignatureTemplateBody,
    response: { 200: SignatureTemplate },
  },
  'GET /signatures/mine': { query: MySignatureQuery, response: { 200: MySignature } },
  'GET /text-modules': { query: ListTextModulesQuery, response: { 200: TextModulePage } },
  'GET /text-modules/:id': { params: IdParams, response: { 200: TextModule } },
  'POST /text-modules': { body: CreateTextModuleBody, response: { 201: TextModule } },
  'PATCH /text-modules/:id': {
    params: IdParams,
    body: UpdateTextModuleBody,
    response: { 200: TextModule },
  },
  'GET /outbox/failed': { query: FailedLettersQuery, response: { 200: FailedLetterPage } },
  'POST /outbox/:id/retry': { params: IdParams, response: { 204: NO_CONTENT } },
  'POST /requests/:id/commitments': {
    params: IdParams,
    body: CreateCommitmentBody,
    response: { 201: Commitment },
  },
  'GET /commitments': { query: ListCommitmentsQuery, response: { 200: CommitmentPage } },
  'POST /commitments/:id/kept': {
    params: IdParams,
    body: KeepCommitmentBody,
    response: { 200: Commitment },
  },
  'POST /requests/:id/links': { params: IdParams, body: LinkBody, response: { 204: NO_CONTENT } },
  'DELETE /requests/:id/links/:relatedId': { params: LinkParams, response: { 204: NO_CONTENT } },
  'POST /requests/:id/attachments': {
    params: IdParams,
    upload: true,
    response: { 201: AttachmentCreated },
  },
  'GET /requests/:id/attachments/:attachmentId': {
    params: AttachmentParams,
    response: { 200: FILE },
  },
  'GET /queue': { query: QueueQuery, response: { 200: Queue } },
  'POST /queue/next': { body: CallNextBody, response: { 200: QueueEntry } },
  'POST /queue/:id/assign': {
    params: IdParams,
    body: AssignQueueEntryBody,
    response: { 200: QueueEntry },
  },
  'POST /queue/:id/leave': {
    params: IdParams,
    body: LeaveQueueBody,
    response: { 200: QueueEntry },
  },
  'GET /my-work': { response: { 200: MyWork } },
  'GET /services': { query: ListServicesQuery, response: { 200: ServicePage } },
  'GET /services/suggestions': {
    query: SuggestedServicesQuery,
    response: { 200: SuggestedServices },
  },
  'GET /services/:id': { params: IdParams, response: { 200: Service } },
  'POST /services': { body: CreateServiceBody, response: { 201: Service } },
  'PATCH /services/:id': { params: IdParams, body: UpdateServiceBody, response: { 200: Service } },
  'POST /services/:id/reviewed': {
    params: IdParams,
    body: MarkReviewedBody,
    response: { 200: Service },
  },
  'GET /news': { query: ListNewsQuery, response: { 200: NewsPage } },
  'POST /news': { body: CreateNewsBody, response: { 201: NewsItem } },
  'PATCH /news/:id': { params: IdParams, body: UpdateNewsBody, response: { 200: NewsItem } },
  'POST /news/:id/read': { params: IdParams, response: { 204: NO_CONTENT } },
  'POST /news/read-all': { response: { 204: NO_CONTENT } },
  'GET /news/:id/readers': { params: IdParams, response: { 200: NewsReaders } },
  'POST /spelling': { body: CheckSpellingBody, response: { 200: SpellingResult } },
  'GET /surveys': { query: ListSurveysQuery, response: { 200: SurveysPage } },
  'POST /surveys': { body: CreateSurveyBody, response: { 201: SurveyDetail } },
  'GET /surveys/:id': { params: IdParams, response: { 200: SurveyDetail } },
  'PATCH /surveys/:id': {
    params: IdParams,
    body: UpdateSurveyBody,
    response: { 200: SurveyDetail },
  },
  'GET /surveys/:id/questionnaire': {
    params: IdParams,
    query: QuestionnaireVersionQuery,
    response: { 200: QuestionnaireVersion },
  },
  'PUT /surveys/:id/questionnaire': {
    params: IdParams,
    body: SaveQuestionnaireBody,
    response: { 200: SurveyDetail },
  },
  'POST /surveys/:id/waves': {
    params: IdParams,
    body: CreateWaveBody,
    response: { 201: WaveDetail },
  },
  'GET /surveys/:id/analysis': {
    params: IdParams,
    query: AnalysisQuery,
    response: { 200: SurveyAnalysis },
  },
  'GET /survey-waves/:id': { params: IdParams, response: { 200: WaveDetail } },
  'GET /survey-waves/:id/questionnaire': {
    params: IdParams,
    response: { 200: QuestionnaireVersion },
  },
  'PATCH /survey-waves/:id': {
    params: IdParams,
    body: UpdateWaveBody,
    response: { 200: WaveDetail },
  },
  'PUT /survey-waves/:id/sample-plan': {
    params: IdParams,
    body: SamplePlanBody,
    response: { 200: SamplePlan },
  },
  'POST /surveys/:id/answers': { params: IdParams, upload: true, response: { 201: ImportResult } },
  'GET /surveys/:id/answers': { params: IdParams, query: ExportQuery, response: { 200: FILE } },
  'POST /survey-waves/:id/invitations': {
    params: IdParams,
    body: CreateInvitationsBody,
    response: { 201: CreatedInvitations },
  },
  'GET /survey-waves/:id/invitations': {
    params: IdParams,
    query: ListInvitationsQuery,
    response: { 200: InvitationsPage },
  },
  'GET /surveys/:id/reports': {
    params: IdParams,
    query: ListReportsQuery,
    response: { 200: ReportsPage },
  },
  'POST /surveys/:id/reports': {
    params: IdParams,
    body: CreateReportBody,
    response: { 201: ReportView },
  },
  'GET /survey-reports': { query: ListReportsQuery, response: { 200: ReportsPage } },
  'GET /survey-reports/:id': { params: IdParams, response: { 200: ReportView } },
  'PATCH /survey-reports/:id': {
    params: IdParams,
    body: UpdateReportBody,
    response: { 200: ReportView },
  },
  'POST /survey-reports/:id/publish': {
    params: IdParams,
    body: PublishReportBody,
    response: { 200: ReportView },
  },
  'GET /survey-reports/:id/pdf': {
    params: IdParams,
    query: ReportPdfQuery,
    response: { 200: FILE },
  },
  'GET /survey-waves/:id/comments': {
    params: IdParams,
    query: CommentsQuery,
    response: { 200: CommentsPage },
  },
  'POST /survey-waves/:id/cati/sample': {
    params: IdParams,
    body: AddSampleBody,
    response: { 201: AddSampleResult },
  },
  'POST /survey-waves/:id/cati/sample/csv': {
    params: IdParams,
    upload: true,
    response: { 201: AddSampleResult },
  },
  'GET /survey-waves/:id/cati/sample': {
    params: IdParams,
    query: SampleQuery,
    response: { 200: SamplePage },
  },
  'GET /survey-waves/:id/cati/summary': { params: IdParams, response: { 200: CatiSummary } },
  'POST /survey-waves/:id/cati/qc': { params: IdParams, response: { 200: QcDrawResult } },
  'GET /survey-waves/:id/cati/qc': { params: IdParams, response: { 200: QcList } },
  'PUT /survey-waves/:id/cati/qc/:responseId': {
    params: QcParams,
    body: QcVerdictBody,
    response: { 200: QcItem },
  },
  'POST /cati/next': { body: OptionalNextCaseBody, response: { 200: CatiCase, 204: NO_CONTENT } },
  'GET /cati/cases/:id': { params: IdParams, response: { 200: CatiCase } },
  'PUT /cati/cases/:id/answers': {
    params: IdParams,
    body: SaveCaseAnswersBody,
    response: { 200: CatiCase },
  },
  'POST /cati/cases/:id/attempts': {
    params: IdParams,
    body: RecordAttemptBody,
    response: { 201: RecordAttemptResult },
  },
  'GET /articles': { query: ListArticlesQuery, response: { 200: ArticlePage } },
  'GET /articles/:id': { params: IdParams, response: { 200: Article } },
  'POST /articles': { body: CreateArticleBody, response: { 201: Article } },
  'PATCH /articles/:id': { params: IdParams, body: UpdateArticleBody, response: { 200: Article } },
  'DELETE /articles/:id': { params: IdParams, query: DeleteQuery, response: { 204: NO_CONTENT } },
  'GET /articles/:id/versions': { params: IdParams, response: { 200: ArticleVersionList } },
  'GET /articles/:id/versions/:revision': {
    params: VersionParams,
    response: { 200: ArticleVersionDetail },
  },
  'GET /articles/:id/compare': {
    params: IdParams,
    query: CompareQuery,
    response: { 200: VersionComparison },
  },
  'POST /articles/:id/restore': { params: IdParams, body: RestoreBody, response: { 200: Article } },
  'POST /articles/:id/reviewed': {
    params: IdParams,
    body: ReviewedBody,
    response: { 200: Article },
  },
  'GET /articles/:id/pdf': { params: IdParams, response: { 200: FILE } },
  'POST /articles/:id/files': { params: IdParams, upload: true, response: { 201: ArticleFile } },
  'DELETE /articles/:id/files/:fileId': { params: FileParams, response: { 204: NO_CONTENT } },
  'GET /articles/:id/files/:fileId': { params: FileParams, response: { 200: FILE, 206: FILE } },
  'GET /search': { query: SearchQuery, response: { 200: SearchResults } },
  'GET /reviews': { query: ReviewsQuery, response: { 200: ReviewPage } },
  'GET /audit': { query: AuditQuery, response: { 200: AuditPage } },
  'POST /telephony/events': { body: CallEventBody, response: { 200: CallEventAnswer } },
  'GET /telephony/route': { query: RouteQuery, response: { 200: RouteAnswer } },
  'GET /telephony/exchanges': { query: ListExchangesQuery, response: { 200: ExchangePage } },
  'POST /telephony/exchanges': { body: CreateExchangeBody, response: { 201: CreatedExchange } },
  'POST /telephony/exchanges/:id/revoke': { params: IdParams, response: { 200: Exchange } },
  'GET /telephony/lines': { query: ListPhoneLinesQuery, response: { 200: PhoneLinePage } },
  'GET /telephony/lines/:unitId': { params: UnitParams, response: { 200: PhoneLine } },
  'PUT /telephony/lines/:unitId': {
    params: UnitParams,
    body: PutPhoneLineBody,
    response: { 200: PhoneLine },
  },
  'GET /telephony/extensions': {
    query: ListExtensionsQuery,
    response: { 200: StaffExtensionPage },
  },
  'PUT /telephony/extensions/:staffId': {
    params: StaffParams,
    body: PutExtensionBody,
    response: { 200: StaffExtension },
  },
  'POST /telephony/calls/:id/contact': {
    params: IdParams,
    body: LinkCallContactBody,
    response: { 200: Call },
  },
  'GET /telephony/caller': { query: CallerQuery, response: { 200: CallerCard } },
  // Server-sent events, not JSON: each event's data is a CallStreamMessage.
  'GET /telephony/stream': { response: { 200: FILE } },
  'GET /telephony/load': { query: LoadQuery, response: { 200: Load } },
  'GET /calls': { query: ListCallsQuery, response: { 200: CallPage } },
  'GET /calls/:id': { params: IdParams, response: { 200: Call } },
  'GET /calls/:id/recording': { params: IdParams, response: { 200: FILE, 206: FILE } },
  'GET /callbacks': { query: ListCallbacksQuery, response: { 200: CallbackPage } },
  'GET /callbacks/:id': { params: IdParams, response: { 200: Callback } },
  'POST /callbacks/:id/claim': { params: IdParams, response: { 200: Callback } },
  'POST /callbacks/:id/release': { params: IdParams, response: { 200: Callback } },
  'POST /callbacks/:id/attempts': {
    params: IdParams,
    body: CallbackAttemptBody,
    response: { 201: Callback },
  },
  'POST /callbacks/:id/close': {
    params: IdParams,
    body: CloseCallbackBody,
    response: { 200: Callback },
  },
  'GET /feedback': { query: ListFeedbackQuery, response: { 200: FeedbackPage } },
  'POST /feedback': { body: RegisterFeedbackBody, response: { 201: Feedback } },
  'POST /feedback/from-request': { body: FeedbackFromRequestBody, response: { 201: Feedback } },
  'GET /feedback/:id': { params: IdParams, response: { 200: Feedback } },
  'GET /feedback/:id/attachments/:attachmentId': {
    params: FeedbackAttachmentParams,
    response: { 200: FILE },
  },
  'PUT /feedback/:id/evaluation': {
    params: IdParams,
    body: EvaluateFeedbackBody,
    response: { 200: Feedback },
  },
  'PUT /feedback/:id/evaluator': {
    params: IdParams,
    body: FeedbackEvaluatorBody,
    response: { 200: Feedback },
  },
  'POST /feedback/:id/answer': {
    params: IdParams,
    body: AnswerFeedbackBody,
    response: { 200: Feedback },
  },
  'POST /feedback/:id/close': {
    params: IdParams,
    body: CloseFeedbackBody,
    response: { 200: Feedback },
  },
  'POST /feedback/:id/escalate': {
    params: IdParams,
    body: EscalateFeedbackBody,
    response: { 200: Feedback },
  },
  'POST /feedback/:id/resolve': {
    params: IdParams,
    body: ResolveFeedbackBody,
    response: { 200: Feedback },
  },
  'GET /improvement-tasks': {
    query: ListImprovementTasksQuery,
    response: { 200: ImprovementTaskPage },
  },
  'GET /improvement-tasks/:id': { params: IdParams, response: { 200: ImprovementTask } },
  'POST /improvement-tasks': {
    body: CreateImprovementTaskBody,
    response: { 201: ImprovementTask },
  },
  'PUT /improvement-tasks/:id': {
    params: IdParams,
    body: UpdateImprovementTaskBody,
    response: { 200: ImprovementTask },
  },
  'POST /improvement-tasks/:id/state': {
    params: IdParams,
    body: MoveImprovementTaskBody,
    response: { 200: ImprovementTask },
  },
  'GET /ideas': { query: ListIdeasQuery, response: { 200: IdeaPage } },
  'GET /ideas/:id': { params: IdParams, response: { 200: Idea } },
  'POST /ideas': { body: CreateIdeaBody, response: { 201: Idea } },
  'POST /ideas/:id/state': { params: IdParams, body: MoveIdeaBody, response: { 200: Idea } },
  'GET /control': { query: ControlQuery, response: { 200: ControlAnswer } },
  'GET /control.csv': { query: ControlCsvQuery, response: { 200: FILE } },
  'GET /unit-reports': { query: UnitReportsQuery, response: { 200: UnitReportPage } },
  'POST /unit-reports': { body: CreateUnitReportBody, response: { 201: UnitReport } },
  'GET /unit-reports/:id': { params: IdParams, response: { 200: UnitReport } },
  'PUT /unit-reports/:id': {
    params: IdParams,
    body: UpdateUnitReportBody,
    response: { 200: UnitReport },
  },
  'POST /unit-reports/:id/submit': {
    params: IdParams,
    body: SubmitUnitReportBody,
    response: { 200: UnitReport },
  },
} as const satisfies Record<`${Method} /${string}`, Route>;

export type Routes = typeof routes;
export type RouteKey = keyof Routes;
