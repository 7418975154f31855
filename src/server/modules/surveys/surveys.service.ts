import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  TAnalysisQuery,
  TCreateSurveyBody,
  TCreateWaveBody,
  TListSurveysQuery,
  TSamplePlan,
  TSamplePlanBody,
  TSaveQuestionnaireBody,
  TSurveyAnalysis,
  TSurveyDetail,
  TSurveysPage,
  TUpdateSurveyBody,
  TUpdateWaveBody,
  TWaveDetail,
} from '../../../contracts/surveys.contracts';
import { RetryRules } from '../../../contracts/surveys.contracts';
import { checkQuestionnaire, type Questionnaire } from '../../../domain/questionnaire';
import { allocateSample } from '../../../domain/sample-allocation';
import {
  analyseSurvey,
  compareWaves,
  defaultBorderWaves,
  factorStatistics,
  withChanges,
  type RatingTally,
} from '../../../domain/survey-stats';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import { offsetOf } from '../paging';
import {
  presentPlan,
  presentSurveyDetail,
  presentSurveySummary,
  presentWaveDetail,
} from './surveys.presenter';
import {
  countBySource,
  countCompleted,
  findStrata,
  sumTallies,
  findPlan,
  findSurvey,
  findSurveys,
  findVersion,
  findVersions,
  findWave,
  findWaveByName,
  findWaveSummaries,
  freezeVersion,
  insertImportedWave,
  insertSurvey,
  insertVersion,
  insertWave,
  touchSurvey,
  updateSurvey,
  updateUnfrozenVersion,
  updateWave,
  upsertPlan,
  type WaveRecord,
} from './surveys.repository';

/** A questionnaire the schema accepted, checked for what the schema cannot see. */
function checkedQuestionnaire(questionnaire: Questionnaire, field: string): Questionnaire {
  const problem = checkQuestionnaire(questionnaire)[0];
  if (problem) {
    throw invalidField(`${field}.${problem.path}`, 'questionnaire_rule', {
      problem: problem.message,
    });
  }
  return questionnaire;
}

