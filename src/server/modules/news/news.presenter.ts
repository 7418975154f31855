import type { TNewsItem, TNewsReader } from '../../../contracts/news.contracts';
import type { NewsItemRow } from './news.repository';

export function presentNewsItem(
  row: Omit<NewsItemRow, 'total' | 'unread'>,
  canManage: boolean,
  canSeeReaders = canManage,
): TNewsItem {
  return {
    id: row.id,
    title: row.title,
    bodyHtml: row.body_html,
    important: row.important,
    unit: row.unit_id && row.unit_name ? { id: row.unit_id, name: row.unit_name } : null,
    author:
      row.author_id &&
      row.author_given_name &&
      row.author_surname &&
      row.author_position &&
      row.author_email
        ? {
            id: row.author_id,
            givenName: row.author_given_name,
            surname: row.author_surname,
            position: row.author_position,
            phone: row.author_phone,
            email: row.author_email,
          }
        : null,
    publishedAt: row.published_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
    canManage,
    canSeeReaders,
    version: row.version,
  };
}

/** An item as a list of headlines shows it. */
export function presentNewsHeadline(
  row: Pick<NewsItemRow, 'id' | 'title' | 'important' | 'published_at'>,
): Pick<TNewsItem, 'id' | 'title' | 'important' | 'publishedAt'> {
  return {
    id: row.id,
    title: row.title,
    important: row.important,
    publishedAt: row.published_at.toISOString(),
  };
}

/** The item as it was saved, whoever looks: what the audit log keeps. */
export function auditViewOf(item: TNewsItem) {
  return {
    id: item.id,
    title: item.title,
    bodyHtml: item.bodyHtml,
    important: item.important,
    unit: item.unit,
    author: item.author,
    publishedAt: item.publishedAt,
    version: item.version,
  };
}

/** A person who has not read an item, and the last day of their absence when away today. */
export function presentReader(
  row: {
    id: string;
    given_name: string;
    surname: string;
    position: string;
    phone: string | null;
    email: string;
  },
  awayUntil: string | null,
): TNewsReader {
  return {
    id: row.id,
    givenName: row.given_name,
    surname: row.surname,
    position: row.position,
    phone: row.phone,
    email: row.email,
    awayUntil,
  };
}
