import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { permissionsOf, ROLES, type Role } from '../../../domain/roles';
import type { TApiToken, TCreatedToken } from '../../../contracts/tokens.contracts';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import type { Column } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { FormActions, FormError } from '../../ui/FormParts';
import { Field, FieldSet } from '../../ui/Field';
import { rigaDateOf } from '../../../domain/riga-time';
import { formatDate, formatDateTime, fullName } from '../../ui/format';
import { useListDialog } from '../../ui/list-dialog';
import { useListParams } from '../../ui/list-params';
import { ErrorNotice } from '../../ui/Notice';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { useServerForm } from '../../ui/server-form';

interface Values {
  name: string;
  kind: 'personal' | 'system';
  roles: Role[];
  expiresOn: string;
}

const DEFAULTS = { includeRevoked: 'false' };
const PAGE_SIZE = 25;

function TokenForm(props: { onCreated: (token: TCreatedToken) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { me, can } = useSession();
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values, TCreatedToken>({
    defaultValues: { name: '', kind: 'system', roles: [], expiresOn: '' },
    fields: ['name', 'roles', 'expiresOn'],
    send: (values) =>
      api.post('/tokens', {
        name: values.name,
        ...(values.kind === 'personal' ? { staffId: me.id } : { roles: values.roles }),
        ...(values.expiresOn ? { expiresOn: values.expiresOn } : {}),
      }),
    onSaved: async (token) => {
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
      props.onCreated(token);
    },
  });
  // A token reaches no further than its issuer: roles with a permission one lacks are not offered.
  const grantable = ROLES.filter((role) => [...permissionsOf([role])].every(can));
  const kind = useWatch({ control: form.control, name: 'kind' });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label={t('tokens.name')} required error={errors.name?.message}>
        <input {...form.register('name')} />
      </Field>
      <FieldSet legend={t('tokens.kind')}>
        {(['system', 'personal'] as const).map((option) => (
          <div key={option} className="check-row">
            <input
              id={`token-kind-${option}`}
              type="radio"
              value={option}
              {...form.register('kind')}
            />
            <label htmlFor={`token-kind-${option}`}>{t(`tokens.kinds.${option}`)}</label>
          </div>
        ))}
      </FieldSet>
      {kind === 'personal' ? (
        <p className="field-hint">{t('tokens.personalHint')}</p>
      ) : (
        <FieldSet legend={t('tokens.roles')} error={errors.roles?.message}>
          <div className="field-hint">{t('tokens.rolesHint')}</div>
          <div className="check-list check-columns">
            {grantable.map((role) => (
              <div key={role} className="check-row">
                <input
                  id={`token-role-${role}`}
                  type="checkbox"
                  value={role}
                  {...form.register('roles')}
                />
                <label htmlFor={`token-role-${role}`}>{t(`roles.${role}`)}</label>
              </div>
            ))}
          </div>
        </FieldSet>
      )}
      <Field label={t('tokens.expiresOn')} error={errors.expiresOn?.message}>
        <input type="date" {...form.register('expiresOn')} />
      </Field>
      <FormActions busy={busy} onCancel={props.onCancel} submitLabel={t('tokens.add')} />
    </form>
  );
}

/** A token just issued, shown once with a copy button (API tokens and exchanges' tokens). */
export function CreatedTokenNotice(props: {
  token: { name: string; token: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <p className="notice notice-warning">{t('tokens.shownOnce')}</p>
      <label htmlFor="created-token" className="visually-hidden">
        {props.token.name}
      </label>
      <input
        id="created-token"
        className="token-value"
        readOnly
        value={props.token.token}
        onFocus={(e) => e.target.select()}
      />
      <div className="form-actions">
        <button
          type="button"
          className="button-primary"
          onClick={() =>
            void navigator.clipboard.writeText(props.token.token).then(() => setCopied(true))
          }
        >
          {copied ? t('common.copied') : t('common.copy')}
        </button>
        <button type="button" className="button-secondary" onClick={props.onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}

export function TokensPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, page, update } = useListParams(DEFAULTS);
  // The new token is shown once, in the dialog that made it.
  const dialog = useListDialog<{ created: TCreatedToken | null }>();
  const created = dialog.subject?.created ?? null;
  const list = useQuery({
    queryKey: ['tokens', values, page],
    queryFn: () => api.get('/tokens', { ...values, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation({
    mutationFn: (token: TApiToken) => api.post(`/tokens/${token.id}/revoke`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });

  const columns: Array<Column<TApiToken>> = [
    { key: 'name', header: t('tokens.name'), render: (token) => <strong>{token.name}</strong> },
    { key: 'kind', header: t('tokens.kind'), render: (token) => t(`tokens.kinds.${token.kind}`) },
    {
      key: 'who',
      header: `${t('tokens.owner')} / ${t('tokens.roles')}`,
      render: (token) =>
        token.staff ? (
          fullName(token.staff)
        ) : (
          <ul className="tags">
            {token.roles.map((role) => (
              <li key={role}>{t(`roles.${role}`)}</li>
            ))}
          </ul>
        ),
    },
    { key: 'prefix', header: t('tokens.prefix'), render: (token) => <code>{token.prefix}…</code> },
    {
      key: 'created',
      header: t('tokens.createdAt'),
      render: (token) => formatDateTime(token.createdAt),
    },
    {
      key: 'expires',
      header: t('tokens.expiresOn'),
      // The token stops at the start of the day after its last day, Riga time.
      render: (token) =>
        token.expiresAt
          ? formatDate(rigaDateOf(new Date(Date.parse(token.expiresAt) - 1)))
          : t('tokens.noExpiry'),
    },
    {
      key: 'used',
      header: t('tokens.lastUsedAt'),
      render: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.never')),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'cell-actions',
      render: (token) =>
        token.revokedAt ? (
          <span className="badge">{t('tokens.revoked')}</span>
        ) : token.expiresAt && Date.parse(token.expiresAt) <= Date.now() ? (
          <span className="badge">{t('tokens.expired')}</span>
        ) : (
          <button
            type="button"
            className="button-link button-danger"
            onClick={() => {
              if (window.confirm(t('tokens.confirmRevoke', { name: token.name })))
                revoke.mutate(token);
            }}
          >
            {t('tokens.revoke')}
          </button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        intro={t('tokens.intro')}
        actions={
          <button
            type="button"
            className="button-primary"
            onClick={() => dialog.open({ created: null })}
          >
            {t('tokens.add')}
          </button>
        }
      />
      {revoke.isError && <ErrorNotice error={revoke.error} />}
      <div className="filters">
        <div className="field field-check">
          <input
            id="tokens-revoked"
            type="checkbox"
            checked={values.includeRevoked === 'true'}
            onChange={(event) => update({ includeRevoked: String(event.target.checked) })}
          />
          <label htmlFor="tokens-revoked">{t('tokens.includeRevoked')}</label>
        </div>
      </div>
      <PagedList
        query={list}
        emptyTitle={t('tokens.empty')}
        caption={t('tokens.title')}
        columns={columns}
        rowKey={(token) => token.id}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
      <Dialog title={t('tokens.add')} open={dialog.subject !== null} onClose={dialog.close}>
        {created ? (
          <CreatedTokenNotice token={created} onClose={dialog.close} />
        ) : (
          <TokenForm
            onCreated={(token) => dialog.open({ created: token })}
            onCancel={dialog.close}
          />
        )}
      </Dialog>
    </>
  );
}
