import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TDirectoryEntry } from '../../../contracts/directory.contracts';
import { api } from '../../api/client';
import { useDirectoryFacets } from '../../api/lookups';
import { DataTable, type Column } from '../../ui/DataTable';
import { formatDate, fullName } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { UnitFilter } from '../../ui/UnitFilter';

const DEFAULTS = { q: '', unitId: '', position: '', competence: '' };
const PAGE_SIZE = 25;

/** "Whom do I ask?": a colleague's contacts, and who stands in for them today. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { values, page, update } = useListParams(DEFAULTS);
  const facets = useDirectoryFacets();
  const results = useQuery({
    queryKey: ['directory', values, page],
    queryFn: () => api.get('/directory', { ...values, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const columns: Array<Column<TDirectoryEntry>> = [
    {
      key: 'person',
      header: t('directory.person'),
      render: (entry) => (
        <>
          <strong>{fullName(entry)}</strong>
          <div className="muted">{entry.position}</div>
          {entry.competences.length > 0 && (
            <ul className="tags" aria-label={t('directory.competence')}>
              {entry.competences.map((competence) => (
                <li key={competence}>{competence}</li>
              ))}
            </ul>
          )}
        </>
      ),
    },
    {
      key: 'unit',
      header: t('directory.unit'),
      render: (entry) => entry.units.map((unit) => <div key={unit.id}>{unit.name}</div>),
    },
    {
      key: 'contacts',
      header: t('directory.contacts'),
      render: (entry) => (
        <>
          {entry.phone && (
            <div>
              <a href={`tel:${entry.phone.replace(/\s/g, '')}`}>{entry.phone}</a>
            </div>
          )}
          <div>
            <a href={`mailto:${entry.email}`}>{entry.email}</a>
          </div>
        </>
      ),
    },
    {
      key: 'today',
      header: t('directory.today'),
      render: (entry) =>
        entry.away ? (
          <div className="away">
            <span className="badge badge-warning">
              {t('directory.awayUntil', {
                kind: t(`absenceKinds.${entry.away.kind}`),
                date: formatDate(entry.away.until),
              })}
            </span>
            {entry.standIn ? (
              <div className="stand-in">
                {t('directory.standIn', { name: fullName(entry.standIn) })}
                {entry.standIn.phone && (
                  <div>
                    <a href={`tel:${entry.standIn.phone.replace(/\s/g, '')}`}>
                      {entry.standIn.phone}
                    </a>
                  </div>
                )}
                <div>
                  <a href={`mailto:${entry.standIn.email}`}>{entry.standIn.email}</a>
                </div>
              </div>
            ) : (
              <div className="muted">{t('directory.noStandIn')}</div>
            )}
          </div>
        ) : (
          <span className="badge badge-ok">{t('directory.atWork')}</span>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('directory.title')} intro={t('directory.intro')} />
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field field-wide">
          <label htmlFor="directory-q">{t('directory.searchLabel')}</label>
          <input
            id="directory-q"
            type="search"
            autoFocus
            placeholder={t('directory.searchPlaceholder')}
            value={values.q}
            onChange={(event) => update({ q: event.target.value })}
          />
        </div>
        <UnitFilter
          id="directory-unit"
          label={t('directory.unit')}
          value={values.unitId}
          onChange={(unitId) => update({ unitId })}
        />
        <div className="field">
          <label htmlFor="directory-position">{t('directory.position')}</label>
          <select
            id="directory-position"
            value={values.position}
            onChange={(event) => update({ position: event.target.value })}
          >
            <option value="">{t('directory.allPositions')}</option>
            {(facets.data?.positions ?? []).map((position) => (
              <option key={position}>{position}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="directory-competence">{t('directory.competence')}</label>
          <select
            id="directory-competence"
            value={values.competence}
            onChange={(event) => update({ competence: event.target.value })}
          >
            <option value="">{t('directory.allCompetences')}</option>
            {(facets.data?.competences ?? []).map((competence) => (
              <option key={competence}>{competence}</option>
            ))}
          </select>
        </div>
      </form>

      <PagedList
        query={results}
        emptyTitle={t('directory.empty')}
        emptyHint={t('common.emptyFilterHint')}
        renderRows={(entries, data) => (
          <>
            <p className="result-count" aria-live="polite">
              {t('directory.results', { count: data.total })}
            </p>
            <DataTable
              caption={t('directory.title')}
              columns={columns}
              rows={entries}
              rowKey={(entry) => entry.id}
              rowClassName={(entry) => (entry.away ? 'row-away' : undefined)}
            />
          </>
        )}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
    </>
  );
}
