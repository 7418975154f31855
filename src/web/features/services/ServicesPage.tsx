import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TServiceSummary } from '../../../contracts/catalogue.contracts';
import { REQUEST_KINDS } from '../../../domain/requests';
import { useServiceList } from '../../api/catalogue';
import { useAllInstitutions } from '../../api/lookups';
import { useSession } from '../../app/session';
import type { Column } from '../../ui/DataTable';
import { useDebouncedInput } from '../../ui/debounced-input';
import { ChoiceFilter, SearchFilter } from '../../ui/Filters';
import { fullName } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { ReviewDate } from './ServiceParts';

const DEFAULTS = { q: '', kind: '', institutionId: '', active: '' };
const PAGE_SIZE = 25;

/** The service catalogue: state and municipal services, who provides them, when they are checked. */
export function ServicesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { values, page, update } = useListParams(DEFAULTS);
  const institutions = useAllInstitutions();
  // The words show as typed; the address (and so the query) follows once the typing pauses.
  const search = useDebouncedInput(values.q, (q) => update({ q }));
  const list = useServiceList({
    ...values,
    q: values.q.trim(),
    // Active ones unless the inactive ones are asked for.
    active: values.active !== 'false',
    page,
    pageSize: PAGE_SIZE,
  });
  const mayEdit = can('knowledge.edit');

  const columns: Array<Column<TServiceSummary>> = [
    {
      key: 'name',
      header: t('catalogue.name'),
      className: 'cell-service',
      render: (service) => (
        <>
          <Link to={`/services/${service.id}`}>{service.name}</Link>
          {service.eServiceUrl && (
            <>
              {' '}
              <span className="badge badge-ok">{t('catalogue.hasEService')}</span>
            </>
          )}
          {!service.active && (
            <>
              {' '}
              <span className="badge">{t('catalogue.inactive')}</span>
            </>
          )}
        </>
      ),
    },
    {
      key: 'kind',
      header: t('catalogue.kind'),
      render: (service) => t(`cases.kinds.${service.kind}`),
    },
    {
      key: 'institution',
      header: t('catalogue.institution'),
      render: (service) => service.institution?.name ?? t('common.none'),
    },
    {
      key: 'unit',
      header: t('catalogue.unit'),
      render: (service) => service.unit?.name ?? t('common.none'),
    },
    {
      key: 'owner',
      header: t('catalogue.owner'),
      render: (service) => fullName(service.owner),
    },
    {
      key: 'review',
      header: t('catalogue.reviewOn'),
      render: (service) => <ReviewDate item={service} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('catalogue.title')}
        intro={t('catalogue.intro')}
        actions={
          mayEdit && (
            <Link to="/services/new" className="button-primary">
              {t('catalogue.newService')}
            </Link>
          )
        }
      />
      <form
        className="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          search.flush();
        }}
      >
        <SearchFilter
          id="services-q"
          label={t('catalogue.searchLabel')}
          placeholder={t('catalogue.searchPlaceholder')}
          value={search.text}
          onChange={search.setText}
        />
        <ChoiceFilter
          id="services-kind"
          label={t('catalogue.kind')}
          value={values.kind}
          onChange={(kind) => update({ kind })}
          options={REQUEST_KINDS.map((kind) => ({ value: kind, label: t(`cases.kinds.${kind}`) }))}
        />
        <ChoiceFilter
          id="services-institution"
          label={t('catalogue.institution')}
          value={values.institutionId}
          onChange={(institutionId) => update({ institutionId })}
          allLabel={t('catalogue.allInstitutions')}
          options={(institutions.data ?? []).map((institution) => ({
            value: institution.id,
            label: institution.name,
          }))}
        />
        {mayEdit && (
          <div className="field">
            <label htmlFor="services-active">{t('common.status')}</label>
            <select
              id="services-active"
              value={values.active}
              onChange={(event) => update({ active: event.target.value })}
            >
              <option value="">{t('catalogue.activeOnly')}</option>
              <option value="false">{t('catalogue.inactiveOnly')}</option>
            </select>
          </div>
        )}
      </form>
      <PagedList
        query={list}
        emptyTitle={t('catalogue.empty')}
        emptyHint={t('common.emptyFilterHint')}
        caption={t('catalogue.title')}
        columns={columns}
        rowKey={(service) => service.id}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
    </>
  );
}
