import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDecimal } from '../../../charts/layout';
import { quadrantName, surveyFigures } from '../../../charts/survey-figures';
import type { TSurveyAnalysis, TSurveyDetail } from '../../../contracts/surveys.contracts';
import type { Quadrant } from '../../../domain/survey-stats';
import { updateSurvey, useReloadSurveys, useSurvey, useSurveyAnalysis } from '../../api/surveys';
import { useSession } from '../../app/session';
import { currentLanguage } from '../../i18n/i18n';
import { Field, FieldSet } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { formatCount } from '../../ui/format';
import { EmptyState, ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { useServerForm } from '../../ui/server-form';
import { SvgChart } from '../../ui/SvgChart';
import { FigureContents, FigureGroupView } from './FigureGroupView';

const QUADRANTS: Quadrant[] = ['improve', 'strengthen', 'keep', 'watch'];

/**
 * A survey's results: counts, means and changes per factor, the answer distributions and the
 * importance–satisfaction map, for any wave, pooled border waves and stratum. The charts are the
 * same code the PDF report draws on the server.
 */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const survey = useSurvey(id);
  const query = {
    mapWave: params.get('mapWave') ?? undefined,
    borderWaves: params.get('borderWaves') ?? undefined,
    stratum: params.get('stratum') ?? undefined,
  };
  const analysis = useSurveyAnalysis(id, query);
  if (survey.isPending || analysis.isPending) return <Loading />;
  if (survey.isError)
    return <ErrorNotice error={survey.error} onRetry={() => void survey.refetch()} />;
  if (analysis.isError)
    return <ErrorNotice error={analysis.error} onRetry={() => void analysis.refetch()} />;
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader
        title={t('surveys.resultsOf', { title: survey.data.title })}
        actions={
          <Link className="button-secondary" to={`/surveys/${id}`}>
            {t('surveys.backToSurvey')}
          </Link>
        }
      />
      <Controls analysis={analysis.data} onChange={set} />
      {analysis.data.map === null && analysis.data.factors.length === 0 ? (
        <EmptyState title={t('surveys.noAnswers')} hint={t('surveys.noAnswersHint')} />
      ) : (
        <Results survey={survey.data} analysis={analysis.data} />
      )}
      <QuadrantLabelsForm survey={survey.data} />
    </>
  );
}

function Controls(props: {
  analysis: TSurveyAnalysis;
  onChange: (changes: Record<string, string | null>) => void;
}) {
  const { t } = useTranslation();
  const { analysis } = props;
  const mapWave = analysis.map?.wave ?? '';
  const borders = new Set(analysis.map?.borderWaves ?? []);
  const answered = Object.keys(analysis.responses);
  return (
    <form
      className="inline-form"
      aria-label={t('surveys.resultControls')}
      onSubmit={(e) => e.preventDefault()}
    >
      <Field label={t('surveys.mapWave')} filter>
        <select
          value={mapWave}
          onChange={(event) => props.onChange({ mapWave: event.target.value, borderWaves: null })}
        >
          {analysis.waves
            .filter((wave) => answered.includes(wave))
            .map((wave) => (
              <option key={wave} value={wave}>
                {wave}
              </option>
            ))}
        </select>
      </Field>
      <FieldSet legend={t('surveys.borderWaves')}>
        {analysis.waves
          .filter((wave) => answered.includes(wave))
          .map((wave) => (
            <label key={wave} className="checkbox-inline">
              <input
                type="checkbox"
                checked={borders.has(wave)}
                onChange={(event) => {
                  const next = new Set(borders);
                  if (event.target.checked) next.add(wave);
                  else next.delete(wave);
                  if (next.size > 0) props.onChange({ borderWaves: [...next].join(',') });
                }}
              />{' '}
              {wave}
            </label>
          ))}
      </FieldSet>
      <Field label={t('surveys.stratum')} filter>
        <select
          value={analysis.stratum ?? ''}
          onChange={(event) => props.onChange({ stratum: event.target.value })}
        >
          <option value="">{t('surveys.allStrata')}</option>
          {analysis.strata.map((stratum) => (
            <option key={stratum} value={stratum}>
              {stratum}
            </option>
          ))}
        </select>
      </Field>
    </form>
  );
}

