import {
  RetryRules,
  type TSamplePlan,
  type TSurveyDetail,
  type TSurveySummary,
  type TWaveDetail,
  type TWaveSummary,
} from '../../../contracts/surveys.contracts';
import type { Questionnaire } from '../../../domain/questionnaire';
import type { SurveySamplePlansTable } from '../../db/schema';
import type { Selectable } from 'kysely';
import type { SurveyRecord, WaveRecord, WaveSummaryRow } from './surveys.repository';

export function presentWaveSummary(row: WaveSummaryRow): TWaveSummary {
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    questionnaireVersion: row.questionnaire_number,
    fieldworkStart: row.fieldwork_start,
    fieldworkEnd: row.fieldwork_end,
    responses: row.responses ?? 0,
  };
}

export function presentSurveySummary(
  row: SurveyRecord,
  waves: readonly WaveSummaryRow[],
): TSurveySummary {
  return {
    id: row.id,
    title: row.title,
    titleEn: row.title_en,
    kind: row.kind,
    description: row.description,
    waves: waves.map(presentWaveSummary),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function presentSurveyDetail(
  row: SurveyRecord,
  waves: readonly WaveSummaryRow[],
  versions: ReadonlyArray<{ number: number; frozen_at: Date | null; created_at: Date }>,
  latest: { number: number; definition: Questionnaire; frozen_at: Date | null },
): TSurveyDetail {
  return {
    ...presentSurveySummary(row, waves),
    quadrantLabels: row.quadrant_labels,
    questionnaire: {
      number: latest.number,
      frozen: latest.frozen_at !== null,
      definition: latest.definition,
    },
    versions: versions.map((version) => ({
      number: version.number,
      frozen: version.frozen_at !== null,
      createdAt: version.created_at.toISOString(),
    })),
  };
}

export function presentPlan(row: Selectable<SurveySamplePlansTable>): TSamplePlan {
  return {
    total: row.total,
    minPerStratum: row.min_per_stratum,
    strata: row.strata,
    allocation: row.allocation,
    perUnitCap: row.per_unit_cap,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function presentWaveDetail(
  wave: WaveRecord,
  plan: Selectable<SurveySamplePlansTable> | null,
  bySource: ReadonlyArray<{
    source: 'web' | 'cati' | 'import';
    complete: number;
    in_progress: number;
  }>,
): TWaveDetail {
  return {
    id: wave.id,
    surveyId: wave.survey_id,
    surveyTitle: wave.survey_title,
    name: wave.name,
    state: wave.state,
    questionnaireVersion: wave.questionnaire_number,
    fieldworkStart: wave.fieldwork_start,
    fieldworkEnd: wave.fieldwork_end,
    responses: bySource.reduce((sum, entry) => sum + entry.complete, 0),
    publicPath: wave.public_token === null ? null : `/s/${wave.public_token}`,
    // Rules saved before a field existed get its default.
    retryRules: RetryRules.parse(wave.retry_rules),
    qcFraction: Number(wave.qc_fraction),
    plan: plan === null ? null : presentPlan(plan),
    bySource: bySource.map((entry) => ({
      source: entry.source,
      complete: entry.complete,
      inProgress: entry.in_progress,
    })),
    version: wave.version,
  };
}
