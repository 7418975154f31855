import { sql, type Insertable, type Kysely } from 'kysely';
import type { Channel } from '../../domain/channels';
import type { CommitmentForm } from '../../domain/commitments';
import { weekdayOf } from '../../domain/calendar';
import { DEFAULT_OPENING_HOURS, type OpeningHours } from '../../domain/opening-hours';
import { choosePolicy } from '../../domain/deadlines';
import { extensionNotice, recipientFor } from '../../domain/notices';
import { checkDigitOf } from '../../domain/personal-code';
import type { RequestState } from '../../domain/requests';
import { addCalendarDays, rigaDateOf, rigaInstantOf, rigaTimeOf } from '../../domain/riga-time';
import { foldForSearch, searchTextOf } from '../../domain/search-text';
import { clientSearchTextOf, clientSortNameOf } from '../modules/clients/clients.presenter';
import type { Clock } from '../adapters/clock';
import type { Services } from '../app';
import { systemContext } from '../http/access';
import type {
  ClientsTable,
  CommitmentsTable,
  ContactsTable,
  DB,
  IncidentsTable,
  OutgoingMessagesTable,
  QueueEntriesTable,
  RequestEventsTable,
  RequestLinksTable,
  ServiceRequestsTable,
} from '../db/schema';

// The demo's clients and their cases: about 2000 clients and 3000 contacts over the last four
// months with their service requests, each request's timeline from its registration to its
// answer, referrals, extensions, promises to clients, today's queue and a couple of incidents.
// Thousands of requests through the services would take minutes, so the history is worked out
// here (due dates from the deadline policies and the working calendar, states moving as the
// state machine allows, times in office hours) and written in bulk in one transaction. A fixed
// seed makes it the same on every run, relative to the clock's now.

/** How many days back the cases go. */
export const HISTORY_DAYS = 120;
const CONTACTS_PER_WORKING_DAY: readonly [number, number] = [28, 42];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A person of the demo organisation, as the cases need them. */
export interface DemoStaff {
  key: string;
  id: string;
  givenName: string;
  surname: string;
  email: string;
  phone: string;
  unitKeys: readonly string[];
  /** Serves clients and owns requests (a specialist or a unit head). */
  serves: boolean;
  active: boolean;
}

/** What the organisation part of the demo seed made, by its keys. */
export interface DemoOrganisation {
  unitIds: ReadonlyMap<string, string>;
  unitHours: ReadonlyMap<string, OpeningHours>;
  institutionIds: ReadonlyMap<string, string>;
  staff: readonly DemoStaff[];
  absences: ReadonlyArray<{ staffId: string; startsOn: string; endsOn: string }>;
}

// ---------------------------------------------------------------------------------------------
// Pseudo-random numbers (mulberry32): the same demo on every run.

export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (min: number, max: number) => min + next() * (max - min);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const weighted = <T>(items: ReadonlyArray<readonly [T, number]>): T => {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  };
  const digits = (count: number) => Array.from({ length: count }, () => int(0, 9)).join('');
  /** A version 4 UUID made from the sequence, so rows can refer to each other before insert. */
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = (8 + int(0, 3)).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return { next, between, int, chance: (p: number) => next() < p, pick, weighted, digits, uuid };
}

// ---------------------------------------------------------------------------------------------
// Names, places and organisations.

const words = (text: string) => text.trim().split(/\s+/);
const phrases = (text: string) => text.split(',').map((phrase) => phrase.trim());

const MALE_NAMES = words(`
  Jānis Andris Pēteris Mārtiņš Edgars Juris Aivars Uldis Guntis Kārlis Roberts Artūrs Valdis
  Oskars Dāvis Rihards Ēriks Māris Gatis Kristaps Emīls Ģirts Toms Reinis Aigars Normunds Raimonds
  Dainis Ivars Aleksandrs Sergejs Vladimirs
`);
const FEMALE_NAMES = words(`
  Anna Līga Inese Dace Ilze Kristīne Gunta Sandra Rūta Zane Baiba Elīna Ieva Laura Madara Agnese
  Sanita Dzintra Vija Ināra Ārija Māra Aija Evita Santa Liene Linda Ilona Gunita Ērika Jeļena
  Tatjana
`);
/** Surnames in their masculine and feminine forms. */
const SURNAMES = words(`
  Bērziņš/Bērziņa Kalniņš/Kalniņa Ozols/Ozola Jansons/Jansone Liepiņš/Liepiņa Krūmiņš/Krūmiņa
  Zariņš/Zariņa Vītols/Vītola Kļaviņš/Kļaviņa Šmits/Šmite Lācis/Lāce Kalējs/Kalēja Ābols/Ābola
  Balodis/Balode Zvirbulis/Zvirbule Grīnbergs/Grīnberga Strautiņš/Strautiņa Siliņš/Siliņa
  Žagars/Žagare Vanags/Vanaga Eglītis/Eglīte Pētersons/Pētersone Rozītis/Rozīte Kārkliņš/Kārkliņa
  Sproģis/Sproģe Ķēniņš/Ķēniņa Āboliņš/Āboliņa Gailis/Gaile Lapiņš/Lapiņa Zeltiņš/Zeltiņa
  Upītis/Upīte Auziņš/Auziņa Celmiņš/Celmiņa Freimanis/Freimane Rudzītis/Rudzīte Dūmiņš/Dūmiņa
  Ivanovs/Ivanova Petrovs/Petrova Kuzņecovs/Kuzņecova Smirnovs/Smirnova
`).map((pair) => pair.split('/') as [string, string]);
const RUSSIAN_SURNAMES = new Set(['Ivanovs', 'Petrovs', 'Kuzņecovs', 'Smirnovs']);

const STREETS = phrases(`
  Pils iela, Skolas iela, Dārza iela, Meža iela, Ezera iela, Rīgas iela, Brīvības iela, Jūras iela,
  Lazdu iela, Bērzu iela, Priežu iela, Liepu iela, Saules iela, Upes iela, Dzirnavu iela,
  Stacijas iela, Parka iela, Ābeļu iela
`);
const PLACES: ReadonlyArray<readonly [string, string]> = [
  ['Priedaine', 'LV-2150'],
  ['Priedaine', 'LV-2150'],
  ['Mežciems', 'LV-2151'],
  ['Kalnciems', 'LV-2152'],
  ['Lejasciems', 'LV-2153'],
];
const FARMSTEADS = ['Kalnāji', 'Lejasbērziņi', 'Ozolkalni', 'Priedītes', 'Vecsētas', 'Zīles'];

const ORGANISATION_STEMS = phrases(`
  Priedaines ūdens, Meža takas, Kalnāji, Baltā kāpa, Mežciema maiznīca, Zaļā dzirnava,
  Vecmuižas viesnīca, Pamats, Lejasbērziņi, Ozolkalni, Dzintarkrasts, Saules dārzs, Rudzu druva,
  Ezermalas, Priežu sils, Bišu drava, Jūrmalas ceļš, Amatnieku sēta, Lauku labumi, Ziemeļvējš,
  Stacijas aptieka, Ābeļdārzs, Koka māja, Upesgrīvas, Liepu aleja, Tehnoserviss, Auto Priedaine,
  Zaļā enerģija, Meža velte, Dārza centrs, Kalnciema kokzāģētava, Lejasciema piens, Sētas dārzeņi,
  Gaišā telpa, Būvmeistars, Vecā skola, Jumts un siena, Ziedu pļava, Sporta klubs Priede,
  Mazie pētnieki
`);
const ORGANISATION_FORMS: ReadonlyArray<readonly [(stem: string) => string, number]> = [
  [(stem) => `SIA „${stem}”`, 70],
  [(stem) => `Z/S „${stem}”`, 10],
  [(stem) => `IK „${stem}”`, 8],
  [(stem) => `Biedrība „${stem}”`, 8],
  [(stem) => `Nodibinājums „${stem}”`, 4],
];

