import type { TMyWork } from '../../../contracts/my-work.contracts';
import type { ActionContext } from '../../http/access';
import type { NewsService } from '../news/news.service';
import type { QueueService } from '../queue/queue.service';
import type { RequestsService } from '../requests/requests.service';

/** Each section of the start page shows this many items; its count says how many there are. */
const SHOWN = 5;

/**
 * The start page of a working day, gathered from the modules that own each part: requests and
 * promises, the queue, the news. It owns no table of its own.
 */
export function createMyWorkService(deps: {
  requests: RequestsService;
  queue: QueueService;
  news: NewsService;
}) {
  const { requests, queue, news } = deps;
  return {
    async get(ctx: ActionContext): Promise<TMyWork> {
      const work = await requests.workOf(ctx, SHOWN);
      return {
        ...work,
        queue: await queue.waitingFor(ctx, SHOWN),
        news: await news.unreadImportant(ctx, SHOWN),
      };
    },
  };
}
export type MyWorkService = ReturnType<typeof createMyWorkService>;
