import {
  AccessLogQuery,
  Client,
  ClientAccessLogAnswer,
  ClientPage,
  CreateClientBody,
  ListClientsQuery,
  MergeClientBody,
  UpdateClientBody,
} from '../../../contracts/clients.contracts';
import { IdParams } from '../../../contracts/common';
import { csvText } from '../../../domain/csv';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { ClientsService } from './clients.service';

const tags = ['Clients'];

/** The access log as CSV for a data subject: one line a look, in the order they happened. */
function accessLogCsv(log: {
  entries: Array<{
    at: string;
    staffName: string | null;
    tokenName: string | null;
    requestNumber: string | null;
  }>;
}) {
  return csvText(
    ['at', 'staff', 'token', 'request'],
    [...log.entries]
      .reverse()
      .map((entry) => [entry.at, entry.staffName, entry.tokenName, entry.requestNumber]),
  );
}

export function clientsRoutes(app: Api, deps: { clients: ClientsService }): void {
  const { clients } = deps;

  app.get(
    '/api/v1/clients',
    {
      schema: {
        tags,
        summary: 'Find clients by name, personal code, phone or email (personal codes masked)',
        querystring: ListClientsQuery,
        response: responses({ 200: ClientPage }, 400, 403),
      },
    },
    (request) => clients.list(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/clients/:id',
    {
      schema: {
        tags,
        summary: 'Open a client record; the look is recorded in the audit log',
        params: IdParams,
        response: responses({ 200: Client }, 403, 404),
      },
    },
    (request) => clients.get(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/clients',
    {
      schema: {
        tags,
        summary: 'Register a client: a person, an organisation or a colleague',
        body: CreateClientBody,
        response: responses({ 201: Client }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await clients.create(contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/clients/:id',
    {
      schema: {
        tags,
        summary: 'Change a client record; send the version you read',
        params: IdParams,
        body: UpdateClientBody,
        response: responses({ 200: Client }, 400, 403, 404, 409),
      },
    },
    (request) => clients.update(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/clients/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge this duplicate into another client, with its contacts and requests',
        params: IdParams,
        body: MergeClientBody,
        response: responses({ 200: Client }, 400, 403, 404, 409),
      },
    },
    (request) => clients.merge(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/clients/:id/access-log',
    {
      schema: {
        tags,
        summary: 'Who looked at this client’s data, when and for which request (JSON or CSV)',
        params: IdParams,
        querystring: AccessLogQuery,
        response: responses({ 200: ClientAccessLogAnswer }, 403, 404),
      },
    },
    async (request, reply) => {
      const log = await clients.accessLog(contextOf(request), request.params.id);
      if (request.query.format === 'json') return log;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="access-log-${log.clientId}.csv"`)
        .send(accessLogCsv(log));
    },
  );
}
