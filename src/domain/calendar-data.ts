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

/**
 * Working days the Cabinet moved to a Saturday. Before 2025 the orders themselves were not at
 * hand: each source names where the transfer was found. Years with none listed (2010–2013, 2015,
 * 2016, 2019, 2020, 2022) are unknown, not known to have none; an administrator adds what is found.
 */
export const WORKDAY_TRANSFERS: readonly WorkdayTransfer[] = [
  {
    dayOff: '2008-05-02',
    workingDay: '2008-05-10',
    source:
      'Ministru kabineta rīkojums par darbdienu pārcelšanu 2008. gadā (atrasts: preses ziņas par rīkojumu)',
  },
  {
    dayOff: '2008-11-17',
    workingDay: '2008-11-22',
    source:
      'Ministru kabineta rīkojums par darbdienu pārcelšanu 2008. gadā (atrasts: preses ziņas par rīkojumu)',
  },
  {
    dayOff: '2009-01-02',
    workingDay: '2009-01-10',
    source:
      'Ministru kabineta rīkojums par darbdienu pārcelšanu 2009. gadā (atrasts: laikraksta "Bauskas Dzīve" arhīvs, "Pārceļ divas darba dienas")',
  },
  {
    dayOff: '2009-06-22',
    workingDay: '2009-06-27',
    source:
      'Ministru kabineta rīkojums par darbdienu pārcelšanu 2009. gadā (atrasts: laikraksta "Bauskas Dzīve" arhīvs, "Pārceļ divas darba dienas")',
  },
  {
    dayOff: '2014-05-02',
    workingDay: '2014-05-10',
    source:
      'Ministru kabineta rīkojums par darbdienu pārcelšanu 2014. gadā (atrasts: preses ziņas par rīkojumu)',
  },
  {
    dayOff: '2014-11-17',
    workingDay: '2014-11-22',
    source:
      'Ministru kabineta rīkojums par darbdienu pārcelšanu 2014. gadā (atrasts: preses ziņas par rīkojumu)',
  },
  {
    dayOff: '2017-05-05',
    workingDay: '2017-05-13',
    source:
      'Ministru kabineta rīkojums par darbdienu pārcelšanu 2017. gadā (atrasts: preses ziņas par rīkojumu)',
  },
  {
    dayOff: '2018-04-30',
    workingDay: '2018-04-21',
    source:
      'Ministru kabineta rīkojums par darbdienu pārcelšanu 2018. gadā (atrasts: Valsts darba inspekcija)',
  },
  {
    dayOff: '2021-05-03',
    workingDay: '2021-05-08',
    source:
      'Ministru kabineta rīkojums par darbdienu pārcelšanu 2021. gadā (atrasts: preses ziņas par rīkojumu)',
  },
  {
    dayOff: '2021-06-25',
    workingDay: '2021-06-19',
    source:
      'Ministru kabineta rīkojums par darbdienu pārcelšanu 2021. gadā (atrasts: preses ziņas par rīkojumu)',
  },
  {
    dayOff: '2021-11-19',
    workingDay: '2021-11-13',
    source:
      'Ministru kabineta rīkojums par darbdienu pārcelšanu 2021. gadā (atrasts: preses ziņas par rīkojumu)',
  },
  {
    dayOff: '2023-05-05',
    workingDay: '2023-05-20',
    source:
      'Ministru kabineta rīkojums par darbdienu pārcelšanu 2023. gadā (atrasts: tvnet.lv, "Nākamā gada maijā būs četras brīvdienas pēc kārtas", 2022. gada jūnijs)',
  },
  {
    dayOff: '2024-12-23',
    workingDay: '2024-12-14',
    source:
      'Ministru kabineta rīkojums par darbdienu pārcelšanu 2024. gadā (atrasts: delfi.lv un diena.lv par rīkojuma projektu, 2023. gada 13. jūnijs)',
  },
  {
    dayOff: '2024-12-30',
    workingDay: '2024-12-28',
    source:
      'Ministru kabineta rīkojums par darbdienu pārcelšanu 2024. gadā (atrasts: delfi.lv un diena.lv par rīkojuma projektu, 2023. gada 13. jūnijs)',
  },
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
