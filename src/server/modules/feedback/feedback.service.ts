import type { Kysely } from 'kysely';
import type { FEEDBACK_ATTACHMENT_TYPES } from '../../../contracts/feedback.contracts';
import {
  FEEDBACK_ATTACHMENT_MAX_BYTES,
  FEEDBACK_ATTACHMENTS_MAX,
  type TPublicFeedbackBody,
  type TPublicFeedbackReceipt,
} from '../../../contracts/feedback.contracts';
import {
  ANSWER_POLICY,
  feedbackReference,
  rateLimitDecision,
  type RateLimit,
} from '../../../domain/feedback';
import { rigaDateOf } from '../../../domain/riga-time';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { systemContext, type ActionContext } from '../../http/access';
import { AppError, invalidField } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import {
  findUnitRef,
  insertAttachments,
  insertAttempt,
  insertItem,
  isActiveMemberOf,
  lockAddress,
  nextReferenceNumber,
  recentAttempts,
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

/** The text searched by the list's `q`: the words a viewer would look for, in lower case. */
function searchTextOf(item: {
  reference: string;
  text: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  topic?: string | null;
}): string {
  return [item.reference, item.text, item.name, item.email, item.phone, item.topic]
    .filter((part): part is string => !!part)
    .join(' ')
    .toLowerCase();
}

export function createFeedbackService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  calendar: CalendarService;
}) {
  const { db, audit, clock, calendar } = deps;

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
        const reference = feedbackReference(
          Number(rigaDateOf(receivedAt).slice(0, 4)),
          await nextReferenceNumber(trx),
        );
        const contact = {
          name: input.name ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
        };
        const { id } = await insertItem(trx, {
          reference,
          kind: input.kind,
          channel: 'web_form',
          unit_id: input.unitId,
          staff_id: input.staffId ?? null,
          text: input.text,
          ...contact,
          language: input.language,
          registered_by: null,
          received_at: receivedAt,
          state: 'new',
          ...due,
          search_text: searchTextOf({ reference, text: input.text, ...contact }),
          created_at: receivedAt,
          updated_at: receivedAt,
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
        // The text and the contact stay out of the log: the record says what and where.
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'feedback',
          entityId: id,
          after: {
            reference,
            kind: input.kind,
            channel: 'web_form',
            unitId: input.unitId,
            staffId: input.staffId ?? null,
            attachments: uploads.length,
          },
        });
        return { reference };
      });
    },
  };
}
export type FeedbackService = ReturnType<typeof createFeedbackService>;
