import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TMailbox } from '../../../contracts/mailboxes.contracts';
import { api } from '../../api/client';
import type { Column } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime } from '../../ui/format';
import { useListDialog } from '../../ui/list-dialog';
import { useListParams } from '../../ui/list-params';
import { ErrorNotice } from '../../ui/Notice';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { MailboxForm } from './MailboxForm';

const DEFAULTS = { includeInactive: 'false' };
const PAGE_SIZE = 25;

/** The reader's state in a word: none yet, connected, or its last attempt failed. */
function stateOf(mailbox: TMailbox): 'unknown' | 'connected' | 'disconnected' | 'failing' {
  const state = mailbox.state;
  if (!state?.checkedAt) return 'unknown';
  if (state.lastError !== null) return 'failing';
  return state.connected ? 'connected' : 'disconnected';
}

const STATE_BADGES = {
  unknown: 'badge',
  connected: 'badge badge-ok',
  disconnected: 'badge badge-warning',
  failing: 'badge badge-danger',
} as const;

function MailboxState(props: { mailbox: TMailbox }) {
  const { t } = useTranslation();
  const { state } = props.mailbox;
  const word = stateOf(props.mailbox);
  return (
    <>
      <span className={STATE_BADGES[word]}>{t(`mailboxes.states.${word}`)}</span>
      {state?.checkedAt && (
        <div className="muted">
          {t('mailboxes.checkedAt', { time: formatDateTime(state.checkedAt) })}
        </div>
      )}
      {state?.lastMessageAt && (
        <div className="muted">
          {t('mailboxes.lastMessageAt', { time: formatDateTime(state.lastMessageAt) })}
        </div>
      )}
      {state?.lastError && <div className="mailbox-error">{state.lastError}</div>}
    </>
  );
}

export function MailboxesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, page, update } = useListParams(DEFAULTS);
  const dialog = useListDialog<{ mailbox: TMailbox | null }>();
  const list = useQuery({
    queryKey: ['mailboxes', values, page],
    queryFn: () =>
      api.get('/mailboxes', {
        ...(values.includeInactive === 'true' ? {} : { active: 'true' }),
        page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
  const setActive = useMutation({
    mutationFn: ({ mailbox, active }: { mailbox: TMailbox; active: boolean }) =>
      api.patch(`/mailboxes/${mailbox.id}`, { active, version: mailbox.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mailboxes'] }),
  });

  const columns: Array<Column<TMailbox>> = [
    {
      key: 'name',
      header: t('common.name'),
      render: (mailbox) => (
        <>
          <strong>{mailbox.name}</strong>
          <div>{mailbox.address}</div>
          {!mailbox.active && <span className="badge">{t('common.inactive')}</span>}
        </>
      ),
    },
    { key: 'unit', header: t('mailboxes.unit'), render: (mailbox) => mailbox.unitName },
    {
      key: 'receives',
      header: t('mailboxes.receives'),
      render: (mailbox) => (
        <>
          {mailbox.smtpEnabled && (
            <div>
              {t('mailboxes.smtp')}
              {mailbox.acceptAnyRecipient && (
                <div className="muted">{t('mailboxes.acceptAnyRecipient')}</div>
              )}
            </div>
          )}
          {mailbox.imapHost && (
            <div>
              IMAP {mailbox.imapHost}:{mailbox.imapPort}
            </div>
          )}
          {!mailbox.smtpEnabled && !mailbox.imapHost && t('common.none')}
        </>
      ),
    },
    {
      key: 'state',
      header: t('mailboxes.state'),
      render: (mailbox) => <MailboxState mailbox={mailbox} />,
    },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'cell-actions',
      render: (mailbox) => (
        <>
          <button
            type="button"
            className="button-link"
            onClick={() => dialog.open({ mailbox })}
            aria-label={`${t('common.edit')}: ${mailbox.name}`}
          >
            {t('common.edit')}
          </button>{' '}
          {mailbox.active ? (
            <button
              type="button"
              className="button-link button-danger"
              aria-label={`${t('mailboxes.deactivate')}: ${mailbox.name}`}
              onClick={() => {
                if (window.confirm(t('mailboxes.confirmDeactivate', { name: mailbox.name })))
                  setActive.mutate({ mailbox, active: false });
              }}
            >
              {t('mailboxes.deactivate')}
            </button>
          ) : (
            <button
              type="button"
              className="button-link"
              aria-label={`${t('mailboxes.activate')}: ${mailbox.name}`}
              onClick={() => setActive.mutate({ mailbox, active: true })}
            >
              {t('mailboxes.activate')}
            </button>
          )}
        </>
      ),
    },
  ];

  const editing = dialog.subject;
  return (
    <>
      <PageHeader
        title={t('mailboxes.title')}
        intro={t('mailboxes.intro')}
        actions={
          <button
            type="button"
            className="button-primary"
            onClick={() => dialog.open({ mailbox: null })}
          >
            {t('mailboxes.add')}
          </button>
        }
      />
      {setActive.isError && <ErrorNotice error={setActive.error} />}
      <div className="filters">
        <div className="field field-check">
          <input
            id="mailboxes-inactive"
            type="checkbox"
            checked={values.includeInactive === 'true'}
            onChange={(event) => update({ includeInactive: String(event.target.checked) })}
          />
          <label htmlFor="mailboxes-inactive">{t('mailboxes.includeInactive')}</label>
        </div>
      </div>
      <PagedList
        query={list}
        emptyTitle={t('mailboxes.empty')}
        caption={t('mailboxes.title')}
        columns={columns}
        rowKey={(mailbox) => mailbox.id}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
      <Dialog
        title={editing?.mailbox ? t('mailboxes.editTitle') : t('mailboxes.newTitle')}
        open={editing !== null}
        onClose={dialog.close}
      >
        {editing && (
          <MailboxForm
            mailbox={editing.mailbox}
            passwordsCanBeStored={list.data?.passwordsCanBeStored ?? true}
            onSaved={dialog.close}
            onCancel={dialog.close}
          />
        )}
      </Dialog>
    </>
  );
}
