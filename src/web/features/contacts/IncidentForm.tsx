import { useTranslation } from 'react-i18next';
import { useReloadCases } from '../../api/cases';
import { api } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { useServerForm } from '../../ui/server-form';

interface Values {
  description: string;
  policeCalled: boolean;
  securityCalled: boolean;
}

/** An aggressive or offensive client (clause 13): what happened, and who was called. */
export function IncidentForm(props: {
  contactId: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const reload = useReloadCases();
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: { description: '', policeCalled: false, securityCalled: false },
    fields: ['description', 'policeCalled', 'securityCalled'],
    send: (values) => api.post(`/contacts/${props.contactId}/incidents`, values),
    onSaved: async () => {
      await reload();
      props.onSaved();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label={t('contact.incidentDescription')} required error={errors.description?.message}>
        <textarea rows={4} {...form.register('description')} />
      </Field>
      <div className="field field-check">
        <input id="incident-police" type="checkbox" {...form.register('policeCalled')} />
        <label htmlFor="incident-police">{t('contact.policeCalled')}</label>
      </div>
      <div className="field field-check">
        <input id="incident-security" type="checkbox" {...form.register('securityCalled')} />
        <label htmlFor="incident-security">{t('contact.securityCalled')}</label>
      </div>
      <FormActions
        busy={busy}
        onCancel={props.onCancel}
        submitLabel={t('contact.recordIncident')}
      />
    </form>
  );
}
