import { z } from 'zod';
import {
  Absence,
  AbsencePage,
  CreateAbsenceBody,
  ListAbsencesQuery,
  UpdateAbsenceBody,
} from '../../../contracts/absences.contracts';
import { DeleteQuery, IdParams } from '../../../contracts/common';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { AbsencesService } from './absences.service';

const tags = ['Absences'];

export function absencesRoutes(app: Api, deps: { absences: AbsencesService }): void {
  const { absences } = deps;

  app.get(
    '/api/v1/absences',
    {
      schema: {
        tags,
        summary: 'Who is away (on a date, in a period, or from today on) and who stands in',
        querystring: ListAbsencesQuery,
        response: responses({ 200: AbsencePage }, 400),
      },
    },
    (request) => absences.list(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/absences/:id',
    {
      schema: {
        tags,
        summary: 'One absence',
        params: IdParams,
        response: responses({ 200: Absence }, 404),
      },
    },
    (request) => absences.get(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/absences',
    {
      schema: {
        tags,
        summary: 'Record an absence with a substitute (oneself; a unit head for their units)',
        body: CreateAbsenceBody,
        response: responses({ 201: Absence }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await absences.create(contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/absences/:id',
    {
      schema: {
        tags,
        summary: 'Change an absence; send the version you read',
        params: IdParams,
        body: UpdateAbsenceBody,
        response: responses({ 200: Absence }, 400, 403, 404, 409),
      },
    },
    (request) => absences.update(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/absences/:id',
    {
      schema: {
        tags,
        summary: 'Cancel an absence; send the version you read',
        params: IdParams,
        querystring: DeleteQuery,
        response: responses({ 204: z.null() }, 400, 403, 404, 409),
      },
    },
    async (request, reply) => {
      await absences.remove(contextOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
}
