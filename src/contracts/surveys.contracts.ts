import { z } from 'zod';
import { SCALES } from '../domain/questionnaire';
import { IsoDate, PageQuery, Text, Version } from './common';

// Surveys: questionnaires in versions, waves that run them, sample plans, and the analysis.

const Texts = z.strictObject({
  lv: Text(2000),
  /** Empty or absent: the Latvian text is shown. */
  en: z.string().trim().max(2000).optional(),
});
const Key = z
  .string()
  .regex(/^[a-z0-9_]+$/, { message: 'invalid_key' })
  .max(60);

const Condition = z.strictObject({
  column: z.string().min(1).max(80),
  anyOf: z.array(z.string().min(1).max(80)).min(1).max(50),
});

const questionBase = {
  text: Texts,
  help: Texts.optional(),
  showIf: Condition.optional(),
};

const RatingQuestion = z.strictObject({
  type: z.literal('rating'),
  factor: Key,
  dimensions: z
    .array(z.enum(['importance', 'satisfaction']))
    .min(1)
    .max(2)
    .refine((list) => new Set(list).size === list.length, { message: 'duplicate' }),
  scale: z.enum(SCALES),
  labels: z.tuple([Texts, Texts, Texts, Texts]).optional(),
  dk: z.boolean().default(true),
  comment: z.boolean().default(false),
  group: z.string().trim().max(200).optional(),
  ...questionBase,
});

const ChoiceQuestion = z.strictObject({
  type: z.enum(['single', 'multiple']),
  key: Key,
  options: z
    .array(z.strictObject({ value: z.string().trim().min(1).max(80), label: Texts }))
    .max(100),
  ...questionBase,
});

const TextQuestion = z.strictObject({ type: z.literal('text'), key: Key, ...questionBase });

export const Questionnaire = z.strictObject({
  sections: z
    .array(
      z.strictObject({
        title: Texts,
        intro: Texts.optional(),
        questions: z
          .array(z.discriminatedUnion('type', [RatingQuestion, ChoiceQuestion, TextQuestion]))
          .max(300),
      }),
    )
    .max(50),
});
export type TQuestionnaire = z.infer<typeof Questionnaire>;

export const SurveyKind = z.enum(['client', 'staff', 'other']);
export const WaveState = z.enum(['draft', 'open', 'closed']);
export const QuadrantLabels = z.strictObject({
  improve: Texts.optional(),
  strengthen: Texts.optional(),
  keep: Texts.optional(),
  watch: Texts.optional(),
});

export const CreateSurveyBody = z.strictObject({
  title: Text(200),
  titleEn: z.string().trim().max(200).nullable().optional(),
  kind: SurveyKind,
  description: z.string().trim().max(4000).default(''),
  questionnaire: Questionnaire.default({ sections: [] }),
});
export type TCreateSurveyBody = z.infer<typeof CreateSurveyBody>;

export const UpdateSurveyBody = z.strictObject({
  title: Text(200).optional(),
  titleEn: z.string().trim().max(200).nullable().optional(),
  description: z.string().trim().max(4000).optional(),
  quadrantLabels: QuadrantLabels.optional(),
  version: Version,
});
export type TUpdateSurveyBody = z.infer<typeof UpdateSurveyBody>;

export const SaveQuestionnaireBody = z.strictObject({
  questionnaire: Questionnaire,
  /** The version number the editor started from; a newer one in between is a conflict. */
  basedOn: z.int().min(1),
  /**
   * The survey's version read: a save in between (which may have rewritten the same
   * questionnaire version) is a conflict too.
   */
  version: Version,
});
export type TSaveQuestionnaireBody = z.infer<typeof SaveQuestionnaireBody>;

export const WaveSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  state: WaveState,
  questionnaireVersion: z.int(),
  fieldworkStart: z.string().nullable(),
  fieldworkEnd: z.string().nullable(),
  /** Completed answers, from every source. */
  responses: z.int(),
});
export type TWaveSummary = z.infer<typeof WaveSummary>;

export const SurveySummary = z.object({
  id: z.uuid(),
  title: z.string(),
  titleEn: z.string().nullable(),
  kind: SurveyKind,
  description: z.string(),
  waves: z.array(WaveSummary),
  updatedAt: z.string(),
  version: z.int(),
});
export type TSurveySummary = z.infer<typeof SurveySummary>;

