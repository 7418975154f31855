import { IdParams } from '../../../contracts/common';
import {
  CreateUnitBody,
  ListUnitsQuery,
  Unit,
  UnitPage,
  UpdateUnitBody,
} from '../../../contracts/units.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { UnitsService } from './units.service';

const tags = ['Units'];

export function unitsRoutes(app: Api, deps: { units: UnitsService }): void {
  const { units } = deps;

  app.get(
    '/api/v1/units',
    {
      schema: {
        tags,
        summary: 'Units (departments, client service centres) of all institutions, as a flat tree',
        querystring: ListUnitsQuery,
        response: responses({ 200: UnitPage }, 400),
      },
    },
    (request) => units.list(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/units/:id',
    {
      schema: {
        tags,
        summary: 'One unit',
        params: IdParams,
        response: responses({ 200: Unit }, 404),
      },
    },
    (request) => units.get(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/units',
    {
      schema: {
        tags,
        summary: 'Add a unit (administrator)',
        body: CreateUnitBody,
        response: responses({ 201: Unit }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await units.create(contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/units/:id',
    {
      schema: {
        tags,
        summary: 'Change or move a unit (administrator); send the version you read',
        params: IdParams,
        body: UpdateUnitBody,
        response: responses({ 200: Unit }, 400, 403, 404, 409),
      },
    },
    (request) => units.update(contextOf(request), request.params.id, request.body),
  );
}
