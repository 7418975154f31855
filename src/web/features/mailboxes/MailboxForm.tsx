import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TMailbox } from '../../../contracts/mailboxes.contracts';
import { api } from '../../api/client';
import { unitTreeOrder, useAllUnits } from '../../api/lookups';
import { FormActions, FormError } from '../../ui/FormParts';
import { Field, FieldSet } from '../../ui/Field';
import { useServerForm } from '../../ui/server-form';

interface Values {
  name: string;
  address: string;
  unitId: string;
  policyCode: string;
  smtpEnabled: boolean;
  acceptAnyRecipient: boolean;
  imapHost: string;
  imapPort: string;
  imapTls: boolean;
  imapUser: string;
  password: string;
  imapFolder: string;
  imapDoneFolder: string;
  ackEnabled: boolean;
  ackSubjectLv: string;
  ackBodyLv: string;
  ackSubjectEn: string;
  ackBodyEn: string;
}

/** The server's field names and the form's, where they differ: the password is write-only. */
const FIELDS = {
  name: 'name',
  address: 'address',
  unitId: 'unitId',
  policyCode: 'policyCode',
  smtpEnabled: 'smtpEnabled',
  acceptAnyRecipient: 'acceptAnyRecipient',
  imapHost: 'imapHost',
  imapPort: 'imapPort',
  imapTls: 'imapTls',
  imapUser: 'imapUser',
  imapPassword: 'password',
  imapFolder: 'imapFolder',
  imapDoneFolder: 'imapDoneFolder',
  ackEnabled: 'ackEnabled',
  ackSubjectLv: 'ackSubjectLv',
  ackBodyLv: 'ackBodyLv',
  ackSubjectEn: 'ackSubjectEn',
  ackBodyEn: 'ackBodyEn',
};

/** What happens to the stored password on saving: it is never shown, only replaced or removed. */
type PasswordAction = 'keep' | 'set' | 'remove';

