import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TInboundMessageSummary } from '../../../contracts/mail.contracts';
import { api } from '../../api/client';
import {
  discardMessage,
  releaseMessage,
  unblockSender,
  useBlocklist,
  useHeldMail,
  useMailMessage,
  useReloadMail,
} from '../../api/mail';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { formatDateTime } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { ActionError, useAction, useServerForm } from '../../ui/server-form';
import { MailMessage, Sender } from './ReceivedMail';

const DEFAULTS = { state: 'quarantined' };
const PAGE_SIZE = 25;

/** Why a message is held, in the clerk's words. */
function HeldBecause(props: { message: TInboundMessageSummary }) {
  const { t } = useTranslation();
  const { message } = props;
  if (message.flagReason) return <>{t(`mail.flags.${message.flagReason}`)}</>;
  return (
    <>
      {message.spamReasons
        .map(
          (reason) =>
            `${t(`mail.checks.${reason.check}`, { defaultValue: reason.check })}: ${reason.detail}`,
        )
        .join('; ')}
    </>
  );
}

/** One held message opened: what it says, and the clerk's decision. */
function HeldMessage(props: { id: string; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const message = useMailMessage(props.id);
  const reload = useReloadMail();
  const release = useAction({
    run: releaseMessage,
    onDone: reload,
    onSuccess: () => props.onDone(t('mail.released')),
  });
  const discard = useAction({
    run: discardMessage,
    onDone: reload,
    onSuccess: () => props.onDone(t('mail.discarded')),
  });
  if (message.isPending) return <Loading />;
  if (message.isError) return <ErrorNotice error={message.error} />;
  const shown = message.data;
  const held = shown.state === 'quarantined' || shown.state === 'flagged';
  return (
    <>
      <p>
        <strong>{t('mail.heldBecause')}</strong> <HeldBecause message={shown} />
      </p>
      <MailMessage message={shown} requestId={shown.requestId} />
      <ActionError error={release.error ?? discard.error} />
      {held && (
        <div className="form-actions">
          <button
            type="button"
            className="button-primary"
            disabled={release.isPending || discard.isPending}
            onClick={() => release.mutate(shown.id)}
          >
            {t('mail.release')}
          </button>
          {shown.state === 'quarantined' && (
            <button
              type="button"
              className="button-secondary"
              disabled={release.isPending || discard.isPending}
              onClick={() => discard.mutate(shown.id)}
            >
              {t('mail.discard')}
            </button>
          )}
        </div>
      )}
      {shown.requestId && (
        <p>
          <Link to={`/requests/${shown.requestId}`}>{t('mail.openRequest')}</Link>
        </p>
      )}
    </>
  );
}

/** The senders whose mail goes straight to quarantine, kept by the head of client service. */
function Blocklist() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useBlocklist({ page, pageSize: PAGE_SIZE }, true);
  const reload = useReloadMail();
  const remove = useAction({ run: unblockSender, onDone: reload });
  const { form, errors, formError, busy, onSubmit } = useServerForm<{
    entry: string;
    note: string;
  }>({
    defaultValues: { entry: '', note: '' },
    fields: ['entry', 'note'],
    send: (values) =>
      api.post('/mail/blocklist', { entry: values.entry, note: values.note || null }),
    onSaved: reload,
    resetOnSave: true,
  });
  return (
    <section aria-labelledby="blocklist" className="panel panel-wide">
      <h2 id="blocklist">{t('mail.blocklist')}</h2>
      <p className="muted">{t('mail.blocklistIntro')}</p>
      <form onSubmit={onSubmit} noValidate className="inline-form">
        <FormError message={formError} />
        <Field label={t('mail.blockEntry')} required error={errors.entry?.message}>
          <input {...form.register('entry')} placeholder={t('mail.blockPlaceholder')} />
        </Field>
        <Field label={t('mail.blockNote')} error={errors.note?.message}>
          <input {...form.register('note')} />
        </Field>
        <button type="submit" className="button-secondary" disabled={busy}>
          {t('mail.block')}
        </button>
      </form>
      <ActionError error={remove.error} />
      <PagedList
        query={list}
        caption={t('mail.blocklist')}
        rowKey={(row) => row.id}
        columns={[
          { key: 'entry', header: t('mail.blockEntry'), render: (row) => row.entry },
          { key: 'note', header: t('mail.blockNote'), render: (row) => row.note ?? '' },
          {
            key: 'created',
            header: t('mail.blockedBy'),
            render: (row) => `${row.createdBy ?? ''} ${formatDateTime(row.createdAt)}`,
          },
          {
            key: 'remove',
            header: '',
            render: (row) => (
              <button
                type="button"
                className="button-secondary"
                disabled={remove.isPending}
                onClick={() => remove.mutate(row.id)}
              >
                {t('mail.unblock')}
              </button>
            ),
          },
        ]}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        emptyTitle={t('mail.blocklistEmpty')}
      />
    </section>
  );
}

/** Karantīna: the mail held back from the lists, for a clerk to let in or leave out. */
export function QuarantinePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { values, page, update } = useListParams(DEFAULTS);
  const state = values.state === 'flagged' ? 'flagged' : 'quarantined';
  const held = useHeldMail({ state, page, pageSize: PAGE_SIZE });
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('mail.quarantine')} intro={t('mail.quarantineIntro')} />
      {notice && <SuccessNotice>{notice}</SuccessNotice>}
      <div className="tabs" role="group" aria-label={t('mail.show')}>
        <button
          type="button"
          aria-pressed={state === 'quarantined'}
          onClick={() => update({ state: 'quarantined' })}
        >
          {t('mail.spam')}
        </button>
        <button
          type="button"
          aria-pressed={state === 'flagged'}
          onClick={() => update({ state: 'flagged' })}
        >
          {t('mail.flagged')}
        </button>
      </div>
      <PagedList
        query={held}
        caption={state === 'flagged' ? t('mail.flagged') : t('mail.spam')}
        rowKey={(row) => row.id}
        columns={[
          {
            key: 'subject',
            header: t('mail.subject'),
            render: (row) => (
              <button
                type="button"
                className="button-link mail-subject"
                onClick={() => setOpenId(row.id)}
              >
                {row.subject || t('mail.noSubject')}
              </button>
            ),
          },
          { key: 'from', header: t('mail.from'), render: (row) => <Sender from={row.from} /> },
          {
            key: 'received',
            header: t('mail.received'),
            render: (row) => formatDateTime(row.receivedAt),
          },
          {
            key: 'why',
            header: t('mail.heldBecause'),
            render: (row) => <HeldBecause message={row} />,
          },
        ]}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
        emptyTitle={state === 'flagged' ? t('mail.noneFlagged') : t('mail.noneHeld')}
      />
      {can('mail.blocklist') && <Blocklist />}
      <Dialog title={t('mail.message')} open={openId !== null} onClose={() => setOpenId(null)}>
        {openId && (
          <HeldMessage
            id={openId}
            onDone={(text) => {
              setOpenId(null);
              setNotice(text);
            }}
          />
        )}
      </Dialog>
    </>
  );
}
