import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Readable } from 'node:stream';
import type { TExportQuery, TImportResult } from '../../../contracts/surveys.contracts';
import { csvLine, unguardedCell } from '../../../domain/csv';
import { oneLine, spssSyntax, spssVariables } from '../../../domain/survey-spss';
import {
  answerProblem,
  choicesOf,
  cleanAnswers,
  columnsOf,
  hasAnswers,
  ratingAnswersOf,
  type Column,
  type Questionnaire,
  type RatingAnswer,
} from '../../../domain/questionnaire';
import {
  describeCsvProblem,
  readCsv,
  surveyAnswersReader,
  type CsvProblem,
} from '../../../domain/survey-csv';
import { slugOf } from '../../../domain/knowledge-search';
import { emptyCounts } from '../../../domain/survey-stats';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { AppError, invalidField, notFound } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import type { SurveysService } from '../surveys/surveys.service';
import { readXlsxRecords, xlsxWriter } from './survey-answers.files';
import {
  addToTallies,
  findAnswerColumns,
  findCompletedPage,
  findExistingRespondents,
  findLatestVersion,
  findSurveyTitle,
  findResponse,
  findWavesOfSurvey,
  findWaveWithQuestionnaire,
  insertResponse,
  insertResponses,
  lockVersions,
  markQcConsidered,
  updateResponseInProgress,
  type TallyIncrement,
} from './survey-answers.repository';

/** Where an answer came from. */
export type AnswerSource = 'web' | 'cati' | 'import';

export interface SaveAnswersInput {
  waveId: string;
  /** The response to continue; a new one is started when absent. */
  responseId?: string;
  /** A new response's respondent key; generated when absent. */
  respondent?: string;
  stratum?: string | null;
  source: AnswerSource;
  /** Answers by column; for a response being continued, these replace the answers so far. */
  answers: Readonly<Record<string, string>>;
  interviewerId?: string | null;
  /** Hash of the token a web respondent resumes with. */
  resumeTokenHash?: string | null;
  /** Whether the respondent has finished: the answers are then counted and can no more change. */
  complete: boolean;
}

export interface SavedAnswers {
  id: string;
  respondent: string;
  state: 'in_progress' | 'complete';
  answers: Record<string, string>;
}

