import { useTranslation } from 'react-i18next';
import type { TListRequestsQuery } from '../../../contracts/requests.contracts';
import { REQUEST_STATES } from '../../../domain/requests';
import type { TWorkCounts } from '../../../contracts/requests.contracts';
import { useRequestCounts, useRequestList } from '../../api/cases';
import { ChoiceFilter, SearchFilter } from '../../ui/Filters';
import { useFirstPageWhenPastEnd, useListParams } from '../../ui/list-params';
import { ListState } from '../../ui/ListState';
import { PageHeader } from '../../ui/PageHeader';
import { UnitFilter } from '../../ui/UnitFilter';
import { ServiceFilterNote } from '../services/ServiceFilterNote';
import { CommitmentsPanel } from './CommitmentsPanel';
import { RequestTable } from './RequestParts';

type WorkList = TListRequestsQuery['list'];

// The contract's REQUEST_LISTS would bring zod into the web app; `satisfies` checks each name.
const LISTS = [
  'mine',
  'unit',
  'referred',
  'due-today',
  'overdue',
  'waiting',
  'all',
] as const satisfies readonly WorkList[];

/** Which count stands on which tab; the others have none. */
const COUNT_OF: Partial<Record<WorkList, keyof TWorkCounts>> = {
  mine: 'mine',
  referred: 'referred',
  'due-today': 'dueToday',
  overdue: 'overdue',
};

const DEFAULTS = {
  list: 'mine',
  q: '',
  state: '',
  unitId: '',
  serviceId: '',
  sort: 'due',
  order: 'asc',
};
const PAGE_SIZE = 25;

/** The work lists: one's own, the unit's, referred, due today, overdue, waiting, all. */
export function RequestsPage() {
  const { t } = useTranslation();
  const { values, page, update } = useListParams(DEFAULTS);
  const counts = useRequestCounts();
  const list = useRequestList({ ...values, page, pageSize: PAGE_SIZE });
  useFirstPageWhenPastEnd(page, list.data?.items.length, update);
  const listName = t(`requests.lists.${values.list as WorkList}`);

  return (
    <>
      <PageHeader title={t('requests.title')} intro={t('requests.intro')} />
      <CommitmentsPanel />
      <div className="tabs" role="group" aria-label={t('requests.listsLabel')}>
        {LISTS.map((name) => {
          const countKey = COUNT_OF[name];
          const count = countKey ? counts.data?.[countKey] : undefined;
          return (
            <button
              key={name}
              type="button"
              aria-pressed={values.list === name}
              onClick={() => update({ list: name })}
            >
              {t(`requests.lists.${name}`)}{' '}
              {count !== undefined && (
                <span className={count > 0 && name === 'overdue' ? 'count count-danger' : 'count'}>
                  {count}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <div className="filters" role="search">
        <SearchFilter
          id="requests-q"
          label={t('requests.searchLabel')}
          value={values.q}
          onChange={(q) => update({ q })}
        />
        <ChoiceFilter
          id="requests-state"
          label={t('cases.state')}
          value={values.state}
          onChange={(state) => update({ state })}
          options={REQUEST_STATES.map((state) => ({
            value: state,
            label: t(`cases.states.${state}`),
          }))}
        />
        <UnitFilter
          id="requests-unit"
          label={t('cases.unit')}
          value={values.unitId}
          onChange={(unitId) => update({ unitId })}
        />
      </div>
      <ServiceFilterNote serviceId={values.serviceId} onClear={() => update({ serviceId: '' })} />
      <ListState
        query={list}
        emptyTitle={t('requests.empty')}
        emptyHint={t('common.emptyFilterHint')}
      >
        {(data) => (
          <RequestTable
            caption={listName}
            rows={data.items}
            sort={{ sort: values.sort, order: values.order === 'desc' ? 'desc' : 'asc' }}
            onSort={(sort) => update(sort)}
            paging={{
              page,
              pageSize: PAGE_SIZE,
              total: data.total,
              totalIsLowerBound: data.totalIsLowerBound,
              onPage: (next) => update({ page: String(next) }),
            }}
          />
        )}
      </ListState>
    </>
  );
}
