import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TReportSummary } from '../../../contracts/survey-reports.contracts';
import { usePublishedReports } from '../../api/survey-reports';
import type { Column } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';

/** The published survey and quality study reports: every member of staff reads them here. */
export function PublishedReportsPage() {
  const { t } = useTranslation();
  const { page, update } = useListParams({});
  const list = usePublishedReports(page);
  const columns: Array<Column<TReportSummary>> = [
    {
      key: 'title',
      header: t('surveyReports.title'),
      render: (report) => <Link to={`/reports/${report.id}`}>{report.title}</Link>,
    },
    { key: 'survey', header: t('surveyReports.survey'), render: (report) => report.surveyTitle },
    { key: 'wave', header: t('surveys.wave'), render: (report) => report.wave.name },
    {
      key: 'published',
      header: t('surveyReports.publishedAt'),
      render: (report) => (report.publishedAt ? formatDateTime(report.publishedAt) : '—'),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('surveyReports.publishedTitle')}
        intro={t('surveyReports.publishedIntro')}
      />
      <PagedList
        query={list}
        emptyTitle={t('surveyReports.nonePublished')}
        caption={t('surveyReports.publishedTitle')}
        columns={columns}
        rowKey={(report) => report.id}
        page={page}
        pageSize={25}
        onPage={(next) => update({ page: String(next) })}
      />
    </>
  );
}
