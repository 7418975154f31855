import { IdParams } from '../../../contracts/common';
import {
  Commitment,
  CommitmentPage,
  CreateCommitmentBody,
  KeepCommitmentBody,
  ListCommitmentsQuery,
} from '../../../contracts/commitments.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { CommitmentsService } from './commitments.service';

// Promises are part of the requests' API for those who generate clients from it.
const tags = ['Requests'];

export function commitmentsRoutes(app: Api, deps: { commitments: CommitmentsService }): void {
  const { commitments } = deps;

  app.post(
    '/api/v1/requests/:id/commitments',
    {
      schema: {
        tags,
        summary: 'Record what was promised to the client, by when and in which form',
        params: IdParams,
        body: CreateCommitmentBody,
        response: responses({ 201: Commitment }, 400, 403, 404),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await commitments.add(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/commitments',
    {
      schema: {
        tags,
        summary: 'My promises to clients, the most pressing first',
        querystring: ListCommitmentsQuery,
        response: responses({ 200: CommitmentPage }, 400, 403),
      },
    },
    (request) => commitments.mine(contextOf(request), request.query),
  );

  app.post(
    '/api/v1/commitments/:id/kept',
    {
      schema: {
        tags,
        summary: 'Mark a promise as kept',
        params: IdParams,
        body: KeepCommitmentBody,
        response: responses({ 200: Commitment }, 400, 403, 404, 409),
      },
    },
    (request) => commitments.keep(contextOf(request), request.params.id, request.body.version),
  );
}