// ---------------------------------------------------------------------------------------------
// What clients ask for, and where it is dealt with.

interface ServiceDef {
  service: string;
  kind: 'consultation' | 'application';
  /** The unit that deals with it; null: the client service centre where the client came. */
  unit: string | null;
  institution?: string;
  caseType?: string;
  /** What the client says they came for. */
  reasons: readonly string[];
  /** What the contact ends with. */
  outcome: string;
  waitingFor?: 'client' | 'institution';
  organisations?: boolean;
  weight: number;
}

const EXTERNAL_SERVICES: readonly ServiceDef[] = [
  {
    service: 'Dzīvesvietas deklarēšana',
    kind: 'application',
    unit: null,
    reasons: [
      'Vēlas deklarēt dzīvesvietu jaunajā adresē',
      'Pārcēlies uz novadu, jādeklarē dzīvesvieta',
    ],
    outcome: 'Dzīvesvietas deklarācija pieņemta',
    waitingFor: 'client',
    weight: 12,
  },
  {
    service: 'E-adreses lietošana',
    kind: 'consultation',
    unit: null,
    reasons: ['Nezina, kā atvērt e-adresē saņemto vēstuli', 'Vēlas izveidot e-adresi'],
    outcome: 'Izskaidrota e-adreses lietošana portālā latvija.gov.lv',
    organisations: true,
    weight: 11,
  },
  {
    service: 'eID kartes aktivizēšana',
    kind: 'consultation',
    unit: null,
    institution: 'PMLP',
    reasons: ['Neizdodas pieslēgties ar eID karti', 'Aizmirsis eID kartes PIN kodus'],
    outcome: 'eID kartes sertifikāti aktivizēti, klients pieslēdzās portālam',
    weight: 9,
  },
  {
    service: 'Pašvaldības pakalpojumu konsultācija',
    kind: 'consultation',
    unit: null,
    reasons: [
      'Jautā, kur pieteikties pašvaldības pakalpojumiem',
      'Interesējas par pašvaldības atbalstu senioriem',
    ],
    outcome: 'Sniegta informācija par pašvaldības pakalpojumiem',
    organisations: true,
    weight: 12,
  },
  {
    service: 'Gada ienākumu deklarācijas iesniegšana VID EDS',
    kind: 'consultation',
    unit: null,
    institution: 'VID',
    reasons: [
      'Lūdz palīdzēt aizpildīt gada ienākumu deklarāciju',
      'Vēlas atgūt pārmaksāto iedzīvotāju ienākuma nodokli',
    ],
    outcome: 'Deklarācija kopā ar klientu iesniegta EDS',
    organisations: true,
    weight: 7,
  },
  {
    service: 'Vecuma pensijas pieprasīšana',
    kind: 'application',
    unit: null,
    institution: 'VSAA',
    reasons: ['Vēlas pieprasīt vecuma pensiju', 'Jautā par pensijas pārrēķinu'],
    outcome: 'Iesniegums pieņemts un nosūtīts VSAA',
    waitingFor: 'institution',
    weight: 4,
  },
  {
    service: 'Bērna kopšanas pabalsta pieprasīšana',
    kind: 'application',
    unit: null,
    institution: 'VSAA',
    reasons: ['Vēlas pieprasīt bērna kopšanas pabalstu'],
    outcome: 'Iesniegums pieņemts un nosūtīts VSAA',
    waitingFor: 'institution',
    weight: 3,
  },
  {
    service: 'Bezdarbnieka statusa pieprasīšana',
    kind: 'application',
    unit: null,
    institution: 'NVA',
    reasons: ['Zaudējis darbu, vēlas reģistrēties NVA'],
    outcome: 'Pieteikums nosūtīts NVA',
    waitingFor: 'institution',
    weight: 3,
  },
  {
    service: 'Platību maksājumu pieteikuma aizpildīšana',
    kind: 'consultation',
    unit: null,
    institution: 'LAD',
    reasons: ['Lūdz palīdzēt iesniegt platību maksājumu pieteikumu LAD sistēmā'],
    outcome: 'Pieteikums iesniegts LAD elektroniskajā pieteikšanās sistēmā',
    organisations: true,
    weight: 3,
  },
  {
    service: 'Konsultācija par personu apliecinošiem dokumentiem',
    kind: 'consultation',
    unit: null,
    institution: 'PMLP',
    reasons: ['Jautā, kur un kā saņemt jaunu pasi'],
    outcome: 'Izskaidrota pases un eID kartes pieteikšanas kārtība',
    weight: 4,
  },
  {
    service: 'Nekustamā īpašuma kadastra datu izziņa',
    kind: 'application',
    unit: null,
    institution: 'VZD',
    reasons: ['Vajag izziņu par īpašuma kadastra datiem'],
    outcome: 'Pieprasījums nosūtīts VZD',
    waitingFor: 'institution',
    organisations: true,
    weight: 3,
  },
  {
    service: 'Sociālā pabalsta pieteikums',
    kind: 'application',
    unit: 'social',
    caseType: 'submission',
    reasons: [
      'Vēlas pieteikties garantētā minimālā ienākuma pabalstam',
      'Lūdz pabalstu ārkārtas situācijā',
    ],
    outcome: 'Iesniegums pieņemts un nodots Sociālajam dienestam',
    waitingFor: 'client',
    weight: 6,
  },
  {
    service: 'Trūcīgas personas statusa noteikšana',
    kind: 'application',
    unit: 'social',
    caseType: 'submission',
    reasons: ['Vēlas iegūt trūcīgas personas statusu'],
    outcome: 'Iesniegums pieņemts un nodots Sociālajam dienestam',
    waitingFor: 'client',
    weight: 4,
  },
  {
    service: 'Mājokļa pabalsta pieteikums',
    kind: 'application',
    unit: 'social',
    caseType: 'submission',
    reasons: ['Nespēj samaksāt par apkuri, lūdz mājokļa pabalstu'],
    outcome: 'Iesniegums pieņemts un nodots Sociālajam dienestam',
    waitingFor: 'client',
    weight: 3,
  },
  {
    service: 'Aprūpes mājās pakalpojuma pieteikums',
    kind: 'application',
    unit: 'social',
    caseType: 'submission',
    reasons: ['Lūdz aprūpi mājās vecākam radiniekam'],
    outcome: 'Iesniegums pieņemts un nodots Sociālajam dienestam',
    weight: 2,
  },
  {
    service: 'Konsultācija par sociālajiem pakalpojumiem',
    kind: 'consultation',
    unit: 'social',
    reasons: ['Jautā, kādu atbalstu var saņemt daudzbērnu ģimene'],
    outcome: 'Sniegta informācija par sociālajiem pakalpojumiem',
    weight: 3,
  },
  {
    service: 'Nekustamā īpašuma nodokļa maksājums',
    kind: 'consultation',
    unit: 'property',
    reasons: [
      'Nav saņēmis nekustamā īpašuma nodokļa maksāšanas paziņojumu',
      'Jautā par nekustamā īpašuma nodokļa parādu',
    ],
    outcome: 'Izskaidrots nodokļa aprēķins un maksāšanas termiņi',
    organisations: true,
    weight: 6,
  },
  {
    service: 'Nekustamā īpašuma nodokļa atvieglojuma pieteikums',
    kind: 'application',
    unit: 'property',
    caseType: 'submission',
    reasons: ['Vēlas pieteikt nodokļa atvieglojumu kā daudzbērnu ģimene'],
    outcome: 'Iesniegums pieņemts un nodots Nekustamā īpašuma nodaļai',
    waitingFor: 'client',
    weight: 3,
  },
  {
    service: 'Zemes nomas līguma pagarināšana',
    kind: 'application',
    unit: 'property',
    caseType: 'submission',
    reasons: ['Beidzas pašvaldības zemes nomas līgums'],
    outcome: 'Iesniegums pieņemts un nodots Nekustamā īpašuma nodaļai',
    waitingFor: 'client',
    organisations: true,
    weight: 2,
  },
  {
    service: 'Būvatļaujas statuss',
    kind: 'consultation',
    unit: 'building',
    reasons: ['Jautā, kādā stadijā ir būvatļaujas izskatīšana'],
    outcome: 'Sniegta informācija par būvatļaujas izskatīšanas gaitu',
    organisations: true,
    weight: 4,
  },
  {
    service: 'Būvniecības ieceres iesniegšana BIS',
    kind: 'consultation',
    unit: 'building',
    reasons: ['Nezina, kā iesniegt būvniecības ieceri Būvniecības informācijas sistēmā'],
    outcome: 'Izskaidrota ieceres iesniegšana BIS',
    organisations: true,
    weight: 2,
  },
  {
    service: 'Paskaidrojuma raksta saskaņošana',
    kind: 'application',
    unit: 'building',
    caseType: 'submission',
    reasons: ['Vēlas saskaņot šķūņa būvniecību'],
    outcome: 'Iesniegums pieņemts un nodots Būvvaldei',
    waitingFor: 'client',
    organisations: true,
    weight: 2,
  },
  {
    service: 'Bērna reģistrācija pirmsskolas izglītības iestādē',
    kind: 'application',
    unit: 'education',
    caseType: 'submission',
    reasons: ['Vēlas pieteikt bērnu bērnudārza rindā'],
    outcome: 'Iesniegums pieņemts un nodots Izglītības pārvaldei',
    weight: 4,
  },
  {
    service: 'Rindas uz pirmsskolas izglītības iestādi statuss',
    kind: 'consultation',
    unit: 'education',
    reasons: ['Jautā, kura vieta rindā bērnudārzam'],
    outcome: 'Klientam pateikta vieta rindā',
    weight: 3,
  },
  {
    service: 'Brīvpusdienu pieteikums',
    kind: 'application',
    unit: 'education',
    reasons: ['Vēlas pieteikt bērnam brīvpusdienas skolā'],
    outcome: 'Pieteikums nodots Izglītības pārvaldei',
    weight: 2,
  },
  {
    service: 'Ierosinājums pašvaldībai',
    kind: 'application',
    unit: 'communication',
    caseType: 'submission',
    reasons: ['Ierosina uzstādīt soliņus parkā', 'Ziņo par bedrēm ielā'],
    outcome: 'Ierosinājums reģistrēts',
    organisations: true,
    weight: 2,
  },
  {
    service: 'Sūdzība par pakalpojuma kvalitāti',
    kind: 'application',
    unit: 'admin',
    caseType: 'submission',
    reasons: ['Neapmierināts ar atbildes termiņu'],
    outcome: 'Sūdzība reģistrēta un nodota juristei',
    weight: 1,
  },
];

