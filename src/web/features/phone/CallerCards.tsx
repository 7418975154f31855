import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCallStreamMessage } from '../../../contracts/telephony.contracts';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../ui/format';
import { CommitmentText } from '../requests/CommitmentsPanel';
import { phoneContactHref } from './phone-links';
import { ringingCallsAfter } from './ringing-calls';

/**
 * The cards of the calls ringing one's extension or one's unit's line, from the server's call
 * stream: who is calling, their open requests and promises, and one click to a phone contact.
 * The browser reconnects the stream by itself; a refused stream (no line, no extension) stays shut.
 */
export function CallerCards() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [calls, setCalls] = useState<TCallStreamMessage[]>([]);
  useEffect(() => {
    const stream = new EventSource('/api/v1/telephony/stream');
    stream.addEventListener('call', (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as TCallStreamMessage;
      setCalls((shown) => ringingCallsAfter(shown, message, me.id));
    });
    return () => stream.close();
  }, [me.id]);
  const dismiss = (id: string) => setCalls((shown) => shown.filter((each) => each.call.id !== id));
  const ringing = calls.filter((each) => each.call.state === 'ringing');
  return (
    <div className="caller-cards">
      {/* Always there, so that a screen reader announces each new ringing call. */}
      <div role="status" className="visually-hidden">
        {ringing
          .map((each) =>
            t('phone.card.ringing', { number: each.call.number || t('phone.withheld') }),
          )
          .join('. ')}
      </div>
      {calls.map((message) => (
        <CallerCard
          key={message.call.id}
          message={message}
          onDismiss={() => dismiss(message.call.id)}
        />
      ))}
    </div>
  );
}

function CallerCard(props: { message: TCallStreamMessage; onDismiss: () => void }) {
  const { t } = useTranslation();
  const { call, card } = props.message;
  const clients = card?.clients ?? [];
  const titleId = `caller-${call.id}`;
  // Escape dismisses the card the focus is in, as for any dialog; it never takes the focus.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') props.onDismiss();
  };
  return (
    <section
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      className="caller-card"
      onKeyDown={onKeyDown}
    >
      <div className="caller-card-head">
        <h2 id={titleId}>
          {call.state === 'ringing'
            ? t('phone.card.ringing', { number: call.number || t('phone.withheld') })
            : t('phone.card.answered', { number: call.number || t('phone.withheld') })}
        </h2>
        <button
          type="button"
          className="button-icon"
          aria-label={t('phone.card.dismiss')}
          onClick={props.onDismiss}
        >
          ×
        </button>
      </div>
      <p className="muted">
        {call.unit ? `${call.unit.name} · ` : ''}
        {formatDateTime(call.startedAt)}
      </p>
      {clients.length === 0 ? (
        <p>{t('phone.card.unknown')}</p>
      ) : (
        <ul className="plain-list">
          {clients.map((client) => (
            <li key={client.id}>
              <Link to={`/clients/${client.id}`}>
                <strong>{client.displayName}</strong>
              </Link>
              {client.personalCodeMasked && (
                <span className="muted"> {client.personalCodeMasked}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {card && card.openRequests.length > 0 && (
        <>
          <h3>{t('phone.card.openRequests')}</h3>
          <ul className="plain-list">
            {card.openRequests.map((request) => (
              <li key={request.id}>
                <Link to={`/requests/${request.id}`}>{request.number}</Link> {request.service}
                {request.overdue && (
                  <span className="badge badge-danger">{t('phone.overdue')}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {card && card.promises.length > 0 && (
        <>
          <h3>{t('phone.card.promises')}</h3>
          <ul className="plain-list">
            {card.promises.map((promise) => (
              <li key={promise.id}>
                <div>
                  <CommitmentText commitment={promise} />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="form-actions">
        <Link
          className="button-primary"
          to={phoneContactHref({
            callId: call.id,
            number: call.number,
            // Several clients on one number: the clerk asks who is calling and picks in the form.
            clientId: clients.length === 1 ? (clients[0]?.id ?? null) : null,
          })}
          onClick={props.onDismiss}
        >
          {t('phone.card.startContact')}
        </Link>
      </div>
    </section>
  );
}
