import {
  ReviewPage,
  ReviewsQuery,
  SearchQuery,
  SearchResults,
} from '../../../contracts/articles.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { KnowledgeService } from './knowledge.service';

const tags = ['Knowledge base'];

export function knowledgeRoutes(app: Api, deps: { knowledge: KnowledgeService }): void {
  const { knowledge } = deps;

  app.get(
    '/api/v1/search',
    {
      schema: {
        tags,
        summary:
          'One search over articles, services and staff (diacritics, hyphens, typos forgiven)',
        querystring: SearchQuery,
        response: responses({ 200: SearchResults }, 400),
      },
    },
    (request) => knowledge.search(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/reviews',
    {
      schema: {
        tags,
        summary: 'Articles and service cards due for review: one’s own, or everyone’s (editors)',
        querystring: ReviewsQuery,
        response: responses({ 200: ReviewPage }, 400, 403),
      },
    },
    (request) => knowledge.reviews(contextOf(request), request.query),
  );
}
