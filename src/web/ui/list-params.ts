import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters, sort and page kept in the address, so a list can be bookmarked, shared and
 * returned to with the back button. Changing a filter goes back to the first page.
 */
export function useListParams<K extends string>(defaults: Record<K, string>) {
  const [searchParams, setSearchParams] = useSearchParams();
  const values = Object.fromEntries(
    (Object.keys(defaults) as K[]).map((key) => [key, searchParams.get(key) ?? defaults[key]]),
  ) as Record<K, string>;
  const page = Math.max(1, Number(searchParams.get('page') ?? '1') || 1);

  const update = useCallback(
    (changes: Partial<Record<K | 'page', string>>) => {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes) as Array<
            [string, string | undefined]
          >) {
            const fallback = key === 'page' ? '1' : defaults[key as K];
            if (value === undefined || value === fallback) next.delete(key);
            else next.set(key, value);
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [defaults, setSearchParams],
  );
  return { values, page, update };
}

/**
 * Goes back to the first page when a later page comes back empty: the last row of the last page
 * was removed (cancelled, revoked, filtered away) and the list would otherwise look empty.
 */
export function useFirstPageWhenPastEnd(
  page: number,
  itemCount: number | undefined,
  update: (changes: { page: string }) => void,
): void {
  useEffect(() => {
    if (page > 1 && itemCount === 0) update({ page: '1' });
  }, [page, itemCount, update]);
}
