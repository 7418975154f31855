import type { Kysely } from 'kysely';
import {
  SampleMember,
  type TAddSampleBody,
  type TAddSampleResult,
  type TCatiCase,
  type TCatiSummary,
  type TNextCaseBody,
  type TQcDrawResult,
  type TQcItem,
  type TQcList,
  type TQcVerdictBody,
  type TRecordAttemptBody,
  type TRecordAttemptResult,
  type TSampleMember,
  type TSamplePage,
  type TSampleQuery,
  type TSaveCaseAnswersBody,
} from '../../../contracts/cati.contracts';
import { RetryRules } from '../../../contracts/surveys.contracts';
import {
  caseAfterAttempt,
  DEFAULT_RETRY_RULES,
  drawQcSample,
  isOpenCatiState,
  isRefusal,
  qcSampleSize,
  readSampleCsv,
  type SampleCsvProblem,
} from '../../../domain/cati';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors';
import { isFieldMessageCode } from '../../http/messages';
import type { AuditService } from '../audit/audit.service';
import { offsetOf, pageFrom } from '../paging';
import type { SurveyAnswersService } from '../survey-answers/survey-answers.service';
import {
  presentAttempt,
  presentCatiCase,
  presentQcItem,
  presentSampleCase,
  presentSummary,
} from './cati.presenter';
import {
  countCases,
  countCompletes,
  countDrawn,
  countRefusals,
  findAttempts,
  findCase,
  findCompletedInterviews,
  findHeldCase,
  findNextCase,
  findQcItem,
  findQcItems,
  findResponseAnswers,
  findSamplePage,
  findWave,
  holdCase,
  insertAttempt,
  insertQcChecks,
  insertSampleMembers,
  lockCase,
  setCaseResponse,
  updateCaseAfterAttempt,
  updateQcVerdict,
  type CatiWaveRow,
  type NewSampleMember,
} from './cati.repository';

/**
 * How long a case stays with the interviewer who was given it: long enough to dial, introduce
 * the survey and begin; saving answers during the interview extends it, so a long interview
 * keeps its case. Once it lapses, the case goes to whoever asks next.
 */
export const CASE_HOLD_MINUTES = 20;

/** The most members one file may add (a JSON request adds at most 5000). */
const MAX_CSV_MEMBERS = 20_000;

const MINUTE = 60_000;

/** The cells every line of a sample file must fill. */
const REQUIRED_SAMPLE_CELLS = ['name', 'phone'] as const;

/** The wave's retry rules, the defaults filling in what it does not set. */
function retryRulesOf(wave: CatiWaveRow) {
  const parsed = RetryRules.safeParse(wave.retry_rules);
  return parsed.success ? parsed.data : DEFAULT_RETRY_RULES;
}

/** A sample file's problem as a field error: the file, or the line (and column) it is on. */
function csvRefused(problem: SampleCsvProblem): AppError {
  switch (problem.code) {
    case 'csv_missing_column':
      return invalidField('file', problem.code, { column: problem.column });
    case 'csv_empty':
      return invalidField('file', problem.code);
    case 'csv_cell_count':
      return invalidField(`lines.${problem.line}`, problem.code, {
        expected: problem.expected,
        found: problem.found,
      });
    case 'csv_malformed':
      return invalidField(`lines.${problem.line}`, problem.code);
  }
}

/** A cell the contract refuses, named by its line and column, with the contract's own code. */
function memberRefused(
  line: number,
  issue: { path: PropertyKey[]; code: string; message: string },
) {
  const column = String(issue.path[0] ?? 'name');
  const field = `lines.${line}.${column}`;
  if (isFieldMessageCode(issue.message)) return invalidField(field, issue.message);
  if (issue.code === 'too_small') return invalidField(field, 'required');
  if (issue.code === 'too_big') return invalidField(field, 'too_long');
  return invalidField(field, 'invalid_format');
}

