import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TReviewItem } from '../../contracts/articles.contracts';
import { api } from './client';

// A service card shows in the catalogue, in the review lists and in the unified search; articles
// show in the last two. A change to either reloads them all.
const CATALOGUE_KEYS = ['services', 'reviews', 'articles', 'search'] as const;

/** After a change to a service card or a review mark: reload whatever shows them. */
export function useReloadCatalogue() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all(CATALOGUE_KEYS.map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
    [queryClient],
  );
}

export type ServiceListQuery = Record<string, string | number | boolean>;

/** A page of the catalogue, filtered. */
export function useServiceList(query: ServiceListQuery) {
  return useQuery({
    queryKey: ['services', 'list', query],
    queryFn: () => api.get('/services', query),
    placeholderData: keepPreviousData,
  });
}

/**
 * The few services best matching the words, for pickers (reception, related services, an
 * article's services). Asked only once there are words, unless the picker lists the first ones
 * before any are typed; a catalogue changes seldom, so an answer stays fresh for a minute.
 */
export function useServicesLike(words: string, pageSize = 8, listWhenEmpty = false) {
  const q = words.trim();
  return useQuery({
    queryKey: ['services', 'like', q, pageSize],
    queryFn: () => api.get('/services', { q, pageSize }),
    select: (page) => page.items,
    enabled: listWhenEmpty || q !== '',
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useService(id: string, enabled = true) {
  return useQuery({
    queryKey: ['services', 'detail', id],
    queryFn: () => api.get(`/services/${id}`),
    enabled: enabled && id !== '',
  });
}

/** Articles and service cards whose review date has come: one's own, or everyone's. */
export function useReviewList(query: { scope: string; dueBy?: string; page: number }) {
  return useQuery({
    queryKey: ['reviews', 'list', query],
    queryFn: () => api.get('/reviews', { ...query, pageSize: 25 }),
    placeholderData: keepPreviousData,
  });
}

/** What is marked as checked: an article or a service card, with the version read. */
export interface ReviewTarget {
  type: TReviewItem['type'];
  id: string;
  version: number;
}

/** Marks an article or a service card as checked, with the date of the next check. */
export const markReviewed = (target: ReviewTarget, nextReviewOn: string) =>
  api.post(`/${target.type === 'article' ? 'articles' : 'services'}/${target.id}/reviewed`, {
    nextReviewOn,
    version: target.version,
  });
