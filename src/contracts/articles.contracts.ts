import { z } from 'zod';
import { ARTICLE_KINDS } from '../domain/knowledge';
import {
  IsoDate,
  KnowledgeAbilities,
  OptionalText,
  PageQuery,
  PersonContact,
  SearchText,
  Text,
  Version,
  pageOf,
} from './common';

export { ARTICLE_KINDS };
export const ArticleKind = z.enum(ARTICLE_KINDS);
/** Internal articles are for staff; public ones are also on the public pages for residents. */
export const ArticleVisibility = z.enum(['internal', 'public']);
export const ArticleLanguage = z.enum(['lv', 'en']);

/** The largest article text accepted, in characters of HTML. */
export const MAX_ARTICLE_HTML = 500_000;

const articleFields = {
  kind: ArticleKind,
  language: ArticleLanguage.default('lv'),
  title: Text(300),
  summary: OptionalText(1000),
  /** Rich text from the editor; the server keeps only safe HTML. */
  bodyHtml: z.string().max(MAX_ARTICLE_HTML),
  visibility: ArticleVisibility.default('internal'),
  /** Who keeps it true. */
  ownerId: z.uuid(),
  /** When it is next checked. */
  reviewOn: IsoDate,
  /** Services it is about. */
  serviceIds: z.array(z.uuid()).max(30).default([]),
  /** What changed, for the version history. */
  note: OptionalText(500),
};

export const CreateArticleBody = z.strictObject(articleFields);
export type TCreateArticleBody = z.infer<typeof CreateArticleBody>;

export const UpdateArticleBody = z.strictObject({
  kind: ArticleKind.optional(),
  language: ArticleLanguage.optional(),
  title: Text(300).optional(),
  summary: OptionalText(1000),
  bodyHtml: z.string().max(MAX_ARTICLE_HTML).optional(),
  visibility: ArticleVisibility.optional(),
  ownerId: z.uuid().optional(),
  reviewOn: IsoDate.optional(),
  serviceIds: z.array(z.uuid()).max(30).optional(),
  note: OptionalText(500),
  version: Version,
});
export type TUpdateArticleBody = z.infer<typeof UpdateArticleBody>;

export const ArticleSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  kind: ArticleKind,
  language: ArticleLanguage,
  title: z.string(),
  summary: z.string().nullable(),
  visibility: ArticleVisibility,
  owner: PersonContact,
  reviewOn: IsoDate,
  /** When it was last checked: the review mark, or the last save. */
  checkedAt: z.string(),
  reviewOverdue: z.boolean(),
  revision: z.int(),
  updatedAt: z.string(),
  /** The address of the public page, for public articles. */
  publicPath: z.string().nullable(),
  version: z.int(),
});
export type TArticleSummary = z.infer<typeof ArticleSummary>;

export const ArticleFile = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  size: z.int(),
  uploadedAt: z.string(),
  /** Where to fetch it (range requests work, so recordings stream). */
  url: z.string(),
});
export type TArticleFile = z.infer<typeof ArticleFile>;

export const Article = ArticleSummary.extend({
  bodyHtml: z.string(),
  services: z.array(z.object({ id: z.uuid(), name: z.string() })),
  files: z.array(ArticleFile),
  createdAt: z.string(),
  updatedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** What the viewer may do with it. */
  can: KnowledgeAbilities,
});
export type TArticle = z.infer<typeof Article>;

export const ListArticlesQuery = z.strictObject({
  /** Words to find (diacritics and hyphens ignored, typos forgiven); ranked when given. */
  q: SearchText(200).optional(),
  kind: ArticleKind.optional(),
  visibility: ArticleVisibility.optional(),
  language: ArticleLanguage.optional(),
  serviceId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  ...PageQuery,
});
export type TListArticlesQuery = z.infer<typeof ListArticlesQuery>;

/** A piece of text, marked where it matched the words searched for. */
export const Snippet = z.array(z.object({ text: z.string(), match: z.boolean() }));
export type TSnippet = z.infer<typeof Snippet>;

