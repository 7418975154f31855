import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './client';

type RequestListQuery = Record<string, string | number>;

// Everything about cases shares these first keys, so one change reloads every view of it.
const CASE_KEYS = ['requests', 'contacts', 'queue', 'commitments', 'clients'] as const;

/** After a change to a contact, a request or a client: reload whatever shows them. */
export function useReloadCases() {
  const queryClient = useQueryClient();
  return useCallback(
    () => Promise.all(CASE_KEYS.map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
    [queryClient],
  );
}

export function useRequestList(query: RequestListQuery, enabled = true) {
  return useQuery({
    queryKey: ['requests', 'list', query],
    queryFn: () => api.get('/requests', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A client's or visit's requests the viewer may not open: their own registrations, and a count. */
export function useOutOfSight(query: { clientId: string } | { contactId: string }) {
  return useQuery({
    queryKey: ['requests', 'out-of-sight', query],
    queryFn: () => api.get('/requests/out-of-sight', query),
  });
}

/** The start page: the day's work in one answer. */
export function useMyWork() {
  return useQuery({
    queryKey: ['requests', 'my-work'],
    queryFn: () => api.get('/my-work'),
  });
}

export function useRequestCounts() {
  return useQuery({
    queryKey: ['requests', 'counts'],
    queryFn: () => api.get('/requests/counts'),
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: ['requests', 'detail', id],
    queryFn: () => api.get(`/requests/${id}`),
  });
}

export function useContact(id: string) {
  return useQuery({
    queryKey: ['contacts', id],
    queryFn: () => api.get(`/contacts/${id}`),
  });
}

/** The unit's queue, fresh every 15 seconds: people arrive and colleagues call them meanwhile. */
export function useQueue(unitId: string) {
  return useQuery({
    queryKey: ['queue', unitId],
    queryFn: () => api.get('/queue', { unitId }),
    enabled: unitId !== '',
    refetchInterval: 15_000,
  });
}

export function useMyCommitments(page: number) {
  return useQuery({
    queryKey: ['commitments', 'mine', page],
    queryFn: () => api.get('/commitments', { page, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });
}

export function useClient(id: string) {
  return useQuery({
    queryKey: ['clients', 'detail', id],
    queryFn: () => api.get(`/clients/${id}`),
  });
}

/** Clients matching the words (name, personal code, phone, email), personal codes masked. */
export function useClientsMatching(query: {
  q: string;
  kind?: string;
  page?: number;
  pageSize?: number;
}) {
  return useQuery({
    queryKey: ['clients', 'list', query],
    queryFn: () => api.get('/clients', query),
    placeholderData: keepPreviousData,
    enabled: query.q.trim() !== '' || query.page !== undefined,
  });
}
