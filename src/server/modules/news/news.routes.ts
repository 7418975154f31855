import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  CreateNewsBody,
  ListNewsQuery,
  NewsItem,
  NewsPage,
  NewsReaders,
  UpdateNewsBody,
} from '../../../contracts/news.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { NewsService } from './news.service';

const tags = ['News'];

export function newsRoutes(app: Api, deps: { news: NewsService }): void {
  const { news } = deps;

  app.get(
    '/api/v1/news',
    {
      schema: {
        tags,
        summary: 'The news meant for the signed-in person, newest first, with what they have read',
        querystring: ListNewsQuery,
        response: responses({ 200: NewsPage }, 400),
      },
    },
    (request) => news.list(contextOf(request), request.query),
  );

  app.post(
    '/api/v1/news',
    {
      schema: {
        tags,
        summary: 'Publish news: a unit head to their units, the client service head to anyone',
        body: CreateNewsBody,
        response: responses({ 201: NewsItem }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await news.create(contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/news/:id',
    {
      schema: {
        tags,
        summary: 'Change a news item (its author and the heads over it); send the version you read',
        params: IdParams,
        body: UpdateNewsBody,
        response: responses({ 200: NewsItem }, 400, 403, 404, 409),
      },
    },
    (request) => news.update(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/news/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark a news item read by the signed-in person',
        params: IdParams,
        response: responses({ 204: z.null() }, 403, 404),
      },
    },
    async (request, reply) => {
      await news.markRead(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/news/read-all',
    {
      schema: {
        tags,
        summary: 'Mark every news item meant for the signed-in person read',
        response: responses({ 204: z.null() }, 403),
      },
    },
    async (request, reply) => {
      await news.markAllRead(contextOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/news/:id/readers',
    {
      schema: {
        tags,
        summary: 'Whom a news item is meant for and who has not read it (those who manage it)',
        params: IdParams,
        response: responses({ 200: NewsReaders }, 403, 404),
      },
    },
    (request) => news.readers(contextOf(request), request.params.id),
  );
}
