import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  CommentsPage,
  CommentsQuery,
  CreateReportBody,
  ListReportsQuery,
  PublishReportBody,
  ReportPdfQuery,
  ReportsPage,
  ReportView,
  UpdateReportBody,
} from '../../../contracts/survey-reports.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import { dispositionOf } from '../../http/download';
import type { SurveyReportsService } from './survey-reports.service';

const tags = ['Survey reports'];

export function surveyReportsRoutes(app: Api, deps: { surveyReports: SurveyReportsService }): void {
  const { surveyReports } = deps;

  app.get(
    '/api/v1/surveys/:id/reports',
    {
      schema: {
        tags,
        summary: "A survey's reports, drafts and published, newest first",
        params: IdParams,
        querystring: ListReportsQuery,
        response: responses({ 200: ReportsPage }, 400, 403),
      },
    },
    (request) => surveyReports.list(contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/v1/surveys/:id/reports',
    {
      schema: {
        tags,
        summary: 'Start a report on a wave: its figures come from the answers',
        params: IdParams,
        body: CreateReportBody,
        response: responses({ 201: ReportView }, 400, 403, 404),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await surveyReports.create(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/survey-reports',
    {
      schema: {
        tags,
        summary: 'Published survey reports, for all staff (standard 28), newest first',
        querystring: ListReportsQuery,
        response: responses({ 200: ReportsPage }, 400),
      },
    },
    (request) => surveyReports.published(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/survey-reports/:id',
    {
      schema: {
        tags,
        summary:
          'A report with its method figures and analysis (a draft for those who run surveys)',
        params: IdParams,
        response: responses({ 200: ReportView }, 403, 404),
      },
    },
    (request) => surveyReports.get(contextOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/survey-reports/:id',
    {
      schema: {
        tags,
        summary: "Change a report's texts, border waves or chosen comments",
        params: IdParams,
        body: UpdateReportBody,
        response: responses({ 200: ReportView }, 400, 403, 404, 409),
      },
    },
    (request) => surveyReports.update(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/survey-reports/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a report to all staff, or take it back to a draft',
        params: IdParams,
        body: PublishReportBody,
        response: responses({ 200: ReportView }, 400, 403, 404, 409),
      },
    },
    (request) => surveyReports.publish(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/survey-reports/:id/pdf',
    {
      schema: {
        tags,
        summary: 'The report as an A4 PDF with its charts',
        params: IdParams,
        querystring: ReportPdfQuery,
        response: responses({ 200: z.any() }, 400, 403, 404),
      },
    },
    async (request, reply) => {
      const pdf = await surveyReports.pdf(
        contextOf(request),
        request.params.id,
        request.query.language,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', dispositionOf(pdf.filename, 'inline'))
        .header('cache-control', 'private, no-store')
        .send(pdf.content);
    },
  );

  app.get(
    '/api/v1/survey-waves/:id/comments',
    {
      schema: {
        tags,
        summary: "A wave's open answers (comments, text questions), to quote in a report",
        params: IdParams,
        querystring: CommentsQuery,
        response: responses({ 200: CommentsPage }, 400, 403, 404),
      },
    },
    (request) => surveyReports.comments(contextOf(request), request.params.id, request.query),
  );
}
