import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TClient, TClientSummary } from '../../../contracts/clients.contracts';
import { useReloadCases } from '../../api/cases';
import { api } from '../../api/client';
import { FormActions, FormError } from '../../ui/FormParts';
import { useServerForm } from '../../ui/server-form';
import { ClientSearch, clientDetails } from './ClientSearch';

/** Merges this duplicate into the record that stays; its contacts and requests move there. */
export function MergeForm(props: { client: TClient; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reload = useReloadCases();
  const { client } = props;
  const { form, errors, formError, busy, onSubmit } = useServerForm<
    { into: TClientSummary | null },
    TClient
  >({
    defaultValues: { into: null },
    fields: { intoId: 'into' },
    send: (values) =>
      api.post(`/clients/${client.id}/merge`, {
        intoId: values.into?.id ?? '',
        version: client.version,
      }),
    onSaved: async (kept) => {
      await reload();
      await navigate(`/clients/${kept.id}`);
    },
    onConflict: reload,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <p>{t('clients.mergeIntro', { name: client.displayName })}</p>
      <Controller
        control={form.control}
        name="into"
        rules={{ validate: (into) => into !== null || t('clients.chooseKept') }}
        render={({ field }) =>
          field.value ? (
            <p className="chosen">
              {t('clients.kept')}: <strong>{field.value.displayName}</strong>{' '}
              <span className="muted">{clientDetails(field.value)}</span>{' '}
              <button type="button" className="button-link" onClick={() => field.onChange(null)}>
                {t('reception.otherClient')}
              </button>
            </p>
          ) : (
            <ClientSearch
              label={t('clients.findKept')}
              onChoose={field.onChange}
              exclude={client.id}
              error={errors.into?.message}
            />
          )
        }
      />
      <FormActions busy={busy} onCancel={props.onCancel} submitLabel={t('clients.merge')} />
    </form>
  );
}
