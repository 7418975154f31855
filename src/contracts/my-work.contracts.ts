import { z } from 'zod';
import { IsoDate } from './common';
import { NewsItem } from './news.contracts';
import { QueueEntry } from './queue.contracts';
import { Commitment } from './commitments.contracts';
import { RequestSummary } from './requests.contracts';

/** How many there are in all, and the first few of them. */
const section = <T extends z.ZodType>(item: T) =>
  z.object({ count: z.int(), items: z.array(item) });

/**
 * The start page of a working day: what is due today, overdue, referred, the promises falling
 * due, who waits in the queue and the important news not yet read. A unit head sees their units'
 * work, everyone else their own.
 */
export const MyWork = z.object({
  /** Today in Riga. */
  date: IsoDate,
  scope: z.enum(['mine', 'unit']),
  dueToday: section(RequestSummary),
  overdue: section(RequestSummary),
  referred: section(RequestSummary),
  commitments: section(Commitment),
  /** Those waiting at the person's units, in the order they are served. */
  queue: section(QueueEntry),
  /** Important news the person has not read, newest first. */
  news: section(NewsItem.pick({ id: true, title: true, publishedAt: true, important: true })),
});
export type TMyWork = z.infer<typeof MyWork>;
