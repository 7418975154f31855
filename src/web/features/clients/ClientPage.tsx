import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TClient } from '../../../contracts/clients.contracts';
import { useClient, useRequestList } from '../../api/cases';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime } from '../../ui/format';
import { ListState } from '../../ui/ListState';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { ClientCalls } from '../phone/CallLog';
import { OutOfSightRequests } from '../requests/OutOfSightRequests';
import { RequestTable } from '../requests/RequestParts';
import { AccessLog } from './AccessLog';
import { ClientForm } from './ClientForm';
import { MergeForm } from './MergeForm';

const PAGE_SIZE = 10;

/** A client record: who they are, how to reach them, their requests; opening it is audit-logged. */
export function ClientPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { id = '' } = useParams();
  const client = useClient(id);
  const [page, setPage] = useState(1);
  const requests = useRequestList({ list: 'all', clientId: id, page, pageSize: PAGE_SIZE });
  const [dialog, setDialog] = useState<'edit' | 'merge' | 'log' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (client.isPending) return <Loading />;
  if (client.isError)
    return <ErrorNotice error={client.error} onRetry={() => void client.refetch()} />;
  const shown = client.data;
  const close = () => setDialog(null);
  return (
    <>
      <PageHeader
        title={shown.displayName}
        intro={t(`clients.kinds.${shown.kind}`)}
        actions={
          <>
            {can('requests.work') && !shown.mergedInto && (
              <button type="button" className="button-secondary" onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </button>
            )}
            {can('clients.merge') && !shown.mergedInto && (
              <button type="button" className="button-secondary" onClick={() => setDialog('merge')}>
                {t('clients.merge')}
              </button>
            )}
            {can('clients.access-log') && (
              <button type="button" className="button-secondary" onClick={() => setDialog('log')}>
                {t('clients.accessLog')}
              </button>
            )}
          </>
        }
      />
      {message && <SuccessNotice>{message}</SuccessNotice>}
      {shown.mergedInto && (
        <div className="notice notice-info" role="status">
          {t('clients.mergedInto')}{' '}
          <Link to={`/clients/${shown.mergedInto}`}>{t('clients.openMerged')}</Link>
        </div>
      )}
      <ClientFacts client={shown} />

      <section aria-labelledby="client-requests">
        <h2 id="client-requests">{t('clients.requests')}</h2>
        <ListState query={requests} emptyTitle={t('clients.noRequests')}>
          {(data) => (
            <RequestTable
              caption={t('clients.requests')}
              rows={data.items}
              hideClient
              paging={{
                page,
                pageSize: PAGE_SIZE,
                total: data.total,
                totalIsLowerBound: data.totalIsLowerBound,
                onPage: setPage,
              }}
            />
          )}
        </ListState>
        <OutOfSightRequests query={{ clientId: shown.id }} />
      </section>

      <ClientCalls clientId={shown.id} />

      <Dialog title={t('clients.editTitle')} open={dialog === 'edit'} onClose={close}>
        <ClientForm
          client={shown}
          onSaved={() => {
            close();
            setMessage(t('common.saved'));
          }}
          onCancel={close}
        />
      </Dialog>
      <Dialog title={t('clients.mergeTitle')} open={dialog === 'merge'} onClose={close}>
        <MergeForm client={shown} onCancel={close} />
      </Dialog>
      <Dialog title={t('clients.accessLog')} open={dialog === 'log'} onClose={close}>
        <AccessLog clientId={shown.id} />
      </Dialog>
    </>
  );
}

function ClientFacts(props: { client: TClient }) {
  const { t } = useTranslation();
  const { client } = props;
  const facts: Array<[string, string | null]> = [
    [t('clients.personalCode'), client.personalCode],
    [t('clients.registrationNumber'), client.registrationNumber],
    [t('common.phone'), client.phone],
    [t('common.email'), client.email],
    [t('clients.eAddress'), client.eAddress],
    [t('common.address'), client.address],
    [
      t('clients.preferredLanguage'),
      client.preferredLanguage && t(`clients.languages.${client.preferredLanguage}`),
    ],
    [
      t('clients.preferredChannel'),
      client.preferredChannel && t(`deadlines.channels.${client.preferredChannel}`),
    ],
    [t('clients.consentNotes'), client.consentNotes],
    [t('clients.registered'), formatDateTime(client.createdAt)],
  ];
  return (
    <dl className="facts">
      {facts
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label} className="facts-row">
            <dt>{label}</dt>
            <dd className="text-block">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
