import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  TCreateSurveyBody,
  TCreateWaveBody,
  TSamplePlanBody,
  TSaveQuestionnaireBody,
  TUpdateSurveyBody,
  TUpdateWaveBody,
} from '../../contracts/surveys.contracts';
import { api } from './client';

// Surveys: every query key starts with 'surveys', so one invalidation reloads what a change
// touches (a survey's waves, their counts, the analysis).

/** After any change to a survey, its waves or answers: reload whatever shows them. */
export function useReloadSurveys() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ['surveys'] }), [queryClient]);
}

/** A page of surveys, the most recently changed first. */
export function useSurveyList(query: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['surveys', 'list', query],
    queryFn: () => api.get('/surveys', query),
    placeholderData: keepPreviousData,
  });
}

/** A survey with its newest questionnaire, versions and waves. */
export function useSurvey(id: string) {
  return useQuery({
    queryKey: ['surveys', 'detail', id],
    queryFn: () => api.get(`/surveys/${id}`),
    enabled: id !== '',
  });
}

/** One version of a survey's questionnaire (read-only view of older versions). */
export function useQuestionnaireVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: ['surveys', 'questionnaire', id, version],
    queryFn: () => api.get(`/surveys/${id}/questionnaire`, { version: version ?? undefined }),
    enabled: id !== '' && version !== null,
  });
}

export const createSurvey = (body: TCreateSurveyBody) => api.post('/surveys', body);

export const updateSurvey = (id: string, body: TUpdateSurveyBody) =>
  api.patch(`/surveys/${id}`, body);

/** Saves the questionnaire; a version with answers stays as it was and a new one is made. */
export const saveQuestionnaire = (id: string, body: TSaveQuestionnaireBody) =>
  api.put(`/surveys/${id}/questionnaire`, body);

export const createWave = (surveyId: string, body: TCreateWaveBody) =>
  api.post(`/surveys/${surveyId}/waves`, body);

/** A wave with its plan and answers per source. */
export function useWave(id: string) {
  return useQuery({
    queryKey: ['surveys', 'wave', id],
    queryFn: () => api.get(`/survey-waves/${id}`),
    enabled: id !== '',
  });
}

export const updateWave = (id: string, body: TUpdateWaveBody) =>
  api.patch(`/survey-waves/${id}`, body);

export const saveSamplePlan = (waveId: string, body: TSamplePlanBody) =>
  api.put(`/survey-waves/${waveId}/sample-plan`, body);

/** Uploads a contractor's CSV or XLSX file of answers: all of it is imported, or nothing. */
export function importAnswers(surveyId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload(`/surveys/${surveyId}/answers`, form);
}

/** Where the answers download as a file. */
export const answersExportUrl = (
  surveyId: string,
  format: 'csv' | 'xlsx' | 'spss' | 'sps',
  language: string,
  wave?: string,
) => {
  const query = new URLSearchParams({ format, language });
  if (wave) query.set('wave', wave);
  return `/api/v1/surveys/${surveyId}/answers?${query.toString()}`;
};

/** Counts, means, changes and the map, for the chosen map wave, border waves and stratum. */
export function useSurveyAnalysis(
  surveyId: string,
  query: { mapWave?: string; borderWaves?: string; stratum?: string },
) {
  return useQuery({
    queryKey: ['surveys', 'analysis', surveyId, query],
    queryFn: () => api.get(`/surveys/${surveyId}/analysis`, query),
    placeholderData: keepPreviousData,
  });
}
