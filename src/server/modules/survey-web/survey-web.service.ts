import type { Kysely } from 'kysely';
import { Email } from '../../../contracts/common';
import type {
  TCreatedInvitations,
  TCreateInvitationsBody,
  TInvitationsPage,
  TListInvitationsQuery,
} from '../../../contracts/surveys.contracts';
import { hasAnswers, type Questionnaire } from '../../../domain/questionnaire';
import {
  columnsOfSection,
  firstPage,
  isLastPage,
  isPageShown,
  nextPage,
  readPage,
  resumePage,
  revealsQuestions,
  shownQuestions,
  withPage,
  type PostedForm,
  type WebAnswerProblem,
} from '../../../domain/survey-web';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { AppError, notFound, type FieldError } from '../../http/errors';
import { digestOf, newSecret } from '../../http/secrets';
import type { AuditService } from '../audit/audit.service';
import { offsetOf, pageFrom } from '../paging';
import type { SurveyAnswersService } from '../survey-answers/survey-answers.service';
import { presentInvitation } from './survey-web.presenter';
import {
  findInvitationByTokenHash,
  findInvitations,
  findInvitedEmails,
  findResponseById,
  findResponseByResumeHash,
  findWaveById,
  findWaveByPublicToken,
  findWaveStateForUpdate,
  insertInvitations,
  linkInvitationResponse,
  markInvitationUsed,
  waveExists,
  type WebResponse,
  type WebWave,
} from './survey-web.repository';

/**
 * How a respondent reached the survey: the wave's anonymous link (resumed with a cookie) or a
 * personal invitation (the invitation's token is the respondent's key, on any device).
 */
export interface WebEntry {
  kind: 'link' | 'invitation';
  token: string;
}

/** What the respondent sees of the survey before its questions. */
export interface SurveyInfo {
  title: string;
  titleEn: string | null;
  description: string;
}

/** The survey cannot be answered here: why, as the page to show instead. */
export type Refusal =
  | { kind: 'unknown' }
  | { kind: 'not_open'; survey: SurveyInfo }
  | { kind: 'closed'; survey: SurveyInfo }
  | { kind: 'answered'; survey: SurveyInfo }
  | { kind: 'invitation_used'; survey: SurveyInfo };

/** One page of the questionnaire with the answers so far. */
export interface PageView {
  survey: SurveyInfo;
  questionnaire: Questionnaire;
  /** 0-based. */
  page: number;
  answers: Record<string, string>;
  /** The page before (0-based), or null on the first page shown. */
  previous: number | null;
  /** Whether the page's button submits the answers. */
  last: boolean;
}

export type Visit = Refusal | { kind: 'start'; survey: SurveyInfo; pages: number } | Continue;
/** Go to a page (0-based) of a response in progress. */
type Continue = { kind: 'continue'; page: number };

export type PageVisit =
  Refusal | Continue | { kind: 'not_started' } | { kind: 'page'; view: PageView };

export type PageSaved =
  | Refusal
  | Continue
  | { kind: 'not_started' }
  | {
      kind: 'invalid';
      view: PageView;
      /** The posted values, shown again as they were sent. */
      posted: PostedForm;
      problems: Array<{ column: string; problem: WebAnswerProblem }>;
    }
  /** The page's answers brought up questions on the same page: it is shown again. */
  | { kind: 'revealed'; view: PageView }
  | { kind: 'complete'; survey: SurveyInfo };

export type Started =
  Refusal | Continue | { kind: 'started'; page: number; resumeToken: string | null };

interface Resolved {
  wave: WebWave;
  survey: SurveyInfo;
  questionnaire: Questionnaire;
  invitation: { id: string; responseId: string | null; used: boolean } | null;
  response: WebResponse | null;
}

const surveyOf = (wave: WebWave): SurveyInfo => ({
  title: wave.title,
  titleEn: wave.title_en,
  description: wave.description,
});

/** The refusal that stands before any answering, or null when the respondent may go on. */
function refusalOf(found: Resolved): Refusal | null {
  const { survey } = found;
  if (found.invitation?.used) return { kind: 'invitation_used', survey };
  if (found.response?.state === 'complete') return { kind: 'answered', survey };
  if (found.wave.state === 'draft') return { kind: 'not_open', survey };
  if (found.wave.state === 'closed') return { kind: 'closed', survey };
  return null;
}

const isConflict = (error: unknown, key: string) =>
  error instanceof AppError && error.code === 'conflict' && error.messageKey === key;

/**
 * The web mode of surveys: the public pages' decisions (who is answering which response, which
 * page comes next) and the personal invitations organisers make. Answers are kept by the
 * survey answers service, which checks them against the questionnaire and counts them.
 */
