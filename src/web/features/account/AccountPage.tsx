import { useTranslation } from 'react-i18next';
import type { TChangePasswordBody } from '../../../contracts/auth.contracts';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { FormError } from '../../ui/FormParts';
import { Field } from '../../ui/Field';
import { fullName } from '../../ui/format';
import { SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { useServerForm } from '../../ui/server-form';

export function AccountPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { form, errors, formError, busy, saved, onSubmit } = useServerForm<TChangePasswordBody>({
    defaultValues: { currentPassword: '', newPassword: '' },
    fields: ['currentPassword', 'newPassword'],
    send: (values) => api.post('/auth/password', values),
    resetOnSave: true,
  });
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
        {saved && <SuccessNotice>{t('account.passwordChanged')}</SuccessNotice>}
        <FormError message={formError} />
        <form onSubmit={onSubmit} noValidate>
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
          <button type="submit" className="button-primary" disabled={busy}>
            {t('account.changePassword')}
          </button>
        </form>
      </section>
    </>
  );
}
