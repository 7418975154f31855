import { useTranslation } from 'react-i18next';
import type { TClient } from '../../../contracts/clients.contracts';
import { useReloadCases } from '../../api/cases';
import { api } from '../../api/client';
import { ChannelOptions } from '../../ui/ChannelOptions';
import { Field } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { useServerForm } from '../../ui/server-form';
import {
  CLIENT_FIELD_NAMES,
  ClientFields,
  clientFieldsOf,
  type ClientFieldValues,
} from './ClientFields';

const LANGUAGES = ['lv', 'en', 'ru'] as const;

interface Values extends ClientFieldValues {
  eAddress: string;
  address: string;
  preferredLanguage: string;
  preferredChannel: string;
  consentNotes: string;
}

const MORE_FIELDS = [
  'eAddress',
  'address',
  'preferredLanguage',
  'preferredChannel',
  'consentNotes',
] as const;

const FIELDS = [...CLIENT_FIELD_NAMES, ...MORE_FIELDS];

const valuesOf = (client: TClient): Values => ({
  givenName: client.givenName ?? '',
  surname: client.surname ?? '',
  personalCode: client.personalCode ?? '',
  name: client.name ?? '',
  registrationNumber: client.registrationNumber ?? '',
  phone: client.phone ?? '',
  email: client.email ?? '',
  eAddress: client.eAddress ?? '',
  address: client.address ?? '',
  preferredLanguage: client.preferredLanguage ?? '',
  preferredChannel: client.preferredChannel ?? '',
  consentNotes: client.consentNotes ?? '',
});

/** Changes a client record; a colleague's name comes from the staff record, so only contacts. */
export function ClientForm(props: { client: TClient; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const reload = useReloadCases();
  const { client } = props;
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: valuesOf(client),
    fields: FIELDS,
    send: (values) =>
      api.patch(`/clients/${client.id}`, {
        ...(client.kind === 'internal'
          ? { phone: values.phone, email: values.email }
          : clientFieldsOf(client.kind, values)),
        eAddress: values.eAddress,
        address: values.address,
        preferredLanguage: values.preferredLanguage || null,
        preferredChannel: values.preferredChannel || null,
        consentNotes: values.consentNotes,
        version: client.version,
      }),
    onSaved: async () => {
      await reload();
      props.onSaved();
    },
    onConflict: reload,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <ClientFields kind={client.kind} register={(name) => form.register(name)} errors={errors} />
      <Field label={t('clients.eAddress')} error={errors.eAddress?.message}>
        <input {...form.register('eAddress')} />
      </Field>
      <Field label={t('common.address')} error={errors.address?.message}>
        <input {...form.register('address')} />
      </Field>
      <div className="field-row">
        <Field label={t('clients.preferredLanguage')} error={errors.preferredLanguage?.message}>
          <select {...form.register('preferredLanguage')}>
            <option value="">{t('common.none')}</option>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`clients.languages.${language}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('clients.preferredChannel')} error={errors.preferredChannel?.message}>
          <select {...form.register('preferredChannel')}>
            <option value="">{t('common.none')}</option>
            <ChannelOptions />
          </select>
        </Field>
      </div>
      <Field
        label={t('clients.consentNotes')}
        hint={t('clients.consentNotesHint')}
        error={errors.consentNotes?.message}
      >
        <textarea rows={2} {...form.register('consentNotes')} />
      </Field>
      <FormActions busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
