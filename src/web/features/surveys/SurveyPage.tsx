import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type {
  TImportResult,
  TSurveyDetail,
  TWaveDetail,
  TWaveSummary,
} from '../../../contracts/surveys.contracts';
import { ProblemError } from '../../api/client';
import {
  answersExportUrl,
  createWave,
  importAnswers,
  useReloadSurveys,
  useSurvey,
} from '../../api/surveys';
import { currentLanguage } from '../../i18n/i18n';
import { DataTable, type Column } from '../../ui/DataTable';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { formatCount, formatDate } from '../../ui/format';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { problemText } from '../../ui/Notice';
import { useServerForm } from '../../ui/server-form';

/** A survey: its questionnaire, its waves, answers in and out, and the way to its results. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const survey = useSurvey(id);
  if (survey.isPending) return <Loading />;
  if (survey.isError)
    return <ErrorNotice error={survey.error} onRetry={() => void survey.refetch()} />;
  const data = survey.data;
  return (
    <>
      <PageHeader
        title={data.title}
        intro={data.description || t(`surveys.kinds.${data.kind}`)}
        actions={
          <>
            <Link className="button-secondary" to={`/surveys/${data.id}/questionnaire`}>
              {t('surveys.questionnaire')}
            </Link>
            <Link className="button-secondary" to={`/surveys/${data.id}/reports`}>
              {t('surveys.reports')}
            </Link>
            <Link className="button-primary" to={`/surveys/${data.id}/results`}>
              {t('surveys.results')}
            </Link>
          </>
        }
      />
      <p>
        {t('surveys.questionnaireVersion', {
          number: data.questionnaire.number,
          questions: data.questionnaire.definition.sections.reduce(
            (sum, section) => sum + section.questions.length,
            0,
          ),
        })}{' '}
        {data.questionnaire.frozen ? t('surveys.frozen') : t('surveys.notFrozen')}
      </p>
      <WavesSection survey={data} />
      <ImportSection survey={data} />
      <ExportSection survey={data} />
    </>
  );
}

function WavesSection(props: { survey: TSurveyDetail }) {
  const { t } = useTranslation();
  const { survey } = props;
  const columns: Array<Column<TWaveSummary>> = [
    {
      key: 'name',
      header: t('surveys.wave'),
      render: (wave) => <Link to={`/surveys/waves/${wave.id}`}>{wave.name}</Link>,
    },
    {
      key: 'state',
      header: t('surveys.state'),
      render: (wave) => t(`surveys.states.${wave.state}`),
    },
    {
      key: 'version',
      header: t('surveys.version'),
      render: (wave) => wave.questionnaireVersion,
    },
    {
      key: 'fieldwork',
      header: t('surveys.fieldwork'),
      render: (wave) =>
        wave.fieldworkStart
          ? `${formatDate(wave.fieldworkStart)} – ${wave.fieldworkEnd ? formatDate(wave.fieldworkEnd) : '…'}`
          : '—',
    },
    {
      key: 'responses',
      header: t('surveys.responses'),
      className: 'cell-number',
      render: (wave) => formatCount(wave.responses),
    },
  ];
  return (
    <section aria-labelledby="waves-heading">
      <h2 id="waves-heading">{t('surveys.waves')}</h2>
      {survey.waves.length === 0 ? (
        <p className="muted">{t('surveys.noWaves')}</p>
      ) : (
        <DataTable
          caption={t('surveys.waves')}
          columns={columns}
          rows={survey.waves}
          rowKey={(wave) => wave.id}
        />
      )}
      <NewWaveForm surveyId={survey.id} />
    </section>
  );
}

interface WaveValues {
  name: string;
  fieldworkStart: string;
  fieldworkEnd: string;
}

function NewWaveForm(props: { surveyId: string }) {
  const { t } = useTranslation();
  const reload = useReloadSurveys();
  const [saved, setSaved] = useState<string | null>(null);
  const { form, errors, formError, busy, onSubmit } = useServerForm<WaveValues, TWaveDetail>({
    defaultValues: { name: '', fieldworkStart: '', fieldworkEnd: '' },
    fields: ['name', 'fieldworkStart', 'fieldworkEnd'],
    send: (values) =>
      createWave(props.surveyId, {
        name: values.name,
        fieldworkStart: values.fieldworkStart || null,
        fieldworkEnd: values.fieldworkEnd || null,
      }),
    onSaved: async (wave) => {
      setSaved(t('surveys.waveCreated', { name: wave.name }));
      await reload();
    },
    resetOnSave: true,
  });
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate aria-labelledby="new-wave">
      <h3 id="new-wave">{t('surveys.newWave')}</h3>
      {saved && <SuccessNotice>{saved}</SuccessNotice>}
      <FormError message={formError} />
      <div className="form-row">
        <Field
          label={t('surveys.waveName')}
          error={errors.name?.message}
          hint={t('surveys.waveNameHint')}
          required
        >
          <input type="text" {...form.register('name')} />
        </Field>
        <Field label={t('surveys.fieldworkStart')} error={errors.fieldworkStart?.message}>
          <input type="date" {...form.register('fieldworkStart')} />
        </Field>
        <Field label={t('surveys.fieldworkEnd')} error={errors.fieldworkEnd?.message}>
          <input type="date" {...form.register('fieldworkEnd')} />
        </Field>
      </div>
      <button type="submit" className="button-primary" disabled={busy}>
        {t('surveys.createWave')}
      </button>
    </form>
  );
}

/** A fieldwork contractor's file in: all of it, or nothing with the line and column to fix. */
function ImportSection(props: { survey: TSurveyDetail }) {
  const { t } = useTranslation();
  const reload = useReloadSurveys();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<TImportResult | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => importAnswers(props.survey.id, file),
    onSuccess: async (imported) => {
      setResult(imported);
      if (input.current) input.current.value = '';
      await reload();
    },
    onMutate: () => setResult(null),
  });
  const error = upload.error;
  const message =
    error instanceof ProblemError
      ? (error.fieldMessage('file') ?? problemText(error, t('errors.network')))
      : error
        ? problemText(error, t('errors.network'))
        : null;
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('surveys.import')}</h2>
      <p className="muted">{t('surveys.importHint')}</p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const file = input.current?.files?.[0];
          if (file) upload.mutate(file);
        }}
      >
        <div className="field">
          <label htmlFor={fileId}>{t('surveys.importFile')}</label>
          <input
            id={fileId}
            ref={input}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={message ? `${fileId}-error` : undefined}
          />
        </div>
        <button type="submit" className="button-primary" disabled={upload.isPending}>
          {upload.isPending ? t('surveys.importing') : t('surveys.importSubmit')}
        </button>
      </form>
      {message && (
        <div id={`${fileId}-error`} className="notice notice-error" role="alert">
          {message}
        </div>
      )}
      {result && (
        <SuccessNotice>
          {t('surveys.imported', { count: result.imported })}{' '}
          {result.waves
            .map((wave) =>
              t(wave.created ? 'surveys.importedNewWave' : 'surveys.importedWave', {
                name: wave.name,
                count: wave.respondents,
              }),
            )
            .join('; ')}
        </SuccessNotice>
      )}
    </section>
  );
}

