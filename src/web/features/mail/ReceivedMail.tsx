import { useTranslation } from 'react-i18next';
import type { TInboundMessage } from '../../../contracts/mail.contracts';
import { allowRemoteImages, useReloadMail, useRequestMail } from '../../api/mail';
import { formatDateTime } from '../../ui/format';
import { ErrorNotice, Loading } from '../../ui/Notice';
import { ActionError, useAction } from '../../ui/server-form';

/** Who wrote: their name and address. */
export function Sender(props: { from: TInboundMessage['from'] }) {
  const { t } = useTranslation();
  if (!props.from) return <span className="muted">{t('mail.noSender')}</span>;
  return (
    <>
      {props.from.name ? `${props.from.name} ` : ''}
      <span className="muted">&lt;{props.from.address}&gt;</span>
    </>
  );
}

/**
 * A received letter: its text, or its HTML as the server made it safe (no scripts, no pictures
 * from other sites until a clerk allows them), its attachments and the original to download.
 */
export function MailMessage(props: { message: TInboundMessage; requestId: string | null }) {
  const { t } = useTranslation();
  const { message } = props;
  const reload = useReloadMail();
  const images = useAction({ run: allowRemoteImages, onDone: reload });
  return (
    <article className="mail-message">
      <header>
        <strong>{message.subject || t('mail.noSubject')}</strong>
        <div>
          <Sender from={message.from} /> · {formatDateTime(message.receivedAt)}
        </div>
      </header>
      {message.hasRemoteImages && !message.remoteImagesAllowed && (
        <p className="notice notice-info">
          {t('mail.remoteImagesHeld')}{' '}
          <button
            type="button"
            className="button-secondary"
            disabled={images.isPending}
            onClick={() => images.mutate(message.id)}
          >
            {t('mail.showImages')}
          </button>
        </p>
      )}
      <ActionError error={images.error} />
      {message.html ? (
        // Sanitised on the server by the safe-HTML rules (decision 17).
        <div className="mail-body" dangerouslySetInnerHTML={{ __html: message.html }} />
      ) : (
        <pre className="mail-body mail-text">{message.text ?? ''}</pre>
      )}
      <ul className="inline-list">
        {message.attachments.map((file) => (
          <li key={file.id}>
            {props.requestId ? (
              <a href={`/api/v1/requests/${props.requestId}/attachments/${file.id}`} download>
                {file.filename}
              </a>
            ) : (
              file.filename
            )}
          </li>
        ))}
        <li>
          <a href={`/api/v1/mail/messages/${message.id}/raw`} download>
            {t('mail.original')}
          </a>
        </li>
      </ul>
    </article>
  );
}

/** The letters the client wrote into the request, oldest first. */
export function ReceivedMail(props: { requestId: string }) {
  const { t } = useTranslation();
  const mail = useRequestMail(props.requestId);
  if (mail.isPending) return <Loading />;
  if (mail.isError) return <ErrorNotice error={mail.error} onRetry={() => void mail.refetch()} />;
  if (mail.data.items.length === 0) return <p className="muted">{t('mail.noneReceived')}</p>;
  return (
    <div className="mail-messages">
      {mail.data.items.map((message) => (
        <MailMessage key={message.id} message={message} requestId={props.requestId} />
      ))}
    </div>
  );
}
