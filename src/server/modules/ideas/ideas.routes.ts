import { IdParams } from '../../../contracts/common';
import {
  CreateIdeaBody,
  Idea,
  IdeaPage,
  ListIdeasQuery,
  MoveIdeaBody,
} from '../../../contracts/ideas.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { IdeasService } from './ideas.service';

const tags = ['Staff ideas'];

export function ideasRoutes(app: Api, deps: { ideas: IdeasService }): void {
  const { ideas } = deps;

  app.get(
    '/api/v1/ideas',
    {
      schema: {
        tags,
        summary: 'The ideas one sent (box=mine) or received (box=received) (31)',
        querystring: ListIdeasQuery,
        response: responses({ 200: IdeaPage }, 400),
      },
    },
    (request) => ideas.list(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/ideas/:id',
    {
      schema: {
        tags,
        summary: 'One idea, to its author and its receivers',
        params: IdParams,
        response: responses({ 200: Idea }, 404),
      },
    },
    (request) => ideas.get(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/ideas',
    {
      schema: {
        tags,
        summary: 'Send an improvement idea to one’s manager, the client service head or the deputy',
        body: CreateIdeaBody,
        response: responses({ 201: Idea }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await ideas.create(contextOf(request), request.body)),
  );

  app.post(
    '/api/v1/ideas/:id/state',
    {
      schema: {
        tags,
        summary: 'Move a received idea and answer its author',
        params: IdParams,
        body: MoveIdeaBody,
        response: responses({ 200: Idea }, 400, 403, 404, 409),
      },
    },
    (request) => ideas.move(contextOf(request), request.params.id, request.body),
  );
}