export function createSurveyWebService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  surveyAnswers: SurveyAnswersService;
}) {
  const { db, audit, clock, surveyAnswers } = deps;

  /** The wave, invitation and response an address and cookie point at; null when unknown. */
  async function resolve(
    executor: Executor,
    entry: WebEntry,
    resumeToken: string | null,
    lock = false,
  ): Promise<Resolved | null> {
    let wave: WebWave | undefined;
    let invitation: Resolved['invitation'] = null;
    let response: WebResponse | undefined;
    if (entry.kind === 'link') {
      wave = await findWaveByPublicToken(executor, entry.token);
      if (!wave) return null;
      if (resumeToken) {
        response = await findResponseByResumeHash(executor, digestOf(resumeToken));
        // A cookie of another wave's response (the link was given to a new wave) is no answer.
        if (response && response.wave_id !== wave.id) response = undefined;
      }
    } else {
      const found = await findInvitationByTokenHash(executor, digestOf(entry.token), lock);
      if (!found) return null;
      wave = await findWaveById(executor, found.wave_id);
      if (!wave) return null;
      invitation = { id: found.id, responseId: found.response_id, used: found.used_at !== null };
      if (found.response_id) response = await findResponseById(executor, found.response_id);
    }
    return {
      wave,
      survey: surveyOf(wave),
      questionnaire: wave.definition,
      invitation,
      response: response ?? null,
    };
  }

  function viewOf(found: Resolved, page: number, answers: Record<string, string>): PageView {
    const { questionnaire } = found;
    return {
      survey: found.survey,
      questionnaire,
      page,
      answers,
      previous: nextPage(questionnaire, page, -1, answers),
      last: isLastPage(questionnaire, page, answers),
    };
  }

  /** A page that is not there or is hidden by the answers so far. */
  const pageMissing = (found: Resolved, page: number, answers: Record<string, string>) => {
    const section = found.questionnaire.sections[page];
    return !section || !isPageShown(section, answers);
  };

  /** Opening the survey's address: its start page, the page to continue on, or a refusal. */
  async function visit(entry: WebEntry, resumeToken: string | null): Promise<Visit> {
    const found = await resolve(db, entry, resumeToken);
    if (!found) return { kind: 'unknown' };
    const refusal = refusalOf(found);
    if (refusal) return refusal;
    if (found.response) {
      return { kind: 'continue', page: resumePage(found.questionnaire, found.response.answers) };
    }
    return { kind: 'start', survey: found.survey, pages: found.questionnaire.sections.length };
  }

  /**
   * The wave closed or the answers were submitted (another tab) between reading and saving: the
   * page that says so, read again.
   */
  async function refusalAfter(
    error: unknown,
    entry: WebEntry,
    resumeToken: string | null,
  ): Promise<Refusal | null> {
    if (
      !isConflict(error, 'survey_wave_not_open') &&
      !isConflict(error, 'survey_response_complete')
    ) {
      return null;
    }
    const now = await visit(entry, resumeToken);
    return now.kind === 'start' || now.kind === 'continue' ? null : now;
  }

  return {
    visit,

    /**
     * Starts answering: an empty response in progress. From the anonymous link each start is a
     * new respondent with a new resume token (the caller keeps it in a cookie; only its digest is
     * stored); an invitation has one response, made on its first start.
     */
    async start(entry: WebEntry, resumeToken: string | null): Promise<Started> {
      try {
        return await db.transaction().execute(async (trx): Promise<Started> => {
          const found = await resolve(trx, entry, resumeToken, true);
          if (!found) return { kind: 'unknown' };
          const refusal = refusalOf(found);
          if (refusal) return refusal;
          if (found.response) {
            return {
              kind: 'continue',
              page: resumePage(found.questionnaire, found.response.answers),
            };
          }
          const newToken = found.invitation ? null : newSecret();
          const saved = await surveyAnswers.save(trx, {
            waveId: found.wave.id,
            source: 'web',
            answers: {},
            complete: false,
            resumeTokenHash: newToken === null ? null : digestOf(newToken),
            // One response per invitation: the wave's respondents are unique.
            ...(found.invitation ? { respondent: found.invitation.id } : {}),
          });
          if (found.invitation) await linkInvitationResponse(trx, found.invitation.id, saved.id);
          return {
            kind: 'started',
            page: firstPage(found.questionnaire, {}),
            resumeToken: newToken,
          };
        });
      } catch (error) {
        const refusal = await refusalAfter(error, entry, resumeToken);
        if (refusal) return refusal;
        throw error;
      }
    },

    /** One page of a response in progress. */
    async page(entry: WebEntry, resumeToken: string | null, page: number): Promise<PageVisit> {
      const found = await resolve(db, entry, resumeToken);
      if (!found) return { kind: 'unknown' };
      const refusal = refusalOf(found);
      if (refusal) return refusal;
      if (!found.response) return { kind: 'not_started' };
      const { answers } = found.response;
      if (pageMissing(found, page, answers)) {
        return { kind: 'continue', page: resumePage(found.questionnaire, answers) };
      }
      return { kind: 'page', view: viewOf(found, page, answers) };
    },

    /**
     * Saves a page and says where to go: the next page, the one before, the same page again
     * (a refused value, or questions its answers brought up), or the end. Saving the last page
     * forward submits the answers, which are then counted and no longer change. A refused page
     * saves nothing.
     */
    async savePage(
      entry: WebEntry,
      resumeToken: string | null,
      page: number,
      form: PostedForm,
      direction: 'next' | 'back',
    ): Promise<PageSaved> {
      try {
        return await db.transaction().execute(async (trx): Promise<PageSaved> => {
          const found = await resolve(trx, entry, resumeToken, true);
          if (!found) return { kind: 'unknown' };
          const refusal = refusalOf(found);
          if (refusal) return refusal;
          if (!found.response) return { kind: 'not_started' };
          const before = found.response.answers;
          const section = found.questionnaire.sections[page];
          if (!section || pageMissing(found, page, before)) {
            return { kind: 'continue', page: resumePage(found.questionnaire, before) };
          }
          const reading = readPage(section, before, form);
          if (reading.problems.length > 0) {
            return {
              kind: 'invalid',
              view: viewOf(found, page, before),
              posted: form,
              problems: reading.problems,
            };
          }
          const merged = withPage(before, section, reading.answers);
          // Questions this page's answers brought up on the page itself have not been seen yet:
          // the page is saved and shown again with them instead of moving on.
          const revealed = direction === 'next' && revealsQuestions(section, before, merged);
          const complete =
            direction === 'next' && !revealed && isLastPage(found.questionnaire, page, merged);
          // An empty submission is not a completed response: the respondent is asked to answer.
          const [first] = columnsOfSection({
            ...section,
            questions: shownQuestions(section, merged),
          });
          if (complete && !hasAnswers(merged) && first) {
            return {
              kind: 'invalid',
              view: viewOf(found, page, before),
              posted: form,
              problems: [{ column: first.name, problem: 'nothing_answered' }],
            };
          }
          const saved = await surveyAnswers.save(trx, {
            waveId: found.wave.id,
            responseId: found.response.id,
            source: 'web',
            answers: merged,
            complete,
          });
          if (complete) {
            if (found.invitation) await markInvitationUsed(trx, found.invitation.id, clock.now());
            return { kind: 'complete', survey: found.survey };
          }
          if (revealed) return { kind: 'revealed', view: viewOf(found, page, saved.answers) };
          const to = nextPage(
            found.questionnaire,
            page,
            direction === 'next' ? 1 : -1,
            saved.answers,
          );
          return { kind: 'continue', page: to ?? page };
        });
      } catch (error) {
        const refusal = await refusalAfter(error, entry, resumeToken);
        if (refusal) return refusal;
        throw error;
      }
    },

    /**
     * Personal invitations to a wave: a random link per new address (kept as a digest, so it is
     * returned this once). Addresses are checked all at once and named when wrong; an address the
     * wave has invited already keeps its link and is reported as skipped.
     */
    async createInvitations(
      ctx: ActionContext,
      waveId: string,
      body: TCreateInvitationsBody,
    ): Promise<TCreatedInvitations> {
      requirePermission(ctx.principal, 'surveys.manage');
      const problems: FieldError[] = [];
      const emails: string[] = [];
      for (const [index, raw] of body.emails.entries()) {
        const parsed = Email.safeParse(raw);
        if (!parsed.success) {
          problems.push({
            field: `emails.${index}`,
            in: 'body',
            code: 'invitation_email_invalid',
            params: { email: raw },
          });
        } else if (!emails.includes(parsed.data)) {
          emails.push(parsed.data);
        }
      }
      if (problems.length > 0) throw new AppError('validation', 'validation', {}, problems);

      return db.transaction().execute(async (trx) => {
        // Locked, so that two lists sent at once cannot invite one address twice.
        const wave = await findWaveStateForUpdate(trx, waveId);
        if (!wave) throw notFound();
        if (wave.state === 'closed') {
          throw new AppError('conflict', 'survey_invitations_wave_closed');
        }
        const invited = await findInvitedEmails(trx, waveId, emails);
        const tokens = new Map(
          emails.filter((email) => !invited.has(email)).map((email) => [email, newSecret()]),
        );
        const now = clock.now();
        const rows = await insertInvitations(
          trx,
          [...tokens].map(([email, token]) => ({
            waveId,
            email,
            tokenHash: digestOf(token),
            at: now,
          })),
        );
        const created = rows.map((row) => ({
          id: row.id,
          email: row.email,
          link: `/s/i/${tokens.get(row.email) as string}`,
        }));
        const skipped = emails
          .filter((email) => invited.has(email))
          .map((email) => ({ email, reason: 'already_invited' as const }));
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'survey_invitations',
          entityId: waveId,
          after: { created: created.length, skipped: skipped.length },
        });
        return { created, skipped };
      });
    },

    /** A wave's invitations, the newest first, with whether each has been answered. */
    async listInvitations(
      ctx: ActionContext,
      waveId: string,
      query: TListInvitationsQuery,
    ): Promise<TInvitationsPage> {
      requirePermission(ctx.principal, 'surveys.manage');
      if (!(await waveExists(db, waveId))) throw notFound();
      const rows = await findInvitations(db, waveId, {
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return pageFrom(rows, query, presentInvitation);
    },
  };
}
export type SurveyWebService = ReturnType<typeof createSurveyWebService>;