export function MailboxForm(props: {
  mailbox: TMailbox | null;
  passwordsCanBeStored: boolean;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const units = useAllUnits();
  const policies = useQuery({
    queryKey: ['calendar', 'policies'],
    queryFn: () => api.get('/calendar/policies'),
  });
  const current = props.mailbox;
  const [passwordAction, setPasswordAction] = useState<PasswordAction>('keep');
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: {
      name: current?.name ?? '',
      address: current?.address ?? '',
      unitId: current?.unitId ?? '',
      policyCode: current?.policyCode ?? '',
      smtpEnabled: current?.smtpEnabled ?? false,
      acceptAnyRecipient: current?.acceptAnyRecipient ?? false,
      imapHost: current?.imapHost ?? '',
      imapPort: current?.imapPort?.toString() ?? '',
      imapTls: current?.imapTls ?? true,
      imapUser: current?.imapUser ?? '',
      password: '',
      imapFolder: current?.imapFolder ?? 'INBOX',
      imapDoneFolder: current?.imapDoneFolder ?? '',
      ackEnabled: current?.ackEnabled ?? false,
      ackSubjectLv: current?.ackSubjectLv ?? '',
      ackBodyLv: current?.ackBodyLv ?? '',
      ackSubjectEn: current?.ackSubjectEn ?? '',
      ackBodyEn: current?.ackBodyEn ?? '',
    },
    fields: FIELDS,
    send: (values) => {
      const body = {
        name: values.name,
        address: values.address,
        // Left unchosen, the unit is missing (required), not a malformed identifier.
        ...(values.unitId !== '' && { unitId: values.unitId }),
        policyCode: values.policyCode,
        smtpEnabled: values.smtpEnabled,
        acceptAnyRecipient: values.acceptAnyRecipient,
        imapHost: values.imapHost,
        // An empty port takes the usual one; anything else goes as typed, for the server to judge.
        imapPort: values.imapPort.trim() === '' ? null : Number(values.imapPort),
        imapTls: values.imapTls,
        imapUser: values.imapUser,
        imapFolder: values.imapFolder,
        imapDoneFolder: values.imapDoneFolder,
        ackEnabled: values.ackEnabled,
        ackSubjectLv: values.ackSubjectLv,
        ackBodyLv: values.ackBodyLv,
        ackSubjectEn: values.ackSubjectEn,
        ackBodyEn: values.ackBodyEn,
        ...(passwordAction === 'set' && { imapPassword: values.password }),
        ...(passwordAction === 'remove' && { imapPassword: null }),
      };
      return current
        ? api.patch(`/mailboxes/${current.id}`, { ...body, version: current.version })
        : api.post('/mailboxes', body);
    },
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: ['mailboxes'] });
      props.onSaved();
    },
  });
  const smtpEnabled = useWatch({ control: form.control, name: 'smtpEnabled' });
  const ackEnabled = useWatch({ control: form.control, name: 'ackEnabled' });
  const english = i18n.language === 'en';

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label={t('common.name')} required error={errors.name?.message}>
        <input {...form.register('name')} />
      </Field>
      <div className="field-row">
        <Field label={t('mailboxes.address')} required error={errors.address?.message}>
          <input type="email" autoComplete="off" {...form.register('address')} />
        </Field>
        <Field label={t('mailboxes.unit')} required error={errors.unitId?.message}>
          <select {...form.register('unitId')}>
            <option value="">{t('mailboxes.chooseUnit')}</option>
            {unitTreeOrder(units.data ?? []).map(({ unit, depth }) => (
              <option key={unit.id} value={unit.id}>
                {'\u00a0\u00a0'.repeat(depth)}
                {unit.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('mailboxes.policy')} error={errors.policyCode?.message}>
        <select {...form.register('policyCode')}>
          <option value="">{t('mailboxes.policyByChannel')}</option>
          {(policies.data?.items ?? []).map((policy) => (
            <option key={policy.code} value={policy.code}>
              {english ? policy.nameEn : policy.name}
            </option>
          ))}
        </select>
      </Field>

      <FieldSet legend={t('mailboxes.smtp')}>
        <div className="field-hint">{t('mailboxes.smtpHint')}</div>
        <div className="check-row">
          <input id="mailbox-smtp" type="checkbox" {...form.register('smtpEnabled')} />
          <label htmlFor="mailbox-smtp">{t('mailboxes.smtpEnabled')}</label>
        </div>
        <div className="check-row">
          <input
            id="mailbox-any"
            type="checkbox"
            disabled={!smtpEnabled}
            aria-describedby="mailbox-any-hint"
            {...form.register('acceptAnyRecipient')}
          />
          <label htmlFor="mailbox-any">{t('mailboxes.acceptAnyRecipient')}</label>
        </div>
        <div id="mailbox-any-hint" className="field-hint">
          {t('mailboxes.acceptAnyRecipientHint')}
        </div>
        {errors.acceptAnyRecipient?.message && (
          <div className="field-error" role="alert">
            {errors.acceptAnyRecipient.message}
          </div>
        )}
      </FieldSet>

      <FieldSet legend={t('mailboxes.imap')}>
        <div className="field-hint">
          {t('mailboxes.imapHint')} {t('mailboxes.imapPortHint')}
        </div>
        <div className="field-row">
          <Field label={t('mailboxes.imapHost')} error={errors.imapHost?.message}>
            <input autoComplete="off" {...form.register('imapHost')} />
          </Field>
          <Field label={t('mailboxes.imapPort')} error={errors.imapPort?.message}>
            <input inputMode="numeric" {...form.register('imapPort')} />
          </Field>
        </div>
        <div className="field field-check">
          <input id="mailbox-tls" type="checkbox" {...form.register('imapTls')} />
          <label htmlFor="mailbox-tls">{t('mailboxes.imapTls')}</label>
        </div>
        <Field label={t('mailboxes.imapUser')} error={errors.imapUser?.message}>
          <input autoComplete="off" {...form.register('imapUser')} />
        </Field>
        <div className="field">
          <span className="field-label">{t('mailboxes.password')}</span>
          <div className="field-hint">
            {current?.hasPassword ? t('mailboxes.passwordStored') : t('mailboxes.passwordNone')}{' '}
            {t('mailboxes.passwordWriteOnly')}
          </div>
          {!props.passwordsCanBeStored && (
            <p className="notice notice-warning">{t('mailboxes.noSecretKey')}</p>
          )}
          {passwordAction === 'keep' ? (
            <div className="password-actions">
              <button
                type="button"
                className="button-secondary"
                onClick={() => setPasswordAction('set')}
              >
                {current?.hasPassword ? t('mailboxes.changePassword') : t('mailboxes.setPassword')}
              </button>
              {current?.hasPassword && (
                <button
                  type="button"
                  className="button-link button-danger"
                  onClick={() => setPasswordAction('remove')}
                >
                  {t('mailboxes.removePassword')}
                </button>
              )}
            </div>
          ) : (
            <>
              {passwordAction === 'set' ? (
                <Field label={t('mailboxes.newPassword')} required error={errors.password?.message}>
                  <input
                    type="password"
                    autoComplete="new-password"
                    {...form.register('password')}
                  />
                </Field>
              ) : (
                <p className="notice notice-warning">{t('mailboxes.passwordRemoved')}</p>
              )}
              <div className="password-actions">
                <button
                  type="button"
                  className="button-link"
                  onClick={() => {
                    form.setValue('password', '');
                    form.clearErrors('password');
                    setPasswordAction('keep');
                  }}
                >
                  {t('mailboxes.keepPassword')}
                </button>
              </div>
            </>
          )}
        </div>
        <div className="field-row">
          <Field label={t('mailboxes.imapFolder')} required error={errors.imapFolder?.message}>
            <input {...form.register('imapFolder')} />
          </Field>
          <Field
            label={t('mailboxes.imapDoneFolder')}
            hint={t('mailboxes.imapDoneFolderHint')}
            error={errors.imapDoneFolder?.message}
          >
            <input {...form.register('imapDoneFolder')} />
          </Field>
        </div>
      </FieldSet>

      <FieldSet legend={t('mailboxes.acknowledgement')}>
        <div className="field field-check">
          <input id="mailbox-ack" type="checkbox" {...form.register('ackEnabled')} />
          <label htmlFor="mailbox-ack">{t('mailboxes.ackEnabled')}</label>
        </div>
        <div className="field-hint">{t('mailboxes.ackHint')}</div>
        <Field
          label={t('mailboxes.ackSubjectLv')}
          required={ackEnabled}
          error={errors.ackSubjectLv?.message}
        >
          <input {...form.register('ackSubjectLv')} />
        </Field>
        <Field
          label={t('mailboxes.ackBodyLv')}
          required={ackEnabled}
          error={errors.ackBodyLv?.message}
        >
          <textarea rows={6} {...form.register('ackBodyLv')} />
        </Field>
        <Field
          label={t('mailboxes.ackSubjectEn')}
          hint={t('mailboxes.ackEnglishHint')}
          error={errors.ackSubjectEn?.message}
        >
          <input {...form.register('ackSubjectEn')} />
        </Field>
        <Field label={t('mailboxes.ackBodyEn')} error={errors.ackBodyEn?.message}>
          <textarea rows={6} {...form.register('ackBodyEn')} />
        </Field>
      </FieldSet>
      <FormActions busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