/** The counts a set of rating answers adds to a wave's tallies, one entry per factor and dimension. */
export function tallyIncrements(
  waveId: string,
  stratum: string | null,
  ratings: readonly RatingAnswer[],
): TallyIncrement[] {
  const byKey = new Map<string, TallyIncrement>();
  for (const rating of ratings) {
    const key = `${rating.factor}:${rating.dimension}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        waveId,
        stratum: stratum ?? '',
        factor: rating.factor,
        dimension: rating.dimension,
        counts: emptyCounts(),
      };
      byKey.set(key, entry);
    }
    entry.counts[rating.value] += 1;
  }
  return [...byKey.values()];
}

/** Completed answers with respondent, wave and stratum, read a page at a time. */
async function* completedRecords(
  db: Executor,
  waveIds: readonly string[],
): AsyncGenerator<Record<string, string>> {
  const pageSize = 2000;
  let after: string | null = null;
  for (;;) {
    const page = await findCompletedPage(db, waveIds, after, pageSize);
    for (const row of page) {
      yield {
        ...row.answers,
        respondent: row.respondent,
        wave: row.wave,
        stratum: row.stratum ?? '',
      };
    }
    if (page.length < pageSize) return;
    after = (page.at(-1) as { id: string }).id;
  }
}

/** A download's name from the survey's title (and wave), as an article's address is made. */
const fileNameOf = (title: string, wave: string | undefined): string =>
  slugOf(`${title}${wave ? ` ${wave}` : ''}`);

/** A problem in an uploaded answers file, as the field error of `file`. */
function fileProblem(problem: CsvProblem): AppError {
  return invalidField('file', 'answers_file_problem', {
    line: problem.line,
    column: problem.column === null ? '–' : String(problem.column),
    problem: problem.message,
    problemLv: latvianProblem(problem.message),
    where: describeCsvProblem(problem),
  });
}

/**
 * The file problems in Latvian, for the clerk who uploads the file. The reader's own words stay
 * English: the command line and the contract speak them.
 */
const LATVIAN_PROBLEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^a quoted cell is never closed$/, 'pēdiņās ievietota šūna nav aizvērta'],
  [/^text after the closing quote of a quoted cell$/, 'aiz noslēdzošās pēdiņas vēl ir teksts'],
  [
    /^a quote inside an unquoted cell/,
    'pēdiņa šūnā bez pēdiņām (ielieciet visu šūnu pēdiņās un pēdiņu dubultojiet)',
  ],
  [
    /^malformed rating column name/,
    'nepareizs vērtējuma kolonnas nosaukums (jābūt <faktors>:importance vai <faktors>:satisfaction; faktorā tikai a–z, 0–9 un _)',
  ],
  [/^the column appears twice$/, 'kolonna atkārtojas'],
  [/^the header has no "(.+)" column$/, 'virsrakstu rindā nav kolonnas "$1"'],
  [
    /^(\d+) cells where the header has (\d+) \(no cell for column (.+)\)$/,
    'rindā ir $1 šūnas, virsrakstu rindā – $2 (trūkst šūnas kolonnai $3)',
  ],
  [
    /^(\d+) cells where the header has (\d+) \(an extra cell in column (\d+)\)$/,
    'rindā ir $1 šūnas, virsrakstu rindā – $2 (lieka šūna $3. kolonnā)',
  ],
  [/^empty$/, 'šūna ir tukša'],
  [
    /^respondent (.+) appears twice in wave (.+) \(first on line (\d+)\)$/,
    'respondents $1 kārtā $2 ir divreiz (pirmoreiz $3. rindā)',
  ],
  [/^unknown value (.+)$/, 'nederīga vērtība $1'],
  [/^no answers: /, 'nav nevienas atbildes: intervija bez atbildēm nav pabeigta'],
  [/^the file is empty$/, 'fails ir tukšs'],
  [
    /^the questionnaire of wave "(.+)" has no such rating$/,
    'kārtas "$1" anketā nav tāda vērtējuma',
  ],
  [/^the file is not UTF-8 text$/, 'fails nav UTF-8 teksts (saglabājiet to kā CSV UTF-8)'],
  [/^the file has no answers$/, 'failā nav nevienas atbilžu rindas'],
  [
    /^respondent "(.+)" already has answers in wave "(.+)"$/,
    'respondenta "$1" atbildes kārtā "$2" jau ir ielasītas',
  ],
  [/^not a readable XLSX workbook$/, 'XLSX failu nevar nolasīt'],
];

function latvianProblem(message: string): string {
  for (const [pattern, latvian] of LATVIAN_PROBLEMS) {
    if (pattern.test(message)) return message.replace(pattern, latvian);
  }
  return message;
}

/** The first of the respondents already stored in the wave, checked in batches. */
async function findTaken(
  db: Executor,
  waveId: string,
  respondents: readonly string[],
): Promise<string | undefined> {
  const batch = 5000;
  for (let from = 0; from < respondents.length; from += batch) {
    const slice = respondents.slice(from, from + batch);
    const taken = await findExistingRespondents(db, waveId, slice);
    const first = slice.find((respondent) => taken.has(respondent));
    if (first !== undefined) return first;
  }
  return undefined;
}

interface ImportedRow {
  wave: string;
  respondent: string;
  stratum: string | null;
  answers: Record<string, string>;
}

type ParsedImport =
  | {
      ok: true;
      rows: ImportedRow[];
      /** Keyed by wave name in `waveId` until the waves are known. */
      tallies: TallyIncrement[];
      /** Per wave: each respondent's line, to name the row of a clash with stored answers. */
      lines: Map<string, Map<string, number>>;
    }
  | { ok: false; problem: CsvProblem };

const RATING_HEADER = /^[a-z0-9_]+:(importance|satisfaction)$/;
const FIXED = new Set(['respondent', 'wave', 'stratum']);

/** Reads and checks an uploaded file against the questionnaires of its waves. */
async function parseImport(
  file: { filename: string; content: Buffer },
  questionnaires: { waves: Map<string, Questionnaire>; newWaveQuestionnaire: Questionnaire },
): Promise<ParsedImport> {
  const rows: ImportedRow[] = [];
  const lines = new Map<string, Map<string, number>>();
  const tallyByKey = new Map<string, TallyIncrement>();
  const columnsByWave = new Map<string, Map<string, Column>>();
  const columnsFor = (wave: string) => {
    let columns = columnsByWave.get(wave);
    if (!columns) {
      const questionnaire = questionnaires.waves.get(wave) ?? questionnaires.newWaveQuestionnaire;
      columns = new Map(columnsOf(questionnaire).map((column) => [column.name, column]));
      columnsByWave.set(wave, columns);
    }
    return columns;
  };

  const reader = surveyAnswersReader({
    onRow: (row) => {
      const columns = columnsFor(row.wave);
      const answers: Record<string, string> = {};
      for (let index = 0; index < row.header.length; index++) {
        const name = row.header[index] as string;
        if (FIXED.has(name)) continue;
        const value = unguardedCell((row.cells[index] as string).trim());
        const column = columns.get(name);
        if (!column) {
          if (RATING_HEADER.test(name)) {
            return {
              line: 1,
              column: name,
              message: `the questionnaire of wave "${row.wave}" has no such rating`,
            };
          }
          if (value !== '') answers[name] = value;
          continue;
        }
        if (value === '') continue;
        const problem = answerProblem(column, value);
        if (problem) {
          return { line: row.cellLines[index] as number, column: name, message: problem };
        }
        answers[name] = column.kind === 'multiple' ? choicesOf(value).join(';') : value;
      }
      let waveLines = lines.get(row.wave);
      if (!waveLines) {
        waveLines = new Map();
        lines.set(row.wave, waveLines);
      }
      waveLines.set(row.respondent, row.line);
      rows.push({ wave: row.wave, respondent: row.respondent, stratum: row.stratum, answers });
      for (const rating of ratingAnswersOf(answers)) {
        const key = `${row.wave}\u0000${row.stratum ?? ''}\u0000${rating.factor}\u0000${rating.dimension}`;
        let tally = tallyByKey.get(key);
        if (!tally) {
          tally = {
            waveId: row.wave,
            stratum: row.stratum ?? '',
            factor: rating.factor,
            dimension: rating.dimension,
            counts: emptyCounts(),
          };
          tallyByKey.set(key, tally);
        }
        tally.counts[rating.value] += 1;
      }
      return undefined;
    },
  });

  let problem: CsvProblem | null;
  if (/\.xlsx$/i.test(file.filename) || isZip(file.content)) {
    problem = await readXlsxRecords(file.content, reader.record);
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file.content);
    } catch {
      return {
        ok: false,
        problem: { line: 1, column: null, message: 'the file is not UTF-8 text' },
      };
    }
    problem = readCsv(text, reader.record);
  }
  const result = reader.finish(problem);
  if (!result.ok) return result;
  if (rows.length === 0) {
    return { ok: false, problem: { line: 2, column: null, message: 'the file has no answers' } };
  }
  return { ok: true, rows, tallies: [...tallyByKey.values()], lines };
}

/** An XLSX workbook is a ZIP archive: it starts with "PK\x03\x04". */
const isZip = (content: Buffer) => content.length > 4 && content.readUInt32LE(0) === 0x04034b50;

/** An answer refused, named by its column, as a field error. */
function answerRefused(column: string, message: string): AppError {
  return message === 'not a question of this questionnaire'
    ? invalidField(`answers.${column}`, 'unknown_question')
    : invalidField(`answers.${column}`, 'answer_not_allowed');
}

/**
 * Keeping answers, whatever collects them (the web form, the interviewer console, an import):
 * checked against the wave's questionnaire, counted into the tallies when complete, and the
 * questionnaire version frozen with its first answer. Callers pass their transaction.
 */
export function createSurveyAnswersService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  surveys: SurveysService;
}) {
  const { db, audit, clock, surveys } = deps;

  return {
    /**
     * Marks telephone interviews as considered by a QC draw (drawn or not), in the draw's
     * transaction, so that the next draw takes only those completed since.
     */
    async markQcConsideredIn(trx: Executor, ids: readonly string[], at: Date): Promise<void> {
      await markQcConsidered(trx, ids, at);
    },

    async save(trx: Executor, input: SaveAnswersInput): Promise<SavedAnswers> {
      const wave = await findWaveWithQuestionnaire(trx, input.waveId);
      if (!wave) throw notFound();
      if (wave.state !== 'open' && input.source !== 'import') {
        throw new AppError('conflict', 'survey_wave_not_open');
      }
      const locked = await lockVersions(trx, [wave.questionnaire_version_id]);
      const questionnaire = locked.get(wave.questionnaire_version_id) as Questionnaire;
      const cleaned = cleanAnswers(questionnaire, input.answers);
      const problem = cleaned.problems[0];
      if (problem) throw answerRefused(problem.column, problem.message);
      if (input.complete && !hasAnswers(cleaned.answers)) {
        throw invalidField('answers', 'answers_empty');
      }
      const now = clock.now();

      let id: string;
      let respondent: string;
      let stratum: string | null;
      if (input.responseId) {
        const existing = await findResponse(trx, input.responseId);
        if (!existing || existing.wave_id !== wave.id) throw notFound();
        if (existing.state === 'complete') {
          throw new AppError('conflict', 'survey_response_complete');
        }
        const updated = await updateResponseInProgress(trx, existing.id, {
          answers: cleaned.answers,
          complete: input.complete,
          at: now,
          interviewerId: input.interviewerId ?? null,
        });
        if (!updated) throw new AppError('conflict', 'survey_response_complete');
        id = existing.id;
        respondent = existing.respondent;
        stratum = existing.stratum;
      } else {
        respondent = input.respondent ?? `${input.source}-${randomBytes(6).toString('hex')}`;
        stratum = input.stratum ?? null;
        id = await insertResponse(trx, {
          waveId: wave.id,
          respondent,
          stratum,
          source: input.source,
          state: input.complete ? 'complete' : 'in_progress',
          answers: cleaned.answers,
          interviewerId: input.interviewerId ?? null,
          resumeTokenHash: input.resumeTokenHash ?? null,
          at: now,
        });
      }
      await surveys.freezeVersionIn(trx, wave.questionnaire_version_id, now);
      if (input.complete) {
        await addToTallies(
          trx,
          tallyIncrements(wave.id, stratum, ratingAnswersOf(cleaned.answers)),
        );
      }
      return {
        id,
        respondent,
        state: input.complete ? 'complete' : 'in_progress',
        answers: cleaned.answers,
      };
    },

    /** Refused before a large upload is read, for those who may not import. */
    assertMayImport(ctx: ActionContext): void {
      requirePermission(ctx.principal, 'surveys.manage');
    },

    /**
     * Imports a fieldwork contractor's answers (the answers CSV, or the same as XLSX) into a
     * survey: all of it in one transaction, or nothing, with the first problem's line and
     * column. A wave named in the file that the survey lacks is made with its newest
     * questionnaire. Rating and choice cells must fit the wave's questionnaire; other columns
     * (open text, other questions) are kept as they are.
     */
    async importAnswers(
      ctx: ActionContext,
      surveyId: string,
      file: { filename: string; content: Buffer },
    ): Promise<TImportResult> {
      requirePermission(ctx.principal, 'surveys.manage');
      const latest = await findLatestVersion(db, surveyId);
      if (!latest) throw notFound();
      const existingWaves = await findWavesOfSurvey(db, surveyId);
      const parsed = await parseImport(file, {
        waves: new Map(existingWaves.map((wave) => [wave.name, wave.definition])),
        newWaveQuestionnaire: latest.definition,
      });
      if (!parsed.ok) throw fileProblem(parsed.problem);
      const { rows, tallies, lines } = parsed;

      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const waves = new Map(
          (await findWavesOfSurvey(trx, surveyId, true)).map((wave) => [wave.name, wave]),
        );
        // The file was checked before the transaction: against the same questionnaires still?
        const newest = await findLatestVersion(trx, surveyId);
        const locked = await lockVersions(trx, [
          latest.id,
          ...[...waves.values()].map((wave) => wave.questionnaire_version_id),
        ]);
        const unchanged =
          newest?.id === latest.id &&
          JSON.stringify(locked.get(latest.id)) === JSON.stringify(latest.definition) &&
          existingWaves.every(
            (wave) =>
              waves.get(wave.name)?.questionnaire_version_id === wave.questionnaire_version_id &&
              JSON.stringify(locked.get(wave.questionnaire_version_id)) ===
                JSON.stringify(wave.definition),
          ) &&
          [...waves.keys()].every((name) => existingWaves.some((wave) => wave.name === name));
        if (!unchanged) throw new AppError('conflict', 'survey_questionnaire_changed');
        const summary: TImportResult['waves'] = [];
        const waveIds = new Map<string, string>();
        for (const name of lines.keys()) {
          let wave = waves.get(name);
          if (!wave) {
            const created = await surveys.addImportedWaveIn(trx, {
              surveyId,
              versionId: latest.id,
              name,
              at: now,
            });
            waveIds.set(name, created);
            await surveys.freezeVersionIn(trx, latest.id, now);
          } else {
            waveIds.set(name, wave.id);
            await surveys.freezeVersionIn(trx, wave.questionnaire_version_id, now);
            const respondentsLines = lines.get(name) as Map<string, number>;
            const taken = await findTaken(trx, wave.id, [...respondentsLines.keys()]);
            if (taken !== undefined) {
              throw fileProblem({
                line: respondentsLines.get(taken) as number,
                column: 'respondent',
                message: `respondent "${taken}" already has answers in wave "${name}"`,
              });
            }
          }
          summary.push({
            name,
            created: !wave,
            respondents: (lines.get(name) as Map<string, number>).size,
          });
          wave = undefined;
        }
        await insertResponses(
          trx,
          rows.map((row) => ({
            waveId: waveIds.get(row.wave) as string,
            respondent: row.respondent,
            stratum: row.stratum,
            source: 'import' as const,
            state: 'complete' as const,
            answers: row.answers,
            interviewerId: null,
            resumeTokenHash: null,
            at: now,
          })),
        );
        await addToTallies(
          trx,
          tallies.map((tally) => ({ ...tally, waveId: waveIds.get(tally.waveId) as string })),
        );
        await surveys.touchIn(trx, surveyId, now);
        await audit.record(trx, ctx, {
          action: 'import',
          entityType: 'survey',
          entityId: surveyId,
          after: { file: file.filename, respondents: rows.length, waves: summary },
        });
        return { imported: rows.length, waves: summary };
      });
    },

    /**
     * The completed answers of a survey (or one wave) as a file, written page by page as it is
     * sent: the import's CSV or XLSX, or for SPSS a numeric CSV and the syntax that labels it.
     */
    async exportAnswers(
      ctx: ActionContext,
      surveyId: string,
      query: TExportQuery,
    ): Promise<{ filename: string; contentType: string; body: Readable | string }> {
      requirePermission(ctx.principal, 'surveys.manage');
      const survey = await findSurveyTitle(db, surveyId);
      if (!survey) throw notFound();
      const waves = (await findWavesOfSurvey(db, surveyId)).filter(
        (wave) => query.wave === undefined || wave.name === query.wave,
      );
      if (query.wave !== undefined && waves.length === 0) {
        throw invalidField('wave', 'unknown_wave', { wave: query.wave }, 'query');
      }
      const waveIds = waves.map((wave) => wave.id);
      // The newest questionnaire's columns first, then any only older versions had.
      const columns = new Map<string, Column>();
      for (const wave of [...waves].sort(
        (a, b) => b.questionnaire_number - a.questionnaire_number,
      )) {
        for (const column of columnsOf(wave.definition)) {
          if (!columns.has(column.name)) columns.set(column.name, column);
        }
      }
      const others = (await findAnswerColumns(db, waveIds))
        .filter((name) => !columns.has(name))
        .sort();
      const base = fileNameOf(survey.title, query.wave);

      if (query.format === 'sps') {
        const variables = spssVariables([...columns.values()], others, query.language);
        return {
          filename: `${base}.sps`,
          contentType: 'text/plain; charset=utf-8',
          body: spssSyntax(variables, `${base}-spss.csv`),
        };
      }

      let header: string[];
      let cellsOf: (record: Record<string, string>) => string[];
      if (query.format === 'spss') {
        const variables = spssVariables([...columns.values()], others, query.language);
        header = variables.map((variable) => variable.name);
        cellsOf = (record) => variables.map((variable) => oneLine(variable.cellOf(record)));
      } else {
        header = ['respondent', 'wave', 'stratum', ...columns.keys(), ...others];
        cellsOf = (record) => header.map((name) => record[name] ?? '');
      }
      const records = completedRecords(db, waveIds);

      if (query.format === 'xlsx') {
        const writer = xlsxWriter(survey.title);
        void (async () => {
          try {
            writer.addRow(header);
            for await (const record of records) writer.addRow(cellsOf(record));
            await writer.finish();
          } catch (error) {
            writer.stream.destroy(error as Error);
          }
        })();
        return {
          filename: `${base}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body: writer.stream,
        };
      }
      async function* csvLines() {
        yield csvLine(header);
        for await (const record of records) yield csvLine(cellsOf(record));
      }
      return {
        filename: query.format === 'spss' ? `${base}-spss.csv` : `${base}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: Readable.from(csvLines()),
      };
    },
  };
}
export type SurveyAnswersService = ReturnType<typeof createSurveyAnswersService>;
