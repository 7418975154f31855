import { z } from 'zod';
import { CHANNELS } from '../domain/channels';
import {
  IsoDate,
  OptionalEmail,
  OptionalPhone,
  OptionalText,
  PageQuery,
  SearchText,
  Text,
  Version,
  pageOf,
} from './common';

// Praise, complaints and suggestions (clauses 25–26), their escalation (32–33). The public form
// posts without signing in; staff register, evaluate, answer and escalate through /api/v1.

export const FEEDBACK_KINDS = ['praise', 'complaint', 'suggestion'] as const;
export const FeedbackKind = z.enum(FEEDBACK_KINDS);
export type TFeedbackKind = z.infer<typeof FeedbackKind>;

export const FEEDBACK_STATES = ['new', 'evaluated', 'answered', 'closed'] as const;
export const FeedbackState = z.enum(FEEDBACK_STATES);
export type TFeedbackState = z.infer<typeof FeedbackState>;

/** The ways feedback arrives (clause 25): a subset of the contact channels. */
export const FEEDBACK_CHANNELS = [
  'in_person',
  'phone',
  'letter',
  'email',
  'e_address',
  'mobile_app',
  'web_form',
] as const;
export const FeedbackChannel = z.enum(FEEDBACK_CHANNELS);
export type TFeedbackChannel = z.infer<typeof FeedbackChannel>;

/** How an item came, as stored: one made from a request keeps the request's channel. */
export const ReceivedChannel = z.enum(CHANNELS);

export const ESCALATION_LEVELS = ['manager', 'head', 'ethics'] as const;
export const EscalationLevel = z.enum(ESCALATION_LEVELS);
export type TEscalationLevel = z.infer<typeof EscalationLevel>;

export const EscalationOutcome = z.enum(['resolved', 'escalated', 'overdue']);

export const FeedbackLanguage = z.enum(['lv', 'en']);

/** The longest text of an item: a page or two of a letter. */
export const FEEDBACK_TEXT_MAX = 5000;
/** The public form's attachments: at most this many files, each at most this large. */
export const FEEDBACK_ATTACHMENTS_MAX = 3;
export const FEEDBACK_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const FEEDBACK_ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** The fields the public form and staff registration share. */
const submissionFields = {
  kind: FeedbackKind,
  unitId: z.uuid(),
  staffId: z.uuid().nullable().optional(),
  text: Text(FEEDBACK_TEXT_MAX),
  name: OptionalText(200),
  email: OptionalEmail,
  phone: OptionalPhone,
  language: FeedbackLanguage.default('lv'),
};

/**
 * The public form (no sign-in). `website` is the honeypot: people never see it, so it stays
 * empty; a filled one is refused on that field.
 */
export const PublicFeedbackBody = z.strictObject({
  ...submissionFields,
  website: z.string().max(500).optional(),
});
export type TPublicFeedbackBody = z.infer<typeof PublicFeedbackBody>;

/** What the submitter is told: the number to quote back. */
export const PublicFeedbackReceipt = z.object({ reference: z.string() });
export type TPublicFeedbackReceipt = z.infer<typeof PublicFeedbackReceipt>;

/** Feedback received by staff in person, by phone, letter or email (25). */
export const RegisterFeedbackBody = z.strictObject({
  ...submissionFields,
  channel: FeedbackChannel,
  clientId: z.uuid().nullable().optional(),
});
export type TRegisterFeedbackBody = z.infer<typeof RegisterFeedbackBody>;

/** A request (typically an e-mail's) turned into an item; text and contact come from it. */
export const FeedbackFromRequestBody = z.strictObject({
  requestId: z.uuid(),
  kind: FeedbackKind,
  unitId: z.uuid().nullable().optional(),
  staffId: z.uuid().nullable().optional(),
});
export type TFeedbackFromRequestBody = z.infer<typeof FeedbackFromRequestBody>;

export const ListFeedbackQuery = z
  .strictObject({
    kind: FeedbackKind.optional(),
    state: FeedbackState.optional(),
    unitId: z.uuid().optional(),
    staffId: z.uuid().optional(),
    /** The open escalation's level; `none` for items not escalated now. */
    escalationLevel: z.enum([...ESCALATION_LEVELS, 'none']).optional(),
    channel: ReceivedChannel.optional(),
    q: SearchText(200).optional(),
    /** Received on or after this day (Riga time). */
    receivedFrom: IsoDate.optional(),
    /** Received on or before this day (Riga time). */
    receivedTo: IsoDate.optional(),
    ...PageQuery,
  })
  .refine(
    (query) => !query.receivedFrom || !query.receivedTo || query.receivedFrom <= query.receivedTo,
    { message: 'range_reversed', path: ['receivedTo'] },
  );
export type TListFeedbackQuery = z.infer<typeof ListFeedbackQuery>;

export const FeedbackAttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

/** A person or unit named on an item. */
export const FeedbackRef = z.object({ id: z.uuid(), name: z.string() });
export type TFeedbackRef = z.infer<typeof FeedbackRef>;

export const FeedbackAttachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  size: z.int(),
  uploadedAt: z.string(),
});
export type TFeedbackAttachment = z.infer<typeof FeedbackAttachment>;

