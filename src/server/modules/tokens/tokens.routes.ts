import { IdParams } from '../../../contracts/common';
import {
  ApiToken,
  CreateTokenBody,
  CreatedToken,
  ListTokensQuery,
  TokenPage,
} from '../../../contracts/tokens.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { TokensService } from './tokens.service';

const tags = ['API tokens'];

export function tokensRoutes(app: Api, deps: { tokens: TokensService }): void {
  const { tokens } = deps;

  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: 'API tokens issued for integrations and scripts',
        querystring: ListTokensQuery,
        response: responses({ 200: TokenPage }, 400, 403),
      },
    },
    (request) => tokens.list(contextOf(request), request.query),
  );

  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: 'Issue a personal or system token; the token is shown only in this answer',
        body: CreateTokenBody,
        response: responses({ 201: CreatedToken }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tokens.create(contextOf(request), request.body)),
  );

  app.post(
    '/api/v1/tokens/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a token; it stops working at once',
        params: IdParams,
        response: responses({ 200: ApiToken }, 403, 404),
      },
    },
    (request) => tokens.revoke(contextOf(request), request.params.id),
  );
}
