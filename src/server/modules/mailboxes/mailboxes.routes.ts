import { IdParams } from '../../../contracts/common';
import {
  CreateMailboxBody,
  ListMailboxesQuery,
  Mailbox,
  MailboxPage,
  UpdateMailboxBody,
} from '../../../contracts/mailboxes.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { MailboxesService } from './mailboxes.service';

const tags = ['Mailboxes'];

export function mailboxesRoutes(app: Api, deps: { mailboxes: MailboxesService }): void {
  const { mailboxes } = deps;

  app.get(
    '/api/v1/mailboxes',
    {
      schema: {
        tags,
        summary: 'The mailboxes mail arrives in, with their readers’ state (administrator)',
        querystring: ListMailboxesQuery,
        response: responses({ 200: MailboxPage }, 400, 403),
      },
    },
    (request) => mailboxes.list(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/mailboxes/:id',
    {
      schema: {
        tags,
        summary: 'One mailbox; its IMAP password only as whether there is one (administrator)',
        params: IdParams,
        response: responses({ 200: Mailbox }, 403, 404),
      },
    },
    (request) => mailboxes.get(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/mailboxes',
    {
      schema: {
        tags,
        summary: 'Set up a mailbox (administrator)',
        body: CreateMailboxBody,
        response: responses({ 201: Mailbox }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await mailboxes.create(contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/mailboxes/:id',
    {
      schema: {
        tags,
        summary:
          'Change a mailbox, set or remove its password, or deactivate it (administrator); send the version you read',
        params: IdParams,
        body: UpdateMailboxBody,
        response: responses({ 200: Mailbox }, 400, 403, 404, 409),
      },
    },
    (request) => mailboxes.update(contextOf(request), request.params.id, request.body),
  );
}
