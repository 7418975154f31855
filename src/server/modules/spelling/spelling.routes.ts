import { CheckSpellingBody, SpellingResult } from '../../../contracts/spelling.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { SpellingService } from './spelling.service';

const tags = ['Spelling'];

export function spellingRoutes(app: Api, deps: { spelling: SpellingService }): void {
  const { spelling } = deps;

  app.post(
    '/api/v1/spelling',
    {
      schema: {
        tags,
        summary: 'Misspelt words of a text with suggestions (any signed-in person)',
        body: CheckSpellingBody,
        response: responses({ 200: SpellingResult }, 400),
      },
    },
    (request) => spelling.check(contextOf(request), request.body),
  );
}
