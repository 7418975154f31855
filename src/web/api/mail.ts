import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './client';

/** The letters received into a request, for its page. */
export function useRequestMail(requestId: string) {
  return useQuery({
    queryKey: ['mail', 'request', requestId],
    queryFn: () => api.get(`/requests/${requestId}/mail`),
  });
}

/** The quarantine or the flagged messages, a page at a time. */
export function useHeldMail(query: {
  state: 'quarantined' | 'flagged';
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: ['mail', 'held', query],
    queryFn: () => api.get('/mail/held', query),
    placeholderData: keepPreviousData,
  });
}

export function useMailMessage(id: string | null) {
  return useQuery({
    queryKey: ['mail', 'message', id],
    queryFn: () => api.get(`/mail/messages/${id ?? ''}`),
    enabled: id !== null,
  });
}

export function useBlocklist(query: { page: number; pageSize: number }, enabled: boolean) {
  return useQuery({
    queryKey: ['mail', 'blocklist', query],
    queryFn: () => api.get('/mail/blocklist', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** After a change to mail: reload every view of it, and the requests it may have made. */
export function useReloadMail() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['mail'] }),
        queryClient.invalidateQueries({ queryKey: ['requests'] }),
      ]),
    [queryClient],
  );
}

export const releaseMessage = (id: string) => api.post(`/mail/messages/${id}/release`);
export const discardMessage = (id: string) => api.post(`/mail/messages/${id}/discard`);
export const allowRemoteImages = (id: string) => api.post(`/mail/messages/${id}/remote-images`);
export const unblockSender = (id: string) => api.delete(`/mail/blocklist/${id}`);
