import { useQueryClient } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../domain/roles';
import type { TStaff } from '../../../contracts/staff.contracts';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { unitTreeOrder, useAllUnits } from '../../api/lookups';
import { FormActions, FormError } from '../../ui/FormParts';
import { Field, FieldSet } from '../../ui/Field';
import { useServerForm } from '../../ui/server-form';

interface Values {
  givenName: string;
  surname: string;
  position: string;
  email: string;
  phone: string;
  competences: string;
  roles: Role[];
  unitIds: string[];
  primaryUnitId: string;
  active: boolean;
  password: string;
}

const FIELDS = {
  givenName: 'givenName',
  surname: 'surname',
  position: 'position',
  email: 'email',
  phone: 'phone',
  competences: 'competences',
  roles: 'roles',
  units: 'unitIds',
  active: 'active',
  password: 'password',
};

/** Competences are typed as one comma-separated line; the server keeps them as a list. */
const competenceList = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

export function StaffForm(props: {
  person: TStaff | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const units = useAllUnits();
  const current = props.person;
  const ownRecord = current?.id === me.id;
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: {
      givenName: current?.givenName ?? '',
      surname: current?.surname ?? '',
      position: current?.position ?? '',
      email: current?.email ?? '',
      phone: current?.phone ?? '',
      competences: current?.competences.join(', ') ?? '',
      roles: current?.roles ?? ['specialist'],
      unitIds: current?.units.map((unit) => unit.id) ?? [],
      primaryUnitId: current?.units.find((unit) => unit.primary)?.id ?? '',
      active: current?.active ?? true,
      password: '',
    },
    fields: FIELDS,
    send: (values) => {
      // The first chosen unit is the main one unless another is marked.
      const primary = values.unitIds.includes(values.primaryUnitId)
        ? values.primaryUnitId
        : values.unitIds[0];
      const body = {
        givenName: values.givenName,
        surname: values.surname,
        position: values.position,
        email: values.email,
        phone: values.phone,
        competences: competenceList(values.competences),
        // One's own roles are changed by another administrator; the server refuses otherwise.
        roles: ownRecord ? undefined : values.roles,
        units: values.unitIds.map((unitId) => ({ unitId, primary: unitId === primary })),
        active: values.active,
      };
      if (current) return api.patch(`/staff/${current.id}`, { ...body, version: current.version });
      return api.post('/staff', values.password ? { ...body, password: values.password } : body);
    },
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: ['staff'] });
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      await queryClient.invalidateQueries({ queryKey: ['units'] });
      // Editing oneself changes one's own name, roles and units: the menu must follow.
      if (current?.id === me.id) await queryClient.invalidateQueries({ queryKey: ['me'] });
      props.onSaved();
    },
  });
  const unitIds = useWatch({ control: form.control, name: 'unitIds' });
  const primaryUnitId = useWatch({ control: form.control, name: 'primaryUnitId' });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <div className="field-row">
        <Field label={t('staff.givenName')} required error={errors.givenName?.message}>
          <input autoComplete="off" {...form.register('givenName')} />
        </Field>
        <Field label={t('staff.surname')} required error={errors.surname?.message}>
          <input autoComplete="off" {...form.register('surname')} />
        </Field>
      </div>
      <Field label={t('staff.position')} required error={errors.position?.message}>
        <input {...form.register('position')} />
      </Field>
      <div className="field-row">
        <Field label={t('common.email')} required error={errors.email?.message}>
          <input type="email" autoComplete="off" {...form.register('email')} />
        </Field>
        <Field label={t('common.phone')} error={errors.phone?.message}>
          <input type="tel" {...form.register('phone')} />
        </Field>
      </div>
      <Field
        label={t('staff.competences')}
        hint={t('staff.competencesHint')}
        error={errors.competences?.message}
      >
        <input {...form.register('competences')} />
      </Field>
      <FieldSet legend={t('staff.units')} error={errors.unitIds?.message}>
        <div className="check-list">
          {unitTreeOrder(units.data ?? []).map(({ unit, depth }) => (
            <div
              key={unit.id}
              className="check-row"
              style={{ paddingInlineStart: `${depth * 1.25}rem` }}
            >
              <input
                id={`unit-${unit.id}`}
                type="checkbox"
                value={unit.id}
                {...form.register('unitIds')}
              />
              <label htmlFor={`unit-${unit.id}`}>{unit.name}</label>
              {unitIds.includes(unit.id) && unitIds.length > 1 && (
                <span className="primary-choice">
                  <input
                    id={`primary-${unit.id}`}
                    type="radio"
                    name="primaryUnitId"
                    value={unit.id}
                    checked={
                      primaryUnitId === unit.id ||
                      (!unitIds.includes(primaryUnitId) && unitIds[0] === unit.id)
                    }
                    onChange={() => form.setValue('primaryUnitId', unit.id)}
                  />
                  <label htmlFor={`primary-${unit.id}`}>{t('staff.primary')}</label>
                </span>
              )}
            </div>
          ))}
        </div>
      </FieldSet>
      <FieldSet legend={t('staff.roles')} error={errors.roles?.message}>
        {ownRecord && <div className="field-hint">{t('staff.ownRolesHint')}</div>}
        <div className="check-list check-columns">
          {ROLES.map((role) => (
            <div key={role} className="check-row">
              <input
                id={`role-${role}`}
                type="checkbox"
                value={role}
                disabled={ownRecord}
                {...form.register('roles')}
              />
              <label htmlFor={`role-${role}`}>{t(`roles.${role}`)}</label>
            </div>
          ))}
        </div>
      </FieldSet>
      {current ? (
        <div className="field field-check">
          <input
            id="staff-form-active"
            type="checkbox"
            aria-describedby="staff-form-active-hint"
            {...form.register('active')}
          />
          <label htmlFor="staff-form-active">{t('staff.active')}</label>
          <div id="staff-form-active-hint" className="field-hint">
            {t('staff.activeHint')}
          </div>
        </div>
      ) : (
        <Field
          label={t('staff.initialPassword')}
          hint={t('staff.passwordHint')}
          error={errors.password?.message}
        >
          <input type="password" autoComplete="new-password" {...form.register('password')} />
        </Field>
      )}
      <FormActions busy={busy} onCancel={props.onCancel} />
    </form>
  );
}

export function PasswordForm(props: { person: TStaff; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { form, errors, formError, busy, onSubmit } = useServerForm<{ password: string }>({
    defaultValues: { password: '' },
    fields: ['password'],
    send: (values) => api.post(`/staff/${props.person.id}/password`, values),
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: ['staff'] });
      props.onSaved();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field
        label={t('staff.newPassword')}
        hint={t('staff.passwordHint')}
        required
        error={errors.password?.message}
      >
        <input type="password" autoComplete="new-password" {...form.register('password')} />
      </Field>
      <FormActions busy={busy} onCancel={props.onCancel} submitLabel={t('staff.setPassword')} />
    </form>
  );
}
