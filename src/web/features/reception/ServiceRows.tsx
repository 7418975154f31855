import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TServiceSummary } from '../../../contracts/catalogue.contracts';
import { REQUEST_KINDS, type RequestKind } from '../../../domain/requests';
import { Field } from '../../ui/Field';
import { PersonField } from '../../ui/PersonSelect';
import { UnitOptions } from '../../ui/UnitFilter';
import { ServiceCombobox } from '../services/ServiceCombobox';
import type { ReceptionValues } from './reception-values';

/** The catalogue's service a row was picked from; its responsible institution goes with it. */
export type CataloguedService = Pick<TServiceSummary, 'id' | 'institution'>;

export interface ServiceRow {
  service: string;
  /** Set by picking from the catalogue; typing the name anew makes it free text again. */
  catalogued: CataloguedService | null;
  kind: RequestKind;
  unitId: string;
  ownerId: string | null;
}

export const newServiceRow = (unitId: string): ServiceRow => ({
  service: '',
  catalogued: null,
  kind: 'consultation',
  unitId,
  ownerId: null,
});

/** Every service the client asks for in this one contact, each with who is responsible. */
export function ServiceRows(props: { form: UseFormReturn<ReceptionValues>; unitId: string }) {
  const { t } = useTranslation();
  const { form } = props;
  const rows = useFieldArray({ control: form.control, name: 'requests' });
  const errors = form.formState.errors.requests;
  return (
    <section aria-labelledby="reception-services" className="panel panel-wide">
      <h2 id="reception-services">{t('reception.services')}</h2>
      {rows.fields.map((row, index) => {
        const rowErrors = errors?.[index];
        const number = index + 1;
        return (
          <fieldset key={row.id} className="service-row">
            <legend>{t('reception.serviceNumber', { number })}</legend>
            <Controller
              control={form.control}
              name={`requests.${index}.service`}
              render={({ field }) => (
                <Field
                  label={t('reception.service')}
                  hint={t('catalogue.picker.hint')}
                  required
                  error={rowErrors?.service?.message}
                >
                  <ServiceCombobox
                    ref={field.ref}
                    value={field.value}
                    onBlur={field.onBlur}
                    onChange={(text) => {
                      field.onChange(text);
                      form.setValue(`requests.${index}.catalogued`, null);
                    }}
                    onPick={(service) => {
                      field.onChange(service.name);
                      form.setValue(`requests.${index}.catalogued`, {
                        id: service.id,
                        institution: service.institution,
                      });
                      form.setValue(`requests.${index}.kind`, service.kind);
                      if (service.unit) form.setValue(`requests.${index}.unitId`, service.unit.id);
                    }}
                  />
                </Field>
              )}
            />
            <CataloguedNote form={form} index={index} />
            <div className="field-row">
              <Field label={t('reception.kind')} required error={rowErrors?.kind?.message}>
                <select {...form.register(`requests.${index}.kind`)}>
                  {REQUEST_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`cases.kinds.${kind}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                label={t('reception.responsibleUnit')}
                required
                error={rowErrors?.unitId?.message}
              >
                <select {...form.register(`requests.${index}.unitId`)}>
                  <option value="">—</option>
                  <UnitOptions />
                </select>
              </Field>
            </div>
            <PersonField
              control={form.control}
              name={`requests.${index}.ownerId`}
              label={t('reception.owner')}
              allowNone
              noneLabel={t('reception.noOwner')}
              error={rowErrors?.ownerId?.message}
            />
            {rows.fields.length > 1 && (
              <button
                type="button"
                className="button-link button-danger"
                onClick={() => rows.remove(index)}
              >
                {t('reception.removeService', { number })}
              </button>
            )}
          </fieldset>
        );
      })}
      {rows.fields.length < MAX_SERVICES && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => rows.append(newServiceRow(props.unitId))}
        >
          {t('reception.addService')}
        </button>
      )}
    </section>
  );
}

/** Says that the row's service is the catalogue's, whose institution answers for it, and opens its card. */
function CataloguedNote(props: { form: UseFormReturn<ReceptionValues>; index: number }) {
  const { t } = useTranslation();
  const catalogued = useWatch({
    control: props.form.control,
    name: `requests.${props.index}.catalogued`,
  });
  if (!catalogued) return null;
  return (
    <p className="catalogued-note">
      <span className="badge badge-ok">{t('catalogue.picker.fromCatalogue')}</span>{' '}
      {catalogued.institution && (
        <span>
          {t('catalogue.picker.institution', { institution: catalogued.institution.name })}{' '}
        </span>
      )}
      <Link to={`/services/${catalogued.id}`} target="_blank" rel="noopener">
        {t('catalogue.picker.openCard')}
        <span className="visually-hidden"> {t('catalogue.card.newWindow')}</span>
      </Link>
    </p>
  );
}

/** As many as the server takes in one contact. */
export const MAX_SERVICES = 20;
