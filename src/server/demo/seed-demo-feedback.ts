import { sql, type Insertable, type Kysely } from 'kysely';
import type { Channel } from '../../domain/channels';
import { feedbackSearchText } from '../../domain/feedback';
import { addCalendarDays, rigaDateOf, rigaInstantOf, rigaTimeOf } from '../../domain/riga-time';
import { letterBody } from '../../domain/letters';
import { nameFromSender } from '../../domain/mail-in';
import { messageIdFor } from '../../domain/mail-out';
import { searchTextOf } from '../../domain/search-text';
import type { Clock } from '../adapters/clock';
import type { Services } from '../app';
import { clientSearchTextOf, clientSortNameOf } from '../modules/clients/clients.presenter';
import type {
  AuditLogTable,
  ClientsTable,
  ContactsTable,
  DB,
  EscalationLevel,
  FeedbackEscalationsTable,
  FeedbackItemsTable,
  FeedbackKind,
  IdeaAddressee,
  IdeaState,
  ImprovementTaskState,
  ImprovementTasksTable,
  OutgoingMessagesTable,
  ServiceRequestsTable,
  StaffIdeasTable,
  UnitReportsTable,
} from '../db/schema';
import {
  createRandom,
  HISTORY_DAYS,
  type DemoOrganisation,
  type DemoStaff,
} from './seed-demo-cases';

// The demo's year of feedback (issue 16): praise, complaints and suggestions on both centres and
// a few departments from every channel, evaluated by the client service head and answered where
// the client left a way to answer; three serious complaints escalated (one resolved by the
// direct manager, one by the head after the manager's deadline passed, one now before the Ethics
// commission); improvement tasks in every state; last year's unit reports with one missing; and
// staff ideas. Like the cases, the history is worked out here (answer and escalation deadlines
// from the deadline policies and the working calendar) and written in bulk in one transaction.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RANDOM_ITEMS = 150;

type Random = ReturnType<typeof createRandom>;

/** The people the texts name, with the words that agree with them. */
interface Named {
  staff: DemoStaff;
  /** "darbiniece Līga Bērziņa" */
  phrase: string;
  female: boolean;
}

// The topics the client service head classifies feedback by, in the standard's and the client
// survey's words (values 6.1–6.3, answers in time 21, the survey's factors), so that the control
// page's "feedback by topic" adds up the same few things month after month.
const TOPIC = {
  courtesy: 'Darbinieku laipnība',
  competence: 'Darbinieku kompetence',
  promises: 'Solījumi un atbildes termiņi',
  waiting: 'Gaidīšanas laiks',
  hours: 'Darba laiks un sasniedzamība',
  information: 'Informācija un e-pakalpojumi',
  premises: 'Telpas un pieejamība',
} as const;
type Topic = (typeof TOPIC)[keyof typeof TOPIC];

interface Template {
  topic: Topic;
  /** Whether it is about a named staff member. */
  named: boolean;
  text: (where: string, person: Named | null) => string;
}

const FEMALE_KEYS = new Set([
  'admin',
  'specialist',
  'csHead',
  'ethics',
  'kristine',
  'gunta',
  'sandra',
  'ruta',
  'zane',
  'baiba',
  'elina',
  'ieva',
]);

const g = (person: Named | null, female: string, male: string) => (person?.female ? female : male);
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const PRAISE: readonly Template[] = [
  {
    topic: TOPIC.competence,
    named: true,
    text: (where, p) =>
      `Vēlos pateikties: ${where} ${p?.phrase} ļoti pacietīgi palīdzēja man iesniegt pieteikumu e-pakalpojumā un visu izskaidroja saprotami.`,
  },
  {
    topic: TOPIC.courtesy,
    named: true,
    text: (where, p) =>
      `${cap(where)} biju kopā ar vecmāmiņu. ${cap(p?.phrase ?? '')} bija ļoti ${g(p, 'laipna', 'laipns')}, runāja lēni un skaidri, un visu nokārtojām vienā reizē. Liels paldies!`,
  },
  {
    topic: TOPIC.promises,
    named: true,
    text: (where, p) =>
      `Paldies! ${cap(p?.phrase ?? '')} ${g(p, 'pati', 'pats')} atzvanīja, kā bija ${g(p, 'solījusi', 'solījis')}, un pastāstīja, kas man vēl jāizdara. ${cap(where)} tā notiek ne pirmo reizi.`,
  },
  {
    topic: TOPIC.competence,
    named: true,
    text: (_where, p) =>
      `Gribu izteikt pateicību – ${p?.phrase} atrada risinājumu, lai man nebūtu jābrauc uz Rīgu pēc izziņas. Ļoti profesionāli.`,
  },
  {
    topic: TOPIC.waiting,
    named: false,
    text: (where) =>
      `${cap(where)} apkalpoja ātri, rindā gaidīju tikai dažas minūtes. Paldies visiem darbiniekiem!`,
  },
  {
    topic: TOPIC.information,
    named: false,
    text: () =>
      'Paldies par skaidro un ātro atbildi uz manu e-pastu – viss bija saprotams, un vairs nebija jāzvana.',
  },
  {
    topic: TOPIC.courtesy,
    named: false,
    text: (where) =>
      `Paldies darbiniekiem par atsaucību, kad pēc pārcelšanās kārtoju dzīvesvietas deklarēšanu. ${cap(where)} ir patīkama atmosfēra.`,
  },
  {
    topic: TOPIC.information,
    named: false,
    text: () =>
      'Ļoti noderīga bija palīdzība ar e-adreses izveidi. Nezināju, ka to var izdarīt tik vienkārši.',
  },
];

// Three that the showcase items and improvement tasks below are made from.
const LATE_ANSWER: Template = {
  topic: TOPIC.promises,
  named: false,
  text: () => 'Uz manu e-pastu neatbildēja divas nedēļas, un atbilde bija tikai daļēja.',
};
const WHEELCHAIR: Template = {
  topic: TOPIC.premises,
  named: false,
  text: () => 'Ieejai nav uzbrauktuves, ar ratiņkrēslu nevar iekļūt bez svešu cilvēku palīdzības.',
};
const CHILD_CORNER: Template = {
  topic: TOPIC.premises,
  named: false,
  text: () => 'Ierosinu uzgaidāmajā telpā iekārtot nelielu bērnu stūrīti ar zīmēšanas piederumiem.',
};

const COMPLAINTS: readonly Template[] = [
  {
    topic: TOPIC.courtesy,
    named: true,
    text: (where, p) =>
      `${cap(where)} ${p?.phrase} runāja ar mani nelaipni un paaugstinātā balsī, kad jautāju par nekustamā īpašuma nodokļa maksājumu.`,
  },
  {
    topic: TOPIC.promises,
    named: true,
    text: (_where, p) =>
      `${cap(p?.phrase ?? '')} solīja atzvanīt līdz piektdienai, bet neviens nezvanīja. Nācās vēlreiz braukt uz centru un stāstīt visu no sākuma.`,
  },
  {
    topic: TOPIC.competence,
    named: true,
    text: (_where, p) =>
      `Mani pieņēma ${p?.phrase}, bet sniedza nepareizu informāciju par vajadzīgajiem dokumentiem, tāpēc man bija jānāk vēlreiz un jāņem brīvdiena.`,
  },
  {
    topic: TOPIC.waiting,
    named: false,
    text: (where) =>
      `${cap(where)} rindā gaidīju vairāk nekā stundu, lai gan biju pieteicies uz konkrētu laiku.`,
  },
  {
    topic: TOPIC.hours,
    named: false,
    text: () =>
      'Centrs bija slēgts darba laikā bez jebkāda paziņojuma pie durvīm vai mājaslapā. Veltīgi braucu 20 kilometrus.',
  },
  LATE_ANSWER,
  {
    topic: TOPIC.hours,
    named: false,
    text: (where) =>
      `${cap(where)} visu rītu nevarēja sazvanīt – telefons vai nu aizņemts, vai neviens neceļ.`,
  },
  {
    topic: TOPIC.premises,
    named: false,
    text: (where) =>
      `${cap(where)} uzgaidāmajā telpā ir par maz krēslu, gados vecākiem cilvēkiem jāstāv kājās.`,
  },
  WHEELCHAIR,
];

const SUGGESTIONS: readonly Template[] = [
  {
    topic: TOPIC.hours,
    named: false,
    text: () =>
      'Ierosinu vismaz vienu dienu nedēļā strādāt līdz 19:00, lai strādājošie var atnākt pēc darba.',
  },
  {
    topic: TOPIC.waiting,
    named: false,
    text: (where) =>
      `${cap(where)} būtu labi uzstādīt rindas ekrānu, lai redzētu, cik cilvēku vēl ir priekšā.`,
  },
  {
    topic: TOPIC.information,
    named: false,
    text: () =>
      'Būtu noderīgi, ja mājaslapā pie katra pakalpojuma būtu saraksts ar dokumentiem, kas jāņem līdzi.',
  },
  CHILD_CORNER,
  {
    topic: TOPIC.information,
    named: false,
    text: () =>
      'Varētu piedāvāt iespēju pieteikt vizīti arī mobilajā lietotnē, ne tikai pa telefonu.',
  },
  {
    topic: TOPIC.premises,
    named: false,
    text: () =>
      'Lūdzu uzstādīt pie letes karšu termināli, lai valsts nodevu var samaksāt uz vietas.',
  },
  {
    topic: TOPIC.competence,
    named: true,
    text: (_where, p) =>
      `${cap(p?.phrase ?? '')} labi pārzina VID EDS – varbūt ${g(p, 'viņa', 'viņš')} varētu reizi mēnesī rīkot īsu apmācību senioriem?`,
  },
];

