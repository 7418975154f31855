import { useMutation } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TQcItem, TStratumSummary } from '../../../contracts/cati.contracts';
import { ProblemError } from '../../api/client';
import {
  drawQc,
  recordVerdict,
  uploadSample,
  useCatiSummary,
  useQcList,
  useReloadCati,
} from '../../api/cati';
import { useWave } from '../../api/surveys';
import { DataTable, type Column } from '../../ui/DataTable';
import { Field, FieldSet } from '../../ui/Field';
import { formatCount, formatDateTime } from '../../ui/format';
import { EmptyState, ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { currentLanguage } from '../../i18n/i18n';

const percent = (rate: number | null) =>
  rate === null
    ? '—'
    : new Intl.NumberFormat(currentLanguage() === 'lv' ? 'lv-LV' : 'en-GB', {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(rate);

/**
 * A wave's telephone interviews for the one who runs the survey: the sample added from a file,
 * the fieldwork per stratum (response rate, refusals and their reasons), and the quality
 * control of completed interviews.
 */
export function WaveCatiPage() {
  const { t } = useTranslation();
  const waveId = useParams().waveId ?? '';
  const wave = useWave(waveId);
  const title = wave.data
    ? t('cati.wave.title', { survey: wave.data.surveyTitle, wave: wave.data.name })
    : t('cati.wave.titleShort');
  return (
    <>
      <PageHeader title={title} intro={t('cati.wave.intro')} />
      {wave.data && (
        <p>
          <Link to={`/surveys/${wave.data.surveyId}`}>{t('cati.wave.backToSurvey')}</Link>
        </p>
      )}
      <SampleUpload waveId={waveId} />
      <Summary waveId={waveId} />
      <QualityControl waveId={waveId} />
    </>
  );
}

function SampleUpload(props: { waveId: string }) {
  const { t } = useTranslation();
  const reload = useReloadCati();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadSample(props.waveId, chosen),
    onSuccess: () => reload(),
  });
  const problems = upload.error instanceof ProblemError ? (upload.error.problem.errors ?? []) : [];
  /** "lines.7.phone" → "7. rinda, kolonna „phone”"; "file" → "Fails". */
  const describeField = (field: string) => {
    const [kind, line, column] = field.split('.');
    if (kind !== 'lines' || !line) return t('cati.wave.file');
    return column ? t('cati.wave.lineColumn', { line, column }) : t('cati.wave.line', { line });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };
  return (
    <section className="panel panel-wide" aria-labelledby="cati-sample">
      <h2 id="cati-sample">{t('cati.wave.sample')}</h2>
      <p className="field-hint">{t('cati.wave.sampleHint')}</p>
      {upload.data && (
        <SuccessNotice>{t('cati.wave.added', { count: upload.data.added })}</SuccessNotice>
      )}
      {upload.error !== null && problems.length === 0 && <ErrorNotice error={upload.error} />}
      {problems.length > 0 && (
        <div className="notice notice-error" role="alert">
          <strong>{t('cati.wave.fileRefused')}</strong>
          <ul>
            {problems.map((problem) => (
              <li key={problem.field}>
                {describeField(problem.field)}: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Field label={t('cati.wave.file')} required>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </Field>
        <button type="submit" className="button-primary" disabled={!file || upload.isPending}>
          {t('cati.wave.upload')}
        </button>
      </form>
    </section>
  );
}

function Summary(props: { waveId: string }) {
  const { t } = useTranslation();
  const summary = useCatiSummary(props.waveId);
  const columns: Array<Column<TStratumSummary>> = [
    {
      key: 'stratum',
      header: t('cati.stratum'),
      render: (row) => row.stratum ?? t('cati.wave.noStratum'),
    },
    {
      key: 'planned',
      header: t('cati.wave.planned'),
      render: (row) => (row.planned === null ? '—' : formatCount(row.planned)),
    },
    { key: 'sample', header: t('cati.wave.sampleSize'), render: (row) => formatCount(row.sample) },
    {
      key: 'attempts',
      header: t('cati.wave.attempts'),
      render: (row) => formatCount(row.attempts),
    },
    {
      key: 'completes',
      header: t('cati.wave.completes'),
      render: (row) => formatCount(row.completes),
    },
    { key: 'open', header: t('cati.wave.open'), render: (row) => formatCount(row.open) },
    {
      key: 'refusals',
      header: t('cati.wave.refusals'),
      render: (row) => (
        <>
          {t('cati.wave.refusalCounts', {
            calls: row.refusals.calls,
            soft: row.refusals.soft,
            hard: row.refusals.hard,
          })}
          {row.refusals.reasons.length > 0 && (
            <ul className="plain-list">
              {row.refusals.reasons.map((item) => (
                <li key={item.reason}>
                  {t(`cati.reasons.${item.reason}`)}: {formatCount(item.count)}
                </li>
              ))}
            </ul>
          )}
        </>
      ),
    },
    {
      key: 'notEligible',
      header: t('cati.wave.notEligible'),
      render: (row) => formatCount(row.notEligible),
    },
    {
      key: 'rate',
      header: t('cati.wave.responseRate'),
      render: (row) => percent(row.responseRate),
    },
    {
      key: 'dispositions',
      header: t('cati.wave.dispositions'),
      render: (row) =>
        Object.entries(row.dispositions)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([code, count]) => `${code}: ${count}`)
          .join(', ') || '—',
    },
  ];
  return (
    <section className="panel panel-wide" aria-labelledby="cati-summary">
      <h2 id="cati-summary">{t('cati.wave.summary')}</h2>
      <p className="field-hint">{t('cati.wave.summaryHint')}</p>
      {summary.isPending && <Loading />}
      {summary.isError && <ErrorNotice error={summary.error} />}
      {summary.data &&
        (summary.data.total.sample === 0 ? (
          <EmptyState title={t('cati.wave.noSample')} />
        ) : (
          <DataTable
            caption={t('cati.wave.summary')}
            columns={columns}
            rows={[
              ...summary.data.strata,
              { ...summary.data.total, stratum: t('cati.wave.total') },
            ]}
            rowKey={(row) => row.stratum ?? ''}
          />
        ))}
    </section>
  );
}

function QualityControl(props: { waveId: string }) {
  const { t } = useTranslation();
  const list = useQcList(props.waveId);
  const reload = useReloadCati();
  const draw = useMutation({ mutationFn: () => drawQc(props.waveId), onSettled: () => reload() });
  return (
    <section className="panel panel-wide" aria-labelledby="cati-qc">
      <h2 id="cati-qc">{t('cati.qc.title')}</h2>
      <p className="field-hint">
        {t('cati.qc.intro', {
          percent: percent(list.data?.fraction ?? 0.1),
          completes: list.data?.completes ?? 0,
        })}
      </p>
      {draw.data && (
        <SuccessNotice>
          {t('cati.qc.drawn', { count: draw.data.drawn, total: draw.data.total })}
        </SuccessNotice>
      )}
      {draw.error && <ErrorNotice error={draw.error} />}
      <button
        type="button"
        className="button-primary"
        disabled={draw.isPending}
        onClick={() => draw.mutate()}
      >
        {t('cati.qc.draw')}
      </button>
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <EmptyState title={t('cati.qc.none')} />
        ) : (
          <ul className="plain-list">
            {list.data.items.map((item) => (
              <li key={item.responseId}>
                <QcEntry waveId={props.waveId} item={item} />
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** One interview drawn: who, what was answered, and the listener's verdict. */
function QcEntry(props: { waveId: string; item: TQcItem }) {
  const { t } = useTranslation();
  const { item } = props;
  const reload = useReloadCati();
  const [verdict, setVerdict] = useState(item.verdict ?? 'pass');
  const [feedback, setFeedback] = useState(item.feedback ?? '');
  const save = useMutation({
    mutationFn: () =>
      recordVerdict(props.waveId, item.responseId, {
        verdict,
        ...(feedback.trim() ? { feedback: feedback.trim() } : {}),
      }),
    onSuccess: () => reload(),
  });
  const error = save.error instanceof ProblemError ? save.error : null;
  const headingId = `qc-${item.responseId}`;
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId}>
        {item.respondent ?? t('cati.qc.respondent')} · {item.stratum ?? t('cati.wave.noStratum')}
      </h3>
      <dl className="facts">
        <dt>{t('cati.qc.interviewer')}</dt>
        <dd>{item.interviewer?.name ?? '—'}</dd>
        <dt>{t('cati.qc.completedAt')}</dt>
        <dd>{item.completedAt ? formatDateTime(item.completedAt) : '—'}</dd>
        <dt>{t('cati.qc.verdict')}</dt>
        <dd>
          {item.verdict ? t(`cati.qc.verdicts.${item.verdict}`) : t('cati.qc.notChecked')}
          {item.checkedBy &&
            item.checkedAt &&
            ` · ${item.checkedBy.name}, ${formatDateTime(item.checkedAt)}`}
        </dd>
      </dl>
      <details>
        <summary>{t('cati.qc.answers')}</summary>
        <dl className="facts">
          {Object.entries(item.answers).map(([column, answer]) => (
            <Fragment key={column}>
              <dt>{column}</dt>
              <dd>{answer}</dd>
            </Fragment>
          ))}
        </dl>
      </details>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        {save.error !== null && !error?.fieldMessage('feedback') && (
          <ErrorNotice error={save.error} />
        )}
        {save.isSuccess && <SuccessNotice>{t('common.saved')}</SuccessNotice>}
        <FieldSet legend={t('cati.qc.verdict')}>
          {(['pass', 'remarks', 'fail'] as const).map((option) => (
            <label key={option} className="check-row">
              <input
                type="radio"
                name={`verdict-${item.responseId}`}
                value={option}
                checked={verdict === option}
                onChange={() => setVerdict(option)}
              />
              {t(`cati.qc.verdicts.${option}`)}
            </label>
          ))}
        </FieldSet>
        <Field
          label={t('cati.qc.feedback')}
          required={verdict !== 'pass'}
          error={error?.fieldMessage('feedback')}
        >
          <textarea
            rows={2}
            value={feedback}
            onChange={(event) => setFeedback(event.target.value)}
          />
        </Field>
        <button type="submit" className="button-secondary" disabled={save.isPending}>
          {t('cati.qc.save')}
        </button>
      </form>
    </article>
  );
}
