import { useQueryClient } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DEFAULT_OPENING_HOURS, WEEKDAYS, type Weekday } from '../../../domain/opening-hours';
import { subtreeIds } from '../../../domain/unit-tree';
import { UNIT_KINDS } from '../../../domain/organisation';
import type { TOpeningHours, TUnit } from '../../../contracts/units.contracts';
import { api } from '../../api/client';
import { unitTreeOrder, useAllInstitutions } from '../../api/lookups';
import { FormActions, FormError } from '../../ui/FormParts';
import { Field, useRequiredRule } from '../../ui/Field';
import { useServerForm } from '../../ui/server-form';

type Hours = Record<Weekday, { closed: boolean; open: string; close: string }>;

interface Values {
  institutionId: string;
  parentId: string;
  name: string;
  kind: TUnit['kind'];
  address: string;
  phone: string;
  email: string;
  hours: Hours;
  servesExternalClients: boolean;
  active: boolean;
}

const FIELDS = [
  'institutionId',
  'parentId',
  'name',
  'kind',
  'address',
  'phone',
  'email',
  'servesExternalClients',
  'active',
  ...WEEKDAYS.map((day) => `openingHours.${day}`),
];

function toHours(openingHours: TOpeningHours): Hours {
  return Object.fromEntries(
    WEEKDAYS.map((day) => {
      const hours = openingHours[day];
      return [
        day,
        hours ? { closed: false, ...hours } : { closed: true, open: '08:00', close: '17:00' },
      ];
    }),
  ) as Hours;
}

function toOpeningHours(hours: Hours): TOpeningHours {
  return Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      hours[day].closed ? null : { open: hours[day].open, close: hours[day].close },
    ]),
  ) as TOpeningHours;
}

export function UnitForm(props: {
  unit: TUnit | null;
  units: TUnit[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const institutions = useAllInstitutions();
  const current = props.unit;
  const required = useRequiredRule();
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: {
      institutionId: current?.institutionId ?? '',
      parentId: current?.parentId ?? '',
      name: current?.name ?? '',
      kind: current?.kind ?? 'department',
      address: current?.address ?? '',
      phone: current?.phone ?? '',
      email: current?.email ?? '',
      hours: toHours(current?.openingHours ?? DEFAULT_OPENING_HOURS),
      servesExternalClients: current?.servesExternalClients ?? false,
      active: current?.active ?? true,
    },
    fields: FIELDS,
    send: (values) => {
      const body = {
        institutionId: values.institutionId,
        parentId: values.parentId === '' ? null : values.parentId,
        name: values.name,
        kind: values.kind,
        address: values.address,
        phone: values.phone,
        email: values.email,
        openingHours: toOpeningHours(values.hours),
        servesExternalClients: values.servesExternalClients,
        active: values.active,
      };
      return current
        ? api.patch(`/units/${current.id}`, { ...body, version: current.version })
        : api.post('/units', body);
    },
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: ['units'] });
      props.onSaved();
    },
  });
  const institutionId = useWatch({ control: form.control, name: 'institutionId' });
  const hours = useWatch({ control: form.control, name: 'hours' });
  // A unit cannot be placed under itself or its own sub-units.
  const excluded = current ? subtreeIds(props.units, [current.id]) : new Set<string>();
  const parents = unitTreeOrder(
    props.units.filter((unit) => unit.institutionId === institutionId),
  ).filter(({ unit }) => !excluded.has(unit.id));

  // The server names a day's field as openingHours.<day>.close; the form keeps it per day.
  const hoursError = (day: Weekday) =>
    (errors as { openingHours?: Partial<Record<Weekday, { message?: string }>> }).openingHours?.[
      day
    ]?.message;

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label={t('units.institution')} required error={errors.institutionId?.message}>
        <select
          {...form.register('institutionId', {
            ...required(t('units.institution')),
            onChange: () => form.setValue('parentId', ''),
          })}
        >
          <option value="">{t('units.chooseInstitution')}</option>
          {(institutions.data ?? []).map((institution) => (
            <option key={institution.id} value={institution.id}>
              {institution.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('units.parent')} error={errors.parentId?.message}>
        <select {...form.register('parentId')}>
          <option value="">{t('units.noParent')}</option>
          {parents.map(({ unit, depth }) => (
            <option key={unit.id} value={unit.id}>
              {'\u00a0\u00a0'.repeat(depth)}
              {unit.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="field-row">
        <Field label={t('common.name')} required error={errors.name?.message}>
          <input {...form.register('name', required(t('common.name')))} />
        </Field>
        <Field label={t('units.kind')} required error={errors.kind?.message}>
          <select
            {...form.register('kind', {
              // A new client service centre serves residents by its nature; the box can be undone.
              onChange: (event: { target: { value: string } }) => {
                if (!current)
                  form.setValue(
                    'servesExternalClients',
                    event.target.value === 'client_service_centre',
                  );
              },
            })}
          >
            {UNIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`units.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('common.address')} error={errors.address?.message}>
        <input {...form.register('address')} />
      </Field>
      <div className="field-row">
        <Field label={t('common.phone')} error={errors.phone?.message}>
          <input type="tel" {...form.register('phone')} />
        </Field>
        <Field label={t('common.email')} error={errors.email?.message}>
          <input type="email" {...form.register('email')} />
        </Field>
      </div>
      <fieldset className="field opening-hours">
        <legend>{t('units.openingHours')}</legend>
        {WEEKDAYS.map((day) => (
          <div key={day} className="hours-row">
            <span className="hours-day" id={`hours-${day}`}>
              {t(`units.weekdays.${day}`)}
            </span>
            <span className="field-check">
              <input
                id={`hours-${day}-closed`}
                type="checkbox"
                {...form.register(`hours.${day}.closed`)}
              />
              <label htmlFor={`hours-${day}-closed`}>{t('units.closed')}</label>
            </span>
            {!hours[day].closed && (
              <>
                <label htmlFor={`hours-${day}-open`} className="visually-hidden">
                  {t(`units.weekdays.${day}`)}: {t('units.opens')}
                </label>
                <input
                  id={`hours-${day}-open`}
                  type="time"
                  {...form.register(`hours.${day}.open`)}
                />
                <span aria-hidden="true">–</span>
                <label htmlFor={`hours-${day}-close`} className="visually-hidden">
                  {t(`units.weekdays.${day}`)}: {t('units.closes')}
                </label>
                <input
                  id={`hours-${day}-close`}
                  type="time"
                  aria-invalid={hoursError(day) ? true : undefined}
                  aria-describedby={hoursError(day) ? `hours-${day}-error` : undefined}
                  {...form.register(`hours.${day}.close`)}
                />
              </>
            )}
            {hoursError(day) && (
              <span id={`hours-${day}-error`} className="field-error">
                {hoursError(day)}
              </span>
            )}
          </div>
        ))}
      </fieldset>
      <div className="field field-check">
        <input
          id="unit-serves-external"
          type="checkbox"
          aria-describedby="unit-serves-external-hint"
          {...form.register('servesExternalClients')}
        />
        <label htmlFor="unit-serves-external">{t('units.servesExternalClients')}</label>
        <div id="unit-serves-external-hint" className="field-hint">
          {t('units.servesExternalClientsHint')}
        </div>
        {errors.servesExternalClients?.message && (
          <div className="field-error">{errors.servesExternalClients.message}</div>
        )}
      </div>
      <div className="field field-check">
        <input id="unit-active" type="checkbox" {...form.register('active')} />
        <label htmlFor="unit-active">{t('common.active')}</label>
      </div>
      <FormActions busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
