import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDecimal } from '../../../charts/layout';
import type { FigureGroup } from '../../../charts/survey-figures';
import { SvgChart } from '../../ui/SvgChart';

/**
 * One group of factors in a wave: its table (answers per point of the scale, n, mean and the
 * change from the previous wave), its charts, and the comments quoted from it. The results page
 * and the report show groups alike.
 */
export function FigureGroupView(props: {
  group: FigureGroup;
  wave: string;
  language: 'lv' | 'en';
  /** The section's id, for the contents list to link to. */
  anchor: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { group, language } = props;
  const decimal = (value: number | null, signed = false) =>
    value === null ? '—' : `${signed && value > 0 ? '+' : ''}${formatDecimal(value, language)}`;
  return (
    <section id={props.anchor} aria-labelledby={headingId} className="survey-figure">
      <h2 id={headingId}>{group.title}</h2>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t('surveys.tableOf', { group: group.title, wave: props.wave })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.factor')}</th>
              <th scope="col">{t('surveys.dimension')}</th>
              <th scope="col" className="cell-number">
                4
              </th>
              <th scope="col" className="cell-number">
                3
              </th>
              <th scope="col" className="cell-number">
                2
              </th>
              <th scope="col" className="cell-number">
                1
              </th>
              <th scope="col" className="cell-number">
                {t('surveys.dk')}
              </th>
              <th scope="col" className="cell-number">
                n
              </th>
              <th scope="col" className="cell-number">
                {t('surveys.mean')}
              </th>
              <th scope="col" className="cell-number">
                {t('surveys.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {group.rows.map((row) => (
              <tr key={`${row.factor}:${row.dimension}`}>
                <th scope="row">{row.label}</th>
                <td>{t(`surveys.dimensions.${row.dimension}`)}</td>
                <td className="cell-number">{row.counts['4']}</td>
                <td className="cell-number">{row.counts['3']}</td>
                <td className="cell-number">{row.counts['2']}</td>
                <td className="cell-number">{row.counts['1']}</td>
                <td className="cell-number">{row.counts.dk}</td>
                <td className="cell-number">{row.n}</td>
                <td className="cell-number">{decimal(row.mean)}</td>
                <td
                  className="cell-number"
                  title={
                    row.previousWave
                      ? t('surveys.changeFrom', {
                          wave: row.previousWave,
                          mean: decimal(row.previousMean),
                        })
                      : undefined
                  }
                >
                  {decimal(row.change, true)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {group.distributions.map((chart, index) => (
        <SvgChart key={index} chart={chart} className="survey-chart" />
      ))}
      {group.comparison && <SvgChart chart={group.comparison} className="survey-chart" />}
      {group.quotes.length > 0 && (
        <ul className="survey-quotes">
          {group.quotes.map((quote, index) => (
            <li key={index}>
              <blockquote>„{quote}”</blockquote>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A long page's contents: each figure group, the map and the other parts, as links down. */
export function FigureContents(props: { entries: ReadonlyArray<{ id: string; title: string }> }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <nav aria-labelledby={headingId} className="survey-contents">
      <h2 id={headingId}>{t('surveys.contents')}</h2>
      <ol>
        {props.entries.map((entry) => (
          <li key={entry.id}>
            <a href={`#${entry.id}`}>{entry.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
