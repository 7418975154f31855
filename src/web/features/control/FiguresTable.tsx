import { useTranslation } from 'react-i18next';
import { CONTROL_FIGURES } from '../../../domain/control';
import type { TControlFigures } from '../../../contracts/control.contracts';

/** Every figure as a row, a column a month (or one column): the chart's accessible version. */
export function FiguresTable(props: {
  caption: string;
  columns: ReadonlyArray<{ key: string; header: string; figures: TControlFigures }>;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('control.figure')}</th>
            {props.columns.map((column) => (
              <th key={column.key} scope="col" className="cell-number">
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
                <td key={column.key} className="cell-number">
                  {column.figures[figure]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
