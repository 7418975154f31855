import type { LegalDayOff, WorkdayTransfer } from './calendar';

// The calendar facts the law's fixed rules do not give, as shipped with the product. The
// database holds them (an administrator adds new ones as laws and orders are published); these
// lists seed it and let the rules be tested on real years.

/** Days off declared by law for one year only. */
export const ONE_OFF_DAYS_OFF: readonly LegalDayOff[] = [
  {
    date: '2018-09-24',
    name: 'Romas pāvesta Franciska vizīte Latvijā',
    source: 'Grozījumi likumā "Par svētku, atceres un atzīmējamām dienām" (2018)',
  },
  {
    date: '2023-05-29',
    name: 'Latvijas hokeja izlases bronzas medaļa 2023. gada pasaules čempionātā',
    source: 'Grozījumi likumā "Par svētku, atceres un atzīmējamām dienām" (2023)',
  },
];

/** Closing days of the general Latvian Song and Dance Festival in the years it was held. */
export const FESTIVAL_CLOSING_DAYS: readonly LegalDayOff[] = [
  {
    date: '2018-07-08',
    name: 'XXVI Vispārējo latviešu Dziesmu un XVI Deju svētku noslēguma diena',
    source: 'Likums "Par svētku, atceres un atzīmējamām dienām"',
  },
  {
    date: '2023-07-09',
    name: 'XXVII Vispārējo latviešu Dziesmu un XVII Deju svētku noslēguma diena',
    source: 'Likums "Par svētku, atceres un atzīmējamām dienām"',
  },
];

/** Working days the Cabinet moved to a Saturday. */
export const WORKDAY_TRANSFERS: readonly WorkdayTransfer[] = [
  {
    dayOff: '2025-05-02',
    workingDay: '2025-05-10',
    source: 'Ministru kabineta rīkojums par darbdienu pārcelšanu 2025. gadā',
  },
  {
    dayOff: '2025-11-17',
    workingDay: '2025-11-08',
    source: 'Ministru kabineta rīkojums par darbdienu pārcelšanu 2025. gadā',
  },
  {
    dayOff: '2026-01-02',
    workingDay: '2026-01-17',
    source: 'Ministru kabineta rīkojums par darbdienu pārcelšanu 2026. gadā',
  },
  {
    dayOff: '2026-06-22',
    workingDay: '2026-06-27',
    source: 'Ministru kabineta rīkojums par darbdienu pārcelšanu 2026. gadā',
  },
];
