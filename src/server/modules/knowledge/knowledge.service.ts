import type { Kysely } from 'kysely';
import { knowledgeAbilitiesOf } from '../../../domain/knowledge';
import { daysOverdue, queryWordsOf, snippetOf, tsQueryOf } from '../../../domain/knowledge-search';
import { rigaDateOf } from '../../../domain/riga-time';
import { foldForSearch } from '../../../domain/search-text';
import type {
  TReviewPage,
  TReviewsQuery,
  TSearchResults,
} from '../../../contracts/articles.contracts';
import type { Clock } from '../../adapters/clock';
import type { DB } from '../../db/schema';
import { hasPermission, type ActionContext } from '../../http/access';
import { AppError } from '../../http/errors';
import type { ArticlesService } from '../articles/articles.service';
import type { DirectoryService } from '../directory/directory.service';
import { offsetOf } from '../paging';
import type { SearchWordsService } from '../search-words/search-words.service';
import { findDueReviews, searchServiceHits } from './knowledge.repository';
import { presentOwner } from '../staff/staff.presenter';

export function createKnowledgeService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  articles: ArticlesService;
  directory: DirectoryService;
  searchWords: SearchWordsService;
}) {
  const { db, clock, articles, directory, searchWords } = deps;

  return {
    /** One search box: articles, services and people, each ranked, each with its count. */
    async search(ctx: ActionContext, query: { q: string; limit: number }): Promise<TSearchResults> {
      const words = queryWordsOf(query.q);
      if (words.length === 0)
        return {
          query: query.q,
          articles: [],
          services: [],
          people: [],
          totals: { articles: 0, services: 0, people: 0 },
        };
      const alternatives = await searchWords.alternativesFor(db, words);
      const articlePage = await articles.hits(query.q, { words, alternatives }, query.limit);
      const serviceRows = await searchServiceHits(db, {
        tsQuery: tsQueryOf(words, alternatives) ?? '',
        folded: foldForSearch(query.q),
        limit: query.limit,
      });
      const people = await directory.search(ctx, { q: query.q, page: 1, pageSize: query.limit });
      return {
        query: query.q,
        articles: articlePage.items,
        services: serviceRows.map((row) => ({
          id: row.id,
          name: row.name,
          kind: row.kind,
          institution:
            row.institution_id && row.institution_name
              ? { id: row.institution_id, name: row.institution_name }
              : null,
          snippet: snippetOf(row.headline),
        })),
        people: people.items.map((person) => ({
          id: person.id,
          givenName: person.givenName,
          surname: person.surname,
          position: person.position,
          phone: person.phone,
          email: person.email,
          units: person.units.map((unit) => unit.name),
          competences: person.competences,
          away: person.away !== null,
          standIn: person.standIn,
        })),
        totals: {
          articles: articlePage.total,
          services: serviceRows[0]?.total ?? 0,
          people: people.total,
        },
      };
    },

    /**
     * Articles and service cards due for review: one's own, or (for editors) everyone's. The
     * client service head sees what is going stale across the organisation.
     */
    async reviews(ctx: ActionContext, query: TReviewsQuery): Promise<TReviewPage> {
      if (query.scope === 'all' && !hasPermission(ctx.principal, 'knowledge.edit'))
        throw new AppError('forbidden');
      const today = rigaDateOf(clock.now());
      const ownerId = query.scope === 'all' ? null : ctx.principal.staffId;
      if (query.scope === 'mine' && ownerId === null)
        return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      const rows = await findDueReviews(db, {
        dueBy: query.dueBy ?? today,
        ownerId,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return {
        items: rows.map((row) => {
          const owner = presentOwner(row);
          return {
            type: row.type,
            id: row.id,
            title: row.title,
            owner,
            reviewOn: row.review_on,
            checkedAt: row.checked_at?.toISOString() ?? null,
            daysOverdue: daysOverdue(row.review_on, today),
            version: row.version,
            can: knowledgeAbilitiesOf(ctx.principal, { ownerId: owner.id }),
          };
        }),
        total: rows[0]?.total ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  };
}
export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
