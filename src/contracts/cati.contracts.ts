import { z } from 'zod';
import { CATI_OUTCOMES, CATI_STATES, REFUSAL_REASONS } from '../domain/cati';
import { OptionalText, PageQuery, pageOf, Text } from './common';
import { Questionnaire } from './surveys.contracts';

// Telephone interviews (CATI): the sample of a wave, the interviewer's cases and calls, the
// per-stratum summary, and the quality control of completed interviews.

export const CatiOutcome = z.enum(CATI_OUTCOMES);
export const CatiState = z.enum(CATI_STATES);
export const RefusalReason = z.enum(REFUSAL_REASONS);
export const QcVerdict = z.enum(['pass', 'remarks', 'fail']);

const Phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9][0-9 ()-]{3,}$/, { message: 'invalid_phone' });

/** One person to call; the organisation is the listed unit of a two-stage sample. */
export const SampleMember = z.strictObject({
  name: Text(200),
  phone: Phone,
  organisation: OptionalText(200),
  stratum: OptionalText(100),
});
export type TSampleMember = z.infer<typeof SampleMember>;

export const AddSampleBody = z.strictObject({
  members: z.array(SampleMember).min(1).max(5000),
});
export type TAddSampleBody = z.infer<typeof AddSampleBody>;

export const AddSampleResult = z.object({ added: z.int() });
export type TAddSampleResult = z.infer<typeof AddSampleResult>;

export const SampleQuery = z.strictObject({
  stratum: z.string().trim().max(100).optional(),
  state: CatiState.optional(),
  ...PageQuery,
});
export type TSampleQuery = z.infer<typeof SampleQuery>;

const Person = z.object({ id: z.uuid(), name: z.string() });

export const SampleCase = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string(),
  organisation: z.string().nullable(),
  stratum: z.string().nullable(),
  state: CatiState,
  attempts: z.int(),
  nextCallAt: z.string().nullable(),
  /** The AAPOR final disposition code, once closed. */
  finalDisposition: z.string().nullable(),
  /** The interviewer who has the case on their screen, while their hold lasts. */
  heldBy: Person.nullable(),
});
export type TSampleCase = z.infer<typeof SampleCase>;

export const SamplePage = pageOf(SampleCase);
export type TSamplePage = z.infer<typeof SamplePage>;

export const CatiAttempt = z.object({
  id: z.uuid(),
  calledAt: z.string(),
  outcome: CatiOutcome,
  refusalReason: RefusalReason.nullable(),
  appointmentAt: z.string().nullable(),
  note: z.string().nullable(),
  interviewer: Person.nullable(),
});
export type TCatiAttempt = z.infer<typeof CatiAttempt>;

/** A case on the interviewer's screen: whom to call, the calls so far, what to read aloud. */
export const CatiCase = SampleCase.extend({
  wave: z.object({ id: z.uuid(), name: z.string(), surveyTitle: z.string() }),
  /** Until when the signed-in interviewer holds the case; saving answers extends it. */
  heldUntil: z.string().nullable(),
  history: z.array(CatiAttempt),
  questionnaire: Questionnaire,
  /** Answers saved so far by column, when the interview has started. */
  answers: z.record(z.string(), z.string()),
});
export type TCatiCase = z.infer<typeof CatiCase>;

export const NextCaseBody = z.strictObject({
  /** Only this wave's cases; any open wave's when absent. */
  waveId: z.uuid().optional(),
});
export type TNextCaseBody = z.infer<typeof NextCaseBody>;
/** The body of `POST /cati/next` may be left out: any open wave's case. */
export const OptionalNextCaseBody = NextCaseBody.optional();

const Answers = z.record(z.string().max(200), z.string().max(4000));

export const RecordAttemptBody = z.strictObject({
  outcome: CatiOutcome,
  /** Required with a soft or hard refusal. */
  refusalReason: RefusalReason.optional(),
  /** Required with an appointment: when to call back. */
  appointmentAt: z.iso.datetime({ offset: true }).optional(),
  note: OptionalText(2000),
  /**
   * The interview's answers: required with `complete`; with another outcome (a break-off) they
   * are kept to continue on the next call.
   */
  answers: Answers.optional(),
});
export type TRecordAttemptBody = z.infer<typeof RecordAttemptBody>;

export const SaveCaseAnswersBody = z.strictObject({ answers: Answers });
export type TSaveCaseAnswersBody = z.infer<typeof SaveCaseAnswersBody>;

export const RecordAttemptResult = z.object({
  case: SampleCase,
  attempt: CatiAttempt,
});
export type TRecordAttemptResult = z.infer<typeof RecordAttemptResult>;

export const StratumSummary = z.object({
  /** Null: the members given without a stratum. */
  stratum: z.string().nullable(),
  sample: z.int(),
  /** From the wave's sample plan allocation, when it has one. */
  planned: z.int().nullable(),
  attempts: z.int(),
  completes: z.int(),
  /** Cases still to be called. */
  open: z.int(),
  refusals: z.object({
    /** Calls that ended in a refusal, soft or hard. */
    calls: z.int(),
    soft: z.int(),
    hard: z.int(),
    /** Cases closed as refused (2.11, 2.112). */
    cases: z.int(),
    reasons: z.array(z.object({ reason: RefusalReason, count: z.int() })),
  }),
  notEligible: z.int(),
  /** AAPOR RR1: completes / (cases − not eligible); null when nothing is eligible. */
  responseRate: z.number().nullable(),
  /** Closed cases by AAPOR final disposition code. */
  dispositions: z.record(z.string(), z.int()),
});
export type TStratumSummary = z.infer<typeof StratumSummary>;

export const CatiSummary = z.object({
  strata: z.array(StratumSummary),
  total: StratumSummary,
});
export type TCatiSummary = z.infer<typeof CatiSummary>;

export const QcDrawResult = z.object({
  /** Interviews drawn by this request. */
  drawn: z.int(),
  /** Interviews drawn for the wave so far, this request's included. */
  total: z.int(),
  /** Completed CATI interviews of the wave. */
  completes: z.int(),
});
export type TQcDrawResult = z.infer<typeof QcDrawResult>;

export const QcItem = z.object({
  responseId: z.uuid(),
  sampleId: z.uuid().nullable(),
  respondent: z.string().nullable(),
  stratum: z.string().nullable(),
  interviewer: Person.nullable(),
  completedAt: z.string().nullable(),
  drawnAt: z.string(),
  answers: z.record(z.string(), z.string()),
  verdict: QcVerdict.nullable(),
  feedback: z.string().nullable(),
  checkedBy: Person.nullable(),
  checkedAt: z.string().nullable(),
});
export type TQcItem = z.infer<typeof QcItem>;

export const QcList = z.object({
  items: z.array(QcItem),
  completes: z.int(),
  /** The wave's share of completes to listen to. */
  fraction: z.number(),
});
export type TQcList = z.infer<typeof QcList>;

export const QcParams = z.strictObject({ id: z.uuid(), responseId: z.uuid() });

export const QcVerdictBody = z.strictObject({
  verdict: QcVerdict,
  /** What the interviewer is told; required unless the interview passed. */
  feedback: OptionalText(4000),
});
export type TQcVerdictBody = z.infer<typeof QcVerdictBody>;
