import { useTranslation } from 'react-i18next';
import type { TQueueEntry } from '../../../contracts/queue.contracts';
import { useReloadCases } from '../../api/cases';
import { api } from '../../api/client';
import { FormActions, FormError } from '../../ui/FormParts';
import { PersonField } from '../../ui/PersonSelect';
import { useServerForm } from '../../ui/server-form';

/** Hands a waiting client over to a colleague who will serve them. */
export function AssignForm(props: {
  entry: TQueueEntry;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const reload = useReloadCases();
  const { form, errors, formError, busy, onSubmit } = useServerForm<{ staffId: string | null }>({
    defaultValues: { staffId: null },
    fields: ['staffId'],
    send: (values) =>
      api.post(`/queue/${props.entry.id}/assign`, {
        staffId: values.staffId ?? '',
        version: props.entry.version,
      }),
    onSaved: async () => {
      await reload();
      props.onDone();
    },
    onConflict: reload,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <p>
        {t('cases.client')}:{' '}
        <strong>{props.entry.client?.displayName ?? t('cases.anonymous')}</strong>
      </p>
      <PersonField
        control={form.control}
        name="staffId"
        label={t('queue.colleague')}
        required
        error={errors.staffId?.message}
      />
      <FormActions busy={busy} onCancel={props.onCancel} submitLabel={t('queue.assign')} />
    </form>
  );
}
