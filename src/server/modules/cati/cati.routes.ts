import { z } from 'zod';
import {
  AddSampleBody,
  AddSampleResult,
  CatiCase,
  CatiSummary,
  OptionalNextCaseBody,
  QcDrawResult,
  QcItem,
  QcList,
  QcParams,
  QcVerdictBody,
  RecordAttemptBody,
  RecordAttemptResult,
  SamplePage,
  SampleQuery,
  SaveCaseAnswersBody,
} from '../../../contracts/cati.contracts';
import { IdParams } from '../../../contracts/common';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import { AppError } from '../../http/errors';
import { readUpload } from '../../http/upload';
import type { CatiService } from './cati.service';

const tags = ['Telephone interviews (CATI)'];

/** A sample file: 20 000 people to call fit in about 2 MB. */
export const MAX_SAMPLE_FILE_BYTES = 10 * 1024 * 1024;

export function catiRoutes(app: Api, deps: { cati: CatiService }): void {
  const { cati } = deps;

  app.post(
    '/api/v1/survey-waves/:id/cati/sample',
    {
      schema: {
        tags,
        summary: 'Add people to call to a wave’s sample (all of them or, when one is bad, none)',
        params: IdParams,
        body: AddSampleBody,
        response: responses({ 201: AddSampleResult }, 400, 403, 404, 409),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await cati.addSample(contextOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/survey-waves/:id/cati/sample/csv',
    {
      schema: {
        tags,
        summary:
          'Add people to call from a CSV file (multipart/form-data, field "file"; columns ' +
          'name, phone, organisation, stratum); a bad line is named and nothing is added',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: responses({ 201: AddSampleResult }, 400, 403, 404, 409, 413, 415),
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const ctx = contextOf(request);
      cati.assertMayManage(ctx);
      const text = (await readUpload(request, MAX_SAMPLE_FILE_BYTES)).content.toString('utf8');
      return reply.status(201).send(await cati.addSampleCsv(ctx, request.params.id, text));
    },
  );

  app.get(
    '/api/v1/survey-waves/:id/cati/sample',
    {
      schema: {
        tags,
        summary: 'A wave’s sample with each case’s state, calls and next call',
        params: IdParams,
        querystring: SampleQuery,
        response: responses({ 200: SamplePage }, 400, 403, 404),
      },
    },
    (request) => cati.listSample(contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/survey-waves/:id/cati/summary',
    {
      schema: {
        tags,
        summary:
          'Per stratum: sample, planned, calls, completes, refusals with reasons, response rate ' +
          '(AAPOR RR1) and final dispositions',
        params: IdParams,
        response: responses({ 200: CatiSummary }, 403, 404),
      },
    },
    (request) => cati.summary(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/survey-waves/:id/cati/qc',
    {
      schema: {
        tags,
        summary:
          'Draw completed interviews for listening (the wave’s share, rounded up, spread across ' +
          'interviewers); again later, only from those completed since',
        params: IdParams,
        response: responses({ 200: QcDrawResult }, 403, 404),
      },
    },
    (request) => cati.drawQc(contextOf(request), request.params.id),
  );

  app.get(
    '/api/v1/survey-waves/:id/cati/qc',
    {
      schema: {
        tags,
        summary: 'The interviews drawn for listening, with interviewer, answers and verdict',
        params: IdParams,
        response: responses({ 200: QcList }, 403, 404),
      },
    },
    (request) => cati.listQc(contextOf(request), request.params.id),
  );

  app.put(
    '/api/v1/survey-waves/:id/cati/qc/:responseId',
    {
      schema: {
        tags,
        summary: 'Record the verdict on an interview listened to, with feedback to the interviewer',
        params: QcParams,
        body: QcVerdictBody,
        response: responses({ 200: QcItem }, 400, 403, 404),
      },
    },
    (request) =>
      cati.recordVerdict(
        contextOf(request),
        request.params.id,
        request.params.responseId,
        request.body,
      ),
  );

  app.post(
    '/api/v1/cati/next',
    {
      schema: {
        tags,
        summary:
          'The next respondent for the signed-in interviewer, held for them for a while; 204 ' +
          'when nobody is due',
        body: OptionalNextCaseBody,
        response: responses({ 200: CatiCase, 204: z.null() }, 400, 403),
      },
    },
    async (request, reply) => {
      const found = await cati.next(contextOf(request), request.body ?? {});
      return found ? found : reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/cati/cases/:id',
    {
      schema: {
        tags,
        summary: 'A case the signed-in interviewer holds, with its calls and the questionnaire',
        params: IdParams,
        response: responses({ 200: CatiCase }, 403, 404),
      },
    },
    (request) => cati.getCase(contextOf(request), request.params.id),
  );

  app.put(
    '/api/v1/cati/cases/:id/answers',
    {
      schema: {
        tags,
        summary: 'Keep the answers given so far in the interview; extends the interviewer’s hold',
        params: IdParams,
        body: SaveCaseAnswersBody,
        response: responses({ 200: CatiCase }, 400, 403, 404, 409),
      },
    },
    (request) => cati.saveAnswers(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/cati/cases/:id/attempts',
    {
      schema: {
        tags,
        summary:
          'Record a call and its outcome (the answers with a complete interview); only by the ' +
          'interviewer holding the case',
        params: IdParams,
        body: RecordAttemptBody,
        response: responses({ 201: RecordAttemptResult }, 400, 403, 404, 409),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await cati.recordAttempt(contextOf(request), request.params.id, request.body)),
  );
}