const ENGLISH: Record<FeedbackKind, Template> = {
  praise: {
    topic: TOPIC.courtesy,
    named: false,
    text: () =>
      'Thank you for the patient help with my residence declaration – the staff explained everything in English.',
  },
  complaint: {
    topic: TOPIC.waiting,
    named: false,
    text: () =>
      'I waited for over an hour and nobody could tell me how long it would take. Please show the queue somewhere.',
  },
  suggestion: {
    topic: TOPIC.information,
    named: false,
    text: () =>
      'It would help if the website listed the documents needed for each service in English too.',
  },
};

const ACTIONS: Record<FeedbackKind, readonly string[]> = {
  complaint: [
    'Situācija pārrunāta ar darbinieku un centra vadītāju; klientam atvainojāmies.',
    'Precizēta informācija mājaslapā un pie centra durvīm.',
    'Jautājums iekļauts nākamajā darbinieku sanāksmē; pārbaudīta atzvanīšanas kārtība.',
    'Klientam sniegta pareizā informācija; darbiniekam ieteiktas mācības.',
  ],
  praise: [
    'Pateicība nodota darbiniekam un struktūrvienības vadītājam.',
    'Pateicība nolasīta darbinieku sanāksmē.',
  ],
  suggestion: [
    'Ierosinājums nodots struktūrvienības vadītājam izvērtēšanai.',
    'Ierosinājums iekļauts uzlabojumu plānā.',
    'Ierosinājums izvērtēts; šobrīd nav iespējams to īstenot budžeta dēļ.',
  ],
};

const NOTES = [
  'Noklausīts zvana ieraksts; saruna bija saspringta, bet bez rupjībām.',
  'Darbinieks situāciju apstiprina; rinda tajā dienā bija neparasti gara.',
  'Klients atkārtoti vērsies ar līdzīgu jautājumu.',
  'Pārbaudīts pieteikumu reģistrs: termiņš patiešām nokavēts.',
];

const CLIENT_NAMES = [
  'Ilze Kalniņa',
  'Andris Ozols',
  'Vija Siliņa',
  'Juris Balodis',
  'Madara Eglīte',
  'Guntis Vanags',
  'Ārija Lapiņa',
  'Roberts Zeltiņš',
  'Santa Rozīte',
  'Aivars Upītis',
  'Dzintra Auziņa',
  'Kārlis Celmiņš',
  'Liene Freimane',
  'Tatjana Ivanova',
  'Sergejs Petrovs',
  'Agnese Gaile',
  'Normunds Kārkliņš',
  'Evita Sproģe',
];

const FOLD: Record<string, string> = {
  ā: 'a',
  č: 'c',
  ē: 'e',
  ģ: 'g',
  ī: 'i',
  ķ: 'k',
  ļ: 'l',
  ņ: 'n',
  š: 's',
  ū: 'u',
  ž: 'z',
};
const emailOf = (name: string, random: Random) =>
  `${[...name.toLowerCase()]
    .map((c) => FOLD[c] ?? c)
    .join('')
    .replace(' ', '.')}@${random.pick(['example.com', 'example.net', 'example.org'])}`;

/** Where the feedback was about, as the texts say it ("Mežciema centrā"). */
const PLACE: Record<string, string> = {
  centreMain: 'Priedaines centrā',
  centreForest: 'Mežciema centrā',
  social: 'sociālajā dienestā',
  building: 'būvvaldē',
  property: 'nekustamā īpašuma nodaļā',
  education: 'izglītības pārvaldē',
};

type ItemRow = Insertable<FeedbackItemsTable> & {
  id: string;
  received_at: Date;
  updated_at: Date;
};

/** Last year's questions by e-mail to each unit that reports on it, before the cases begin. */
const WRITTEN_PER_UNIT: ReadonlyArray<readonly [string, number]> = [
  ['centreMain', 70],
  ['centreForest', 55],
  ['social', 30],
  ['building', 20],
];

/** What they wrote about: the service, and the reason as the contact records it. */
const WRITTEN_SERVICES: Record<string, ReadonlyArray<readonly [string, string]>> = {
  centre: [
    ['Pašvaldības pakalpojumu konsultācija', 'Jautā, kur pieteikties pašvaldības pakalpojumiem'],
    ['E-adreses lietošana', 'Nezina, kā atvērt e-adresē saņemto vēstuli'],
    ['Dzīvesvietas deklarēšana', 'Jautā, kādi dokumenti vajadzīgi dzīvesvietas deklarēšanai'],
    ['Nekustamā īpašuma nodokļa konsultācija', 'Jautā par nekustamā īpašuma nodokļa atvieglojumu'],
    [
      'Gada ienākumu deklarācijas iesniegšana VID EDS',
      'Lūdz izskaidrot, kā atgūt pārmaksāto nodokli',
    ],
  ],
  social: [
    ['Sociālās palīdzības konsultācija', 'Jautā, vai var pretendēt uz mājokļa pabalstu'],
    ['Aprūpe mājās', 'Jautā, kā pieteikt aprūpi mājās vecākam radiniekam'],
  ],
  building: [
    [
      'Būvniecības ieceres konsultācija',
      'Jautā, vai šķūņa būvniecībai vajadzīgs paskaidrojuma raksts',
    ],
    ['Izziņa par būves statusu', 'Lūdz izziņu par būves kadastrālās uzmērīšanas lietu'],
  ],
};

// ---- The answers as the head wrote them -------------------------------------------------------

/** The service a request made for an answer names, as the feedback service names it. */
const ANSWER_SERVICE = 'Atbilde uz atsauksmi';
/** The answer letter's subject in the item's language, as the feedback service words it. */
const ANSWER_SUBJECT = {
  lv: (reference: string) => `Atbilde uz jūsu atsauksmi ${reference}`,
  en: (reference: string) => `Answer to your feedback ${reference}`,
};
const SIGN_OFF = { lv: 'Ar cieņu', en: 'Kind regards' };

const greetingOf = (row: ItemRow) =>
  row.language === 'en'
    ? `Dear ${row.name ?? 'Sir or Madam'},`
    : row.name
      ? `Labdien, ${row.name}!`
      : 'Labdien!';

/** What the head wrote for the suggestion's decision (ACTIONS.suggestion). */
const SUGGESTION_ANSWERS: Record<string, string> = {
  'Ierosinājums nodots struktūrvienības vadītājam izvērtēšanai.':
    'Ierosinājumu esam nodevuši struktūrvienības vadītājam, kas to izvērtēs un lems par tā īstenošanu.',
  'Ierosinājums iekļauts uzlabojumu plānā.':
    'Ierosinājumu esam iekļāvuši klientu apkalpošanas uzlabojumu plānā; par tā izpildi varēsiet lasīt pašvaldības mājaslapā.',
  'Ierosinājums izvērtēts; šobrīd nav iespējams to īstenot budžeta dēļ.':
    'Esam to izvērtējuši, taču šī gada budžetā tam diemžēl nav līdzekļu; pie ierosinājuma atgriezīsimies, plānojot nākamā gada darbu.',
};

/** The letter's text between the greeting and the sign-off. */
function answerOf(row: ItemRow, random: Random): string {
  const reference = row.reference;
  if (row.language === 'en') {
    return {
      praise: `Thank you for your kind words (feedback ${reference}). We have passed them on to the staff and their manager.`,
      complaint: `Thank you for telling us what happened (feedback ${reference}). We have looked into it and are sorry for the trouble; the centre is changing how appointments and the queue are organised so that waiting times are shorter.`,
      suggestion: `Thank you for your suggestion (feedback ${reference}). We have passed it on to the unit that can put it into practice.`,
    }[row.kind];
  }
  switch (row.kind) {
    case 'praise':
      return random.pick([
        `Paldies par jūsu labajiem vārdiem (atsauksme ${reference})! Tos nodevām darbiniekiem un viņu vadītājam – šāda atsauksme ir liels iedrošinājums visai komandai.`,
        `Paldies, ka atradāt laiku mums uzrakstīt (atsauksme ${reference})! Jūsu pateicību nolasījām darbinieku sanāksmē.`,
      ]);
    case 'complaint':
      return row.justified
        ? random.pick([
            `Paldies, ka informējāt mūs par notikušo (atsauksme ${reference}). Esam sūdzību izvērtējuši un atzīstam, ka tā ir pamatota. Situāciju esam pārrunājuši ar darbiniekiem un vadītāju, lai tā neatkārtotos. Atvainojamies par sagādātajām neērtībām.`,
            `Esam izvērtējuši jūsu sūdzību (atsauksme ${reference}) – jums ir taisnība. Esam precizējuši kārtību un informāciju, lai citiem klientiem tas vairs nebūtu jāpiedzīvo. Atvainojamies un pateicamies, ka vērsāties pie mums.`,
          ])
        : `Esam rūpīgi izvērtējuši jūsu sūdzību (atsauksme ${reference}). Pārbaudot notikušo, pārkāpumu darbinieku rīcībā nekonstatējām: rīkojāmies saskaņā ar pakalpojuma kārtību. Ja jums ir papildu informācija vai jautājumi, lūdzu, sazinieties ar mums – labprāt izskaidrosim sīkāk.`;
    case 'suggestion':
      return `Paldies par jūsu ierosinājumu (atsauksme ${reference})! ${
        SUGGESTION_ANSWERS[row.actions ?? ''] ??
        'Esam to nodevuši struktūrvienības vadītājam izvērtēšanai.'
      }`;
  }
}

