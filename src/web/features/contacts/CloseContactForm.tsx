import { useTranslation } from 'react-i18next';
import type { TContact } from '../../../contracts/contacts.contracts';
import { useReloadCases } from '../../api/cases';
import { api } from '../../api/client';
import { Field, FieldSet } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { useServerForm } from '../../ui/server-form';

interface Values {
  outcome: string;
  nextSteps: string;
  /** One offered service a line. */
  offeredServices: string;
  /** The suggested services ticked as offered (their ids). */
  suggested: string[];
}

/** Every offered service once: those ticked among the suggestions, then those typed. */
function offeredServicesOf(contact: TContact, values: Values): string[] {
  const ticked = contact.suggestedServices
    .filter((service) => values.suggested.includes(service.id))
    .map((service) => service.name);
  const typed = values.offeredServices
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return [...new Set([...ticked, ...typed])];
}

/** Ends the visit: what came of it, what the client was told happens next, what else was offered. */
export function CloseContactForm(props: { contact: TContact; onClosed: () => void }) {
  const { t } = useTranslation();
  const reload = useReloadCases();
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: { outcome: '', nextSteps: '', offeredServices: '', suggested: [] },
    fields: ['outcome', 'nextSteps', 'offeredServices'],
    send: (values) =>
      api.post(`/contacts/${props.contact.id}/close`, {
        outcome: values.outcome,
        nextSteps: values.nextSteps,
        offeredServices: offeredServicesOf(props.contact, values),
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
        {props.contact.suggestedServices.length > 0 && (
          <FieldSet legend={t('contact.suggestedServices')}>
            <p className="field-hint">{t('contact.suggestedServicesHint')}</p>
            <div className="check-list">
              {props.contact.suggestedServices.map((service) => (
                <div key={service.id} className="check-row">
                  <input
                    id={`suggested-${service.id}`}
                    type="checkbox"
                    value={service.id}
                    {...form.register('suggested')}
                  />
                  <label htmlFor={`suggested-${service.id}`}>
                    {service.name}{' '}
                    <span className="muted">({t(`cases.kinds.${service.kind}`)})</span>
                  </label>
                </div>
              ))}
            </div>
          </FieldSet>
        )}
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
