import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TContact } from '../../../contracts/contacts.contracts';
import { useContact } from '../../api/cases';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime, fullName } from '../../ui/format';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { OutOfSightRequests } from '../requests/OutOfSightRequests';
import { ClientName, RequestTable } from '../requests/RequestParts';
import { CloseContactForm } from './CloseContactForm';
import { IncidentForm } from './IncidentForm';

/** One contact: who, why, the services asked for, and how it ended (clauses 11.5, 12.2, 13). */
export function ContactPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contact = useContact(id);
  const [recordingIncident, setRecordingIncident] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (contact.isPending) return <Loading />;
  if (contact.isError)
    return <ErrorNotice error={contact.error} onRetry={() => void contact.refetch()} />;
  const shown = contact.data;
  return (
    <>
      <PageHeader
        title={t('contact.title', { client: shown.client?.displayName ?? t('cases.anonymous') })}
        intro={formatDateTime(shown.occurredAt)}
        actions={
          <button
            type="button"
            className="button-secondary"
            onClick={() => setRecordingIncident(true)}
          >
            {t('contact.recordIncident')}
          </button>
        }
      />
      {message && <SuccessNotice>{message}</SuccessNotice>}
      <ContactFacts contact={shown} />

      <section aria-labelledby="contact-requests">
        <h2 id="contact-requests">{t('contact.requests', { count: shown.requests.length })}</h2>
        <RequestTable caption={t('contact.requestsCaption')} rows={shown.requests} hideClient />
        <OutOfSightRequests query={{ contactId: shown.id }} />
      </section>

      {shown.closedAt ? (
        <ContactOutcome contact={shown} />
      ) : (
        <CloseContactForm contact={shown} onClosed={() => setMessage(t('contact.closed'))} />
      )}

      {shown.incidents.length > 0 && (
        <section aria-labelledby="contact-incidents">
          <h2 id="contact-incidents">{t('contact.incidents')}</h2>
          <ul className="plain-list">
            {shown.incidents.map((incident) => (
              <li key={incident.id}>
                <div className="muted">
                  {formatDateTime(incident.recordedAt)}
                  {incident.recordedBy && ` · ${fullName(incident.recordedBy)}`}
                  {incident.policeCalled && ` · ${t('contact.policeCalled')}`}
                  {incident.securityCalled && ` · ${t('contact.securityCalled')}`}
                </div>
                <p className="text-block">{incident.description}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <Dialog
        title={t('contact.recordIncident')}
        open={recordingIncident}
        onClose={() => setRecordingIncident(false)}
      >
        <IncidentForm
          contactId={shown.id}
          onSaved={() => {
            setRecordingIncident(false);
            setMessage(t('contact.incidentRecorded'));
          }}
          onCancel={() => setRecordingIncident(false)}
        />
      </Dialog>
    </>
  );
}

function ContactFacts(props: { contact: TContact }) {
  const { t } = useTranslation();
  const { contact } = props;
  return (
    <dl className="facts">
      <dt>{t('cases.client')}</dt>
      <dd>
        <ClientName client={contact.client} link />{' '}
        <span className="badge">{t(`deadlines.clientKinds.${contact.clientKind}`)}</span>
      </dd>
      <dt>{t('reception.channel')}</dt>
      <dd>{t(`deadlines.channels.${contact.channel}`)}</dd>
      {contact.unit && (
        <>
          <dt>{t('reception.place')}</dt>
          <dd>{contact.unit.name}</dd>
        </>
      )}
      {contact.staff && (
        <>
          <dt>{t('contact.servedBy')}</dt>
          <dd>{fullName(contact.staff)}</dd>
        </>
      )}
      <dt>{t('reception.reason')}</dt>
      <dd className="text-block">{contact.reason ?? t('common.none')}</dd>
      {contact.queue && (
        <>
          <dt>{t('contact.queue')}</dt>
          <dd>
            {t(`queue.states.${contact.queue.state}`)}
            {contact.queue.assignedTo && ` · ${fullName(contact.queue.assignedTo)}`}
          </dd>
        </>
      )}
    </dl>
  );
}

function ContactOutcome(props: { contact: TContact }) {
  const { t } = useTranslation();
  const { contact } = props;
  return (
    <section aria-labelledby="contact-outcome" className="panel panel-wide">
      <h2 id="contact-outcome">{t('contact.outcomeTitle')}</h2>
      <dl className="facts">
        <dt>{t('contact.closedAt')}</dt>
        <dd>{contact.closedAt && formatDateTime(contact.closedAt)}</dd>
        <dt>{t('contact.outcome')}</dt>
        <dd className="text-block">{contact.outcome}</dd>
        <dt>{t('contact.nextSteps')}</dt>
        <dd className="text-block">{contact.nextSteps ?? t('common.none')}</dd>
        <dt>{t('contact.offeredServices')}</dt>
        <dd>
          {contact.offeredServices.length > 0 ? (
            <ul className="tags">
              {contact.offeredServices.map((service) => (
                <li key={service}>{service}</li>
              ))}
            </ul>
          ) : (
            t('common.none')
          )}
        </dd>
      </dl>
    </section>
  );
}