/** One level a complaint passed through; `decision` is withheld from the person complained about. */
export const FeedbackEscalation = z.object({
  id: z.uuid(),
  level: EscalationLevel,
  unit: FeedbackRef.nullable(),
  openedAt: z.string(),
  openedBy: FeedbackRef.nullable(),
  reason: z.string().nullable(),
  dueOn: IsoDate,
  dueAt: z.string(),
  closedAt: z.string().nullable(),
  closedBy: FeedbackRef.nullable(),
  outcome: EscalationOutcome.nullable(),
  decision: z.string().nullable(),
  /** Open and past its deadline (the Ethics level stays open when overdue). */
  overdue: z.boolean(),
});
export type TFeedbackEscalation = z.infer<typeof FeedbackEscalation>;

/** What the viewer may do with the item, decided by the server. */
export const FeedbackAbilities = z.object({
  evaluate: z.boolean(),
  delegate: z.boolean(),
  answer: z.boolean(),
  close: z.boolean(),
  escalate: z.boolean(),
  resolve: z.boolean(),
});
export type TFeedbackAbilities = z.infer<typeof FeedbackAbilities>;

/** A row of the list: no contact details and no evaluation. */
export const FeedbackSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: FeedbackKind,
  channel: ReceivedChannel,
  unit: FeedbackRef,
  staff: FeedbackRef.nullable(),
  state: FeedbackState,
  receivedAt: z.string(),
  /** The first words of the text; null for the registrar who sees only the item's outline. */
  excerpt: z.string().nullable(),
  topic: z.string().nullable(),
  serious: z.boolean(),
  escalationLevel: EscalationLevel.nullable(),
  answerDueOn: IsoDate.nullable(),
});
export type TFeedbackSummary = z.infer<typeof FeedbackSummary>;

export const FeedbackPage = pageOf(FeedbackSummary);
export type TFeedbackPage = z.infer<typeof FeedbackPage>;

/**
 * One item as the viewer may see it. `view` says how much: `full`; `outline` (the registrar:
 * reference, kind, unit, state — the rest null or empty). The evaluation notes, the actions and
 * the escalation decisions are null for the person complained about, and the notes for an
 * Ethics commission member who does not evaluate.
 */
export const Feedback = z.object({
  id: z.uuid(),
  reference: z.string(),
  view: z.enum(['full', 'outline']),
  kind: FeedbackKind,
  channel: ReceivedChannel,
  unit: FeedbackRef,
  staff: FeedbackRef.nullable(),
  state: FeedbackState,
  receivedAt: z.string(),
  text: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: FeedbackLanguage,
  clientId: z.uuid().nullable(),
  sourceRequest: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  answerRequest: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  registeredBy: FeedbackRef.nullable(),
  evaluator: FeedbackRef.nullable(),
  topic: z.string().nullable(),
  justified: z.boolean().nullable(),
  serious: z.boolean(),
  evaluationNotes: z.string().nullable(),
  actions: z.string().nullable(),
  evaluatedBy: FeedbackRef.nullable(),
  evaluatedAt: z.string().nullable(),
  answerDueOn: IsoDate.nullable(),
  answerDueAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** How the answer went: by email (a letter in the outbox) or by phone (noted by hand). */
  answerChannel: z.enum(['email', 'phone']).nullable(),
  closedAt: z.string().nullable(),
  escalationLevel: EscalationLevel.nullable(),
  escalations: z.array(FeedbackEscalation),
  attachments: z.array(FeedbackAttachment),
  abilities: FeedbackAbilities,
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TFeedback = z.infer<typeof Feedback>;

/** The evaluation (26): classification, whether justified, what is to be done. */
export const EvaluateFeedbackBody = z.strictObject({
  topic: Text(100),
  unitId: z.uuid(),
  staffId: z.uuid().nullable().optional(),
  justified: z.boolean(),
  serious: z.boolean(),
  notes: OptionalText(FEEDBACK_TEXT_MAX),
  actions: OptionalText(FEEDBACK_TEXT_MAX),
  version: Version,
});
export type TEvaluateFeedbackBody = z.infer<typeof EvaluateFeedbackBody>;

/** Hands the evaluation to a delegate, or takes it back (null). */
export const FeedbackEvaluatorBody = z.strictObject({
  staffId: z.uuid().nullable(),
  version: Version.optional(),
});
export type TFeedbackEvaluatorBody = z.infer<typeof FeedbackEvaluatorBody>;

/**
 * The answer to the client: with an email it leaves as a letter through the outbox; with only a
 * phone number the body is the note of what was said on the phone.
 */
export const AnswerFeedbackBody = z.strictObject({
  body: Text(20000),
  version: Version.optional(),
});
export type TAnswerFeedbackBody = z.infer<typeof AnswerFeedbackBody>;

export const CloseFeedbackBody = z.strictObject({ version: Version.optional() });
export type TCloseFeedbackBody = z.infer<typeof CloseFeedbackBody>;

export const EscalateFeedbackBody = z.strictObject({ reason: Text(2000) });
export type TEscalateFeedbackBody = z.infer<typeof EscalateFeedbackBody>;

export const ResolveFeedbackBody = z.strictObject({ decision: Text(FEEDBACK_TEXT_MAX) });
export type TResolveFeedbackBody = z.infer<typeof ResolveFeedbackBody>;
