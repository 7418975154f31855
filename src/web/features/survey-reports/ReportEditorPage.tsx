import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TReportView } from '../../../contracts/survey-reports.contracts';
import { columnLabel } from '../../../domain/questionnaire';
import {
  publishReport,
  reportPdfUrl,
  updateReport,
  useReport,
  useWaveComments,
} from '../../api/survey-reports';
import { useReloadSurveys } from '../../api/surveys';
import { currentLanguage } from '../../i18n/i18n';
import { Pagination } from '../../ui/DataTable';
import { Field, FieldSet } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { ActionError, useAction, useServerForm } from '../../ui/server-form';

// The rich-text editor is a large library: loaded with this page only.
const LazyTexts = lazy(() =>
  import('./ReportTexts').then((module) => ({ default: module.ReportTexts })),
);

type Quote = TReportView['quotes'][number];

interface Values {
  title: string;
  borderWaves: string[];
  methodHtml: string;
  conclusionsHtml: string;
  recommendationsHtml: string;
}

/** Writing a report: its texts, the waves pooled for the map, the comments quoted; publishing. */
export function ReportEditorPage() {
  const { id = '' } = useParams();
  const report = useReport(id);
  const [saved, setSaved] = useState(false);
  if (report.isPending) return <Loading />;
  if (report.isError)
    return <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />;
  // A save makes a new version and so a fresh editor; the notice that it was saved outlives it.
  return (
    <Editor
      key={report.data.version}
      report={report.data}
      saved={saved}
      onSaved={() => setSaved(true)}
    />
  );
}

function Editor(props: { report: TReportView; saved: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const reload = useReloadSurveys();
  const { report, saved } = props;
  const [quotes, setQuotes] = useState<Quote[]>(report.quotes);
  const answered = Object.keys(report.analysis.responses);
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: {
      title: report.title,
      borderWaves: report.borderWaves,
      methodHtml: report.methodHtml,
      conclusionsHtml: report.conclusionsHtml,
      recommendationsHtml: report.recommendationsHtml,
    },
    fields: ['title', 'borderWaves', 'methodHtml', 'conclusionsHtml', 'recommendationsHtml'],
    send: (values) => updateReport(report.id, { ...values, quotes, version: report.version }),
    onSaved: async () => {
      await reload();
      props.onSaved();
    },
    onConflict: reload,
  });
  const publish = useAction({
    run: () =>
      publishReport(report.id, { published: !report.publishedAt, version: report.version }),
    onDone: reload,
  });
  return (
    <>
      <PageHeader
        title={report.title}
        intro={`${report.surveyTitle} · ${report.wave.name} · ${
          report.publishedAt ? t('surveyReports.published') : t('surveyReports.draft')
        }`}
        actions={
          <>
            <Link className="button-secondary" to={`/reports/${report.id}`}>
              {t('surveyReports.preview')}
            </Link>
            <a className="button-secondary" href={reportPdfUrl(report.id, currentLanguage())}>
              {t('surveyReports.downloadPdf')}
            </a>
            <button
              type="button"
              className="button-primary"
              disabled={publish.isPending || form.formState.isDirty}
              title={form.formState.isDirty ? t('surveyReports.saveFirst') : undefined}
              onClick={() => publish.mutate(undefined)}
            >
              {report.publishedAt ? t('surveyReports.unpublish') : t('surveyReports.publish')}
            </button>
          </>
        }
      />
      <ActionError error={publish.error} />
      {saved && <SuccessNotice>{t('common.saved')}</SuccessNotice>}
      <form onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
        <Field label={t('surveyReports.title')} error={errors.title?.message} required>
          <input type="text" {...form.register('title')} />
        </Field>
        <FieldSet legend={t('surveyReports.borderWaves')} error={errors.borderWaves?.message}>
          <p className="field-hint">{t('surveyReports.borderWavesHint')}</p>
          {answered.map((wave) => (
            <label key={wave} className="checkbox-inline">
              <input type="checkbox" value={wave} {...form.register('borderWaves')} /> {wave}
            </label>
          ))}
        </FieldSet>
        <Suspense fallback={<Loading />}>
          <LazyTexts control={form.control} errors={errors} />
        </Suspense>
        <QuotePicker
          waveId={report.wave.id}
          questionnaire={report.survey.questionnaire}
          quotes={quotes}
          onChange={setQuotes}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
    </>
  );
}

/** The wave's open answers with a checkbox each: the ticked ones are quoted in the report. */
function QuotePicker(props: {
  waveId: string;
  questionnaire: TReportView['survey']['questionnaire'];
  quotes: Quote[];
  onChange: (quotes: Quote[]) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage() === 'en' ? 'en' : 'lv';
  const [page, setPage] = useState(1);
  const comments = useWaveComments(props.waveId, page);
  const chosen = new Set(props.quotes.map((quote) => `${quote.responseId}|${quote.column}`));
  return (
    <FieldSet legend={t('surveyReports.quotes', { count: props.quotes.length })}>
      <p className="field-hint">{t('surveyReports.quotesHint')}</p>
      {comments.isPending ? (
        <Loading />
      ) : comments.isError ? (
        <ErrorNotice error={comments.error} />
      ) : comments.data.total === 0 ? (
        <p className="muted">{t('surveyReports.noComments')}</p>
      ) : (
        <>
          <ul className="quote-picker">
            {comments.data.items.map((comment) => {
              const key = `${comment.responseId}|${comment.column}`;
              return (
                <li key={key}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.has(key)}
                      onChange={(event) =>
                        props.onChange(
                          event.target.checked
                            ? [
                                ...props.quotes,
                                {
                                  responseId: comment.responseId,
                                  column: comment.column,
                                  text: comment.text,
                                },
                              ]
                            : props.quotes.filter(
                                (quote) => `${quote.responseId}|${quote.column}` !== key,
                              ),
                        )
                      }
                    />{' '}
                    „{comment.text}”{' '}
                    <span className="muted">
                      ({columnLabel(props.questionnaire, comment.column, language)}
                      {comment.stratum ? `, ${comment.stratum}` : ''})
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          <Pagination page={page} pageSize={50} total={comments.data.total} onPage={setPage} />
        </>
      )}
    </FieldSet>
  );
}