/** What colleagues ask other units for: internal clients. */
const INTERNAL_SERVICES: readonly ServiceDef[] = [
  {
    service: 'Piekļuves tiesības Apkalpo sistēmā',
    kind: 'application',
    unit: 'digital',
    reasons: ['Jaunai kolēģei vajag piekļuvi'],
    outcome: 'Pieprasījums reģistrēts',
    weight: 3,
  },
  {
    service: 'Datora vai printera darbības traucējumi',
    kind: 'application',
    unit: 'digital',
    reasons: ['Nedrukā printeris', 'Dators neieslēdzas'],
    outcome: 'Pieprasījums reģistrēts',
    weight: 4,
  },
  {
    service: 'E-pakalpojuma kļūda pašvaldības tīmekļvietnē',
    kind: 'application',
    unit: 'digital',
    reasons: ['Tīmekļvietnē nedarbojas pieteikuma veidlapa'],
    outcome: 'Pieprasījums reģistrēts',
    weight: 2,
  },
  {
    service: 'Ziņas publicēšana pašvaldības tīmekļvietnē',
    kind: 'application',
    unit: 'communication',
    reasons: ['Jāpublicē paziņojums par pieņemšanas laikiem'],
    outcome: 'Pieprasījums reģistrēts',
    weight: 3,
  },
  {
    service: 'Juridiska konsultācija par atbildi iesniedzējam',
    kind: 'consultation',
    unit: 'admin',
    reasons: ['Vajag juristes viedokli par atbildes projektu'],
    outcome: 'Konsultācija sniegta',
    weight: 2,
  },
];

const MISSED_CALL: ServiceDef = {
  service: 'Atzvanīšana uz neatbildētu zvanu',
  kind: 'consultation',
  unit: null,
  caseType: 'missed-call',
  reasons: ['Neatbildēts zvans'],
  outcome: 'Klientam atzvanīts',
  weight: 0,
};

const WAITING_NOTES = {
  client: [
    'Gaidām no klienta trūkstošos dokumentus',
    'Klients iesniegs izziņu no darba devēja',
    'Lūgts precizēt iesniegumu',
  ],
  institution: [
    'Pieprasījums nosūtīts iestādei, gaidām atbildi',
    'Gaidām iestādes lēmumu',
    'Iestāde lūgusi papildu informāciju',
  ],
} as const;
const RESUME_NOTES = {
  client: ['Klients iesniedza trūkstošos dokumentus', 'Saņemta izziņa'],
  institution: ['Saņemta iestādes atbilde', 'Iestāde pieņēmusi lēmumu'],
} as const;
const ANSWER_NOTES = [
  'Atbilde nosūtīta klientam e-pastā',
  'Klientam atbildēts pa tālruni',
  'Atbilde nosūtīta uz e-adresi',
  'Klients informēts klātienē',
];
const EXTENSION_REASONS = [
  'Nepieciešama papildu informācija no Valsts zemes dienesta',
  'Jāsaņem atzinums no citas iestādes',
  'Lēmumu pieņems nākamajā komisijas sēdē',
];
/** Why a request was passed on: to the unit in charge, or to a colleague. */
const REFERRAL_NOTES = {
  unit: [
    'Jautājums nodaļas kompetencē, lūdzu sazināties ar klientu',
    'Nododu kompetentajai nodaļai, klientam pateikts, ka sazināsies nodaļas speciālists',
  ],
  colleague: [
    'Nododu kompetentajam speciālistam',
    'Klients vēlas turpināt ar speciālistu, kas viņu apkalpoja iepriekš',
  ],
};
const COMMITMENTS: ReadonlyArray<readonly [string, CommitmentForm]> = [
  ['Atzvanīt klientam un pastāstīt par pieteikuma virzību', 'phone'],
  ['Nosūtīt klientam iesnieguma veidlapu e-pastā', 'email'],
  ['Sagatavot izziņu, klients to saņems klātienē', 'in_person'],
  ['Pārbaudīt, vai iestāde ir pieņēmusi lēmumu, un informēt klientu', 'phone'],
  ['Nosūtīt atbildi uz klienta e-adresi', 'e_address'],
];
const NOTES = [
  'Klients lūdz sazināties pēc plkst. 16',
  'Klientam vajadzīga atbilde krievu valodā',
  'Klients atkārtoti zvanīja par šo jautājumu',
];
const TAGS = ['senjors', 'steidzami', 'atkārtots', 'ar asistentu'];

