import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorNotice, Loading } from './Notice';

/** A list's loading, failure and empty states, and the list itself once there is something. */
export function ListState<Page extends { total: number }>(props: {
  query: UseQueryResult<Page>;
  emptyTitle: string;
  emptyHint?: string;
  children: (page: Page) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) return <Loading />;
  if (query.isError)
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.total === 0) {
    return (
      <EmptyState
        title={props.emptyTitle}
        {...(props.emptyHint ? { hint: props.emptyHint } : {})}
      />
    );
  }
  return <>{props.children(query.data)}</>;
}
