import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';

/** The server's explanation of a failure, or a plain one when the server could not be reached. */
export function problemText(error: unknown, networkMessage: string): string {
  if (error instanceof ProblemError) return error.problem.detail;
  return networkMessage;
}

export function ErrorNotice(props: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const problem = props.error instanceof ProblemError ? props.error.problem : null;
  return (
    <div className="notice notice-error" role="alert">
      <strong>{problem?.title ?? t('common.errorTitle')}</strong>
      <p>{problemText(props.error, t('errors.network'))}</p>
      {props.onRetry && (
        <button type="button" className="button-secondary" onClick={props.onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function SuccessNotice(props: { children: ReactNode }) {
  return (
    <div className="notice notice-success" role="status">
      {props.children}
    </div>
  );
}

export function EmptyState(props: { title: string; hint?: string }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{props.title}</p>
      {props.hint && <p>{props.hint}</p>}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
