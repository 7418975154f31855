import type { UseQueryResult } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../i18n/i18n';
import type { Column } from './DataTable';
import { PagedList } from './PagedList';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Row {
  id: string;
  name: string;
}
interface Page {
  items: Row[];
  total: number;
}

// Only what the list reads of a query: its state and its data.
const loaded = (page: Page) =>
  ({ isPending: false, isError: false, data: page }) as unknown as UseQueryResult<Page>;
const pending = { isPending: true, isError: false } as unknown as UseQueryResult<Page>;

const columns: Array<Column<Row>> = [{ key: 'name', header: 'Vārds', render: (row) => row.name }];
const rows = (count: number): Row[] =>
  Array.from({ length: count }, (_, index) => ({ id: `r${index}`, name: `Rinda ${index}` }));

let root: Root;
let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const show = (query: UseQueryResult<Page>, page: number, onPage = vi.fn()) => {
  act(() =>
    root.render(
      <PagedList
        query={query}
        emptyTitle="Nekā nav"
        caption="Saraksts"
        columns={columns}
        rowKey={(row) => row.id}
        page={page}
        pageSize={2}
        onPage={onPage}
      />,
    ),
  );
  return onPage;
};

describe('a list the server pages', () => {
  it('says it is loading until the page comes', () => {
    show(pending, 1);
    expect(container.querySelector('[role="status"]')?.textContent).toBeTruthy();
    expect(container.querySelector('table')).toBeNull();
  });

  it('says so when there is nothing, without a table or page controls', () => {
    show(loaded({ items: [], total: 0 }), 1);
    expect(container.querySelector('.empty-title')?.textContent).toBe('Nekā nav');
    expect(container.querySelector('table')).toBeNull();
    expect(container.querySelector('.pagination')).toBeNull();
  });

  it('shows the rows in the table that becomes cards on a phone, with its page controls', () => {
    const onPage = show(loaded({ items: rows(2), total: 5 }), 2);
    const table = container.querySelector('table');
    expect(table?.className).toBe('data-table data-table-cards');
    expect([...container.querySelectorAll('tbody td')].map((cell) => cell.textContent)).toEqual([
      'Rinda 0',
      'Rinda 1',
    ]);
    expect(container.querySelector('td')?.getAttribute('data-label')).toBe('Vārds');
    const next = [...container.querySelectorAll('nav.pagination button')].at(-1);
    act(() => (next as HTMLButtonElement).click());
    expect(onPage).toHaveBeenCalledWith(3);
  });

  it('goes to the first page when a later one comes back empty', () => {
    const onPage = show(loaded({ items: [], total: 4 }), 3);
    expect(onPage).toHaveBeenCalledWith(1);
  });

  it('stays on the first page when it is empty', () => {
    const onPage = show(loaded({ items: [], total: 0 }), 1);
    expect(onPage).not.toHaveBeenCalled();
  });

  it('shows the rows in a layout of the page’s own when it gives one', () => {
    act(() =>
      root.render(
        <PagedList
          query={loaded({ items: rows(1), total: 1 })}
          emptyTitle="Nekā nav"
          renderRows={(items) => (
            <ul>
              {items.map((row) => (
                <li key={row.id}>{row.name}</li>
              ))}
            </ul>
          )}
          page={1}
          pageSize={2}
          onPage={vi.fn()}
        />,
      ),
    );
    expect(container.querySelector('table')).toBeNull();
    expect(container.querySelector('li')?.textContent).toBe('Rinda 0');
    expect(container.querySelector('.pagination-summary')).not.toBeNull();
  });
});
