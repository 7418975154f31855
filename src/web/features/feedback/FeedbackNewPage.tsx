import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TClientSummary } from '../../../contracts/clients.contracts';
import type { TFeedbackChannel, TFeedbackKind } from '../../../contracts/feedback.contracts';
import { api } from '../../api/client';
import { Field, FieldSet } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { PageHeader } from '../../ui/PageHeader';
import { PersonField } from '../../ui/PersonSelect';
import { useServerForm } from '../../ui/server-form';
import { UnitOptions } from '../../ui/UnitFilter';
import { ClientSearch, clientDetails } from '../clients/ClientSearch';
import { CHANNELS, KINDS } from './feedback-choices';
import { useReloadFeedback, type FeedbackItem } from './feedback-queries';

interface RegistrationValues {
  channel: TFeedbackChannel;
  kind: TFeedbackKind;
  unitId: string;
  staffId: string | null;
  text: string;
  client: TClientSummary | null;
  name: string;
  email: string;
  phone: string;
  language: 'lv' | 'en';
}

// The fields the server names, as this form calls them (the client is chosen, sent as its id).
const FIELDS = {
  channel: 'channel',
  kind: 'kind',
  unitId: 'unitId',
  staffId: 'staffId',
  text: 'text',
  clientId: 'client',
  name: 'name',
  email: 'email',
  phone: 'phone',
  language: 'language',
};

/**
 * Praise, a complaint or a suggestion received in person, by phone, letter or email (25), into
 * the same registry as the public form's; the client is one on record or their own words for
 * where an answer goes.
 */
export function FeedbackNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reload = useReloadFeedback();
  const { form, errors, formError, busy, onSubmit } = useServerForm<
    RegistrationValues,
    FeedbackItem
  >({
    defaultValues: {
      channel: 'in_person',
      kind: 'complaint',
      unitId: '',
      staffId: null,
      text: '',
      client: null,
      name: '',
      email: '',
      phone: '',
      language: 'lv',
    },
    fields: FIELDS,
    send: ({ client, ...values }) =>
      api.post('/feedback', { ...values, clientId: client?.id ?? null }),
    onSaved: async (item) => {
      await reload();
      await navigate(`/quality/feedback/${item.id}`, {
        state: { notice: t('feedback.form.saved') },
      });
    },
  });
  const client = useWatch({ control: form.control, name: 'client' });
  return (
    <>
      <PageHeader title={t('feedback.form.title')} intro={t('feedback.form.intro')} />
      <form onSubmit={onSubmit} noValidate className="feedback-form">
        <FormError message={formError} />
        <FieldSet legend={t('feedback.form.kind')} error={errors.kind?.message}>
          <div className="check-list check-columns">
            {KINDS.map((kind) => (
              <div key={kind} className="check-row">
                <input
                  id={`feedback-kind-${kind}`}
                  type="radio"
                  value={kind}
                  {...form.register('kind')}
                />
                <label htmlFor={`feedback-kind-${kind}`}>{t(`feedback.kinds.${kind}`)}</label>
              </div>
            ))}
          </div>
        </FieldSet>
        <div className="field-row">
          <Field label={t('feedback.channel')} required error={errors.channel?.message}>
            <select {...form.register('channel')}>
              {CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`deadlines.channels.${channel}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('feedback.unit')} required error={errors.unitId?.message}>
            <select
              {...form.register('unitId', {
                validate: (unitId) => unitId !== '' || t('feedback.form.missingUnit'),
              })}
            >
              <option value="">—</option>
              <UnitOptions />
            </select>
          </Field>
        </div>
        <PersonField
          control={form.control}
          name="staffId"
          label={t('feedback.form.staff')}
          allowNone
          noneLabel={t('feedback.form.staffUnknown')}
          error={errors.staffId?.message}
        />
        <Field label={t('feedback.form.text')} required error={errors.text?.message}>
          <textarea
            rows={6}
            {...form.register('text', {
              validate: (text) => text.trim() !== '' || t('feedback.form.missingText'),
            })}
          />
        </Field>
        <section aria-labelledby="feedback-contact" className="panel panel-wide">
          <h2 id="feedback-contact">{t('feedback.form.contact')}</h2>
          <p className="muted">{t('feedback.form.contactHint')}</p>
          <Controller
            control={form.control}
            name="client"
            render={({ field }) =>
              field.value ? (
                <p className="chosen">
                  <strong>
                    {t('feedback.form.chosenClient', { name: field.value.displayName })}
                  </strong>{' '}
                  <span className="muted">{clientDetails(field.value)}</span>{' '}
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => field.onChange(null)}
                  >
                    {t('feedback.form.removeClient')}
                  </button>
                </p>
              ) : (
                <ClientSearch
                  label={t('feedback.form.client')}
                  onChoose={field.onChange}
                  error={errors.client?.message}
                />
              )
            }
          />
          {!client && (
            <div className="field-row">
              <Field label={t('feedback.form.name')} error={errors.name?.message}>
                <input autoComplete="off" {...form.register('name')} />
              </Field>
              <Field label={t('feedback.form.email')} error={errors.email?.message}>
                <input type="email" autoComplete="off" {...form.register('email')} />
              </Field>
              <Field label={t('feedback.form.phone')} error={errors.phone?.message}>
                <input type="tel" autoComplete="off" {...form.register('phone')} />
              </Field>
            </div>
          )}
          <Field label={t('feedback.form.language')} required error={errors.language?.message}>
            <select {...form.register('language')}>
              <option value="lv">{t('feedback.form.languages.lv')}</option>
              <option value="en">{t('feedback.form.languages.en')}</option>
            </select>
          </Field>
        </section>
        <FormActions
          busy={busy}
          submitLabel={t('feedback.form.submit')}
          onCancel={() => void navigate('/quality/feedback')}
        />
      </form>
    </>
  );
}
