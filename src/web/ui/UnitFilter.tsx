import { useTranslation } from 'react-i18next';
import { unitTreeOrder, useAllUnits } from '../api/lookups';

/** A filter by unit: every unit, indented as in the tree, or all of them. */
export function UnitFilter(props: {
  id: string;
  label: string;
  value: string;
  onChange: (unitId: string) => void;
  /** What choosing no unit means here; "all units" unless said. */
  emptyLabel?: string;
}) {
  const { t } = useTranslation();
  const units = useAllUnits();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.emptyLabel ?? t('directory.allUnits')}</option>
        {unitTreeOrder(units.data ?? []).map(({ unit, depth }) => (
          <option key={unit.id} value={unit.id}>
            {'\u00a0\u00a0'.repeat(depth)}
            {unit.name}
          </option>
        ))}
      </select>
    </div>
  );
}
