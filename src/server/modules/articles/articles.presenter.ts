import { knowledgeAbilitiesOf, type Viewer } from '../../../domain/knowledge';
import { isReviewOverdue, snippetOf } from '../../../domain/knowledge-search';
import type {
  TArticle,
  TArticleFile,
  TArticleHit,
  TArticleSummary,
  TArticleVersion,
} from '../../../contracts/articles.contracts';
import type { ArticleSummaryRow, ArticleVersionRow } from './articles.repository';
import { presentOwner } from '../staff/staff.presenter';

/** The page residents read a public article on. */
export const publicPathOf = (slug: string) => `/public/kb/${encodeURIComponent(slug)}`;

export const fileUrlOf = (articleId: string, fileId: string) =>
  `/api/v1/articles/${articleId}/files/${fileId}`;

/** When it was last checked: marked reviewed, or saved (a save is a check by its editor). */
function checkedAt(row: { reviewed_at: Date | null; updated_at: Date }): Date {
  return row.reviewed_at && row.reviewed_at > row.updated_at ? row.reviewed_at : row.updated_at;
}

export function presentArticleSummary(row: ArticleSummaryRow, today: string): TArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    language: row.language,
    title: row.title,
    summary: row.summary,
    visibility: row.visibility,
    owner: presentOwner(row),
    reviewOn: row.review_on,
    checkedAt: checkedAt(row).toISOString(),
    reviewOverdue: isReviewOverdue(row.review_on, today),
    revision: row.revision,
    updatedAt: row.updated_at.toISOString(),
    publicPath: row.visibility === 'public' ? publicPathOf(row.slug) : null,
    version: row.version,
  };
}

export function presentArticleHit(
  row: ArticleSummaryRow & { headline?: string },
  today: string,
): TArticleHit {
  const snippet = row.headline
    ? snippetOf(row.headline)
    : row.summary
      ? [{ text: row.summary, match: false }]
      : [];
  return { ...presentArticleSummary(row, today), snippet };
}

export function presentArticleFile(row: {
  id: string;
  article_id: string;
  filename: string;
  content_type: string;
  size: number;
  uploaded_at: Date;
}): TArticleFile {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    size: row.size,
    uploadedAt: row.uploaded_at.toISOString(),
    url: fileUrlOf(row.article_id, row.id),
  };
}

/** The article as it was saved, without what the viewer may do: kept in the audit log. */
export type ArticleRecord = Omit<TArticle, 'can'>;

export function presentArticle(
  row: ArticleSummaryRow & {
    body_html: string;
    created_at: Date;
    updated_by: string | null;
    updated_by_name: string | null;
  },
  extra: {
    today: string;
    services: { id: string; name: string }[];
    files: TArticleFile[];
  },
): ArticleRecord {
  return {
    ...presentArticleSummary(row, extra.today),
    bodyHtml: row.body_html,
    services: extra.services,
    files: extra.files,
    createdAt: row.created_at.toISOString(),
    updatedBy:
      row.updated_by && row.updated_by_name
        ? { id: row.updated_by, name: row.updated_by_name }
        : null,
  };
}

/** The article with what the viewer may do with it. */
export function presentArticleFor(viewer: Viewer, article: ArticleRecord): TArticle {
  return { ...article, can: knowledgeAbilitiesOf(viewer, { ownerId: article.owner.id }) };
}

export function presentArticleVersion(
  row: Pick<
    ArticleVersionRow,
    'revision' | 'kind' | 'language' | 'title' | 'summary' | 'visibility' | 'note' | 'edited_at'
  > & { edited_by: string | null; editor_name: string | null },
): TArticleVersion {
  return {
    revision: row.revision,
    kind: row.kind,
    language: row.language,
    title: row.title,
    summary: row.summary,
    visibility: row.visibility,
    note: row.note,
    editedAt: row.edited_at.toISOString(),
    editedBy:
      row.edited_by && row.editor_name ? { id: row.edited_by, name: row.editor_name } : null,
  };
}
