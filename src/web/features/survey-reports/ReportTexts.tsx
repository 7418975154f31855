import type { Control, FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RichTextField } from '../../ui/RichTextEditor';

interface TextValues {
  title: string;
  borderWaves: string[];
  methodHtml: string;
  conclusionsHtml: string;
  recommendationsHtml: string;
}

/** The analyst's texts of a report, in the rich-text editor (its own chunk, loaded lazily). */
export function ReportTexts(props: {
  control: Control<TextValues>;
  errors: FieldErrors<TextValues>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <RichTextField
        control={props.control}
        name="methodHtml"
        label={t('surveyReports.methodText')}
        hint={t('surveyReports.methodTextHint')}
        error={props.errors.methodHtml?.message}
      />
      <RichTextField
        control={props.control}
        name="conclusionsHtml"
        label={t('surveyReports.conclusions')}
        error={props.errors.conclusionsHtml?.message}
      />
      <RichTextField
        control={props.control}
        name="recommendationsHtml"
        label={t('surveyReports.recommendations')}
        error={props.errors.recommendationsHtml?.message}
      />
    </>
  );
}