function Results(props: { survey: TSurveyDetail; analysis: TSurveyAnalysis }) {
  const { t } = useTranslation();
  const language = currentLanguage() === 'en' ? 'en' : 'lv';
  const { survey, analysis } = props;
  const wave = analysis.map?.wave ?? analysis.factors.at(-1)?.wave ?? '';
  const figures = surveyFigures({
    analysis,
    questionnaire: survey.questionnaire.definition,
    wave,
    language,
    quadrantLabels: survey.quadrantLabels,
    idPrefix: 'results',
  });
  return (
    <>
      <p>
        {Object.entries(analysis.responses)
          .map(([name, count]) =>
            t('surveys.responsesInWave', { wave: name, count: formatCount(count) }),
          )
          .join(' · ')}
        {analysis.stratum && ` · ${t('surveys.onlyStratum', { stratum: analysis.stratum })}`}
      </p>
      <FigureContents
        entries={[
          ...figures.groups.map((group, index) => ({
            id: `results-group-${index}`,
            title: group.title,
          })),
          ...(analysis.map && figures.map ? [{ id: 'results-map', title: t('surveys.map') }] : []),
        ]}
      />
      {figures.groups.map((group, index) => (
        <FigureGroupView
          key={group.title}
          anchor={`results-group-${index}`}
          group={group}
          wave={wave}
          language={language}
        />
      ))}
      {analysis.map && figures.map && (
        <section id="results-map" aria-labelledby="map-heading" className="survey-figure">
          <h2 id="map-heading">{t('surveys.map')}</h2>
          <p className="muted">
            {t('surveys.mapBorders', {
              waves: analysis.map.borderWaves.join(', '),
              importance:
                analysis.map.borders.importance === null
                  ? '—'
                  : formatDecimal(analysis.map.borders.importance, language),
              satisfaction:
                analysis.map.borders.satisfaction === null
                  ? '—'
                  : formatDecimal(analysis.map.borders.satisfaction, language),
            })}
          </p>
          <SvgChart chart={figures.map} className="survey-chart" />
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t('surveys.mapTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('surveys.factor')}</th>
                  <th scope="col">{t('surveys.importance')}</th>
                  <th scope="col">{t('surveys.satisfaction')}</th>
                  <th scope="col">{t('surveys.quadrant')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {analysis.map.points.map((point) => (
                  <tr key={point.factor}>
                    <th scope="row">{figures.labelOf(point.factor)}</th>
                    <td className="cell-number">{formatDecimal(point.importance, language)}</td>
                    <td className="cell-number">{formatDecimal(point.satisfaction, language)}</td>
                    <td>{quadrantName(point.quadrant, language, survey.quadrantLabels)}</td>
                    <td>
                      <TaskForFactor survey={survey} waveName={wave} factor={point.factor}>
                        {figures.labelOf(point.factor)}
                      </TaskForFactor>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}

/** Opens the improvement task form with this factor of the map as its basis (clause 30). */
function TaskForFactor(props: {
  survey: TSurveyDetail;
  waveName: string;
  factor: string;
  children: string;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  if (!can('improvements.manage')) return null;
  const waveId = props.survey.waves.find((wave) => wave.name === props.waveName)?.id;
  const basis = new URLSearchParams({ surveyId: props.survey.id, surveyFactor: props.factor });
  if (waveId) basis.set('surveyWaveId', waveId);
  return (
    <Link to={`/quality/improvements/new?${basis.toString()}`}>
      {t('improvements.createForFactor')}
      <span className="visually-hidden">: {props.children}</span>
    </Link>
  );
}

type LabelValues = Record<`${Quadrant}Lv` | `${Quadrant}En`, string>;

/** The quadrants' names are the analyst's to change (e.g. to the organisation's own words). */
function QuadrantLabelsForm(props: { survey: TSurveyDetail }) {
  const { t } = useTranslation();
  const reload = useReloadSurveys();
  const { survey } = props;
  const [saved, setSaved] = useState(false);
  const defaults = Object.fromEntries(
    QUADRANTS.flatMap((quadrant) => [
      [`${quadrant}Lv`, quadrantName(quadrant, 'lv', survey.quadrantLabels)],
      [`${quadrant}En`, quadrantName(quadrant, 'en', survey.quadrantLabels)],
    ]),
  ) as LabelValues;
  const { form, formError, busy, onSubmit } = useServerForm<LabelValues>({
    defaultValues: defaults,
    fields: [],
    send: (values) =>
      updateSurvey(survey.id, {
        quadrantLabels: Object.fromEntries(
          QUADRANTS.map((quadrant) => [
            quadrant,
            { lv: values[`${quadrant}Lv`], en: values[`${quadrant}En`] },
          ]),
        ),
        version: survey.version,
      }),
    onSaved: async () => {
      setSaved(true);
      await reload();
    },
    onConflict: reload,
  });
  return (
    <details className="survey-labels">
      <summary>{t('surveys.quadrantLabels')}</summary>
      {saved && <SuccessNotice>{t('common.saved')}</SuccessNotice>}
      <form onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
        {QUADRANTS.map((quadrant) => (
          <div className="form-row" key={quadrant}>
            <Field label={t(`surveys.quadrants.${quadrant}`)} required>
              <input type="text" {...form.register(`${quadrant}Lv`)} />
            </Field>
            <Field label={`${t(`surveys.quadrants.${quadrant}`)} (English)`}>
              <input type="text" lang="en" {...form.register(`${quadrant}En`)} />
            </Field>
          </div>
        ))}
        <button type="submit" className="button-primary" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
    </details>
  );
}