// ---------------------------------------------------------------------------------------------
// Rows being built.

type ClientRow = Insertable<ClientsTable> & { id: string };

/** How the client is named in lists and searched for in requests. */
const displayNameOf = (client: ClientRow) =>
  client.name ?? [client.given_name, client.surname].filter(Boolean).join(' ');

type RequestRow = Insertable<ServiceRequestsTable> & { id: string; number: string };
type EventRow = Omit<Insertable<RequestEventsTable>, 'data'> & {
  at: Date;
  data: Record<string, unknown>;
};

interface Step {
  at: Date;
  apply: () => void;
}

/** A request made to show what a demo account's lists can show; it stays open. */
interface Showcase {
  /** The account whose list shows it. */
  owner: DemoStaff;
  /** Who registered it: passed on to the owner when not the owner. */
  clerk: DemoStaff;
  receivedAt: Date;
  channel: Channel;
  service: string;
  /** Still waiting for the client or the institution. */
  waiting?: boolean;
  /** An open promise to the client, falling due then. */
  commitmentDue?: Date;
}

/**
 * Loads the demo's clients and cases. The organisation (units, staff, absences) is there already;
 * the database gets only inserts, so it is for an empty case history.
 */
export async function seedDemoCases(
  db: Kysely<DB>,
  services: Services,
  clock: Clock,
  org: DemoOrganisation,
): Promise<void> {
  const random = createRandom(20_260_301);
  const now = clock.now();
  const today = rigaDateOf(now);
  const calendar = await services.calendar.calendar();
  // The deadline policies read once: the calendar service would read them for every request.
  const policies = await services.calendar.policies(systemContext('seed-demo'));
  const deadlineFor: Services['calendar']['deadlineFor'] = async (received, item) => {
    const policy = choosePolicy(policies, item);
    if (!policy) return services.calendar.deadlineFor(received, item);
    const { due, dueEnd } = await services.calendar.dueDate(received, policy);
    return { policyCode: policy.code, due, dueEnd };
  };

  const unitId = (key: string) => org.unitIds.get(key) as string;
  const staffById = new Map(org.staff.map((person) => [person.id, person]));
  const awayOn = (staffId: string, date: string) =>
    org.absences.some((a) => a.staffId === staffId && a.startsOn <= date && date <= a.endsOn);
  const serversOf = (unitKey: string) =>
    org.staff.filter((p) => p.serves && p.active && p.unitKeys.includes(unitKey));
  /** Who is at work in the unit on the date; the whole unit when everybody is away. */
  const presentIn = (unitKey: string, date: string) => {
    const all = serversOf(unitKey);
    const present = all.filter((p) => !awayOn(p.id, date));
    return present.length > 0 ? present : all;
  };
  const hoursOf = (unitKey: string, date: string) =>
    (org.unitHours.get(unitKey) ?? DEFAULT_OPENING_HOURS)[weekdayOf(date)];
  const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const at = (date: string, minutes: number) =>
    new Date(
      rigaInstantOf(
        date,
        `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      ).getTime() +
        random.int(0, 59) * 1000,
    );
  /** The instant, or the next moment in office hours (8:00–17:00 on a working day) after it. */
  const inOffice = (instant: Date): Date => {
    const date = rigaDateOf(instant);
    const minutes = minutesOf(rigaTimeOf(instant));
    if (calendar.isWorkingDay(date) && minutes >= 8 * 60 && minutes < 17 * 60) return instant;
    const day =
      calendar.isWorkingDay(date) && minutes < 8 * 60 ? date : calendar.nextWorkingDay(date);
    return at(day, 8 * 60 + random.int(0, 90));
  };
  const later = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

  // ---- Clients --------------------------------------------------------------------------------

  const codes = new Set<string>();
  const personalCode = (): string => {
    for (;;) {
      let code: string;
      if (random.chance(0.12)) {
        // The new form since 2017: no birth date, starts with 32.
        code = `32${random.digits(4)}-${random.digits(5)}`;
      } else {
        const born = new Date(
          Date.UTC(random.int(1938, 2006), random.int(0, 11), random.int(1, 28)),
        );
        const dd = String(born.getUTCDate()).padStart(2, '0');
        const mm = String(born.getUTCMonth() + 1).padStart(2, '0');
        const yy = String(born.getUTCFullYear() % 100).padStart(2, '0');
        const century = born.getUTCFullYear() >= 2000 ? '2' : '1';
        const firstTen = `${dd}${mm}${yy}${century}${random.digits(3)}`;
        const check = checkDigitOf(firstTen);
        if (check === 10) continue;
        code = `${firstTen.slice(0, 6)}-${firstTen.slice(6)}${check}`;
      }
      if (!codes.has(code)) {
        codes.add(code);
        return code;
      }
    }
  };
  const phone = () => `+371 2${random.digits(7)}`;
  const address = () => {
    if (random.chance(0.15)) {
      return `„${random.pick(FARMSTEADS)}”, Priedaines pagasts, Priedaines novads, LV-2155`;
    }
    const [place, post] = random.pick(PLACES);
    const flat = random.chance(0.4) ? `-${random.int(1, 60)}` : '';
    return `${random.pick(STREETS)} ${random.int(1, 80)}${flat}, ${place}, ${post}`;
  };
  const emailsUsed = new Set<string>();
  const emailOf = (local: string, domains: readonly string[]) => {
    const base = foldForSearch(local).replace(/[^a-z0-9]+/g, '.');
    let email = `${base}@${random.pick(domains)}`;
    for (let n = 2; emailsUsed.has(email); n += 1) email = `${base}${n}@${random.pick(domains)}`;
    emailsUsed.add(email);
    return email;
  };
  const clientRow = (
    fields: Omit<ClientRow, 'id' | 'search_text' | 'sort_name' | 'created_at' | 'updated_at'>,
  ): ClientRow => ({
    id: random.uuid(),
    ...fields,
    // As the clients service folds them: what a clerk may type to find the client.
    search_text: clientSearchTextOf(fields),
    sort_name: clientSortNameOf(fields),
    created_at: now,
    updated_at: now,
  });

  const people: ClientRow[] = [];
  for (let i = 0; i < 1790; i += 1) {
    const female = random.chance(0.54);
    const [male, feminine] = random.pick(SURNAMES);
    const surname = female ? feminine : male;
    const givenName = random.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const russian = RUSSIAN_SURNAMES.has(male);
    const hasEmail = random.chance(0.5);
    people.push(
      clientRow({
        kind: 'person',
        given_name: givenName,
        surname,
        name: null,
        personal_code: random.chance(0.93) ? personalCode() : null,
        registration_number: null,
        staff_id: null,
        phone: random.chance(0.85) ? phone() : null,
        email: hasEmail
          ? emailOf(`${givenName}.${surname}`, ['example.lv', 'example.com', 'pasts.example.lv'])
          : null,
        e_address: null,
        address: random.chance(0.6) ? address() : null,
        preferred_language:
          russian && random.chance(0.6) ? 'ru' : random.chance(0.02) ? 'en' : 'lv',
        preferred_channel: random.chance(0.3)
          ? random.pick<Channel>(
              hasEmail ? ['email', 'phone', 'e_address'] : ['phone', 'in_person'],
            )
          : null,
        consent_notes: random.chance(0.05)
          ? random.pick([
              'Piekrīt saņemt atgādinājumus SMS',
              'Lūdz nezvanīt darba laikā',
              'Atbildes vēlas saņemt tikai uz e-adresi',
            ])
          : null,
        merged_into: null,
      }),
    );
  }

  const organisations: ClientRow[] = [];
  const names = new Set<string>();
  const registrationNumbers = new Set<string>();
  while (organisations.length < 190) {
    const name = random.weighted(ORGANISATION_FORMS)(random.pick(ORGANISATION_STEMS));
    if (names.has(name)) continue;
    names.add(name);
    let registrationNumber = `40${random.int(0, 1)}03${random.digits(6)}`;
    while (registrationNumbers.has(registrationNumber)) {
      registrationNumber = `40${random.int(0, 1)}03${random.digits(6)}`;
    }
    registrationNumbers.add(registrationNumber);
    organisations.push(
      clientRow({
        kind: 'organisation',
        given_name: null,
        surname: null,
        name,
        personal_code: null,
        registration_number: registrationNumber,
        staff_id: null,
        phone: random.chance(0.8) ? `+371 6${random.digits(7)}` : null,
        email: random.chance(0.8)
          ? emailOf(name.replace(/^\S+ /, ''), ['example.lv', 'uznemums.example.lv'])
          : null,
        e_address: null,
        address: random.chance(0.8) ? address() : null,
        preferred_language: 'lv',
        preferred_channel: random.chance(0.5) ? 'e_address' : null,
        consent_notes: null,
        merged_into: null,
      }),
    );
  }

  // Colleagues who ask other units for help are internal clients, named as in the staff records.
  const internals = org.staff
    .filter((person) => person.active)
    .map((person) => ({
      person,
      row: clientRow({
        kind: 'internal',
        given_name: person.givenName,
        surname: person.surname,
        name: null,
        personal_code: null,
        registration_number: null,
        staff_id: person.id,
        phone: person.phone,
        email: person.email,
        e_address: null,
        address: null,
        preferred_language: null,
        preferred_channel: null,
        consent_notes: null,
        merged_into: null,
      }),
    }));

  const clientFirstSeen = new Map<string, Date>();
  const unseen = new Map<readonly ClientRow[], number>();
  /** A client for a new contact: mostly somebody new, sometimes a regular who came before. */
  const chooseClient = (list: readonly ClientRow[]): ClientRow => {
    const next = unseen.get(list) ?? 0;
    if (next < list.length && (next === 0 || random.chance(0.72))) {
      unseen.set(list, next + 1);
      return list[next] as ClientRow;
    }
    return list[Math.floor(random.next() ** 1.6 * Math.min(next, list.length))] as ClientRow;
  };

  // ---- Contacts and requests -------------------------------------------------------------------

  const contacts: Array<Insertable<ContactsTable> & { id: string }> = [];
  const requests: RequestRow[] = [];
  const events: EventRow[] = [];
  const commitments: Array<Insertable<CommitmentsTable>> = [];
  const messages: Array<Insertable<OutgoingMessagesTable>> = [];
  const queue: Array<Insertable<QueueEntriesTable>> = [];
  const incidents: Array<Insertable<IncidentsTable>> = [];
  const links: Array<Insertable<RequestLinksTable>> = [];
  const requestsByClient = new Map<string, RequestRow[]>();
  let requestNumber = 0;

  const centres = ['centreMain', 'centreForest'];
  const weightedDefs = (defs: readonly ServiceDef[]) =>
    defs.map((def) => [def, def.weight] as const);
  const externalDefs = weightedDefs(EXTERNAL_SERVICES);
  const organisationDefs = weightedDefs(EXTERNAL_SERVICES.filter((d) => d.organisations));
  const internalDefs = weightedDefs(INTERNAL_SERVICES);
  const consultationDefs = weightedDefs(
    EXTERNAL_SERVICES.filter((d) => d.kind === 'consultation' && !d.unit),
  );

  const channelFor = (
    kind: 'person' | 'organisation' | 'internal' | 'anonymous',
    online: boolean,
  ) => {
    if (online) {
      return random.weighted<Channel>([
        ['email', 40],
        ['web_form', 20],
        ['e_address', kind === 'organisation' ? 40 : 10],
        ['mobile_app', 12],
        ['social_network', 8],
      ]);
    }
    switch (kind) {
      case 'anonymous':
        return random.weighted<Channel>([
          ['in_person', 50],
          ['phone', 50],
        ]);
      case 'internal':
        return random.weighted<Channel>([
          ['email', 50],
          ['phone', 30],
          ['in_person', 20],
        ]);
      case 'organisation':
        return random.weighted<Channel>([
          ['email', 35],
          ['e_address', 30],
          ['phone', 20],
          ['in_person', 10],
          ['letter', 5],
        ]);
      case 'person':
        return random.weighted<Channel>([
          ['in_person', 48],
          ['phone', 22],
          ['email', 11],
          ['e_address', 3],
          ['web_form', 5],
          ['voicemail', 3],
          ['letter', 2],
          ['mobile_app', 4],
          ['social_network', 2],
        ]);
    }
  };

  /** Works out one request's life from its registration up to now, as timeline events. */
  const addRequest = async (args: {
    contactId: string;
    client: ClientRow | null;
    clientKind: 'external' | 'internal';
    channel: Channel;
    def: ServiceDef;
    contactUnit: string;
    clerk: DemoStaff;
    receivedAt: Date;
    createdAt: Date;
    contactEnd: Date | null;
    queued: boolean;
    showcase: Showcase | undefined;
  }) => {
    const { showcase } = args;
    const { def, channel, clerk, receivedAt, createdAt } = args;
    const date = rigaDateOf(receivedAt);
    const finalUnit = def.unit ?? args.contactUnit;
    const deptServers = presentIn(finalUnit, date);
    const handledByClerk = def.unit === null || def.unit === args.contactUnit;
    let finalOwner: DemoStaff | null = handledByClerk
      ? serversOf(finalUnit).includes(clerk)
        ? clerk
        : random.pick(deptServers)
      : random.chance(0.75)
        ? random.pick(deptServers)
        : null;
    if (args.queued) finalOwner = null;
    if (showcase) finalOwner = showcase.owner;
    // A request registered at the centre for a department is sometimes first taken by the clerk
    // and referred on; a few are passed to a colleague in the same centre.
    const colleagues = presentIn(finalUnit, date).filter((p) => p.id !== clerk.id);
    const referral = showcase
      ? showcase.clerk !== showcase.owner
        ? { unit: finalUnit, owner: clerk }
        : null
      : !args.queued && !handledByClerk && random.chance(0.2)
        ? { unit: args.contactUnit, owner: clerk }
        : !args.queued &&
            handledByClerk &&
            def.kind === 'application' &&
            colleagues.length > 0 &&
            random.chance(0.04)
          ? { unit: finalUnit, owner: clerk }
          : null;
    if (referral && handledByClerk && !showcase) finalOwner = random.pick(colleagues);

    const caseType = def.caseType ?? null;
    const deadline = await deadlineFor(receivedAt, {
      channel,
      clientKind: args.clientKind,
      caseType,
    });
    requestNumber += 1;
    const number = `${date.slice(0, 4)}-${String(requestNumber).padStart(6, '0')}`;
    const tags = random.chance(0.08) ? [random.pick(TAGS)] : [];
    const request: RequestRow = {
      id: random.uuid(),
      number,
      contact_id: args.contactId,
      client_id: args.client?.id ?? null,
      client_kind: args.clientKind,
      channel,
      service: def.service,
      kind: def.kind,
      case_type: caseType,
      institution_id: def.institution ? (org.institutionIds.get(def.institution) ?? null) : null,
      unit_id: unitId(referral?.unit ?? finalUnit),
      owner_id: (referral?.owner ?? finalOwner)?.id ?? null,
      state: 'new',
      policy_code: deadline.policyCode,
      received_at: receivedAt,
      due_on: deadline.due,
      due_at: deadline.dueEnd,
      answered_at: null,
      closed_at: null,
      referred_at: null,
      referred_by: null,
      tags,
      search_text: searchTextOf([
        number,
        def.service,
        ...tags,
        args.client && displayNameOf(args.client),
      ]),
      // The clerk who registered it, as its "created" entry says; a queued visitor's nobody yet.
      registered_by: args.queued ? null : clerk.id,
      version: 1,
      created_at: createdAt,
      updated_at: createdAt,
    };
    requests.push(request);
    if (args.client) {
      const list = requestsByClient.get(args.client.id) ?? [];
      list.push(request);
      requestsByClient.set(args.client.id, list);
    }
    const event = (
      when: Date,
      actor: DemoStaff | null,
      kind: string,
      data: Record<string, unknown>,
    ) =>
      events.push({
        request_id: request.id,
        at: when,
        actor_staff_id: actor?.id ?? null,
        kind,
        data,
      });
    event(createdAt, args.queued ? null : clerk, 'created', {
      dueOn: deadline.due,
      policy: deadline.policyCode,
    });
    if (args.queued) return;

    const steps: Step[] = [];
    const actor = () => staffById.get(request.owner_id ?? '') ?? clerk;
    const move = (when: Date, to: RequestState, note: string | null) =>
      steps.push({
        at: when,
        apply: () => {
          const from = request.state;
          if (to === 'in_progress' && !request.owner_id) {
            request.owner_id = random.pick(presentIn(finalUnit, rigaDateOf(when))).id;
          }
          request.state = to;
          if (to === 'answered') request.answered_at = when;
          if (to === 'closed') request.closed_at = when;
          event(when, actor(), 'state', { from, to, note });
          request.version = (request.version ?? 1) + 1;
          request.updated_at = when;
        },
      });

    // A consultation given there and then is answered and closed as the contact ends.
    if (
      args.contactEnd &&
      !showcase &&
      def.kind === 'consultation' &&
      def !== MISSED_CALL &&
      handledByClerk &&
      !referral &&
      random.chance(0.88)
    ) {
      move(
        args.contactEnd,
        'answered',
        channel === 'phone' ? 'Atbildēts sarunā' : 'Konsultācija sniegta',
      );
      move(later(args.contactEnd, random.int(1, 30) * 1000), 'closed', null);
    } else {
      let dueAt = deadline.dueEnd;
      let dueOn = deadline.due;
      const span = () => Math.max(dueAt.getTime() - createdAt.getTime(), 2 * HOUR);
      let cursor = createdAt;
      if (referral) {
        const when = inOffice(later(createdAt, random.between(0.01, 0.1) * span()));
        cursor = when;
        const to = finalOwner;
        steps.push({
          at: when,
          apply: () => {
            const fromOwner = request.owner_id ?? null;
            const fromUnit = request.unit_id;
            request.owner_id = to?.id ?? null;
            request.unit_id = unitId(finalUnit);
            request.referred_at = when;
            request.referred_by = clerk.id;
            event(when, clerk, 'referral', {
              fromOwner,
              toOwner: to?.id ?? null,
              fromUnit,
              toUnit: unitId(finalUnit),
              note: random.pick(REFERRAL_NOTES[handledByClerk ? 'colleague' : 'unit']),
            });
            request.version = (request.version ?? 1) + 1;
            request.updated_at = when;
          },
        });
      }
      const started = inOffice(
        new Date(
          Math.max(
            cursor.getTime() + 10 * MINUTE,
            createdAt.getTime() + random.between(0.02, 0.3) * span(),
          ),
        ),
      );
      move(started, 'in_progress', null);
      cursor = started;

      if (random.chance(0.1)) {
        const when = later(started, random.int(5, 120) * MINUTE);
        steps.push({
          at: when,
          apply: () => event(when, actor(), 'note', { text: random.pick(NOTES) }),
        });
      }

      if (def.waitingFor && (showcase ? showcase.waiting : random.chance(0.5))) {
        const waitState = def.waitingFor === 'client' ? 'waiting_client' : 'waiting_institution';
        const waited = inOffice(later(started, random.between(0.05, 0.25) * span()));
        move(waited, waitState, random.pick(WAITING_NOTES[def.waitingFor]));
        if (random.chance(0.3)) {
          // It takes longer: a new due date and an explanation owed to the client.
          const extended = inOffice(later(waited, random.int(1, 20) * HOUR));
          const newDueOn = calendar.addWorkingDays(dueOn, random.int(5, 10));
          const newDueAt = await services.calendar.closingOf(newDueOn);
          const fromDue = dueOn;
          const reason = random.pick(EXTENSION_REASONS);
          steps.push({
            at: extended,
            apply: () => {
              request.due_on = newDueOn;
              request.due_at = newDueAt;
              event(extended, actor(), 'extension', { from: fromDue, to: newDueOn, reason });
              messages.push(
                extensionMessage(request, args.client, extended, actor(), newDueOn, reason, now),
              );
              request.version = (request.version ?? 1) + 1;
              request.updated_at = extended;
            },
          });
          dueOn = newDueOn;
          dueAt = newDueAt;
        }
        if (!showcase) {
          const resumed = inOffice(later(waited, random.between(2, 9) * 24 * HOUR));
          move(resumed, 'in_progress', random.pick(RESUME_NOTES[def.waitingFor]));
          cursor = resumed;
        }
      }

      if (showcase?.commitmentDue || random.chance(0.09)) {
        const [what, form] = random.pick(COMMITMENTS);
        const made = showcase
          ? later(started, 5 * MINUTE)
          : later(cursor, random.int(5, 60) * MINUTE);
        const due =
          showcase?.commitmentDue ?? inOffice(later(made, random.between(0.5, 4) * 24 * HOUR));
        const keeper = () => staffById.get(request.owner_id ?? '') ?? clerk;
        // Promises are kept, apart from a few of the last week's.
        const kept =
          !showcase && (due.getTime() < now.getTime() - 7 * 24 * HOUR || random.chance(0.75))
            ? later(due, -random.int(1, 20) * HOUR)
            : null;
        const commitmentId = random.uuid();
        steps.push({
          at: made,
          apply: () => {
            const row = {
              id: commitmentId,
              request_id: request.id,
              what,
              due_at: due,
              form,
              keeper_id: keeper().id,
              kept_at: null as Date | null,
              created_by: actor().id,
              version: 1,
              created_at: made,
            };
            commitments.push(row);
            event(made, actor(), 'commitment', {
              commitmentId,
              what,
              dueAt: due.toISOString(),
              form,
              keeperId: row.keeper_id,
            });
            if (kept && kept > made) {
              steps.push({
                at: kept,
                apply: () => {
                  row.kept_at = kept;
                  row.version = 2;
                  event(kept, keeper(), 'commitment-kept', { commitmentId, what });
                },
              });
            }
          },
        });
      }

      // Most are answered in time, nearer the due date than not, some late; a few of the last
      // weeks' are stuck and overdue.
      const recent = createdAt.getTime() > now.getTime() - 40 * 24 * HOUR;
      if (!showcase && !(recent && random.chance(0.015))) {
        const share = random.chance(0.92)
          ? 0.3 + 0.68 * Math.sqrt(random.next())
          : random.between(1.03, 1.8);
        const answered = inOffice(
          new Date(
            Math.max(
              cursor.getTime() + 90 * MINUTE,
              createdAt.getTime() + share * (dueAt.getTime() - createdAt.getTime()),
            ),
          ),
        );
        move(answered, 'answered', random.pick(ANSWER_NOTES));
        if (def.kind === 'consultation' || random.chance(0.93)) {
          move(inOffice(later(answered, random.between(0, 3) * 24 * HOUR)), 'closed', null);
        }
      }
    }

    // What has happened by now happens, in order; a step may add a later one (a promise kept).
    const done = new Set<Step>();
    for (;;) {
      const next = steps
        .filter((step) => !done.has(step) && step.at <= now)
        .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
      if (!next) break;
      done.add(next);
      next.apply();
    }
  };

  const addContact = async (args: {
    occurredAt: Date;
    online: boolean;
    queued?: boolean;
    forceUnit?: string;
    showcase?: Showcase | undefined;
  }) => {
    const { occurredAt, online, showcase } = args;
    const date = rigaDateOf(occurredAt);
    const queued = args.queued ?? false;
    const kind =
      queued || showcase
        ? 'person'
        : random.weighted<'person' | 'organisation' | 'internal' | 'anonymous'>([
            ['person', 80],
            ['organisation', 8],
            ['internal', 5],
            ['anonymous', 7],
          ]);
    const channel: Channel = showcase?.channel ?? (queued ? 'in_person' : channelFor(kind, online));
    const conversation = channel === 'in_person' || channel === 'phone';

    let client: ClientRow | null = null;
    let defs: ReadonlyArray<readonly [ServiceDef, number]>;
    if (kind === 'internal') {
      defs = internalDefs;
    } else if (kind === 'anonymous') {
      defs = consultationDefs;
    } else if (kind === 'organisation') {
      client = chooseClient(organisations);
      defs = organisationDefs;
    } else {
      client = chooseClient(people);
      defs = externalDefs;
    }

    const first =
      (showcase && EXTERNAL_SERVICES.find((def) => def.service === showcase.service)) ||
      (channel === 'phone' && kind !== 'internal' && random.chance(0.08)
        ? MISSED_CALL
        : random.weighted(defs));
    // Where the client turned: visits and calls mostly go to a centre, letters to the unit in
    // charge, and a colleague asks the unit in charge directly.
    const contactUnit =
      args.forceUnit ??
      (kind === 'internal'
        ? (first.unit as string)
        : first.unit && (conversation ? random.chance(0.2) : random.chance(0.65))
          ? first.unit
          : random.chance(conversation ? 0.66 : 0.8)
            ? 'centreMain'
            : 'centreForest');
    if (kind === 'internal') {
      const colleagues = internals.filter((i) => !i.person.unitKeys.includes(contactUnit));
      client = random.pick(colleagues).row;
    }
    const clerk = showcase?.clerk ?? (queued ? null : random.pick(presentIn(contactUnit, date)));
    const registrar = clerk ?? random.pick(presentIn(contactUnit, date));

    const more =
      first === MISSED_CALL || kind === 'anonymous' || showcase
        ? 0
        : random.weighted([
            [0, 70],
            [1, 23],
            [2, 7],
          ]);
    const chosen = [first];
    const pool = centres.includes(contactUnit)
      ? defs
      : defs.filter(([def]) => def.unit === contactUnit);
    for (let i = 0; i < more && pool.length > chosen.length; i += 1) {
      const def = random.weighted(pool);
      if (!chosen.includes(def)) chosen.push(def);
    }

    const contactId = random.uuid();
    const createdAt = later(occurredAt, random.int(1, 4) * MINUTE);
    const lasts = conversation && !queued ? random.int(4, 25) * MINUTE : random.int(2, 6) * MINUTE;
    const end = later(occurredAt, lasts);
    const ended = !queued && end <= now;
    const outcome = chosen.map((def) => def.outcome).join('; ');
    const applications = chosen.filter((def) => def.kind === 'application');
    contacts.push({
      id: contactId,
      channel,
      occurred_at: occurredAt,
      client_id: client?.id ?? null,
      client_kind: kind === 'internal' ? 'internal' : 'external',
      staff_id: clerk?.id ?? null,
      unit_id: unitId(contactUnit),
      reason: random.pick(first.reasons),
      outcome: ended ? outcome : null,
      next_steps:
        ended && applications.length > 0
          ? random.pick([
              'Atbildi klients saņems e-pastā',
              'Par lēmumu klientu informēs atbildīgā nodaļa',
              'Klients atnāks pēc atbildes klātienē',
            ])
          : null,
      offered_services:
        ended && conversation && kind === 'person' && random.chance(0.15)
          ? [
              random.pick([
                'E-adreses lietošana',
                'eID kartes aktivizēšana',
                'Pašvaldības pakalpojumu konsultācija',
              ]),
            ].filter((service) => !chosen.some((def) => def.service === service))
          : [],
      closed_at: ended ? end : null,
      version: ended ? 2 : 1,
      created_at: createdAt,
      updated_at: ended ? end : createdAt,
    });
    if (client && !clientFirstSeen.has(client.id)) clientFirstSeen.set(client.id, occurredAt);
    for (const def of chosen) {
      await addRequest({
        contactId,
        client,
        clientKind: kind === 'internal' ? 'internal' : 'external',
        channel,
        def,
        contactUnit,
        clerk: registrar,
        receivedAt: occurredAt,
        createdAt,
        contactEnd: conversation && ended ? end : null,
        queued,
        showcase,
      });
    }
    return { contactId, contactUnit, clerk, occurredAt };
  };

  // What the demo accounts of the main centre find in their own lists, whatever the dice say:
  // requests due today, one passed on to them with a promise due tomorrow, one waiting with an
  // overdue promise.
  const person = (key: string) => org.staff.find((p) => p.key === key);
  const workingDaysBefore = (count: number) => {
    let date = today;
    for (let n = 0; n < count;) {
      date = addCalendarDays(date, -1);
      if (calendar.isWorkingDay(date)) n += 1;
    }
    return date;
  };
  const showcases: Showcase[] = [];
  const liga = person('specialist');
  const martins = person('unitHead');
  const valdis = person('valdis');
  const kristine = person('kristine');
  if (liga && martins && valdis && kristine) {
    const on = (days: number, time: string) => rigaInstantOf(workingDaysBefore(days), time);
    showcases.push(
      {
        owner: liga,
        clerk: liga,
        receivedAt: on(3, '09:40'),
        channel: 'email',
        service: 'Dzīvesvietas deklarēšana',
      },
      {
        owner: liga,
        clerk: liga,
        receivedAt: on(3, '11:20'),
        channel: 'in_person',
        service: 'Nekustamā īpašuma kadastra datu izziņa',
        waiting: true,
      },
      {
        owner: liga,
        clerk: valdis,
        receivedAt: on(1, '14:05'),
        channel: 'phone',
        service: 'Vecuma pensijas pieprasīšana',
        commitmentDue: rigaInstantOf(calendar.nextWorkingDay(today), '12:00'),
      },
      {
        owner: liga,
        clerk: liga,
        receivedAt: on(6, '10:30'),
        channel: 'in_person',
        service: 'Bērna kopšanas pabalsta pieprasīšana',
        waiting: true,
        commitmentDue: on(1, '15:00'),
      },
      {
        owner: martins,
        clerk: martins,
        receivedAt: on(3, '13:10'),
        channel: 'in_person',
        service: 'Dzīvesvietas deklarēšana',
      },
      {
        owner: martins,
        clerk: kristine,
        receivedAt: on(2, '10:00'),
        channel: 'email',
        service: 'Konsultācija par personu apliecinošiem dokumentiem',
      },
    );
  }

  const spoken: Array<Awaited<ReturnType<typeof addContact>>> = [];
  for (let offset = -HISTORY_DAYS; offset <= 0; offset += 1) {
    const date = addCalendarDays(today, offset);
    const working = calendar.isWorkingDay(date);
    const count = working ? random.int(...CONTACTS_PER_WORKING_DAY) : random.int(1, 4);
    const planned: Array<{ at: Date; online: boolean; showcase?: Showcase }> = showcases
      .filter((showcase) => rigaDateOf(showcase.receivedAt) === date)
      .map((showcase) => ({ at: showcase.receivedAt, online: false, showcase }));
    for (let i = 0; i < count; i += 1) {
      const online = !working || random.chance(0.2);
      const hours = hoursOf('centreMain', date) ?? { open: '08:00', close: '17:00' };
      const [from, to] = online
        ? [7 * 60, 23 * 60]
        : [minutesOf(hours.open) + 5, minutesOf(hours.close) - 15];
      planned.push({ at: at(date, random.int(from, to)), online });
    }
    planned.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const contact of planned) {
      // Today stops at now: nothing has happened later than that.
      if (contact.at.getTime() > now.getTime() - 5 * MINUTE) continue;
      const added = await addContact({
        occurredAt: contact.at,
        online: contact.online,
        showcase: contact.showcase,
        ...(contact.showcase ? { forceUnit: 'centreMain' } : {}),
      });
      if (!contact.online && added.clerk && offset >= -30) spoken.push(added);
    }
  }

  // Today's queue at the main centre: people waiting, and one being served.
  for (let i = 0; i < 6; i += 1) {
    const arrived = later(now, -random.int(2 + i * 6, 6 + i * 6) * MINUTE);
    const { contactId } = await addContact({
      occurredAt: arrived,
      online: false,
      queued: true,
      forceUnit: 'centreMain',
    });
    const serving = i === 5 ? random.pick(presentIn('centreMain', today)) : null;
    if (serving) {
      const contact = contacts.find((c) => c.id === contactId);
      if (contact) contact.staff_id = serving.id;
    }
    queue.push({
      contact_id: contactId,
      unit_id: unitId('centreMain'),
      external: true,
      in_person: true,
      arrived_at: arrived,
      state: serving ? 'serving' : 'waiting',
      assigned_to: serving?.id ?? null,
      called_at: serving ? later(now, -random.int(1, 3) * MINUTE) : null,
      finished_at: null,
      version: serving ? 2 : 1,
    });
  }

  // Two visits that went wrong (clause 13.5).
  const incidentAt = (daysAgo: number, unitKey: string) =>
    spoken.findLast(
      (c) =>
        c.contactUnit === unitKey && c.occurredAt.getTime() < now.getTime() - daysAgo * 24 * HOUR,
    ) ?? spoken[0];
  const incidentPlans = [
    {
      contact: incidentAt(20, 'centreMain'),
      description:
        'Apmeklētājs skaļi kliedza, draudēja darbiniecei un atteicās atstāt telpu. Izsaukta apsardze, apmeklētājs aizgāja.',
      police: false,
      security: true,
    },
    {
      contact: incidentAt(6, 'centreForest'),
      description:
        'Apmeklētājs alkohola reibumā apvainoja darbinieku un citus klientus. Izsaukta Valsts policija.',
      police: true,
      security: false,
    },
  ];
  for (const plan of incidentPlans) {
    if (!plan.contact?.clerk) continue;
    incidents.push({
      contact_id: plan.contact.contactId,
      unit_id: unitId(plan.contact.contactUnit),
      description: plan.description,
      police_called: plan.police,
      security_called: plan.security,
      recorded_by: plan.contact.clerk.id,
      recorded_at: later(plan.contact.occurredAt, 35 * MINUTE),
    });
  }

  // A client who asks about the same thing again: the requests are linked.
  for (const list of requestsByClient.values()) {
    if (links.length >= 25) break;
    for (let i = 1; i < list.length; i += 1) {
      const current = list[i] as RequestRow;
      const earlier = list.slice(0, i).find((r) => r.service === current.service);
      if (!earlier) continue;
      const when = later(current.created_at as Date, 3 * MINUTE);
      if (when > now) break;
      const [a, b] = earlier.id < current.id ? [earlier, current] : [current, earlier];
      links.push({ request_id: a.id, related_id: b.id, created_at: when });
      const actor = current.owner_id ?? null;
      events.push(
        {
          request_id: current.id,
          at: when,
          actor_staff_id: actor,
          kind: 'link',
          data: { relatedId: earlier.id, number: earlier.number },
        },
        {
          request_id: earlier.id,
          at: when,
          actor_staff_id: actor,
          kind: 'link',
          data: { relatedId: current.id, number: current.number },
        },
      );
      break;
    }
  }

  // Clients are registered at their first contact; those not seen lately, some time before.
  const start = rigaInstantOf(addCalendarDays(today, -HISTORY_DAYS - 400));
  const clients = [...people, ...organisations, ...internals.map((i) => i.row)];
  for (const client of clients) {
    const seen =
      clientFirstSeen.get(client.id) ?? new Date(start.getTime() + random.next() * 400 * 24 * HOUR);
    client.created_at = seen;
    client.updated_at = seen;
  }

  // Timeline ids follow time, as they would have been written.
  events.sort((a, b) => a.at.getTime() - b.at.getTime());

  await db.transaction().execute(async (trx) => {
    const insert = async <T>(
      rows: readonly T[],
      size: number,
      write: (chunk: T[]) => Promise<unknown>,
    ) => {
      for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
    };
    await insert(clients, 500, (chunk) => trx.insertInto('clients').values(chunk).execute());
    await insert(contacts, 500, (chunk) => trx.insertInto('contacts').values(chunk).execute());
    await insert(requests, 500, (chunk) =>
      trx.insertInto('service_requests').values(chunk).execute(),
    );
    await insert(events, 2000, (chunk) =>
      trx
        .insertInto('request_events')
        .values(chunk.map((event) => ({ ...event, data: JSON.stringify(event.data) })))
        .execute(),
    );
    await insert(commitments, 500, (chunk) =>
      trx.insertInto('commitments').values(chunk).execute(),
    );
    await insert(messages, 500, (chunk) =>
      trx.insertInto('outgoing_messages').values(chunk).execute(),
    );
    await insert(links, 500, (chunk) => trx.insertInto('request_links').values(chunk).execute());
    await insert(queue, 500, (chunk) => trx.insertInto('queue_entries').values(chunk).execute());
    await insert(incidents, 500, (chunk) => trx.insertInto('incidents').values(chunk).execute());
    // The next request registered continues the numbering.
    await sql`select setval('service_request_number', ${requestNumber})`.execute(trx);
  });
  // Fresh statistics, so the work lists are planned for the rows now there.
  await sql`analyze`.execute(db);
}

/** The explanation a client is owed when the due date moves (as the requests service words it). */
function extensionMessage(
  request: RequestRow,
  client: ClientRow | null,
  at: Date,
  actor: DemoStaff,
  dueOn: string,
  reason: string,
  now: Date,
): Insertable<OutgoingMessagesTable> {
  const notice = extensionNotice({
    number: request.number,
    service: request.service,
    reason,
    dueOn,
    language: client?.preferred_language === 'en' ? 'en' : 'lv',
  });
  return {
    request_id: request.id,
    channel: request.channel,
    recipient: recipientFor(
      request.channel,
      client && {
        email: client.email ?? null,
        phone: client.phone ?? null,
        eAddress: client.e_address ?? null,
      },
    ),
    subject: notice.subject,
    body: notice.body,
    due_at: at,
    // Sent long ago, unless it was written in the last hours.
    state: now.getTime() - at.getTime() > 4 * HOUR ? 'sent' : 'due',
    created_by: actor.id,
    created_at: at,
  };
}
