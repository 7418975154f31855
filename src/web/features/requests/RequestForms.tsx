import { type DefaultValues, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TRequestDetail } from '../../../contracts/requests.contracts';
import { COMMITMENT_FORMS, type CommitmentForm } from '../../../domain/commitments';
import type { RequestState } from '../../../domain/requests';
import {
  addCalendarDays,
  rigaDateOf,
  rigaInstantOfLocal,
  rigaLocalOf,
} from '../../../domain/riga-time';
import { useReloadCases } from '../../api/cases';
import { api, type ApiBody } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { PersonField } from '../../ui/PersonSelect';
import { useServerForm } from '../../ui/server-form';
import { UnitOptions } from '../../ui/UnitFilter';

interface FormProps {
  request: TRequestDetail;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * A change to a request: sent with the version read, the request and its lists reloaded after
 * it, and reloaded too when someone else changed it meanwhile.
 */
/** The changes to a request that a form of its own makes. */
type RequestAction = 'state' | 'referral' | 'extension' | 'notes' | 'commitments';

function useRequestForm<V extends FieldValues>(options: {
  request: TRequestDetail;
  action: RequestAction;
  defaultValues: DefaultValues<V>;
  fields: readonly string[];
  body: (values: V) => ApiBody<'POST', `/requests/${string}/${RequestAction}`>;
  /** Changes to the request itself carry its version; additions to it do not. */
  versioned: boolean;
  onDone: () => void;
  resetOnSave?: boolean;
}) {
  const reload = useReloadCases();
  const { request } = options;
  return useServerForm<V>({
    defaultValues: options.defaultValues,
    fields: options.fields,
    send: (values) =>
      api.post(`/requests/${request.id}/${options.action}`, {
        ...options.body(values),
        ...(options.versioned ? { version: request.version } : {}),
      }),
    onSaved: async () => {
      await reload();
      options.onDone();
    },
    onConflict: reload,
    resetOnSave: options.resetOnSave ?? false,
  });
}

export function StateForm(props: FormProps) {
  const { t } = useTranslation();
  const { form, errors, formError, busy, onSubmit } = useRequestForm<{
    state: RequestState | '';
    note: string;
  }>({
    ...props,
    action: 'state',
    defaultValues: { state: props.request.nextStates[0] ?? '', note: '' },
    fields: ['state', 'note'],
    body: (values) => values,
    versioned: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label={t('request.newState')} required error={errors.state?.message}>
        <select {...form.register('state')}>
          {props.request.nextStates.map((state) => (
            <option key={state} value={state}>
              {t(`cases.states.${state}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('common.note')} error={errors.note?.message}>
        <textarea rows={2} {...form.register('note')} />
      </Field>
      <FormActions busy={busy} onCancel={props.onCancel} submitLabel={t('request.changeState')} />
    </form>
  );
}

/** To a competent colleague, to a unit, or both (clauses 6.4.7, 15.5.2); the deadline stays. */
export function ReferralForm(props: FormProps) {
  const { t } = useTranslation();
  const { form, errors, formError, busy, onSubmit } = useRequestForm<{
    ownerId: string | null;
    unitId: string;
    note: string;
  }>({
    ...props,
    action: 'referral',
    defaultValues: { ownerId: null, unitId: '', note: '' },
    fields: ['ownerId', 'unitId', 'note'],
    body: (values) => ({
      ...(values.ownerId ? { ownerId: values.ownerId } : {}),
      ...(values.unitId ? { unitId: values.unitId } : {}),
      note: values.note,
    }),
    versioned: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <p className="muted">{t('request.referralHint')}</p>
      <PersonField
        control={form.control}
        name="ownerId"
        label={t('request.referToColleague')}
        allowNone
        availability
        exclude={props.request.owner?.id}
        error={errors.ownerId?.message}
      />
      <Field label={t('request.referToUnit')} error={errors.unitId?.message}>
        <select {...form.register('unitId')}>
          <option value="">{t('common.none')}</option>
          <UnitOptions />
        </select>
      </Field>
      <Field label={t('request.referralNote')} required error={errors.note?.message}>
        <textarea rows={3} {...form.register('note')} />
      </Field>
      <FormActions busy={busy} onCancel={props.onCancel} submitLabel={t('request.refer')} />
    </form>
  );
}

/** An interim reply: a later date and why (clauses 21.1, 23.2); the client is told. */
export function ExtensionForm(props: FormProps) {
  const { t } = useTranslation();
  const { form, errors, formError, busy, onSubmit } = useRequestForm<{
    dueOn: string;
    reason: string;
  }>({
    ...props,
    action: 'extension',
    defaultValues: { dueOn: addCalendarDays(props.request.dueOn, 7), reason: '' },
    fields: ['dueOn', 'reason'],
    body: (values) => values,
    versioned: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <p className="muted">{t('request.extensionHint')}</p>
      <Field label={t('request.newDueOn')} required error={errors.dueOn?.message}>
        <input type="date" min={rigaDateOf(new Date())} {...form.register('dueOn')} />
      </Field>
      <Field label={t('request.extensionReason')} required error={errors.reason?.message}>
        <textarea rows={3} {...form.register('reason')} />
      </Field>
      <FormActions busy={busy} onCancel={props.onCancel} submitLabel={t('request.extend')} />
    </form>
  );
}

export function NoteForm(props: { request: TRequestDetail }) {
  const { t } = useTranslation();
  const { form, errors, formError, busy, onSubmit } = useRequestForm<{ text: string }>({
    request: props.request,
    action: 'notes',
    defaultValues: { text: '' },
    fields: ['text'],
    body: (values) => values,
    versioned: false,
    onDone: () => undefined,
    resetOnSave: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label={t('request.noteText')} required error={errors.text?.message}>
        <textarea rows={2} {...form.register('text')} />
      </Field>
      <button type="submit" className="button-secondary" disabled={busy}>
        {t('request.addNote')}
      </button>
    </form>
  );
}

/** A promise to the client: what, by when, in which form, who keeps it (clauses 11.9, 15.5.1). */
export function CommitmentForm(props: FormProps) {
  const { t } = useTranslation();
  const { form, errors, formError, busy, onSubmit } = useRequestForm<{
    what: string;
    dueAt: string;
    form: CommitmentForm;
    keeperId: string | null;
  }>({
    ...props,
    action: 'commitments',
    defaultValues: { what: '', dueAt: '', form: 'phone', keeperId: null },
    fields: ['what', 'dueAt', 'form', 'keeperId'],
    body: (values) => ({
      what: values.what,
      // Riga time, whatever zone the browser is in.
      dueAt: rigaInstantOfLocal(values.dueAt)?.toISOString(),
      form: values.form,
      ...(values.keeperId ? { keeperId: values.keeperId } : {}),
    }),
    versioned: false,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label={t('commitments.what')} required error={errors.what?.message}>
        <input {...form.register('what')} />
      </Field>
      <div className="field-row">
        <Field label={t('commitments.dueAt')} required error={errors.dueAt?.message}>
          <input type="datetime-local" min={rigaLocalOf(new Date())} {...form.register('dueAt')} />
        </Field>
        <Field label={t('commitments.form')} required error={errors.form?.message}>
          <select {...form.register('form')}>
            {COMMITMENT_FORMS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`commitments.forms.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <PersonField
        control={form.control}
        name="keeperId"
        label={t('commitments.keeper')}
        allowNone
        noneLabel={t('commitments.keeperDefault')}
        error={errors.keeperId?.message}
      />
      <FormActions busy={busy} onCancel={props.onCancel} submitLabel={t('commitments.add')} />
    </form>
  );
}
