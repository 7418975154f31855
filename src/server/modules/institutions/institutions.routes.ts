import { IdParams } from '../../../contracts/common';
import {
  CreateInstitutionBody,
  Institution,
  InstitutionPage,
  ListInstitutionsQuery,
  UpdateInstitutionBody,
} from '../../../contracts/institutions.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { InstitutionsService } from './institutions.service';

const tags = ['Institutions'];

export function institutionsRoutes(app: Api, deps: { institutions: InstitutionsService }): void {
  const { institutions } = deps;

  app.get(
    '/api/v1/institutions',
    {
      schema: {
        tags,
        summary: 'The municipality and the state institutions whose services the centre provides',
        querystring: ListInstitutionsQuery,
        response: responses({ 200: InstitutionPage }, 400),
      },
    },
    (request) => institutions.list(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/institutions/:id',
    {
      schema: {
        tags,
        summary: 'One institution',
        params: IdParams,
        response: responses({ 200: Institution }, 404),
      },
    },
    (request) => institutions.get(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/institutions',
    {
      schema: {
        tags,
        summary: 'Add an institution (administrator)',
        body: CreateInstitutionBody,
        response: responses({ 201: Institution }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await institutions.create(contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/institutions/:id',
    {
      schema: {
        tags,
        summary: 'Change an institution (administrator); send the version you read',
        params: IdParams,
        body: UpdateInstitutionBody,
        response: responses({ 200: Institution }, 400, 403, 404, 409),
      },
    },
    (request) => institutions.update(contextOf(request), request.params.id, request.body),
  );
}
