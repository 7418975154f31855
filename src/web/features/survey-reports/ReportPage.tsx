import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { reportPdfUrl, useReport } from '../../api/survey-reports';
import { currentLanguage } from '../../i18n/i18n';
import { formatDateTime } from '../../ui/format';
import { ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { ReportView } from './ReportView';

/** One report, as published to staff (or a draft, for those who write it). */
export function ReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const report = useReport(id);
  if (report.isPending) return <Loading />;
  if (report.isError)
    return <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />;
  const data = report.data;
  return (
    <>
      <PageHeader
        title={data.title}
        intro={`${data.surveyTitle} · ${data.wave.name} · ${
          data.publishedAt
            ? t('surveyReports.publishedOn', { date: formatDateTime(data.publishedAt) })
            : t('surveyReports.draft')
        }`}
        actions={
          <>
            <a className="button-primary" href={reportPdfUrl(data.id, currentLanguage())}>
              {t('surveyReports.downloadPdf')}
            </a>
            {data.canEdit && (
              <Link className="button-secondary" to={`/survey-reports/${data.id}/edit`}>
                {t('surveyReports.edit')}
              </Link>
            )}
          </>
        }
      />
      <ReportView report={data} />
    </>
  );
}
