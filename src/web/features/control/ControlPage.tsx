import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CHART_WIDTH } from '../../../charts/layout';
import { NARROW_CHART_WIDTH, onTimeChart } from '../../../charts/control';
import type { TControlAnswer } from '../../../contracts/control.contracts';
import { monthOf } from '../../../domain/control';
import { rigaDateOf } from '../../../domain/riga-time';
import { ProblemError, api } from '../../api/client';
import { ChoiceFilter } from '../../ui/Filters';
import { formatCount, formatDate } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { SvgChart } from '../../ui/SvgChart';
import { FiguresTable } from './FiguresTable';
import { KeyFigures } from './KeyFigures';
import { monthsOffered, useMonthName } from './months';

const DEFAULTS = { unitId: '', from: '', to: '' };

/** Below this width the chart is drawn narrow, so that its text stays legible on a phone. */
const NARROW = '(max-width: 40rem)';

function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(NARROW);
      query.addEventListener('change', changed);
      return () => query.removeEventListener('change', changed);
    },
    () => window.matchMedia(NARROW).matches,
  );
}

/**
 * The standard's control (clause 34) for the client service head, the deputy and the unit heads:
 * the key figures of the period, a chart of answers on time, every figure month by month in a
 * table and as CSV.
 */
export function ControlPage() {
  const { t } = useTranslation();
  const monthName = useMonthName();
  const { values, update } = useListParams(DEFAULTS);
  const control = useQuery({
    queryKey: ['control', values],
    queryFn: () => api.get('/control', values),
    placeholderData: keepPreviousData,
  });
  const csvQuery = new URLSearchParams(
    Object.entries(values).filter(([, value]) => value !== ''),
  ).toString();
  const months = monthsOffered(monthOf(rigaDateOf(new Date())));
  const monthOptions = months.map((month) => ({ value: month, label: monthName(month) }));
  const choices = control.data?.choices ?? [];
  const institutions = new Set(choices.map((unit) => unit.institutionName));
  return (
    <>
      <PageHeader title={t('control.title')} intro={t('control.intro')} />
      <div className="filters">
        <ChoiceFilter
          id="control-unit"
          label={t('control.unit')}
          value={values.unitId}
          allLabel={t('control.allUnits')}
          onChange={(unitId) => update({ unitId })}
          options={choices.map((unit) => ({
            value: unit.id,
            label: institutions.size > 1 ? `${unit.institutionName} — ${unit.name}` : unit.name,
          }))}
        />
        <ChoiceFilter
          id="control-from"
          label={t('control.from')}
          value={values.from || (control.data?.from ?? '')}
          allLabel={t('control.defaultFrom')}
          onChange={(from) => update({ from })}
          options={monthOptions}
        />
        <ChoiceFilter
          id="control-to"
          label={t('control.to')}
          value={values.to || (control.data?.to ?? '')}
          allLabel={t('control.defaultTo')}
          onChange={(to) => update({ to })}
          options={monthOptions}
        />
      </div>
      {control.isPending ? (
        <Loading />
      ) : control.isError ? (
        <>
          <ErrorNotice error={control.error} onRetry={() => void control.refetch()} />
          <FieldProblems
            error={control.error}
            labels={{ unitId: t('control.unit'), from: t('control.from'), to: t('control.to') }}
          />
        </>
      ) : (
        <>
          <KeyFigures answer={control.data} />
          <ControlFigure answer={control.data} />
          <p>
            <a href={`/api/v1/control.csv?${csvQuery}`} download>
              {t('control.downloadCsv')}
            </a>{' '}
            ·{' '}
            <a
              href={`/api/v1/control.csv?${csvQuery}${csvQuery ? '&' : ''}part=extensions`}
              download
            >
              {t('control.downloadExtensions')}
            </a>
          </p>
        </>
      )}
    </>
  );
}

/** What the server said of each filter it refused, e.g. a month still to come. */
function FieldProblems(props: { error: unknown; labels: Record<string, string> }) {
  const errors = props.error instanceof ProblemError ? (props.error.problem.errors ?? []) : [];
  if (errors.length === 0) return null;
  return (
    <ul className="control-problems">
      {errors.map((error) => (
        <li key={error.field}>
          <strong>{props.labels[error.field] ?? error.field}:</strong> {error.message}
        </li>
      ))}
    </ul>
  );
}

function ControlFigure(props: { answer: TControlAnswer }) {
  const { t } = useTranslation();
  const monthName = useMonthName();
  const narrow = useNarrowScreen();
  const { answer } = props;
  const single = answer.units.length === 1;
  const series = single
    ? answer.units.map((unit) => ({
        label: unit.name,
        values: answer.rows.filter((row) => row.unitId === unit.id).map((r) => r.onTimeShare),
      }))
    : [{ label: t('control.allUnits'), values: answer.totals.map((total) => total.onTimeShare) }];
  const chart = onTimeChart({
    title: t('control.chartTitle'),
    monthLabels: answer.months.map((month) => monthName(month, true)),
    series,
    emptyLabel: t('control.empty'),
    describe: (line, index, value) =>
      t('control.chartPoint', {
        unit: line.label,
        month: monthName(answer.months[index] ?? ''),
        share: Math.round(value * 100),
      }),
    width: narrow ? NARROW_CHART_WIDTH : CHART_WIDTH,
  });
  return (
    <div className="control-figure">
      <figure>
        <SvgChart chart={chart} />
      </figure>
      <FiguresTable
        caption={
          single
            ? t('control.tableOf', { unit: answer.units[0]?.name ?? '' })
            : t('control.tableAll', { n: answer.units.length })
        }
        // The period first: what a head reads first stays in view before the months scroll.
        columns={[
          {
            key: 'period',
            header: t('control.periodColumn'),
            figures: answer.period.figures,
            total: true,
          },
          ...answer.totals.map((total) => ({
            key: total.month,
            header: monthName(total.month, true),
            figures: total.figures,
          })),
        ]}
        note={t('control.periodNote')}
      />
      {answer.extensionCount > 0 && (
        <details className="control-extensions">
          <summary>{t('control.extensionsTitle', { n: answer.extensionCount })}</summary>
          <ul>
            {answer.extensions.map((extension) => (
              <li key={`${extension.requestId}-${extension.at}`}>
                <Link to={`/requests/${extension.requestId}`}>{extension.requestNumber}</Link>
                {t('control.extensionLine', {
                  from: formatDate(extension.fromDate),
                  to: formatDate(extension.toDate),
                  reason: extension.reason,
                })}
                {extension.inTime ? '' : ` — ${t('control.interimLate')}`}
              </li>
            ))}
          </ul>
          {answer.extensions.length < answer.extensionCount && (
            <p>
              {t('control.extensionsMore', {
                shown: formatCount(answer.extensions.length),
                n: formatCount(answer.extensionCount),
              })}
            </p>
          )}
        </details>
      )}
    </div>
  );
}
