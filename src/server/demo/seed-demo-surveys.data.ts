/**
 * Demo surveys, as pure data for the seed: the 2022 survey of VPVKAC employees from the report the
 * survey features are modelled on (`SURVEY.md`), with its 2021 wave, and a client satisfaction
 * survey of the demo municipality's centres.
 *
 * The staff answers are built from the report's figures, so that the system's analysis of them
 * gives the report's counts, means, year-over-year changes and positioning map; where the report
 * gives only part of a distribution the rest is filled plausibly, and the importance ratings the
 * report does not print are chosen so that every quadrant it names comes out as it says. The
 * comments are the report's verbatim quotes. The client answers are pseudo-random from a fixed
 * seed, so every run of the seed writes the same data.
 */
import {
  columnsOf,
  type Questionnaire,
  type RatingQuestion,
  type Texts,
} from '../../domain/questionnaire';
import { csvText } from '../../domain/csv';
import type { Stratum } from '../../domain/sample-allocation';
import type { RatingDimension } from '../../domain/survey-stats';

// ---------------------------------------------------------------------------------------------
// Building blocks

/** A rating question; options not given are the usual ones (satisfaction scale, dk offered). */
function rating(
  factor: string,
  text: Texts,
  dimensions: RatingDimension[],
  group: string,
  extra: Partial<Pick<RatingQuestion, 'scale' | 'dk' | 'comment' | 'help' | 'showIf'>> = {},
): RatingQuestion {
  return {
    type: 'rating',
    factor,
    text,
    dimensions,
    scale: 'satisfaction',
    dk: true,
    comment: false,
    group,
    ...extra,
  };
}

const BOTH: RatingDimension[] = ['importance', 'satisfaction'];
const SATISFACTION: RatingDimension[] = ['satisfaction'];

/** How many gave each point (1 = worst … 4 = best) and "hard to say"; the rest did not answer. */
type Tally = Partial<Record<1 | 2 | 3 | 4 | 'dk', number>>;

/** The answers a tally stands for, "" for each respondent left without one. */
function answersOf(tally: Tally, respondents: number): string[] {
  const answers: string[] = [];
  for (const value of [1, 2, 3, 4, 'dk'] as const) {
    for (let i = 0; i < (tally[value] ?? 0); i++) answers.push(String(value));
  }
  if (answers.length > respondents) {
    throw new Error(`${answers.length} answers for ${respondents} respondents`);
  }
  while (answers.length < respondents) answers.push('');
  return answers;
}

/** The values of a choice question by count, in the order given. */
function choicesOf(counts: Record<string, number>): string[] {
  return Object.entries(counts).flatMap(([value, count]) => Array<string>(count).fill(value));
}

