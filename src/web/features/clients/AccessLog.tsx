import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TClientAccessLog } from '../../../contracts/clients.contracts';
import { api } from '../../api/client';
import { DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { ListState } from '../../ui/ListState';

type Entry = TClientAccessLog['entries'][number];

/** Who looked at the person's data, when and for which request; also as CSV for the person. */
export function AccessLog(props: { clientId: string }) {
  const { t } = useTranslation();
  const log = useQuery({
    queryKey: ['clients', 'access-log', props.clientId],
    queryFn: async () => {
      const log = await api.get(`/clients/${props.clientId}/access-log`, { format: 'json' });
      // Asked for JSON; the route's other answer is the CSV text.
      if (typeof log === 'string') throw new Error('The access log came as CSV, not JSON');
      return log;
    },
    select: (data) => ({ ...data, total: data.entries.length }),
  });
  return (
    <>
      <p>
        <a href={`/api/v1/clients/${props.clientId}/access-log?format=csv`} download>
          {t('clients.downloadCsv')}
        </a>
      </p>
      <ListState query={log} emptyTitle={t('clients.accessLogEmpty')}>
        {(data) => (
          <DataTable<Entry>
            caption={t('clients.accessLog')}
            columns={[
              { key: 'at', header: t('audit.at'), render: (e) => formatDateTime(e.at) },
              {
                key: 'who',
                header: t('audit.actor'),
                // A system token has no person: its name says who looked.
                render: (e) =>
                  e.staffName ??
                  (e.tokenName
                    ? t('clients.systemToken', { name: e.tokenName })
                    : t('audit.system')),
              },
              {
                key: 'request',
                header: t('clients.forRequest'),
                render: (e) => e.requestNumber ?? t('common.none'),
              },
            ]}
            rows={data.entries}
            rowKey={(e) => String(data.entries.indexOf(e))}
          />
        )}
      </ListState>
    </>
  );
}
