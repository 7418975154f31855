import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { callLoadChart, loadGrid, type LoadPart } from '../../../charts/call-load';
import type { TLoad } from '../../../contracts/telephony.contracts';
import { api } from '../../api/client';
import { DataTable } from '../../ui/DataTable';
import { Field } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { SvgChart } from '../../ui/SvgChart';
import { UnitFilter } from '../../ui/UnitFilter';

const DEFAULTS = { unitId: '', from: '', to: '' };
/** Monday first, as the server counts them (1 … 7). */
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * The load of the phone for heads (clause 15.1): incoming calls per weekday and hour, answered,
 * missed and called back within the policy, so that an uneven flow and its missed calls show.
 */
export function CallLoadPage() {
  const { t } = useTranslation();
  const { values, update } = useListParams(DEFAULTS);
  const load = useQuery({
    queryKey: ['call-load', values],
    queryFn: () => api.get('/telephony/load', values),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title={t('phone.load.title')} intro={t('phone.load.intro')} />
      <div className="filters">
        <UnitFilter
          id="load-unit"
          label={t('phone.unit')}
          value={values.unitId}
          emptyLabel={t('phone.load.allUnits')}
          onChange={(unitId) => update({ unitId })}
        />
        <Field label={t('phone.load.from')} filter>
          <input
            type="date"
            value={values.from}
            onChange={(event) => update({ from: event.target.value })}
          />
        </Field>
        <Field label={t('phone.load.to')} filter>
          <input
            type="date"
            value={values.to}
            onChange={(event) => update({ to: event.target.value })}
          />
        </Field>
      </div>
      {load.isPending ? (
        <Loading />
      ) : load.isError ? (
        <ErrorNotice error={load.error} onRetry={() => void load.refetch()} />
      ) : (
        <LoadFigure load={load.data} />
      )}
    </>
  );
}

function LoadFigure(props: { load: TLoad }) {
  const { t } = useTranslation();
  const { load } = props;
  const partLabels: Record<LoadPart, string> = {
    answered: t('phone.load.parts.answered'),
    calledBackInTime: t('phone.load.parts.calledBackInTime'),
    notCalledBack: t('phone.load.parts.notCalledBack'),
    voicemail: t('phone.load.parts.voicemail'),
  };
  const weekdayLabels = WEEKDAYS.map((day) => t(`units.weekdaysShort.${day}`));
  const chart = callLoadChart({
    title: t('phone.load.chartTitle', { from: formatDate(load.from), to: formatDate(load.to) }),
    cells: load.cells,
    weekdayLabels: weekdayLabels as [string, string, string, string, string, string, string],
    partLabels,
    emptyLabel: t('phone.load.empty'),
  });
  const { slots } = loadGrid(load.cells);
  return (
    <>
      <figure className="call-load">
        <SvgChart chart={chart} />
      </figure>
      {slots.length > 0 && (
        <details className="call-load-table">
          <summary>{t('phone.load.asTable')}</summary>
          <DataTable
            caption={t('phone.load.title')}
            rows={slots}
            rowKey={(slot) => `${slot.weekday}-${slot.hour}`}
            columns={[
              {
                key: 'when',
                header: t('phone.load.when'),
                render: (slot) => `${weekdayLabels[slot.weekday - 1] ?? ''} ${slot.hour}:00`,
              },
              ...(['answered', 'calledBackInTime', 'notCalledBack', 'voicemail'] as const).map(
                (part) => ({
                  key: part,
                  header: partLabels[part],
                  className: 'cell-number',
                  render: (slot: (typeof slots)[number]) => slot.parts[part],
                }),
              ),
            ]}
          />
        </details>
      )}
    </>
  );
}
