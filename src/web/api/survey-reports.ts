import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  TCreateReportBody,
  TPublishReportBody,
  TUpdateReportBody,
} from '../../contracts/survey-reports.contracts';
import { api } from './client';

// Survey reports share the 'surveys' query key: a change to answers changes their figures, and
// useReloadSurveys (api/surveys.ts) reloads both.

/** A survey's reports, drafts and published. */
export function useSurveyReports(surveyId: string, page: number) {
  return useQuery({
    queryKey: ['surveys', 'reports', surveyId, page],
    queryFn: () => api.get(`/surveys/${surveyId}/reports`, { page, pageSize: 25 }),
    placeholderData: keepPreviousData,
  });
}

/** Published reports, for all staff. */
export function usePublishedReports(page: number) {
  return useQuery({
    queryKey: ['surveys', 'published-reports', page],
    queryFn: () => api.get('/survey-reports', { page, pageSize: 25 }),
    placeholderData: keepPreviousData,
  });
}

/** A report with its method figures and analysis. */
export function useReport(id: string) {
  return useQuery({
    queryKey: ['surveys', 'report', id],
    queryFn: () => api.get(`/survey-reports/${id}`),
    enabled: id !== '',
  });
}

/** A wave's open answers, to quote. */
export function useWaveComments(waveId: string, page: number) {
  return useQuery({
    queryKey: ['surveys', 'comments', waveId, page],
    queryFn: () => api.get(`/survey-waves/${waveId}/comments`, { page, pageSize: 50 }),
    enabled: waveId !== '',
    placeholderData: keepPreviousData,
  });
}

export const createReport = (surveyId: string, body: TCreateReportBody) =>
  api.post(`/surveys/${surveyId}/reports`, body);

export const updateReport = (id: string, body: TUpdateReportBody) =>
  api.patch(`/survey-reports/${id}`, body);

export const publishReport = (id: string, body: TPublishReportBody) =>
  api.post(`/survey-reports/${id}/publish`, body);

export const reportPdfUrl = (id: string, language: string) =>
  `/api/v1/survey-reports/${id}/pdf?language=${language === 'en' ? 'en' : 'lv'}`;
