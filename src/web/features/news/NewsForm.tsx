import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TNewsItem } from '../../../contracts/news.contracts';
import { api } from '../../api/client';
import { useReloadNews } from '../../api/knowledge';
import { Field } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { RichTextField } from '../../ui/RichTextEditor';
import { useServerForm } from '../../ui/server-form';
import { UnitOptions } from '../../ui/UnitFilter';

interface Values {
  title: string;
  bodyHtml: string;
  important: boolean;
  unitId: string;
}

/** A new item of news, or a change to one; whom it is for is chosen once, when it is published. */
export function NewsForm(props: {
  item: TNewsItem | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const reload = useReloadNews();
  const id = useId();
  const { item } = props;
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: item
      ? { title: item.title, bodyHtml: item.bodyHtml, important: item.important, unitId: '' }
      : { title: '', bodyHtml: '', important: false, unitId: '' },
    fields: ['title', 'bodyHtml', 'important', 'unitId'],
    send: (values) =>
      item
        ? api.patch(`/news/${item.id}`, {
            title: values.title,
            bodyHtml: values.bodyHtml,
            important: values.important,
            version: item.version,
          })
        : api.post('/news', {
            title: values.title,
            bodyHtml: values.bodyHtml,
            important: values.important,
            unitId: values.unitId || null,
          }),
    onSaved: async () => {
      await reload();
      props.onDone();
    },
    onConflict: reload,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label={t('news.titleField')} required error={errors.title?.message}>
        <input {...form.register('title')} />
      </Field>
      <RichTextField
        control={form.control}
        name="bodyHtml"
        label={t('news.body')}
        required
        error={errors.bodyHtml?.message}
      />
      <div className="field field-check">
        <input
          id={`${id}-important`}
          type="checkbox"
          aria-describedby={`${id}-important-hint`}
          {...form.register('important')}
        />
        <label htmlFor={`${id}-important`}>{t('news.important')}</label>
        <div id={`${id}-important-hint`} className="field-hint">
          {t('news.importantHint')}
        </div>
      </div>
      {item ? (
        <p className="muted">
          {t('news.audience')}: {item.unit ? item.unit.name : t('news.everyone')}
        </p>
      ) : (
        <Field
          label={t('news.audience')}
          hint={t('news.audienceHint')}
          error={errors.unitId?.message}
        >
          <select {...form.register('unitId')}>
            <option value="">{t('news.everyone')}</option>
            <UnitOptions />
          </select>
        </Field>
      )}
      <FormActions
        busy={busy}
        onCancel={props.onCancel}
        submitLabel={item ? t('common.save') : t('news.publish')}
      />
    </form>
  );
}
