import { IdParams } from '../../../contracts/common';
import {
  AssignQueueEntryBody,
  CallNextBody,
  LeaveQueueBody,
  Queue,
  QueueEntry,
  QueueQuery,
} from '../../../contracts/queue.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { QueueService } from './queue.service';

const tags = ['Queue'];

export function queueRoutes(app: Api, deps: { queue: QueueService }): void {
  const { queue } = deps;

  app.get(
    '/api/v1/queue',
    {
      schema: {
        tags,
        summary: 'The unit’s queue in serving order, with waiting times',
        querystring: QueueQuery,
        response: responses({ 200: Queue }, 400, 403),
      },
    },
    (request) => queue.list(contextOf(request), request.query.unitId),
  );

  app.post(
    '/api/v1/queue/next',
    {
      schema: {
        tags,
        summary: 'Call the next person: external and in-person clients first, then by arrival',
        body: CallNextBody,
        response: responses({ 200: QueueEntry }, 400, 403, 409),
      },
    },
    (request) => queue.callNext(contextOf(request), request.body.unitId),
  );

  app.post(
    '/api/v1/queue/:id/assign',
    {
      schema: {
        tags,
        summary: 'Move a waiting person to a colleague',
        params: IdParams,
        body: AssignQueueEntryBody,
        response: responses({ 200: QueueEntry }, 400, 403, 404, 409),
      },
    },
    (request) => queue.assign(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/queue/:id/leave',
    {
      schema: {
        tags,
        summary: 'Record that a waiting person left',
        params: IdParams,
        body: LeaveQueueBody,
        response: responses({ 200: QueueEntry }, 400, 403, 404, 409),
      },
    },
    (request) => queue.leave(contextOf(request), request.params.id, request.body.version),
  );
}
