import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TClientSummary } from '../../../contracts/clients.contracts';
import { useClientsMatching } from '../../api/cases';
import { PagedTable, type Column } from '../../ui/DataTable';
import { ChoiceFilter, SearchFilter } from '../../ui/Filters';
import { useFirstPageWhenPastEnd, useListParams } from '../../ui/list-params';
import { ListState } from '../../ui/ListState';
import { PageHeader } from '../../ui/PageHeader';
import { CLIENT_KINDS } from './ClientFields';

const DEFAULTS = { q: '', kind: '' };
const PAGE_SIZE = 25;

/** Finding a client: by name, personal code, phone or email; personal codes masked. */
export function ClientsPage() {
  const { t } = useTranslation();
  const { values, page, update } = useListParams(DEFAULTS);
  const list = useClientsMatching({ ...values, page, pageSize: PAGE_SIZE });
  useFirstPageWhenPastEnd(page, list.data?.items.length, update);
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
      <ListState
        query={list}
        emptyTitle={t('clients.empty')}
        emptyHint={t('common.emptyFilterHint')}
      >
        {(data) => (
          <PagedTable
            caption={t('clients.title')}
            columns={columns}
            rows={data.items}
            rowKey={(c) => c.id}
            paging={{
              page,
              pageSize: PAGE_SIZE,
              total: data.total,
              onPage: (next) => update({ page: String(next) }),
            }}
          />
        )}
      </ListState>
    </>
  );
}
