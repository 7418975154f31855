import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TCatiCase, TQcVerdictBody, TRecordAttemptBody } from '../../contracts/cati.contracts';
import { api } from './client';

// Telephone interviews: every query key starts with 'cati', so one invalidation reloads what a
// change touches (the summary, the QC list).

export function useReloadCati() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['cati'] }), [queryClient]);
}

/** Per stratum: sample, plan, calls, completes, refusals with reasons, response rate. */
export function useCatiSummary(waveId: string) {
  return useQuery({
    queryKey: ['cati', 'summary', waveId],
    queryFn: () => api.get(`/survey-waves/${waveId}/cati/summary`),
  });
}

/** The interviews drawn for listening. */
export function useQcList(waveId: string) {
  return useQuery({
    queryKey: ['cati', 'qc', waveId],
    queryFn: () => api.get(`/survey-waves/${waveId}/cati/qc`),
  });
}

/** Adds the people of a CSV file to the wave's sample: all of them, or none. */
export function uploadSample(waveId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload(`/survey-waves/${waveId}/cati/sample/csv`, form);
}

/** The next person to call, held for the interviewer; null when nobody is due. */
export const nextCase = async (): Promise<TCatiCase | null> =>
  (await api.post('/cati/next', {})) ?? null;

export const saveCaseAnswers = (caseId: string, answers: Record<string, string>) =>
  api.put(`/cati/cases/${caseId}/answers`, { answers });

export const recordAttempt = (caseId: string, body: TRecordAttemptBody) =>
  api.post(`/cati/cases/${caseId}/attempts`, body);

export const drawQc = (waveId: string) => api.post(`/survey-waves/${waveId}/cati/qc`);

export const recordVerdict = (waveId: string, responseId: string, body: TQcVerdictBody) =>
  api.put(`/survey-waves/${waveId}/cati/qc/${responseId}`, body);
