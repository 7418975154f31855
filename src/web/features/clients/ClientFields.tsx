import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { TClient } from '../../../contracts/clients.contracts';
import { Field } from '../../ui/Field';

export const CLIENT_KINDS = [
  'person',
  'organisation',
  'internal',
] as const satisfies readonly TClient['kind'][];

/** The fields that say who a client is and how to reach them, as a form edits them. */
export interface ClientFieldValues {
  givenName: string;
  surname: string;
  personalCode: string;
  name: string;
  registrationNumber: string;
  phone: string;
  email: string;
}
export type ClientFieldName = keyof ClientFieldValues;

export const CLIENT_FIELD_NAMES: readonly ClientFieldName[] = [
  'givenName',
  'surname',
  'personalCode',
  'name',
  'registrationNumber',
  'phone',
  'email',
];

export const EMPTY_CLIENT_FIELDS: ClientFieldValues = {
  givenName: '',
  surname: '',
  personalCode: '',
  name: '',
  registrationNumber: '',
  phone: '',
  email: '',
};

/** The values of the kind's fields, for the server; empty optional ones mean "none". */
export function clientFieldsOf(
  kind: 'person',
  values: ClientFieldValues,
): Pick<ClientFieldValues, 'givenName' | 'surname' | 'personalCode' | 'phone' | 'email'>;
export function clientFieldsOf(
  kind: 'organisation',
  values: ClientFieldValues,
): Pick<ClientFieldValues, 'name' | 'registrationNumber' | 'phone' | 'email'>;
export function clientFieldsOf(
  kind: 'person' | 'organisation',
  values: ClientFieldValues,
): Partial<ClientFieldValues>;
export function clientFieldsOf(kind: 'person' | 'organisation', values: ClientFieldValues) {
  const reach = { phone: values.phone, email: values.email };
  return kind === 'person'
    ? {
        givenName: values.givenName,
        surname: values.surname,
        personalCode: values.personalCode,
        ...reach,
      }
    : { name: values.name, registrationNumber: values.registrationNumber, ...reach };
}

/**
 * A person's or an organisation's identity and contacts. A colleague (an internal client) has
 * them from the staff record, so only the contacts show.
 */
export function ClientFields(props: {
  kind: 'person' | 'organisation' | 'internal';
  register: (name: ClientFieldName) => UseFormRegisterReturn;
  errors: Partial<Record<ClientFieldName, { message?: string } | undefined>> | undefined;
}) {
  const { t } = useTranslation();
  const { register } = props;
  const error = (name: ClientFieldName) => props.errors?.[name]?.message;
  return (
    <>
      {props.kind === 'person' && (
        <>
          <div className="field-row">
            <Field label={t('clients.givenName')} required error={error('givenName')}>
              <input autoComplete="off" {...register('givenName')} />
            </Field>
            <Field label={t('clients.surname')} required error={error('surname')}>
              <input autoComplete="off" {...register('surname')} />
            </Field>
          </div>
          <Field
            label={t('clients.personalCode')}
            hint={t('clients.personalCodeHint')}
            error={error('personalCode')}
          >
            <input autoComplete="off" inputMode="numeric" {...register('personalCode')} />
          </Field>
        </>
      )}
      {props.kind === 'organisation' && (
        <div className="field-row">
          <Field label={t('clients.organisationName')} required error={error('name')}>
            <input autoComplete="off" {...register('name')} />
          </Field>
          <Field label={t('clients.registrationNumber')} error={error('registrationNumber')}>
            <input autoComplete="off" {...register('registrationNumber')} />
          </Field>
        </div>
      )}
      <div className="field-row">
        <Field label={t('common.phone')} error={error('phone')}>
          <input type="tel" autoComplete="off" {...register('phone')} />
        </Field>
        <Field label={t('common.email')} error={error('email')}>
          <input type="email" autoComplete="off" {...register('email')} />
        </Field>
      </div>
    </>
  );
}
