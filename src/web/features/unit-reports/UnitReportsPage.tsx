import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TUnitReport } from '../../../contracts/unit-reports.contracts';
import { ProblemError, api } from '../../api/client';
import { FiguresTable } from '../control/FiguresTable';
import { Field } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { EmptyState, ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';

/** Last year: a yearly report is of a year that has ended. */
const lastYear = String(new Date().getFullYear() - 1);

/** The year's overview (clause 29): every unit serving external clients, missing ones marked. */
export function UnitReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { values, update } = useListParams({ year: lastYear });
  const lines = useQuery({
    queryKey: ['unit-reports', values.year],
    queryFn: () => api.get('/unit-reports', { year: values.year }),
  });
  const start = useMutation({
    mutationFn: (unitId: string) =>
      api.post('/unit-reports', { unitId, year: Number(values.year) }),
    onSuccess: (report) => void navigate(`/quality/unit-reports/${report.id}`),
  });
  return (
    <>
      <PageHeader title={t('unitReports.title')} intro={t('unitReports.intro')} />
      <div className="filters">
        <Field label={t('unitReports.year')} filter>
          <input
            type="number"
            min={2000}
            max={2999}
            value={values.year}
            onChange={(event) => update({ year: event.target.value })}
          />
        </Field>
      </div>
      {start.isError && <ErrorNotice error={start.error} />}
      {lines.isPending ? (
        <Loading />
      ) : lines.isError ? (
        <ErrorNotice error={lines.error} onRetry={() => void lines.refetch()} />
      ) : lines.data.items.length === 0 ? (
        <EmptyState title={t('unitReports.empty')} />
      ) : (
        <>
          <p>{t('unitReports.notSubmitted', { n: lines.data.notSubmitted })}</p>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('unitReports.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('unitReports.unit')}</th>
                  <th scope="col">{t('unitReports.state')}</th>
                  <th scope="col">{t('unitReports.submitted')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('unitReports.open')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.data.items.map((line) => (
                  <tr key={line.unitId} className={line.state === 'missing' ? 'row-warning' : ''}>
                    <th scope="row">
                      {line.unitName}
                      <br />
                      <small>{line.institutionName}</small>
                    </th>
                    <td>{t(`unitReports.states.${line.state}`)}</td>
                    <td>
                      {line.submittedBy && line.submittedAt
                        ? `${line.submittedBy.givenName} ${line.submittedBy.surname}, ${formatDateTime(line.submittedAt)}`
                        : '—'}
                    </td>
                    <td>
                      {line.reportId ? (
                        <Link to={`/quality/unit-reports/${line.reportId}`}>
                          {t('unitReports.open')}
                        </Link>
                      ) : (
                        <button
                          type="button"
                          className="button-secondary"
                          disabled={start.isPending}
                          onClick={() => start.mutate(line.unitId)}
                        >
                          {t('unitReports.start')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** One report: its figures read-only, the unit's words, and submission. */
export function UnitReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const report = useQuery({
    queryKey: ['unit-report', id],
    queryFn: () => api.get(`/unit-reports/${id}`),
  });
  if (report.isPending) return <Loading />;
  if (report.isError)
    return <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('unitReports.reportTitle', {
          unit: report.data.unitName,
          year: report.data.year,
        })}
      />
      <p>
        <Link to={`/quality/unit-reports?year=${report.data.year}`}>{t('unitReports.back')}</Link>
      </p>
      <ReportForm key={report.data.version} report={report.data} />
      <FiguresTable
        caption={t('unitReports.figuresCaption')}
        columns={[{ key: 'year', header: String(report.data.year), figures: report.data.figures }]}
      />
    </>
  );
}

function ReportForm(props: { report: TUnitReport }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { report } = props;
  const [shortcomings, setShortcomings] = useState(report.shortcomings);
  const [measures, setMeasures] = useState(report.measures);
  const [saved, setSaved] = useState(false);
  const done = (next: TUnitReport) => {
    queryClient.setQueryData(['unit-report', next.id], next);
    void queryClient.invalidateQueries({ queryKey: ['unit-reports'] });
  };
  const save = useMutation({
    mutationFn: () =>
      api.put(`/unit-reports/${report.id}`, { shortcomings, measures, version: report.version }),
    onSuccess: (next) => {
      done(next);
      setSaved(true);
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      const written = await api.put(`/unit-reports/${report.id}`, {
        shortcomings,
        measures,
        version: report.version,
      });
      return api.post(`/unit-reports/${report.id}/submit`, { version: written.version });
    },
    onSuccess: done,
  });
  const error = save.error ?? submit.error;
  const fieldError = (field: string) =>
    error instanceof ProblemError ? error.fieldMessage(field) : undefined;
  if (report.state === 'submitted') {
    return (
      <section>
        <p>
          {t('unitReports.submittedBy', {
            name: report.submittedBy
              ? `${report.submittedBy.givenName} ${report.submittedBy.surname}`
              : '',
            at: report.submittedAt ? formatDateTime(report.submittedAt) : '',
          })}
        </p>
        <h2>{t('unitReports.shortcomings')}</h2>
        <p className="preserve-lines">{report.shortcomings}</p>
        <h2>{t('unitReports.measures')}</h2>
        <p className="preserve-lines">{report.measures}</p>
      </section>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        save.mutate();
      }}
    >
      {saved && <SuccessNotice>{t('unitReports.saved')}</SuccessNotice>}
      {error && <ErrorNotice error={error} />}
      <Field label={t('unitReports.shortcomings')} error={fieldError('shortcomings')} required>
        <textarea
          rows={6}
          value={shortcomings}
          onChange={(event) => setShortcomings(event.target.value)}
        />
      </Field>
      <Field label={t('unitReports.measures')} error={fieldError('measures')}>
        <textarea rows={6} value={measures} onChange={(event) => setMeasures(event.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-secondary" disabled={save.isPending}>
          {t('unitReports.save')}
        </button>
        <button
          type="button"
          disabled={submit.isPending}
          onClick={() => {
            setSaved(false);
            submit.mutate();
          }}
        >
          {t('unitReports.submit')}
        </button>
      </div>
    </form>
  );
}
