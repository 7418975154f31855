import { IdParams } from '../../../contracts/common';
import {
  CreateUnitReportBody,
  SubmitUnitReportBody,
  UnitReport,
  UnitReportPage,
  UnitReportsQuery,
  UpdateUnitReportBody,
} from '../../../contracts/unit-reports.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { UnitReportsService } from './unit-reports.service';

const tags = ['Quality'];

export function unitReportsRoutes(app: Api, deps: { unitReports: UnitReportsService }): void {
  const { unitReports } = deps;

  app.get(
    '/api/v1/unit-reports',
    {
      schema: {
        tags,
        summary:
          'The year’s yearly reports (29): every unit serving external clients, its report ' +
          'or that it is missing',
        querystring: UnitReportsQuery,
        response: responses({ 200: UnitReportPage }, 400, 403),
      },
    },
    (request) => unitReports.list(contextOf(request), request.query),
  );

  app.post(
    '/api/v1/unit-reports',
    {
      schema: {
        tags,
        summary: 'Start a unit’s report for a year, with its figures counted from the records',
        body: CreateUnitReportBody,
        response: responses({ 201: UnitReport }, 400, 403, 409),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await unitReports.create(contextOf(request), request.body)),
  );

  app.get(
    '/api/v1/unit-reports/:id',
    {
      schema: {
        tags,
        summary: 'Open a yearly unit report',
        params: IdParams,
        response: responses({ 200: UnitReport }, 403, 404),
      },
    },
    (request) => unitReports.get(contextOf(request), request.params.id),
  );

  app.put(
    '/api/v1/unit-reports/:id',
    {
      schema: {
        tags,
        summary: 'Write the shortcomings and measures of a draft report',
        params: IdParams,
        body: UpdateUnitReportBody,
        response: responses({ 200: UnitReport }, 400, 403, 404, 409),
      },
    },
    (request) => unitReports.update(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/unit-reports/:id/submit',
    {
      schema: {
        tags,
        summary:
          'Write the shortcomings and measures and submit the report with them: its figures ' +
          'are counted once more and kept as they are; a refused submission changes nothing',
        params: IdParams,
        body: SubmitUnitReportBody,
        response: responses({ 200: UnitReport }, 400, 403, 404, 409),
      },
    },
    (request) => unitReports.submit(contextOf(request), request.params.id, request.body),
  );
}
