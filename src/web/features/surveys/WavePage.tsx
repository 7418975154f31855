import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TWaveDetail } from '../../../contracts/surveys.contracts';
import { saveSamplePlan, updateWave, useReloadSurveys, useWave } from '../../api/surveys';
import { Field, FieldSet } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { formatCount, formatDate } from '../../ui/format';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { useServerForm } from '../../ui/server-form';
import { currentLanguage } from '../../i18n/i18n';
import { InvitationsPanel } from './InvitationsPanel';

/** A wave: when and how it collects answers, its sample plan, and its answers so far. */
export function WavePage() {
  const { t } = useTranslation();
  const { waveId = '' } = useParams();
  const wave = useWave(waveId);
  if (wave.isPending) return <Loading />;
  if (wave.isError) return <ErrorNotice error={wave.error} onRetry={() => void wave.refetch()} />;
  const data = wave.data;
  return (
    <>
      <PageHeader
        title={t('surveys.waveTitle', { survey: data.surveyTitle, name: data.name })}
        intro={t(`surveys.states.${data.state}`)}
        actions={
          <>
            <Link className="button-secondary" to={`/surveys/${data.surveyId}`}>
              {t('surveys.backToSurvey')}
            </Link>
            <Link className="button-secondary" to={`/surveys/waves/${data.id}/cati`}>
              {t('surveys.cati')}
            </Link>
          </>
        }
      />
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t('surveys.answersBySource')}</h2>
        <ul>
          {(['web', 'cati', 'import'] as const).map((source) => {
            const entry = data.bySource.find((item) => item.source === source);
            return (
              <li key={source}>
                {t(`surveys.sources.${source}`)}: {formatCount(entry?.complete ?? 0)}{' '}
                {t('surveys.complete')}
                {entry && entry.inProgress > 0
                  ? `, ${formatCount(entry.inProgress)} ${t('surveys.inProgress')}`
                  : ''}
              </li>
            );
          })}
        </ul>
        {data.publicPath && (
          <p>
            {t('surveys.publicLink')}:{' '}
            <a href={data.publicPath} target="_blank" rel="noreferrer">
              {`${window.location.origin}${data.publicPath}`}
            </a>
          </p>
        )}
      </section>
      {data.state === 'closed' ? (
        <ReopenWave key={data.version} wave={data} />
      ) : (
        <WaveSettings key={data.version} wave={data} />
      )}
      <SamplePlanForm key={`${data.plan?.version ?? 0}-${data.state}`} wave={data} />
      <InvitationsPanel waveId={data.id} />
    </>
  );
}

interface SettingsValues {
  state: TWaveDetail['state'];
  publicLink: boolean;
  fieldworkStart: string;
  fieldworkEnd: string;
  noAnswerHours: string;
  busyHours: string;
  softRefusalDays: string;
  maxAttempts: string;
  qcPercent: string;
}

const HOUR = 60;
const DAY = 24 * HOUR;
/** Minutes as the hours or days a person enters, without trailing zeros ("0.5", "3"). */
const inUnits = (minutes: number, unit: number) => String(Math.round((minutes / unit) * 100) / 100);
/** The same, as the language writes it ("0,5" in Latvian). */
const shownInUnits = (minutes: number, unit: number) =>
  new Intl.NumberFormat(currentLanguage() === 'lv' ? 'lv-LV' : 'en-GB', {
    maximumFractionDigits: 2,
  }).format(minutes / unit);
const toMinutes = (value: string, unit: number) => Math.round(Number(value) * unit);

