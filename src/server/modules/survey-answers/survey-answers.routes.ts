import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import { ExportQuery, ImportResult } from '../../../contracts/surveys.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import { dispositionOf } from '../../http/download';
import { AppError } from '../../http/errors';
import { readUpload } from '../../http/upload';
import type { SurveyAnswersService } from './survey-answers.service';

const tags = ['Surveys'];

/** A contractor's file of a national study: 100 000 respondents × 40 factors is about 25 MB. */
export const MAX_ANSWERS_FILE_BYTES = 200 * 1024 * 1024;

export function surveyAnswersRoutes(app: Api, deps: { surveyAnswers: SurveyAnswersService }): void {
  const { surveyAnswers } = deps;

  app.post(
    '/api/v1/surveys/:id/answers',
    {
      schema: {
        tags,
        summary:
          'Import answers from a CSV or XLSX file (multipart/form-data, field "file"): all or nothing',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: responses({ 201: ImportResult }, 400, 403, 404, 413, 415),
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      surveyAnswers.assertMayImport(contextOf(request));
      const file = await readUpload(request, MAX_ANSWERS_FILE_BYTES);
      const result = await surveyAnswers.importAnswers(contextOf(request), request.params.id, {
        filename: file.filename || 'answers.csv',
        content: file.content,
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/v1/surveys/:id/answers',
    {
      schema: {
        tags,
        summary:
          'Export the completed answers: CSV or XLSX as imported, or for SPSS a numeric CSV and its labelling syntax',
        params: IdParams,
        querystring: ExportQuery,
        response: responses({ 200: z.any() }, 400, 403, 404),
      },
    },
    async (request, reply) => {
      const file = await surveyAnswers.exportAnswers(
        contextOf(request),
        request.params.id,
        request.query,
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', dispositionOf(file.filename))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}
