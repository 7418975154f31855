import { useQueryClient } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TSignatureTemplate } from '../../../contracts/signatures.contracts';
import { signatureFrom, type LetterLanguage } from '../../../domain/letters';
import { api } from '../../api/client';
import { useMySignature, useSignatureTemplates } from '../../api/letters';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { useServerForm } from '../../ui/server-form';

/**
 * The signature every written answer ends with (clause 21.2.5): the administrator keeps one
 * template per language; each letter fills it from its writer's staff profile, and clerks
 * cannot change it. The preview shows the template filled with the administrator's own profile.
 */
export function SignaturePage() {
  const { t } = useTranslation();
  const templates = useSignatureTemplates();
  return (
    <>
      <PageHeader title={t('signatures.title')} intro={t('signatures.intro')} />
      <p className="muted">{t('signatures.placeholders')}</p>
      {templates.isPending && <Loading />}
      {templates.isError && (
        <ErrorNotice error={templates.error} onRetry={() => void templates.refetch()} />
      )}
      {templates.data?.items.map((template) => (
        <SignatureTemplateForm
          key={`${template.language}-${template.version}`}
          template={template}
        />
      ))}
    </>
  );
}

function SignatureTemplateForm(props: { template: TSignatureTemplate }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { template } = props;
  const language: LetterLanguage = template.language;
  const mine = useMySignature(language);
  const reload = () => queryClient.invalidateQueries({ queryKey: ['signatures'] });
  const { form, errors, formError, busy, onSubmit } = useServerForm<{ template: string }>({
    defaultValues: { template: template.template },
    fields: ['template'],
    send: (values) =>
      api.put(`/signature-templates/${language}`, {
        template: values.template,
        version: template.version,
      }),
    onSaved: reload,
    onConflict: reload,
  });
  const draft = useWatch({ control: form.control, name: 'template' });
  const titleId = `signature-${language}`;
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(`letters.languages.${language}`)}</h2>
      <div className="signature-editor">
        <form onSubmit={onSubmit} noValidate>
          <FormError message={formError} />
          <Field label={t('signatures.template')} required error={errors.template?.message}>
            <textarea rows={9} {...form.register('template')} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {t('common.save')}
            </button>
          </div>
        </form>
        <div>
          <h3>{t('signatures.preview')}</h3>
          <pre className="signature-preview">
            {mine.data ? signatureFrom(draft, mine.data.profile) : ''}
          </pre>
        </div>
      </div>
    </section>
  );
}
