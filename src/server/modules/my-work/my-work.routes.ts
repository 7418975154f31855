import { MyWork } from '../../../contracts/my-work.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { MyWorkService } from './my-work.service';

export function myWorkRoutes(app: Api, deps: { myWork: MyWorkService }): void {
  const { myWork } = deps;
  app.get(
    '/api/v1/my-work',
    {
      schema: {
        tags: ['Requests'],
        summary:
          'The start page: due today, overdue, referred, promises falling due, the queue, unread important news',
        response: responses({ 200: MyWork }, 403),
      },
    },
    (request) => myWork.get(contextOf(request)),
  );
}