export const ArticleHit = ArticleSummary.extend({ snippet: Snippet });
export type TArticleHit = z.infer<typeof ArticleHit>;

export const ArticlePage = pageOf(ArticleHit);
export type TArticlePage = z.infer<typeof ArticlePage>;

export const ArticleVersion = z.object({
  revision: z.int(),
  kind: ArticleKind,
  language: ArticleLanguage,
  title: z.string(),
  summary: z.string().nullable(),
  visibility: ArticleVisibility,
  note: z.string().nullable(),
  editedAt: z.string(),
  editedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type TArticleVersion = z.infer<typeof ArticleVersion>;

export const ArticleVersionDetail = ArticleVersion.extend({ bodyHtml: z.string() });
export type TArticleVersionDetail = z.infer<typeof ArticleVersionDetail>;

export const ArticleVersionList = z.object({ items: z.array(ArticleVersion) });

export const VersionParams = z.strictObject({
  id: z.uuid(),
  revision: z.coerce.number().int().min(1),
});

export const CompareQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

/** Text that is in both versions, only in the newer one (added) or only in the older (removed). */
export const DiffPart = z.object({
  op: z.enum(['same', 'added', 'removed']),
  text: z.string(),
});
export type TDiffPart = z.infer<typeof DiffPart>;

export const VersionComparison = z.object({
  from: ArticleVersion,
  to: ArticleVersion,
  title: z.array(DiffPart),
  summary: z.array(DiffPart),
  body: z.array(DiffPart),
});
export type TVersionComparison = z.infer<typeof VersionComparison>;

export const RestoreBody = z.strictObject({
  revision: z.int().min(1),
  version: Version,
});

export const FileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });

/** The owner (or an editor) checked it: it is true as of now, next check on the date. */
export const ReviewedBody = z.strictObject({
  nextReviewOn: IsoDate,
  version: Version,
});

export const SearchQuery = z.strictObject({
  q: SearchText(200).pipe(z.string().min(1)),
  /** How many of each kind to show. */
  limit: z.coerce.number().int().min(1).max(50).default(8),
});

export const ServiceHit = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['consultation', 'application']),
  institution: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  snippet: Snippet,
});
export type TServiceHit = z.infer<typeof ServiceHit>;

export const PersonHit = PersonContact.extend({
  units: z.array(z.string()),
  competences: z.array(z.string()),
  away: z.boolean(),
  standIn: PersonContact.nullable(),
});

/** One search box over articles, services and the staff directory, each ranked. */
export const SearchResults = z.object({
  query: z.string(),
  articles: z.array(ArticleHit),
  services: z.array(ServiceHit),
  people: z.array(PersonHit),
  totals: z.object({ articles: z.int(), services: z.int(), people: z.int() }),
});
export type TSearchResults = z.infer<typeof SearchResults>;

export const ReviewsQuery = z.strictObject({
  /** One's own items (the default) or everyone's (the client service head, editors). */
  scope: z.enum(['mine', 'all']).default('mine'),
  /** Items due for review on or before this date; today when absent. */
  dueBy: IsoDate.optional(),
  ...PageQuery,
});
export type TReviewsQuery = z.infer<typeof ReviewsQuery>;

export const ReviewItem = z.object({
  type: z.enum(['article', 'service']),
  id: z.uuid(),
  title: z.string(),
  owner: PersonContact,
  reviewOn: IsoDate,
  checkedAt: z.string().nullable(),
  /** Working or not, the calendar days since the review date (0 when due today or later). */
  daysOverdue: z.int(),
  version: z.int(),
  /** What the viewer may do with it (mark it reviewed). */
  can: KnowledgeAbilities,
});
export type TReviewItem = z.infer<typeof ReviewItem>;

export const ReviewPage = pageOf(ReviewItem);
export type TReviewPage = z.infer<typeof ReviewPage>;
