import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTROL_FIGURES } from '../../../domain/control';
import type { TControlFigures } from '../../../contracts/control.contracts';
import { formatCount } from '../../ui/format';

const cellClass = (total: boolean | undefined) =>
  total ? 'cell-number figures-total' : 'cell-number';

/**
 * Every figure as a row, a column a month (or one column): the chart's accessible version. The
 * figures' names stay in view while the months scroll sideways on a narrow screen.
 */
export function FiguresTable(props: {
  caption: string;
  /** `total`: the column that sums up the others, set apart from them. */
  columns: ReadonlyArray<{
    key: string;
    header: string;
    figures: TControlFigures;
    total?: boolean;
  }>;
  /** Said under the table, e.g. how a period's column reads. */
  note?: string;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <>
      {/* Focusable, so that a keyboard can scroll the months that do not fit. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="data-table figures-table">
          <caption id={captionId}>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('control.figure')}</th>
              {props.columns.map((column) => (
                <th key={column.key} scope="col" className={cellClass(column.total)}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CONTROL_FIGURES.map((figure) => (
              <tr key={figure}>
                <th scope="row">{t(`control.figures.${figure}`)}</th>
                {props.columns.map((column) => (
                  <td key={column.key} className={cellClass(column.total)}>
                    {formatCount(column.figures[figure])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.note && <p className="field-hint">{props.note}</p>}
    </>
  );
}
