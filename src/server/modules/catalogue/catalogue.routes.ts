import { IdParams } from '../../../contracts/common';
import {
  CreateServiceBody,
  ListServicesQuery,
  MarkReviewedBody,
  Service,
  ServicePage,
  SuggestedServices,
  SuggestedServicesQuery,
  UpdateServiceBody,
} from '../../../contracts/catalogue.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { CatalogueService } from './catalogue.service';

const tags = ['Service catalogue'];

export function catalogueRoutes(app: Api, deps: { catalogue: CatalogueService }): void {
  const { catalogue } = deps;

  app.get(
    '/api/v1/services',
    {
      schema: {
        tags,
        summary: 'The service catalogue: find a service by words, typos and diacritics forgiven',
        querystring: ListServicesQuery,
        response: responses({ 200: ServicePage }, 400),
      },
    },
    (request) => catalogue.list(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/services/suggestions',
    {
      schema: {
        tags,
        summary: 'Other services that fit a client who asked for the given ones',
        querystring: SuggestedServicesQuery,
        response: responses({ 200: SuggestedServices }, 400),
      },
    },
    (request) => catalogue.suggestions(contextOf(request), request.query.ids),
  );

  app.get(
    '/api/v1/services/:id',
    {
      schema: {
        tags,
        summary: 'A service card with who handles it today, its articles and requests',
        params: IdParams,
        response: responses({ 200: Service }, 404),
      },
    },
    (request) => catalogue.get(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/services',
    {
      schema: {
        tags,
        summary: 'Add a service to the catalogue (knowledge editors)',
        body: CreateServiceBody,
        response: responses({ 201: Service }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalogue.create(contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/services/:id',
    {
      schema: {
        tags,
        summary: 'Change a service card (knowledge editors, its owner); send the version you read',
        params: IdParams,
        body: UpdateServiceBody,
        response: responses({ 200: Service }, 400, 403, 404, 409),
      },
    },
    (request) => catalogue.update(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/services/:id/reviewed',
    {
      schema: {
        tags,
        summary: 'Confirm the card is true and set its next review date (its owner, editors)',
        params: IdParams,
        body: MarkReviewedBody,
        response: responses({ 200: Service }, 400, 403, 404, 409),
      },
    },
    (request) => catalogue.markReviewed(contextOf(request), request.params.id, request.body),
  );
}
