import { useState } from 'react';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { TMe } from '../../../contracts/auth.contracts';
import type { TCreateServiceBody, TService } from '../../../contracts/catalogue.contracts';
import { addCalendarMonths } from '../../../domain/deadlines';
import { REQUEST_KINDS, type RequestKind } from '../../../domain/requests';
import { rigaDateOf } from '../../../domain/riga-time';
import { useReloadCatalogue, useService } from '../../api/catalogue';
import { api } from '../../api/client';
import { unitTreeOrder, useAllInstitutions, useAllUnits } from '../../api/lookups';
import { useSession } from '../../app/session';
import { Field, FieldSet } from '../../ui/Field';
import { fullName } from '../../ui/format';
import { FormActions, FormError } from '../../ui/FormParts';
import { ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { PersonField } from '../../ui/PersonSelect';
import { useServerForm } from '../../ui/server-form';
import { ServiceCombobox } from './ServiceCombobox';

interface LinkRow {
  title: string;
  url: string;
}

interface ServiceValues {
  name: string;
  nameEn: string;
  kind: RequestKind;
  description: string;
  audience: string;
  territory: string;
  fee: string;
  duration: string;
  // Rows of a field array are objects, so each step is one.
  steps: Array<{ text: string }>;
  documents: LinkRow[];
  legalActs: LinkRow[];
  notices: string;
  institutionId: string;
  unitId: string;
  competence: string;
  eServiceUrl: string;
  ownerId: string | null;
  reviewOn: string;
  related: Array<{ id: string; name: string }>;
  active: boolean;
}

/** As many steps, documents and legal acts as the server keeps on a card. */
const MAX_ROWS = 30;
const REVIEW_INTERVAL_MONTHS = 12;

const valuesOf = (service: TService | null, me: TMe): ServiceValues => ({
  name: service?.name ?? '',
  nameEn: service?.nameEn ?? '',
  kind: service?.kind ?? 'consultation',
  description: service?.description ?? '',
  audience: service?.audience ?? '',
  territory: service?.territory ?? '',
  fee: service?.fee ?? '',
  duration: service?.duration ?? '',
  steps: (service?.steps ?? []).map((text) => ({ text })),
  documents: (service?.documents ?? []).map((item) => ({ title: item.title, url: item.url ?? '' })),
  legalActs: (service?.legalActs ?? []).map((item) => ({ title: item.title, url: item.url ?? '' })),
  notices: service?.notices ?? '',
  institutionId: service?.institution?.id ?? '',
  unitId: service?.unit?.id ?? '',
  competence: service?.competence ?? '',
  eServiceUrl: service?.eServiceUrl ?? '',
  ownerId: service?.owner.id ?? me.id,
  reviewOn: service?.reviewOn ?? addCalendarMonths(rigaDateOf(new Date()), REVIEW_INTERVAL_MONTHS),
  related: (service?.related ?? []).map((related) => ({ id: related.id, name: related.name })),
  active: service?.active ?? true,
});

const bodyOf = (values: ServiceValues): TCreateServiceBody => ({
  name: values.name,
  nameEn: values.nameEn,
  kind: values.kind,
  description: values.description,
  audience: values.audience,
  territory: values.territory,
  fee: values.fee,
  duration: values.duration,
  steps: values.steps.map((step) => step.text),
  documents: values.documents,
  legalActs: values.legalActs,
  notices: values.notices,
  institutionId: values.institutionId || null,
  unitId: values.unitId || null,
  competence: values.competence,
  eServiceUrl: values.eServiceUrl,
  ownerId: values.ownerId ?? '',
  reviewOn: values.reviewOn,
  relatedIds: values.related.map((related) => related.id),
  active: values.active,
});

// A row's message goes beside the row: the server names it "steps.2" or "documents.0.url".
const ROW_FIELDS: Record<string, string> = Object.fromEntries(
  Array.from({ length: MAX_ROWS }, (_, index): Array<[string, string]> => [
    [`steps.${index}`, `steps.${index}.text`],
    ...['documents', 'legalActs'].flatMap((list): Array<[string, string]> => [
      [`${list}.${index}.title`, `${list}.${index}.title`],
      [`${list}.${index}.url`, `${list}.${index}.url`],
      [`${list}.${index}`, `${list}.${index}.title`],
    ]),
  ]).flat(),
);

const sameNames = (names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, name]));

const FIELDS: Record<string, string> = {
  ...ROW_FIELDS,
  ...sameNames([
    'name',
    'nameEn',
    'kind',
    'description',
    'audience',
    'territory',
    'fee',
    'duration',
    'steps',
    'documents',
    'legalActs',
    'notices',
    'institutionId',
    'unitId',
    'competence',
    'eServiceUrl',
    'ownerId',
    'reviewOn',
    'active',
  ]),
  relatedIds: 'related',
};