/** What the head noted of a call that answered a client who left only a phone number. */
function phoneNoteOf(row: ItemRow, random: Random): string {
  switch (row.kind) {
    case 'praise':
      return 'Piezvanīju, pateicos par atsauksmi; pateicība nodota darbiniekam.';
    case 'complaint':
      return row.justified
        ? random.pick([
            'Piezvanīju klientam, atvainojos un izstāstīju, kas darīts, lai tas neatkārtotos.',
            'Sazinājos ar klientu: atvainojos, klientam sniegta pareizā informācija.',
          ])
        : 'Piezvanīju klientam un izskaidroju kārtību; klients skaidrojumu pieņēma.';
    case 'suggestion':
      return 'Piezvanīju, pateicos par ierosinājumu un izstāstīju, kā tas tiks izvērtēts.';
  }
}

/**
 * Loads the demo's feedback, escalations, improvement tasks, unit reports and ideas. The
 * organisation, the cases and the surveys are there already; it only inserts.
 */
export async function seedDemoFeedback(
  db: Kysely<DB>,
  services: Services,
  clock: Clock,
  org: DemoOrganisation,
): Promise<void> {
  const random = createRandom(20_261_205);
  const now = clock.now();
  const today = rigaDateOf(now);
  const calendar = await services.calendar.calendar();
  /** When something opened at the instant is due under the named deadline policy. */
  const dueBy = async (policyCode: string, at: Date) => {
    const { due, dueEnd } = await services.calendar.deadlineFor(at, {
      channel: 'web_form',
      clientKind: 'external',
      caseType: null,
      policyCode,
    });
    return { due, dueEnd };
  };

  const unitId = (key: string) => {
    const id = org.unitIds.get(key);
    if (!id) throw new Error(`the demo has no unit ${key}`);
    return id;
  };
  const person = (key: string) => {
    const found = org.staff.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`the demo has no ${key}`);
    return found;
  };
  const named = (key: string): Named => {
    const staff = person(key);
    const female = FEMALE_KEYS.has(key);
    return {
      staff,
      female,
      phrase: `${female ? 'darbiniece' : 'darbinieks'} ${staff.givenName} ${staff.surname}`,
    };
  };
  const servers = (unitKey: string) =>
    org.staff.filter((p) => p.serves && p.active && p.unitKeys.includes(unitKey));
  const head = person('csHead');
  const deputy = person('deputy');

  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const at = (date: string, minute: number) =>
    new Date(
      rigaInstantOf(
        date,
        `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
      ).getTime() +
        random.int(0, 59) * 1000,
    );
  /** The instant, or the next moment in office hours (8:00–17:00 on a working day) after it. */
  const inOffice = (instant: Date): Date => {
    const date = rigaDateOf(instant);
    const minute = minutes(rigaTimeOf(instant));
    if (calendar.isWorkingDay(date) && minute >= 8 * 60 && minute < 17 * 60) return instant;
    const day =
      calendar.isWorkingDay(date) && minute < 8 * 60 ? date : calendar.nextWorkingDay(date);
    return at(day, 8 * 60 + random.int(0, 90));
  };
  const later = (instant: Date, ms: number) => new Date(instant.getTime() + ms);
  /** The working day `count` working days before the date. */
  const workingDaysBefore = (date: string, count: number) => {
    let day = date;
    for (let n = 0; n < count;) {
      day = addCalendarDays(day, -1);
      if (calendar.isWorkingDay(day)) n += 1;
    }
    return day;
  };
  /** The working day on or before the date. */
  const workingOnOrBefore = (date: string) =>
    calendar.isWorkingDay(date) ? date : workingDaysBefore(date, 1);

  // ---- Feedback items ---------------------------------------------------------------------------

  const items: ItemRow[] = [];
  /** Which text each item was made from, to find the ones the improvement tasks refer to. */
  const templateOf = new Map<string, Template>();
  /** What the head wrote to the client where it was not one of the usual answers. */
  const letters = new Map<string, string>();
  const escalations: Array<Insertable<FeedbackEscalationsTable>> = [];

  interface Draft {
    kind: FeedbackKind;
    unitKey: string;
    channel: Channel;
    receivedAt: Date;
    template: Template;
    about: Named | null;
    language: 'lv' | 'en';
    contact: { name: string | null; email: string | null; phone: string | null };
  }

  const contactFor = (channel: Channel) => {
    const odds: Record<Channel, readonly [number, number, number]> = {
      web_form: [0.7, 0.6, 0.15],
      mobile_app: [0.8, 0.5, 0.3],
      email: [0.9, 1, 0.1],
      e_address: [1, 0, 0],
      in_person: [0.7, 0.2, 0.4],
      phone: [0.8, 0.05, 0.9],
      letter: [1, 0.1, 0.3],
      voicemail: [0.5, 0, 1],
      social_network: [0.5, 0, 0],
    };
    const [pName, pEmail, pPhone] = odds[channel];
    const name = random.pick(CLIENT_NAMES);
    return {
      name: random.chance(pName) ? name : null,
      email: random.chance(pEmail) ? emailOf(name, random) : null,
      phone: random.chance(pPhone) ? `+371 2${random.digits(7)}` : null,
    };
  };

  /** An item as the client left it, at a time its channel allows. */
  const draft = (daysAgo: number, fixed: Partial<Draft> = {}): Draft => {
    const kind =
      fixed.kind ??
      random.weighted<FeedbackKind>([
        ['praise', 35],
        ['complaint', 40],
        ['suggestion', 25],
      ]);
    const unitKey =
      fixed.unitKey ??
      random.weighted([
        ['centreMain', 50],
        ['centreForest', 35],
        ['social', 6],
        ['building', 4],
        ['property', 3],
        ['education', 2],
      ]);
    const channel =
      fixed.channel ??
      random.weighted<Channel>([
        ['web_form', 40],
        ['in_person', 18],
        ['email', 14],
        ['mobile_app', 11],
        ['phone', 10],
        ['letter', 7],
      ]);
    const date = addCalendarDays(today, -daysAgo);
    const receivedAt =
      channel === 'in_person' || channel === 'phone' || channel === 'letter'
        ? at(workingOnOrBefore(date), random.int(8 * 60 + 15, 16 * 60 + 30))
        : at(date, random.int(7 * 60, 22 * 60 + 50));
    const english = random.chance(0.05);
    const templates = { praise: PRAISE, complaint: COMPLAINTS, suggestion: SUGGESTIONS }[kind];
    const candidates = servers(unitKey);
    const template =
      fixed.template ??
      (english
        ? ENGLISH[kind]
        : random.pick(templates.filter((t) => (t.named ? candidates.length > 0 : true))));
    const about =
      fixed.about !== undefined
        ? fixed.about
        : template.named
          ? named(random.pick(candidates).key)
          : null;
    return {
      kind,
      unitKey,
      channel,
      receivedAt: fixed.receivedAt ?? receivedAt,
      template,
      about,
      language: fixed.language ?? (english && !fixed.template ? 'en' : 'lv'),
      contact: fixed.contact ?? contactFor(channel),
    };
  };

  /** Who typed it in: nobody for the public form and the app, else someone of the unit. */
  const registrarOf = (d: Draft) => {
    if (d.channel === 'web_form' || d.channel === 'mobile_app') return null;
    if (d.channel === 'email' || d.channel === 'letter') return head.id;
    const others = servers(d.unitKey).filter((p) => p.id !== d.about?.staff.id);
    return others.length > 0 ? random.pick(others).id : head.id;
  };

  const rowOf = async (d: Draft): Promise<ItemRow> => {
    const hasContact = d.contact.email !== null || d.contact.phone !== null;
    const due = hasContact ? await dueBy('feedback-answer', d.receivedAt) : null;
    const text = d.template.text(PLACE[d.unitKey] ?? '', d.about);
    const id = random.uuid();
    templateOf.set(id, d.template);
    return {
      id,
      reference: '',
      kind: d.kind,
      channel: d.channel,
      unit_id: unitId(d.unitKey),
      staff_id: d.about?.staff.id ?? null,
      text,
      name: d.contact.name,
      email: d.contact.email,
      phone: d.contact.phone,
      language: d.language,
      client_id: null,
      source_request_id: null,
      answer_request_id: null,
      registered_by: registrarOf(d),
      received_at: d.receivedAt,
      state: 'new',
      evaluator_id: null,
      topic: null,
      justified: null,
      serious: false,
      evaluation_notes: null,
      actions: null,
      evaluated_by: null,
      evaluated_at: null,
      answer_due_on: due?.due ?? null,
      answer_due_at: due?.dueEnd ?? null,
      answered_at: null,
      closed_at: null,
      escalation_level: null,
      created_at: d.receivedAt,
      updated_at: d.receivedAt,
    };
  };

  const evaluate = (row: ItemRow, d: Draft, when: Date, justified?: boolean) => {
    row.state = 'evaluated';
    row.evaluator_id = head.id;
    row.evaluated_by = head.id;
    row.evaluated_at = when;
    row.topic = d.template.topic;
    row.justified =
      d.kind === 'praise' ? null : (justified ?? random.chance(d.kind === 'complaint' ? 0.6 : 0.7));
    row.actions =
      d.kind === 'complaint' && row.justified === false
        ? 'Sūdzība nav pamatota; klientam izskaidrota kārtība.'
        : random.pick(ACTIONS[d.kind]);
    row.evaluation_notes = d.kind === 'complaint' ? random.pick(NOTES) : null;
    row.updated_at = when;
  };

  // The year's flow: evaluated within days, answered mostly in time, most closed; the last week's
  // items still new.
  const drafts: Draft[] = [];
  for (let i = 0; i < RANDOM_ITEMS; i += 1) drafts.push(draft(random.int(8, 364)));
  for (let i = 0; i < 5; i += 1) drafts.push(draft(random.int(1, 6)));
  // What two improvement tasks below were set from, whatever else the year drew.
  drafts.push(
    draft(55, {
      kind: 'complaint',
      unitKey: 'social',
      template: WHEELCHAIR,
      about: null,
      language: 'lv',
    }),
    draft(130, {
      kind: 'suggestion',
      unitKey: 'centreMain',
      template: CHILD_CORNER,
      about: null,
      language: 'lv',
    }),
  );
  for (const d of drafts) {
    if (d.receivedAt.getTime() >= now.getTime())
      d.receivedAt = later(now, -random.int(2, 20) * HOUR);
    const row = await rowOf(d);
    items.push(row);
    const recent = now.getTime() - d.receivedAt.getTime() < 7 * DAY;
    const evaluatedAt = inOffice(later(d.receivedAt, random.between(0.2, 4) * DAY));
    if (recent || evaluatedAt.getTime() > now.getTime()) continue;
    evaluate(row, d, evaluatedAt);
    let done = evaluatedAt;
    if (row.answer_due_at) {
      const dueAt = new Date(row.answer_due_at);
      const span = dueAt.getTime() - d.receivedAt.getTime();
      const share = random.chance(0.93) ? random.between(0.3, 0.95) : random.between(1.05, 1.6);
      let answeredAt = inOffice(later(d.receivedAt, share * span));
      if (answeredAt.getTime() <= evaluatedAt.getTime()) answeredAt = later(evaluatedAt, HOUR);
      if (answeredAt.getTime() > now.getTime()) {
        // Not answered yet: only the showcase items below are overdue.
        if (dueAt.getTime() > now.getTime()) continue;
        answeredAt = later(now, -HOUR);
      }
      row.state = 'answered';
      row.answered_at = answeredAt;
      row.updated_at = answeredAt;
      done = answeredAt;
    }
    const closedAt = inOffice(later(done, random.between(0.5, 10) * DAY));
    if (closedAt.getTime() < now.getTime() && random.chance(0.85)) {
      row.state = 'closed';
      row.closed_at = closedAt;
      row.updated_at = closedAt;
    }
  }

  // Two answers overdue: received some four weeks ago with an e-mail, one evaluated, one not.
  for (const [daysAgo, evaluated] of [
    [26, true],
    [22, false],
  ] as const) {
    const d = draft(daysAgo, {
      kind: 'complaint',
      unitKey: evaluated ? 'property' : 'social',
      channel: 'email',
      template: LATE_ANSWER,
      about: null,
      contact: { name: 'Laura Krūmiņa', email: 'laura.krumina@example.com', phone: null },
      language: 'lv',
    });
    const row = await rowOf(d);
    row.text = evaluated
      ? 'Jau mēnesi gaidu atbildi par kapavietas nomas līguma pagarināšanu. Lūdzu atbildēt.'
      : 'Iesniedzu dokumentus sociālās palīdzības saņemšanai, bet neviens nav sazinājies.';
    items.push(row);
    if (evaluated) evaluate(row, d, inOffice(later(d.receivedAt, 2 * DAY)), true);
  }

  // ---- Three serious complaints escalated ----------------------------------------------------

  /** Opens a level at the instant; returns its row, to close or leave open. */
  const open = async (
    row: ItemRow,
    level: EscalationLevel,
    openedAt: Date,
    openedBy: string | null,
    reason: string,
    levelUnit: string | null,
  ) => {
    const due = await dueBy(`escalation-${level}`, openedAt);
    const escalation: Insertable<FeedbackEscalationsTable> = {
      id: random.uuid(),
      feedback_id: row.id,
      level,
      unit_id: levelUnit,
      opened_at: openedAt,
      opened_by: openedBy,
      reason,
      due_on: due.due,
      due_at: due.dueEnd,
      closed_at: null,
      closed_by: null,
      outcome: null,
      decision: null,
    };
    escalations.push(escalation);
    row.escalation_level = level;
    return { escalation, dueAt: due.dueEnd };
  };
  const close = (
    row: ItemRow,
    escalation: Insertable<FeedbackEscalationsTable>,
    closedAt: Date,
    closedBy: string | null,
    outcome: 'resolved' | 'escalated' | 'overdue',
    decision: string | null,
  ) => {
    escalation.closed_at = closedAt;
    escalation.closed_by = closedBy;
    escalation.outcome = outcome;
    escalation.decision = decision;
    row.escalation_level = null;
    row.updated_at = closedAt;
  };
  const serious = async (
    daysAgo: number,
    unitKey: string,
    aboutKey: string,
    text: string,
    contact: Draft['contact'],
  ) => {
    const d = draft(daysAgo, {
      kind: 'complaint',
      unitKey,
      channel: 'web_form',
      template: COMPLAINTS[0] as Template,
      about: named(aboutKey),
      language: 'lv',
      contact,
    });
    const row = await rowOf(d);
    row.text = text;
    row.serious = true;
    items.push(row);
    const evaluatedAt = inOffice(later(d.receivedAt, 1.2 * DAY));
    evaluate(row, d, evaluatedAt, true);
    row.evaluation_notes =
      'Nopietns ētikas normu pārkāpums, ja apstiprinās: jāizvērtē tiešajam vadītājam (32. punkts).';
    return { row, evaluatedAt };
  };

  // Resolved by the Mežciems centre's head within the manager's deadline.
  {
    const { row, evaluatedAt } = await serious(
      150,
      'centreForest',
      'janis',
      'Darbinieks Jānis Bērziņš manā klātbūtnē citam klientam izteica aizvainojošas piezīmes par manu vecumu un teica, ka “tādiem” e-pakalpojumi nav domāti.',
      { name: 'Dzintra Auziņa', email: 'dzintra.auzina@example.net', phone: null },
    );
    const arturs = person('arturs');
    const { escalation } = await open(
      row,
      'manager',
      later(evaluatedAt, 20 * 60_000),
      head.id,
      'Iespējams ētikas normu pārkāpums; jāizvērtē centra vadītājam.',
      unitId('centreForest'),
    );
    const resolvedAt = inOffice(later(evaluatedAt, 3 * DAY));
    close(
      row,
      escalation,
      resolvedAt,
      arturs.id,
      'resolved',
      'Pārrunāts ar darbinieku; izteikta rakstiska piezīme. Klientei atvainojāmies personīgi.',
    );
    row.state = 'answered';
    row.answered_at = later(resolvedAt, 2 * HOUR);
    letters.set(
      row.id,
      'Jūsu sūdzību izvērtēja Mežciema centra vadītājs. Darbinieka rīcība neatbilda pašvaldības Ētikas kodeksam: viņam izteikta rakstiska piezīme, un visi centra darbinieki apmeklēs mācības par saskarsmi ar klientiem. Atvainojamies jums par piedzīvoto.',
    );
    row.closed_at = inOffice(later(resolvedAt, 2 * DAY));
    row.state = 'closed';
    row.updated_at = row.closed_at;
  }

  // The main centre's head let the manager's deadline pass; the client service head resolved it.
  let headResolved: ItemRow;
  {
    const { row, evaluatedAt } = await serious(
      95,
      'centreMain',
      'specialist',
      'Darbiniece Līga Bērziņa atteicās pieņemt manu iesniegumu un pieprasīja personas datus, kas pakalpojumam nav vajadzīgi. Kad iebildu, viņa pasauca apsardzi.',
      { name: 'Kārlis Celmiņš', email: 'karlis.celmins@example.org', phone: '+371 29 411 207' },
    );
    headResolved = row;
    const manager = await open(
      row,
      'manager',
      later(evaluatedAt, 15 * 60_000),
      head.id,
      'Klients apgalvo, ka pieprasīti lieki personas dati; jāpārbauda centra vadītājam.',
      unitId('centreMain'),
    );
    close(row, manager.escalation, manager.dueAt, null, 'overdue', null);
    const upper = await open(
      row,
      'head',
      manager.dueAt,
      null,
      'Tiešā vadītāja termiņš beidzās bez lēmuma.',
      null,
    );
    const resolvedAt = inOffice(later(manager.dueAt, 4 * DAY));
    close(
      row,
      upper.escalation,
      resolvedAt,
      head.id,
      'resolved',
      'Sūdzība daļēji pamatota: dati prasīti pēc novecojušas veidlapas. Veidlapa nomainīta, darbiniecei un centra vadītājam atgādināta personas datu apstrādes kārtība.',
    );
    row.state = 'answered';
    row.answered_at = later(resolvedAt, 3 * HOUR);
    letters.set(
      row.id,
      'Esam izvērtējuši jūsu sūdzību. Tā ir daļēji pamatota: jums prasīja datus pēc novecojušas iesnieguma veidlapas, kurā bija lieki personas dati. Veidlapa visos kanālos ir nomainīta, un darbiniekiem atgādināta personas datu apstrādes kārtība. Atvainojamies par sagādātajām neērtībām; iesniegumu varat iesniegt jebkurā centrā vai e-pastā.',
    );
    row.updated_at = row.answered_at;
  }

  // Manager, then the deputy executive director, now the Ethics commission, which has time left.
  {
    const ethicsOpened = at(workingDaysBefore(today, 6), 11 * 60 + 10);
    const headOpened = at(workingDaysBefore(rigaDateOf(ethicsOpened), 5), 9 * 60 + 40);
    const managerOpened = at(workingDaysBefore(rigaDateOf(headOpened), 3), 10 * 60 + 5);
    const received = at(workingDaysBefore(rigaDateOf(managerOpened), 1), 18 * 60 + 30);
    const { row } = await serious(
      0,
      'centreMain',
      'valdis',
      'Darbinieks Valdis Dūmiņš pasu nodaļā man teica, ka “tādus kā es šeit neapkalpo”, un atteicās pieņemt dokumentus manas tautības dēļ. Pie tā bija klāt vēl divi cilvēki, viņi var to apliecināt.',
      { name: 'Sergejs Petrovs', email: 'sergejs.petrovs@example.com', phone: '+371 26 318 044' },
    );
    row.received_at = received;
    row.created_at = received;
    const due = await dueBy('feedback-answer', received);
    row.answer_due_on = due.due;
    row.answer_due_at = due.dueEnd;
    row.evaluated_at = later(managerOpened, -30 * 60_000);
    const manager = await open(
      row,
      'manager',
      managerOpened,
      head.id,
      'Iespējama diskriminācija; jāizvērtē tiešajam vadītājam.',
      unitId('centreMain'),
    );
    close(
      row,
      manager.escalation,
      headOpened,
      person('unitHead').id,
      'escalated',
      'Darbinieks notikušo noliedz, liecinieki to apstiprina. Centra līmenī nevaru izlemt; nododu augstāk.',
    );
    const upper = await open(
      row,
      'head',
      headOpened,
      person('unitHead').id,
      'Pretrunīgas liecības; nepieciešams augstāka līmeņa lēmums.',
      null,
    );
    close(
      row,
      upper.escalation,
      ethicsOpened,
      deputy.id,
      'escalated',
      'Iespējams Ētikas kodeksa pārkāpums; lieta nododama Ētikas komisijai (33. punkts).',
    );
    await open(
      row,
      'ethics',
      ethicsOpened,
      deputy.id,
      'Iespējams Ētikas kodeksa pārkāpums ar lieciniekiem.',
      null,
    );
    // The client was told in time that the complaint went to a higher level.
    row.state = 'answered';
    row.answered_at = later(headOpened, 2 * HOUR);
    letters.set(
      row.id,
      'Jūsu sūdzība ir ļoti nopietna. Centra vadītājs to nevarēja izlemt viens, tāpēc to izvērtē klientu apkalpošanas nodaļas vadītāja kopā ar izpilddirektora vietnieku, un vajadzības gadījumā to izskatīs pašvaldības Ētikas komisija. Par lēmumu jūs informēsim rakstiski. Liecinieku kontaktus, ja tie jums ir, lūdzu, nosūtiet, atbildot uz šo vēstuli.',
    );
    row.updated_at = ethicsOpened;
  }

  // References run in the order received, as the public form and staff would have taken them.
  items.sort((a, b) => a.received_at.getTime() - b.received_at.getTime());
  items.forEach((row, index) => {
    row.reference = `ATS-${rigaDateOf(row.received_at).slice(0, 4)}-${String(index + 1).padStart(5, '0')}`;
    row.search_text = feedbackSearchText({
      reference: row.reference,
      text: row.text,
      name: row.name ?? null,
      email: row.email ?? null,
      phone: row.phone ?? null,
      topic: row.topic ?? null,
    });
  });

  // ---- What the answers left behind -----------------------------------------------------------

  // As the feedback service answers (feedback.service.ts): with an e-mail address, a request of
  // the client's own (found or registered by the address) in the head's unit, registered and
  // answered as the letter is queued, and the letter sent from the outbox; with only a phone
  // number, the note of the call in the audit record. A generator of its own, so that the items'
  // draws above stay as they were.
  const paper = createRandom(20_261_206);
  const headUnit = unitId('clientService');
  const headName = `${head.givenName} ${head.surname}`;
  const { senderAddress } = await db
    .selectFrom('units as u')
    .innerJoin('institutions as i', 'i.id', 'u.institution_id')
    .select(sql<string | null>`coalesce(u.email, i.email)`.as('senderAddress'))
    .where('u.id', '=', headUnit)
    .executeTakeFirstOrThrow();
  const signatures = {
    lv: await services.signatures.signatureIn(db, head.id, 'lv'),
    en: await services.signatures.signatureIn(db, head.id, 'en'),
  };
  const answeredByEmail = items.filter((row) => row.answered_at && row.email);
  /** The client each address belongs to, as the clients service finds them: a person first. */
  const known = new Map<string, { id: string; name: string }>();
  if (answeredByEmail.length > 0) {
    const found = await db
      .selectFrom('clients')
      .select(['id', 'email', 'given_name', 'surname', 'name'])
      .where(
        sql<string>`lower(email)`,
        'in',
        answeredByEmail.map((row) => (row.email as string).toLowerCase()),
      )
      .where('merged_into', 'is', null)
      .orderBy(sql`kind = 'person'`, 'desc')
      .orderBy('updated_at', 'desc')
      .execute();
    for (const client of found) {
      const address = (client.email as string).toLowerCase();
      if (known.has(address)) continue;
      known.set(address, {
        id: client.id,
        name: client.name ?? [client.given_name, client.surname].filter(Boolean).join(' '),
      });
    }
  }

  const newClients: Array<Insertable<ClientsTable>> = [];
  const contacts: Array<Insertable<ContactsTable>> = [];
  const requests: Array<Insertable<ServiceRequestsTable> & { id: string }> = [];
  const events: Array<{
    request_id: string;
    at: Date;
    actor_staff_id: string | null;
    kind: string;
    data: Record<string, unknown>;
  }> = [];
  /** What a request is found by besides its number, which it gets once they are all made. */
  const searchParts = new Map<string, string[]>();
  const letterRows: Array<Insertable<OutgoingMessagesTable>> = [];
  const auditRows: Array<Insertable<AuditLogTable>> = [];
  const audit = (
    at: Date,
    actor: string | null | undefined,
    action: string,
    entity: { type: string; id: string },
    change: { before?: unknown; after?: unknown; context?: unknown },
  ) =>
    auditRows.push({
      at,
      actor_staff_id: actor ?? null,
      actor_token_id: null,
      action,
      entity_type: entity.type,
      entity_id: entity.id,
      before: change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === undefined ? null : JSON.stringify(change.after),
      context: change.context === undefined ? null : JSON.stringify(change.context),
      request_id: null,
      ip: null,
    });

  /** The client the address belongs to, registered from the sender's name when new. */
  const clientFor = (row: ItemRow, at: Date) => {
    const address = (row.email as string).toLowerCase();
    const found = known.get(address);
    if (found) return found;
    const { givenName, surname } = nameFromSender(row.name ?? null, row.email as string);
    const fields = {
      kind: 'person' as const,
      given_name: givenName,
      surname,
      name: null,
      personal_code: null,
      registration_number: null,
      staff_id: null,
      phone: null,
      email: row.email as string,
      e_address: null,
      address: null,
    };
    const client = { id: paper.uuid(), name: [givenName, surname].filter(Boolean).join(' ') };
    newClients.push({
      id: client.id,
      ...fields,
      preferred_language: null,
      preferred_channel: null,
      consent_notes: null,
      merged_into: null,
      search_text: clientSearchTextOf(fields),
      sort_name: clientSortNameOf(fields),
      created_at: at,
      updated_at: at,
    });
    known.set(address, client);
    return client;
  };

  for (const row of items) {
    const item = { type: 'feedback', id: row.id };
    audit(row.received_at, row.registered_by, 'create', item, {
      after: {
        reference: row.reference,
        kind: row.kind,
        channel: row.channel,
        unitId: row.unit_id,
        staffId: row.staff_id ?? null,
        sourceRequestId: null,
      },
    });
    if (row.evaluated_at) {
      audit(new Date(row.evaluated_at), row.evaluated_by, 'evaluate', item, {
        before: {
          state: 'new',
          topic: null,
          unitId: row.unit_id,
          staffId: row.staff_id ?? null,
          justified: null,
          serious: false,
        },
        after: {
          state: 'evaluated',
          topic: row.topic,
          unitId: row.unit_id,
          staffId: row.staff_id ?? null,
          justified: row.justified,
          serious: row.serious,
        },
      });
    }
    const levels = escalations
      .filter((level) => level.feedback_id === row.id)
      .sort((a, b) => new Date(a.opened_at).getTime() - new Date(b.opened_at).getTime());
    levels.forEach((level, index) => {
      audit(
        new Date(level.opened_at),
        level.opened_by,
        level.opened_by ? 'escalate' : 'escalate-overdue',
        item,
        {
          before: { level: levels[index - 1]?.level ?? null },
          after: { level: level.level, unitId: level.unit_id ?? null, dueOn: level.due_on },
        },
      );
      if (level.outcome === 'resolved' && level.closed_at) {
        audit(new Date(level.closed_at), level.closed_by, 'resolve', item, {
          before: { level: level.level },
          after: { level: null, outcome: 'resolved' },
        });
      }
    });
    if (row.answered_at) {
      const answeredAt = new Date(row.answered_at);
      if (row.email) {
        const body = letters.get(row.id) ?? answerOf(row, paper);
        const client = clientFor(row, answeredAt);
        const contactId = paper.uuid();
        const requestId = paper.uuid();
        const messageId = paper.uuid();
        const service = `${ANSWER_SERVICE} ${row.reference}`;
        contacts.push({
          id: contactId,
          channel: 'email',
          occurred_at: answeredAt,
          client_id: client.id,
          client_kind: 'external',
          staff_id: null,
          unit_id: headUnit,
          reason: service,
          created_at: answeredAt,
          updated_at: answeredAt,
        });
        const dueAt = row.answer_due_at ? new Date(row.answer_due_at) : answeredAt;
        requests.push({
          id: requestId,
          number: '',
          contact_id: contactId,
          client_id: client.id,
          client_kind: 'external',
          channel: 'email',
          service,
          service_id: null,
          kind: 'consultation',
          case_type: 'feedback',
          institution_id: null,
          unit_id: headUnit,
          owner_id: head.id,
          state: 'answered',
          policy_code: 'feedback-answer',
          received_at: answeredAt,
          due_on: row.answer_due_on ?? rigaDateOf(dueAt),
          due_at: dueAt,
          answered_at: answeredAt,
          closed_at: null,
          referred_at: null,
          referred_by: null,
          tags: [],
          search_text: '',
          registered_by: head.id,
          version: 2,
          created_at: answeredAt,
          updated_at: answeredAt,
        });
        searchParts.set(requestId, [service, client.name]);
        events.push(
          {
            request_id: requestId,
            at: answeredAt,
            actor_staff_id: head.id,
            kind: 'created',
            data: { dueOn: row.answer_due_on, policy: 'feedback-answer' },
          },
          {
            request_id: requestId,
            at: answeredAt,
            actor_staff_id: head.id,
            kind: 'reply',
            data: { messageId, feedbackId: row.id },
          },
        );
        const language = row.language === 'en' ? 'en' : 'lv';
        letterRows.push({
          id: messageId,
          request_id: requestId,
          channel: 'email',
          recipient: row.email,
          kind: 'letter',
          subject: ANSWER_SUBJECT[language](row.reference),
          body: letterBody({
            text: `${greetingOf(row)}\n\n${body}\n\n${signatures[language] ? '' : `${SIGN_OFF[language]}\n${headName}`}`,
            signature: signatures[language],
            quote: null,
          }),
          message_id: messageIdFor(paper.uuid(), senderAddress),
          in_reply_to: null,
          mailbox_id: null,
          due_at: answeredAt,
          state: 'sent',
          attempts: 1,
          sent_at: later(answeredAt, paper.int(20, 240) * 1000),
          created_by: head.id,
          created_at: answeredAt,
        });
        row.answer_request_id = requestId;
        audit(answeredAt, head.id, 'answer', item, {
          before: { state: 'evaluated' },
          after: { state: 'answered', channel: 'email', requestId, messageId },
        });
      } else {
        audit(answeredAt, head.id, 'answer', item, {
          before: { state: 'evaluated' },
          after: { state: 'answered', channel: 'phone', requestId: null, messageId: null },
          context: { note: phoneNoteOf(row, paper) },
        });
      }
    }
    if (row.closed_at) {
      audit(new Date(row.closed_at), head.id, 'close', item, {
        before: { state: row.answered_at ? 'answered' : 'evaluated' },
        after: { state: 'closed' },
      });
    }
  }

  // ---- Improvement tasks -------------------------------------------------------------------------

  const survey = await db
    .selectFrom('surveys')
    .innerJoin('survey_waves', 'survey_waves.survey_id', 'surveys.id')
    .select(['surveys.id as surveyId', 'survey_waves.id as waveId'])
    .where('surveys.title', '=', 'Klientu apmierinātības aptauja')
    // The wave whose answers the survey seed imports (seed-demo-surveys.ts).
    .where('survey_waves.name', '=', '2025')
    .executeTakeFirst();
  if (!survey) throw new Error('the demo has no client survey with answers');

  const itemAbout = (predicate: (row: ItemRow) => boolean) => {
    const found = items.find(predicate);
    if (!found) throw new Error('the demo has no feedback for a task');
    return found;
  };
  const forestComplaint = itemAbout(
    (row) => row.serious === true && row.unit_id === unitId('centreForest'),
  );
  const wheelchair = itemAbout(
    (row) => templateOf.get(row.id) === WHEELCHAIR && row.state !== 'new',
  );
  const childCorner = itemAbout(
    (row) => templateOf.get(row.id) === CHILD_CORNER && row.state !== 'new',
  );

  const tasks: Array<Insertable<ImprovementTasksTable>> = [];
  const unitKeyOf = new Map([...org.unitIds].map(([key, id]) => [id, key]));
  /** Who answers for a task of the unit: the centre's head, else the unit's first specialist. */
  const ownerFor = (unit: string) => {
    const key = unitKeyOf.get(unit) ?? '';
    const heads: Record<string, string> = { centreMain: 'unitHead', centreForest: 'arturs' };
    return person(heads[key] ?? servers(key)[0]?.key ?? 'csHead').id;
  };
  const task = (t: {
    unit: string;
    title: string;
    description: string;
    owner: string;
    createdDaysAgo: number;
    dueIn: number;
    state: ImprovementTaskState;
    outcome?: string;
    completedDaysAgo?: number;
    feedbackId?: string;
    surveyFactor?: string;
  }) => {
    const createdAt = at(workingOnOrBefore(addCalendarDays(today, -t.createdDaysAgo)), 10 * 60);
    const completedAt =
      t.completedDaysAgo === undefined
        ? null
        : at(workingOnOrBefore(addCalendarDays(today, -t.completedDaysAgo)), 14 * 60);
    const id = random.uuid();
    tasks.push({
      id,
      unit_id: t.unit,
      title: t.title,
      description: t.description,
      owner_id: t.owner,
      due_on: calendar.addWorkingDays(rigaDateOf(createdAt), t.dueIn),
      state: t.state,
      outcome: t.outcome ?? null,
      feedback_id: t.feedbackId ?? null,
      survey_id: t.surveyFactor ? survey.surveyId : null,
      survey_wave_id: t.surveyFactor ? survey.waveId : null,
      survey_factor: t.surveyFactor ?? null,
      created_by: head.id,
      completed_at: completedAt,
      created_at: createdAt,
      updated_at: completedAt ?? createdAt,
    });
    return id;
  };
  task({
    unit: unitId('centreMain'),
    title: 'Saīsināt gaidīšanas laiku rindā',
    description:
      'Klientu aptaujā gaidīšanas laiks Priedaines centrā vērtēts zemāk par vidējo, lai gan tas ir ļoti svarīgs. Ieviest iepriekšēju pierakstu pa laikiem un pārskatīt darbinieku grafiku pīķa stundās.',
    owner: person('unitHead').id,
    createdDaysAgo: 60,
    dueIn: 80,
    state: 'in_progress',
    surveyFactor: 'waiting_time',
  });
  task({
    unit: unitId('centreMain'),
    title: 'Nomainīt iesnieguma veidlapu un atgādināt personas datu apstrādes kārtību',
    description: 'Pēc sūdzības: veidlapā prasīti pakalpojumam nevajadzīgi personas dati.',
    owner: person('unitHead').id,
    createdDaysAgo: 78,
    dueIn: 10,
    state: 'done',
    outcome:
      'Veidlapa nomainīta visos kanālos; darbinieku sanāksmē pārrunāta datu minimizēšana (12 dalībnieki).',
    completedDaysAgo: 70,
    feedbackId: headResolved.id,
  });
  task({
    unit: unitId('centreForest'),
    title: 'Ētikas mācības centra darbiniekiem',
    description: 'Pēc nopietnas sūdzības: saskarsme ar gados vecākiem klientiem.',
    owner: person('arturs').id,
    createdDaysAgo: 140,
    dueIn: 30,
    state: 'done',
    outcome: 'Visi centra darbinieki apmeklējuši 4 stundu mācības par klientu apkalpošanas ētiku.',
    completedDaysAgo: 105,
    feedbackId: forestComplaint.id,
  });
  const queueScreen = task({
    unit: unitId('centreForest'),
    title: 'Uzstādīt rindas ekrānu uzgaidāmajā telpā',
    description: 'Novērojums: klienti bieži jautā, cik ilgi vēl jāgaida.',
    owner: person('arturs').id,
    createdDaysAgo: 20,
    dueIn: 40,
    state: 'planned',
  });
  task({
    unit: wheelchair.unit_id,
    title: 'Uzbrauktuve pie ieejas',
    description: 'Pēc sūdzības: ar ratiņkrēslu nevar iekļūt bez palīdzības.',
    owner: ownerFor(wheelchair.unit_id),
    createdDaysAgo: 45,
    dueIn: 60,
    state: 'in_progress',
    feedbackId: wheelchair.id,
  });
  task({
    unit: unitId('centreMain'),
    title: 'Atjaunot informatīvos stendus uzgaidāmajā telpā',
    description: 'Novērojums: stendos ir novecojusi informācija par pakalpojumiem un darba laiku.',
    owner: person('gunta').id,
    createdDaysAgo: 50,
    dueIn: 20,
    state: 'planned',
  });
  task({
    unit: unitId('building'),
    title: 'Atsevišķs pieņemšanas laiks būvvaldē',
    description: 'Iedzīvotāji lūdz konsultācijas arī pēcpusdienā.',
    owner: person('peteris').id,
    createdDaysAgo: 200,
    dueIn: 40,
    state: 'cancelled',
    outcome:
      'Atcelts: būvvaldes konsultācijas no septembra notiek Priedaines centrā pēc pieraksta, kas jautājumu atrisina.',
    completedDaysAgo: 170,
  });
  task({
    unit: childCorner.unit_id,
    title: 'Bērnu stūrītis uzgaidāmajā telpā',
    description: 'Pēc klienta ierosinājuma.',
    owner: ownerFor(childCorner.unit_id),
    createdDaysAgo: 120,
    dueIn: 30,
    state: 'done',
    outcome: 'Iekārtots stūrītis ar galdiņu, krāsojamām grāmatām un zīmuļiem.',
    completedDaysAgo: 95,
    feedbackId: childCorner.id,
  });

  // The social service and the building board receive residents too: an administrator marked them.
  const serving = ['centreMain', 'centreForest', 'social', 'building'];
  const lastYear = Number(today.slice(0, 4)) - 1;

  // ---- Last year's written answers -------------------------------------------------------------

  // The cases cover the last four months; before them, the units that report on last year were
  // written to by e-mail too, and answered in three working days (clause 21.1), mostly in time.
  // Regular clients of the cases wrote them, registered from their first letter on.
  const casesFrom = rigaInstantOf(addCalendarDays(today, -HISTORY_DAYS));
  const yearFrom = rigaInstantOf(`${lastYear}-01-01`);
  const yearTo = new Date(
    Math.min(rigaInstantOf(`${lastYear + 1}-01-01`).getTime(), casesFrom.getTime()),
  );
  const writers = await db
    .selectFrom('clients')
    .select(['id', 'given_name', 'surname', 'created_at'])
    .where('kind', '=', 'person')
    .where('email', 'is not', null)
    .where('merged_into', 'is', null)
    .orderBy('id')
    .limit(400)
    .execute();
  /** When each writer first wrote, where that is before the cases registered them. */
  const firstWrote = new Map<string, Date>();
  for (const [unitKey, count] of WRITTEN_PER_UNIT) {
    const owners = servers(unitKey);
    for (let n = 0; n < count && writers.length > 0 && owners.length > 0; n += 1) {
      const receivedAt = new Date(
        yearFrom.getTime() + paper.next() * (yearTo.getTime() - yearFrom.getTime()),
      );
      const writer = paper.pick(writers);
      const seen = firstWrote.get(writer.id) ?? new Date(writer.created_at);
      if (receivedAt.getTime() < seen.getTime()) firstWrote.set(writer.id, receivedAt);
      const [service, reason] = paper.pick(
        WRITTEN_SERVICES[unitKey] ?? (WRITTEN_SERVICES.centre as (typeof WRITTEN_SERVICES)[string]),
      );
      const deadline = await services.calendar.deadlineFor(receivedAt, {
        channel: 'email',
        clientKind: 'external',
        caseType: null,
      });
      const dueAt = deadline.dueEnd;
      const span = dueAt.getTime() - receivedAt.getTime();
      const owner = paper.pick(owners);
      const started = inOffice(later(receivedAt, paper.between(0.05, 0.3) * span));
      // Most in time, nearer the due date than not; about one in twelve late.
      const share = paper.chance(0.92)
        ? 0.35 + 0.63 * Math.sqrt(paper.next())
        : paper.between(1.05, 1.8);
      let answeredAt = inOffice(later(receivedAt, share * span));
      if (answeredAt.getTime() < started.getTime() + HOUR) answeredAt = later(started, HOUR);
      const closedAt = inOffice(later(answeredAt, paper.between(0, 3) * DAY));
      const contactId = paper.uuid();
      const requestId = paper.uuid();
      const clientName = [writer.given_name, writer.surname].filter(Boolean).join(' ');
      contacts.push({
        id: contactId,
        channel: 'email',
        occurred_at: receivedAt,
        client_id: writer.id,
        client_kind: 'external',
        staff_id: null,
        unit_id: unitId(unitKey),
        reason,
        created_at: receivedAt,
        updated_at: receivedAt,
      });
      requests.push({
        id: requestId,
        number: '',
        contact_id: contactId,
        client_id: writer.id,
        client_kind: 'external',
        channel: 'email',
        service,
        service_id: null,
        kind: 'consultation',
        case_type: null,
        institution_id: null,
        unit_id: unitId(unitKey),
        owner_id: owner.id,
        state: 'closed',
        policy_code: deadline.policyCode,
        received_at: receivedAt,
        due_on: deadline.due,
        due_at: dueAt,
        answered_at: answeredAt,
        closed_at: closedAt,
        referred_at: null,
        referred_by: null,
        tags: [],
        search_text: '',
        registered_by: null,
        version: 4,
        created_at: receivedAt,
        updated_at: closedAt,
      });
      searchParts.set(requestId, [service, clientName]);
      const step = (at: Date, actor: string | null, kind: string, data: Record<string, unknown>) =>
        events.push({ request_id: requestId, at, actor_staff_id: actor, kind, data });
      step(receivedAt, null, 'created', { dueOn: deadline.due, policy: deadline.policyCode });
      step(started, owner.id, 'state', { from: 'new', to: 'in_progress', note: null });
      step(answeredAt, owner.id, 'state', {
        from: 'in_progress',
        to: 'answered',
        note: 'Atbilde nosūtīta e-pastā',
      });
      step(closedAt, owner.id, 'state', { from: 'answered', to: 'closed', note: null });
    }
  }

  // Request numbers continue the cases' numbering, in the order the requests were registered.
  const { rows: numbering } = await sql<{ last: number }>`
    select last_value as last from service_request_number`.execute(db);
  let requestNumber = Number(numbering[0]?.last ?? 0);
  requests.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
  for (const request of requests) {
    requestNumber += 1;
    request.number = `${rigaDateOf(new Date(request.created_at)).slice(0, 4)}-${String(requestNumber).padStart(6, '0')}`;
    request.search_text = searchTextOf([request.number, ...(searchParts.get(request.id) ?? [])]);
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  auditRows.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());

  // ---- Unit reports ----------------------------------------------------------------------------

  const reports: Array<Insertable<UnitReportsTable>> = [];
  const report = (
    unitKey: string,
    year: number,
    by: string | null,
    when: Date,
    texts: { shortcomings: string; measures: string },
  ) =>
    reports.push({
      id: random.uuid(),
      unit_id: unitId(unitKey),
      year,
      state: by ? 'submitted' : 'draft',
      // Counted from the records in the transaction below, once they are all there.
      figures: '{}',
      shortcomings: texts.shortcomings,
      measures: texts.measures,
      submitted_by: by,
      submitted_at: by ? when : null,
      created_at: later(when, -5 * DAY),
      updated_at: when,
    });
  /** Early in the year, or yesterday for a demo loaded in the year's first weeks. */
  const submitted = (date: string, minute: number) => {
    const when = at(workingOnOrBefore(date), minute);
    return when.getTime() < now.getTime() - DAY ? when : later(now, -DAY);
  };
  report(
    'centreMain',
    lastYear,
    person('unitHead').id,
    submitted(`${lastYear + 1}-01-22`, 11 * 60),
    {
      shortcomings:
        'Pīķa stundās rindā jāgaida ilgāk par 30 minūtēm; daļa atbilžu e-pastā nosūtītas pēc termiņa; stendos novecojusi informācija.',
      measures:
        'Ieviest pierakstu pa laikiem, pārskatīt grafiku, katru mēnesi pārbaudīt stendus un mājaslapas informāciju.',
    },
  );
  report('social', lastYear, person('sandra').id, submitted(`${lastYear + 1}-01-27`, 11 * 60), {
    shortcomings: 'Ieeja nav pieejama ratiņkrēslā; vairākos gadījumos nokavēta atzvanīšana.',
    measures: 'Izbūvēt uzbrauktuvi; ieviest atzvanīšanas sarakstu Apkalpo.',
  });
  report(
    'building',
    lastYear,
    person('peteris').id,
    submitted(`${lastYear + 1}-02-03`, 9 * 60 + 30),
    {
      shortcomings: 'Konsultācijas pieejamas tikai divas stundas nedēļā.',
      measures: 'Konsultācijas pēc pieraksta Priedaines centrā.',
    },
  );
  // The Mežciems centre has not submitted last year's report; the main centre drafts this year's.
  report('centreMain', lastYear + 1, null, later(now, -3 * DAY), {
    shortcomings: 'Gaidīšanas laiks rindā pirmdienās joprojām pārsniedz 20 minūtes.',
    measures: '',
  });

  // ---- Staff ideas ---------------------------------------------------------------------------

  const ideas: Array<Insertable<StaffIdeasTable>> = [];
  const idea = (i: {
    authorKey: string;
    addressee: IdeaAddressee;
    unitKey?: string;
    title: string;
    text: string;
    state: IdeaState;
    daysAgo: number;
    response?: { byKey: string; text: string; daysLater: number };
    taskId?: string;
  }) => {
    const createdAt = at(workingOnOrBefore(addCalendarDays(today, -i.daysAgo)), 13 * 60);
    const respondedAt = i.response ? inOffice(later(createdAt, i.response.daysLater * DAY)) : null;
    ideas.push({
      id: random.uuid(),
      author_id: person(i.authorKey).id,
      addressee: i.addressee,
      unit_id: i.unitKey ? unitId(i.unitKey) : null,
      title: i.title,
      text: i.text,
      state: i.state,
      response: i.response?.text ?? null,
      responded_by: i.response ? person(i.response.byKey).id : null,
      responded_at: respondedAt,
      improvement_task_id: i.taskId ?? null,
      created_at: createdAt,
      updated_at: respondedAt ?? createdAt,
    });
  };
  idea({
    authorKey: 'janis',
    addressee: 'manager',
    unitKey: 'centreForest',
    title: 'Rindas ekrāns',
    text: 'Klienti visu laiku jautā, cik ilgi vēl jāgaida. Ekrāns ar rindas numuriem ietaupītu daudz laika.',
    state: 'accepted',
    daysAgo: 30,
    response: {
      byKey: 'arturs',
      text: 'Laba ideja – iekļauta uzlabojumu plānā, ekrānu uzstādīsim līdz gada beigām.',
      daysLater: 4,
    },
    taskId: queueScreen,
  });
  idea({
    authorKey: 'specialist',
    addressee: 'client_service_head',
    title: 'Veidlapu paraugi pie letes',
    text: 'Izlikt pie letes aizpildītus biežāko iesniegumu paraugus, lai klienti tos var aplūkot, kamēr gaida.',
    state: 'implemented',
    daysAgo: 160,
    response: {
      byKey: 'csHead',
      text: 'Paldies! Paraugi sagatavoti un izlikti abos centros.',
      daysLater: 6,
    },
  });
  idea({
    authorKey: 'gunta',
    addressee: 'manager',
    unitKey: 'centreMain',
    title: 'Maiņu grafiks pīķa stundās',
    text: 'Pirmdienu rītos strādāt divos cilvēkos pie letes, bet pēcpusdienā vienam gatavot atbildes.',
    state: 'under_review',
    daysAgo: 12,
    response: {
      byKey: 'unitHead',
      text: 'Izvērtēšu kopā ar darba grafiku nākamajam mēnesim.',
      daysLater: 2,
    },
  });
  idea({
    authorKey: 'valdis',
    addressee: 'client_service_head',
    title: 'Pagarināt darba laiku sestdienās',
    text: 'Atvērt centru vienu sestdienu mēnesī strādājošajiem.',
    state: 'rejected',
    daysAgo: 90,
    response: {
      byKey: 'csHead',
      text: 'Šobrīd nav iespējams: nav finansējuma virsstundām. Trešdienu vakaros Mežciemā jau strādājam līdz 19:00.',
      daysLater: 8,
    },
  });
  idea({
    authorKey: 'oskars',
    addressee: 'deputy_executive_director',
    title: 'Atsauksmju forma mobilajā lietotnē',
    text: 'Pievienot pašvaldības lietotnei saiti uz atsauksmju formu, lai iedzīvotāji var to aizpildīt uzreiz pēc apmeklējuma.',
    state: 'accepted',
    daysAgo: 70,
    response: {
      byKey: 'deputy',
      text: 'Atbalstu; iekļauts nākamajā lietotnes versijā.',
      daysLater: 5,
    },
  });
  idea({
    authorKey: 'kristine',
    addressee: 'deputy_executive_director',
    title: 'Kopīgas mācības ar VSAA',
    text: 'Reizi ceturksnī rīkot kopīgas tiešsaistes mācības ar VSAA par pensiju jautājumiem.',
    state: 'submitted',
    daysAgo: 3,
  });
  idea({
    authorKey: 'sandra',
    addressee: 'client_service_head',
    title: 'Atzvanīšanas saraksts sociālajam dienestam',
    text: 'Sociālajam dienestam arī lietot atzvanīšanas sarakstu, lai neviens zvans nepaliek neatbildēts.',
    state: 'implemented',
    daysAgo: 200,
    response: {
      byKey: 'csHead',
      text: 'Ieviests kopā ar tālruņa līniju; saraksts redzams Apkalpo.',
      daysLater: 10,
    },
  });

  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('units')
      .set({ serves_external_clients: true })
      .where('id', 'in', serving.map(unitId))
      .execute();
    const insert = async <T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
    };
    await insert(newClients, (chunk) => trx.insertInto('clients').values(chunk).execute());
    if (firstWrote.size > 0) {
      await sql`
        update clients as c set created_at = v.at
        from (values ${sql.join(
          [...firstWrote].map(([id, at]) => sql`(${id}::uuid, ${at.toISOString()}::timestamptz)`),
        )}) as v(id, at)
        where c.id = v.id`.execute(trx);
    }
    await insert(contacts, (chunk) => trx.insertInto('contacts').values(chunk).execute());
    await insert(requests, (chunk) => trx.insertInto('service_requests').values(chunk).execute());
    await insert(events, (chunk) =>
      trx
        .insertInto('request_events')
        .values(chunk.map((event) => ({ ...event, data: JSON.stringify(event.data) })))
        .execute(),
    );
    await insert(letterRows, (chunk) =>
      trx.insertInto('outgoing_messages').values(chunk).execute(),
    );
    await sql`select setval('service_request_number', ${requestNumber})`.execute(trx);
    await insert(items, (chunk) => trx.insertInto('feedback_items').values(chunk).execute());
    await trx.insertInto('feedback_escalations').values(escalations).execute();
    await trx.insertInto('improvement_tasks').values(tasks).execute();
    // The reports' figures as the unit reports module counts them from the records (clause 29).
    for (const row of reports) {
      row.figures = JSON.stringify(await services.control.yearOf(trx, row.unit_id, row.year));
    }
    await trx.insertInto('unit_reports').values(reports).execute();
    await trx.insertInto('staff_ideas').values(ideas).execute();
    await insert(auditRows, (chunk) => trx.insertInto('audit_log').values(chunk).execute());
    // Where the feedback module numbers references from a sequence, it continues after these.
    const { rows } = await sql<{ exists: boolean }>`
      select to_regclass('feedback_reference_number') is not null as exists`.execute(trx);
    if (rows[0]?.exists) {
      await sql`select setval('feedback_reference_number', ${items.length})`.execute(trx);
    }
  });
}
