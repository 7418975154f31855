import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { onTimeChart } from '../../../charts/control';
import type { TControlAnswer } from '../../../contracts/control.contracts';
import { api } from '../../api/client';
import { Field } from '../../ui/Field';
import { useListParams } from '../../ui/list-params';
import { ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { SvgChart } from '../../ui/SvgChart';
import { UnitFilter } from '../../ui/UnitFilter';
import { FiguresTable } from './FiguresTable';

const DEFAULTS = { unitId: '', from: '', to: '' };

/**
 * The standard's control (clause 34) for the client service head, the deputy and the unit heads:
 * the figures of each month counted from the records, a chart of answers on time, every figure
 * in a table and as CSV.
 */
export function ControlPage() {
  const { t } = useTranslation();
  const { values, update } = useListParams(DEFAULTS);
  const control = useQuery({
    queryKey: ['control', values],
    queryFn: () => api.get('/control', values),
    placeholderData: keepPreviousData,
  });
  const csvQuery = new URLSearchParams(
    Object.entries(values).filter(([, value]) => value !== ''),
  ).toString();
  return (
    <>
      <PageHeader title={t('control.title')} intro={t('control.intro')} />
      <div className="filters">
        <UnitFilter
          id="control-unit"
          label={t('control.unit')}
          value={values.unitId}
          emptyLabel={t('control.allUnits')}
          onChange={(unitId) => update({ unitId })}
        />
        <Field label={t('control.from')} filter>
          <input
            type="month"
            value={values.from}
            onChange={(event) => update({ from: event.target.value })}
          />
        </Field>
        <Field label={t('control.to')} filter>
          <input
            type="month"
            value={values.to}
            onChange={(event) => update({ to: event.target.value })}
          />
        </Field>
      </div>
      {control.isPending ? (
        <Loading />
      ) : control.isError ? (
        <ErrorNotice error={control.error} onRetry={() => void control.refetch()} />
      ) : (
        <>
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

function ControlFigure(props: { answer: TControlAnswer }) {
  const { t } = useTranslation();
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
    monthLabels: answer.months,
    series,
    emptyLabel: t('control.empty'),
    describe: (line, month, value) =>
      t('control.chartPoint', { unit: line.label, month, share: Math.round(value * 100) }),
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
        columns={answer.totals.map((total) => ({
          key: total.month,
          header: total.month,
          figures: total.figures,
        }))}
      />
      {answer.extensions.length > 0 && (
        <section>
          <h2>{t('control.extensionsTitle', { n: answer.extensionCount })}</h2>
          <ul>
            {answer.extensions.map((extension) => (
              <li key={`${extension.requestId}-${extension.at}`}>
                {t('control.extensionLine', {
                  number: extension.requestNumber,
                  from: extension.fromDate,
                  to: extension.toDate,
                  reason: extension.reason,
                })}
                {extension.inTime ? '' : ` — ${t('control.interimLate')}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
