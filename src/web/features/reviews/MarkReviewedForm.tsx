import { useTranslation } from 'react-i18next';
import { addCalendarMonths } from '../../../domain/deadlines';
import { addCalendarDays, rigaDateOf } from '../../../domain/riga-time';
import { markReviewed, useReloadCatalogue, type ReviewTarget } from '../../api/catalogue';
import { Field } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { useServerForm } from '../../ui/server-form';

/** A card or an article is checked again this long after it was found true. */
const REVIEW_INTERVAL_MONTHS = 12;

/**
 * The owner (or an editor) confirms that an article or a service card is true as of today and
 * sets when it is checked next.
 */
export function MarkReviewedForm(props: {
  target: ReviewTarget;
  title: string;
  onDone: (nextReviewOn: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const reload = useReloadCatalogue();
  const today = rigaDateOf(new Date());
  const { form, errors, formError, busy, onSubmit } = useServerForm<{ nextReviewOn: string }>({
    defaultValues: { nextReviewOn: addCalendarMonths(today, REVIEW_INTERVAL_MONTHS) },
    fields: ['nextReviewOn'],
    send: (values) => markReviewed(props.target, values.nextReviewOn),
    onSaved: async (_, values) => {
      await reload();
      props.onDone(values.nextReviewOn);
    },
    onConflict: reload,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>{t('reviews.markIntro', { title: props.title })}</p>
      <FormError message={formError} />
      <Field
        label={t('reviews.nextReviewOn')}
        hint={t('reviews.nextReviewHint')}
        required
        error={errors.nextReviewOn?.message}
      >
        <input type="date" min={addCalendarDays(today, 1)} {...form.register('nextReviewOn')} />
      </Field>
      <FormActions busy={busy} onCancel={props.onCancel} submitLabel={t('reviews.mark')} />
    </form>
  );
}
