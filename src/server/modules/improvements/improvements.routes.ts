import { IdParams } from '../../../contracts/common';
import {
  CreateImprovementTaskBody,
  ImprovementTask,
  ImprovementTaskPage,
  ListImprovementTasksQuery,
  MoveImprovementTaskBody,
  UpdateImprovementTaskBody,
} from '../../../contracts/improvements.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { ImprovementsService } from './improvements.service';

const tags = ['Improvement tasks'];

export function improvementsRoutes(app: Api, deps: { improvements: ImprovementsService }): void {
  const { improvements } = deps;

  app.get(
    '/api/v1/improvement-tasks',
    {
      schema: {
        tags,
        summary: 'Units’ improvement tasks the viewer may see (30)',
        querystring: ListImprovementTasksQuery,
        response: responses({ 200: ImprovementTaskPage }, 400),
      },
    },
    (request) => improvements.list(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/improvement-tasks/:id',
    {
      schema: {
        tags,
        summary: 'One improvement task with its basis',
        params: IdParams,
        response: responses({ 200: ImprovementTask }, 404),
      },
    },
    (request) => improvements.get(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/improvement-tasks',
    {
      schema: {
        tags,
        summary: 'Set a unit an improvement task (the client service department)',
        body: CreateImprovementTaskBody,
        response: responses({ 201: ImprovementTask }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await improvements.create(contextOf(request), request.body)),
  );

  app.put(
    '/api/v1/improvement-tasks/:id',
    {
      schema: {
        tags,
        summary: 'Change an improvement task; send the version you read',
        params: IdParams,
        body: UpdateImprovementTaskBody,
        response: responses({ 200: ImprovementTask }, 400, 403, 404, 409),
      },
    },
    (request) => improvements.update(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/improvement-tasks/:id/state',
    {
      schema: {
        tags,
        summary: 'Move a task (the department, the unit’s head or the owner), with its outcome',
        params: IdParams,
        body: MoveImprovementTaskBody,
        response: responses({ 200: ImprovementTask }, 400, 403, 404, 409),
      },
    },
    (request) => improvements.move(contextOf(request), request.params.id, request.body),
  );
}