export function createCatiService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  surveyAnswers: SurveyAnswersService;
  /** Random numbers in [0, 1) for the quality-control draw. */
  random?: () => number;
}) {
  const { db, audit, clock, surveyAnswers } = deps;
  const random = deps.random ?? Math.random;

  async function waveOf(executor: Executor, waveId: string, forUpdate = false) {
    const wave = await findWave(executor, waveId, forUpdate);
    if (!wave) throw notFound();
    return wave;
  }

  /** The interviewer acting: a person; a system token has nobody to hold a case. */
  function interviewerOf(ctx: ActionContext): string {
    requirePermission(ctx.principal, 'surveys.interview');
    if (ctx.principal.staffId === null) throw forbidden();
    return ctx.principal.staffId;
  }

  async function caseView(executor: Executor, id: string): Promise<TCatiCase> {
    const now = clock.now();
    const row = await findCase(executor, id, now);
    if (!row) throw notFound();
    const wave = await waveOf(executor, row.wave_id);
    const attempts = await findAttempts(executor, id);
    const answers = row.response_id ? await findResponseAnswers(executor, row.response_id) : {};
    return presentCatiCase(row, wave, attempts, answers);
  }

  /** The case locked for a change by the interviewer who holds it. */
  async function heldCase(executor: Executor, id: string, staffId: string) {
    const row = await lockCase(executor, id);
    if (!row) throw notFound();
    if (!isOpenCatiState(row.state)) throw new AppError('conflict', 'cati_case_closed');
    // A lapsed hold still counts while nobody else has been given the case.
    if (row.assigned_to !== staffId) throw new AppError('conflict', 'cati_case_not_held');
    return row;
  }

  async function addMembers(
    ctx: ActionContext,
    waveId: string,
    members: readonly NewSampleMember[],
  ): Promise<TAddSampleResult> {
    return db.transaction().execute(async (trx) => {
      const wave = await waveOf(trx, waveId, true);
      if (wave.state === 'closed') throw new AppError('conflict', 'cati_wave_closed');
      await insertSampleMembers(trx, wave.id, members, clock.now());
      const strata: Record<string, number> = {};
      for (const member of members) {
        const key = member.stratum ?? '';
        strata[key] = (strata[key] ?? 0) + 1;
      }
      await audit.record(trx, ctx, {
        action: 'create',
        entityType: 'cati_sample',
        entityId: wave.id,
        after: { added: members.length, strata },
      });
      return { added: members.length };
    });
  }

  const memberOf = (member: TSampleMember): NewSampleMember => ({
    name: member.name,
    phone: member.phone,
    organisation: member.organisation ?? null,
    stratum: member.stratum ?? null,
  });

  return {
    /** Refuses before a file is read, so a stranger's upload is not buffered at all. */
    assertMayManage(ctx: ActionContext): void {
      requirePermission(ctx.principal, 'surveys.manage');
    },

    async addSample(
      ctx: ActionContext,
      waveId: string,
      body: TAddSampleBody,
    ): Promise<TAddSampleResult> {
      requirePermission(ctx.principal, 'surveys.manage');
      return addMembers(ctx, waveId, body.members.map(memberOf));
    },

    /**
     * Adds the members of a CSV file (columns name, phone, organisation, stratum): all of them,
     * or, at the first bad line, none.
     */
    async addSampleCsv(
      ctx: ActionContext,
      waveId: string,
      text: string,
    ): Promise<TAddSampleResult> {
      requirePermission(ctx.principal, 'surveys.manage');
      const read = readSampleCsv(text);
      if (!read.ok) throw csvRefused(read.problem);
      if (read.rows.length > MAX_CSV_MEMBERS) {
        throw invalidField('file', 'too_many_items', { maximum: MAX_CSV_MEMBERS });
      }
      const members: NewSampleMember[] = [];
      for (const row of read.rows) {
        // An empty cell is missing, not badly written: told as such, by its line and column.
        const empty = REQUIRED_SAMPLE_CELLS.find((column) => row[column].trim() === '');
        if (empty) throw invalidField(`lines.${row.line}.${empty}`, 'csv_cell_missing');
        const parsed = SampleMember.safeParse({
          name: row.name,
          phone: row.phone,
          organisation: row.organisation,
          stratum: row.stratum,
        });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw memberRefused(row.line, issue ?? { path: [], code: 'custom', message: '' });
        }
        members.push(memberOf(parsed.data));
      }
      return addMembers(ctx, waveId, members);
    },

    async listSample(
      ctx: ActionContext,
      waveId: string,
      query: TSampleQuery,
    ): Promise<TSamplePage> {
      requirePermission(ctx.principal, 'surveys.manage');
      await waveOf(db, waveId);
      const rows = await findSamplePage(db, {
        waveId,
        stratum: query.stratum,
        state: query.state,
        now: clock.now(),
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return pageFrom(rows, query, presentSampleCase);
    },

    /**
     * The case the interviewer should call now, held for them: the one they already hold, else
     * the next due (see `findNextCase`); null when nothing is due.
     */
    async next(ctx: ActionContext, body: TNextCaseBody): Promise<TCatiCase | null> {
      const staffId = interviewerOf(ctx);
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const filter = { staffId, waveId: body.waveId, now };
        const found = (await findHeldCase(trx, filter)) ?? (await findNextCase(trx, filter));
        if (!found) return null;
        const until = new Date(now.getTime() + CASE_HOLD_MINUTES * MINUTE);
        await holdCase(trx, { id: found.id, staffId, until });
        await audit.record(trx, ctx, {
          action: 'hold',
          entityType: 'cati_case',
          entityId: found.id,
          after: { heldBy: staffId, heldUntil: until.toISOString() },
        });
        return caseView(trx, found.id);
      });
    },

    /** A case as the interviewer's console shows it: only to the one who holds it. */
    async getCase(ctx: ActionContext, id: string): Promise<TCatiCase> {
      const staffId = interviewerOf(ctx);
      const view = await caseView(db, id);
      if (view.heldBy?.id !== staffId) throw notFound();
      return view;
    },

    /** Keeps the answers given so far and extends the hold: the interview is going on. */
    async saveAnswers(
      ctx: ActionContext,
      id: string,
      body: TSaveCaseAnswersBody,
    ): Promise<TCatiCase> {
      const staffId = interviewerOf(ctx);
      return db.transaction().execute(async (trx) => {
        const row = await heldCase(trx, id, staffId);
        const saved = await surveyAnswers.save(trx, {
          waveId: row.wave_id,
          responseId: row.response_id ?? undefined,
          respondent: row.id,
          stratum: row.stratum,
          source: 'cati',
          answers: body.answers,
          interviewerId: staffId,
          complete: false,
        });
        if (row.response_id === null) await setCaseResponse(trx, row.id, saved.id);
        const until = new Date(clock.now().getTime() + CASE_HOLD_MINUTES * MINUTE);
        await holdCase(trx, { id: row.id, staffId, until });
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'survey_response',
          entityId: saved.id,
          after: { state: saved.state, answers: saved.answers },
          context: { caseId: row.id },
        });
        return caseView(trx, row.id);
      });
    },

    /**
     * Records a call and what it means for the case (`caseAfterAttempt`); with `complete`, the
     * answers are stored and counted in the same transaction. Only the interviewer holding the
     * case records its calls.
     */
    async recordAttempt(
      ctx: ActionContext,
      id: string,
      body: TRecordAttemptBody,
    ): Promise<TRecordAttemptResult> {
      const staffId = interviewerOf(ctx);
      const now = clock.now();
      const refusal = isRefusal(body.outcome);
      if (refusal && !body.refusalReason) throw invalidField('refusalReason', 'required');
      const appointmentAt = body.appointmentAt ? new Date(body.appointmentAt) : null;
      if (body.outcome === 'appointment') {
        if (!appointmentAt) throw invalidField('appointmentAt', 'required');
        if (appointmentAt <= now) throw invalidField('appointmentAt', 'time_not_future');
      }
      return db.transaction().execute(async (trx) => {
        const row = await heldCase(trx, id, staffId);
        const wave = await waveOf(trx, row.wave_id);
        const complete = body.outcome === 'complete';
        if (complete && body.answers === undefined && row.response_id === null) {
          throw invalidField('answers', 'required');
        }
        let responseId = row.response_id;
        if (complete || body.answers !== undefined) {
          const answers =
            body.answers ??
            (row.response_id ? await findResponseAnswers(trx, row.response_id) : {});
          const saved = await surveyAnswers.save(trx, {
            waveId: wave.id,
            responseId: row.response_id ?? undefined,
            respondent: row.id,
            stratum: row.stratum,
            source: 'cati',
            answers,
            interviewerId: staffId,
            complete,
          });
          responseId = saved.id;
          if (row.response_id === null) await setCaseResponse(trx, row.id, saved.id);
        }
        const previous = (await findAttempts(trx, row.id)).map((attempt) => attempt.outcome);
        const after = caseAfterAttempt(
          { outcome: body.outcome, appointmentAt },
          previous,
          retryRulesOf(wave),
          now,
        );
        const attemptId = await insertAttempt(trx, {
          sampleId: row.id,
          interviewerId: staffId,
          calledAt: now,
          outcome: body.outcome,
          refusalReason: refusal ? (body.refusalReason ?? null) : null,
          appointmentAt: body.outcome === 'appointment' ? appointmentAt : null,
          note: body.note ?? null,
        });
        await updateCaseAfterAttempt(trx, {
          id: row.id,
          state: after.state,
          attempts: row.attempts + 1,
          nextCallAt: after.nextCallAt,
          finalDisposition: after.disposition,
        });
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'cati_attempt',
          entityId: attemptId,
          before: { state: row.state, attempts: row.attempts },
          after: {
            outcome: body.outcome,
            refusalReason: refusal ? body.refusalReason : undefined,
            appointmentAt: appointmentAt?.toISOString(),
            note: body.note ?? undefined,
            state: after.state,
            nextCallAt: after.nextCallAt?.toISOString() ?? null,
            finalDisposition: after.disposition,
            responseId,
          },
          context: { caseId: row.id, waveId: wave.id },
        });
        const updated = await findCase(trx, row.id, now);
        const attempts = await findAttempts(trx, row.id);
        const attempt = attempts.find((item) => item.id === attemptId);
        if (!updated || !attempt) throw new Error('the attempt just recorded is missing');
        return { case: presentSampleCase(updated), attempt: presentAttempt(attempt) };
      });
    },

    /** Per stratum: sample, plan, calls, completes, refusals with reasons, RR1, dispositions. */
    async summary(ctx: ActionContext, waveId: string): Promise<TCatiSummary> {
      requirePermission(ctx.principal, 'surveys.manage');
      const wave = await waveOf(db, waveId);
      const cases = await countCases(db, waveId);
      const refusals = await countRefusals(db, waveId);
      return presentSummary(cases, refusals, wave.allocation);
    },

    /**
     * Draws completed interviews for listening: ceil(fraction × completes), spread across
     * interviewers. Drawing again adds only from the interviews no earlier draw considered, as
     * many as bring the wave's total up to its share of all completes; so a second draw straight
     * after the first adds nothing, and earlier interviews are never drawn twice.
     */
    async drawQc(ctx: ActionContext, waveId: string): Promise<TQcDrawResult> {
      requirePermission(ctx.principal, 'surveys.manage');
      return db.transaction().execute(async (trx) => {
        // The wave's row lock makes two draws at once take turns.
        const wave = await waveOf(trx, waveId, true);
        const all = await findCompletedInterviews(trx, wave.id, false);
        const fresh = await findCompletedInterviews(trx, wave.id, true);
        const drawnBefore = await countDrawn(trx, wave.id);
        const wanted = qcSampleSize(Number(wave.qc_fraction), all.length) - drawnBefore;
        const size = Math.max(0, Math.min(wanted, fresh.length));
        const chosen = drawQcSample(
          fresh.map((row) => ({ id: row.id, interviewerId: row.interviewer_id as string })),
          size,
          random,
        );
        await surveyAnswers.markQcConsideredIn(
          trx,
          fresh.map((row) => row.id),
          clock.now(),
        );
        if (chosen.length > 0) {
          await insertQcChecks(
            trx,
            wave.id,
            chosen.map((item) => ({ responseId: item.id, interviewerId: item.interviewerId })),
            clock.now(),
          );
          await audit.record(trx, ctx, {
            action: 'create',
            entityType: 'cati_qc_draw',
            entityId: wave.id,
            after: { responseIds: chosen.map((item) => item.id), completes: all.length },
          });
        }
        return { drawn: chosen.length, total: drawnBefore + chosen.length, completes: all.length };
      });
    },

    async listQc(ctx: ActionContext, waveId: string): Promise<TQcList> {
      requirePermission(ctx.principal, 'surveys.manage');
      const wave = await waveOf(db, waveId);
      const items = await findQcItems(db, waveId);
      return {
        items: items.map(presentQcItem),
        completes: await countCompletes(db, waveId),
        fraction: Number(wave.qc_fraction),
      };
    },

    /** The listener's verdict; remarks and a fail need feedback for the interviewer. */
    async recordVerdict(
      ctx: ActionContext,
      waveId: string,
      responseId: string,
      body: TQcVerdictBody,
    ): Promise<TQcItem> {
      requirePermission(ctx.principal, 'surveys.manage');
      const feedback = body.feedback ?? null;
      if (body.verdict !== 'pass' && feedback === null) throw invalidField('feedback', 'required');
      return db.transaction().execute(async (trx) => {
        const before = await findQcItem(trx, waveId, responseId);
        if (!before) throw notFound();
        const at = clock.now();
        // A recording cannot be listened to before its interview ended.
        if (before.completed_at === null || at < before.completed_at) {
          throw new AppError('conflict', 'cati_qc_before_completion');
        }
        await updateQcVerdict(trx, {
          responseId,
          verdict: body.verdict,
          feedback,
          checkedBy: ctx.principal.staffId,
          at,
        });
        const after = await findQcItem(trx, waveId, responseId);
        if (!after) throw notFound();
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'cati_qc_check',
          entityId: responseId,
          before: { verdict: before.verdict, feedback: before.feedback },
          after: { verdict: after.verdict, feedback: after.feedback },
          context: { waveId },
        });
        return presentQcItem(after);
      });
    },
  };
}
export type CatiService = ReturnType<typeof createCatiService>;
