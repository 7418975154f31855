import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { systemClock, type Clock } from './adapters/clock';
import { createArgon2Hasher, type PasswordHasher } from './adapters/password-hasher';
import { DEFAULT_MAIL_CONFIG, type MailConfig } from './config';
import type { Database } from './db/database';
import { registerAuthentication } from './http/authentication';
import { AppError } from './http/errors';
import { openApiTransform } from './http/openapi';
import { registerProblemHandling, sendFrameworkProblem, sendProblem } from './http/problem';
import { registerSecurityHeaders } from './http/security-headers';
import { compiledSerializer } from './http/serializer';
import { registerTextInputCheck } from './http/text-input';
import { registerValidateOnly } from './http/validate-only';
import { absencesRoutes } from './modules/absences/absences.routes';
import { createAbsencesService } from './modules/absences/absences.service';
import { articlesPages } from './modules/articles/articles.pages';
import { articlesRoutes } from './modules/articles/articles.routes';
import { createArticlesService } from './modules/articles/articles.service';
import { auditRoutes } from './modules/audit/audit.routes';
import { clientsRoutes } from './modules/clients/clients.routes';
import { createClientsService } from './modules/clients/clients.service';
import { commitmentsRoutes } from './modules/commitments/commitments.routes';
import { controlRoutes } from './modules/control/control.routes';
import { createControlService } from './modules/control/control.service';
import { createCommitmentsService } from './modules/commitments/commitments.service';
import { contactsRoutes } from './modules/contacts/contacts.routes';
import {
  createContactsService,
  moveContactsToClient,
  setContactStaff,
} from './modules/contacts/contacts.service';
import { correspondenceRoutes } from './modules/correspondence/correspondence.routes';
import {
  createCorrespondenceService,
  MAX_ATTACHMENT_BYTES,
} from './modules/correspondence/correspondence.service';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { createCalendarService } from './modules/calendar/calendar.service';
import { DEFAULT_SIGN_IN_DELAY_POLICY, type SignInDelayPolicy } from '../domain/sign-in-delay';
import { createAuditService } from './modules/audit/audit.service';
import { authRoutes } from './modules/auth/auth.routes';
import {
  createAuthService,
  DEFAULT_SESSION_POLICY,
  type SessionPolicy,
} from './modules/auth/auth.service';
import { directoryRoutes } from './modules/directory/directory.routes';
import { createDirectoryService } from './modules/directory/directory.service';
import { feedbackRoutes } from './modules/feedback/feedback.routes';
import { createFeedbackService } from './modules/feedback/feedback.service';
import { feedbackWebPages } from './modules/feedback-web/feedback-web.pages';
import { createFeedbackWebService } from './modules/feedback-web/feedback-web.service';
import { healthRoutes } from './modules/health/health.routes';
import { createHealthService } from './modules/health/health.service';
import { createAutoReplies } from './modules/mail/mail.auto-replies';
import type { EAddressGateway } from './modules/mail/mail.ports';
import { mailRoutes } from './modules/mail/mail.routes';
import { createMailService } from './modules/mail/mail.service';
import { createSpamJudge } from './modules/mail/mail.spam';
import { mailboxesRoutes } from './modules/mailboxes/mailboxes.routes';
import { createMailboxesService } from './modules/mailboxes/mailboxes.service';
import { outboxRoutes } from './modules/outbox/outbox.routes';
import { createOutboxService } from './modules/outbox/outbox.service';
import {
  createEAddressTransport,
  createMailTransport,
  type MailTransport,
} from './modules/outbox/outbox.transport';
import { knowledgeRoutes } from './modules/knowledge/knowledge.routes';
import { createKnowledgeService } from './modules/knowledge/knowledge.service';
import { ideasRoutes } from './modules/ideas/ideas.routes';
import { createIdeasService } from './modules/ideas/ideas.service';
import { improvementsRoutes } from './modules/improvements/improvements.routes';
import { createImprovementsService } from './modules/improvements/improvements.service';
import { institutionsRoutes } from './modules/institutions/institutions.routes';
import { createInstitutionsService } from './modules/institutions/institutions.service';
import { myWorkRoutes } from './modules/my-work/my-work.routes';
import { createMyWorkService } from './modules/my-work/my-work.service';
import { newsRoutes } from './modules/news/news.routes';
import { surveyAnswersRoutes } from './modules/survey-answers/survey-answers.routes';
import { createSurveyAnswersService } from './modules/survey-answers/survey-answers.service';
import { catiRoutes } from './modules/cati/cati.routes';
import { createCatiService } from './modules/cati/cati.service';
import { surveyReportsRoutes } from './modules/survey-reports/survey-reports.routes';
import { createSurveyReportsService } from './modules/survey-reports/survey-reports.service';
import { surveysRoutes } from './modules/surveys/surveys.routes';
import { createSurveysService } from './modules/surveys/surveys.service';
import { surveyWebPages } from './modules/survey-web/survey-web.pages';
import { surveyWebRoutes } from './modules/survey-web/survey-web.routes';
import { createSurveyWebService } from './modules/survey-web/survey-web.service';
import { createNewsService } from './modules/news/news.service';
import { queueRoutes } from './modules/queue/queue.routes';
import { createQueueService } from './modules/queue/queue.service';
import { requestsRoutes } from './modules/requests/requests.routes';
import {
  createRequestAccess,
  createRequestsService,
  moveRequestsToClient,
} from './modules/requests/requests.service';
import { createSearchWordsService } from './modules/search-words/search-words.service';
import { spellingRoutes } from './modules/spelling/spelling.routes';
import { createSpellingService } from './modules/spelling/spelling.service';
import { catalogueRoutes } from './modules/catalogue/catalogue.routes';
import { createCatalogueService } from './modules/catalogue/catalogue.service';
import { signaturesRoutes } from './modules/signatures/signatures.routes';
import { createSignaturesService } from './modules/signatures/signatures.service';
import { staffRoutes } from './modules/staff/staff.routes';
import { createStaffService } from './modules/staff/staff.service';
import { textModulesRoutes } from './modules/text-modules/text-modules.routes';
import { createTextModulesService } from './modules/text-modules/text-modules.service';
import { tokensRoutes } from './modules/tokens/tokens.routes';
import { telephonyRoutes } from './modules/telephony/telephony.routes';
import { createTelephonyService } from './modules/telephony/telephony.service';
import { createTokensService } from './modules/tokens/tokens.service';
import { unitReportsRoutes } from './modules/unit-reports/unit-reports.routes';
import { createUnitReportsService } from './modules/unit-reports/unit-reports.service';
import { unitsRoutes } from './modules/units/units.routes';
import { createUnitsService } from './modules/units/units.service';

