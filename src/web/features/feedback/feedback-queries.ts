import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, type ApiAnswer } from '../../api/client';

export type FeedbackItem = ApiAnswer<'GET', `/feedback/${string}`>;
export type FeedbackListQuery = Record<string, string | number>;

/** The registry's page of items, the filters kept as the page's address has them. */
export function useFeedbackList(query: FeedbackListQuery) {
  return useQuery({
    queryKey: ['feedback', 'list', query],
    queryFn: () => api.get('/feedback', query),
    placeholderData: keepPreviousData,
  });
}

export function useFeedbackItem(id: string) {
  return useQuery({
    queryKey: ['feedback', 'item', id],
    queryFn: () => api.get(`/feedback/${id}`),
  });
}

/** After any change to an item: its page and every list that shows it. */
export function useReloadFeedback() {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: ['feedback'] }),
    [queryClient],
  );
}

/** A file of an item, downloaded straight from the server. */
export function attachmentHref(feedbackId: string, attachmentId: string): string {
  return `/api/v1/feedback/${feedbackId}/attachments/${attachmentId}`;
}