export const SurveyDetail = SurveySummary.extend({
  quadrantLabels: QuadrantLabels,
  questionnaire: z.object({
    number: z.int(),
    frozen: z.boolean(),
    definition: Questionnaire,
  }),
  versions: z.array(z.object({ number: z.int(), frozen: z.boolean(), createdAt: z.string() })),
});
export type TSurveyDetail = z.infer<typeof SurveyDetail>;

export const SurveysPage = z.object({
  items: z.array(SurveySummary),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type TSurveysPage = z.infer<typeof SurveysPage>;

export const ListSurveysQuery = z.strictObject({ ...PageQuery });
export type TListSurveysQuery = z.infer<typeof ListSurveysQuery>;

export const QuestionnaireVersionQuery = z.strictObject({
  version: z.coerce.number().int().min(1).optional(),
});

/** One version of a survey's questionnaire; frozen once it has answers. */
export const QuestionnaireVersion = z.object({
  number: z.int(),
  frozen: z.boolean(),
  definition: Questionnaire,
});
export type TQuestionnaireVersion = z.infer<typeof QuestionnaireVersion>;

export const RetryRules = z.strictObject({
  /** Minutes until the next call after no answer, a busy line, a soft refusal. */
  noAnswerMinutes: z.int().min(1).max(43_200).default(180),
  busyMinutes: z.int().min(1).max(43_200).default(30),
  softRefusalMinutes: z.int().min(1).max(43_200).default(2880),
  /** Calls at most, after which the case is closed as not reached. */
  maxAttempts: z.int().min(1).max(50).default(6),
});
export type TRetryRules = z.infer<typeof RetryRules>;

export const CreateWaveBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[^,;]+$/, { message: 'invalid_characters' }),
  /** The questionnaire version the wave runs; the newest when absent. */
  questionnaireVersion: z.int().min(1).optional(),
  fieldworkStart: IsoDate.nullable().optional(),
  fieldworkEnd: IsoDate.nullable().optional(),
});
export type TCreateWaveBody = z.infer<typeof CreateWaveBody>;

export const UpdateWaveBody = z.strictObject({
  state: WaveState.optional(),
  fieldworkStart: IsoDate.nullable().optional(),
  fieldworkEnd: IsoDate.nullable().optional(),
  /** Whether the wave has an anonymous public web link. */
  publicLink: z.boolean().optional(),
  retryRules: RetryRules.optional(),
  qcFraction: z.number().gt(0).max(1).optional(),
  /** Why a closed wave is opened again: required then, and kept in the audit log. */
  reopenReason: Text(1000).optional(),
  version: Version,
});
export type TUpdateWaveBody = z.infer<typeof UpdateWaveBody>;

export const SamplePlanBody = z.strictObject({
  total: z.int().min(1).max(1_000_000),
  minPerStratum: z.int().min(0).max(1_000_000).nullable().optional(),
  strata: z
    .array(
      z.strictObject({
        name: Text(100),
        size: z.int().min(0).max(100_000_000),
        max: z.int().min(0).max(1_000_000).nullable().optional(),
      }),
    )
    .min(1)
    .max(500),
  /** Two stages: at most this many interviews in one listed unit (e.g. one per centre). */
  perUnitCap: z.int().min(1).max(1000).nullable().optional(),
  /** The plan's version read; left out when the wave has no plan yet. */
  version: Version.optional(),
});
export type TSamplePlanBody = z.infer<typeof SamplePlanBody>;

export const SamplePlan = z.object({
  total: z.int(),
  minPerStratum: z.int().nullable(),
  strata: z.array(z.object({ name: z.string(), size: z.int(), max: z.int().nullable() })),
  allocation: z.record(z.string(), z.int()),
  perUnitCap: z.int().nullable(),
  updatedAt: z.string(),
  version: z.int(),
});
export type TSamplePlan = z.infer<typeof SamplePlan>;

