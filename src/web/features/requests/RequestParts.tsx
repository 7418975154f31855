import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TClientSummary } from '../../../contracts/clients.contracts';
import type { TRequestSummary } from '../../../contracts/requests.contracts';
import type { RequestState } from '../../../domain/requests';
import {
  DataTable,
  PagedTable,
  type Column,
  type PaginationProps,
  type SortState,
} from '../../ui/DataTable';
import { formatDate, formatDateTime, fullName } from '../../ui/format';

/** The client's name, a link to their record when asked; a visitor who gave no name is anonymous. */
export function ClientName(props: { client: TClientSummary | null; link?: boolean }) {
  const { t } = useTranslation();
  if (!props.client) return <span className="muted">{t('cases.anonymous')}</span>;
  if (!props.link) return <>{props.client.displayName}</>;
  return <Link to={`/clients/${props.client.id}`}>{props.client.displayName}</Link>;
}

export function StateBadge(props: { state: RequestState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-state-${props.state}`}>{t(`cases.states.${props.state}`)}</span>
  );
}

/** The due date, and whether it is today or already past. */
export function DueDate(props: {
  request: Pick<TRequestSummary, 'dueOn' | 'overdue' | 'dueToday'>;
}) {
  const { t } = useTranslation();
  const { request } = props;
  return (
    <>
      {formatDate(request.dueOn)}
      {request.overdue && <span className="badge badge-danger"> {t('cases.overdue')}</span>}
      {request.dueToday && <span className="badge badge-warning"> {t('cases.dueToday')}</span>}
    </>
  );
}

/** Overdue rows are red, those due today stand out. */
export const urgencyClass = (request: Pick<TRequestSummary, 'overdue' | 'dueToday'>) =>
  request.overdue ? 'row-overdue' : request.dueToday ? 'row-due-today' : undefined;

/** Requests as work lists show them; the number opens the request. */
export function RequestTable(props: {
  caption: string;
  rows: TRequestSummary[];
  sort?: SortState;
  onSort?: (sort: SortState) => void;
  /** On a client's own page their name would only repeat. */
  hideClient?: boolean;
  /** A page of a longer list; a contact's few requests come whole. */
  paging?: PaginationProps;
}) {
  const { t } = useTranslation();
  const columns: Array<Column<TRequestSummary>> = [
    {
      key: 'number',
      header: t('cases.number'),
      sortKey: 'number',
      render: (r) => <Link to={`/requests/${r.id}`}>{r.number}</Link>,
    },
    {
      key: 'service',
      header: t('cases.service'),
      render: (r) => (
        <>
          {r.service}
          <div className="muted">{t(`cases.kinds.${r.kind}`)}</div>
        </>
      ),
    },
    ...(props.hideClient
      ? []
      : [
          {
            key: 'client',
            header: t('cases.client'),
            render: (r: TRequestSummary) => <ClientName client={r.client} />,
          },
        ]),
    { key: 'state', header: t('cases.state'), render: (r) => <StateBadge state={r.state} /> },
    { key: 'due', header: t('cases.due'), sortKey: 'due', render: (r) => <DueDate request={r} /> },
    {
      key: 'owner',
      header: t('cases.owner'),
      render: (r) =>
        r.owner ? fullName(r.owner) : <span className="muted">{t('cases.noOwner')}</span>,
    },
    { key: 'unit', header: t('cases.unit'), render: (r) => r.unit.name },
    {
      key: 'updated',
      header: t('cases.updated'),
      sortKey: 'updated',
      render: (r) => formatDateTime(r.updatedAt),
    },
  ];
  const table = {
    caption: props.caption,
    columns,
    rows: props.rows,
    rowKey: (r: TRequestSummary) => r.id,
    rowClassName: urgencyClass,
    ...(props.sort && props.onSort ? { sort: props.sort, onSort: props.onSort } : {}),
  };
  return props.paging ? <PagedTable {...table} paging={props.paging} /> : <DataTable {...table} />;
}
