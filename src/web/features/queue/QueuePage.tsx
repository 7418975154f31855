import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TQueueEntry } from '../../../contracts/queue.contracts';
import { useQueue, useReloadCases } from '../../api/cases';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { DataTable, type Column } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { formatTime, fullName } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { EmptyState, ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { ActionError, useAction } from '../../ui/server-form';
import { UnitFilter } from '../../ui/UnitFilter';
import { ClientName } from '../requests/RequestParts';
import { AssignForm } from './AssignForm';

/** Who the person waiting is: external or a colleague, here in person or not (clause 11.10). */
function Badges(props: { entry: TQueueEntry }) {
  const { t } = useTranslation();
  const { entry } = props;
  return (
    <ul className="tags">
      <li>{entry.external ? t('queue.external') : t('queue.internal')}</li>
      <li>{entry.inPerson ? t('queue.inPerson') : t('queue.remote')}</li>
    </ul>
  );
}

function Services(props: { entry: TQueueEntry }) {
  return (
    <>
      {props.entry.services.join('; ')}
      {props.entry.reason && <div className="muted">{props.entry.reason}</div>}
    </>
  );
}

/** The unit's queue in the order people are served: external and in-person clients first. */
export function QueuePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const reload = useReloadCases();
  // The clerk's own unit unless the address names another.
  const ownUnit = me.units[0]?.id ?? '';
  const defaults = useMemo(() => ({ unitId: ownUnit }), [ownUnit]);
  const { values, update } = useListParams(defaults);
  const queue = useQueue(values.unitId);
  const [assigningId, setAssigningId] = useState<string | null>(null);
  // Read from the latest queue, so a reload after a conflict brings the current version.
  const assigning = queue.data?.waiting.find((entry) => entry.id === assigningId) ?? null;

  const callNext = useAction({
    run: () => api.post('/queue/next', { unitId: values.unitId }),
    onDone: reload,
    onSuccess: (entry) => navigate(`/contacts/${entry.contactId}`),
  });
  const leave = useAction({
    run: (entry: TQueueEntry) => api.post(`/queue/${entry.id}/leave`, { version: entry.version }),
    onDone: reload,
  });

  // The position is the row's place in the order the server gives.
  const waitingColumns = (waiting: TQueueEntry[]): Array<Column<TQueueEntry>> => [
    {
      key: 'position',
      header: t('queue.position'),
      className: 'cell-number',
      render: (e) => waiting.indexOf(e) + 1,
    },
    { key: 'client', header: t('cases.client'), render: (e) => <ClientName client={e.client} /> },
    { key: 'services', header: t('queue.services'), render: (e) => <Services entry={e} /> },
    { key: 'who', header: t('queue.who'), render: (e) => <Badges entry={e} /> },
    {
      key: 'waiting',
      header: t('queue.waiting'),
      render: (e) => t('queue.minutes', { count: e.minutesWaiting }),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'cell-actions',
      render: (e) => {
        const name = e.client?.displayName ?? t('cases.anonymous');
        return (
          <>
            {e.assignedTo && (
              <div className="muted">{t('queue.assignedTo', { name: fullName(e.assignedTo) })}</div>
            )}
            <button
              type="button"
              className="button-link"
              aria-label={`${t('queue.assign')}: ${name}`}
              onClick={() => setAssigningId(e.id)}
            >
              {t('queue.assign')}
            </button>
            <button
              type="button"
              className="button-link button-danger"
              aria-label={`${t('queue.left')}: ${name}`}
              onClick={() => {
                if (window.confirm(t('queue.confirmLeft', { name }))) leave.mutate(e);
              }}
            >
              {t('queue.left')}
            </button>
          </>
        );
      },
    },
  ];
  const servingColumns: Array<Column<TQueueEntry>> = [
    {
      key: 'client',
      header: t('cases.client'),
      render: (e) => (
        <Link to={`/contacts/${e.contactId}`}>{e.client?.displayName ?? t('cases.anonymous')}</Link>
      ),
    },
    { key: 'services', header: t('queue.services'), render: (e) => <Services entry={e} /> },
    {
      key: 'servedBy',
      header: t('queue.servedBy'),
      render: (e) => (e.assignedTo ? fullName(e.assignedTo) : t('common.none')),
    },
    {
      key: 'calledAt',
      header: t('queue.calledAt'),
      render: (e) => (e.calledAt ? formatTime(e.calledAt) : t('common.none')),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('queue.title')}
        intro={t('queue.intro')}
        actions={
          <button
            type="button"
            className="button-primary"
            disabled={values.unitId === '' || callNext.isPending}
            onClick={() => callNext.mutate(undefined)}
          >
            {t('queue.callNext')}
          </button>
        }
      />
      <div className="filters">
        <UnitFilter
          id="queue-unit"
          label={t('queue.unit')}
          value={values.unitId}
          emptyLabel={t('queue.chooseUnit')}
          onChange={(unitId) => update({ unitId })}
        />
      </div>
      <ActionError error={callNext.error ?? leave.error} />
      {values.unitId === '' ? (
        <EmptyState title={t('queue.chooseUnit')} />
      ) : queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <>
          <section aria-labelledby="queue-waiting">
            <h2 id="queue-waiting">
              {t('queue.waitingTitle', { count: queue.data.waiting.length })}
            </h2>
            {queue.data.waiting.length === 0 ? (
              <EmptyState title={t('queue.empty')} />
            ) : (
              <DataTable
                caption={t('queue.waitingCaption')}
                columns={waitingColumns(queue.data.waiting)}
                rows={queue.data.waiting}
                rowKey={(e) => e.id}
              />
            )}
          </section>
          <section aria-labelledby="queue-serving">
            <h2 id="queue-serving">{t('queue.servingTitle')}</h2>
            {queue.data.serving.length === 0 ? (
              <EmptyState title={t('queue.nobodyServed')} />
            ) : (
              <DataTable
                caption={t('queue.servingTitle')}
                columns={servingColumns}
                rows={queue.data.serving}
                rowKey={(e) => e.id}
              />
            )}
          </section>
        </>
      )}
      <Dialog
        title={t('queue.assignTitle')}
        open={assigning !== null}
        onClose={() => setAssigningId(null)}
      >
        {assigning && (
          <AssignForm
            entry={assigning}
            onDone={() => setAssigningId(null)}
            onCancel={() => setAssigningId(null)}
          />
        )}
      </Dialog>
    </>
  );
}
