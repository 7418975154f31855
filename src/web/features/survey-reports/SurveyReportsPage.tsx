import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TReportSummary, TReportView } from '../../../contracts/survey-reports.contracts';
import { createReport, useSurveyReports } from '../../api/survey-reports';
import { useSurvey } from '../../api/surveys';
import { DataTable, type Column } from '../../ui/DataTable';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { formatDateTime } from '../../ui/format';
import { ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { useServerForm } from '../../ui/server-form';

/** A survey's reports, and a new one started on a wave. */
export function SurveyReportsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const survey = useSurvey(id);
  const reports = useSurveyReports(id, 1);
  if (survey.isPending || reports.isPending) return <Loading />;
  if (survey.isError) return <ErrorNotice error={survey.error} />;
  if (reports.isError) return <ErrorNotice error={reports.error} />;
  const columns: Array<Column<TReportSummary>> = [
    {
      key: 'title',
      header: t('surveyReports.title'),
      render: (report) => <Link to={`/survey-reports/${report.id}/edit`}>{report.title}</Link>,
    },
    { key: 'wave', header: t('surveys.wave'), render: (report) => report.wave.name },
    {
      key: 'state',
      header: t('surveys.state'),
      render: (report) =>
        report.publishedAt
          ? t('surveyReports.publishedOn', { date: formatDateTime(report.publishedAt) })
          : t('surveyReports.draft'),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('surveyReports.ofSurvey', { title: survey.data.title })}
        actions={
          <Link className="button-secondary" to={`/surveys/${id}`}>
            {t('surveys.backToSurvey')}
          </Link>
        }
      />
      {reports.data.total === 0 ? (
        <p className="muted">{t('surveyReports.none')}</p>
      ) : (
        <DataTable
          caption={t('surveys.reports')}
          columns={columns}
          rows={reports.data.items}
          rowKey={(report) => report.id}
        />
      )}
      <NewReportForm
        surveyId={id}
        waves={survey.data.waves.map((wave) => ({ id: wave.id, name: wave.name }))}
      />
    </>
  );
}

interface Values {
  waveId: string;
  title: string;
}

function NewReportForm(props: { surveyId: string; waves: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const last = props.waves.at(-1);
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values, TReportView>({
    defaultValues: { waveId: last?.id ?? '', title: '' },
    fields: ['waveId', 'title'],
    send: (values) =>
      createReport(props.surveyId, {
        ...values,
        borderWaves: [],
        methodHtml: '',
        conclusionsHtml: '',
        recommendationsHtml: '',
        quotes: [],
      }),
    onSaved: (report) => navigate(`/survey-reports/${report.id}/edit`),
  });
  if (!last) return <p className="muted">{t('surveys.noWaves')}</p>;
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate aria-labelledby="new-report">
      <h2 id="new-report">{t('surveyReports.create')}</h2>
      <FormError message={formError} />
      <Field label={t('surveys.wave')} error={errors.waveId?.message} required>
        <select {...form.register('waveId')}>
          {props.waves.map((wave) => (
            <option key={wave.id} value={wave.id}>
              {wave.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('surveyReports.title')} error={errors.title?.message} required>
        <input type="text" {...form.register('title')} />
      </Field>
      <button type="submit" className="button-primary" disabled={busy}>
        {t('surveyReports.createSubmit')}
      </button>
    </form>
  );
}
