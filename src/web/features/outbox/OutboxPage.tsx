import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TFailedLetter } from '../../../contracts/outbox.contracts';
import { api } from '../../api/client';
import type { Column } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { ErrorNotice } from '../../ui/Notice';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';

const PAGE_SIZE = 25;

/** The letters the mail server would not take, with its answer; each can be sent again. */
export function OutboxPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { page, update } = useListParams({});
  const list = useQuery({
    queryKey: ['outbox', 'failed', page],
    queryFn: () => api.get('/outbox/failed', { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const retry = useMutation({
    mutationFn: (letter: TFailedLetter) => api.post(`/outbox/${letter.id}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['outbox'] }),
  });

  const columns: Array<Column<TFailedLetter>> = [
    {
      key: 'request',
      header: t('outbox.request'),
      render: (letter) => (
        <Link to={`/requests/${letter.request.id}`}>{letter.request.number}</Link>
      ),
    },
    {
      key: 'letter',
      header: t('outbox.letter'),
      render: (letter) => (
        <>
          <strong>{letter.subject}</strong>
          <div className="muted">{letter.recipient ?? ''}</div>
        </>
      ),
    },
    {
      key: 'answer',
      header: t('outbox.answer'),
      render: (letter) => (
        <>
          <q>{letter.lastError ?? ''}</q>
          <div className="muted">{t('outbox.attempts', { attempts: letter.attempts })}</div>
        </>
      ),
    },
    {
      key: 'created',
      header: t('outbox.createdAt'),
      render: (letter) => formatDateTime(letter.createdAt),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'cell-actions',
      render: (letter) => (
        <button
          type="button"
          className="button-secondary"
          disabled={retry.isPending}
          aria-label={t('outbox.retryOf', { subject: letter.subject })}
          onClick={() => retry.mutate(letter)}
        >
          {t('outbox.retry')}
        </button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('outbox.title')} intro={t('outbox.intro')} />
      {retry.isError && <ErrorNotice error={retry.error} />}
      <PagedList
        query={list}
        emptyTitle={t('outbox.empty')}
        caption={t('outbox.title')}
        columns={columns}
        rowKey={(letter) => letter.id}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
    </>
  );
}
