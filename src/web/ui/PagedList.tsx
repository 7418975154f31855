import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { DataTable, Pagination, type DataTableProps } from './DataTable';
import { useFirstPageWhenPastEnd } from './list-params';
import { ListState } from './ListState';

interface ListPage {
  items: unknown[];
  total: number;
}

type RowOf<Page extends ListPage> = Page['items'][number];

/** How the rows of a page are shown: the table (cards on a phone), or a layout of the page's own. */
type RowsView<Page extends ListPage> =
  | (Omit<DataTableProps<RowOf<Page>>, 'rows'> & { renderRows?: never })
  | { renderRows: (rows: Array<RowOf<Page>>, page: Page) => ReactNode; columns?: never };

export type PagedListProps<Page extends ListPage> = RowsView<Page> & {
  /** The page of the list as the server answered it; the page asks, so its query stays its own. */
  query: UseQueryResult<Page>;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  emptyTitle: string;
  emptyHint?: string;
  /** Names the pager where the page has more than one list. */
  label?: string;
};

/**
 * A list the server pages: loading, failure and empty states, the rows, and the page controls.
 * A later page that comes back empty (its last row removed or filtered away) goes to the first.
 */
export function PagedList<Page extends ListPage>(props: PagedListProps<Page>) {
  const { query, page, onPage } = props;
  useFirstPageWhenPastEnd(page, query.data?.items.length, () => onPage(1));
  return (
    <ListState query={query} emptyTitle={props.emptyTitle} emptyHint={props.emptyHint}>
      {(data) => (
        <>
          {props.renderRows ? (
            props.renderRows(data.items, data)
          ) : (
            <DataTable
              caption={props.caption}
              columns={props.columns}
              rows={data.items}
              rowKey={props.rowKey}
              sort={props.sort}
              onSort={props.onSort}
              rowClassName={props.rowClassName}
            />
          )}
          <Pagination
            page={page}
            pageSize={props.pageSize}
            total={data.total}
            onPage={onPage}
            label={props.label}
          />
        </>
      )}
    </ListState>
  );
}
