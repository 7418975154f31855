import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LetterLanguage } from '../../domain/letters';
import { api } from './client';

/** The signed-in person's signature as their letters in the language will carry it. */
export function useMySignature(language: LetterLanguage) {
  return useQuery({
    queryKey: ['signatures', 'mine', language],
    queryFn: () => api.get('/signatures/mine', { language }),
    staleTime: 60_000,
  });
}

export function useSignatureTemplates() {
  return useQuery({
    queryKey: ['signatures', 'templates'],
    queryFn: () => api.get('/signature-templates'),
  });
}

export function useTextModules(query: {
  q: string;
  language?: LetterLanguage | undefined;
  active?: boolean;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: ['text-modules', query],
    queryFn: () =>
      api.get('/text-modules', {
        ...query,
        ...(query.active === undefined ? {} : { active: String(query.active) }),
      }),
    placeholderData: keepPreviousData,
  });
}
