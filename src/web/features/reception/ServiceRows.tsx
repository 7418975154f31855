import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { REQUEST_KINDS, type RequestKind } from '../../../domain/requests';
import { Field } from '../../ui/Field';
import { PersonField } from '../../ui/PersonSelect';
import { UnitOptions } from '../../ui/UnitFilter';
import type { ReceptionValues } from './reception-values';

export interface ServiceRow {
  service: string;
  kind: RequestKind;
  unitId: string;
  ownerId: string | null;
}

export const newServiceRow = (unitId: string): ServiceRow => ({
  service: '',
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
            <Field label={t('reception.service')} required error={rowErrors?.service?.message}>
              <input {...form.register(`requests.${index}.service`)} />
            </Field>
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

/** As many as the server takes in one contact. */
export const MAX_SERVICES = 20;