export const APP_VERSION = '0.1.0';

/** JSON bodies are forms, not files: anything larger is a mistake or an attack. */
const BODY_LIMIT_BYTES = 256 * 1024;

export interface AppOptions {
  database: Database;
  clock?: Clock;
  hasher?: PasswordHasher;
  cookieSecure?: boolean;
  trustProxy?: boolean;
  sessionPolicy?: SessionPolicy;
  signInDelay?: SignInDelayPolicy;
  /** The built web app (index.html and assets); null serves the API alone. */
  webRoot?: string | null;
  logger?: FastifyServerOptions['loggerInstance'] | false;
  /** Parse each response by its schema before it is sent (off in production: decision 40). */
  checkResponses?: boolean;
  /** The mail channel's settings; unset ones take DEFAULT_MAIL_CONFIG's. */
  mail?: Partial<MailConfig>;
  /** The exchange with the state's e-address service; null: e-address letters wait, visibly. */
  eAddressGateway?: EAddressGateway | null;
  /** Where email letters go; by default the mail relay at `mail.relayUrl`, if any. */
  mailTransport?: MailTransport | null;
}

/** Builds the services in dependency order; each gets exactly what it uses. */
export function buildServices(options: AppOptions) {
  const { db } = options.database;
  const clock = options.clock ?? systemClock;
  const mailConfig: MailConfig = { ...DEFAULT_MAIL_CONFIG, ...options.mail };
  const audit = createAuditService({ db, clock });
  const tokens = createTokensService({ db, audit, clock });
  const auth = createAuthService({
    db,
    audit,
    clock,
    tokens,
    hasher: options.hasher ?? createArgon2Hasher(),
    sessionPolicy: options.sessionPolicy ?? DEFAULT_SESSION_POLICY,
    signInDelay: options.signInDelay ?? DEFAULT_SIGN_IN_DELAY_POLICY,
    listen: options.database.listen,
  });
  const institutions = createInstitutionsService({ db, audit, clock });
  const units = createUnitsService({ db, audit, clock, institutions });
  const calendar = createCalendarService({ db, audit, clock, units });
  const mailboxes = createMailboxesService({
    db,
    audit,
    clock,
    units,
    calendar,
    secretKey: mailConfig.secretKey,
  });
  const staff = createStaffService({ db, audit, clock, auth, units });
  const absences = createAbsencesService({ db, audit, clock, staff, units });
  const directory = createDirectoryService({ db, clock, absences });
  const searchWords = createSearchWordsService();
  const catalogue = createCatalogueService({
    db,
    audit,
    clock,
    institutions,
    units,
    staff,
    directory,
    searchWords,
  });
  const news = createNewsService({ db, audit, clock, units, absences });
  const articles = createArticlesService({ db, audit, clock, staff, catalogue, searchWords });
  const knowledge = createKnowledgeService({ db, clock, articles, directory, searchWords });
  // Promises and letters hang on a request and go through its access rules and timeline; the
  // requests service, above them, shows them on the request's page and hands them on with it.
  const requestAccess = createRequestAccess({ audit, clock, units });
  const commitments = createCommitmentsService({ db, audit, clock, staff, requestAccess });
  const signatures = createSignaturesService({ db, audit, clock });
  const textModules = createTextModulesService({ db, audit, clock });
  const correspondence = createCorrespondenceService({
    db,
    audit,
    clock,
    articles,
    requestAccess,
    signatures,
  });
  const outbox = createOutboxService({
    db,
    audit,
    clock,
    requestAccess,
    transport:
      options.mailTransport !== undefined
        ? options.mailTransport
        : mailConfig.relayUrl
          ? createMailTransport(mailConfig.relayUrl)
          : null,
    eAddress: options.eAddressGateway ? createEAddressTransport(options.eAddressGateway) : null,
  });
  const requests = createRequestsService({
    db,
    audit,
    clock,
    calendar,
    institutions,
    staff,
    units,
    catalogue,
    requestAccess,
    commitments,
    correspondence,
  });
  // Requests come first: a client's new name is written into their requests' search text.
  // A merge moves contacts and requests through their owners' writes, passed in as functions
  // because both modules depend on clients.
  const clients = createClientsService({
    db,
    audit,
    clock,
    staff,
    requests,
    moveContacts: moveContactsToClient,
    moveRequests: moveRequestsToClient,
  });
  // The queue before contacts: a visit takes its place in the queue; calling a person in sets
  // the visit's clerk through the contacts module's write, passed in likewise.
  const queue = createQueueService({ db, audit, clock, clients, requests, staff, setContactStaff });
  const contacts = createContactsService({
    db,
    audit,
    clock,
    calendar,
    clients,
    queue,
    requests,
    staff,
    units,
    catalogue,
  });
  // Mail comes in as contacts and requests; the automatic replies leave through the outbox.
  const spamJudge = createSpamJudge({ config: mailConfig, db });
  const autoReplies = createAutoReplies({
    clock,
    config: mailConfig,
    absences,
    calendar,
    correspondence,
    signatures,
  });
  const mail = createMailService({
    db,
    audit,
    clock,
    config: mailConfig,
    calendar,
    clients,
    contacts,
    correspondence,
    requestAccess,
    staff,
    mailboxes,
    spam: spamJudge,
    autoReplies,
  });
  const logger = options.logger || null;
  const telephony = createTelephonyService({
    db,
    audit,
    clock,
    calendar,
    clients,
    commitments,
    contacts,
    requests,
    staff,
    listen: options.database.listen,
    warn: logger ? (fields, message) => logger.warn(fields, message) : undefined,
  });
  const myWork = createMyWorkService({ requests, queue, news });
  const spelling = createSpellingService();
  const surveys = createSurveysService({ db, audit, clock });
  const surveyAnswers = createSurveyAnswersService({ db, audit, clock, surveys });
  const cati = createCatiService({ db, audit, clock, surveyAnswers });
  const surveyWeb = createSurveyWebService({ db, audit, clock, surveyAnswers });
  const surveyReports = createSurveyReportsService({ db, audit, clock, surveys });
  const feedback = createFeedbackService({
    db,
    audit,
    clock,
    calendar,
    clients,
    contacts,
    correspondence,
    requestAccess,
  });
  const feedbackWeb = createFeedbackWebService({ db, clock });
  const improvements = createImprovementsService({ db, audit, clock, units });
  const ideas = createIdeasService({ db, audit, clock, improvements });
  // The standard's control reads every module's records; a yearly unit report keeps its figures.
  const control = createControlService({ db, clock, units });
  const unitReports = createUnitReportsService({ db, audit, clock, units, control });
  const health = createHealthService({
    database: options.database,
    mailboxes,
    version: APP_VERSION,
    startedAt: Date.now(),
  });
  return {
    mailConfig,
    audit,
    tokens,
    telephony,
    auth,
    institutions,
    units,
    calendar,
    mailboxes,
    staff,
    absences,
    directory,
    catalogue,
    news,
    searchWords,
    articles,
    knowledge,
    clients,
    requests,
    commitments,
    signatures,
    textModules,
    correspondence,
    outbox,
    contacts,
    queue,
    mail,
    myWork,
    spelling,
    surveyAnswers,
    cati,
    surveys,
    surveyWeb,
    improvements,
    ideas,
    control,
    unitReports,
    surveyReports,
    feedback,
    feedbackWeb,
    health,
  };
}
export type Services = ReturnType<typeof buildServices>;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(
  options: AppOptions,
): Promise<{ app: FastifyInstance; services: Services }> {
  const services = buildServices(options);
  const cookie = { secure: options.cookieSecure ?? false };

  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    requestIdHeader: false,
    // A broken address (bad percent-encoding, an over-long parameter) is answered by the router
    // before any route: as problem+json too.
    frameworkErrors: sendFrameworkProblem,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(compiledSerializer({ checkResponses: options.checkResponses ?? true }));
  // The API takes JSON only. Fastify also parses text/plain by default, which would let a plain
  // text body through to validation as a string instead of being refused with 415.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  // Attachments arrive as multipart forms: one file, no larger than a request's attachment may be.
  await app.register(fastifyMultipart, {
    limits: { files: 1, fileSize: MAX_ATTACHMENT_BYTES, fields: 5, parts: 6 },
    throwFileSizeLimit: true,
  });
  registerProblemHandling(app);
  // An exchange's token (apx_…) is not an API token: it may report calls and ask whom to ring.
  registerAuthentication(app, {
    authenticateSession: (token) => services.auth.authenticateSession(token),
    authenticateBearer: (secret) =>
      services.telephony.isExchangeToken(secret)
        ? services.telephony.authenticateExchange(secret)
        : services.auth.authenticateBearer(secret),
  });
  registerTextInputCheck(app);
  registerValidateOnly(app);
  // The round robin's turns taken in the last moments reach the database before it closes.
  app.addHook('onClose', async () => {
    await services.telephony.settleTurns();
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Apkalpo API',
        version: APP_VERSION,
        description:
          'Client service platform for municipal one-stop client service centres. Errors are ' +
          'application/problem+json (RFC 9457); changes made through a session need the ' +
          'X-CSRF-Token header from /api/v1/auth/me. A change sent with X-Validate-Only: true is ' +
          'only checked: 204 or the problem naming every field, and nothing is saved.',
      },
      // Relative: the API is at the server that serves the document, wherever it is installed.
      servers: [{ url: '/', description: 'The server this document is served from' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'apkalpo_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: openApiTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Every module, in one visible list.
  healthRoutes(app, services);
  authRoutes(app, { auth: services.auth, cookie });
  tokensRoutes(app, services);
  institutionsRoutes(app, services);
  unitsRoutes(app, services);
  mailboxesRoutes(app, services);
  staffRoutes(app, services);
  absencesRoutes(app, services);
  directoryRoutes(app, services);
  calendarRoutes(app, services);
  clientsRoutes(app, services);
  contactsRoutes(app, services);
  requestsRoutes(app, services);
  commitmentsRoutes(app, services);
  correspondenceRoutes(app, services);
  signaturesRoutes(app, services);
  textModulesRoutes(app, services);
  spellingRoutes(app, services);
  mailRoutes(app, services);
  outboxRoutes(app, services);
  queueRoutes(app, services);
  myWorkRoutes(app, services);
  catalogueRoutes(app, services);
  newsRoutes(app, services);
  surveysRoutes(app, services);
  surveyAnswersRoutes(app, services);
  surveyWebRoutes(app, services);
  surveyWebPages(app, { surveyWeb: services.surveyWeb, cookie });
  surveyReportsRoutes(app, services);
  catiRoutes(app, services);
  articlesRoutes(app, services);
  articlesPages(app, services);
  knowledgeRoutes(app, services);
  auditRoutes(app, services);
  improvementsRoutes(app, services);
  ideasRoutes(app, services);
  controlRoutes(app, services);
  unitReportsRoutes(app, services);
  telephonyRoutes(app, services);
  feedbackRoutes(app, services);
  feedbackWebPages(app, {
    feedbackWeb: services.feedbackWeb,
    submit: (input, options) => services.feedback.submitPublic(input, options),
  });

  const webRoot = options.webRoot ?? null;
  const hasWeb = webRoot !== null && existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    // Files are looked up on each request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: 'index.html' });
  }
  // The web app routes in the browser: a page address (a navigation asking for HTML) gets its
  // index.html; a missing script or image stays a 404.
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (hasWeb && isPage) return reply.type('text/html').sendFile('index.html');
    return sendProblem(request, reply, new AppError('not_found', 'route_not_found'));
  });

  return { app, services };
}
