import {
  DirectoryFacets,
  DirectoryPage,
  DirectoryQuery,
} from '../../../contracts/directory.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { DirectoryService } from './directory.service';

const tags = ['Staff directory'];

export function directoryRoutes(app: Api, deps: { directory: DirectoryService }): void {
  const { directory } = deps;

  app.get(
    '/api/v1/directory',
    {
      schema: {
        tags,
        summary: 'Find a colleague by name, unit, position or competence; shows today’s stand-in',
        querystring: DirectoryQuery,
        response: responses({ 200: DirectoryPage }, 400),
      },
    },
    (request) => directory.search(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/directory/facets',
    {
      schema: {
        tags,
        summary: 'Positions and competences to filter the directory by',
        response: responses({ 200: DirectoryFacets }),
      },
    },
    (request) => directory.facets(contextOf(request)),
  );
}
