import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TClientSummary } from '../../../contracts/clients.contracts';
import { useClientsMatching } from '../../api/cases';
import type { Column } from '../../ui/DataTable';
import { ChoiceFilter, SearchFilter } from '../../ui/Filters';
import { useListParams } from '../../ui/list-params';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { CLIENT_KINDS } from './ClientFields';

const DEFAULTS = { q: '', kind: '' };
const PAGE_SIZE = 25;

/** Finding a client: by name, personal code, phone or email; personal codes masked. */
export function ClientsPage() {
  const { t } = useTranslation();
  const { values, page, update } = useListParams(DEFAULTS);
  const list = useClientsMatching({ ...values, page, pageSize: PAGE_SIZE });
  const columns: Array<Column<TClientSummary>> = [
    {
      key: 'name',
      header: t('clients.name'),
      render: (client) => <Link to={`/clients/${client.id}`}>{client.displayName}</Link>,
    },
    { key: 'kind', header: t('clients.kind'), render: (c) => t(`clients.kinds.${c.kind}`) },
    {
      key: 'code',
      header: t('clients.code'),
      render: (c) => c.personalCodeMasked ?? c.registrationNumber ?? t('common.none'),
    },
    { key: 'phone', header: t('common.phone'), render: (c) => c.phone ?? t('common.none') },
    { key: 'email', header: t('common.email'), render: (c) => c.email ?? t('common.none') },
  ];
  return (
    <>
      <PageHeader title={t('clients.title')} intro={t('clients.intro')} />
      <div className="filters" role="search">
        <SearchFilter
          id="clients-q"
          label={t('clients.searchLabel')}
          value={values.q}
          onChange={(q) => update({ q })}
        />
        <ChoiceFilter
          id="clients-kind"
          label={t('clients.kind')}
          value={values.kind}
          onChange={(kind) => update({ kind })}
          options={CLIENT_KINDS.map((kind) => ({ value: kind, label: t(`clients.kinds.${kind}`) }))}
        />
      </div>
      <PagedList
        query={list}
        emptyTitle={t('clients.empty')}
        emptyHint={t('common.emptyFilterHint')}
        caption={t('clients.title')}
        columns={columns}
        rowKey={(c) => c.id}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
    </>
  );
}
