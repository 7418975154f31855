import type { Kysely } from 'kysely';
import {
  FEEDBACK_ATTACHMENT_MAX_BYTES,
  FEEDBACK_ATTACHMENTS_MAX,
  type FEEDBACK_ATTACHMENT_TYPES,
  type TAnswerFeedbackBody,
  type TCloseFeedbackBody,
  type TEscalateFeedbackBody,
  type TEvaluateFeedbackBody,
  type TFeedback,
  type TFeedbackAbilities,
  type TFeedbackEvaluatorBody,
  type TFeedbackFromRequestBody,
  type TFeedbackPage,
  type TListFeedbackQuery,
  type TPublicFeedbackBody,
  type TPublicFeedbackReceipt,
  type TRegisterFeedbackBody,
  type TResolveFeedbackBody,
} from '../../../contracts/feedback.contracts';
import type { Channel } from '../../../domain/channels';
import {
  ANSWER_POLICY,
  ESCALATION_POLICY,
  evaluates,
  feedbackReference,
  feedbackSearchText,
  feedbackVisibility,
  mayEscalate,
  mayResolve,
  nextLevel,
  rateLimitDecision,
  type FeedbackLevel,
  type FeedbackViewer,
  type FeedbackVisibility,
  type RateLimit,
} from '../../../domain/feedback';
import { canMove } from '../../../domain/requests';
import { addCalendarDays, rigaDateOf, rigaInstantOf } from '../../../domain/riga-time';
import { searchTermsOf } from '../../../domain/search-text';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import {
  hasPermission,
  requirePermission,
  systemContext,
  type ActionContext,
  type Principal,
} from '../../http/access';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { ClientsService } from '../clients/clients.service';
import type { ContactsService } from '../contacts/contacts.service';
import type { CorrespondenceService } from '../correspondence/correspondence.service';
import { offsetOf } from '../paging';
import type { RequestAccess } from '../requests/requests.service';
import { presentFeedback, presentSummary } from './feedback.presenter';
import {
  claimEscalation,
  closeEscalation,
  escalationsByItem,
  findAttachment,
  findAttachmentsOf,
  findEscalationsOf,
  findItemById,
  findItemBySourceRequest,
  findItemForUpdate,
  findItemForUpdateUnlessBusy,
  findItems,
  findOverdueEscalations,
  findRequestWords,
  findUnitRef,
  insertAttachments,
  insertAttempt,
  insertEscalation,
  insertItem,
  isActiveMemberOf,
  isActiveStaff,
  lockAddress,
  namesOf,
  nextReferenceNumber,
  primaryUnitOf,
  pruneAttempts,
  recentAttempts,
  requestNumbersOf,
  unitNamesOf,
  updateItem,
  type EscalationRow,
  type FeedbackRow,
} from './feedback.repository';

/**
 * The public form's limits per client address, in one place: a person writes once or twice; a
 * flood is refused with 429 and the time to wait, while every other address goes on.
 */
export const PUBLIC_FEEDBACK_LIMITS: readonly RateLimit[] = [
  { windowSeconds: 10 * 60, max: 5 },
  { windowSeconds: 24 * 60 * 60, max: 20 },
];
const LONGEST_WINDOW_SECONDS = Math.max(...PUBLIC_FEEDBACK_LIMITS.map((l) => l.windowSeconds));

/** A file sent with the public form. */
export interface FeedbackUpload {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** How each allowed type begins: the declared type must be what the file is. */
const SIGNATURES: Record<(typeof FEEDBACK_ATTACHMENT_TYPES)[number], number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
};

function assertUploads(uploads: readonly FeedbackUpload[]): void {
  if (uploads.length > FEEDBACK_ATTACHMENTS_MAX) {
    throw invalidField('attachments', 'too_many_items', { maximum: FEEDBACK_ATTACHMENTS_MAX });
  }
  for (const upload of uploads) {
    const type = upload.contentType.toLowerCase() as keyof typeof SIGNATURES;
    const signature = SIGNATURES[type];
    if (!signature || !signature.every((byte, index) => upload.content[index] === byte)) {
      throw invalidField('attachments', 'feedback_attachment_type');
    }
    if (upload.content.length === 0 || upload.content.length > FEEDBACK_ATTACHMENT_MAX_BYTES) {
      throw invalidField('attachments', 'feedback_attachment_size', {
        maximum: FEEDBACK_ATTACHMENT_MAX_BYTES / (1024 * 1024),
      });
    }
    if (upload.filename.trim() === '' || upload.filename.length > 200) {
      throw invalidField('attachments', 'invalid_format');
    }
  }
}

