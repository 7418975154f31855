import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './client';

// Personal web invitations of a survey wave. Keys start with 'surveys', so the reload after any
// survey change (useReloadSurveys) refreshes them too.

const keyOf = (waveId: string) => ['surveys', 'invitations', waveId];

/** A page of a wave's invitations, the newest first. */
export function useInvitations(waveId: string, query: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...keyOf(waveId), query],
    queryFn: () => api.get(`/survey-waves/${waveId}/invitations`, query),
    placeholderData: keepPreviousData,
  });
}

/** After inviting: reload the wave's invitations (and its counts). */
export function useReloadInvitations(waveId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: keyOf(waveId) }),
    [queryClient, waveId],
  );
}

/** Makes invitations; the personal links come back only in this answer. */
export const createInvitations = (waveId: string, emails: string[]) =>
  api.post(`/survey-waves/${waveId}/invitations`, { emails });