export const WaveDetail = WaveSummary.extend({
  surveyId: z.uuid(),
  surveyTitle: z.string(),
  /** The path of the anonymous web link, when the wave has one. */
  publicPath: z.string().nullable(),
  retryRules: RetryRules,
  qcFraction: z.number(),
  plan: SamplePlan.nullable(),
  /** Completed and started answers per source. */
  bySource: z.array(
    z.object({ source: z.enum(['web', 'cati', 'import']), complete: z.int(), inProgress: z.int() }),
  ),
  version: z.int(),
});
export type TWaveDetail = z.infer<typeof WaveDetail>;

export const ImportResult = z.object({
  imported: z.int(),
  waves: z.array(z.object({ name: z.string(), created: z.boolean(), respondents: z.int() })),
});
export type TImportResult = z.infer<typeof ImportResult>;

export const ExportQuery = z.strictObject({
  /**
   * csv and xlsx: the answers file of the import; spss: the same with numeric codes (dk = 9) and
   * SPSS variable names; sps: the SPSS syntax that reads the spss file and labels it.
   */
  format: z.enum(['csv', 'xlsx', 'spss', 'sps']).default('csv'),
  language: z.enum(['lv', 'en']).default('lv'),
  /** Only this wave; every wave when absent. */
  wave: z.string().max(40).optional(),
});
export type TExportQuery = z.infer<typeof ExportQuery>;

export const AnalysisQuery = z.strictObject({
  mapWave: z.string().max(40).optional(),
  /** Comma-separated wave names pooled for the map's borders. */
  borderWaves: z.string().max(400).optional(),
  stratum: z.string().max(100).optional(),
});
export type TAnalysisQuery = z.infer<typeof AnalysisQuery>;

const Counts = z.object({ '1': z.int(), '2': z.int(), '3': z.int(), '4': z.int(), dk: z.int() });

export const SurveyAnalysis = z.object({
  waves: z.array(z.string()),
  strata: z.array(z.string()),
  stratum: z.string().nullable(),
  factors: z.array(
    z.object({
      factor: z.string(),
      wave: z.string(),
      dimension: z.enum(['importance', 'satisfaction']),
      n: z.int(),
      counts: Counts,
      mean: z.number().nullable(),
      /** The mean minus the previous wave's mean of the same factor and dimension. */
      change: z.number().nullable(),
    }),
  ),
  /** Null while no wave has answers. */
  map: z
    .object({
      wave: z.string(),
      borderWaves: z.array(z.string()),
      borders: z.object({ importance: z.number().nullable(), satisfaction: z.number().nullable() }),
      points: z.array(
        z.object({
          factor: z.string(),
          importance: z.number(),
          satisfaction: z.number(),
          quadrant: z.enum(['improve', 'strengthen', 'keep', 'watch']),
        }),
      ),
    })
    .nullable(),
  /** Completed answers per wave (in the stratum, when filtered). */
  responses: z.record(z.string(), z.int()),
});
export type TSurveyAnalysis = z.infer<typeof SurveyAnalysis>;

// Personal web invitations: a link per address, one answer per link.

export const CreateInvitationsBody = z.strictObject({
  /** The addresses to invite; a repeated address (in any case) is invited once. */
  emails: z.array(z.string().trim().max(320)).min(1).max(1000),
});
export type TCreateInvitationsBody = z.infer<typeof CreateInvitationsBody>;

export const CreatedInvitations = z.object({
  /** Each new invitation with its personal link: shown this once, the token is kept hashed. */
  created: z.array(z.object({ id: z.uuid(), email: z.string(), link: z.string() })),
  /** Addresses the wave had invited already: not invited again, their links stay as they were. */
  skipped: z.array(z.object({ email: z.string(), reason: z.enum(['already_invited']) })),
});
export type TCreatedInvitations = z.infer<typeof CreatedInvitations>;

export const Invitation = z.object({
  id: z.uuid(),
  email: z.string(),
  createdAt: z.string(),
  /** Whether the invited person has submitted their answers, and when. */
  used: z.boolean(),
  usedAt: z.string().nullable(),
});
export type TInvitation = z.infer<typeof Invitation>;

export const InvitationsPage = z.object({
  items: z.array(Invitation),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type TInvitationsPage = z.infer<typeof InvitationsPage>;

export const ListInvitationsQuery = z.strictObject({ ...PageQuery });
export type TListInvitationsQuery = z.infer<typeof ListInvitationsQuery>;
