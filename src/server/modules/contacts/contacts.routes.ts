import { IdParams } from '../../../contracts/common';
import {
  CloseContactBody,
  Contact,
  CreateContactBody,
  CreateIncidentBody,
  Incident,
  IncidentPage,
  ListIncidentsQuery,
} from '../../../contracts/contacts.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { ContactsService } from './contacts.service';

const tags = ['Contacts'];

export function contactsRoutes(app: Api, deps: { contacts: ContactsService }): void {
  const { contacts } = deps;

  app.post(
    '/api/v1/contacts',
    {
      schema: {
        tags,
        summary: 'Register a visit, call or message with every service asked for; serve or queue',
        body: CreateContactBody,
        response: responses({ 201: Contact }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await contacts.create(contextOf(request), request.body)),
  );

  app.get(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Open a contact with its requests; a look at client data is recorded',
        params: IdParams,
        response: responses({ 200: Contact }, 403, 404),
      },
    },
    (request) => contacts.get(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/contacts/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a visit: the outcome, the next steps told, other services offered',
        params: IdParams,
        body: CloseContactBody,
        response: responses({ 200: Contact }, 400, 403, 404, 409),
      },
    },
    (request) => contacts.close(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/contacts/:id/incidents',
    {
      schema: {
        tags,
        summary: 'Record an aggressive or abusive visit, and whether police or security came',
        params: IdParams,
        body: CreateIncidentBody,
        response: responses({ 201: Incident }, 400, 403, 404),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await contacts.addIncident(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/incidents',
    {
      schema: {
        tags,
        summary: 'Incidents recorded in one’s units, newest first',
        querystring: ListIncidentsQuery,
        response: responses({ 200: IncidentPage }, 400, 403),
      },
    },
    (request) => contacts.incidents(contextOf(request), request.query),
  );
}