/** The wave names asked for as borders, each one the survey has. */
function borderWavesOf(
  value: string | undefined,
  known: ReadonlySet<string>,
): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const names = [
    ...new Set(
      value
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = names.find((name) => !known.has(name));
  if (unknown !== undefined) {
    throw invalidField('borderWaves', 'unknown_wave', { wave: unknown }, 'query');
  }
  return names;
}

export function createSurveysService(deps: { db: Kysely<DB>; audit: AuditService; clock: Clock }) {
  const { db, audit, clock } = deps;

  async function detailOf(executor: Executor, id: string): Promise<TSurveyDetail> {
    const survey = await findSurvey(executor, id);
    if (!survey) throw notFound();
    const [waves, versions, latest] = await Promise.all([
      findWaveSummaries(executor, [id]),
      findVersions(executor, id),
      findVersion(executor, id, null),
    ]);
    if (!latest) throw notFound();
    return presentSurveyDetail(survey, waves, versions, latest);
  }

  async function waveDetailOf(executor: Executor, wave: WaveRecord): Promise<TWaveDetail> {
    const [plan, bySource] = await Promise.all([
      findPlan(executor, wave.id),
      countBySource(executor, wave.id),
    ]);
    return presentWaveDetail(wave, plan ?? null, bySource);
  }

  async function loadWave(executor: Executor, id: string, forUpdate = false) {
    const wave = await findWave(executor, id, forUpdate);
    if (!wave) throw notFound();
    return wave;
  }

  /**
   * Counts, means and changes per factor and wave, and the importance–satisfaction map, from
   * the tallies: the same domain code as the command line, on all waves or one stratum.
   */
  async function analyse(surveyId: string, query: TAnalysisQuery): Promise<TSurveyAnalysis> {
    if (!(await findSurvey(db, surveyId))) throw notFound();
    const waves = await findWaveSummaries(db, [surveyId]);
    const nameOf = new Map(waves.map((wave) => [wave.id, wave.name]));
    const waveIds = waves.map((wave) => wave.id);
    const stratum = query.stratum?.trim() || null;
    const [rows, strata, completed] = await Promise.all([
      sumTallies(db, waveIds, stratum),
      findStrata(db, waveIds),
      countCompleted(db, waveIds, stratum),
    ]);
    const tallies: RatingTally[] = rows.map((row) => ({
      factor: row.factor,
      wave: nameOf.get(row.wave_id) as string,
      dimension: row.dimension,
      counts: {
        '1': Number(row.c1),
        '2': Number(row.c2),
        '3': Number(row.c3),
        '4': Number(row.c4),
        dk: Number(row.dk),
      },
    }));
    const answered = [...new Set(tallies.map((tally) => tally.wave))].sort(compareWaves);
    const known = new Set(waves.map((wave) => wave.name));
    if (query.mapWave !== undefined && !known.has(query.mapWave)) {
      throw invalidField('mapWave', 'unknown_wave', { wave: query.mapWave }, 'query');
    }
    const borderWaves = borderWavesOf(query.borderWaves, known);
    const responses = Object.fromEntries(
      completed.map((row) => [nameOf.get(row.wave_id) as string, Number(row.count)]),
    );
    const base = {
      waves: waves.map((wave) => wave.name).sort(compareWaves),
      strata,
      stratum,
      responses,
    };
    const mapWave = query.mapWave ?? answered.at(-1);
    if (mapWave === undefined || !answered.includes(mapWave)) {
      return { ...base, factors: withChanges(factorStatistics(tallies)), map: null };
    }
    const silent = borderWaves?.find((wave) => !answered.includes(wave));
    if (silent !== undefined) {
      throw invalidField('borderWaves', 'wave_without_answers', { wave: silent }, 'query');
    }
    const chosenBorders = borderWaves ?? defaultBorderWaves(answered, mapWave);
    const result = analyseSurvey(
      { waves: answered, tallies },
      { mapWave, borderWaves: chosenBorders },
    );
    if (!result.ok) throw new AppError('internal');
    return {
      ...base,
      factors: withChanges(result.analysis.factors),
      map: { ...result.analysis.map, borderWaves: chosenBorders },
    };
  }

  return {
    // Writes the answers module makes in its own transaction (saving or importing answers).

    /** Freezes a questionnaire version with the first answer given to it, in the caller's transaction. */
    async freezeVersionIn(trx: Executor, versionId: string, at: Date): Promise<void> {
      await freezeVersion(trx, versionId, at);
    },

    /** Adds a wave, its fieldwork over, that an imported file named, in the caller's transaction. */
    async addImportedWaveIn(
      trx: Executor,
      wave: { surveyId: string; versionId: string; name: string; at: Date },
    ): Promise<string> {
      return insertImportedWave(trx, wave);
    },

    /** Marks a survey changed (its answers were), in the caller's transaction. */
    async touchIn(trx: Executor, surveyId: string, at: Date): Promise<void> {
      await touchSurvey(trx, surveyId, at);
    },

    async list(ctx: ActionContext, query: TListSurveysQuery): Promise<TSurveysPage> {
      requirePermission(ctx.principal, 'surveys.manage');
      const rows = await findSurveys(db, { limit: query.pageSize, offset: offsetOf(query) });
      const waves = await findWaveSummaries(
        db,
        rows.map((row) => row.id),
      );
      return {
        items: rows.map((row) =>
          presentSurveySummary(
            row,
            waves.filter((wave) => wave.survey_id === row.id),
          ),
        ),
        total: rows[0]?.total ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async get(ctx: ActionContext, id: string): Promise<TSurveyDetail> {
      requirePermission(ctx.principal, 'surveys.manage');
      return detailOf(db, id);
    },

    async create(ctx: ActionContext, body: TCreateSurveyBody): Promise<TSurveyDetail> {
      requirePermission(ctx.principal, 'surveys.manage');
      const questionnaire = checkedQuestionnaire(body.questionnaire, 'questionnaire');
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const id = await insertSurvey(trx, {
          title: body.title,
          title_en: body.titleEn ?? null,
          kind: body.kind,
          description: body.description,
          owner_id: ctx.principal.staffId,
          created_at: now,
          updated_at: now,
        });
        await insertVersion(trx, {
          surveyId: id,
          number: 1,
          definition: questionnaire,
          by: ctx.principal.staffId,
          at: now,
        });
        const detail = await detailOf(trx, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'survey',
          entityId: id,
          after: { title: detail.title, kind: detail.kind },
        });
        return detail;
      });
    },

    async update(ctx: ActionContext, id: string, body: TUpdateSurveyBody): Promise<TSurveyDetail> {
      requirePermission(ctx.principal, 'surveys.manage');
      return db.transaction().execute(async (trx) => {
        const before = await findSurvey(trx, id, true);
        if (!before) throw notFound();
        if (before.version !== body.version) throw versionConflict();
        const changed = await updateSurvey(trx, id, body.version, {
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.titleEn !== undefined ? { title_en: body.titleEn } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.quadrantLabels !== undefined
            ? { quadrant_labels: JSON.stringify(body.quadrantLabels) }
            : {}),
          updated_at: clock.now(),
        });
        if (!changed) throw versionConflict();
        const after = await detailOf(trx, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'survey',
          entityId: id,
          before: { title: before.title, description: before.description },
          after: { title: after.title, description: after.description },
        });
        return after;
      });
    },

    /**
     * Saves the questionnaire: the newest version is rewritten while nobody has answered it, and
     * a new version is made once it has answers, so answers always meet the questions they had.
     */
    async saveQuestionnaire(
      ctx: ActionContext,
      id: string,
      body: TSaveQuestionnaireBody,
    ): Promise<TSurveyDetail> {
      requirePermission(ctx.principal, 'surveys.manage');
      const questionnaire = checkedQuestionnaire(body.questionnaire, 'questionnaire');
      return db.transaction().execute(async (trx) => {
        const survey = await findSurvey(trx, id, true);
        if (!survey) throw notFound();
        const latest = await findVersion(trx, id, null);
        if (!latest) throw notFound();
        if (latest.number !== body.basedOn || survey.version !== body.version) {
          throw versionConflict();
        }
        const now = clock.now();
        let number = latest.number;
        if (
          latest.frozen_at !== null ||
          !(await updateUnfrozenVersion(trx, latest.id, questionnaire))
        ) {
          number = latest.number + 1;
          await insertVersion(trx, {
            surveyId: id,
            number,
            definition: questionnaire,
            by: ctx.principal.staffId,
            at: now,
          });
        }
        await updateSurvey(trx, id, body.version, { updated_at: now });
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'questionnaire',
          entityId: id,
          after: { version: number, sections: questionnaire.sections.length },
        });
        return detailOf(trx, id);
      });
    },

    async questionnaire(ctx: ActionContext, id: string, version: number | undefined) {
      requirePermission(ctx.principal, 'surveys.manage');
      const found = await findVersion(db, id, version ?? null);
      if (!found) throw notFound();
      return {
        number: found.number,
        frozen: found.frozen_at !== null,
        definition: found.definition,
      };
    },

    async createWave(
      ctx: ActionContext,
      surveyId: string,
      body: TCreateWaveBody,
    ): Promise<TWaveDetail> {
      requirePermission(ctx.principal, 'surveys.manage');
      if (body.fieldworkStart && body.fieldworkEnd && body.fieldworkEnd < body.fieldworkStart) {
        throw invalidField('fieldworkEnd', 'ends_before_starts');
      }
      return db.transaction().execute(async (trx) => {
        const survey = await findSurvey(trx, surveyId, true);
        if (!survey) throw notFound();
        const version = await findVersion(trx, surveyId, body.questionnaireVersion ?? null);
        if (!version) throw invalidField('questionnaireVersion', 'unknown_reference');
        if (await findWaveByName(trx, surveyId, body.name)) {
          throw invalidField('name', 'name_taken');
        }
        const now = clock.now();
        const id = await insertWave(trx, {
          surveyId,
          versionId: version.id,
          name: body.name,
          fieldworkStart: body.fieldworkStart ?? null,
          fieldworkEnd: body.fieldworkEnd ?? null,
          at: now,
        });
        await touchSurvey(trx, surveyId, now);
        const wave = await waveDetailOf(trx, await loadWave(trx, id));
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'survey_wave',
          entityId: id,
          after: { surveyId, name: wave.name, questionnaireVersion: wave.questionnaireVersion },
        });
        return wave;
      });
    },

    /** A wave with its plan and public link: for those who run surveys (a draft stays theirs). */
    async getWave(ctx: ActionContext, id: string): Promise<TWaveDetail> {
      requirePermission(ctx.principal, 'surveys.manage');
      return waveDetailOf(db, await loadWave(db, id));
    },

    /** The questionnaire a wave runs. */
    async waveQuestionnaire(ctx: ActionContext, id: string) {
      requirePermission(ctx.principal, 'surveys.manage');
      const wave = await loadWave(db, id);
      return {
        number: wave.questionnaire_number,
        frozen: wave.frozen_at !== null,
        definition: wave.definition,
      };
    },

    async updateWave(ctx: ActionContext, id: string, body: TUpdateWaveBody): Promise<TWaveDetail> {
      requirePermission(ctx.principal, 'surveys.manage');
      return db.transaction().execute(async (trx) => {
        const before = await loadWave(trx, id, true);
        if (before.version !== body.version) throw versionConflict();
        const reopening =
          before.state === 'closed' && body.state !== undefined && body.state !== 'closed';
        if (reopening && body.reopenReason === undefined) {
          throw invalidField('reopenReason', 'required');
        }
        const start =
          body.fieldworkStart !== undefined ? body.fieldworkStart : before.fieldwork_start;
        const end = body.fieldworkEnd !== undefined ? body.fieldworkEnd : before.fieldwork_end;
        if (start && end && end < start) throw invalidField('fieldworkEnd', 'ends_before_starts');
        const publicToken =
          body.publicLink === undefined
            ? before.public_token
            : body.publicLink
              ? (before.public_token ?? randomBytes(12).toString('base64url'))
              : null;
        // A closed wave's figures are what its reports stand on: it changes only once reopened.
        if (before.state === 'closed' && !reopening) {
          const rules = body.retryRules;
          const unchanged =
            start === before.fieldwork_start &&
            end === before.fieldwork_end &&
            publicToken === before.public_token &&
            (rules === undefined ||
              JSON.stringify(rules) === JSON.stringify(RetryRules.parse(before.retry_rules))) &&
            (body.qcFraction === undefined || body.qcFraction === Number(before.qc_fraction));
          if (!unchanged) throw new AppError('conflict', 'survey_wave_closed');
        }
        const now = clock.now();
        const changed = await updateWave(trx, id, body.version, {
          ...(body.state !== undefined ? { state: body.state } : {}),
          fieldwork_start: start,
          fieldwork_end: end,
          public_token: publicToken,
          ...(body.retryRules !== undefined
            ? { retry_rules: JSON.stringify(body.retryRules) }
            : {}),
          ...(body.qcFraction !== undefined ? { qc_fraction: body.qcFraction } : {}),
          updated_at: now,
        });
        if (!changed) throw versionConflict();
        await touchSurvey(trx, before.survey_id, now);
        const after = await waveDetailOf(trx, await loadWave(trx, id));
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'survey_wave',
          entityId: id,
          before: { state: before.state, publicLink: before.public_token !== null },
          after: { state: after.state, publicLink: after.publicPath !== null },
          ...(reopening ? { context: { reopenReason: body.reopenReason } } : {}),
        });
        return after;
      });
    },

    /**
     * Saves a wave's sample plan with its allocation; constraints that cannot be met are a 400,
     * and a plan changed since it was read a 409.
     */
    async savePlan(
      ctx: ActionContext,
      waveId: string,
      body: TSamplePlanBody,
    ): Promise<TSamplePlan> {
      requirePermission(ctx.principal, 'surveys.manage');
      const names = new Set<string>();
      for (const [index, stratum] of body.strata.entries()) {
        if (names.has(stratum.name)) throw invalidField(`strata.${index}.name`, 'duplicate_item');
        names.add(stratum.name);
      }
      const caps = new Map<string, number>();
      for (const stratum of body.strata) {
        if (stratum.max !== null && stratum.max !== undefined) caps.set(stratum.name, stratum.max);
      }
      const result = allocateSample({
        total: body.total,
        strata: body.strata.map(({ name, size }) => ({ name, size })),
        minimum: body.minPerStratum ?? 0,
        caps,
      });
      if (!result.ok)
        throw invalidField('total', 'allocation_impossible', { problem: result.problem });
      const allocation = Object.fromEntries(
        result.allocation.map((entry) => [entry.name, entry.sample]),
      );
      return db.transaction().execute(async (trx) => {
        const wave = await loadWave(trx, waveId, true);
        if (wave.state === 'closed') throw new AppError('conflict', 'survey_wave_closed');
        // Two analysts planning at once: the second is told, not overwritten.
        const before = await findPlan(trx, wave.id);
        if (before ? body.version !== before.version : body.version !== undefined) {
          throw versionConflict();
        }
        const now = clock.now();
        await upsertPlan(trx, {
          wave_id: wave.id,
          total: body.total,
          min_per_stratum: body.minPerStratum ?? null,
          strata: JSON.stringify(
            body.strata.map(({ name, size, max }) => ({ name, size, max: max ?? null })),
          ),
          allocation: JSON.stringify(allocation),
          per_unit_cap: body.perUnitCap ?? null,
          updated_at: now,
        });
        const plan = await findPlan(trx, wave.id);
        if (!plan) throw new AppError('internal');
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'survey_sample_plan',
          entityId: wave.id,
          after: { total: body.total, allocation },
        });
        return presentPlan(plan);
      });
    },

    /** The analysis, for those who run surveys. */
    async analysis(
      ctx: ActionContext,
      surveyId: string,
      query: TAnalysisQuery,
    ): Promise<TSurveyAnalysis> {
      requirePermission(ctx.principal, 'surveys.manage');
      return analyse(surveyId, query);
    },

    /** The analysis for a caller that has checked access itself (a published report). */
    analyse,
  };
}
export type SurveysService = ReturnType<typeof createSurveysService>;