/** How many overdue levels one tick of the job passes on; the next tick takes the rest. */
const JOB_BATCH = 50;

/** The subject of the answer letter, in the item's language. */
const ANSWER_SUBJECT = {
  lv: (reference: string) => `Atbilde uz jūsu atsauksmi ${reference}`,
  en: (reference: string) => `Answer to your feedback ${reference}`,
};

/** The service a request made for an answer names. */
const ANSWER_SERVICE = 'Atbilde uz atsauksmi';

export function createFeedbackService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  calendar: CalendarService;
  clients: ClientsService;
  contacts: ContactsService;
  correspondence: CorrespondenceService;
  requestAccess: RequestAccess;
}) {
  const { db, audit, clock, calendar, clients, contacts, correspondence, requestAccess } = deps;

  function viewerOf(principal: Principal): FeedbackViewer {
    return {
      staffId: principal.staffId,
      evaluate: hasPermission(principal, 'feedback.evaluate'),
      manageUnit: hasPermission(principal, 'feedback.manage-unit'),
      ethics: hasPermission(principal, 'feedback.ethics'),
      unitIds: new Set(principal.unitIds),
    };
  }

  const subjectOf = (row: FeedbackRow, escalations: readonly EscalationRow[]) => ({
    unitId: row.unit_id,
    staffId: row.staff_id,
    evaluatorId: row.evaluator_id,
    registeredBy: row.registered_by,
    escalations: escalations.map((e) => ({ level: e.level, unitId: e.unit_id })),
  });

  const openOf = (escalations: readonly EscalationRow[]) =>
    escalations.find((e) => e.closed_at === null) ?? null;

  /** The unit is in use and the person (if named) works in it; else 400 on the field. */
  async function assertUnitAndStaff(
    executor: Executor,
    unitId: string,
    staffId: string | null | undefined,
  ) {
    const unit = await findUnitRef(executor, unitId);
    if (!unit?.active) throw invalidField('unitId', 'unknown_reference');
    if (staffId && !(await isActiveMemberOf(executor, staffId, unitId))) {
      throw invalidField('staffId', 'not_in_unit');
    }
  }

  /** When the answer is due: only when the client left a way to answer them. */
  async function answerDueOf(receivedAt: Date, channel: string, contact: boolean) {
    if (!contact) return { answer_due_on: null, answer_due_at: null };
    const deadline = await calendar.deadlineFor(receivedAt, {
      channel,
      clientKind: 'external',
      caseType: 'feedback',
      policyCode: ANSWER_POLICY,
    });
    return { answer_due_on: deadline.due, answer_due_at: deadline.dueEnd };
  }

  /** When a level opened at the instant is due, by its policy (working days, calendar). */
  async function levelDueOf(level: FeedbackLevel, openedAt: Date) {
    const deadline = await calendar.deadlineFor(openedAt, {
      channel: 'web_form',
      clientKind: 'external',
      caseType: ESCALATION_POLICY[level],
      policyCode: ESCALATION_POLICY[level],
    });
    return { due_on: deadline.due, due_at: deadline.dueEnd };
  }

  /** The unit whose heads a complaint goes to first: the person's primary unit, else the item's. */
  async function managerUnitOf(executor: Executor, row: FeedbackRow): Promise<string> {
    return (row.staff_id ? await primaryUnitOf(executor, row.staff_id) : null) ?? row.unit_id;
  }

  /** The item with its history, if the viewer may see it at all; else it is missing. */
  async function loadVisible(executor: Executor, ctx: ActionContext, id: string, lock = false) {
    const row = lock ? await findItemForUpdate(executor, id) : await findItemById(executor, id);
    if (!row) throw notFound();
    const escalations = await findEscalationsOf(executor, [id]);
    const viewer = viewerOf(ctx.principal);
    const visibility = feedbackVisibility(viewer, subjectOf(row, escalations));
    if (visibility.view === 'none') throw notFound();
    return { row, escalations, viewer, visibility };
  }

  function abilitiesOf(
    viewer: FeedbackViewer,
    row: FeedbackRow,
    escalations: readonly EscalationRow[],
  ): TFeedbackAbilities {
    const open = openOf(escalations);
    const openLevel = open && { level: open.level, unitId: open.unit_id };
    const evaluator = evaluates(viewer, { evaluatorId: row.evaluator_id });
    const live = row.state !== 'closed';
    return {
      evaluate: evaluator && live,
      delegate: viewer.evaluate && live,
      answer: evaluator && row.state === 'evaluated' && !!(row.email || row.phone),
      close: evaluator && live,
      escalate:
        row.kind === 'complaint' &&
        live &&
        mayEscalate(viewer, { evaluatorId: row.evaluator_id }, openLevel),
      resolve: mayResolve(viewer, { evaluatorId: row.evaluator_id }, openLevel),
    };
  }

  async function present(
    executor: Executor,
    loaded: {
      row: FeedbackRow;
      escalations: readonly EscalationRow[];
      viewer: FeedbackViewer;
      visibility: Exclude<FeedbackVisibility, { view: 'none' }>;
    },
  ): Promise<TFeedback> {
    const { row, escalations, viewer, visibility } = loaded;
    const personIds = [
      row.registered_by,
      row.evaluator_id,
      row.evaluated_by,
      ...escalations.flatMap((e) => [e.opened_by, e.closed_by]),
    ].filter((id): id is string => id !== null);
    const requestIds = [row.source_request_id, row.answer_request_id].filter(
      (id): id is string => id !== null,
    );
    const attachments = visibility.view === 'full' ? await findAttachmentsOf(executor, row.id) : [];
    return presentFeedback(row, {
      visibility,
      now: clock.now(),
      escalations,
      attachments: attachments.map((file) => ({
        id: file.id,
        filename: file.filename,
        contentType: file.content_type,
        size: file.size,
        uploadedAt: new Date(file.uploaded_at).toISOString(),
      })),
      people: await namesOf(executor, personIds),
      units: await unitNamesOf(
        executor,
        escalations.flatMap((e) => (e.unit_id ? [e.unit_id] : [])),
      ),
      requestNumbers: await requestNumbersOf(executor, requestIds),
      abilities: abilitiesOf(viewer, row, escalations),
    });
  }

  /** The item as the acting person sees it now (after a change). */
  async function reload(executor: Executor, ctx: ActionContext, id: string): Promise<TFeedback> {
    return present(executor, await loadVisible(executor, ctx, id));
  }

  /**
   * The item for a change by its evaluator (feedback.evaluate or the delegate): one who may see
   * it but not change it is refused, one who may not see it finds it missing.
   */
  async function forEvaluator(trx: Executor, ctx: ActionContext, id: string, version?: number) {
    const loaded = await loadVisible(trx, ctx, id, true);
    if (!evaluates(loaded.viewer, { evaluatorId: loaded.row.evaluator_id })) {
      throw new AppError('forbidden');
    }
    if (version !== undefined && loaded.row.version !== version) throw versionConflict();
    if (loaded.row.state === 'closed') throw new AppError('conflict', 'feedback_closed');
    return loaded;
  }

  /** A new item's row and its audit record, in the caller's transaction; its id. */
  async function storeIn(
    trx: Executor,
    ctx: ActionContext,
    item: {
      kind: TRegisterFeedbackBody['kind'];
      channel: Channel;
      unitId: string;
      staffId: string | null;
      text: string;
      name: string | null;
      email: string | null;
      phone: string | null;
      language: 'lv' | 'en';
      clientId: string | null;
      sourceRequestId: string | null;
      receivedAt: Date;
      due: { answer_due_on: string | null; answer_due_at: Date | null };
    },
  ): Promise<string> {
    const now = clock.now();
    const reference = feedbackReference(
      Number(rigaDateOf(item.receivedAt).slice(0, 4)),
      await nextReferenceNumber(trx),
    );
    const { id } = await insertItem(trx, {
      reference,
      kind: item.kind,
      channel: item.channel,
      unit_id: item.unitId,
      staff_id: item.staffId,
      text: item.text,
      name: item.name,
      email: item.email,
      phone: item.phone,
      language: item.language,
      client_id: item.clientId,
      source_request_id: item.sourceRequestId,
      registered_by: ctx.principal.staffId,
      received_at: item.receivedAt,
      state: 'new',
      ...item.due,
      search_text: feedbackSearchText({ reference, ...item, topic: null }),
      created_at: now,
      updated_at: now,
    });
    // The text and the contact stay out of the log: the record says what and where.
    await audit.record(trx, ctx, {
      action: 'create',
      entityType: 'feedback',
      entityId: id,
      after: {
        reference,
        kind: item.kind,
        channel: item.channel,
        unitId: item.unitId,
        staffId: item.staffId,
        sourceRequestId: item.sourceRequestId,
      },
    });
    return id;
  }

  /** Opens the level above the open one (closing that one with the outcome), in the caller's transaction. */
  async function openNextIn(
    trx: Executor,
    ctx: ActionContext,
    row: FeedbackRow,
    open: EscalationRow | null,
    opening: {
      level: FeedbackLevel;
      at: Date;
      reason: string | null;
      due: { due_on: string; due_at: Date };
      outcome: 'escalated' | 'overdue';
    },
  ) {
    if (open) {
      await closeEscalation(trx, open.id, {
        closed_at: opening.at,
        closed_by: ctx.principal.staffId,
        outcome: opening.outcome,
      });
    }
    const unitId = opening.level === 'manager' ? await managerUnitOf(trx, row) : null;
    await insertEscalation(trx, {
      feedback_id: row.id,
      level: opening.level,
      unit_id: unitId,
      opened_at: opening.at,
      opened_by: ctx.principal.staffId,
      reason: opening.reason,
      ...opening.due,
    });
    await updateItem(trx, row.id, {
      escalation_level: opening.level,
      serious: true,
      updated_at: clock.now(),
    });
    await audit.record(trx, ctx, {
      action: opening.outcome === 'overdue' ? 'escalate-overdue' : 'escalate',
      entityType: 'feedback',
      entityId: row.id,
      before: { level: open?.level ?? null },
      after: { level: opening.level, unitId, dueOn: opening.due.due_on },
    });
  }

  /**
   * The request the answer leaves through, in the caller's transaction: the e-mail's request the
   * item was made from, or one of its own for the client (found or registered by the address).
   */
  async function answerRequestIn(
    trx: Executor,
    ctx: ActionContext,
    row: FeedbackRow,
    email: string,
  ): Promise<string> {
    const system = systemContext(ctx.requestId);
    if (row.answer_request_id) return row.answer_request_id;
    if (row.source_request_id) {
      const source = await requestAccess.visible(trx, system, row.source_request_id);
      if (source.channel === 'email' || source.channel === 'e_address') return source.id;
    }
    const client = await clients.forSender(trx, ctx, {
      address: email,
      displayName: row.name,
      staffId: null,
      channel: 'email',
    });
    const now = clock.now();
    const unitId = ctx.principal.unitIds[0] ?? row.unit_id;
    const dueAt = row.answer_due_at ? new Date(row.answer_due_at) : now;
    // The answer goes by email, so its request is an e-mail conversation with the client.
    const { requestId } = await contacts.registerIn(
      trx,
      ctx,
      {
        channel: 'email',
        occurredAt: now,
        client: { id: client.id, kind: client.kind, name: client.name },
        unitId,
        reason: `${ANSWER_SERVICE} ${row.reference}`,
      },
      {
        input: {
          service: `${ANSWER_SERVICE} ${row.reference}`,
          kind: 'consultation',
          caseType: 'feedback',
          unitId,
          ownerId: ctx.principal.staffId,
        },
        policyCode: ANSWER_POLICY,
        dueOn: row.answer_due_on ?? rigaDateOf(dueAt),
        dueAt,
      },
    );
    return requestId;
  }

  return {
    /**
     * The public form (25): no sign-in; the honeypot, the references and the address's rate
     * limit are checked, and the item, its files and the address's attempt are stored in one
     * transaction with its audit record. The HTML form calls this with its files.
     */
    async submitPublic(
      input: TPublicFeedbackBody,
      options: { address: string; attachments?: readonly FeedbackUpload[]; requestId?: string },
    ): Promise<TPublicFeedbackReceipt> {
      if (input.website !== undefined && input.website !== '') {
        throw invalidField('website', 'feedback_honeypot');
      }
      const uploads = options.attachments ?? [];
      assertUploads(uploads);
      const receivedAt = clock.now();
      // Read before the transaction: on PGlite it would hold the only connection.
      const due = await answerDueOf(receivedAt, 'web_form', !!(input.email || input.phone));
      const ctx: ActionContext = {
        ...systemContext(options.requestId ?? 'public-feedback'),
        ip: options.address,
      };
      return db.transaction().execute(async (trx) => {
        await assertUnitAndStaff(trx, input.unitId, input.staffId);
        await lockAddress(trx, options.address);
        const since = new Date(receivedAt.getTime() - LONGEST_WINDOW_SECONDS * 1000);
        const attempts = await recentAttempts(trx, options.address, since);
        const decision = rateLimitDecision(attempts, receivedAt, PUBLIC_FEEDBACK_LIMITS);
        if (!decision.allowed) {
          throw new AppError('rate_limited', 'feedback_rate_limited', {
            retryAfter: decision.retryAfterSeconds,
            minutes: Math.ceil(decision.retryAfterSeconds / 60),
          });
        }
        const id = await storeIn(trx, ctx, {
          kind: input.kind,
          channel: 'web_form',
          unitId: input.unitId,
          staffId: input.staffId ?? null,
          text: input.text,
          name: input.name ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
          language: input.language,
          clientId: null,
          sourceRequestId: null,
          receivedAt,
          due,
        });
        await insertAttachments(
          trx,
          uploads.map((upload) => ({
            feedback_id: id,
            filename: upload.filename.trim(),
            content_type: upload.contentType.toLowerCase(),
            size: upload.content.length,
            content: upload.content,
            uploaded_at: receivedAt,
          })),
        );
        await insertAttempt(trx, options.address, receivedAt);
        const stored = await findItemById(trx, id);
        return { reference: stored?.reference ?? '' };
      });
    },

    /** Forgets the public form's attempts older than its longest window (a job). */
    async pruneAttempts(now: Date = clock.now()): Promise<number> {
      return pruneAttempts(db, new Date(now.getTime() - LONGEST_WINDOW_SECONDS * 1000));
    },

    /** Feedback received by staff in person, by phone, letter or email (25). */
    async register(ctx: ActionContext, body: TRegisterFeedbackBody): Promise<TFeedback> {
      requirePermission(ctx.principal, 'feedback.register');
      const receivedAt = clock.now();
      const due = await answerDueOf(receivedAt, body.channel, !!(body.email || body.phone));
      return db.transaction().execute(async (trx) => {
        await assertUnitAndStaff(trx, body.unitId, body.staffId);
        if (body.clientId && !(await clients.referenced(trx, body.clientId))) {
          throw invalidField('clientId', 'unknown_reference');
        }
        const id = await storeIn(trx, ctx, {
          kind: body.kind,
          channel: body.channel,
          unitId: body.unitId,
          staffId: body.staffId ?? null,
          text: body.text,
          name: body.name ?? null,
          email: body.email ?? null,
          phone: body.phone ?? null,
          language: body.language,
          clientId: body.clientId ?? null,
          sourceRequestId: null,
          receivedAt,
          due,
        });
        return reload(trx, ctx, id);
      });
    },

    /**
     * A request the registrar may see turned into an item: its first letter's text (or its
     * reason), its client's contact, its channel; a request becomes at most one item.
     */
    async fromRequest(ctx: ActionContext, body: TFeedbackFromRequestBody): Promise<TFeedback> {
      requirePermission(ctx.principal, 'feedback.register');
      const request = await requestAccess.visible(db, ctx, body.requestId);
      const receivedAt = new Date(request.received_at);
      const email = request.client_email;
      const phone = request.client_phone;
      const due = await answerDueOf(receivedAt, request.channel, !!(email || phone));
      return db.transaction().execute(async (trx) => {
        const taken = await findItemBySourceRequest(trx, request.id);
        if (taken) {
          throw new AppError('conflict', 'feedback_from_request_exists', {
            reference: taken.reference,
          });
        }
        const unitId = body.unitId ?? request.unit_id;
        await assertUnitAndStaff(trx, unitId, body.staffId);
        const words = await findRequestWords(trx, request.id);
        const text =
          [words.letter?.subject, words.letter?.text_body]
            .filter((part): part is string => !!part && part.trim() !== '')
            .join('\n\n') ||
          [words.service, words.reason].filter(Boolean).join(': ') ||
          request.service;
        const name =
          request.client_name ??
          ([request.client_given_name, request.client_surname].filter(Boolean).join(' ') || null);
        const language = request.client_language === 'en' ? 'en' : 'lv';
        const id = await storeIn(trx, ctx, {
          kind: body.kind,
          channel: request.channel,
          unitId,
          staffId: body.staffId ?? null,
          text: text.slice(0, 20000),
          name,
          email,
          phone,
          language,
          clientId: request.client_id,
          sourceRequestId: request.id,
          receivedAt,
          due,
        });
        await requestAccess.recordEvent(trx, ctx, request.id, 'feedback', { feedbackId: id });
        return reload(trx, ctx, id);
      });
    },

    async list(ctx: ActionContext, query: TListFeedbackQuery): Promise<TFeedbackPage> {
      const viewer = viewerOf(ctx.principal);
      const rows = await findItems(db, {
        kind: query.kind,
        state: query.state,
        unitId: query.unitId,
        staffId: query.staffId,
        escalationLevel: query.escalationLevel,
        channel: query.channel,
        words: searchTermsOf(query.q ?? ''),
        receivedFrom: query.receivedFrom ? rigaInstantOf(query.receivedFrom) : undefined,
        receivedBefore: query.receivedTo
          ? rigaInstantOf(addCalendarDays(query.receivedTo, 1))
          : undefined,
        scope: viewer.evaluate
          ? null
          : {
              staffId: viewer.staffId,
              unitIds: viewer.manageUnit ? [...viewer.unitIds] : null,
              ethics: viewer.ethics,
            },
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      const histories = await escalationsByItem(
        db,
        rows.map((row) => row.id),
      );
      const items = rows.flatMap((row) => {
        const visibility = feedbackVisibility(viewer, subjectOf(row, histories.get(row.id) ?? []));
        return visibility.view === 'none' ? [] : [presentSummary(row, visibility)];
      });
      return {
        items,
        total: rows[0]?.total ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async get(ctx: ActionContext, id: string): Promise<TFeedback> {
      const loaded = await loadVisible(db, ctx, id);
      if (loaded.visibility.view === 'full' && loaded.row.client_id) {
        await audit.recordRead(db, ctx, {
          entityType: 'client',
          entityId: loaded.row.client_id,
          context: { feedbackId: id },
        });
      }
      return present(db, loaded);
    },

    /** A file that came with the item, for those who see it in full. */
    async attachment(ctx: ActionContext, id: string, attachmentId: string) {
      const { visibility } = await loadVisible(db, ctx, id);
      if (visibility.view !== 'full') throw notFound();
      const file = await findAttachment(db, id, attachmentId);
      if (!file) throw notFound();
      return {
        filename: file.filename,
        contentType: file.content_type,
        content: file.content,
      };
    },

    /** The evaluation (26): classification and what is to be done; new → evaluated. */
    async evaluate(
      ctx: ActionContext,
      id: string,
      body: TEvaluateFeedbackBody,
    ): Promise<TFeedback> {
      return db.transaction().execute(async (trx) => {
        const { row } = await forEvaluator(trx, ctx, id, body.version);
        await assertUnitAndStaff(trx, body.unitId, body.staffId);
        const now = clock.now();
        const changes = {
          topic: body.topic,
          unit_id: body.unitId,
          staff_id: body.staffId ?? null,
          justified: body.justified,
          serious: body.serious,
          evaluation_notes: body.notes ?? null,
          actions: body.actions ?? null,
          evaluated_by: ctx.principal.staffId,
          evaluated_at: now,
          state: row.state === 'new' ? ('evaluated' as const) : row.state,
          search_text: feedbackSearchText({ ...row, topic: body.topic }),
          updated_at: now,
        };
        await updateItem(trx, id, changes);
        await audit.record(trx, ctx, {
          action: 'evaluate',
          entityType: 'feedback',
          entityId: id,
          before: {
            state: row.state,
            topic: row.topic,
            unitId: row.unit_id,
            staffId: row.staff_id,
            justified: row.justified,
            serious: row.serious,
          },
          after: {
            state: changes.state,
            topic: body.topic,
            unitId: body.unitId,
            staffId: changes.staff_id,
            justified: body.justified,
            serious: body.serious,
          },
        });
        return reload(trx, ctx, id);
      });
    },

    /** Hands the evaluation to a delegate, or takes it back (feedback.evaluate). */
    async setEvaluator(
      ctx: ActionContext,
      id: string,
      body: TFeedbackEvaluatorBody,
    ): Promise<TFeedback> {
      return db.transaction().execute(async (trx) => {
        const { row, viewer } = await loadVisible(trx, ctx, id, true);
        if (!viewer.evaluate) throw new AppError('forbidden');
        if (body.version !== undefined && row.version !== body.version) throw versionConflict();
        if (row.state === 'closed') throw new AppError('conflict', 'feedback_closed');
        if (body.staffId && !(await isActiveStaff(trx, body.staffId))) {
          throw invalidField('staffId', 'unknown_reference');
        }
        await updateItem(trx, id, { evaluator_id: body.staffId, updated_at: clock.now() });
        await audit.record(trx, ctx, {
          action: 'delegate',
          entityType: 'feedback',
          entityId: id,
          before: { evaluatorId: row.evaluator_id },
          after: { evaluatorId: body.staffId },
        });
        return reload(trx, ctx, id);
      });
    },

    /**
     * The answer to the client (26): with an email a letter through the outbox on the request
     * it threads into; with only a phone number the note of what was said. Evaluated → answered.
     */
    async answer(ctx: ActionContext, id: string, body: TAnswerFeedbackBody): Promise<TFeedback> {
      return db.transaction().execute(async (trx) => {
        const { row } = await forEvaluator(trx, ctx, id, body.version);
        if (!row.email && !row.phone) throw new AppError('conflict', 'feedback_no_contact');
        if (row.state !== 'evaluated') throw new AppError('conflict', 'feedback_not_evaluated');
        const now = clock.now();
        let requestId: string | null = null;
        let messageId: string | null = null;
        if (row.email) {
          requestId = await answerRequestIn(trx, ctx, row, row.email);
          const request = await requestAccess.visible(trx, systemContext(ctx.requestId), requestId);
          messageId = await correspondence.queueLetterIn(trx, ctx, request, {
            subject: ANSWER_SUBJECT[row.language](row.reference),
            body: body.body,
            recipient: row.email,
            signedIn: row.language,
          });
          const event = { kind: 'reply', data: { messageId, feedbackId: id } };
          if (canMove(request.state, 'answered')) {
            await requestAccess.change(
              trx,
              ctx,
              request,
              { state: 'answered', answered_at: now },
              event,
            );
          } else {
            await requestAccess.recordEvent(trx, ctx, request.id, event.kind, event.data);
          }
        }
        await updateItem(trx, id, {
          state: 'answered',
          answered_at: now,
          answer_request_id: requestId,
          updated_at: now,
        });
        await audit.record(trx, ctx, {
          action: 'answer',
          entityType: 'feedback',
          entityId: id,
          before: { state: row.state },
          after: {
            state: 'answered',
            channel: requestId ? 'email' : 'phone',
            requestId,
            messageId,
          },
          // What was said on the phone is kept with the record that it was said.
          ...(requestId ? {} : { context: { note: body.body } }),
        });
        return reload(trx, ctx, id);
      });
    },

    async close(ctx: ActionContext, id: string, body: TCloseFeedbackBody): Promise<TFeedback> {
      return db.transaction().execute(async (trx) => {
        const { row } = await forEvaluator(trx, ctx, id, body.version);
        const now = clock.now();
        await updateItem(trx, id, { state: 'closed', closed_at: now, updated_at: now });
        await audit.record(trx, ctx, {
          action: 'close',
          entityType: 'feedback',
          entityId: id,
          before: { state: row.state },
          after: { state: 'closed' },
        });
        return reload(trx, ctx, id);
      });
    },

    /**
     * Passes a complaint to the next level (32–33): the direct manager, the heads, the Ethics
     * commission, each due by its policy in working days from now.
     */
    async escalate(
      ctx: ActionContext,
      id: string,
      body: TEscalateFeedbackBody,
    ): Promise<TFeedback> {
      // The level and its deadline are worked out before the transaction (PGlite has one
      // connection); the transaction checks the item is still where it was.
      const seen = await loadVisible(db, ctx, id);
      const target = nextLevel(openOf(seen.escalations)?.level ?? null);
      const now = clock.now();
      const due = target ? await levelDueOf(target, now) : null;
      return db.transaction().execute(async (trx) => {
        const { row, escalations, viewer } = await loadVisible(trx, ctx, id, true);
        if (row.kind !== 'complaint') throw new AppError('conflict', 'feedback_not_complaint');
        if (row.state === 'closed') throw new AppError('conflict', 'feedback_closed');
        const open = openOf(escalations);
        const openLevel = open && { level: open.level, unitId: open.unit_id };
        if (!mayEscalate(viewer, { evaluatorId: row.evaluator_id }, openLevel)) {
          if (open?.level === 'ethics') throw new AppError('conflict', 'feedback_top_level');
          throw new AppError('forbidden');
        }
        const level = nextLevel(open?.level ?? null);
        if (!level || !due) throw new AppError('conflict', 'feedback_top_level');
        if (level !== target) throw versionConflict();
        await openNextIn(trx, ctx, row, open, {
          level,
          at: now,
          reason: body.reason,
          due,
          outcome: 'escalated',
        });
        return reload(trx, ctx, id);
      });
    },

    /** Closes the open level with its decision, by its holder or the evaluator. */
    async resolve(ctx: ActionContext, id: string, body: TResolveFeedbackBody): Promise<TFeedback> {
      return db.transaction().execute(async (trx) => {
        const { row, escalations, viewer } = await loadVisible(trx, ctx, id, true);
        const open = openOf(escalations);
        if (!open) throw new AppError('conflict', 'feedback_no_open_level');
        if (
          !mayResolve(
            viewer,
            { evaluatorId: row.evaluator_id },
            { level: open.level, unitId: open.unit_id },
          )
        ) {
          throw new AppError('forbidden');
        }
        const now = clock.now();
        await closeEscalation(trx, open.id, {
          closed_at: now,
          closed_by: ctx.principal.staffId,
          outcome: 'resolved',
          decision: body.decision,
        });
        await updateItem(trx, id, { escalation_level: null, updated_at: now });
        await audit.record(trx, ctx, {
          action: 'resolve',
          entityType: 'feedback',
          entityId: id,
          before: { level: open.level },
          after: { level: null, outcome: 'resolved' },
        });
        return reload(trx, ctx, id);
      });
    },

    /**
     * The job (32–33): an open level past its deadline closes as overdue and the next opens at
     * that deadline, due by its own policy; the Ethics level stays open, shown as overdue. One
     * transaction per item with its audit record; a level another worker holds is skipped, and
     * one passed on already is left alone. How many were passed on.
     */
    async escalateOverdue(now: Date = clock.now()): Promise<number> {
      const ctx = systemContext('escalate-overdue');
      let passed = 0;
      const candidates = await findOverdueEscalations(db, now, JOB_BATCH);
      for (const candidate of candidates) {
        const level = nextLevel(candidate.level);
        if (!level) continue;
        const openedAt = new Date(candidate.due_at);
        const due = await levelDueOf(level, openedAt);
        const done = await db.transaction().execute(async (trx) => {
          // The item first, as a person's escalate or resolve locks it before its level: the
          // other order could deadlock with them. One being changed now waits for the next tick.
          const row = await findItemForUpdateUnlessBusy(trx, candidate.feedback_id);
          if (!row) return false;
          const claimed = await claimEscalation(trx, candidate.id, now);
          if (!claimed) return false;
          await openNextIn(trx, ctx, row, claimed, {
            level,
            at: openedAt,
            reason: null,
            due,
            outcome: 'overdue',
          });
          return true;
        });
        if (done) passed += 1;
      }
      return passed;
    },
  };
}
export type FeedbackService = ReturnType<typeof createFeedbackService>;
