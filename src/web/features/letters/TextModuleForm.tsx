import { useTranslation } from 'react-i18next';
import type { TTextModule } from '../../../contracts/text-modules.contracts';
import type { LetterLanguage } from '../../../domain/letters';
import { api } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { useServerForm } from '../../ui/server-form';
import { LetterLanguageOptions } from './LetterLanguageOptions';

interface Values {
  title: string;
  language: LetterLanguage;
  body: string;
}

/** A new text module or a change to one, with the placeholders a clerk's letter fills in. */
export function TextModuleForm(props: {
  module: TTextModule | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { module } = props;
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: module
      ? { title: module.title, language: module.language, body: module.body }
      : { title: '', language: 'lv', body: '' },
    fields: ['title', 'language', 'body'],
    send: (values) =>
      module
        ? api.patch(`/text-modules/${module.id}`, { ...values, version: module.version })
        : api.post('/text-modules', values),
    onSaved: props.onSaved,
  });
  return (
    <form className="text-module-form" onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label={t('textModules.titleField')} required error={errors.title?.message}>
        <input {...form.register('title')} />
      </Field>
      <Field label={t('letters.language')} required error={errors.language?.message}>
        <select {...form.register('language')}>
          <LetterLanguageOptions />
        </select>
      </Field>
      <Field
        label={t('textModules.body')}
        required
        hint={t('textModules.placeholders')}
        error={errors.body?.message}
      >
        <textarea rows={10} {...form.register('body')} />
      </Field>
      <FormActions busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
