import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TUnitReport, TUnitReportLine } from '../../../contracts/unit-reports.contracts';
import { rigaDateOf } from '../../../domain/riga-time';
import { defaultReportYear, reportYearChoices } from '../../../domain/unit-reports';
import { ProblemError, api } from '../../api/client';
import { FiguresTable } from '../control/FiguresTable';
import type { Column } from '../../ui/DataTable';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { formatDateTime } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { useServerForm } from '../../ui/server-form';

/** No year in the address: the server's default, last year by the Riga calendar. */
const DEFAULTS = { year: '' };
/** One line a unit serving external clients: tens in a municipality, so one page. */
const PAGE_SIZE = 100;

const STATE_BADGES: Record<TUnitReportLine['state'], string> = {
  missing: 'badge badge-danger',
  draft: 'badge badge-warning',
  submitted: 'badge badge-ok',
};

const personName = (person: { givenName: string; surname: string }) =>
  `${person.givenName} ${person.surname}`;

/** The year's overview (clause 29): every unit serving external clients, missing ones marked. */
export function UnitReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { values, page, update } = useListParams(DEFAULTS);
  const lines = useQuery({
    queryKey: ['unit-reports', values.year, page],
    queryFn: () =>
      api.get('/unit-reports', {
        ...(values.year ? { year: values.year } : {}),
        page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
  const today = rigaDateOf(new Date());
  const year = values.year || String(lines.data?.year ?? defaultReportYear(today));
  // Until the server answers, or when it refuses the year asked for, this year and last.
  const years = (lines.data?.years ?? reportYearChoices(today, [], defaultReportYear(today))).map(
    String,
  );
  if (!years.includes(year)) years.unshift(year);
  const yearError =
    lines.error instanceof ProblemError ? lines.error.fieldMessage('year') : undefined;
  const start = useMutation({
    mutationFn: (unitId: string) => api.post('/unit-reports', { unitId, year: Number(year) }),
    onSuccess: (report) => void navigate(`/quality/unit-reports/${report.id}`),
  });

  const columns: Array<Column<TUnitReportLine>> = [
    {
      key: 'unit',
      header: t('unitReports.unit'),
      render: (line) => (
        <>
          <strong>{line.unitName}</strong>
          <div className="muted">{line.institutionName}</div>
        </>
      ),
    },
    {
      key: 'state',
      header: t('unitReports.state'),
      render: (line) => (
        <span className={STATE_BADGES[line.state]}>{t(`unitReports.states.${line.state}`)}</span>
      ),
    },
    {
      key: 'submitted',
      header: t('unitReports.submitted'),
      render: (line) =>
        line.submittedBy && line.submittedAt
          ? `${personName(line.submittedBy)}, ${formatDateTime(line.submittedAt)}`
          : '—',
    },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'cell-actions',
      render: (line) =>
        line.reportId ? (
          <Link
            to={`/quality/unit-reports/${line.reportId}`}
            aria-label={`${t('unitReports.open')}: ${line.unitName}`}
          >
            {t('unitReports.open')}
          </Link>
        ) : (
          <button
            type="button"
            className="button-secondary"
            disabled={start.isPending}
            aria-label={`${t('unitReports.start')}: ${line.unitName}`}
            onClick={() => start.mutate(line.unitId)}
          >
            {t('unitReports.start')}
          </button>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('unitReports.title')} intro={t('unitReports.intro')} />
      <div className="filters">
        <Field label={t('unitReports.year')} filter error={yearError}>
          <select value={year} onChange={(event) => update({ year: event.target.value })}>
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {start.isError && <ErrorNotice error={start.error} />}
      {lines.data && lines.data.total > 0 && (
        <p>{t('unitReports.notSubmitted', { n: lines.data.notSubmitted })}</p>
      )}
      <PagedList
        query={lines}
        emptyTitle={t('unitReports.empty')}
        caption={t('unitReports.yearCaption', { year })}
        columns={columns}
        rowKey={(line) => line.unitId}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
    </>
  );
}

/** What the page says above the report after a change; it outlives the form's re-render. */
type Notice = { kind: 'done'; text: string } | { kind: 'conflict' } | null;

/** One report: its figures read-only, the unit's words, and submission. */
export function UnitReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [notice, setNotice] = useState<Notice>(null);
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
      {notice?.kind === 'done' && <SuccessNotice>{notice.text}</SuccessNotice>}
      {notice?.kind === 'conflict' && (
        <div className="notice notice-warning" role="alert">
          {t('common.conflictReloaded')}
        </div>
      )}
      {report.data.state === 'submitted' ? (
        <SubmittedReport report={report.data} />
      ) : (
        // A new version (saved here, or by someone else) fills the form afresh.
        <ReportForm key={report.data.version} report={report.data} onNotice={setNotice} />
      )}
      <section aria-labelledby="unit-report-figures">
        <h2 id="unit-report-figures">{t('unitReports.figuresTitle')}</h2>
        <p className="muted">
          {t(
            report.data.state === 'submitted'
              ? 'unitReports.figuresKept'
              : 'unitReports.figuresCounted',
          )}
        </p>
        <FiguresTable
          caption={t('unitReports.figuresCaption')}
          columns={[
            { key: 'year', header: String(report.data.year), figures: report.data.figures },
          ]}
        />
      </section>
    </>
  );
}

function SubmittedReport(props: { report: TUnitReport }) {
  const { t } = useTranslation();
  const { report } = props;
  return (
    <section>
      <p>
        {t('unitReports.submittedBy', {
          name: report.submittedBy ? personName(report.submittedBy) : '',
          at: report.submittedAt ? formatDateTime(report.submittedAt) : '',
        })}
      </p>
      <h2>{t('unitReports.shortcomings')}</h2>
      <p className="preserve-lines">{report.shortcomings}</p>
      <h2>{t('unitReports.measures')}</h2>
      <p className="preserve-lines">{report.measures || '—'}</p>
    </section>
  );
}

type ReportValues = Pick<TUnitReport, 'shortcomings' | 'measures'>;

/**
 * The unit's words, saved as a draft or submitted: submitting sends them with it, so a refused
 * submission leaves the draft as it was and the next try needs no reload.
 */
function ReportForm(props: { report: TUnitReport; onNotice: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { report, onNotice } = props;
  // Which button sent the form: both send the same words.
  const intent = useRef<'save' | 'submit'>('save');
  const { form, errors, formError, busy, onSubmit } = useServerForm<ReportValues, TUnitReport>({
    defaultValues: { shortcomings: report.shortcomings, measures: report.measures },
    fields: ['shortcomings', 'measures'],
    send: (values) => {
      const body = { ...values, version: report.version };
      return intent.current === 'submit'
        ? api.post(`/unit-reports/${report.id}/submit`, body)
        : api.put(`/unit-reports/${report.id}`, body);
    },
    onSaved: (next) => {
      onNotice({
        kind: 'done',
        text: t(next.state === 'submitted' ? 'unitReports.submittedNotice' : 'unitReports.saved'),
      });
      queryClient.setQueryData(['unit-report', next.id], next);
      return queryClient.invalidateQueries({ queryKey: ['unit-reports'] });
    },
    onConflict: () => {
      onNotice({ kind: 'conflict' });
      return queryClient.invalidateQueries({ queryKey: ['unit-report', report.id] });
    },
  });
  return (
    <form
      onSubmit={(event) => {
        onNotice(null);
        onSubmit(event);
      }}
      noValidate
    >
      <FormError message={formError} />
      <Field
        label={t('unitReports.shortcomings')}
        hint={t('unitReports.shortcomingsHint')}
        required
        error={errors.shortcomings?.message}
      >
        <textarea rows={6} {...form.register('shortcomings')} />
      </Field>
      <Field label={t('unitReports.measures')} error={errors.measures?.message}>
        <textarea rows={6} {...form.register('measures')} />
      </Field>
      <div className="form-actions">
        <button
          type="submit"
          className="button-primary"
          disabled={busy}
          onClick={() => (intent.current = 'submit')}
        >
          {t('unitReports.submit')}
        </button>
        <button
          type="submit"
          className="button-secondary"
          disabled={busy}
          onClick={() => (intent.current = 'save')}
        >
          {t('unitReports.save')}
        </button>
      </div>
    </form>
  );
}
