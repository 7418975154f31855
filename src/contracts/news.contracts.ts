import { z } from 'zod';
import { IsoDate, PageQuery, PersonContact, Text, Version } from './common';

const newsFields = {
  title: Text(200),
  /** Rich text; the server keeps only safe HTML. */
  bodyHtml: z.string().max(100_000),
  /** Heads see who has not read an important item. */
  important: z.boolean().default(false),
  /** For the staff of one unit (and below); for everyone when absent. */
  unitId: z.uuid().nullable().optional(),
};

export const CreateNewsBody = z.strictObject(newsFields);
export type TCreateNewsBody = z.infer<typeof CreateNewsBody>;

export const UpdateNewsBody = z.strictObject({
  title: newsFields.title.optional(),
  bodyHtml: newsFields.bodyHtml.optional(),
  important: z.boolean().optional(),
  version: Version,
});
export type TUpdateNewsBody = z.infer<typeof UpdateNewsBody>;

export const NewsItem = z.object({
  id: z.uuid(),
  title: z.string(),
  bodyHtml: z.string(),
  important: z.boolean(),
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  author: PersonContact.nullable(),
  publishedAt: z.string(),
  /** When the signed-in person marked it read; null while unread. */
  readAt: z.string().nullable(),
  /** Whether the signed-in person may change it and see who has not read it. */
  canManage: z.boolean(),
  /**
   * Whether the signed-in person may see who has not read it: those who manage it, and for an
   * important item the head of a unit it is meant for (for their units), whoever wrote it.
   */
  canSeeReaders: z.boolean(),
  version: z.int(),
});
export type TNewsItem = z.infer<typeof NewsItem>;

export const ListNewsQuery = z.strictObject({
  /** Only the items the signed-in person has not read. */
  unread: z.stringbool().default(false),
  ...PageQuery,
});
export type TListNewsQuery = z.infer<typeof ListNewsQuery>;

export const NewsPage = z.object({
  items: z.array(NewsItem),
  total: z.int(),
  /** Unread items for the signed-in person, whatever the filter. */
  unread: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type TNewsPage = z.infer<typeof NewsPage>;

/** A person who has not read an item; away today, they cannot have. */
export const NewsReader = PersonContact.extend({
  /** The last day of today's absence; null when at work. */
  awayUntil: IsoDate.nullable(),
});
export type TNewsReader = z.infer<typeof NewsReader>;

/** Who has not read an item, of the staff it is meant for. */
export const NewsReaders = z.object({
  audience: z.int(),
  read: z.int(),
  notRead: z.array(NewsReader),
});
export type TNewsReaders = z.infer<typeof NewsReaders>;
