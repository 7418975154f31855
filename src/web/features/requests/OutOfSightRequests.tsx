import { useTranslation } from 'react-i18next';
import type { TLimitedRequest } from '../../../contracts/requests.contracts';
import { useOutOfSight } from '../../api/cases';
import { DataTable } from '../../ui/DataTable';
import { StateBadge } from './RequestParts';

/**
 * Below a client's or visit's requests: those the viewer registered but may no longer open,
 * by number, service, unit and state only, and how many more there are (decision 22).
 */
export function OutOfSightRequests(props: { query: { clientId: string } | { contactId: string } }) {
  const { t } = useTranslation();
  const outOfSight = useOutOfSight(props.query);
  if (!outOfSight.data) return null;
  const { registeredByMe, others } = outOfSight.data;
  return (
    <div className="out-of-sight">
      {registeredByMe.length > 0 && (
        <>
          <h3>{t('outOfSight.registeredByMe')}</h3>
          <p className="muted">{t('outOfSight.registeredByMeHint')}</p>
          <DataTable<TLimitedRequest>
            caption={t('outOfSight.registeredByMe')}
            rows={registeredByMe}
            rowKey={(request) => request.id}
            columns={[
              { key: 'number', header: t('cases.number'), render: (r) => r.number },
              { key: 'service', header: t('cases.service'), render: (r) => r.service },
              { key: 'unit', header: t('cases.unit'), render: (r) => r.unit.name },
              {
                key: 'state',
                header: t('cases.state'),
                render: (r) => <StateBadge state={r.state} />,
              },
            ]}
          />
        </>
      )}
      {others > 0 && <p className="muted">{t('outOfSight.others', { count: others })}</p>}
    </div>
  );
}
