/** The rows to skip for a page (pages count from 1). */
export function offsetOf(query: { page: number; pageSize: number }): number {
  return (query.page - 1) * query.pageSize;
}

/** Shapes rows that carry `count(*) over ()` as `total` into a page of presented items. */
export function pageFrom<Row extends { total: number }, Item>(
  rows: readonly Row[],
  query: { page: number; pageSize: number },
  present: (row: Row) => Item,
): { items: Item[]; total: number; page: number; pageSize: number } {
  return {
    items: rows.map(present),
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
