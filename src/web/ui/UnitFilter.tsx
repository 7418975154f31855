import { useTranslation } from 'react-i18next';
import { unitTreeOrder, useAllUnits } from '../api/lookups';
import { ChoiceFilter } from './Filters';

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
  const { emptyLabel, ...filter } = props;
  return (
    <ChoiceFilter {...filter} allLabel={emptyLabel ?? t('directory.allUnits')}>
      <UnitOptions />
    </ChoiceFilter>
  );
}

/** Every unit as options of a select, indented as in the tree. */
export function UnitOptions() {
  const units = useAllUnits();
  return unitTreeOrder(units.data ?? []).map(({ unit, depth }) => (
    <option key={unit.id} value={unit.id}>
      {'\u00a0\u00a0'.repeat(depth)}
      {unit.name}
    </option>
  ));
}

/**
 * A key for a form's unit select that holds a unit before the units have arrived: the select is
 * drawn anew when they do, so it shows the unit its form holds, not the empty choice it showed.
 */
export function useUnitSelectKey(): string {
  return useAllUnits().data ? 'units' : 'units-loading';
}
