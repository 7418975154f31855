import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TChangePasswordBody } from '../../../contracts/auth.contracts';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { FormError } from '../../ui/FormParts';
import { Field } from '../../ui/Field';
import { fullName } from '../../ui/format';
import { SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { applyProblem } from '../../ui/problem-form';

export function AccountPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TChangePasswordBody>({
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const change = useMutation({
    mutationFn: (values: TChangePasswordBody) => api.post('/auth/password', values),
    onSuccess: () => form.reset(),
    onError: (error) =>
      setFormError(applyProblem(error, form.setError, ['currentPassword', 'newPassword'])),
  });
  const { errors } = form.formState;
  return (
    <>
      <PageHeader title={t('account.title')} />
      <dl className="facts">
        <dt>{t('staff.name')}</dt>
        <dd>{fullName(me)}</dd>
        <dt>{t('staff.position')}</dt>
        <dd>{me.position}</dd>
        <dt>{t('common.email')}</dt>
        <dd>{me.email}</dd>
        <dt>{t('account.units')}</dt>
        <dd>{me.units.map((unit) => unit.name).join(', ') || t('common.none')}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>{me.roles.map((role) => t(`roles.${role}`)).join(', ') || t('common.none')}</dd>
      </dl>
      <section aria-labelledby="change-password" className="panel">
        <h2 id="change-password">{t('account.changePassword')}</h2>
        {change.isSuccess && <SuccessNotice>{t('account.passwordChanged')}</SuccessNotice>}
        <FormError message={formError} />
        <form
          onSubmit={(event) =>
            void form.handleSubmit((values) => {
              setFormError(null);
              change.mutate(values);
            })(event)
          }
          noValidate
        >
          <Field
            label={t('account.currentPassword')}
            required
            error={errors.currentPassword?.message}
          >
            <input
              type="password"
              autoComplete="current-password"
              {...form.register('currentPassword')}
            />
          </Field>
          <Field
            label={t('account.newPassword')}
            hint={t('staff.passwordHint')}
            required
            error={errors.newPassword?.message}
          >
            <input type="password" autoComplete="new-password" {...form.register('newPassword')} />
          </Field>
          <button type="submit" className="button-primary" disabled={change.isPending}>
            {t('account.changePassword')}
          </button>
        </form>
      </section>
    </>
  );
}
