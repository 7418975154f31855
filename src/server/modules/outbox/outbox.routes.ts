import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import { FailedLetterPage, FailedLettersQuery } from '../../../contracts/outbox.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { OutboxService } from './outbox.service';

const tags = ['Outbox'];

export function outboxRoutes(app: Api, deps: { outbox: OutboxService }): void {
  const { outbox } = deps;

  app.get(
    '/api/v1/outbox/failed',
    {
      schema: {
        tags,
        summary: 'Letters the mail server would not take, newest first, with its answer',
        querystring: FailedLettersQuery,
        response: responses({ 200: FailedLetterPage }, 400, 403),
      },
    },
    (request) => outbox.listFailed(contextOf(request), request.query),
  );

  app.post(
    '/api/v1/outbox/:id/retry',
    {
      schema: {
        tags,
        summary: 'Send a letter that could not be sent again, from its first attempt',
        params: IdParams,
        response: responses({ 204: z.null() }, 403, 404, 409),
      },
    },
    async (request, reply) => {
      await outbox.retry(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
