import { useTranslation } from 'react-i18next';
import type { TContact } from '../../../contracts/contacts.contracts';
import { useReloadCases } from '../../api/cases';
import { api } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { useServerForm } from '../../ui/server-form';

interface Values {
  outcome: string;
  nextSteps: string;
  /** One offered service a line. */
  offeredServices: string;
}

/** Ends the visit: what came of it, what the client was told happens next, what else was offered. */
export function CloseContactForm(props: { contact: TContact; onClosed: () => void }) {
  const { t } = useTranslation();
  const reload = useReloadCases();
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: { outcome: '', nextSteps: '', offeredServices: '' },
    fields: ['outcome', 'nextSteps', 'offeredServices'],
    send: (values) =>
      api.post(`/contacts/${props.contact.id}/close`, {
        outcome: values.outcome,
        nextSteps: values.nextSteps,
        offeredServices: values.offeredServices
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
        version: props.contact.version,
      }),
    onSaved: async () => {
      await reload();
      props.onClosed();
    },
    onConflict: reload,
  });
  return (
    <section aria-labelledby="close-contact" className="panel panel-wide">
      <h2 id="close-contact">{t('contact.close')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
        <Field label={t('contact.outcome')} required error={errors.outcome?.message}>
          <textarea rows={2} {...form.register('outcome')} />
        </Field>
        <Field
          label={t('contact.nextSteps')}
          hint={t('contact.nextStepsHint')}
          error={errors.nextSteps?.message}
        >
          <textarea rows={2} {...form.register('nextSteps')} />
        </Field>
        <Field
          label={t('contact.offeredServices')}
          hint={t('contact.offeredServicesHint')}
          error={errors.offeredServices?.message}
        >
          <textarea rows={3} {...form.register('offeredServices')} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('contact.close')}
          </button>
        </div>
      </form>
    </section>
  );
}
