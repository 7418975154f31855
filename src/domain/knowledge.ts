import type { Permission } from './roles';

/** The kinds of knowledge-base article. */
export const ARTICLE_KINDS = ['faq', 'guide', 'procedure', 'training'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** Who is looking at a record: the person (none for a system token) and what their roles allow. */
export interface Viewer {
  staffId: string | null;
  permissions: ReadonlySet<Permission>;
}

/** What the viewer may do with a service card or an article; answered with the record. */
export interface KnowledgeAbilities {
  /** Change it and mark it reviewed. */
  edit: boolean;
}

/**
 * Editors change any service card or article; its owner keeps their own true. The server checks
 * a change with this, and answers it with the record, so the web app never repeats the rule.
 */
export function knowledgeAbilitiesOf(
  viewer: Viewer,
  item: { ownerId: string | null },
): KnowledgeAbilities {
  const isOwner = item.ownerId !== null && viewer.staffId === item.ownerId;
  return { edit: isOwner || viewer.permissions.has('knowledge.edit') };
}