/** FNV-1a: a seed from a name, so each column's shuffle is fixed and independent of the others. */
function seedOf(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small PRNG, uniform in [0, 1), the same sequence for the same seed. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded PRNG. */
function shuffled<T>(items: readonly T[], seedName: string): T[] {
  const random = randomFrom(seedOf(seedName));
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/** The answers CSV of a questionnaire: every column of it, in question order, after the ids. */
function answersCsv(
  questionnaire: Questionnaire,
  rows: ReadonlyArray<{
    respondent: string;
    wave: string;
    stratum: string;
    answers: Readonly<Record<string, string>>;
  }>,
): string {
  const columns = columnsOf(questionnaire).map((column) => column.name);
  return csvText(
    ['respondent', 'wave', 'stratum', ...columns],
    rows.map((row) => [
      row.respondent,
      row.wave,
      row.stratum,
      ...columns.map((c) => row.answers[c] ?? ''),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// The staff survey: questionnaire

// The report's factor groups (its figures 2–5), and the computer system with its IT support on
// their own, because that is where the report's one "improve" factor lies.
const INTERNAL = 'Iekšējā informācija un komunikācija';
const COOPERATION = 'Sadarbība ar citām iestādēm un pašvaldības kolēģiem';
const TRAINING = 'Mācības';
const WORK = 'Darba saturs, slodze un kvalitāte';
const SYSTEM = 'Datorsistēma un IT atbalsts';
const SKILLS = 'Klientu apkalpošanas prasmes';
const E_TOOLS = 'Konsultēšana par e-rīkiem';

const FACTOR_INTRO: Texts = {
  lv: 'Novērtējiet, cik svarīgs jums ir katrs faktors un kā to vērtējat savā darbā VPVKAC.',
  en: 'Say how important each factor is to you and how you rate it in your work at the centre.',
};

const CHANNELS = [
  { value: 'in_person', lv: 'klātienē', en: 'in person' },
  { value: 'electronic', lv: 'neklātienē elektroniski', en: 'remotely, electronically' },
  { value: 'phone', lv: 'neklātienē pa telefonu', en: 'remotely, by phone' },
  { value: 'post', lv: 'pa pastu', en: 'by post' },
] as const;

export const staffQuestionnaire: Questionnaire = {
  sections: [
    {
      title: { lv: 'Kopējā apmierinātība ar darbu', en: 'Overall job satisfaction' },
      questions: [
        {
          type: 'rating',
          factor: 'job_satisfaction',
          text: {
            lv: 'Cik lielā mērā kopumā esat apmierināts/-a ar savu darbu VPVKAC?',
            en: 'Overall, how satisfied are you with your work at the centre (VPVKAC)?',
          },
          dimensions: SATISFACTION,
          scale: 'job',
          dk: true,
          comment: false,
        },
      ],
    },
    {
      title: { lv: INTERNAL, en: 'Internal information and communication' },
      intro: FACTOR_INTRO,
      questions: [
        rating(
          'information_flow',
          { lv: 'Informācijas aprites process', en: 'The flow of information' },
          SATISFACTION,
          INTERNAL,
          { comment: true },
        ),
        rating(
          'opinion_municipal_leaders',
          {
            lv: 'Iespēja paust savu viedokli pašvaldības vadošajiem darbiniekiem',
            en: "The chance to voice my opinion to the municipality's managers",
          },
          BOTH,
          INTERNAL,
          { comment: true },
        ),
        rating(
          'opinion_ministry',
          {
            lv: 'Iespēja paust savu viedokli VARAM kontaktpersonai/-ām',
            en: "The chance to voice my opinion to the ministry's (VARAM) contact persons",
          },
          BOTH,
          INTERNAL,
        ),
        rating(
          'accountant',
          {
            lv: 'Sadarbība ar pašvaldības grāmatvedi',
            en: 'Cooperation with the municipal accountant',
          },
          SATISFACTION,
          INTERNAL,
          { comment: true },
        ),
      ],
    },
    {
      title: {
        lv: COOPERATION,
        en: 'Cooperation with other institutions and municipal colleagues',
      },
      intro: FACTOR_INTRO,
      questions: [
        rating(
          'municipal_colleagues',
          {
            lv: 'Sadarbība ar kolēģiem pašvaldībā',
            en: 'Cooperation with colleagues in the municipality',
          },
          SATISFACTION,
          COOPERATION,
        ),
        rating(
          'colleague_substitution',
          {
            lv: 'Pašvaldības kolēģu palīdzība aizvietojot, ja jāpilda pienākumi gan VPVKAC, gan pašvaldībā',
            en: 'Municipal colleagues standing in when I have duties both at the centre and in the municipality',
          },
          SATISFACTION,
          COOPERATION,
          { comment: true },
        ),
        rating(
          'ministry_support',
          {
            lv: 'Saziņa un atbalsts no VARAM',
            en: 'Communication and support from the ministry (VARAM)',
          },
          BOTH,
          COOPERATION,
        ),
        rating(
          'state_contacts',
          {
            lv: 'Atbalsts un sadarbība ar valsts iestāžu kontaktpersonām',
            en: 'Support from and cooperation with the contact persons of state institutions',
          },
          SATISFACTION,
          COOPERATION,
        ),
        rating(
          'salary_bonus',
          {
            lv: 'Pašvaldības piemaksa pie darba algas par VPVKAC pienākumu pildīšanu',
            en: "The municipality's salary bonus for the centre's duties",
          },
          BOTH,
          COOPERATION,
          { comment: true },
        ),
        rating(
          'municipal_support',
          { lv: 'Cita veida atbalsts no pašvaldības', en: 'Other support from the municipality' },
          BOTH,
          COOPERATION,
          { comment: true },
        ),
      ],
    },
    {
      title: { lv: TRAINING, en: 'Training' },
      intro: FACTOR_INTRO,
      questions: [
        rating(
          'training_fits_needs',
          {
            lv: 'Mācību saturs ir atbilstošs prioritātēm un vajadzībām',
            en: 'The content of training fits priorities and needs',
          },
          BOTH,
          TRAINING,
        ),
        rating(
          'skills_improvement',
          {
            lv: 'Ir iespējas regulāri uzlabot nepieciešamās prasmes klientu apkalpošanas pienākumu pildīšanai',
            en: 'There are chances to improve regularly the skills that client service needs',
          },
          BOTH,
          TRAINING,
          { comment: true },
        ),
        rating(
          'training_usable',
          {
            lv: 'Mācībās gūtās atziņas var praktiski izmantot ikdienā',
            en: 'What is learnt in training can be used in daily work',
          },
          BOTH,
          TRAINING,
          { comment: true },
        ),
      ],
    },
    {
      title: { lv: WORK, en: 'Work content, load and quality' },
      intro: FACTOR_INTRO,
      questions: [
        rating(
          'interesting_work',
          { lv: 'Darbs VPVKAC ir interesants', en: 'The work at the centre is interesting' },
          SATISFACTION,
          WORK,
          { comment: true },
        ),
        rating(
          'clear_goals',
          { lv: 'Ir skaidri VPVKAC mērķi', en: "The centre's goals are clear" },
          SATISFACTION,
          WORK,
        ),
        rating(
          'clear_duties',
          {
            lv: 'Skaidri formulēti darba pienākumi VPVKAC',
            en: 'My duties at the centre are clearly worded',
          },
          SATISFACTION,
          WORK,
        ),
        rating(
          'ministry_materials',
          {
            lv: 'VARAM nodrošina pietiekami daudz informatīvo materiālu',
            en: 'The ministry (VARAM) provides enough information material',
          },
          SATISFACTION,
          WORK,
        ),
        rating(
          'materials_clarity',
          {
            lv: 'Informatīvo materiālu saprotamība un aktualitāte',
            en: 'Information material is understandable and up to date',
          },
          SATISFACTION,
          WORK,
          { comment: true },
        ),
        rating(
          'own_skills',
          {
            lv: 'Manas zināšanas un prasmes darbam VPVKAC',
            en: 'My knowledge and skills for the work at the centre',
          },
          SATISFACTION,
          WORK,
        ),
        rating(
          'visitor_communication',
          {
            lv: 'Komunikācija ar VPVKAC apmeklētājiem',
            en: "Communication with the centre's visitors",
          },
          SATISFACTION,
          WORK,
        ),
        rating(
          'workload',
          {
            lv: 'Pienākumu veikšanas slodze VPVKAC',
            en: 'The workload of my duties at the centre',
          },
          SATISFACTION,
          WORK,
          { comment: true },
        ),
        rating(
          'working_conditions',
          {
            lv: 'Labi darba apstākļi (darba vietas iekārtojums, platība, temperatūra, atpūtas telpas)',
            en: 'Good working conditions (workplace layout, space, temperature, rest rooms)',
          },
          BOTH,
          WORK,
          { comment: true },
        ),
      ],
    },
    {
      title: { lv: SYSTEM, en: 'The computer system and IT support' },
      intro: FACTOR_INTRO,
      questions: [
        rating(
          'computer_system',
          {
            lv: 'Pakalpojumu vadības datorsistēma darbojas bez problēmām',
            en: 'The service management computer system works without problems',
          },
          BOTH,
          SYSTEM,
          { comment: true },
        ),
        rating(
          'system_user_friendly',
          {
            lv: 'Datorsistēma ir lietotājam draudzīga',
            en: 'The computer system is user-friendly',
          },
          BOTH,
          SYSTEM,
        ),
        rating(
          'it_support',
          {
            lv: 'Ventspils digitālā centra IT darbinieku atbalsts',
            en: 'Support from the IT staff of the Ventspils Digital Centre',
          },
          SATISFACTION,
          SYSTEM,
          { comment: true },
        ),
      ],
    },
    {
      title: { lv: 'Klientu apkalpošanas prasmes un vērtējums', en: 'Client service skills' },
      questions: [
        {
          type: 'multiple',
          key: 'channels_served',
          text: {
            lv: 'Kādos kanālos pēdējā gada laikā esat apkalpojis/-usi klientus?',
            en: 'Through which channels have you served clients in the past year?',
          },
          options: CHANNELS.map(({ value, lv, en }) => ({ value, label: { lv, en } })),
        },
        // Asked only for the channels the employee serves, as the report's counts per channel show.
        ...CHANNELS.map(({ value, lv, en }) =>
          rating(
            `skill_${value}`,
            {
              lv: `Kā vērtējat savas prasmes apkalpot klientus ${lv}?`,
              en: `How do you rate your skills in serving clients ${en}?`,
            },
            SATISFACTION,
            SKILLS,
            { showIf: { column: 'channels_served', anyOf: [value] } },
          ),
        ),
        {
          type: 'single',
          key: 'experience',
          text: {
            lv: 'Cik ilgi strādājat klientu apkalpošanā VPVKAC?',
            en: 'How long have you worked in client service at the centre?',
          },
          options: [
            { value: 'under_1_year', label: { lv: 'Mazāk nekā gadu', en: 'Less than a year' } },
            { value: 'years_1_4', label: { lv: '1–4 gadus', en: '1–4 years' } },
            { value: 'years_5_plus', label: { lv: '5 gadus un vairāk', en: '5 years or more' } },
          ],
        },
        rating(
          'eservices_consulting',
          {
            lv: 'Kā vērtējat savu pieredzi iedzīvotāju konsultēšanā par e-pakalpojumiem?',
            en: 'How do you rate your experience in advising residents on e-services?',
          },
          SATISFACTION,
          SKILLS,
          { comment: true },
        ),
      ],
    },
    {
      title: { lv: 'Gatavība konsultēt par e-rīkiem', en: 'Readiness to advise on e-tools' },
      questions: [
        rating(
          'consult_eid',
          {
            lv: 'Kā vērtējat savu gatavību konsultēt iedzīvotājus par eID kartes lietošanu?',
            en: 'How ready are you to advise residents on using the eID card?',
          },
          SATISFACTION,
          E_TOOLS,
        ),
        rating(
          'consult_esignature',
          {
            lv: 'Kā vērtējat savu gatavību konsultēt iedzīvotājus par e-paraksta lietošanu?',
            en: 'How ready are you to advise residents on using the e-signature?',
          },
          SATISFACTION,
          E_TOOLS,
        ),
        rating(
          'consult_eaddress',
          {
            lv: 'Kā vērtējat savu gatavību konsultēt iedzīvotājus par e-adreses lietošanu?',
            en: 'How ready are you to advise residents on using the e-address?',
          },
          SATISFACTION,
          E_TOOLS,
          { comment: true },
        ),
      ],
    },
    {
      title: { lv: 'Klientu apkalpošanas standarts', en: 'Client service standard' },
      questions: [
        {
          type: 'single',
          key: 'service_standard',
          text: {
            lv: 'Vai jūsu pašvaldībā ir klientu apkalpošanas standarts?',
            en: 'Does your municipality have a client service standard?',
          },
          options: [
            {
              value: 'standard',
              label: {
                lv: 'Jā, ir klientu apkalpošanas standarts',
                en: 'Yes, a client service standard',
              },
            },
            {
              value: 'ethics_code',
              label: {
                lv: 'Standarta nav, bet ir ētikas kodekss vai vispārējas darbinieku uzvedības normas',
                en: 'No standard, but a code of ethics or general rules of conduct',
              },
            },
            { value: 'none', label: { lv: 'Nav', en: 'No' } },
            { value: 'dont_know', label: { lv: 'Nezinu', en: "Don't know" } },
          ],
        },
        {
          type: 'text',
          key: 'standard_contents',
          text: {
            lv: 'Ko ietver jūsu pašvaldības klientu apkalpošanas standarts?',
            en: "What does your municipality's client service standard cover?",
          },
          showIf: { column: 'service_standard', anyOf: ['standard'] },
        },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// The staff survey: answers

const STAFF_WAVES = ['2021', '2022'] as const;
type StaffWave = (typeof STAFF_WAVES)[number];

/** Respondents per planning region: 2022 as the report's sample, 2021 a split of its 21. */
const STAFF_STRATA: Record<StaffWave, Record<string, number>> = {
  '2021': { Rīga: 3, Vidzeme: 5, Kurzeme: 4, Zemgale: 5, Latgale: 4 },
  '2022': { Rīga: 3, Vidzeme: 5, Kurzeme: 4, Zemgale: 5, Latgale: 3 },
};

/**
 * Answers per rating column and wave. The 2022 figures the report prints are kept exactly; the
 * comments say what is the report's and what is filled in. Only the importance of the eleven
 * factors on the map was asked, as in the report's figure 6; those importance ratings are chosen
 * so that, with the borders pooled over both waves (importance 3.49, satisfaction 3.32), the
 * 2022 map is the report's: only the computer system in "improve"; training content, skills and
 * usable insights in "strengthen"; working conditions and the ministry's support in "keep"; the
 * chance to voice one's opinion to the ministry and to the municipality's managers, other
 * municipal support, the salary bonus and the system's user-friendliness in "watch".
 */
const STAFF_TALLIES: Record<string, Record<StaffWave, Tally>> = {
  // 2022: 17 rather and 3 very satisfied; 2021: 10 rather and 11 very satisfied.
  'job_satisfaction:satisfaction': { '2021': { 3: 10, 4: 11 }, '2022': { 3: 17, 4: 3 } },

  // Two rated the flow of information rather bad; the rest filled in.
  'information_flow:satisfaction': { '2021': { 2: 1, 3: 11, 4: 9 }, '2022': { 2: 2, 3: 10, 4: 8 } },
  // "Most rate it very or rather good", two rather bad, the most criticised of its group.
  'opinion_municipal_leaders:importance': {
    '2021': { 2: 3, 3: 12, 4: 6 },
    '2022': { 2: 3, 3: 11, 4: 6 },
  },
  'opinion_municipal_leaders:satisfaction': {
    '2021': { 2: 2, 3: 11, 4: 8 },
    '2022': { 2: 2, 3: 11, 4: 6, dk: 1 },
  },
  // Mostly very or rather good, none bad; low enough in very good to stay below the border.
  'opinion_ministry:importance': {
    '2021': { 2: 4, 3: 11, 4: 5, dk: 1 },
    '2022': { 2: 4, 3: 10, 4: 5, dk: 1 },
  },
  'opinion_ministry:satisfaction': {
    '2021': { 3: 11, 4: 8, dk: 2 },
    '2022': { 3: 14, 4: 4, dk: 2 },
  },
  // The best rated of its group: 13 very good, one rather bad.
  'accountant:satisfaction': { '2021': { 3: 6, 4: 14, dk: 1 }, '2022': { 2: 1, 3: 6, 4: 13 } },

  // 2022: 18 very + 2 rather good = 3.90; 2021: 3.76 = 79 / 21.
  'municipal_colleagues:satisfaction': { '2021': { 3: 5, 4: 16 }, '2022': { 3: 2, 4: 18 } },
  // 2022: one very bad, one rather bad.
  'colleague_substitution:satisfaction': {
    '2021': { 2: 1, 3: 10, 4: 8, dk: 2 },
    '2022': { 1: 1, 2: 1, 3: 9, 4: 7, dk: 2 },
  },
  // 2022: 13 very + 7 rather good = 3.65; 2021: 3.71 = 78 / 21.
  'ministry_support:importance': { '2021': { 2: 1, 3: 12, 4: 8 }, '2022': { 2: 1, 3: 12, 4: 7 } },
  'ministry_support:satisfaction': { '2021': { 3: 6, 4: 15 }, '2022': { 3: 7, 4: 13 } },
  // 2022: one rather bad.
  'state_contacts:satisfaction': { '2021': { 3: 10, 4: 10, dk: 1 }, '2022': { 2: 1, 3: 10, 4: 9 } },
  // 2022: 2 very bad, 7 rather bad, the lowest rated of all; important, but less than the border.
  'salary_bonus:importance': { '2021': { 2: 2, 3: 9, 4: 10 }, '2022': { 2: 2, 3: 9, 4: 9 } },
  'salary_bonus:satisfaction': {
    '2021': { 1: 1, 2: 6, 3: 9, 4: 3, dk: 2 },
    '2022': { 1: 2, 2: 7, 3: 7, 4: 2, dk: 2 },
  },
  // 2022: 6 rather bad, 10 rather good, 4 very good.
  'municipal_support:importance': { '2021': { 2: 2, 3: 12, 4: 7 }, '2022': { 2: 2, 3: 11, 4: 7 } },
  'municipal_support:satisfaction': {
    '2021': { 2: 4, 3: 11, 4: 6 },
    '2022': { 2: 6, 3: 10, 4: 4 },
  },

  // Importance 2022: 17 very + 3 rather; satisfaction 12 very + 8 rather = 3.60 (2021: 3.52).
  'training_fits_needs:importance': { '2021': { 3: 5, 4: 16 }, '2022': { 3: 3, 4: 17 } },
  'training_fits_needs:satisfaction': { '2021': { 3: 10, 4: 11 }, '2022': { 3: 8, 4: 12 } },
  // Importance 2022: 18 very + 2 rather; satisfaction 14 / 5 / 1 rather bad = 3.65 (2021: 3.43).
  'skills_improvement:importance': { '2021': { 3: 4, 4: 17 }, '2022': { 3: 2, 4: 18 } },
  'skills_improvement:satisfaction': {
    '2021': { 2: 1, 3: 10, 4: 10 },
    '2022': { 2: 1, 3: 5, 4: 14 },
  },
  // Importance 2022: 16 very + 4 rather; satisfaction 14 very + 6 rather good.
  'training_usable:importance': { '2021': { 3: 6, 4: 15 }, '2022': { 3: 4, 4: 16 } },
  'training_usable:satisfaction': { '2021': { 3: 7, 4: 14 }, '2022': { 3: 6, 4: 14 } },

  // 2022: 14 very, 5 rather good, 1 rather bad.
  'interesting_work:satisfaction': { '2021': { 3: 6, 4: 15 }, '2022': { 2: 1, 3: 5, 4: 14 } },
  // 2022: 12 very good.
  'clear_goals:satisfaction': { '2021': { 3: 9, 4: 12 }, '2022': { 3: 8, 4: 12 } },
  // 2022: 11 rather good.
  'clear_duties:satisfaction': { '2021': { 3: 11, 4: 10 }, '2022': { 3: 11, 4: 9 } },
  // 2022: 10 very good.
  'ministry_materials:satisfaction': { '2021': { 3: 10, 4: 11 }, '2022': { 3: 9, 4: 10, dk: 1 } },
  // 2022: mostly rather good, one rather bad.
  'materials_clarity:satisfaction': {
    '2021': { 2: 1, 3: 12, 4: 8 },
    '2022': { 2: 1, 3: 12, 4: 7 },
  },
  // 2022: 15 rather good, one rather bad.
  'own_skills:satisfaction': { '2021': { 2: 1, 3: 14, 4: 6 }, '2022': { 2: 1, 3: 15, 4: 4 } },
  // 2022: 11 rather good.
  'visitor_communication:satisfaction': { '2021': { 3: 10, 4: 11 }, '2022': { 3: 11, 4: 9 } },
  // 2022: 11 rather good, 3 rather bad.
  'workload:satisfaction': { '2021': { 2: 2, 3: 12, 4: 7 }, '2022': { 2: 3, 3: 11, 4: 6 } },
  // 2022: 10 very good, 2 rather bad; next in importance after the four most important.
  'working_conditions:importance': {
    '2021': { 2: 1, 3: 10, 4: 10 },
    '2022': { 2: 1, 3: 10, 4: 9 },
  },
  'working_conditions:satisfaction': {
    '2021': { 2: 1, 3: 9, 4: 11 },
    '2022': { 2: 2, 3: 8, 4: 10 },
  },

  // Importance 2022: 19 very + 1 rather, the most important; satisfaction 13 rather good, 3 rather bad.
  'computer_system:importance': { '2021': { 3: 2, 4: 19 }, '2022': { 3: 1, 4: 19 } },
  'computer_system:satisfaction': { '2021': { 2: 3, 3: 13, 4: 5 }, '2022': { 2: 3, 3: 13, 4: 4 } },
  // Mostly rather good, none bad; next in importance after the four most important.
  'system_user_friendly:importance': {
    '2021': { 2: 1, 3: 9, 4: 11 },
    '2022': { 2: 1, 3: 9, 4: 10 },
  },
  'system_user_friendly:satisfaction': {
    '2021': { 3: 13, 4: 7, dk: 1 },
    '2022': { 3: 14, 4: 5, dk: 1 },
  },
  // 2022: 8 very good, 10 rather good, 2 rather bad.
  'it_support:satisfaction': { '2021': { 2: 2, 3: 10, 4: 9 }, '2022': { 2: 2, 3: 10, 4: 8 } },

  // Only those who serve a channel rate it. 2022: in person all 20 (3.4), electronically 11
  // (5 very, 6 rather good: 3.5, the highest), by phone 16 (3.4), by post 2.
  'skill_in_person:satisfaction': { '2021': { 3: 12, 4: 9 }, '2022': { 3: 12, 4: 8 } },
  'skill_electronic:satisfaction': { '2021': { 3: 7, 4: 6 }, '2022': { 3: 6, 4: 5 } },
  'skill_phone:satisfaction': { '2021': { 3: 10, 4: 7 }, '2022': { 3: 10, 4: 6 } },
  'skill_post:satisfaction': { '2021': { 3: 2, 4: 1 }, '2022': { 3: 2 } },
  // 2022: 14 rather good, 5 very good, 1 rather bad.
  'eservices_consulting:satisfaction': {
    '2021': { 2: 2, 3: 13, 4: 6 },
    '2022': { 2: 1, 3: 14, 4: 5 },
  },
  // 2022: eID 11 / 7 / 2, e-signature 7 / 10 / 3, e-address 5 / 9 / 6 (very / rather good / rather bad).
  'consult_eid:satisfaction': { '2021': { 2: 2, 3: 7, 4: 12 }, '2022': { 2: 2, 3: 7, 4: 11 } },
  'consult_esignature:satisfaction': {
    '2021': { 2: 3, 3: 10, 4: 8 },
    '2022': { 2: 3, 3: 10, 4: 7 },
  },
  'consult_eaddress:satisfaction': {
    '2021': { 2: 6, 3: 10, 4: 4, dk: 1 },
    '2022': { 2: 6, 3: 9, 4: 5 },
  },
};

/** 2022: a standard 6, a code of ethics or rules of conduct 7, none 5, don't know 2. */
const STAFF_STANDARD: Record<StaffWave, Record<string, number>> = {
  '2021': { standard: 5, ethics_code: 8, none: 6, dont_know: 2 },
  '2022': { standard: 6, ethics_code: 7, none: 5, dont_know: 2 },
};

/**
 * Years of work by the rating of one's e-service consulting: in the report everyone who rated it
 * very good has worked five years or more, and most of those with five years or more said
 * "rather good".
 */
const STAFF_EXPERIENCE: Record<StaffWave, Record<string, Record<string, number>>> = {
  '2021': {
    '4': { years_5_plus: 5, years_1_4: 1 },
    '3': { years_5_plus: 8, years_1_4: 4, under_1_year: 1 },
    '2': { years_1_4: 1, under_1_year: 1 },
  },
  '2022': {
    '4': { years_5_plus: 5 },
    '3': { years_5_plus: 9, years_1_4: 4, under_1_year: 1 },
    '2': { years_1_4: 1 },
  },
};

/**
 * The report's verbatim comments (2022), by factor. A critical comment goes to the lowest
 * ratings of its factor, an approving one to the highest, so each comment sits with a rating
 * that fits it.
 */
const STAFF_COMMENTS: Record<string, Array<{ text: string; tone: 'critical' | 'approving' }>> = {
  information_flow: [
    {
      text: '[Nepieciešama] Informācija par speciālistu pienākumiem, lai zinātu, pie kā vērsties',
      tone: 'critical',
    },
  ],
  opinion_municipal_leaders: [
    {
      text: 'Vadošie darbinieki neizprot daudz ko, nenodrošina aizvietotāju. Centrs tiek slēgts atvaļinājumu laikos',
      tone: 'critical',
    },
    { text: 'Parasti ir speciālistu trūkums, kurus neizdodas atrast', tone: 'critical' },
  ],
  accountant: [
    {
      text: 'Sistēma strādā, bet no grāmatveža puses būt vajadzīga lielāka sadarbība ar citu nodaļu darbiniekiem',
      tone: 'critical',
    },
  ],
  colleague_substitution: [
    {
      text: 'Aizvietojamība, slodzes nav izlīdzinātas. Vajadzētu kaut ko mainīt',
      tone: 'critical',
    },
    { text: 'Nav kas aizvieto, lai gan ir jābūt kas aizvieto', tone: 'critical' },
  ],
  salary_bonus: [
    { text: 'Tādas [piemaksas] nav vispār, ļoti vajadzētu', tone: 'critical' },
    {
      text: 'Vajadzētu izdalīt klientu centram summas, kas ir pa vieniem un, kas ir pārējiem darbiem. Jūtos nenovērtēta',
      tone: 'critical',
    },
    {
      text: 'Nav skaidrības darbiniekam par ko un kādā apmērā vispār pienākas atlīdzības',
      tone: 'critical',
    },
    { text: 'Neko mēs nevaram mainīt', tone: 'critical' },
    { text: 'Atalgojums pret slodzi ir pamazs, vajadzētu palielināt.', tone: 'critical' },
  ],
  municipal_support: [
    {
      text: 'Grūti teikt, pašvaldībā nav atbildīgā praktiski, vajag vairāk komunikāciju',
      tone: 'critical',
    },
    {
      text: 'No tiešā vadītājā varētu būt lielāka sadarbība un situāciju izvērtēšana',
      tone: 'critical',
    },
  ],
  skills_improvement: [
    {
      text: 'Ļoti ātri tiek izziņotas mācības, grūtības saorganizēties. Uz pēdējām apmācībām bija Marta beigās. Par Ukrainas stāvokli',
      tone: 'critical',
    },
    {
      text: 'Apnikušas Zoom apmācības, derētu klātienē, vajadzētu ārpus darba laika',
      tone: 'critical',
    },
    { text: 'Mācības tiek organizētas darba laikā, kas nav praktiski', tone: 'critical' },
  ],
  training_usable: [
    { text: 'Daudz var iegūt no apmācībām, visu varēja no 0 iemācīties.', tone: 'approving' },
    {
      text: 'Viss tiek organizēts savlaicīgi, regulāri viss tiek atkārtots. Patīk sadarbība ar valsts institūcijām.',
      tone: 'approving',
    },
    { text: 'Vai ir iespējami ieraksti mācībām? Būtu ļoti noderīgi', tone: 'approving' },
  ],
  interesting_work: [
    {
      text: 'Patīk klientu dažādība, dažādi jautājumi, var daudz jaunu iemācīties',
      tone: 'approving',
    },
  ],
  materials_clarity: [
    { text: 'Būtu jāatjauno zināšanu bāze, dokumentus jāatjauno.', tone: 'critical' },
  ],
  workload: [
    {
      text: 'Augstākie uzskata mūs par robotiem, jāzina ir viss, kas nav normāli. Uzskata mūs par pārclivēkiem dažas reizes',
      tone: 'critical',
    },
    { text: 'Atsevišķu darbinieku, nevis vienu uz vairākiem amatiem', tone: 'critical' },
    {
      text: 'Reforma, darbinieks tiek mētāts apkārt pa vietām, netiek skaidrots, ar vadību komunikācijas trūkums, daudz neskaidri jautājumi',
      tone: 'critical',
    },
    { text: 'Klientu plūsma ir nevienlīdzīga, kad rodas pārāk liela slodze', tone: 'critical' },
  ],
  working_conditions: [
    { text: 'Nav atpūtas telpas, telpas novecojušas, ir trepes, nav lifts', tone: 'critical' },
    {
      text: 'Ir ļoti mazs kabinets, slikti priekš klientu apkalpošanu. Maz vietas',
      tone: 'critical',
    },
  ],
  computer_system: [
    {
      text: 'Uzlabot pašu sistēmu, nāk daudz spam vēstules, bieži kāds pakalpojums nedarbojas',
      tone: 'critical',
    },
    {
      text: 'Ja vienam cilvēkam vajag veikt vairākus pakalpojumus, tad rodas problēmas sistēmā, nespēj apstrādāt. Vajag uzlabot sistēmu',
      tone: 'critical',
    },
    { text: 'pakalpojumucentri.lv ir bieži kļūdas sistēmā, uzkarās', tone: 'critical' },
  ],
  it_support: [
    { text: 'Ilgi neatbild uz problēmām, kontakti slikti', tone: 'critical' },
    { text: 'Jābūt vieglāk sazvanāmiem un operatīvākiem', tone: 'critical' },
  ],
  eservices_consulting: [
    {
      text: 'Ir klienti kas vispār neizmanto šīs lietas vispār, tāpēc maz saskares ar to',
      tone: 'critical',
    },
  ],
  consult_eaddress: [
    {
      text: '[problēma tāda,] Ka latvija.lv nevar izveidot e-adresi bez e-paraksta',
      tone: 'critical',
    },
  ],
};

/**
 * What those with a standard said it covers. The report quotes none of these answers; they are
 * made up for the demo from what the standard (`STANDARD.md`) asks of a centre.
 */
const STANDARD_CONTENTS = [
  'Apkalpošanas kārtība, atbildes termiņi un sūdzību izskatīšana',
  'Kā uzrunāt klientu, kā rīkoties konfliktsituācijās',
  'Uzvedības normas un apģērba prasības',
  'Apmeklētāju pieņemšanas laiki un rindas kārtība',
  'Nezinu sīkāk, ir iekšējie noteikumi',
];

/** The respondents of a wave, by region in the report's order: `2022-01` … */
function staffRespondents(wave: StaffWave): Array<{ respondent: string; stratum: string }> {
  const respondents: Array<{ respondent: string; stratum: string }> = [];
  for (const [stratum, count] of Object.entries(STAFF_STRATA[wave])) {
    for (let i = 0; i < count; i++) {
      respondents.push({
        respondent: `${wave}-${String(respondents.length + 1).padStart(2, '0')}`,
        stratum,
      });
    }
  }
  return respondents;
}

/** Who rated a column 1–4, lowest rating first: whom a critical comment goes to first. */
function byRating(answers: ReadonlyArray<Record<string, string>>, column: string): number[] {
  const ratingOf = (index: number) => Number(answers[index]?.[column]);
  return answers
    .map((_, index) => index)
    .filter((index) => /^[1-4]$/.test(answers[index]?.[column] ?? ''))
    .sort((a, b) => ratingOf(a) - ratingOf(b) || a - b);
}

function staffWaveAnswers(wave: StaffWave): Array<Record<string, string>> {
  const respondents = staffRespondents(wave);
  const answers = respondents.map((): Record<string, string> => ({}));
  const assign = (column: string, values: readonly string[]) => {
    for (const [index, value] of shuffled(values, `staff/${wave}/${column}`).entries()) {
      if (value !== '') (answers[index] as Record<string, string>)[column] = value;
    }
  };

  for (const [column, byWave] of Object.entries(STAFF_TALLIES)) {
    assign(column, answersOf(byWave[wave], respondents.length));
  }
  // The channels one serves are those one rated one's skills in.
  for (const row of answers) {
    const served = CHANNELS.filter(({ value }) => row[`skill_${value}:satisfaction`] !== undefined);
    if (served.length > 0) row.channels_served = served.map(({ value }) => value).join(';');
  }
  assign('service_standard', choicesOf(STAFF_STANDARD[wave]));
  for (const [rated, years] of Object.entries(STAFF_EXPERIENCE[wave])) {
    const values = choicesOf(years);
    const who = answers.filter((row) => row['eservices_consulting:satisfaction'] === rated);
    if (who.length !== values.length) throw new Error(`experience for rating ${rated} in ${wave}`);
    for (const [index, row] of who.entries()) row.experience = values[index] as string;
  }

  // The comments and open answers quoted are from the 2022 report.
  if (wave === '2022') {
    for (const [factor, comments] of Object.entries(STAFF_COMMENTS)) {
      const critical = byRating(answers, `${factor}:satisfaction`);
      const approving = [...critical].reverse();
      let low = 0;
      let high = 0;
      for (const { text, tone } of comments) {
        const index = tone === 'critical' ? critical[low++] : approving[high++];
        if (index === undefined) throw new Error(`no rating for a comment on ${factor}`);
        (answers[index] as Record<string, string>)[`${factor}:comment`] = text;
      }
    }
    const withStandard = answers.filter((row) => row.service_standard === 'standard');
    for (const [index, text] of STANDARD_CONTENTS.entries()) {
      const row = withStandard[index];
      if (row) row.standard_contents = text;
    }
  }
  return answers;
}

/**
 * The staff survey's answers: wave 2021 (21 respondents) and wave 2022 (20), stratum = the
 * planning region.
 */
export function staffAnswersCsv(): string {
  const rows = STAFF_WAVES.flatMap((wave) => {
    const answers = staffWaveAnswers(wave);
    return staffRespondents(wave).map(({ respondent, stratum }, index) => ({
      respondent,
      wave,
      stratum,
      answers: answers[index] as Record<string, string>,
    }));
  });
  return answersCsv(staffQuestionnaire, rows);
}

// ---------------------------------------------------------------------------------------------
// The staff survey: sample plan of 2022

export interface StaffSamplePlan {
  total: number;
  /** Employees per planning region, which the sample is allocated in proportion to. */
  strata: Stratum[];
  /** The second stage: one interview per centre the ministry listed. */
  perUnitCap: number;
  fieldwork: { start: string; end: string };
  /**
   * Refusals met on the way, each with the CATI outcome. A soft refusal was called again and
   * interviewed later; after a hard refusal another employee of the same centre was interviewed;
   * so the sample was reached in full (planned 20, reached 20).
   */
  refusals: Array<{ stratum: string; outcome: 'soft_refusal' | 'hard_refusal'; reason: string }>;
}

/** 2022: 20 interviews, allocated by employees per region to Rīga 3, Vidzeme 5, Kurzeme 4, Zemgale 5, Latgale 3. */
export const staffSamplePlan: StaffSamplePlan = {
  total: 20,
  strata: [
    { name: 'Rīga', size: 30 },
    { name: 'Vidzeme', size: 52 },
    { name: 'Kurzeme', size: 41 },
    { name: 'Zemgale', size: 49 },
    { name: 'Latgale', size: 33 },
  ],
  perUnitCap: 1,
  fieldwork: { start: '2022-05-18', end: '2022-06-22' },
  refusals: [
    { stratum: 'Rīga', outcome: 'soft_refusal', reason: 'Rinda centrā, lūdz zvanīt pēcpusdienā' },
    { stratum: 'Vidzeme', outcome: 'hard_refusal', reason: 'Nevēlas piedalīties aptaujās' },
    { stratum: 'Vidzeme', outcome: 'soft_refusal', reason: 'Atvaļinājumā līdz jūnija sākumam' },
    { stratum: 'Kurzeme', outcome: 'soft_refusal', reason: 'Nav laika, viena pati centrā' },
    {
      stratum: 'Zemgale',
      outcome: 'hard_refusal',
      reason: 'Strādā centrā tikai pirmdienās, nav pārliecināta par savu viedokli',
    },
    { stratum: 'Latgale', outcome: 'soft_refusal', reason: 'Lūdz piezvanīt pēc reformas darbiem' },
  ],
};

// ---------------------------------------------------------------------------------------------
// The client survey

/** The demo municipality's centres, the strata of the client survey, with their answers. */
export const CLIENT_CENTRES: ReadonlyArray<{ name: string; respondents: number }> = [
  { name: 'Priedaines VPVKAC', respondents: 128 },
  { name: 'Mežciema VPVKAC', respondents: 84 },
  { name: 'Lejasciema VPVKAC', respondents: 52 },
  { name: 'Ezerkrastu VPVKAC', respondents: 42 },
];

const ACCESS = 'Pieejamība';
const SERVICE = 'Apkalpošana';
const CLIENT_INTRO: Texts = {
  lv: 'Novērtējiet, cik svarīgs jums ir katrs aspekts un cik apmierināts/-a esat ar to mūsu centrā.',
  en: 'Say how important each aspect is to you and how satisfied you are with it at our centre.',
};

export const clientQuestionnaire: Questionnaire = {
  sections: [
    {
      title: { lv: 'Jūsu apmeklējums', en: 'Your visit' },
      intro: {
        lv: 'Paldies, ka atradāt laiku! Aptauja ir anonīma un aizņems aptuveni 3 minūtes.',
        en: 'Thank you for your time! The survey is anonymous and takes about 3 minutes.',
      },
      questions: [
        {
          type: 'single',
          key: 'channel',
          text: {
            lv: 'Kā šoreiz vērsāties klientu apkalpošanas centrā?',
            en: 'How did you contact the client service centre this time?',
          },
          options: [
            { value: 'in_person', label: { lv: 'Klātienē', en: 'In person' } },
            { value: 'phone', label: { lv: 'Pa telefonu', en: 'By phone' } },
            { value: 'email', label: { lv: 'Ar e-pastu', en: 'By email' } },
            {
              value: 'e_address',
              label: {
                lv: 'Ar e-adresi vai Latvija.lv',
                en: 'Through the e-address or Latvija.lv',
              },
            },
          ],
        },
        {
          type: 'multiple',
          key: 'matters',
          text: { lv: 'Kādos jautājumos vērsāties?', en: 'What did you come about?' },
          options: [
            {
              value: 'state_service',
              label: {
                lv: 'Valsts iestāžu pakalpojumi (VID, VSAA, PMLP u. c.)',
                en: 'State services (VID, VSAA, PMLP and others)',
              },
            },
            {
              value: 'municipal_service',
              label: { lv: 'Pašvaldības pakalpojumi', en: 'Municipal services' },
            },
            {
              value: 'eservice_help',
              label: { lv: 'Palīdzība e-pakalpojumu lietošanā', en: 'Help with e-services' },
            },
            {
              value: 'information',
              label: { lv: 'Informācija vai konsultācija', en: 'Information or advice' },
            },
          ],
        },
      ],
    },
    {
      title: { lv: ACCESS, en: 'Access' },
      intro: CLIENT_INTRO,
      questions: [
        rating('waiting_time', { lv: 'Gaidīšanas laiks', en: 'Waiting time' }, BOTH, ACCESS),
        rating(
          'opening_hours',
          { lv: 'Centra darba laiks', en: "The centre's opening hours" },
          BOTH,
          ACCESS,
        ),
        rating(
          'easy_to_find',
          { lv: 'Centru ir viegli atrast', en: 'The centre is easy to find' },
          BOTH,
          ACCESS,
        ),
      ],
    },
    {
      title: { lv: SERVICE, en: 'Service' },
      intro: CLIENT_INTRO,
      questions: [
        rating(
          'staff_courtesy',
          { lv: 'Darbinieku laipnība', en: "Staff's courtesy" },
          BOTH,
          SERVICE,
        ),
        rating(
          'staff_competence',
          { lv: 'Darbinieku kompetence', en: "Staff's competence" },
          BOTH,
          SERVICE,
        ),
        rating(
          'information_clarity',
          { lv: 'Sniegtās informācijas skaidrība', en: 'How clear the information given was' },
          BOTH,
          SERVICE,
        ),
        rating(
          'one_visit',
          {
            lv: 'Iespēja vienā apmeklējumā nokārtot vairākas lietas',
            en: 'Settling several matters in one visit',
          },
          BOTH,
          SERVICE,
        ),
        rating(
          'eservices_help',
          { lv: 'Palīdzība e-pakalpojumu lietošanā', en: 'Help with e-services' },
          BOTH,
          SERVICE,
          { showIf: { column: 'matters', anyOf: ['eservice_help'] } },
        ),
      ],
    },
    {
      title: { lv: 'Kopvērtējums', en: 'Overall' },
      questions: [
        rating(
          'overall_satisfaction',
          {
            lv: 'Kā kopumā vērtējat apkalpošanu mūsu centrā?',
            en: 'Overall, how do you rate the service at our centre?',
          },
          SATISFACTION,
          'Kopvērtējums',
          { dk: false },
        ),
        {
          type: 'text',
          key: 'suggestions',
          text: {
            lv: 'Kas mums būtu jāuzlabo? Jūsu ieteikumi un komentāri',
            en: 'What should we improve? Your suggestions and comments',
          },
        },
      ],
    },
  ],
};

/**
 * The client survey's latent ratings on a continuous 1–4 scale (rounded to the answer), with the
 * centres' differences: the busiest centre has the longest queues, Mežciems is open late on
 * Wednesdays, Ezerkrasti sits in a back street. Waiting and settling several matters in one visit
 * (which the staff say the system breaks) are important and weaker; staff are the strength.
 */
const CLIENT_FACTORS: ReadonlyArray<{
  factor: string;
  importance: number;
  satisfaction: number;
  /** Share of "hard to say" on satisfaction. */
  dk: number;
  byCentre?: Readonly<Record<string, number>>;
}> = [
  {
    factor: 'waiting_time',
    importance: 3.65,
    satisfaction: 2.95,
    dk: 0.01,
    byCentre: { 'Priedaines VPVKAC': -0.35, 'Ezerkrastu VPVKAC': 0.3 },
  },
  {
    factor: 'opening_hours',
    importance: 3.15,
    satisfaction: 3.1,
    dk: 0.03,
    byCentre: { 'Mežciema VPVKAC': 0.3 },
  },
  {
    factor: 'easy_to_find',
    importance: 2.75,
    satisfaction: 3.6,
    dk: 0.01,
    byCentre: { 'Ezerkrastu VPVKAC': -0.5 },
  },
  { factor: 'staff_courtesy', importance: 3.55, satisfaction: 3.7, dk: 0.01 },
  { factor: 'staff_competence', importance: 3.8, satisfaction: 3.55, dk: 0.03 },
  { factor: 'information_clarity', importance: 3.6, satisfaction: 3.45, dk: 0.02 },
  {
    factor: 'one_visit',
    importance: 3.5,
    satisfaction: 3.0,
    dk: 0.06,
    byCentre: { 'Lejasciema VPVKAC': 0.2 },
  },
  { factor: 'eservices_help', importance: 3.05, satisfaction: 3.1, dk: 0.08 },
];

/** Suggestions by the factor the respondent rated worst, when rated below "rather good". */
const CLIENT_SUGGESTIONS: Readonly<Record<string, readonly string[]>> = {
  waiting_time: [
    'Rindā nācās gaidīt gandrīz stundu, vajadzētu pierakstu uz konkrētu laiku.',
    'Pie viena darbinieka veidojas rinda, kamēr otrs ir brīvs.',
    'Gaidīšanas laiks pārāk garš, īpaši pirmdienās.',
  ],
  opening_hours: [
    'Būtu labi, ja centrs strādātu vismaz vienu sestdienu mēnesī.',
    'Strādājošam cilvēkam grūti paspēt līdz 17:00.',
  ],
  easy_to_find: ['Pie ēkas nav norādes, ieeju atradu tikai ar otro reizi.'],
  staff_courtesy: ['Darbiniece runāja nelaipni un steidzināja.'],
  staff_competence: ['Uz manu jautājumu neviens nezināja atbildi, sūtīja uz citu iestādi.'],
  information_clarity: ['Paskaidroja ātri un sarežģītiem vārdiem, mājās nesapratu, kas jādara.'],
  one_visit: [
    'Vajadzēja nokārtot divas lietas, bet otrajai teica nākt vēlreiz, jo sistēma "uzkārās".',
    'Vienā apmeklējumā nevarēja nokārtot gan deklarēšanos, gan pabalstu.',
  ],
  eservices_help: [
    'Neatšķīru e-adresi no e-pasta, būtu noderīga īsa instrukcija, ko paņemt līdzi.',
    'Palīdzēja ar e-parakstu, bet mājās atkal nesanāca. Vajag soli pa solim aprakstu.',
  ],
};

/** Comments of those who rated nothing below "rather good". */
const CLIENT_PRAISE: readonly string[] = [
  'Paldies darbiniecei par pacietību un laipnību!',
  'Viss ātri un saprotami, paldies.',
  'Ļoti atsaucīgi darbinieki, visu izskaidroja.',
  'Labi, ka visu var nokārtot vienuviet.',
];

/** Approximately normal, mean 0 and sd 1: the sum of four uniforms, centred and scaled. */
function normal(random: () => number): number {
  return (random() + random() + random() + random() - 2) * Math.sqrt(3);
}

/** From a weighted list, by one uniform draw. */
function pick<T>(random: () => number, weighted: ReadonlyArray<readonly [T, number]>): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let at = random() * total;
  for (const [value, weight] of weighted) {
    at -= weight;
    if (at < 0) return value;
  }
  return (weighted[weighted.length - 1] as readonly [T, number])[0];
}

const toRating = (latent: number) => String(Math.min(4, Math.max(1, Math.round(latent))));

/**
 * The client survey's answers: one web wave, `2025`, about 300 respondents, stratum = the centre.
 * Each respondent has a mood shared by all their satisfaction ratings, so ratings and the overall
 * rating go together; a few answer "hard to say" or skip a question.
 */
export function clientAnswersCsv(): string {
  const random = randomFrom(seedOf('client/2025'));
  const rows: Parameters<typeof answersCsv>[1][number][] = [];
  let number = 0;
  for (const centre of CLIENT_CENTRES) {
    for (let i = 0; i < centre.respondents; i++) {
      number++;
      const answers: Record<string, string> = {};
      answers.channel = pick(random, [
        ['in_person', 70],
        ['phone', 15],
        ['email', 10],
        ['e_address', 5],
      ]);
      const matters = (
        [
          ['state_service', 0.45],
          ['municipal_service', 0.4],
          ['eservice_help', 0.2],
          ['information', 0.25],
        ] as const
      )
        .filter(([, share]) => random() < share)
        .map(([value]) => value);
      answers.matters = matters.length > 0 ? matters.join(';') : 'information';

      const mood = 0.3 * normal(random);
      const latents: number[] = [];
      let worst: { factor: string; value: number } | null = null;
      for (const spec of CLIENT_FACTORS) {
        if (
          spec.factor === 'eservices_help' &&
          !answers.matters.split(';').includes('eservice_help')
        ) {
          continue;
        }
        const skip = () => random() < 0.02;
        if (!skip()) {
          answers[`${spec.factor}:importance`] =
            random() < 0.01 ? 'dk' : toRating(spec.importance + 0.5 * normal(random));
        }
        const latent =
          spec.satisfaction + (spec.byCentre?.[centre.name] ?? 0) + mood + 0.55 * normal(random);
        latents.push(latent);
        if (!skip()) {
          const value = random() < spec.dk ? 'dk' : toRating(latent);
          answers[`${spec.factor}:satisfaction`] = value;
          if (/^[12]$/.test(value) && (worst === null || Number(value) < worst.value)) {
            worst = { factor: spec.factor, value: Number(value) };
          }
        }
      }
      const average = latents.reduce((sum, value) => sum + value, 0) / latents.length;
      answers['overall_satisfaction:satisfaction'] = toRating(average + 0.3 * normal(random));

      if (random() < 0.18) {
        const pool = (worst && CLIENT_SUGGESTIONS[worst.factor]) ?? CLIENT_PRAISE;
        answers.suggestions = pool[Math.floor(random() * pool.length)] as string;
      }
      rows.push({
        respondent: `W25-${String(number).padStart(4, '0')}`,
        wave: '2025',
        stratum: centre.name,
        answers,
      });
    }
  }
  return answersCsv(clientQuestionnaire, rows);
}