/** /services/new: a new card. */
export function NewServicePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('catalogue.form.newTitle')} intro={t('catalogue.form.intro')} />
      <ServiceForm service={null} />
    </>
  );
}

/** /services/:id/edit: the card's every field, for its owner and editors. */
export function EditServicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const service = useService(id);
  const mayEdit = service.data?.can.edit ?? false;
  if (service.isPending) return <Loading />;
  if (service.isError)
    return <ErrorNotice error={service.error} onRetry={() => void service.refetch()} />;
  if (!mayEdit)
    return <PageHeader title={t('errors.notFoundTitle')} intro={t('errors.forbidden')} />;
  return (
    <>
      <PageHeader
        title={t('catalogue.form.editTitle', { name: service.data.name })}
        intro={t('catalogue.form.intro')}
      />
      <ServiceForm service={service.data} />
    </>
  );
}

function ServiceForm(props: { service: TService | null }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const reload = useReloadCatalogue();
  const { service } = props;
  const { form, errors, formError, busy, onSubmit } = useServerForm<ServiceValues, TService>({
    defaultValues: valuesOf(service, me),
    fields: FIELDS,
    send: (values) =>
      service
        ? api.patch(`/services/${service.id}`, {
            ...bodyOf(values),
            version: service.version,
          })
        : api.post('/services', bodyOf(values)),
    onSaved: async (saved) => {
      await reload();
      await navigate(`/services/${saved.id}`);
    },
    onConflict: reload,
  });
  const cancel = () => void navigate(service ? `/services/${service.id}` : '/services');
  const required = (message: string) => ({
    validate: (value: string) => value.trim() !== '' || message,
  });

  return (
    <form onSubmit={onSubmit} noValidate className="service-form">
      <FormError message={formError} />

      <section aria-labelledby="service-form-basic" className="panel panel-wide">
        <h2 id="service-form-basic">{t('catalogue.card.basic')}</h2>
        <Field label={t('catalogue.form.name')} required error={errors.name?.message}>
          <input {...form.register('name', required(t('catalogue.form.nameRequired')))} />
        </Field>
        <div className="field-row">
          <Field label={t('catalogue.form.nameEn')} error={errors.nameEn?.message}>
            <input lang="en" {...form.register('nameEn')} />
          </Field>
          <Field
            label={t('catalogue.card.kind')}
            hint={t('catalogue.form.kindHint')}
            required
            error={errors.kind?.message}
          >
            <select {...form.register('kind')}>
              {REQUEST_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`cases.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label={t('catalogue.form.description')} error={errors.description?.message}>
          <textarea rows={5} {...form.register('description')} />
        </Field>
        <Field
          label={t('catalogue.card.audience')}
          hint={t('catalogue.form.audienceHint')}
          error={errors.audience?.message}
        >
          <textarea rows={2} {...form.register('audience')} />
        </Field>
        <Field label={t('catalogue.card.territory')} error={errors.territory?.message}>
          <input {...form.register('territory')} />
        </Field>
        <ResponsibleFields form={form} />
        <Field
          label={t('catalogue.form.eServiceUrl')}
          hint={t('catalogue.form.eServiceUrlHint')}
          error={errors.eServiceUrl?.message}
        >
          <input type="url" inputMode="url" {...form.register('eServiceUrl')} />
        </Field>
      </section>

      <section aria-labelledby="service-form-details" className="panel panel-wide">
        <h2 id="service-form-details">{t('catalogue.card.details')}</h2>
        <div className="field-row">
          <Field
            label={t('catalogue.card.fee')}
            hint={t('catalogue.form.feeHint')}
            error={errors.fee?.message}
          >
            <input {...form.register('fee')} />
          </Field>
          <Field
            label={t('catalogue.card.duration')}
            hint={t('catalogue.form.durationHint')}
            error={errors.duration?.message}
          >
            <input {...form.register('duration')} />
          </Field>
        </div>
        <StepRows form={form} />
        <LinkRows form={form} name="documents" />
        <RelatedServices form={form} serviceId={service?.id} />
        <LinkRows form={form} name="legalActs" />
      </section>

      <section aria-labelledby="service-form-notices" className="panel panel-wide">
        <h2 id="service-form-notices">{t('catalogue.card.notices')}</h2>
        <Field
          label={t('catalogue.card.notices')}
          hint={t('catalogue.form.noticesHint')}
          error={errors.notices?.message}
        >
          <textarea rows={3} {...form.register('notices')} />
        </Field>
      </section>

      <section aria-labelledby="service-form-upkeep" className="panel panel-wide">
        <h2 id="service-form-upkeep">{t('catalogue.card.upkeep')}</h2>
        <PersonField
          control={form.control}
          name="ownerId"
          label={t('catalogue.owner')}
          currentName={service ? fullName(service.owner) : fullName(me)}
          required
          error={errors.ownerId?.message}
        />
        <Field
          label={t('catalogue.reviewOn')}
          hint={t('catalogue.form.reviewOnHint')}
          required
          error={errors.reviewOn?.message}
        >
          <input type="date" {...form.register('reviewOn')} />
        </Field>
        {service && (
          <div className="field field-check">
            <input
              id="service-form-active"
              type="checkbox"
              aria-describedby="service-form-active-hint"
              {...form.register('active')}
            />
            <label htmlFor="service-form-active">{t('common.active')}</label>
            <div id="service-form-active-hint" className="field-hint">
              {t('catalogue.form.activeHint')}
            </div>
          </div>
        )}
      </section>

      <FormActions
        busy={busy}
        onCancel={cancel}
        submitLabel={service ? t('common.save') : t('catalogue.form.create')}
      />
    </form>
  );
}

/**
 * The responsible institution and unit. The units offered are the institution's; choosing a unit
 * first fills in its institution.
 */
function ResponsibleFields(props: { form: UseFormReturn<ServiceValues> }) {
  const { t } = useTranslation();
  const { form } = props;
  const errors = form.formState.errors;
  const institutions = useAllInstitutions();
  const units = useAllUnits();
  const institutionId = useWatch({ control: form.control, name: 'institutionId' });
  const allUnits = units.data ?? [];
  const offered = unitTreeOrder(
    institutionId === ''
      ? allUnits
      : allUnits.filter((unit) => unit.institutionId === institutionId),
  );
  const institutionField = form.register('institutionId');
  const unitField = form.register('unitId');
  return (
    <div className="field-row">
      <Field label={t('catalogue.institution')} error={errors.institutionId?.message}>
        <select
          {...institutionField}
          onChange={(event) => {
            void institutionField.onChange(event);
            const unit = allUnits.find((candidate) => candidate.id === form.getValues('unitId'));
            if (unit && event.target.value !== '' && unit.institutionId !== event.target.value)
              form.setValue('unitId', '');
          }}
        >
          <option value="">{t('catalogue.form.noInstitution')}</option>
          {(institutions.data ?? []).map((institution) => (
            <option key={institution.id} value={institution.id}>
              {institution.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('catalogue.unit')} error={errors.unitId?.message}>
        <select
          {...unitField}
          onChange={(event) => {
            void unitField.onChange(event);
            const unit = allUnits.find((candidate) => candidate.id === event.target.value);
            if (unit && form.getValues('institutionId') === '')
              form.setValue('institutionId', unit.institutionId);
          }}
        >
          <option value="">{t('catalogue.form.noUnit')}</option>
          {offered.map(({ unit, depth }) => (
            <option key={unit.id} value={unit.id}>
              {'\u00a0\u00a0'.repeat(depth)}
              {unit.name}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

/** The steps to receive the service, in order; each can be moved, removed, or added. */
function StepRows(props: { form: UseFormReturn<ServiceValues> }) {
  const { t } = useTranslation();
  const { form } = props;
  const rows = useFieldArray({ control: form.control, name: 'steps' });
  const errors = form.formState.errors.steps;
  return (
    <FieldSet legend={t('catalogue.card.steps')} error={errors?.message ?? errors?.root?.message}>
      {rows.fields.length === 0 && <p className="muted">{t('catalogue.form.noSteps')}</p>}
      <ol className="edit-rows">
        {rows.fields.map((row, index) => {
          const number = index + 1;
          return (
            <li key={row.id} className="edit-row">
              <Field
                label={t('catalogue.form.step', { number })}
                required
                error={errors?.[index]?.text?.message}
              >
                <textarea
                  rows={2}
                  {...form.register(`steps.${index}.text`, {
                    validate: (value) => value.trim() !== '' || t('catalogue.form.rowRequired'),
                  })}
                />
              </Field>
              <div className="edit-row-actions">
                <button
                  type="button"
                  className="button-link"
                  disabled={index === 0}
                  onClick={() => rows.move(index, index - 1)}
                >
                  {t('catalogue.form.moveUp', { number })}
                </button>
                <button
                  type="button"
                  className="button-link"
                  disabled={index === rows.fields.length - 1}
                  onClick={() => rows.move(index, index + 1)}
                >
                  {t('catalogue.form.moveDown', { number })}
                </button>
                <button
                  type="button"
                  className="button-link button-danger"
                  onClick={() => rows.remove(index)}
                >
                  {t('catalogue.form.removeStep', { number })}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {rows.fields.length < MAX_ROWS && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => rows.append({ text: '' })}
        >
          {t('catalogue.form.addStep')}
        </button>
      )}
    </FieldSet>
  );
}

/** Documents and forms, or legal acts: each a title and, when there is one, its address. */
function LinkRows(props: { form: UseFormReturn<ServiceValues>; name: 'documents' | 'legalActs' }) {
  const { t } = useTranslation();
  const { form, name } = props;
  const rows = useFieldArray({ control: form.control, name });
  const errors = form.formState.errors[name];
  const texts =
    name === 'documents'
      ? {
          legend: t('catalogue.card.documents'),
          item: (number: number) => t('catalogue.form.document', { number }),
          remove: (number: number) => t('catalogue.form.removeDocument', { number }),
          add: t('catalogue.form.addDocument'),
          none: t('catalogue.form.noDocuments'),
        }
      : {
          legend: t('catalogue.card.legalActs'),
          item: (number: number) => t('catalogue.form.legalAct', { number }),
          remove: (number: number) => t('catalogue.form.removeLegalAct', { number }),
          add: t('catalogue.form.addLegalAct'),
          none: t('catalogue.form.noLegalActs'),
        };
  return (
    <FieldSet legend={texts.legend} error={errors?.message ?? errors?.root?.message}>
      {rows.fields.length === 0 && <p className="muted">{texts.none}</p>}
      {rows.fields.map((row, index) => {
        const number = index + 1;
        return (
          <fieldset key={row.id} className="edit-row link-row">
            <legend>{texts.item(number)}</legend>
            <div className="field-row">
              <Field
                label={t('catalogue.form.itemTitle')}
                required
                error={errors?.[index]?.title?.message}
              >
                <input
                  {...form.register(`${name}.${index}.title`, {
                    validate: (value) => value.trim() !== '' || t('catalogue.form.rowRequired'),
                  })}
                />
              </Field>
              <Field
                label={t('catalogue.form.itemUrl')}
                hint={t('catalogue.form.itemUrlHint')}
                error={errors?.[index]?.url?.message}
              >
                <input type="url" inputMode="url" {...form.register(`${name}.${index}.url`)} />
              </Field>
            </div>
            <button
              type="button"
              className="button-link button-danger"
              onClick={() => rows.remove(index)}
            >
              {texts.remove(number)}
            </button>
          </fieldset>
        );
      })}
      {rows.fields.length < MAX_ROWS && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => rows.append({ title: '', url: '' })}
        >
          {texts.add}
        </button>
      )}
    </FieldSet>
  );
}

/** Services to offer together with this one (clause 12.2): found in the catalogue as one types. */
function RelatedServices(props: {
  form: UseFormReturn<ServiceValues>;
  serviceId?: string | undefined;
}) {
  const { t } = useTranslation();
  const [words, setWords] = useState('');
  return (
    <Controller
      control={props.form.control}
      name="related"
      render={({ field, fieldState }) => {
        const chosen = field.value;
        const exclude = [
          ...chosen.map((related) => related.id),
          ...(props.serviceId ? [props.serviceId] : []),
        ];
        return (
          <FieldSet legend={t('catalogue.card.related')} error={fieldState.error?.message}>
            <p className="field-hint">{t('catalogue.form.relatedHint')}</p>
            {chosen.length === 0 ? (
              <p className="muted">{t('catalogue.form.noRelated')}</p>
            ) : (
              <ul className="chips" aria-label={t('catalogue.form.chosenRelated')}>
                {chosen.map((related) => (
                  <li key={related.id} className="chip">
                    <span>{related.name}</span>
                    <button
                      type="button"
                      className="chip-remove"
                      aria-label={t('catalogue.form.removeRelated', { name: related.name })}
                      onClick={() =>
                        field.onChange(chosen.filter((other) => other.id !== related.id))
                      }
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {chosen.length < MAX_ROWS && (
              <Field
                label={t('catalogue.form.findRelated')}
                hint={t('catalogue.form.findRelatedHint')}
                filter
              >
                <ServiceCombobox
                  value={words}
                  onChange={setWords}
                  enterOnlyPicks
                  exclude={exclude}
                  onPick={(picked) => {
                    field.onChange([...chosen, { id: picked.id, name: picked.name }]);
                    setWords('');
                  }}
                />
              </Field>
            )}
          </FieldSet>
        );
      }}
    />
  );
}
