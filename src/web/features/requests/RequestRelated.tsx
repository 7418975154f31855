import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LETTER_DELIVERIES } from '../../../contracts/correspondence.contracts';
import type { TRequestDetail } from '../../../contracts/requests.contracts';
import { useReloadCases, useRequestList } from '../../api/cases';
import { api } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { formatDateTime, formatSize } from '../../ui/format';
import { ActionError, useAction, useServerForm } from '../../ui/server-form';
import { StateBadge } from './RequestParts';

/** The request's files, each downloadable, and a way to add one. */
export function Attachments(props: { request: TRequestDetail; editable: boolean }) {
  const { t } = useTranslation();
  const reload = useReloadCases();
  const { request } = props;
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const upload = useAction({
    run: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload(`/requests/${request.id}/attachments`, form);
    },
    onDone: reload,
    onSuccess: () => {
      if (input.current) input.current.value = '';
    },
  });
  return (
    <>
      {request.attachments.length === 0 ? (
        <p className="muted">{t('request.noAttachments')}</p>
      ) : (
        <ul className="plain-list">
          {request.attachments.map((file) => (
            <li key={file.id}>
              <a href={`/api/v1/requests/${request.id}/attachments/${file.id}`} download>
                {file.filename}
              </a>{' '}
              <span className="muted">
                {formatSize(file.size)} · {formatDateTime(file.uploadedAt)}
                {file.uploadedBy && ` · ${file.uploadedBy}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ActionError error={upload.error} />
      {props.editable && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const file = input.current?.files?.[0];
            if (file) upload.mutate(file);
          }}
        >
          <div className="field">
            <label htmlFor={inputId}>{t('request.file')}</label>
            <input id={inputId} ref={input} type="file" />
          </div>
          <button type="submit" className="button-secondary" disabled={upload.isPending}>
            {t('request.upload')}
          </button>
        </form>
      )}
    </>
  );
}

/** Requests that belong together (the same matter, a duplicate); a link shows on both. */
export function Links(props: { request: TRequestDetail; editable: boolean }) {
  const { t } = useTranslation();
  const reload = useReloadCases();
  const { request } = props;
  const [words, setWords] = useState('');
  const [relatedId, setRelatedId] = useState('');
  const found = useRequestList({ list: 'all', q: words.trim(), pageSize: 10 }, words.trim() !== '');
  const candidates = (found.data?.items ?? []).filter(
    (other) => other.id !== request.id && !request.links.some((link) => link.id === other.id),
  );
  const link = useAction({
    run: (id: string) => api.post(`/requests/${request.id}/links`, { relatedId: id }),
    onDone: reload,
    onSuccess: () => {
      setWords('');
      setRelatedId('');
    },
  });
  const unlink = useAction({
    run: (id: string) => api.delete(`/requests/${request.id}/links/${id}`),
    onDone: reload,
  });
  return (
    <>
      {request.links.length === 0 ? (
        <p className="muted">{t('request.noLinks')}</p>
      ) : (
        <ul className="plain-list">
          {request.links.map((other) => (
            <li key={other.id}>
              <span>
                <Link to={`/requests/${other.id}`}>{other.number}</Link> {other.service}{' '}
                <StateBadge state={other.state} />
              </span>
              {props.editable && (
                <button
                  type="button"
                  className="button-link button-danger"
                  aria-label={`${t('request.unlink')}: ${other.number}`}
                  onClick={() => unlink.mutate(other.id)}
                >
                  {t('request.unlink')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ActionError error={link.error ?? unlink.error} />
      {props.editable && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (relatedId) link.mutate(relatedId);
          }}
        >
          <Field label={t('request.findRelated')} filter>
            <input type="search" value={words} onChange={(event) => setWords(event.target.value)} />
          </Field>
          <Field label={t('request.related')} filter>
            <select value={relatedId} onChange={(event) => setRelatedId(event.target.value)}>
              <option value="">—</option>
              {candidates.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.number} — {other.service}
                </option>
              ))}
            </select>
          </Field>
          <button
            type="submit"
            className="button-secondary"
            disabled={!relatedId || link.isPending}
          >
            {t('request.link')}
          </button>
        </form>
      )}
    </>
  );
}

type Letter = TRequestDetail['outgoingMessages'][number];

/** A letter's state in words: waiting until it leaves, then how it left. */
function LetterState(props: { message: Letter }) {
  const { t } = useTranslation();
  const { message } = props;
  return (
    <span
      className={
        message.state === 'failed'
          ? 'badge badge-danger'
          : message.state === 'due'
            ? 'badge badge-warning'
            : 'badge'
      }
    >
      {message.delivery
        ? t(`request.deliveries.${message.delivery.method}`)
        : t(`request.messageStates.${message.state}`)}
    </span>
  );
}

/**
 * How sending by mail went: when the mail server took it, why it still waits (no mail server,
 * or the server's answer and the next attempt), or the answer that made it fail.
 */
function Sending(props: { message: Letter }) {
  const { t } = useTranslation();
  const { message } = props;
  if (message.state === 'sent' && message.sentAt)
    return (
      <div className="muted">{t('request.sentAt', { at: formatDateTime(message.sentAt) })}</div>
    );
  if (message.state === 'due' && message.noMailServer)
    return <div className="notice notice-warning">{t('request.noMailServer')}</div>;
  if (message.state === 'due' && message.lastError)
    return (
      <div className="notice notice-warning">
        {t('request.sendRetrying', {
          attempts: message.attempts,
          at: message.nextAttemptAt ? formatDateTime(message.nextAttemptAt) : '',
        })}{' '}
        <q>{message.lastError}</q>
      </div>
    );
  if (message.state === 'failed')
    return (
      <div className="notice notice-error">
        {t('request.sendFailed', { attempts: message.attempts })}{' '}
        {message.lastError && <q>{message.lastError}</q>}
      </div>
    );
  return null;
}

/** Who marked a letter as gone another way, when, and their word on it. */
function DeliveredBy(props: { delivery: NonNullable<Letter['delivery']> }) {
  const { t } = useTranslation();
  const { delivery } = props;
  return (
    <div className="muted">
      {t(`request.deliveries.${delivery.method}`)}:{' '}
      {[delivery.by?.name, formatDateTime(delivery.at), delivery.note].filter(Boolean).join(', ')}
    </div>
  );
}

/** A waiting letter that left another way: handed over, printed or sent otherwise. */
function DeliveryForm(props: { request: TRequestDetail; message: Letter; onDone: () => void }) {
  const { t } = useTranslation();
  const reload = useReloadCases();
  const { form, errors, formError, busy, onSubmit } = useServerForm<{
    method: (typeof LETTER_DELIVERIES)[number];
    note: string;
  }>({
    defaultValues: { method: 'handed_over', note: '' },
    fields: ['method', 'note'],
    send: (values) =>
      api.post(`/requests/${props.request.id}/messages/${props.message.id}/delivery`, values),
    onSaved: async () => {
      await reload();
      props.onDone();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="delivery-form">
      <FormError message={formError} />
      <Field label={t('request.deliveryMethod')} required error={errors.method?.message}>
        <select {...form.register('method')}>
          {LETTER_DELIVERIES.map((method) => (
            <option key={method} value={method}>
              {t(`request.deliveryMethods.${method}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('common.note')} error={errors.note?.message}>
        <input {...form.register('note')} />
      </Field>
      <FormActions busy={busy} onCancel={props.onDone} submitLabel={t('request.markDelivered')} />
    </form>
  );
}

/** What the client is owed in writing (an interim reply), and what has gone out. */
export function OutgoingMessages(props: { request: TRequestDetail; editable: boolean }) {
  const { t } = useTranslation();
  const [marking, setMarking] = useState<string | null>(null);
  const { outgoingMessages } = props.request;
  if (outgoingMessages.length === 0) return <p className="muted">{t('request.noMessages')}</p>;
  return (
    <ul className="plain-list">
      {outgoingMessages.map((message) => (
        <li key={message.id} className="message">
          <div>
            <LetterState message={message} /> <strong>{message.subject}</strong>
            <div className="muted">
              {message.recipient ?? t('request.noRecipient')} · {formatDateTime(message.dueAt)}
            </div>
            {message.delivery ? (
              <DeliveredBy delivery={message.delivery} />
            ) : (
              <Sending message={message} />
            )}
            {message.attachmentIds.length > 0 && (
              <div className="message-attachments">
                {t('request.messageAttachments')}:{' '}
                {message.attachmentIds.map((id, index) => {
                  const file = props.request.attachments.find((candidate) => candidate.id === id);
                  return (
                    <span key={id}>
                      {index > 0 && ', '}
                      {file ? (
                        <a href={`/api/v1/requests/${props.request.id}/attachments/${id}`} download>
                          {file.filename}
                        </a>
                      ) : (
                        t('request.attachmentGone')
                      )}
                    </span>
                  );
                })}
              </div>
            )}
            <details>
              <summary>{t('request.messageBody')}</summary>
              <p className="text-block">{message.body}</p>
            </details>
            {props.editable &&
              message.state === 'due' &&
              (marking === message.id ? (
                <DeliveryForm
                  request={props.request}
                  message={message}
                  onDone={() => setMarking(null)}
                />
              ) : (
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={t('request.markDeliveredOf', { subject: message.subject })}
                  onClick={() => setMarking(message.id)}
                >
                  {t('request.markDelivered')}
                </button>
              ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
