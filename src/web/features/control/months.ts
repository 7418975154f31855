import { useTranslation } from 'react-i18next';
import { previousMonth, type Month } from '../../../domain/control';

type MonthNumber =
  '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12';

/** How far back the month pickers reach: four years, twice the longest period. */
const MONTHS_OFFERED = 48;

/** The months a picker offers, the latest (this one) first. */
export function monthsOffered(thisMonth: Month): Month[] {
  const months: Month[] = [];
  for (let month = thisMonth; months.length < MONTHS_OFFERED; month = previousMonth(month)) {
    months.push(month);
  }
  return months;
}

/** A month in words in the page's language: "janvāris 2026", or "janv. 2026" when short. */
export function useMonthName(): (month: Month, short?: boolean) => string {
  const { t } = useTranslation();
  return (month, short = false) => {
    const [year, number] = month.split('-') as [string, MonthNumber];
    const name = short ? t(`control.monthsShort.${number}`) : t(`control.monthNames.${number}`);
    return t('control.monthYear', { month: name, year });
  };
}
