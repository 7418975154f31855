import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from './format';

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** The server's sort key, when the list can be sorted by this column. */
  sortKey?: string;
  className?: string;
}

export interface SortState {
  sort: string;
  order: 'asc' | 'desc';
}

export interface DataTableProps<Row> {
  caption: string;
  columns: Array<Column<Row>>;
  rows: Row[];
  rowKey: (row: Row) => string;
  sort?: SortState;
  onSort?: (sort: SortState) => void;
  rowClassName?: (row: Row) => string | undefined;
}

/**
 * A table of rows; sortable columns are buttons in the header, announced with aria-sort. On a
 * phone each row becomes a card whose cells carry their column's name (styles.css).
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { t } = useTranslation();
  const { sort, onSort } = props;
  return (
    <div className="table-scroll">
      <table className="data-table data-table-cards">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => {
              const sorted = sort && column.sortKey === sort.sort ? sort.order : null;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.className}
                  aria-sort={
                    sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                  }
                >
                  {column.sortKey && onSort ? (
                    <button
                      type="button"
                      className="sort-button"
                      title={t('common.sortBy', { column: column.header })}
                      onClick={() =>
                        onSort({
                          sort: column.sortKey as string,
                          order: sorted === 'asc' ? 'desc' : 'asc',
                        })
                      }
                    >
                      {column.header}
                      <span aria-hidden="true" className="sort-indicator">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)} className={props.rowClassName?.(row)}>
              {props.columns.map((column) => (
                <td
                  key={column.key}
                  className={column.className}
                  data-label={column.header || undefined}
                >
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** Names the list when a page has more than one: each pager is a landmark of its own. */
  label?: string;
  /** The server stopped counting at `total`: there are more ("10 000+"). */
  totalIsLowerBound?: boolean;
}

/** One page of a list the server pages, with the controls to move between pages. */
export function PagedTable<Row>(props: DataTableProps<Row> & { paging: PaginationProps }) {
  const { paging, ...table } = props;
  return (
    <>
      <DataTable {...table} />
      <Pagination {...paging} />
    </>
  );
}

/** Page controls for a list the server pages. */
export function Pagination(props: PaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (props.total === 0) return null;
  const from = (props.page - 1) * props.pageSize + 1;
  const to = Math.min(props.total, props.page * props.pageSize);
  const total = props.totalIsLowerBound ? `${formatCount(props.total)}+` : props.total;
  const summary = t('pagination.summary', { from, to, total });
  // A list that fits on one page needs no page buttons, only how many there are.
  if (pages === 1) return <p className="pagination pagination-summary">{summary}</p>;
  return (
    <nav
      className="pagination"
      aria-label={props.label ? `${t('pagination.label')}: ${props.label}` : t('pagination.label')}
    >
      <span className="pagination-summary">{summary}</span>
      <button
        type="button"
        className="button-secondary"
        disabled={props.page <= 1}
        onClick={() => props.onPage(props.page - 1)}
      >
        {t('pagination.previous')}
      </button>
      <span aria-live="polite">{t('pagination.page', { page: props.page, pages })}</span>
      <button
        type="button"
        className="button-secondary"
        disabled={props.page >= pages}
        onClick={() => props.onPage(props.page + 1)}
      >
        {t('pagination.next')}
      </button>
    </nav>
  );
}
