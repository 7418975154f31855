import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TReportSummary } from '../../../contracts/survey-reports.contracts';
import { usePublishedReports } from '../../api/survey-reports';
import { PagedTable, type Column } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { useFirstPageWhenPastEnd, useListParams } from '../../ui/list-params';
import { ListState } from '../../ui/ListState';
import { PageHeader } from '../../ui/PageHeader';

/** The published survey and quality study reports: every member of staff reads them here. */
export function PublishedReportsPage() {
  const { t } = useTranslation();
  const { page, update } = useListParams({});
  const list = usePublishedReports(page);
  useFirstPageWhenPastEnd(page, list.data?.items.length, update);
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
      <ListState query={list} emptyTitle={t('surveyReports.nonePublished')}>
        {(data) => (
          <PagedTable
            caption={t('surveyReports.publishedTitle')}
            columns={columns}
            rows={data.items}
            rowKey={(report) => report.id}
            paging={{
              page,
              pageSize: 25,
              total: data.total,
              onPage: (next) => update({ page: String(next) }),
            }}
          />
        )}
      </ListState>
    </>
  );
}
