import { IdParams } from '../../../contracts/common';
import {
  CreateTextModuleBody,
  ListTextModulesQuery,
  TextModule,
  TextModulePage,
  UpdateTextModuleBody,
} from '../../../contracts/text-modules.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { TextModulesService } from './text-modules.service';

const tags = ['Letters'];

export function textModulesRoutes(app: Api, deps: { textModules: TextModulesService }): void {
  const { textModules } = deps;

  app.get(
    '/api/v1/text-modules',
    {
      schema: {
        tags,
        summary:
          'Text modules to start a letter from, by language and title; placeholders unfilled',
        querystring: ListTextModulesQuery,
        response: responses({ 200: TextModulePage }, 400),
      },
    },
    (request) => textModules.list(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/text-modules/:id',
    {
      schema: {
        tags,
        summary: 'One text module',
        params: IdParams,
        response: responses({ 200: TextModule }, 404),
      },
    },
    (request) => textModules.get(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/text-modules',
    {
      schema: {
        tags,
        summary: 'Write a text module (unit heads, the head of client service)',
        body: CreateTextModuleBody,
        response: responses({ 201: TextModule }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await textModules.create(contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/text-modules/:id',
    {
      schema: {
        tags,
        summary:
          'Change or retire a text module (unit heads, the head of client service); send the version you read',
        params: IdParams,
        body: UpdateTextModuleBody,
        response: responses({ 200: TextModule }, 400, 403, 404, 409),
      },
    },
    (request) => textModules.update(contextOf(request), request.params.id, request.body),
  );
}
