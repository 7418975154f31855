import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TArticleFile } from '../../contracts/articles.contracts';
import { api } from './client';

// Articles, the unified search, the review lists and the service cards (their articles) all show
// articles: a change reloads them all.
const KNOWLEDGE_KEYS = ['articles', 'search', 'reviews', 'services'] as const;

/** After a change to an article: reload whatever shows articles. */
export function useReloadKnowledge() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all(KNOWLEDGE_KEYS.map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
    [queryClient],
  );
}

export type ArticleListQuery = Record<string, string | number>;

/** A page of articles; ranked by the words when there are some, each with its snippet. */
export function useArticles(query: ArticleListQuery) {
  return useQuery({
    queryKey: ['articles', 'list', query],
    queryFn: () => api.get('/articles', query),
    placeholderData: keepPreviousData,
  });
}

export function useArticle(id: string) {
  return useQuery({
    queryKey: ['articles', 'detail', id],
    queryFn: () => api.get(`/articles/${id}`),
    enabled: id !== '',
  });
}

/** The article's versions, newest first. */
export function useArticleVersions(id: string) {
  return useQuery({
    queryKey: ['articles', 'versions', id],
    queryFn: () => api.get(`/articles/${id}/versions`),
    select: (list) => list.items,
  });
}

export function useArticleVersion(id: string, revision: number | null) {
  return useQuery({
    queryKey: ['articles', 'version', id, revision],
    queryFn: () => api.get(`/articles/${id}/versions/${revision}`),
    enabled: revision !== null,
    // A saved version never changes.
    staleTime: Infinity,
  });
}

/** What changed between two versions (older first); a pair's answer never changes. */
export function useVersionComparison(id: string, pair: { from: number; to: number } | null) {
  return useQuery({
    queryKey: ['articles', 'compare', id, pair?.from, pair?.to],
    queryFn: () => api.get(`/articles/${id}/compare`, pair ?? { from: null, to: null }),
    enabled: pair !== null,
    staleTime: Infinity,
  });
}

/** Adds a file to an article; an image's address can then go into the text. */
export function uploadArticleFile(articleId: string, file: File): Promise<TArticleFile> {
  const form = new FormData();
  form.append('file', file);
  return api.upload(`/articles/${articleId}/files`, form);
}

/** Articles matching the words, for putting one into a reply; asked only once there are words. */
export function useArticlesLike(words: string) {
  const q = words.trim();
  return useQuery({
    queryKey: ['articles', 'like', q],
    queryFn: () => api.get('/articles', { q, pageSize: 8 }),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
}

/** One search over articles, services and colleagues. */
export function useSearch(words: string, limit = 8) {
  const q = words.trim();
  return useQuery({
    queryKey: ['search', q, limit],
    queryFn: () => api.get('/search', { q, limit }),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
}

export function useReloadNews() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['news'] }), [queryClient]);
}

export function useNews(query: { unread: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['news', 'list', query],
    queryFn: () => api.get('/news', query),
    placeholderData: keepPreviousData,
  });
}

/** The few newest unread items, loaded once when the app opens (and after marking one read). */
export function useUnreadNews() {
  return useQuery({
    queryKey: ['news', 'unread'],
    queryFn: () => api.get('/news', { unread: true, pageSize: 5 }),
    staleTime: Infinity,
  });
}

export function useNewsReaders(id: string | null) {
  return useQuery({
    queryKey: ['news', 'readers', id],
    queryFn: () => api.get(`/news/${id}/readers`),
    enabled: id !== null,
  });
}

export const markNewsRead = (id: string) => api.post(`/news/${id}/read`);
export const markAllNewsRead = () => api.post('/news/read-all');
