import { useTranslation } from 'react-i18next';
import type { TControlAnswer } from '../../../contracts/control.contracts';
import { writtenAnswerCounts } from '../../../domain/control';
import { formatCount } from '../../ui/format';
import { useMonthName } from './months';

/**
 * The few figures a head looks at first, from the period's figures in the answer: answers on
 * time, requests overdue and escalations open (states: now, or at the period's end) and the
 * feedback received.
 */
export function KeyFigures(props: { answer: TControlAnswer }) {
  const { t } = useTranslation();
  const monthName = useMonthName();
  const { answer } = props;
  const { figures, onTimeShare } = answer.period;
  const { onTime, counted } = writtenAnswerCounts(figures);
  const when = answer.running
    ? t('control.key.now')
    : t('control.key.atEnd', { month: monthName(answer.to) });
  const feedback = figures.praise + figures.complaints + figures.suggestions;
  const tiles = [
    {
      key: 'onTime',
      label: t('control.key.onTime'),
      value: onTimeShare === null ? '—' : `${Math.round(onTimeShare * 100)} %`,
      note: t('control.key.onTimeNote', { onTime: formatCount(onTime), n: formatCount(counted) }),
    },
    {
      key: 'overdue',
      label: t('control.key.overdue'),
      value: formatCount(figures.overdueRequests),
      note: when,
    },
    {
      key: 'escalations',
      label: t('control.key.escalations'),
      value: formatCount(
        figures.escalationsManager + figures.escalationsHead + figures.escalationsEthics,
      ),
      note: when,
    },
    {
      key: 'feedback',
      label: t('control.key.feedback'),
      value: formatCount(feedback),
      note: t('control.key.feedbackNote', {
        complaints: formatCount(figures.complaints),
        praise: formatCount(figures.praise),
      }),
    },
  ];
  return (
    <dl className="control-tiles" aria-label={t('control.key.title')}>
      {tiles.map((tile) => (
        <div key={tile.key} className="control-tile" data-figure={tile.key}>
          <dt>{tile.label}</dt>
          <dd className="control-tile-value">{tile.value}</dd>
          <dd className="control-tile-note">{tile.note}</dd>
        </div>
      ))}
    </dl>
  );
}
