import type { Kysely } from 'kysely';
import { mayManageAbsencesOf } from '../../../domain/absences';
import { rigaDateOf } from '../../../domain/riga-time';
import { searchTermsOf } from '../../../domain/search-text';
import type {
  TDirectoryFacets,
  TDirectoryPage,
  TDirectoryQuery,
} from '../../../contracts/directory.contracts';
import type { Clock } from '../../adapters/clock';
import type { DB } from '../../db/schema';
import type { ActionContext } from '../../http/access';
import type { AbsencesService } from '../absences/absences.service';
import { offsetOf, pageFrom } from '../paging';
import { findDirectoryEntries, findDirectoryFacets } from './directory.repository';
import { presentDirectoryEntry } from './directory.presenter';

/** "Whom do I ask?": colleagues by name, unit, position or competence, and who stands in today. */
export function createDirectoryService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  absences: AbsencesService;
}) {
  const { db, clock, absences } = deps;

  return {
    async search(ctx: ActionContext, query: TDirectoryQuery): Promise<TDirectoryPage> {
      const today = rigaDateOf(clock.now());
      const rows = await findDirectoryEntries(db, {
        terms: searchTermsOf(query.q ?? ''),
        unitId: query.unitId,
        position: query.position,
        competence: query.competence,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      const away = await absences.awayOn(
        db,
        today,
        rows.map((row) => row.id),
      );
      const manager = await absences.managerOf(db, ctx.principal);
      return {
        ...pageFrom(rows, query, (row) =>
          presentDirectoryEntry(
            row,
            away.get(row.id),
            mayManageAbsencesOf(manager, {
              staffId: row.id,
              unitIds: row.units.map((unit) => unit.id),
            }),
          ),
        ),
        date: today,
      };
    },

    facets(_ctx: ActionContext): Promise<TDirectoryFacets> {
      return findDirectoryFacets(db);
    },
  };
}
export type DirectoryService = ReturnType<typeof createDirectoryService>;