function WaveSettings(props: { wave: TWaveDetail }) {
  const { t } = useTranslation();
  const reload = useReloadSurveys();
  const { wave } = props;
  const [saved, setSaved] = useState(false);
  const { form, errors, formError, busy, onSubmit } = useServerForm<SettingsValues>({
    defaultValues: {
      state: wave.state,
      publicLink: wave.publicPath !== null,
      fieldworkStart: wave.fieldworkStart ?? '',
      fieldworkEnd: wave.fieldworkEnd ?? '',
      noAnswerHours: inUnits(wave.retryRules.noAnswerMinutes, HOUR),
      busyHours: inUnits(wave.retryRules.busyMinutes, HOUR),
      softRefusalDays: inUnits(wave.retryRules.softRefusalMinutes, DAY),
      maxAttempts: String(wave.retryRules.maxAttempts),
      qcPercent: String(Math.round(wave.qcFraction * 1000) / 10),
    },
    fields: {
      state: 'state',
      publicLink: 'publicLink',
      fieldworkStart: 'fieldworkStart',
      fieldworkEnd: 'fieldworkEnd',
      'retryRules.noAnswerMinutes': 'noAnswerHours',
      'retryRules.busyMinutes': 'busyHours',
      'retryRules.softRefusalMinutes': 'softRefusalDays',
      'retryRules.maxAttempts': 'maxAttempts',
      qcFraction: 'qcPercent',
    },
    send: (values) =>
      updateWave(wave.id, {
        state: values.state,
        publicLink: values.publicLink,
        fieldworkStart: values.fieldworkStart || null,
        fieldworkEnd: values.fieldworkEnd || null,
        retryRules: {
          noAnswerMinutes: toMinutes(values.noAnswerHours, HOUR),
          busyMinutes: toMinutes(values.busyHours, HOUR),
          softRefusalMinutes: toMinutes(values.softRefusalDays, DAY),
          maxAttempts: Number(values.maxAttempts),
        },
        qcFraction: Number(values.qcPercent) / 100,
        version: wave.version,
      }),
    onSaved: async () => {
      setSaved(true);
      await reload();
    },
    onConflict: reload,
  });
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('surveys.settings')}</h2>
      {saved && <SuccessNotice>{t('common.saved')}</SuccessNotice>}
      <form onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
        <div className="form-row">
          <Field label={t('surveys.state')} error={errors.state?.message} required>
            <select {...form.register('state')}>
              {(['draft', 'open', 'closed'] as const).map((state) => (
                <option key={state} value={state}>
                  {t(`surveys.states.${state}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('surveys.fieldworkStart')} error={errors.fieldworkStart?.message}>
            <input type="date" {...form.register('fieldworkStart')} />
          </Field>
          <Field label={t('surveys.fieldworkEnd')} error={errors.fieldworkEnd?.message}>
            <input type="date" {...form.register('fieldworkEnd')} />
          </Field>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" {...form.register('publicLink')} /> {t('surveys.publicLinkOn')}
          </label>
        </div>
        <FieldSet legend={t('surveys.retryRules')}>
          <div className="form-row">
            <Field
              label={t('surveys.noAnswerHours')}
              error={errors.noAnswerHours?.message}
              required
            >
              <input type="number" min={0.25} step={0.25} {...form.register('noAnswerHours')} />
            </Field>
            <Field label={t('surveys.busyHours')} error={errors.busyHours?.message} required>
              <input type="number" min={0.25} step={0.25} {...form.register('busyHours')} />
            </Field>
            <Field
              label={t('surveys.softRefusalDays')}
              error={errors.softRefusalDays?.message}
              required
            >
              <input type="number" min={0.5} step={0.5} {...form.register('softRefusalDays')} />
            </Field>
            <Field label={t('surveys.maxAttempts')} error={errors.maxAttempts?.message} required>
              <input type="number" min={1} {...form.register('maxAttempts')} />
            </Field>
          </div>
        </FieldSet>
        <Field label={t('surveys.qcPercent')} error={errors.qcPercent?.message} required>
          <input type="number" min={1} max={100} step={0.1} {...form.register('qcPercent')} />
        </Field>
        <button type="submit" className="button-primary" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}

/**
 * A closed wave's settings, as they stand: its figures are what its reports rest on, so it
 * changes only once reopened, with the reason recorded in the audit log.
 */
function ReopenWave(props: { wave: TWaveDetail }) {
  const { t } = useTranslation();
  const reload = useReloadSurveys();
  const { wave } = props;
  const { retryRules } = wave;
  const { form, errors, formError, busy, onSubmit } = useServerForm<{ reopenReason: string }>({
    defaultValues: { reopenReason: '' },
    fields: ['reopenReason'],
    send: (values) =>
      updateWave(wave.id, {
        state: 'open',
        reopenReason: values.reopenReason,
        version: wave.version,
      }),
    onSaved: reload,
    onConflict: reload,
  });
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('surveys.settings')}</h2>
      <p>{t('surveys.closedReadOnly')}</p>
      <dl className="facts">
        <dt>{t('surveys.fieldworkStart')}</dt>
        <dd>{wave.fieldworkStart ? formatDate(wave.fieldworkStart) : '—'}</dd>
        <dt>{t('surveys.fieldworkEnd')}</dt>
        <dd>{wave.fieldworkEnd ? formatDate(wave.fieldworkEnd) : '—'}</dd>
        <dt>{t('surveys.noAnswerHours')}</dt>
        <dd>{shownInUnits(retryRules.noAnswerMinutes, HOUR)}</dd>
        <dt>{t('surveys.busyHours')}</dt>
        <dd>{shownInUnits(retryRules.busyMinutes, HOUR)}</dd>
        <dt>{t('surveys.softRefusalDays')}</dt>
        <dd>{shownInUnits(retryRules.softRefusalMinutes, DAY)}</dd>
        <dt>{t('surveys.maxAttempts')}</dt>
        <dd>{retryRules.maxAttempts}</dd>
        <dt>{t('surveys.qcPercent')}</dt>
        <dd>{shownInUnits(wave.qcFraction * 100, 1)}</dd>
      </dl>
      <h3>{t('surveys.reopen')}</h3>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
        <Field
          label={t('surveys.reopenReason')}
          hint={t('surveys.reopenHint')}
          error={errors.reopenReason?.message}
          required
        >
          <textarea rows={2} {...form.register('reopenReason')} />
        </Field>
        <button type="submit" className="button-secondary" disabled={busy}>
          {t('surveys.reopen')}
        </button>
      </form>
    </section>
  );
}

interface PlanValues {
  total: string;
  minPerStratum: string;
  perUnitCap: string;
  strata: Array<{ name: string; size: string; max: string }>;
}

/** Strata with their sizes; the server allocates the total in proportion (largest remainders). */
function SamplePlanForm(props: { wave: TWaveDetail }) {
  const { t } = useTranslation();
  const reload = useReloadSurveys();
  const plan = props.wave.plan;
  const closed = props.wave.state === 'closed';
  const { form, errors, formError, busy, onSubmit } = useServerForm<PlanValues>({
    defaultValues: {
      total: plan ? String(plan.total) : '',
      minPerStratum: plan && plan.minPerStratum !== null ? String(plan.minPerStratum) : '',
      perUnitCap: plan && plan.perUnitCap !== null ? String(plan.perUnitCap) : '',
      strata: plan
        ? plan.strata.map((stratum) => ({
            name: stratum.name,
            size: String(stratum.size),
            max: stratum.max === null ? '' : String(stratum.max),
          }))
        : [{ name: '', size: '', max: '' }],
    },
    fields: ['total', 'minPerStratum', 'perUnitCap', 'strata'],
    send: (values) =>
      saveSamplePlan(props.wave.id, {
        total: Number(values.total),
        minPerStratum: values.minPerStratum === '' ? null : Number(values.minPerStratum),
        perUnitCap: values.perUnitCap === '' ? null : Number(values.perUnitCap),
        ...(plan ? { version: plan.version } : {}),
        strata: values.strata.map((stratum) => ({
          name: stratum.name,
          size: Number(stratum.size),
          max: stratum.max === '' ? null : Number(stratum.max),
        })),
      }),
    onSaved: reload,
    onConflict: reload,
  });
  const strata = useFieldArray({ control: form.control, name: 'strata' });
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('surveys.samplePlan')}</h2>
      <p className="muted">{t('surveys.samplePlanHint')}</p>
      {closed && <p>{t('surveys.planClosed')}</p>}
      <form onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
        <fieldset className="plain-fieldset" disabled={closed}>
          <div className="form-row">
            <Field label={t('surveys.total')} error={errors.total?.message} required>
              <input type="number" min={1} {...form.register('total')} />
            </Field>
            <Field label={t('surveys.minPerStratum')} error={errors.minPerStratum?.message}>
              <input type="number" min={0} {...form.register('minPerStratum')} />
            </Field>
            <Field
              label={t('surveys.perUnitCap')}
              error={errors.perUnitCap?.message}
              hint={t('surveys.perUnitCapHint')}
            >
              <input type="number" min={1} {...form.register('perUnitCap')} />
            </Field>
          </div>
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t('surveys.strata')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('surveys.stratum')}</th>
                  <th scope="col">{t('surveys.stratumSize')}</th>
                  <th scope="col">{t('surveys.stratumMax')}</th>
                  <th scope="col">{t('surveys.allocated')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {strata.fields.map((field, index) => {
                  const name = form.watch(`strata.${index}.name`);
                  return (
                    <tr key={field.id}>
                      <td>
                        <input
                          type="text"
                          aria-label={t('surveys.stratumNumber', { number: index + 1 })}
                          {...form.register(`strata.${index}.name`)}
                        />
                      </td>
                      <td>
                        <input
                          type="number"
                          min={0}
                          aria-label={t('surveys.stratumSizeOf', { number: index + 1 })}
                          {...form.register(`strata.${index}.size`)}
                        />
                      </td>
                      <td>
                        <input
                          type="number"
                          min={0}
                          aria-label={t('surveys.stratumMaxOf', { number: index + 1 })}
                          {...form.register(`strata.${index}.max`)}
                        />
                      </td>
                      <td className="cell-number">{plan?.allocation[name] ?? '—'}</td>
                      <td>
                        <button
                          type="button"
                          className="button-secondary"
                          onClick={() => strata.remove(index)}
                          disabled={strata.fields.length === 1}
                        >
                          {t('surveys.removeStratum')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button-secondary"
              onClick={() => strata.append({ name: '', size: '', max: '' })}
            >
              {t('surveys.addStratum')}
            </button>
            <button type="submit" className="button-primary" disabled={busy}>
              {t('surveys.allocate')}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