function ExportSection(props: { survey: TSurveyDetail }) {
  const { t } = useTranslation();
  const [wave, setWave] = useState('');
  const waveId = useId();
  const language = currentLanguage() === 'en' ? 'en' : 'lv';
  const url = (format: 'csv' | 'xlsx' | 'spss' | 'sps') =>
    answersExportUrl(props.survey.id, format, language, wave || undefined);
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t('surveys.export')}</h2>
      <div className="field">
        <label htmlFor={waveId}>{t('surveys.wave')}</label>
        <select id={waveId} value={wave} onChange={(event) => setWave(event.target.value)}>
          <option value="">{t('surveys.allWaves')}</option>
          {props.survey.waves.map((item) => (
            <option key={item.id} value={item.name}>
              {item.name}
            </option>
          ))}
        </select>
      </div>
      <ul className="link-list">
        <li>
          <a href={url('csv')} download>
            {t('surveys.exportCsv')}
          </a>
        </li>
        <li>
          <a href={url('xlsx')} download>
            {t('surveys.exportXlsx')}
          </a>
        </li>
        <li>
          <a href={url('spss')} download>
            {t('surveys.exportSpss')}
          </a>{' '}
          ·{' '}
          <a href={url('sps')} download>
            {t('surveys.exportSps')}
          </a>
        </li>
      </ul>
    </section>
  );
}
