import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CALL_STATES } from '../../../domain/calls';
import type { TCall, TListCallsQuery } from '../../../contracts/telephony.contracts';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import type { Column } from '../../ui/DataTable';
import { ChoiceFilter } from '../../ui/Filters';
import { formatDateTime, fullName } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { UnitFilter } from '../../ui/UnitFilter';
import { NumberLink } from './NumberLink';
import { phoneContactHref, recordingUrl } from './phone-links';

type CallFilter = Pick<TListCallsQuery, 'clientId' | 'unitId' | 'requestId' | 'state'>;

/** Minutes and seconds of a call's talk, e.g. 3:07. */
function duration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function useCalls(filter: CallFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['calls', filter, page],
    queryFn: () => api.get('/calls', { ...filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** The columns of every call list; the client's own record leaves out the client. */
function useCallColumns(options: { withClient: boolean }): Array<Column<TCall>> {
  const { t } = useTranslation();
  const { can } = useSession();
  const columns: Array<Column<TCall> | false> = [
    {
      key: 'startedAt',
      header: t('phone.calls.startedAt'),
      render: (call) => formatDateTime(call.startedAt),
    },
    {
      key: 'direction',
      header: t('phone.calls.direction'),
      render: (call) => t(`phone.calls.directions.${call.direction}`),
    },
    {
      key: 'number',
      header: t('phone.number'),
      render: (call) => <NumberLink number={call.number} />,
    },
    options.withClient && {
      key: 'client',
      header: t('phone.client'),
      render: (call) =>
        call.client ? (
          <Link to={`/clients/${call.client.id}`}>{call.client.displayName}</Link>
        ) : (
          <span className="muted">{t('phone.unknownCaller')}</span>
        ),
    },
    {
      key: 'unit',
      header: t('phone.unit'),
      render: (call) => call.unit?.name ?? '—',
    },
    {
      key: 'state',
      header: t('phone.calls.state'),
      render: (call) => (
        <>
          <span className={`badge badge-call-${call.state}`}>
            {t(`phone.calls.states.${call.state}`)}
          </span>
          {call.durationSeconds !== null && (
            <span className="muted"> {duration(call.durationSeconds)}</span>
          )}
          {call.staff && <div className="muted">{fullName(call.staff)}</div>}
        </>
      ),
    },
    {
      key: 'contact',
      header: t('phone.contact'),
      render: (call) =>
        call.contactId ? (
          <Link to={`/contacts/${call.contactId}`}>{t('phone.openContact')}</Link>
        ) : call.requestId ? (
          <Link to={`/requests/${call.requestId}`}>{t('phone.openRequest')}</Link>
        ) : can('requests.work') && call.state !== 'ringing' ? (
          <Link
            to={phoneContactHref({
              callId: call.id,
              number: call.number,
              clientId: call.client?.id ?? null,
            })}
          >
            {t('phone.logCall')}
          </Link>
        ) : null,
    },
  ];
  return columns.filter((column) => column !== false);
}

const DEFAULTS = { unitId: '', state: '' };
const PAGE_SIZE = 25;

/** The call log of one's units, or of one unit, by state. */
export function CallsPage() {
  const { t } = useTranslation();
  const { values, page, update } = useListParams(DEFAULTS);
  const filter: CallFilter = {
    ...(values.unitId ? { unitId: values.unitId } : {}),
    ...(values.state ? { state: values.state as TCall['state'] } : {}),
  };
  const list = useCalls(filter, page, PAGE_SIZE);
  const columns = useCallColumns({ withClient: true });
  return (
    <>
      <PageHeader title={t('phone.calls.title')} intro={t('phone.calls.intro')} />
      <div className="filters">
        <UnitFilter
          id="calls-unit"
          label={t('phone.unit')}
          value={values.unitId}
          emptyLabel={t('phone.myUnits')}
          onChange={(unitId) => update({ unitId })}
        />
        <ChoiceFilter
          id="calls-state"
          label={t('phone.calls.state')}
          value={values.state}
          options={CALL_STATES.map((state) => ({
            value: state,
            label: t(`phone.calls.states.${state}`),
          }))}
          onChange={(state) => update({ state })}
        />
      </div>
      <PagedList
        query={list}
        emptyTitle={t('phone.calls.empty')}
        caption={t('phone.calls.title')}
        columns={columns}
        rowKey={(call) => call.id}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
    </>
  );
}

/** The client's calls, on their record. */
export function ClientCalls(props: { clientId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useCalls({ clientId: props.clientId }, page, 10);
  const columns = useCallColumns({ withClient: false });
  return (
    <section aria-labelledby="client-calls" className="client-calls">
      <h2 id="client-calls">{t('phone.calls.ofClient')}</h2>
      <PagedList
        query={list}
        emptyTitle={t('phone.calls.noneOfClient')}
        caption={t('phone.calls.ofClient')}
        columns={columns}
        rowKey={(call) => call.id}
        page={page}
        pageSize={10}
        onPage={setPage}
        label={t('phone.calls.ofClient')}
      />
    </section>
  );
}

/** The voicemail a request came from, playable on the request's page; nothing otherwise. */
export function RequestVoicemail(props: { requestId: string }) {
  const { t } = useTranslation();
  const calls = useQuery({
    queryKey: ['calls', { requestId: props.requestId }],
    queryFn: () => api.get('/calls', { requestId: props.requestId, pageSize: 5 }),
  });
  const recorded = calls.data?.items.filter((call) => call.hasRecording) ?? [];
  if (recorded.length === 0) return null;
  return (
    <section aria-labelledby="request-voicemail" className="panel panel-wide">
      <h2 id="request-voicemail">{t('phone.recording')}</h2>
      {recorded.map((call) => (
        <figure key={call.id} className="voicemail">
          <figcaption>
            {t('phone.calls.voicemailFrom', {
              number: call.number,
              at: formatDateTime(call.startedAt),
            })}
          </figcaption>
          <audio controls preload="none" src={recordingUrl(call.id)}>
            <a href={recordingUrl(call.id)}>{t('phone.recording')}</a>
          </audio>
        </figure>
      ))}
    </section>
  );
}
