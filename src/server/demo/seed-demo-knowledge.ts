import { sql, type Kysely } from 'kysely';
import type { TLinkItem } from '../../contracts/catalogue.contracts';
import { addCalendarDays, rigaDateOf } from '../../domain/riga-time';
import type { Clock } from '../adapters/clock';
import type { Services } from '../app';
import { systemContext } from '../http/access';
import type { DemoOrganisation } from './seed-demo-cases';
import type { DB } from '../db/schema';

// The demo's service catalogue, knowledge base and news feed: the services of the municipality
// and of the state institutions its one-stop centres serve, guides and answers residents can be
// sent, the centres' internal procedures, and a fortnight of news. Made through the services as
// an editor would; only what a person could not set by hand (when news went out, who read it,
// since when an article has existed) is written afterwards. Review dates are relative to today,
// a few of them past, so the review list has work in it.

const DAY = 86_400_000;

type InstitutionKey =
  'municipality' | 'VSAA' | 'VID' | 'PMLP' | 'VZD' | 'NVA' | 'LAD' | 'UR' | 'TA';

/** State institutions the catalogue needs that the organisation part of the demo does not make. */
const MORE_INSTITUTIONS: ReadonlyArray<{ name: string; shortName: 'UR' | 'TA'; website: string }> =
  [
    { name: 'Uzņēmumu reģistrs', shortName: 'UR', website: 'https://www.ur.gov.lv' },
    { name: 'Tiesu administrācija', shortName: 'TA', website: 'https://www.ta.gov.lv' },
  ];

/** A legal act, linked to likumi.lv where its address is known. */
const act = (title: string, likumiId?: number): TLinkItem => ({
  title,
  url: likumiId ? `https://likumi.lv/ta/id/${likumiId}` : null,
});
const doc = (title: string, url: string | null = null): TLinkItem => ({ title, url });

const LAWS = {
  administrativeProcedure: act('Administratīvā procesa likums', 55567),
  applications: act('Iesniegumu likums', 164501),
  municipalities: act('Pašvaldību likums', 336956),
  residence: act('Dzīvesvietas deklarēšanas likums'),
  eAddress: act('Oficiālās elektroniskās adreses likums', 283229),
  identityDocuments: act('Personu apliecinošu dokumentu likums', 243484),
  electronicDocuments: act('Elektronisko dokumentu likums', 68521),
  socialServices: act('Sociālo pakalpojumu un sociālās palīdzības likums', 68488),
  socialBenefits: act('Valsts sociālo pabalstu likums', 68483),
  pensions: act('Likums „Par valsts pensijām”', 38048),
  pensionRules: act(
    'Ministru kabineta 2016. gada 5. jūlija noteikumi Nr. 427 „Noteikumi par valsts pensijas piešķiršanas, pārrēķināšanas un izmaksas nosacījumiem un kārtību”',
    283339,
  ),
  unemployed: act('Bezdarbnieku un darba meklētāju atbalsta likums', 62539),
  incomeTax: act('Likums „Par iedzīvotāju ienākuma nodokli”', 56880),
  propertyTax: act('Likums „Par nekustamā īpašuma nodokli”', 43913),
  landBook: act('Zemesgrāmatu likums', 60460),
  construction: act('Būvniecības likums', 258572),
  housing: act('Likums „Par palīdzību dzīvokļa jautājumu risināšanā”', 56812),
  education: act('Izglītības likums', 50759),
  commercial: act('Komerclikums', 5490),
  personalData: act('Fizisko personu datu apstrādes likums', 300099),
  publicAdministration: act('Valsts pārvaldes iekārtas likums', 63545),
  standard: act(
    'Priedaines novada pašvaldības klientu apkalpošanas standarts (iekšējie noteikumi)',
  ),
};

interface CatalogueCard {
  key: string;
  name: string;
  nameEn: string;
  kind: 'consultation' | 'application';
  description: string;
  audience: string;
  territory: string;
  fee: string;
  duration: string;
  steps: string[];
  documents?: TLinkItem[];
  legalActs: TLinkItem[];
  notices?: string;
  institution: InstitutionKey | null;
  unit: string;
  /** Matches a competence of the demo staff (seed-demo.ts), so the card names who handles it. */
  competence: string;
  eServiceUrl?: string;
  owner: string;
  /** Days from today to the next review; negative: overdue. */
  review: number;
  /** Other services that fit the same client; made mutual when seeded. */
  related?: string[];
  /** Days since the card was written. */
  age: number;
}

const EVERYWHERE = 'Visa Latvija';
const NOVADS = 'Priedaines novads';

const CATALOGUE: readonly CatalogueCard[] = [
  {
    key: 'residence',
    name: 'Dzīvesvietas deklarēšana',
    nameEn: 'Declaration of the place of residence',
    kind: 'application',
    description:
      'Persona, kura maina dzīvesvietu, mēneša laikā deklarē jauno dzīvesvietu. Priedaines novadā to var izdarīt klātienē jebkurā VPVKAC vai pašam tiešsaistē portālā latvija.gov.lv. Deklarētā dzīvesvieta nosaka, kura pašvaldība personai sniedz pakalpojumus, un uz to sūta iestāžu vēstules, ja personai nav e-adreses.',
    audience:
      'Latvijas pilsoņi un nepilsoņi, ārzemnieki ar uzturēšanās atļauju vai reģistrācijas apliecību; vecāki un aizbildņi – par nepilngadīgu bērnu vai aizbildnībā esošu personu.',
    territory: 'Adreses Priedaines novadā',
    fee: 'Klātienē – valsts nodeva 4,27 EUR (no tās atbrīvoti, piemēram, pensionāri, personas ar invaliditāti, politiski represētās personas, kā arī deklarējot bērna pirmo dzīvesvietu). Tiešsaistē – bez maksas.',
    duration:
      'Klātienē – uzreiz; e-pakalpojumā ziņas Fizisko personu reģistrā tiek atjaunotas 1 darba dienas laikā.',
    steps: [
      'Pārbaudiet klienta personu apliecinošu dokumentu (pasi vai personas apliecību).',
      'Noskaidrojiet tiesisko pamatu dzīvot adresē (īpašums, īres līgums, īpašnieka piekrišana) un pārbaudiet, vai adrese ir Valsts adrešu reģistrā.',
      'Palīdziet aizpildīt dzīvesvietas deklarāciju; deklarējot bērnu, pārbaudiet pārstāvību (dzimšanas apliecību vai bāriņtiesas lēmumu).',
      'Pieņemiet valsts nodevas maksājumu vai atzīmējiet atbrīvojuma pamatu.',
      'Reģistrējiet ziņas un izsniedziet klientam apliecinājumu.',
      'Pastāstiet, ka nākamreiz dzīvesvietu var deklarēt tiešsaistē, un piedāvājiet izveidot e-adresi.',
    ],
    documents: [
      doc('Dzīvesvietas deklarācijas veidlapa'),
      doc('Personu apliecinošs dokuments (pase vai personas apliecība)'),
      doc('Bērna dzimšanas apliecība vai aizbildnību apliecinošs dokuments (deklarējot bērnu)'),
      doc('Pilnvara, ja deklarē pilnvarota persona'),
      doc(
        'PMLP skaidrojums par dzīvesvietas deklarēšanu',
        'https://www.pmlp.gov.lv/lv/dzivesvietas-deklaresana',
      ),
    ],
    legalActs: [LAWS.residence, LAWS.administrativeProcedure],
    notices:
      'Ja personai nav tiesiska pamata dzīvot adresē, deklarāciju nepieņem. Par dzīvesvietas nedeklarēšanu var piemērot administratīvo sodu.',
    institution: 'municipality',
    unit: 'centreMain',
    competence: 'deklarētā dzīvesvieta',
    eServiceUrl: 'https://latvija.gov.lv/Services/12209',
    owner: 'specialist',
    review: -12,
    related: ['propertyTax', 'preschoolQueue', 'eAddress', 'housingQueue'],
    age: 300,
  },
  {
    key: 'eAddress',
    name: 'E-adreses lietošana',
    nameEn: 'Using the official e-address',
    kind: 'consultation',
    description:
      'E-adrese ir oficiālā elektroniskā adrese – droša pastkastīte portālā latvija.gov.lv saziņai ar valsts un pašvaldību iestādēm. VPVKAC palīdz klientam izveidot e-adresi, atvērt saņemtās vēstules un pielikumus, nosūtīt iesniegumu iestādei un iestatīt paziņojumus par jaunām vēstulēm e-pastā vai tālrunī.',
    audience:
      'Fiziskas personas ar eID karti, eParaksts karti vai eParaksts mobile; uzņēmumu un organizāciju pārstāvji.',
    territory: EVERYWHERE,
    fee: 'Bez maksas',
    duration: 'Konsultācija 15–30 minūtes',
    steps: [
      'Pārliecinieties, ka klientam ir piemērots identifikācijas līdzeklis: eID karte ar PIN kodiem, eParaksts karte vai eParaksts mobile (ar internetbanku e-adresei piekļūt nevar).',
      'Kopā ar klientu pieslēdzieties portālam latvija.gov.lv un atveriet e-adreses pastkastīti.',
      'Ja e-adreses vēl nav, izveidojiet to un apstipriniet lietošanas noteikumus.',
      'Iestatiet paziņojumus par jaunām vēstulēm uz klienta e-pastu vai tālruni.',
      'Parādiet, kā atvērt vēstuli un pielikumus un kā atbildēt iestādei.',
    ],
    documents: [doc('Informācija par e-adresi', 'https://latvija.gov.lv/Content/Eadrese')],
    legalActs: [LAWS.eAddress],
    notices:
      'Darbinieks neieraksta klienta PIN kodus un neatver klienta vēstules bez klienta klātbūtnes. E-adrese nav e-pasts: no parasta e-pasta uz e-adresi vēstuli nosūtīt nevar.',
    institution: 'municipality',
    unit: 'centreMain',
    competence: 'e-adrese',
    eServiceUrl: 'https://latvija.gov.lv/Content/Eadrese',
    owner: 'specialist',
    review: 45,
    related: ['eid', 'eSignature', 'portal'],
    age: 280,
  },
  {
    key: 'eid',
    name: 'eID kartes aktivizēšana',
    nameEn: 'Activating the eID card',
    kind: 'consultation',
    description:
      'Personas apliecība (eID karte) ir gan personu apliecinošs dokuments, gan rīks elektroniskai identifikācijai un drošam elektroniskajam parakstam. Lai to lietotu internetā, kartes sertifikāti jāaktivizē ar PIN kodiem, kas saņemti kopā ar karti. VPVKAC palīdz aktivizēt sertifikātus, uzstādīt eID-LV starpprogrammatūru un pārbaudīt, vai karte darbojas.',
    audience: 'Personas apliecības (eID kartes) turētāji',
    territory: EVERYWHERE,
    fee: 'Konsultācija – bez maksas. Jaunu PIN kodu saņemšana PMLP – saskaņā ar PMLP cenrādi.',
    duration: '15–20 minūtes',
    steps: [
      'Pārbaudiet, vai karte ir derīga un klientam ir PIN kodu aploksne (PIN1 – pieslēgšanās, PIN2 – parakstīšana, PUK – atbloķēšana).',
      'Ievietojiet karti viedkaršu lasītājā un atveriet eID-LV starpprogrammatūru.',
      'Aktivizējiet autentifikācijas un paraksta sertifikātus; PIN kodus ievada klients pats.',
      'Pārbaudiet pieslēgšanos portālam latvija.gov.lv ar eID karti.',
      'Ja PIN kods bloķēts vai aploksne pazaudēta, izskaidrojiet atbloķēšanu ar PUK kodu vai jaunu kodu saņemšanu PMLP.',
    ],
    documents: [
      doc('Personas apliecība (eID karte)'),
      doc('PIN kodu aploksne'),
      doc('eID-LV starpprogrammatūra', 'https://www.eparaksts.lv'),
    ],
    legalActs: [LAWS.identityDocuments, LAWS.electronicDocuments],
    notices: 'Trīs reizes nepareizi ievadīts PIN kods tiek bloķēts.',
    institution: 'PMLP',
    unit: 'centreMain',
    competence: 'eID',
    eServiceUrl: 'https://www.eparaksts.lv',
    owner: 'valdis',
    review: 30,
    related: ['eAddress', 'eSignature', 'idDocuments', 'portal'],
    age: 260,
  },
  {
    key: 'idDocuments',
    name: 'Konsultācija par personu apliecinošiem dokumentiem',
    nameEn: 'Passports and identity cards',
    kind: 'consultation',
    description:
      'Informācija par pases un personas apliecības (eID kartes) pieteikšanu, derīguma termiņiem, valsts nodevām un saņemšanu. Dokumentus noformē PMLP nodaļās; VPVKAC palīdz pieteikt vizīti, sagatavot vajadzīgo un saprast, kurš dokuments klientam vajadzīgs.',
    audience: 'Latvijas pilsoņi un nepilsoņi',
    territory: EVERYWHERE,
    fee: 'Valsts nodeva saskaņā ar PMLP cenrādi (atkarīga no dokumenta, vecuma un izgatavošanas termiņa).',
    duration:
      'Dokumenta izgatavošana PMLP – parasti 10 darba dienas; steidzami – īsākā termiņā par augstāku nodevu.',
    steps: [
      'Noskaidrojiet, kāds dokuments klientam vajadzīgs: pase, personas apliecība vai abi.',
      'Pārbaudiet esošā dokumenta derīguma termiņu.',
      'Palīdziet pieteikt vizīti PMLP nodaļā tiešsaistē.',
      'Izskaidrojiet, kas jāņem līdzi un kā samaksāt valsts nodevu.',
    ],
    documents: [
      doc('Esošais personu apliecinošais dokuments'),
      doc('Bērna dzimšanas apliecība (piesakot dokumentu bērnam)'),
    ],
    legalActs: [LAWS.identityDocuments],
    institution: 'PMLP',
    unit: 'centreMain',
    competence: 'pases un personas apliecības',
    eServiceUrl: 'https://www.pmlp.gov.lv',
    owner: 'valdis',
    review: 90,
    related: ['eid'],
    age: 250,
  },
  {
    key: 'eSignature',
    name: 'eParaksts un eParaksts mobile lietošana',
    nameEn: 'Using eParaksts and eParaksts mobile',
    kind: 'consultation',
    description:
      'Drošs elektroniskais paraksts ir līdzvērtīgs pašrocīgam parakstam. Klienti parakstās ar eID karti, eParaksts karti vai lietotni eParaksts mobile. VPVKAC palīdz reģistrēties eParaksts mobile, parakstīt un pārbaudīt dokumentu portālā eparaksts.lv un saprast, kad parakstam vajadzīgs laika zīmogs.',
    audience: 'Fiziskas personas ar personas kodu un viedtālruni vai eID karti',
    territory: EVERYWHERE,
    fee: 'Bez maksas',
    duration: '20–30 minūtes',
    steps: [
      'Noskaidrojiet, vai klientam ir aktivizēta eID karte vai internetbanka, ar ko apstiprināt identitāti, reģistrējoties eParaksts mobile.',
      'Palīdziet lejupielādēt lietotni eParaksts mobile un reģistrēties.',
      'Parādiet, kā parakstīt dokumentu portālā eparaksts.lv un saglabāt .edoc vai .asice datni.',
      'Izskaidrojiet, kā pārbaudīt saņemta dokumenta parakstu.',
      'Atgādiniet, ka PIN kodus nedrīkst nevienam izpaust, arī darbiniekam.',
    ],
    documents: [doc('Portāls eparaksts.lv', 'https://www.eparaksts.lv')],
    legalActs: [LAWS.electronicDocuments],
    institution: null,
    unit: 'centreForest',
    competence: 'e-paraksts',
    eServiceUrl: 'https://www.eparaksts.lv',
    owner: 'janis',
    review: 60,
    related: ['eid', 'eAddress', 'portal'],
    age: 240,
  },
  {
    key: 'portal',
    name: 'Portāla latvija.gov.lv un e-pakalpojumu lietošana',
    nameEn: 'Using latvija.gov.lv and its e-services',
    kind: 'consultation',
    description:
      'Portālā latvija.gov.lv ir pieejami valsts un pašvaldību e-pakalpojumi, e-adrese un sadaļa „Mani dati”, kur redzamas ziņas par personu valsts reģistros. VPVKAC darbinieks palīdz klientam pieslēgties, atrast vajadzīgo e-pakalpojumu un to aizpildīt, ja klients pats to nespēj.',
    audience: 'Iedzīvotāji un uzņēmēji ar elektroniskās identifikācijas līdzekli',
    territory: EVERYWHERE,
    fee: 'Bez maksas',
    duration: '15–45 minūtes, atkarībā no e-pakalpojuma',
    steps: [
      'Noskaidrojiet, ko klients vēlas izdarīt, un atrodiet atbilstošo e-pakalpojumu portālā.',
      'Palīdziet klientam pieslēgties ar internetbanku, eID karti vai eParaksts mobile.',
      'Aizpildiet e-pakalpojumu kopā ar klientu; apstiprina un iesniedz klients pats.',
      'Parādiet, kur portālā redzams iesniegtā pieteikuma statuss un iestādes atbilde.',
    ],
    documents: [doc('Portāls latvija.gov.lv', 'https://latvija.gov.lv')],
    legalActs: [
      LAWS.publicAdministration,
      act(
        'Ministru kabineta 2017. gada 4. jūlija noteikumi Nr. 402 „Valsts pārvaldes e-pakalpojumu noteikumi”',
      ),
    ],
    institution: null,
    unit: 'centreForest',
    competence: 'latvija.gov.lv',
    eServiceUrl: 'https://latvija.gov.lv',
    owner: 'janis',
    review: -20,
    related: ['eAddress', 'eSignature', 'eid', 'incomeDeclaration'],
    age: 330,
  },
  {
    key: 'municipalInfo',
    name: 'Pašvaldības pakalpojumu konsultācija',
    nameEn: 'Information on municipal services',
    kind: 'consultation',
    description:
      'Vispārīga informācija par Priedaines novada pašvaldības pakalpojumiem, atbalsta veidiem, pieņemšanas laikiem un atbildīgajiem speciālistiem. Ja jautājums prasa speciālista lēmumu, klientu pieraksta pie speciālista vai reģistrē pieprasījumu attiecīgajai nodaļai.',
    audience: 'Visi klienti',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: 'Uzreiz; ja atbilde jānoskaidro – ne vēlāk kā 3 darba dienās',
    steps: [
      'Noskaidrojiet klienta vajadzību un atrodiet pakalpojumu katalogā.',
      'Sniedziet informāciju par kārtību, dokumentiem un termiņiem.',
      'Ja jautājums nav jūsu kompetencē, nododiet to atbildīgajam speciālistam un pasakiet klientam, kad un kā viņš saņems atbildi.',
      'Piedāvājiet citus klientam noderīgus pakalpojumus un saziņas veidus (e-adrese, bezmaksas informatīvais tālrunis, tīmekļvietne).',
    ],
    legalActs: [LAWS.municipalities, LAWS.applications],
    institution: 'municipality',
    unit: 'centreMain',
    competence: 'VPVKAC darba organizācija',
    owner: 'unitHead',
    review: 30,
    related: ['application', 'suggestion'],
    age: 360,
  },
  {
    key: 'application',
    name: 'Iesnieguma iesniegšana pašvaldībai',
    nameEn: 'Submitting an application to the municipality',
    kind: 'application',
    description:
      'Iedzīvotāji un organizācijas var iesniegt pašvaldībai iesniegumu, sūdzību vai priekšlikumu klātienē VPVKAC, pa pastu, e-pastā ar drošu elektronisko parakstu vai e-adresē. Iesniegumu reģistrē, nodod atbildīgajai struktūrvienībai, un atbildi sniedz Iesniegumu likumā noteiktajā termiņā.',
    audience: 'Fiziskas un juridiskas personas',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration:
      'Atbilde – saprātīgā termiņā, ne vēlāk kā mēneša laikā; ja vajag vairāk laika, iesniedzējam par to paziņo.',
    steps: [
      'Pieņemiet iesniegumu un pārbaudiet, vai tajā ir iesniedzēja vārds, uzvārds (nosaukums), adrese vai e-adrese un paraksts.',
      'Reģistrējiet iesniegumu un pasakiet klientam reģistrācijas numuru.',
      'Nosakiet atbildīgo struktūrvienību un nododiet iesniegumu tai tajā pašā darba dienā.',
      'Pasakiet klientam, kad un kādā veidā viņš saņems atbildi (e-adresē, e-pastā vai pa pastu).',
    ],
    documents: [
      doc('Iesniegums brīvā formā vai pašvaldības veidlapā'),
      doc('Personu apliecinošs dokuments (iesniedzot klātienē)'),
    ],
    legalActs: [LAWS.applications, LAWS.administrativeProcedure, act('Paziņošanas likums')],
    notices:
      'Uz anonīmu iesniegumu atbildi nesniedz, bet tajā minēto informāciju var izmantot pašvaldības darbā.',
    institution: 'municipality',
    unit: 'clientService',
    competence: 'Iesniegumu likums',
    eServiceUrl: 'https://latvija.gov.lv',
    owner: 'ethics',
    review: 120,
    related: ['suggestion', 'complaint', 'municipalInfo'],
    age: 320,
  },
  {
    key: 'suggestion',
    name: 'Ierosinājums pašvaldībai',
    nameEn: 'Suggestion to the municipality',
    kind: 'application',
    description:
      'Ierosinājumi par novada labiekārtošanu, ceļiem un ielām, apgaismojumu, sabiedrisko kārtību un citiem vietējiem jautājumiem. Ierosinājumu reģistrē un nodod Komunikācijas nodaļai, kas to novirza atbildīgajai iestādei un informē iesniedzēju par rezultātu.',
    audience: 'Iedzīvotāji, uzņēmēji un biedrības',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: 'Atbilde – mēneša laikā',
    steps: [
      'Pierakstiet ierosinājumu un vietu (adresi); ja klientam ir fotogrāfijas, pievienojiet tās.',
      'Reģistrējiet ierosinājumu un nododiet Komunikācijas nodaļai.',
      'Pasakiet klientam, ka atbildi viņš saņems mēneša laikā izvēlētajā saziņas veidā.',
    ],
    legalActs: [LAWS.applications],
    institution: 'municipality',
    unit: 'communication',
    competence: 'pašvaldības ziņas',
    owner: 'elina',
    review: 150,
    related: ['application', 'residentsCouncil'],
    age: 200,
  },
  {
    key: 'complaint',
    name: 'Sūdzība par pakalpojuma kvalitāti',
    nameEn: 'Complaint about the quality of service',
    kind: 'application',
    description:
      'Klients var izteikt sūdzību, ieteikumu vai pateicību par apkalpošanu klātienē (mutiski vai veidlapā), pa tālruni, e-pastā, e-adresē vai tīmekļvietnes saziņas formā. Klientu apkalpošanas nodaļas vadītāja sūdzību izvērtē un, ja vajag, nodod tālāk; apzinātus standarta pārkāpumus var izskatīt Ētikas komisija.',
    audience: 'Visi klienti',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: 'Atbilde – mēneša laikā',
    steps: [
      'Uzklausiet klientu mierīgi un nepārtraucot; pierakstiet, kas, kur un kad notika.',
      'Piedāvājiet aizpildīt atsauksmes veidlapu vai pierakstiet sūdzību paši.',
      'Reģistrējiet sūdzību un nododiet Klientu apkalpošanas nodaļas vadītājai.',
      'Pasakiet klientam, kad viņš saņems atbildi.',
    ],
    legalActs: [LAWS.applications, LAWS.standard],
    institution: 'municipality',
    unit: 'clientService',
    competence: 'sūdzības un ieteikumi',
    owner: 'csHead',
    review: 200,
    related: ['application'],
    age: 310,
  },
  {
    key: 'gmi',
    name: 'Sociālā pabalsta pieteikums',
    nameEn: 'Social assistance (guaranteed minimum income benefit)',
    kind: 'application',
    description:
      'Garantētā minimālā ienākuma (GMI) pabalsts un pabalsts krīzes situācijā mājsaimniecībām, kuru ienākumi ir zem noteiktā sliekšņa. Sociālais dienests izvērtē mājsaimniecības materiālo situāciju un pieņem lēmumu; VPVKAC pieņem iesniegumu un nodod to Sociālajam dienestam.',
    audience:
      'Mājsaimniecības ar deklarēto dzīvesvietu Priedaines novadā, kuras atzītas par trūcīgām vai maznodrošinātām, un personas krīzes situācijā',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration:
      'Lēmums – 10 darba dienu laikā pēc visu vajadzīgo dokumentu saņemšanas; krīzes situācijā – ātrāk.',
    steps: [
      'Pārbaudiet, vai klienta deklarētā dzīvesvieta ir Priedaines novadā.',
      'Palīdziet aizpildīt iesniegumu un iztikas līdzekļu deklarāciju.',
      'Pieņemiet dokumentus par ienākumiem un izdevumiem, kas nav pieejami valsts reģistros.',
      'Reģistrējiet pieprasījumu un nododiet to Sociālajam dienestam.',
      'Pasakiet klientam, ka sociālais darbinieks sazināsies, lai vienotos par tikšanos.',
    ],
    documents: [
      doc('Iesniegums sociālās palīdzības saņemšanai'),
      doc('Iztikas līdzekļu deklarācija'),
      doc(
        'Izziņas par ienākumiem, ko nevar iegūt valsts reģistros (piemēram, uzturlīdzekļi, ienākumi ārvalstīs)',
      ),
    ],
    legalActs: [
      LAWS.socialServices,
      act(
        'Ministru kabineta 2020. gada 17. decembra noteikumi Nr. 809 „Noteikumi par mājsaimniecības materiālās situācijas izvērtēšanu un sociālās palīdzības saņemšanu”',
      ),
      act('Priedaines novada pašvaldības saistošie noteikumi par sociālās palīdzības pabalstiem'),
    ],
    notices:
      'GMI slieksnis un pabalsta apmērs mainās katru gadu; aktuālās summas – Sociālā dienesta tīmekļvietnē.',
    institution: 'municipality',
    unit: 'social',
    competence: 'sociālie pabalsti',
    owner: 'sandra',
    review: 25,
    related: ['poorStatus', 'housingBenefit', 'socialInfo', 'unemployment'],
    age: 270,
  },
  {
    key: 'poorStatus',
    name: 'Trūcīgas personas statusa noteikšana',
    nameEn: 'Low-income household status',
    kind: 'application',
    description:
      'Trūcīgas vai maznodrošinātas mājsaimniecības statuss dod tiesības uz sociālās palīdzības pabalstiem, nekustamā īpašuma nodokļa atvieglojumu, brīvpusdienām un citu pašvaldības atbalstu. Statusu nosaka uz laiku, izvērtējot mājsaimniecības ienākumus un materiālo stāvokli.',
    audience: 'Mājsaimniecības ar deklarēto dzīvesvietu Priedaines novadā',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration:
      'Lēmums – 10 darba dienu laikā; statusu piešķir uz 6 mēnešiem, pensionāriem un personām ar invaliditāti – uz 12 mēnešiem.',
    steps: [
      'Pārbaudiet klienta deklarēto dzīvesvietu un mājsaimniecības sastāvu.',
      'Palīdziet aizpildīt iesniegumu un iztikas līdzekļu deklarāciju.',
      'Pieņemiet dokumentus, kas nav pieejami valsts reģistros.',
      'Reģistrējiet pieprasījumu un nododiet Sociālajam dienestam.',
    ],
    documents: [doc('Iesniegums'), doc('Iztikas līdzekļu deklarācija')],
    legalActs: [LAWS.socialServices],
    institution: 'municipality',
    unit: 'social',
    competence: 'trūcīgas personas statuss',
    owner: 'sandra',
    review: 80,
    related: ['gmi', 'housingBenefit', 'propertyTaxRelief', 'freeLunch'],
    age: 270,
  },
  {
    key: 'housingBenefit',
    name: 'Mājokļa pabalsta pieteikums',
    nameEn: 'Housing benefit',
    kind: 'application',
    description:
      'Mājokļa pabalsts sedz daļu no izdevumiem par īri, komunālajiem pakalpojumiem, apkuri un kurināmo mājsaimniecībām ar nelieliem ienākumiem. Pabalsta apmēru aprēķina pēc normatīvajos aktos noteiktās formulas, ņemot vērā ienākumus un mājokļa izdevumus.',
    audience: 'Trūcīgas un maznodrošinātas mājsaimniecības Priedaines novadā',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: 'Lēmums – 10 darba dienu laikā pēc visu dokumentu saņemšanas',
    steps: [
      'Pārbaudiet, vai mājsaimniecībai ir trūcīgas vai maznodrošinātas personas statuss vai tā vienlaikus to piesaka.',
      'Pieņemiet iesniegumu un rēķinus par mājokļa izdevumiem.',
      'Reģistrējiet pieprasījumu un nododiet Sociālajam dienestam.',
      'Izskaidrojiet, ka pabalstu pārskaita klienta kontā vai tieši pakalpojuma sniedzējam.',
    ],
    documents: [
      doc('Iesniegums'),
      doc('Īres līgums vai cits dokuments par tiesībām lietot mājokli'),
      doc('Rēķini par īri, komunālajiem pakalpojumiem un apkuri vai kurināmā iegādi'),
    ],
    legalActs: [LAWS.socialServices, LAWS.housing],
    notices:
      'Apkures sezonā pieteikumu skaits strauji aug – lūdziet klientam ņemt līdzi visus rēķinus uzreiz.',
    institution: 'municipality',
    unit: 'social',
    competence: 'sociālie pabalsti',
    owner: 'ruta',
    review: -40,
    related: ['gmi', 'poorStatus', 'housingQueue'],
    age: 380,
  },
  {
    key: 'homeCare',
    name: 'Aprūpes mājās pakalpojuma pieteikums',
    nameEn: 'Home care',
    kind: 'application',
    description:
      'Aprūpes mājās pakalpojums palīdz personām, kuras vecuma vai veselības stāvokļa dēļ pašas nespēj sevi aprūpēt: palīdzība mājas darbos, iepirkšanās, personīgā higiēna. Sociālais darbinieks vajadzības izvērtē mājas vizītē.',
    audience: 'Pensijas vecuma personas un personas ar invaliditāti Priedaines novadā',
    territory: NOVADS,
    fee: 'Pēc Sociālā dienesta lēmuma – daļēja samaksa atkarībā no ienākumiem; trūcīgām personām – bez maksas.',
    duration: 'Lēmums – mēneša laikā no iesnieguma saņemšanas',
    steps: [
      'Pieņemiet iesniegumu no klienta vai viņa tuvinieka (ar pilnvaru).',
      'Pierakstiet, kādu palīdzību klients sagaida un kā ar viņu sazināties.',
      'Reģistrējiet pieprasījumu un nododiet Sociālajam dienestam.',
      'Pasakiet, ka sociālais darbinieks vienosies par mājas vizīti.',
    ],
    documents: [
      doc('Iesniegums'),
      doc('Ģimenes ārsta izziņa par veselības stāvokli'),
      doc('Invaliditāti apliecinošs dokuments (ja ir)'),
    ],
    legalActs: [LAWS.socialServices],
    institution: 'municipality',
    unit: 'social',
    competence: 'aprūpe mājās',
    owner: 'ruta',
    review: 70,
    related: ['socialInfo', 'pension'],
    age: 230,
  },
  {
    key: 'socialInfo',
    name: 'Konsultācija par sociālajiem pakalpojumiem',
    nameEn: 'Information on social services',
    kind: 'consultation',
    description:
      'Informācija par pašvaldības sociālajiem pakalpojumiem un pabalstiem: atbalsts daudzbērnu ģimenēm, pašvaldības pabalsts bērna piedzimšanā, transporta atbalsts personām ar invaliditāti, palīdzība krīzes situācijā. Sarežģītos gadījumos klientu pieraksta pie sociālā darbinieka.',
    audience: 'Priedaines novada iedzīvotāji',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: 'Uzreiz',
    steps: [
      'Noskaidrojiet klienta situāciju un mājsaimniecības sastāvu.',
      'Pastāstiet par atbilstošajiem pakalpojumiem un pabalstiem.',
      'Ja vajag izvērtējumu, pierakstiet klientu pie sociālā darbinieka.',
    ],
    legalActs: [LAWS.socialServices],
    institution: 'municipality',
    unit: 'social',
    competence: 'sociālie pabalsti',
    owner: 'kristine',
    review: 50,
    related: ['gmi', 'homeCare', 'childBirth'],
    age: 220,
  },
  {
    key: 'pension',
    name: 'Vecuma pensijas pieprasīšana',
    nameEn: 'Old-age pension',
    kind: 'application',
    description:
      'Vecuma pensiju piešķir personām, kuras sasniegušas pensionēšanās vecumu (no 2025. gada – 65 gadi) un kurām ir vismaz 15 gadu apdrošināšanas stāžs. Iesniegumu var iesniegt portālā latvija.gov.lv, jebkurā VSAA nodaļā vai VPVKAC; VPVKAC pieņem iesniegumu un nosūta to VSAA.',
    audience:
      'Personas, kuras sasniegušas pensionēšanās vecumu vai kurām ir tiesības pensionēties priekšlaicīgi',
    territory: EVERYWHERE,
    fee: 'Bez maksas',
    duration: 'VSAA lēmums – ne vēlāk kā mēneša laikā pēc visu dokumentu saņemšanas',
    steps: [
      'Pārbaudiet klienta personu apliecinošu dokumentu.',
      'Palīdziet aizpildīt VSAA iesniegumu vecuma pensijas piešķiršanai; norādiet kontu un lēmuma saņemšanas veidu.',
      'Pieņemiet dokumentus par stāžu, kas nav VSAA datubāzē (piemēram, darba grāmatiņu par laiku līdz 1996. gadam).',
      'Nosūtiet iesniegumu VSAA tajā pašā darba dienā; pieprasījumam norādiet stāvokli „gaida iestādes atbildi”.',
      'Pasakiet klientam, kā un kad viņš saņems VSAA lēmumu.',
    ],
    documents: [
      doc('Iesniegums vecuma pensijas piešķiršanai'),
      doc('Personu apliecinošs dokuments'),
      doc('Darba grāmatiņa vai citi stāžu apliecinoši dokumenti (ja stāžs nav reģistrēts)'),
    ],
    legalActs: [LAWS.pensions, LAWS.pensionRules],
    institution: 'VSAA',
    unit: 'centreMain',
    competence: 'VSAA pakalpojumi',
    eServiceUrl: 'https://www.vsaa.gov.lv/lv/pakalpojumi/vecuma-pensija',
    owner: 'specialist',
    review: 100,
    related: ['homeCare', 'eAddress'],
    age: 290,
  },
  {
    key: 'childBirth',
    name: 'Bērna piedzimšanas pabalsta pieprasīšana',
    nameEn: 'Childbirth benefit',
    kind: 'application',
    description:
      'Valsts bērna piedzimšanas pabalsts ir vienreizējs pabalsts, ko izmaksā vienam no vecākiem par katru bērnu, kuram piešķirts personas kods. Pabalsts jāpieprasa 6 mēnešu laikā no bērna piedzimšanas; nokavējot šo termiņu, to nepiešķir. Papildus valsts pabalstam Priedaines novada pašvaldība izmaksā savu pabalstu bērna piedzimšanā.',
    audience:
      'Viens no bērna vecākiem; aizbildnis, ja bērns ņemts aizbildnībā līdz viena gada vecumam',
    territory: EVERYWHERE,
    fee: 'Bez maksas',
    duration: 'VSAA lēmums – 8 darba dienu laikā',
    steps: [
      'Pārbaudiet, vai bērnam ir personas kods un kopš dzimšanas nav pagājuši 6 mēneši.',
      'Palīdziet aizpildīt VSAA iesniegumu vai iesniegt to portālā latvija.gov.lv.',
      'Noskaidrojiet, vai klients vēlas pieprasīt arī vecāku pabalstu vai bērna kopšanas pabalstu.',
      'Piedāvājiet deklarēt bērna dzīvesvietu un pieteikt bērnu pirmsskolas izglītības iestādes rindā.',
    ],
    documents: [doc('VSAA iesniegums bērna piedzimšanas pabalsta piešķiršanai')],
    legalActs: [LAWS.socialBenefits],
    institution: 'VSAA',
    unit: 'centreMain',
    competence: 'VSAA pakalpojumi',
    eServiceUrl: 'https://www.vsaa.gov.lv/lv/pakalpojumi/berna-piedzimsanas-pabalsts',
    owner: 'kristine',
    review: 140,
    related: ['childCare', 'residence', 'preschoolQueue', 'socialInfo'],
    age: 180,
  },
  {
    key: 'childCare',
    name: 'Bērna kopšanas pabalsta pieprasīšana',
    nameEn: 'Childcare benefit',
    kind: 'application',
    description:
      'Bērna kopšanas pabalstu maksā vienam no vecākiem vai citai personai, kas kopj bērnu līdz divu gadu vecumam, ja persona nesaņem vecāku pabalstu vai tā izmaksa beigusies. VPVKAC pieņem iesniegumu un nosūta to VSAA.',
    audience: 'Persona, kas kopj bērnu līdz divu gadu vecumam',
    territory: EVERYWHERE,
    fee: 'Bez maksas',
    duration: 'VSAA lēmums – 10 darba dienu laikā',
    steps: [
      'Noskaidrojiet, vai klients saņem vecāku pabalstu un kad tā izmaksa beidzas.',
      'Palīdziet aizpildīt VSAA iesniegumu vai iesniegt to portālā latvija.gov.lv.',
      'Nosūtiet iesniegumu VSAA un pasakiet klientam, kā viņš saņems lēmumu.',
    ],
    legalActs: [LAWS.socialBenefits],
    institution: 'VSAA',
    unit: 'centreMain',
    competence: 'VSAA pakalpojumi',
    eServiceUrl: 'https://www.vsaa.gov.lv/lv/pakalpojumi/berna-kopsanas-pabalsts',
    owner: 'specialist',
    review: 160,
    related: ['childBirth', 'preschoolQueue'],
    age: 180,
  },
  {
    key: 'unemployment',
    name: 'Bezdarbnieka statusa pieprasīšana',
    nameEn: 'Registering as unemployed',
    kind: 'application',
    description:
      'Bezdarbnieka statusu piešķir Nodarbinātības valsts aģentūra darbspējīgai personai, kura nestrādā, meklē darbu un nav sasniegusi pensijas vecumu. Statuss dod tiesības uz NVA apmācībām, karjeras konsultācijām un, ja ir apdrošināšanas stāžs, bezdarbnieka pabalstu, ko piešķir VSAA. VPVKAC palīdz pieteikties tiešsaistē un nosūta dokumentus NVA.',
    audience: 'Darbspējīgas personas no 15 gadu vecuma līdz pensijas vecumam, kuras nestrādā',
    territory: EVERYWHERE,
    fee: 'Bez maksas',
    duration: 'Statusu NVA piešķir pēc pirmās tikšanās, parasti dažu darba dienu laikā',
    steps: [
      'Pārbaudiet, vai klients nav nodarbināts un nesaņem vecuma pensiju.',
      'Palīdziet pieteikties NVA tiešsaistē vai aizpildīt iesniegumu bezdarbnieka statusa piešķiršanai.',
      'Izskaidrojiet, ka NVA aicinās uz pirmo tikšanos, un atgādiniet paņemt izglītības dokumentus.',
      'Pastāstiet par bezdarbnieka pabalsta pieprasīšanu VSAA.',
    ],
    documents: [
      doc('Personu apliecinošs dokuments'),
      doc('Izglītību apliecinoši dokumenti'),
      doc('Izziņa par darba attiecību izbeigšanu (ja ziņas nav VID datos)'),
    ],
    legalActs: [LAWS.unemployed, act('Likums „Par apdrošināšanu bezdarba gadījumam”')],
    institution: 'NVA',
    unit: 'centreForest',
    competence: 'NVA pakalpojumi',
    eServiceUrl: 'https://www.nva.gov.lv',
    owner: 'kristine',
    review: 35,
    related: ['gmi', 'socialInfo'],
    age: 210,
  },
  {
    key: 'incomeDeclaration',
    name: 'Gada ienākumu deklarācijas iesniegšana VID EDS',
    nameEn: 'Annual income tax return in the VID EDS',
    kind: 'consultation',
    description:
      'Gada ienākumu deklarāciju iesniedz VID Elektroniskās deklarēšanas sistēmā (EDS) no 1. marta līdz 1. jūnijam, ja tā jāiesniedz obligāti (piemēram, bija ienākumi, no kuriem nodoklis nav ieturēts). Lai atgūtu pārmaksāto iedzīvotāju ienākuma nodokli par attaisnotajiem izdevumiem – ārstniecību, izglītību, ziedojumiem –, deklarāciju var iesniegt triju gadu laikā. VPVKAC palīdz pieslēgties EDS un aizpildīt deklarāciju; iesniedz klients pats.',
    audience: 'Fiziskas personas – nodokļu maksātāji',
    territory: EVERYWHERE,
    fee: 'Bez maksas',
    duration: '20–40 minūtes; VID pārmaksāto nodokli atmaksā parasti 30 dienu laikā',
    steps: [
      'Palīdziet klientam pieslēgties EDS ar internetbanku, eID karti vai eParaksts mobile.',
      'Atveriet gada ienākumu deklarāciju un pārbaudiet VID jau aizpildītos datus.',
      'Pievienojiet attaisnotos izdevumus, kas nav ienākuši sistēmā automātiski (čeki, izziņas).',
      'Pārbaudiet bankas kontu nodokļa atmaksai.',
      'Klients pats iesniedz deklarāciju; parādiet, kur EDS redzams tās apstrādes statuss.',
    ],
    documents: [
      doc('Attaisnoto izdevumu čeki un izziņas (ārstniecība, izglītība, ziedojumi)'),
      doc('Bankas konta numurs nodokļa atmaksai'),
    ],
    legalActs: [LAWS.incomeTax],
    notices:
      'Darbinieks neiesniedz deklarāciju klienta vārdā un neglabā klienta piekļuves datus. Pavasarī pieprasījums strauji aug – iesakiet klientiem pierakstīties.',
    institution: 'VID',
    unit: 'centreForest',
    competence: 'VID EDS',
    eServiceUrl: 'https://eds.vid.gov.lv',
    owner: 'janis',
    review: 15,
    related: ['portal', 'eSignature'],
    age: 340,
  },
  {
    key: 'cadastre',
    name: 'Nekustamā īpašuma kadastra datu izziņa',
    nameEn: 'Real estate cadastre data statement',
    kind: 'application',
    description:
      'Izziņa no Nekustamā īpašuma valsts kadastra informācijas sistēmas par īpašuma sastāvu, platībām, kadastrālo vērtību un lietošanas mērķiem. Pamatinformāciju bez maksas var apskatīt portālā kadastrs.lv; oficiālu izziņu pieprasa Valsts zemes dienestam.',
    audience:
      'Nekustamā īpašuma īpašnieki, tiesiskie valdītāji un citas personas ar tiesisku interesi',
    territory: EVERYWHERE,
    fee: 'Saskaņā ar Valsts zemes dienesta maksas pakalpojumu cenrādi',
    duration: 'Parasti 5 darba dienas',
    steps: [
      'Noskaidrojiet īpašuma kadastra numuru vai adresi.',
      'Pārbaudiet, vai klientam pietiek ar bezmaksas informāciju portālā kadastrs.lv.',
      'Ja vajag oficiālu izziņu, palīdziet to pieprasīt VZD e-pakalpojumā vai nosūtiet iesniegumu VZD.',
      'Informējiet klientu par maksu un izziņas saņemšanas veidu.',
    ],
    legalActs: [act('Nekustamā īpašuma valsts kadastra likums')],
    institution: 'VZD',
    unit: 'centreMain',
    competence: 'VZD pakalpojumi',
    eServiceUrl: 'https://www.kadastrs.lv',
    owner: 'gunta',
    review: -70,
    related: ['landBook', 'propertyTax'],
    age: 420,
  },
  {
    key: 'landBook',
    name: 'Uzziņa no Zemesgrāmatas',
    nameEn: 'Information from the Land Register',
    kind: 'consultation',
    description:
      'Zemesgrāmatā ierakstītas tiesības uz nekustamo īpašumu: īpašnieks, apgrūtinājumi, hipotēkas. Informāciju var iegūt Valsts vienotajā datorizētajā zemesgrāmatā tiešsaistē vai rajona (pilsētas) tiesas zemesgrāmatu nodaļā. VPVKAC palīdz atrast nodalījumu un pasūtīt izdruku.',
    audience: 'Īpašnieki un citas personas',
    territory: EVERYWHERE,
    fee: 'Par savu īpašumu, pieslēdzoties portālam, – bez maksas; citas uzziņas – saskaņā ar Tiesu administrācijas cenrādi.',
    duration: 'Tiešsaistē – uzreiz',
    steps: [
      'Noskaidrojiet īpašuma adresi vai kadastra numuru.',
      'Palīdziet klientam pieslēgties portālam zemesgramata.lv.',
      'Atrodiet zemesgrāmatas nodalījumu un apskatiet vai pasūtiet izdruku.',
      'Ja jāmaina ieraksts (mantojums, pirkums), izskaidrojiet, ka nostiprinājuma lūgumu iesniedz zemesgrāmatu nodaļā, parasti ar notāra starpniecību.',
    ],
    legalActs: [LAWS.landBook],
    institution: 'TA',
    unit: 'centreMain',
    competence: 'Zemesgrāmata',
    eServiceUrl: 'https://www.zemesgramata.lv',
    owner: 'gunta',
    review: 110,
    related: ['cadastre', 'propertyTax'],
    age: 160,
  },
  {
    key: 'business',
    name: 'Uzņēmumu reģistra pakalpojumi: reģistrācija un izmaiņas',
    nameEn: 'Enterprise Register: registration and changes',
    kind: 'consultation',
    description:
      'Informācija par komersantu, biedrību un nodibinājumu reģistrāciju, izmaiņām reģistrā un dokumentu iesniegšanu Uzņēmumu reģistram tiešsaistē. VPVKAC palīdz sagatavot pieteikumu e-pakalpojumā un parakstīt to ar drošu elektronisko parakstu.',
    audience: 'Topošie un esošie uzņēmēji, biedrības un nodibinājumi',
    territory: EVERYWHERE,
    fee: 'Valsts nodeva un publikācijas maksa saskaņā ar Uzņēmumu reģistra cenrādi',
    duration: 'Uzņēmumu reģistrs lēmumu pieņem parasti 3 darba dienu laikā',
    steps: [
      'Noskaidrojiet, kāda reģistrācija vai izmaiņas klientam vajadzīgas.',
      'Atrodiet atbilstošo veidlapu vai e-pakalpojumu Uzņēmumu reģistra tīmekļvietnē.',
      'Palīdziet sagatavot dokumentus un parakstīt tos ar drošu elektronisko parakstu.',
      'Izskaidrojiet, kā samaksāt valsts nodevu un kur redzams lēmums.',
    ],
    legalActs: [LAWS.commercial, act('Biedrību un nodibinājumu likums')],
    institution: 'UR',
    unit: 'centreForest',
    competence: 'Uzņēmumu reģistrs',
    eServiceUrl: 'https://www.ur.gov.lv',
    owner: 'arturs',
    review: 95,
    related: ['eSignature', 'incomeDeclaration'],
    age: 150,
  },
  {
    key: 'areaPayments',
    name: 'Platību maksājumu pieteikuma aizpildīšana',
    nameEn: 'Applying for area-based payments',
    kind: 'consultation',
    description:
      'Lauksaimnieki platību maksājumiem piesakās Lauku atbalsta dienesta Elektroniskajā pieteikšanās sistēmā (EPS). VPVKAC palīdz pieslēgties EPS, aizpildīt vienoto iesniegumu un pārbaudīt lauku robežas kartē.',
    audience:
      'Lauksaimnieki – fiziskas un juridiskas personas, kas apsaimnieko lauksaimniecības zemi',
    territory: EVERYWHERE,
    fee: 'Bez maksas',
    duration: 'Pieteikšanās – katru pavasari LAD noteiktajā termiņā',
    steps: [
      'Pārbaudiet, vai klients ir reģistrēts LAD klientu reģistrā un viņam ir EPS lietotāja tiesības.',
      'Palīdziet pieslēgties EPS.',
      'Aizpildiet vienoto iesniegumu un pārbaudiet lauku robežas kartē.',
      'Klients pats iesniedz pieteikumu; saglabājiet apliecinājumu.',
    ],
    legalActs: [act('Lauksaimniecības un lauku attīstības likums')],
    institution: 'LAD',
    unit: 'centreForest',
    competence: 'LAD pakalpojumi',
    eServiceUrl: 'https://eps.lad.gov.lv',
    owner: 'arturs',
    review: -3,
    related: ['landBook', 'cadastre', 'business'],
    age: 365,
  },
  {
    key: 'propertyTax',
    name: 'Nekustamā īpašuma nodokļa maksājums',
    nameEn: 'Paying the real estate tax',
    kind: 'consultation',
    description:
      'Nekustamā īpašuma nodokli (NĪN) aprēķina pašvaldība un maksāšanas paziņojumu nosūta līdz 15. februārim – e-adresē, e-pastā vai pa pastu. Nodokli var samaksāt par visu gadu uzreiz vai ceturkšņos: līdz 31. martam, 15. maijam, 15. augustam un 15. novembrim. VPVKAC izskaidro aprēķinu, palīdz atrast paziņojumu un samaksāt tiešsaistē.',
    audience: 'Nekustamā īpašuma īpašnieki un tiesiskie valdītāji Priedaines novadā',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: 'Uzreiz; pārrēķina iesniegumu Nekustamā īpašuma nodaļa izskata mēneša laikā',
    steps: [
      'Noskaidrojiet īpašuma kadastra numuru vai maksāšanas paziņojuma numuru.',
      'Pārbaudiet aprēķinu un maksājumu vēsturi; izskaidrojiet kadastrālās vērtības un likmes nozīmi.',
      'Palīdziet samaksāt nodokli portālā epakalpojumi.lv vai internetbankā.',
      'Ja klients aprēķinam nepiekrīt, pieņemiet iesniegumu par pārrēķinu un nododiet Nekustamā īpašuma nodaļai.',
      'Piedāvājiet turpmāk saņemt paziņojumus e-adresē vai e-pastā.',
    ],
    legalActs: [LAWS.propertyTax],
    notices: 'Par nokavētu maksājumu aprēķina nokavējuma naudu.',
    institution: 'municipality',
    unit: 'property',
    competence: 'nekustamā īpašuma nodoklis',
    eServiceUrl: 'https://www.epakalpojumi.lv',
    owner: 'zane',
    review: 20,
    related: ['propertyTaxRelief', 'cadastre', 'residence', 'eAddress'],
    age: 400,
  },
  {
    key: 'propertyTaxRelief',
    name: 'Nekustamā īpašuma nodokļa atvieglojuma pieteikums',
    nameEn: 'Real estate tax relief',
    kind: 'application',
    description:
      'Pašvaldība piešķir nekustamā īpašuma nodokļa atvieglojumus noteiktām personu grupām: trūcīgām un maznodrošinātām mājsaimniecībām, daudzbērnu ģimenēm, politiski represētām personām, personām ar invaliditāti u. c. Atvieglojumu piešķir par taksācijas gadu, ja iesniegums saņemts līdz gada beigām.',
    audience: 'Nodokļa maksātāji, kuri atbilst saistošajos noteikumos noteiktajām grupām',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: 'Lēmums – mēneša laikā',
    steps: [
      'Noskaidrojiet, kurai atvieglojuma grupai klients atbilst.',
      'Pieņemiet iesniegumu un dokumentus, kas apliecina tiesības uz atvieglojumu.',
      'Reģistrējiet iesniegumu un nododiet Nekustamā īpašuma nodaļai.',
    ],
    documents: [
      doc('Iesniegums'),
      doc('Dokuments, kas apliecina tiesības uz atvieglojumu (ja ziņas nav valsts reģistros)'),
    ],
    legalActs: [
      LAWS.propertyTax,
      act(
        'Priedaines novada pašvaldības saistošie noteikumi par nekustamā īpašuma nodokļa atvieglojumiem',
      ),
    ],
    institution: 'municipality',
    unit: 'property',
    competence: 'nekustamā īpašuma nodoklis',
    owner: 'gunta',
    review: 130,
    related: ['propertyTax', 'poorStatus'],
    age: 260,
  },
  {
    key: 'landLease',
    name: 'Zemes nomas līguma pagarināšana',
    nameEn: 'Extending a municipal land lease',
    kind: 'application',
    description:
      'Pašvaldībai piederošas vai piekritīgas zemes nomas līgumu var pagarināt, ja nomnieks pilda līguma nosacījumus un nav nomas maksas parādu. Iesniegumu izskata Nekustamā īpašuma nodaļa, un līguma grozījumus paraksta abas puses.',
    audience: 'Pašvaldības zemes nomnieki',
    territory: NOVADS,
    fee: 'Bez maksas; nomas maksa – saskaņā ar līgumu',
    duration: 'Mēneša laikā',
    steps: [
      'Noskaidrojiet esošā nomas līguma numuru un termiņu.',
      'Pieņemiet iesniegumu par līguma pagarināšanu.',
      'Reģistrējiet iesniegumu un nododiet Nekustamā īpašuma nodaļai.',
      'Pasakiet klientam, ka par līguma parakstīšanu ar viņu sazināsies nodaļas speciālists.',
    ],
    documents: [doc('Iesniegums par līguma pagarināšanu')],
    legalActs: [
      act(
        'Ministru kabineta 2018. gada 19. jūnija noteikumi Nr. 350 „Publiskas personas zemes nomas un apbūves tiesības noteikumi”',
      ),
    ],
    institution: 'municipality',
    unit: 'property',
    competence: 'zemes noma',
    owner: 'zane',
    review: 75,
    related: ['propertyTax', 'cadastre'],
    age: 190,
  },
  {
    key: 'housingQueue',
    name: 'Reģistrācija rindā uz pašvaldības dzīvokli',
    nameEn: 'Registering for municipal housing',
    kind: 'application',
    description:
      'Pašvaldība palīdz dzīvokļa jautājumu risināšanā personām, kuras atbilst likumā un pašvaldības saistošajos noteikumos noteiktajām grupām: bāreņiem, trūcīgām personām, politiski represētām personām, ģimenēm ar bērniem, novadam vajadzīgiem speciālistiem u. c. Dzīvokļu komisija lēmumu par reģistrēšanu pieņem mēneša laikā; kārtas numuru rindā var uzzināt Nekustamā īpašuma nodaļā.',
    audience:
      'Personas ar deklarēto dzīvesvietu Priedaines novadā, kuras atbilst palīdzības grupām',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: 'Lēmums par reģistrēšanu – mēneša laikā',
    steps: [
      'Noskaidrojiet, kurai palīdzības grupai klients atbilst.',
      'Pieņemiet iesniegumu un dokumentus par piederību grupai un ģimenes sastāvu.',
      'Reģistrējiet iesniegumu un nododiet Nekustamā īpašuma nodaļai (Dzīvokļu komisijai).',
      'Izskaidrojiet, ka izmaiņas ģimenes sastāvā, ienākumos vai dzīvesvietā jāpaziņo mēneša laikā.',
    ],
    documents: [
      doc('Iesniegums'),
      doc('Dokumenti, kas apliecina piederību palīdzības grupai'),
      doc('Ziņas par ģimenes sastāvu un ienākumiem'),
    ],
    legalActs: [LAWS.housing, act('Dzīvojamo telpu īres likums')],
    institution: 'municipality',
    unit: 'property',
    competence: 'dzīvokļu jautājumi',
    owner: 'zane',
    review: 40,
    related: ['housingBenefit', 'residence', 'poorStatus'],
    age: 240,
  },
  {
    key: 'permitStatus',
    name: 'Būvatļaujas statuss',
    nameEn: 'Building permit status',
    kind: 'consultation',
    description:
      'Informācija par būvniecības lietas virzību: ieceres izskatīšana, būvatļaujas nosacījumu izpilde, projektēšanas un būvdarbu uzsākšanas nosacījumi un objekta pieņemšana ekspluatācijā. Lietas statuss redzams Būvniecības informācijas sistēmā (BIS); sarežģītos jautājumos konsultē būvinspektors.',
    audience: 'Būvniecības ierosinātāji un viņu pilnvarotās personas',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: 'Uzreiz; būvinspektora konsultācija – pieņemšanas laikā',
    steps: [
      'Noskaidrojiet BIS lietas numuru vai būvniecības adresi.',
      'Pārbaudiet lietas statusu BIS kopā ar klientu.',
      'Ja vajag Būvvaldes skaidrojumu, pierakstiet klientu uz būvinspektora pieņemšanas laiku vai reģistrējiet jautājumu Būvvaldei.',
    ],
    legalActs: [
      LAWS.construction,
      act('Ministru kabineta 2014. gada 19. augusta noteikumi Nr. 500 „Vispārīgie būvnoteikumi”'),
    ],
    institution: 'municipality',
    unit: 'building',
    competence: 'būvatļaujas',
    eServiceUrl: 'https://bis.gov.lv',
    owner: 'peteris',
    review: -5,
    related: ['bisSubmission', 'explanatoryNote'],
    age: 300,
  },
  {
    key: 'bisSubmission',
    name: 'Būvniecības ieceres iesniegšana BIS',
    nameEn: 'Submitting a construction plan in BIS',
    kind: 'consultation',
    description:
      'Būvniecības ieceres dokumentus – paskaidrojuma rakstu, apliecinājuma karti vai būvprojektu – iesniedz Būvniecības informācijas sistēmā (BIS). VPVKAC palīdz pieslēgties BIS, izveidot lietu un pievienot dokumentus; būvprojektu sagatavo būvspeciālists.',
    audience: 'Būvniecības ierosinātāji',
    territory: NOVADS,
    fee: 'Būvvaldes nodeva saskaņā ar pašvaldības saistošajiem noteikumiem',
    duration: 'Būvvalde ieceri parasti izskata 20 dienu laikā',
    steps: [
      'Palīdziet klientam pieslēgties bis.gov.lv ar eID karti, eParaksts mobile vai internetbanku.',
      'Izvēlieties būvniecības veidu un izveidojiet jaunu būvniecības ieceri.',
      'Pievienojiet dokumentus un kā adresātu norādiet Priedaines novada Būvvaldi.',
      'Iesniedziet ieceri un parādiet, kur BIS redzams tās statuss.',
    ],
    legalActs: [LAWS.construction],
    institution: 'municipality',
    unit: 'building',
    competence: 'BIS',
    eServiceUrl: 'https://bis.gov.lv',
    owner: 'peteris',
    review: 55,
    related: ['permitStatus', 'explanatoryNote', 'eSignature'],
    age: 280,
  },
  {
    key: 'explanatoryNote',
    name: 'Paskaidrojuma raksta saskaņošana',
    nameEn: 'Approval of an explanatory memorandum',
    kind: 'application',
    description:
      'Vienkāršākiem būvdarbiem, piemēram, nelielai palīgēkai, šķūnim vai fasādes vienkāršotai atjaunošanai, būvatļauja nav vajadzīga – pietiek ar Būvvaldē saskaņotu paskaidrojuma rakstu. Būvvalde pārbauda, vai iecere atbilst teritorijas plānojumam un apbūves noteikumiem.',
    audience: 'Būvniecības ierosinātāji',
    territory: NOVADS,
    fee: 'Būvvaldes nodeva saskaņā ar pašvaldības saistošajiem noteikumiem',
    duration: 'Parasti 20 dienu laikā',
    steps: [
      'Pārbaudiet, vai iecerei pietiek ar paskaidrojuma rakstu.',
      'Palīdziet iesniegt paskaidrojuma rakstu BIS vai pieņemiet to papīra formā.',
      'Reģistrējiet iesniegumu un nododiet Būvvaldei.',
    ],
    legalActs: [LAWS.construction],
    institution: 'municipality',
    unit: 'building',
    competence: 'būvatļaujas',
    eServiceUrl: 'https://bis.gov.lv',
    owner: 'peteris',
    review: 180,
    related: ['bisSubmission', 'permitStatus'],
    age: 280,
  },
  {
    key: 'preschoolQueue',
    name: 'Bērna reģistrācija pirmsskolas izglītības iestādē',
    nameEn: 'Registering a child for kindergarten',
    kind: 'application',
    description:
      'Bērnu pirmsskolas izglītības iestādes (PII) rindā var reģistrēt no dzimšanas. Vietu piešķir pēc pieteikuma datuma, ņemot vērā priekšrocības, piemēram, daudzbērnu ģimenēm un brāļiem vai māsām, kuri jau apmeklē to pašu iestādi. Bērna un vismaz viena vecāka deklarētajai dzīvesvietai jābūt Priedaines novadā.',
    audience: 'Vecāki un aizbildņi, kuru un bērna deklarētā dzīvesvieta ir Priedaines novadā',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration:
      'Reģistrācija – uzreiz; vietu piedāvā atbilstoši rindai un vecāku norādītajam uzsākšanas datumam.',
    steps: [
      'Pārbaudiet bērna un vecāka deklarēto dzīvesvietu.',
      'Palīdziet aizpildīt iesniegumu: līdz trim izvēlētām iestādēm, vēlamais uzsākšanas datums, priekšrocības.',
      'Reģistrējiet iesniegumu un nododiet Izglītības pārvaldei.',
      'Pasakiet klientam, kā uzzināt vietu rindā un kā viņu informēs par piedāvāto vietu.',
    ],
    documents: [
      doc('Iesniegums'),
      doc('Bērna dzimšanas apliecība (ja ziņas nav reģistrā)'),
      doc('Dokuments par priekšrocību (ja ir)'),
    ],
    legalActs: [
      LAWS.education,
      act(
        'Priedaines novada pašvaldības saistošie noteikumi par bērnu uzņemšanu pirmsskolas izglītības iestādēs',
      ),
    ],
    institution: 'municipality',
    unit: 'education',
    competence: 'pirmsskolas rinda',
    owner: 'baiba',
    review: 65,
    related: ['preschoolStatus', 'residence', 'childBirth', 'childCare'],
    age: 330,
  },
  {
    key: 'preschoolStatus',
    name: 'Rindas uz pirmsskolas izglītības iestādi statuss',
    nameEn: 'Place in the kindergarten queue',
    kind: 'consultation',
    description:
      'Informācija par bērna kārtas numuru pirmsskolas izglītības iestādes rindā un iespēju mainīt izvēlētās iestādes vai uzsākšanas datumu. Informāciju sniedz tikai bērna likumiskajam pārstāvim.',
    audience: 'Bērna vecāki un aizbildņi',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: 'Uzreiz',
    steps: [
      'Pārliecinieties, ka jautā bērna vecāks vai aizbildnis.',
      'Atrodiet pieteikumu rindas sistēmā un pasakiet kārtas numuru katrā izvēlētajā iestādē.',
      'Ja klients vēlas mainīt iestādes vai datumu, pieņemiet iesniegumu un nododiet Izglītības pārvaldei.',
    ],
    legalActs: [LAWS.education],
    institution: 'municipality',
    unit: 'education',
    competence: 'pirmsskolas rinda',
    owner: 'baiba',
    review: 65,
    related: ['preschoolQueue'],
    age: 330,
  },
  {
    key: 'freeLunch',
    name: 'Brīvpusdienu pieteikums',
    nameEn: 'Free school meals',
    kind: 'application',
    description:
      'Valsts apmaksā pusdienas 1.–4. klases skolēniem; Priedaines novada pašvaldība papildus apmaksā pusdienas 5.–12. klases skolēniem no trūcīgām un maznodrošinātām ģimenēm. Pieteikumu iesniedz vecāks vai aizbildnis.',
    audience: 'Novada skolu skolēnu vecāki un aizbildņi',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: 'Lēmums – 10 darba dienu laikā; brīvpusdienas piešķir no nākamā mēneša',
    steps: [
      'Pārbaudiet ģimenes statusu (trūcīga, maznodrošināta, daudzbērnu ģimene).',
      'Pieņemiet iesniegumu, norādot skolu un klasi.',
      'Reģistrējiet iesniegumu un nododiet Izglītības pārvaldei.',
    ],
    legalActs: [LAWS.education],
    institution: 'municipality',
    unit: 'education',
    competence: 'skolēnu brīvpusdienas',
    owner: 'baiba',
    review: 22,
    related: ['poorStatus', 'gmi'],
    age: 150,
  },
  {
    key: 'waterCofinancing',
    name: 'Līdzfinansējums pieslēgumam centralizētajiem ūdenssaimniecības tīkliem',
    nameEn: 'Co-financing for connecting to central water and sewerage',
    kind: 'application',
    description:
      'Priedaines novada pašvaldība līdzfinansē privātmāju un daudzdzīvokļu māju pieslēgšanu centralizētajai ūdensapgādes un kanalizācijas sistēmai. Līdzfinansējums sedz daļu no projektēšanas un būvdarbu izmaksām; to izmaksā pēc darbu pabeigšanas un izdevumus apliecinošu dokumentu iesniegšanas.',
    audience: 'Nekustamo īpašumu īpašnieki un dzīvokļu īpašnieku biedrības Priedaines novadā',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: 'Lēmums – mēneša laikā no pilna dokumentu komplekta saņemšanas',
    steps: [
      'Izskaidrojiet līdzfinansējuma nosacījumus un lielāko iespējamo apmēru.',
      'Pieņemiet iesniegumu ar ūdenssaimniecības pakalpojumu sniedzēja tehniskajiem noteikumiem.',
      'Pēc darbu pabeigšanas pieņemiet izpildes dokumentāciju un maksājumu apliecinājumus.',
      'Reģistrējiet pieprasījumu un nododiet Nekustamā īpašuma nodaļai.',
    ],
    documents: [
      doc('Iesniegums līdzfinansējuma saņemšanai'),
      doc('Tehniskie noteikumi pieslēgumam'),
      doc('Izdevumus apliecinoši dokumenti'),
    ],
    legalActs: [
      act('Ūdenssaimniecības pakalpojumu likums'),
      act(
        'Priedaines novada pašvaldības saistošie noteikumi par līdzfinansējumu ūdenssaimniecības pieslēgumiem',
      ),
    ],
    institution: 'municipality',
    unit: 'property',
    competence: 'līdzfinansējums',
    owner: 'zane',
    review: 200,
    related: ['permitStatus', 'propertyTax'],
    age: 6,
  },
  {
    key: 'residentsCouncil',
    name: 'Iedzīvotāju padomes darbība un dalība tajā',
    nameEn: 'Residents’ councils',
    kind: 'consultation',
    description:
      'Iedzīvotāju padomes pārstāv novada pilsētu un pagastu iedzīvotājus sarunās ar pašvaldību: sniedz priekšlikumus par budžetu, infrastruktūru un vietējiem jautājumiem. Padomē var kandidēt ikviens apkaimes iedzīvotājs no 16 gadu vecuma; padomes locekļus ievēl iedzīvotāju sapulcē.',
    audience: 'Priedaines novada iedzīvotāji no 16 gadu vecuma',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: 'Uzreiz',
    steps: [
      'Izskaidrojiet, kura iedzīvotāju padome darbojas klienta apkaimē un kad notiek tās sēdes.',
      'Ja klients vēlas kandidēt, pieņemiet pieteikumu un nododiet Komunikācijas nodaļai.',
      'Ja klients vēlas iesniegt priekšlikumu padomei, pierakstiet to un nododiet padomes sekretāram.',
    ],
    legalActs: [LAWS.municipalities],
    institution: 'municipality',
    unit: 'communication',
    competence: 'iedzīvotāju padomes',
    owner: 'elina',
    review: 90,
    related: ['suggestion', 'application'],
    age: 120,
  },
  {
    key: 'apkalpoAccess',
    name: 'Piekļuves tiesības Apkalpo sistēmā',
    nameEn: 'Access to Apkalpo',
    kind: 'application',
    description:
      'Jaunam darbiniekam vai mainot amatu, struktūrvienības vadītājs piesaka piekļuvi Apkalpo ar vajadzīgajām lomām. Digitālais centrs izveido vai maina kontu un nosūta pieteikšanās informāciju darbinieka e-pastā.',
    audience: 'Pašvaldības darbinieki (iekšējie klienti)',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: '1 darba diena',
    steps: [
      'Struktūrvienības vadītājs norāda darbinieku, struktūrvienību un lomas.',
      'Digitālais centrs izveido vai maina kontu.',
      'Darbinieks pirmo reizi pieslēdzas un nomaina paroli.',
    ],
    legalActs: [LAWS.personalData],
    institution: 'municipality',
    unit: 'digital',
    competence: 'Apkalpo lietošana',
    owner: 'administrator',
    review: 240,
    age: 90,
  },
  {
    key: 'websiteNews',
    name: 'Ziņas publicēšana pašvaldības tīmekļvietnē',
    nameEn: 'Publishing news on the municipal website',
    kind: 'application',
    description:
      'Struktūrvienības iesniedz Komunikācijas nodaļai paziņojumus par izmaiņām pakalpojumos, pieņemšanas laikiem un pasākumiem publicēšanai tīmekļvietnē, sociālajos tīklos un novada izdevumā.',
    audience: 'Pašvaldības darbinieki (iekšējie klienti)',
    territory: NOVADS,
    fee: 'Bez maksas',
    duration: '1 darba diena; steidzamus paziņojumus – tajā pašā dienā',
    steps: [
      'Sagatavojiet ziņas tekstu: kas mainās, no kura datuma, ko darīt iedzīvotājiem.',
      'Nosūtiet tekstu un, ja ir, attēlus Komunikācijas nodaļai.',
      'Komunikācijas nodaļa rediģē, saskaņo un publicē ziņu.',
    ],
    legalActs: [LAWS.municipalities],
    institution: 'municipality',
    unit: 'communication',
    competence: 'pašvaldības ziņas',
    owner: 'elina',
    review: 240,
    related: ['suggestion'],
    age: 90,
  },
];

interface DemoArticle {
  kind: 'faq' | 'guide' | 'procedure' | 'training';
  language?: 'lv' | 'en';
  title: string;
  summary: string;
  bodyHtml: string;
  visibility: 'public' | 'internal';
  owner: string;
  review: number;
  services: string[];
  /** Days since it was written. */
  age: number;
}

const ARTICLES: readonly DemoArticle[] = [
  {
    kind: 'guide',
    title: 'Kā aktivizēt personas apliecības (eID kartes) sertifikātus',
    summary:
      'Soli pa solim: kas vajadzīgs, kā aktivizēt sertifikātus un ko darīt, ja PIN kods ir bloķēts.',
    visibility: 'public',
    owner: 'valdis',
    review: 60,
    services: ['eid', 'idDocuments'],
    age: 200,
    bodyHtml: `<p>Personas apliecība jeb eID karte ir ne tikai personu apliecinošs dokuments. Ar to var pieslēgties e-pakalpojumiem un parakstīt dokumentus ar drošu elektronisko parakstu. Lai to darītu, kartes sertifikāti vienreiz jāaktivizē.</p>
<h2>Kas vajadzīgs</h2>
<ul>
<li>derīga personas apliecība;</li>
<li>PIN kodu aploksne, ko saņēmāt kopā ar karti (<strong>PIN1</strong> – pieslēgšanās, <strong>PIN2</strong> – parakstīšana, <strong>PUK</strong> – atbloķēšana);</li>
<li>dators ar viedkaršu lasītāju;</li>
<li>datorā uzstādīta eID-LV starpprogrammatūra no <a href="https://www.eparaksts.lv">eparaksts.lv</a>.</li>
</ul>
<h2>Kā aktivizēt</h2>
<ol>
<li>Ievietojiet karti viedkaršu lasītājā.</li>
<li>Atveriet programmu <strong>eID-LV starpprogrammatūra</strong> un izvēlieties sadaļu <em>Kartes informācija</em>.</li>
<li>Aktivizējiet autentifikācijas sertifikātu, ievadot PIN1.</li>
<li>Tāpat aktivizējiet paraksta sertifikātu, ievadot PIN2.</li>
<li>Pārbaudiet: pieslēdzieties portālam <a href="https://latvija.gov.lv">latvija.gov.lv</a>, izvēloties pieslēgšanos ar eID karti.</li>
</ol>
<h2>Ja kaut kas neizdodas</h2>
<ul>
<li><strong>PIN kods ievadīts nepareizi trīs reizes.</strong> Tas ir bloķēts; atbloķējiet to ar PUK kodu eID-LV starpprogrammatūrā.</li>
<li><strong>PIN kodu aploksne pazaudēta.</strong> Jaunus kodus var saņemt Pilsonības un migrācijas lietu pārvaldē.</li>
<li><strong>Dators karti neredz.</strong> Pārbaudiet, vai karšu lasītājs ir pievienots, un pēc starpprogrammatūras uzstādīšanas pārstartējiet datoru.</li>
</ul>
<p>Palīdzību varat saņemt jebkurā Priedaines novada VPVKAC. Ņemiet līdzi karti un PIN kodu aploksni – darbinieks jūsu PIN kodus neievadīs un nepierakstīs.</p>`,
  },
  {
    kind: 'guide',
    title: 'Kā parakstīt dokumentu ar eParaksts mobile',
    summary:
      'Lietotnes reģistrācija, dokumenta parakstīšana portālā eparaksts.lv un saņemta paraksta pārbaude.',
    visibility: 'public',
    owner: 'janis',
    review: 75,
    services: ['eSignature'],
    age: 170,
    bodyHtml: `<p>Ar lietotni <strong>eParaksts mobile</strong> dokumentu var parakstīt viedtālrunī – bez kartes un karšu lasītāja. Šāds paraksts ir drošs elektroniskais paraksts, tātad līdzvērtīgs pašrocīgam.</p>
<h2>Reģistrācija</h2>
<ol>
<li>Lejupielādējiet lietotni eParaksts mobile no Google Play vai App Store.</li>
<li>Atveriet lietotni un izvēlieties reģistrēties. Identitāti apstipriniet ar eID karti vai internetbanku.</li>
<li>Izveidojiet divus PIN kodus: <strong>PIN1</strong> pieslēgšanās apstiprināšanai un <strong>PIN2</strong> parakstīšanai.</li>
</ol>
<h2>Dokumenta parakstīšana</h2>
<ol>
<li>Atveriet <a href="https://www.eparaksts.lv">eparaksts.lv</a> un pieslēdzieties ar eParaksts mobile.</li>
<li>Izvēlieties <em>Parakstīt</em> un pievienojiet dokumentu (piemēram, PDF).</li>
<li>Apstipriniet parakstīšanu lietotnē ar PIN2.</li>
<li>Lejupielādējiet parakstīto datni (.edoc vai .asice) un nosūtiet to adresātam.</li>
</ol>
<h2>Saņemta dokumenta pārbaude</h2>
<p>Portālā eparaksts.lv izvēlieties <em>Pārbaudīt</em> un pievienojiet datni. Redzēsiet, kas un kad dokumentu parakstījis un vai paraksts ir derīgs.</p>
<p><strong>Svarīgi:</strong> PIN kodus nedrīkst nevienam izpaust – arī VPVKAC darbiniekam vai zvanītājam, kurš uzdodas par iestādes pārstāvi.</p>`,
  },
  {
    kind: 'faq',
    title: 'E-adrese nav e-pasts: kā atšķirt',
    summary:
      'Kāpēc vēstuli no e-pasta nevar nosūtīt uz e-adresi, kur atrodama e-adreses pastkastīte un kāpēc vēstules e-adresē uzskata par saņemtām.',
    visibility: 'public',
    owner: 'specialist',
    review: -9,
    services: ['eAddress'],
    age: 420,
    bodyHtml: `<h2>Vai e-adrese ir tas pats, kas e-pasts?</h2>
<p>Nē. <strong>E-adrese</strong> ir oficiālā elektroniskā adrese – droša pastkastīte portālā latvija.gov.lv, kas paredzēta saziņai ar valsts un pašvaldību iestādēm. <strong>E-pasts</strong> ir parasts pasta pakalpojums, ko piedāvā, piemēram, jūsu interneta pakalpojumu sniedzējs.</p>
<h2>Kā izskatās e-adrese?</h2>
<p>E-adresei nav ierastā formāta vards@pasts.lv. Iedzīvotāja e-adrese ir piesaistīta personas kodam, uzņēmuma – reģistrācijas numuram. Iestādi e-adresē var atrast pēc tās nosaukuma.</p>
<h2>Vai varu nosūtīt vēstuli no e-pasta uz e-adresi?</h2>
<p>Nē. Uz e-adresi var rakstīt tikai no citas e-adreses. Ja vēlaties rakstīt pašvaldībai no e-adreses, pieslēdzieties portālam un izvēlieties adresātu „Priedaines novada pašvaldība”.</p>
<h2>Kā uzzināšu, ka e-adresē ir jauna vēstule?</h2>
<p>Iestatījumos norādiet savu e-pastu vai tālruni – uz tiem atnāks <em>paziņojums</em> par jaunu vēstuli. Pašu vēstuli lasīt var tikai e-adresē.</p>
<h2>Kāpēc e-adresi nevar atvērt ar internetbanku?</h2>
<p>E-adresei vajadzīgs augstāks drošības līmenis: pieslēdzieties ar eID karti, eParaksts karti vai eParaksts mobile.</p>
<h2>Kad vēstule e-adresē uzskatāma par saņemtu?</h2>
<p>Iestādes dokuments, kas nosūtīts uz e-adresi, uzskatāms par paziņotu otrajā darba dienā pēc nosūtīšanas – arī tad, ja to neatverat. Tāpēc ieslēdziet paziņojumus un pārbaudiet pastkastīti regulāri.</p>`,
  },
  {
    kind: 'guide',
    title: 'Kā lietot portālu latvija.gov.lv',
    summary:
      'Pieslēgšanās, e-pakalpojuma atrašana, „Mani dati” un iesniegto pieteikumu statuss valsts pārvaldes pakalpojumu portālā.',
    visibility: 'public',
    owner: 'janis',
    review: 40,
    services: ['portal', 'eAddress'],
    age: 260,
    bodyHtml: `<p>Portāls <a href="https://latvija.gov.lv">latvija.gov.lv</a> ir vieta, kur vienuviet pieejami valsts un pašvaldību e-pakalpojumi, e-adrese un ziņas par jums valsts reģistros.</p>
<h2>Pieslēgšanās</h2>
<ul>
<li><strong>Internetbanka</strong> – lielākajai daļai e-pakalpojumu.</li>
<li><strong>eID karte</strong> vai <strong>eParaksts karte</strong> ar karšu lasītāju.</li>
<li><strong>eParaksts mobile</strong> – viedtālrunī.</li>
</ul>
<p>E-adresei un dažiem e-pakalpojumiem internetbanka neder – tad izmantojiet eID karti vai eParaksts mobile.</p>
<h2>Kā atrast e-pakalpojumu</h2>
<ol>
<li>Meklēšanas laukā ierakstiet, ko vēlaties izdarīt, piemēram, „deklarēt dzīvesvietu” vai „pensija”.</li>
<li>Atveriet pakalpojuma aprakstu un izvēlieties <em>Saņemt e-pakalpojumu</em>.</li>
<li>Aizpildiet formu, pārbaudiet datus un iesniedziet.</li>
</ol>
<h2>Mani dati</h2>
<p>Sadaļā „Mani dati” redzama jūsu deklarētā dzīvesvieta, transportlīdzekļi, nekustamais īpašums, apdrošināšanas stāžs un citas ziņas no valsts reģistriem.</p>
<h2>Kur redzēt atbildi</h2>
<p>Iesniegto pieteikumu statuss un iestāžu atbildes ir jūsu darba vietā portālā, bet oficiālās vēstules – e-adresē.</p>
<p>Ja e-pakalpojumu neizdodas izmantot, nāciet uz tuvāko VPVKAC – palīdzēsim.</p>`,
  },
  {
    kind: 'guide',
    title: 'Kā deklarēt dzīvesvietu tiešsaistē',
    summary:
      'Dzīvesvietu var deklarēt bez maksas portālā latvija.gov.lv piecās minūtēs. Sev, savam bērnam vai aizbildnībā esošai personai.',
    visibility: 'public',
    owner: 'specialist',
    review: 35,
    services: ['residence', 'portal'],
    age: 230,
    bodyHtml: `<p>Mainot dzīvesvietu, jaunā dzīvesvieta jādeklarē <strong>mēneša laikā</strong>. Tiešsaistē tas ir bez maksas, un ziņas reģistrā tiek atjaunotas ātri.</p>
<h2>Kas vajadzīgs</h2>
<ul>
<li>internetbanka, eID karte vai eParaksts mobile pieslēgšanās portālam;</li>
<li>adrese, kas ir Valsts adrešu reģistrā;</li>
<li>tiesisks pamats dzīvot adresē – īpašums, īres līgums vai īpašnieka piekrišana.</li>
</ul>
<h2>Soli pa solim</h2>
<ol>
<li>Atveriet e-pakalpojumu <a href="https://latvija.gov.lv/Services/12209">„Dzīvesvietas deklarēšana vai norādīšana”</a> un pieslēdzieties.</li>
<li>Izvēlieties, kam deklarējat dzīvesvietu: sev, savam nepilngadīgajam bērnam vai aizbildnībā esošai personai.</li>
<li>Ierakstiet jauno adresi un izvēlieties to no atrastajām.</li>
<li>Norādiet tiesisko pamatu dzīvot adresē.</li>
<li>Ja vēlaties, norādiet papildu adresi un laiku, kurā tajā būsiet sasniedzams.</li>
<li>Pārbaudiet datus un iesniedziet deklarāciju.</li>
</ol>
<h2>Pēc deklarēšanas</h2>
<ul>
<li>Iepriekšējā adrese tiek anulēta automātiski – iepriekšējā pašvaldībā nekur nav jāiet.</li>
<li>Pārbaudiet ziņas portāla sadaļā „Mani dati”.</li>
<li>Jaunajā pašvaldībā varat pieteikt nekustamā īpašuma nodokļa paziņojumu saņemšanu e-adresē un, ja jums ir bērni, pieteikties pirmsskolas izglītības iestādes rindā.</li>
</ul>
<p>Ja deklarēt tiešsaistē neizdodas, to var izdarīt jebkurā Priedaines novada VPVKAC (valsts nodeva 4,27 EUR).</p>`,
  },
  {
    kind: 'guide',
    language: 'en',
    title: 'How to declare your place of residence online',
    summary:
      'You can declare your place of residence free of charge on latvija.gov.lv in five minutes – for yourself, your child or a person in your guardianship.',
    visibility: 'public',
    owner: 'specialist',
    review: 35,
    services: ['residence'],
    age: 100,
    bodyHtml: `<p>When you move, you must declare your new place of residence <strong>within one month</strong>. Online it is free of charge and the register is updated quickly.</p>
<h2>What you need</h2>
<ul>
<li>online banking, an eID card or eParaksts mobile to sign in to the portal;</li>
<li>an address that is in the State Address Register;</li>
<li>a legal basis for living at the address – ownership, a tenancy agreement or the owner's consent.</li>
</ul>
<h2>Step by step</h2>
<ol>
<li>Open the e-service <a href="https://latvija.gov.lv/Services/12209">“Declaration or indication of the place of residence”</a> and sign in.</li>
<li>Choose for whom you are declaring: yourself, your minor child or a person in your guardianship.</li>
<li>Type the new address and choose it from the results.</li>
<li>State your legal basis for living at the address.</li>
<li>If you wish, add an additional address and the period when you can be reached there.</li>
<li>Check the details and submit the declaration.</li>
</ol>
<h2>Afterwards</h2>
<ul>
<li>Your previous address is cancelled automatically; you need not visit your previous municipality.</li>
<li>Check the result under “My data” on the portal.</li>
<li>In your new municipality you can ask to receive real estate tax notices in your e-address and, if you have children, apply for a kindergarten place.</li>
</ul>
<p>If the online service does not work for you, any client service centre of Priedaine Municipality will help (state fee EUR 4.27).</p>`,
  },
  {
    kind: 'guide',
    title: 'Kā iesniegt iesniegumu pašvaldībai',
    summary: 'Kur un kā iesniegt iesniegumu, kas tajā jānorāda un kad gaidīt atbildi.',
    visibility: 'public',
    owner: 'ethics',
    review: 150,
    services: ['application', 'suggestion', 'complaint'],
    age: 310,
    bodyHtml: `<p>Iesniegumu, sūdzību vai priekšlikumu Priedaines novada pašvaldībai var iesniegt jebkurā sev ērtā veidā.</p>
<h2>Kur iesniegt</h2>
<ul>
<li><strong>E-adresē</strong> portālā latvija.gov.lv – adresāts „Priedaines novada pašvaldība”.</li>
<li><strong>E-pastā</strong> <a href="mailto:pasts@example.lv">pasts@example.lv</a>, ja iesniegums parakstīts ar drošu elektronisko parakstu.</li>
<li><strong>Klātienē</strong> jebkurā VPVKAC – Priedainē, Pils ielā 1, vai Mežciemā, Skolas ielā 5.</li>
<li><strong>Pa pastu</strong> – Pils iela 1, Priedaine, LV-2150.</li>
</ul>
<h2>Kas jānorāda</h2>
<ol>
<li>vārds, uzvārds (organizācijai – nosaukums un reģistrācijas numurs);</li>
<li>adrese, e-adrese vai e-pasts, kur vēlaties saņemt atbildi;</li>
<li>skaidri aprakstīts jautājums vai lūgums;</li>
<li>paraksts (elektroniskam dokumentam – drošs elektroniskais paraksts).</li>
</ol>
<h2>Kad gaidīt atbildi</h2>
<p>Atbildi sniedzam saprātīgā termiņā, ne vēlāk kā <strong>mēneša laikā</strong>. Ja jautājuma izpētei vajag vairāk laika, mēs jums pastāstīsim, kāpēc un līdz kuram datumam atbildēsim.</p>
<p><em>Uz anonīmiem iesniegumiem atbildi nesniedzam.</em></p>`,
  },
  {
    kind: 'faq',
    title: 'Kad jāmaksā nekustamā īpašuma nodoklis un kā to izdarīt?',
    summary: 'Maksāšanas termiņi, paziņojuma saņemšana un samaksa tiešsaistē.',
    visibility: 'public',
    owner: 'zane',
    review: 50,
    services: ['propertyTax', 'propertyTaxRelief'],
    age: 290,
    bodyHtml: `<h2>Kad saņemšu maksāšanas paziņojumu?</h2>
<p>Pašvaldība nosūta paziņojumu līdz 15. februārim – uz e-adresi, e-pastu (ja esat to norādījis) vai pa pastu uz deklarēto dzīvesvietu.</p>
<h2>Kādi ir maksāšanas termiņi?</h2>
<ul>
<li>līdz <strong>31. martam</strong>;</li>
<li>līdz <strong>15. maijam</strong>;</li>
<li>līdz <strong>15. augustam</strong>;</li>
<li>līdz <strong>15. novembrim</strong>.</li>
</ul>
<p>Var samaksāt arī visu gada summu uzreiz.</p>
<h2>Kā samaksāt?</h2>
<p>Portālā <a href="https://www.epakalpojumi.lv">epakalpojumi.lv</a>, internetbankā pēc paziņojuma rekvizītiem vai bankas filiālē.</p>
<h2>Ko darīt, ja nepiekrītu aprēķinam?</h2>
<p>Iesniedziet iesniegumu pašvaldībai – Nekustamā īpašuma nodaļa to izskatīs mēneša laikā. Ja kļūda ir kadastra datos, vērsieties Valsts zemes dienestā.</p>
<h2>Vai varu saņemt atvieglojumu?</h2>
<p>Atvieglojumi paredzēti, piemēram, trūcīgām un maznodrošinātām mājsaimniecībām, daudzbērnu ģimenēm un politiski represētām personām. Iesniegums jāiesniedz līdz taksācijas gada beigām.</p>`,
  },
  {
    kind: 'faq',
    title: 'Kā pieteikt bērnu bērnudārza rindā un uzzināt vietu rindā?',
    summary:
      'Pirmsskolas izglītības iestādes rinda: kad pieteikt, kas jānorāda un kā uzzināt kārtas numuru.',
    visibility: 'public',
    owner: 'baiba',
    review: 80,
    services: ['preschoolQueue', 'preschoolStatus'],
    age: 250,
    bodyHtml: `<h2>Kad bērnu var pieteikt rindā?</h2>
<p>Uzreiz pēc dzimšanas. Jo agrāk pieteiksiet, jo agrāk pienāks rinda.</p>
<h2>Kādi nosacījumi?</h2>
<p>Bērna un vismaz viena vecāka deklarētajai dzīvesvietai jābūt Priedaines novadā.</p>
<h2>Kas jānorāda iesniegumā?</h2>
<ul>
<li>līdz trim izvēlētām iestādēm secībā pēc vēlamības;</li>
<li>datums, no kura vēlaties, lai bērns sāk apmeklēt iestādi;</li>
<li>priekšrocības, ja tādas ir (daudzbērnu ģimene, brālis vai māsa tajā pašā iestādē u. c.).</li>
</ul>
<h2>Kā uzzināt vietu rindā?</h2>
<p>Jautājiet jebkurā VPVKAC vai zvaniet Izglītības pārvaldei. Informāciju sniedzam tikai bērna vecākiem vai aizbildnim.</p>
<h2>Vai izvēlētās iestādes var mainīt?</h2>
<p>Jā, iesniedzot jaunu iesniegumu. Sākotnējais pieteikuma datums saglabājas.</p>`,
  },
  {
    kind: 'faq',
    title: 'Kas ir GMI pabalsts un kā to pieprasīt?',
    summary:
      'Garantētā minimālā ienākuma pabalsts: kam tas pienākas, kur pieteikties un kādi dokumenti vajadzīgi.',
    visibility: 'public',
    owner: 'sandra',
    review: 30,
    services: ['gmi', 'poorStatus', 'housingBenefit'],
    age: 210,
    bodyHtml: `<h2>Kas ir GMI pabalsts?</h2>
<p>Garantētā minimālā ienākuma (GMI) pabalsts ir pašvaldības sociālās palīdzības pabalsts, kas papildina mājsaimniecības ienākumus līdz noteiktam slieksnim.</p>
<h2>Kam tas pienākas?</h2>
<p>Mājsaimniecībām, kuras Sociālais dienests atzinis par trūcīgām vai maznodrošinātām un kuru ienākumi ir zem GMI sliekšņa. Sliekšņa apmērs mainās katru gadu.</p>
<h2>Kā pieteikties?</h2>
<ol>
<li>Iesniedziet iesniegumu un iztikas līdzekļu deklarāciju jebkurā VPVKAC vai Sociālajā dienestā Dārza ielā 7.</li>
<li>Sociālais darbinieks sazināsies ar jums un vienosies par tikšanos.</li>
<li>Lēmumu pieņem 10 darba dienu laikā pēc visu dokumentu saņemšanas.</li>
</ol>
<h2>Kādi dokumenti vajadzīgi?</h2>
<p>Tikai tie, kas nav pieejami valsts reģistros, piemēram, izziņas par uzturlīdzekļiem vai ienākumiem ārvalstīs. Ziņas par algu, pensiju un pabalstiem Sociālais dienests iegūst pats.</p>
<p>Kopā ar GMI pabalstu bieži var saņemt arī <strong>mājokļa pabalstu</strong> – jautājiet sociālajam darbiniekam.</p>`,
  },
  {
    kind: 'guide',
    title: 'Palīdzība klientam VID EDS: gada ienākumu deklarācija',
    summary:
      'Iekšējs norādījums: kā VPVKAC speciālists palīdz aizpildīt gada ienākumu deklarāciju, ko drīkst un ko nedrīkst darīt.',
    visibility: 'internal',
    owner: 'janis',
    review: -30,
    services: ['incomeDeclaration'],
    age: 400,
    bodyHtml: `<h2>Pirms sākat</h2>
<ul>
<li>Pārliecinieties, ka klients pats pieslēdzas EDS (internetbanka, eID karte vai eParaksts mobile). <strong>Nekad</strong> nepieslēdzieties ar saviem datiem klienta vietā.</li>
<li>Lūdziet klientu sagatavot čekus un izziņas par attaisnotajiem izdevumiem.</li>
</ul>
<h2>Deklarācijas aizpildīšana</h2>
<ol>
<li>EDS izvēlieties <em>Gada ienākumu deklarācija</em> un vajadzīgo gadu.</li>
<li>Pārbaudiet VID jau iekļautos ienākumus (darba ienākumi, pensija) un ieturēto nodokli.</li>
<li>Pielikumā par attaisnotajiem izdevumiem pievienojiet tos, kas nav ienākuši automātiski.</li>
<li>Pārbaudiet bankas kontu pārmaksātā nodokļa atmaksai.</li>
<li>Klients pats iesniedz deklarāciju.</li>
</ol>
<h2>Ko darīt, ja</h2>
<ul>
<li><strong>deklarācija jāiesniedz obligāti</strong> (ienākumi bez ieturēta nodokļa) – atgādiniet termiņu no 1. marta līdz 1. jūnijam;</li>
<li><strong>jautājums par nodokļa aprēķinu</strong> – nodokli neaprēķiniet paši; iesakiet VID konsultatīvo tālruni vai uzdot jautājumu EDS;</li>
<li><strong>klients lūdz iesniegt viņa vārdā</strong> – atsakiet un izskaidrojiet pilnvarošanu EDS.</li>
</ul>
<p>Pieprasījumu Apkalpo reģistrējiet kā konsultāciju pakalpojumam „Gada ienākumu deklarācijas iesniegšana VID EDS”.</p>`,
  },
  {
    kind: 'procedure',
    title: 'Zvanu pāradresācija un atzvanīšana nodaļā',
    summary:
      'Kā nodaļā tiek pārsūtīti zvani, ja kolēģis ir aizņemts vai prombūtnē, un kā strādāt ar neatbildētiem zvaniem (standarta 15. punkts).',
    visibility: 'internal',
    owner: 'unitHead',
    review: 90,
    services: [],
    age: 180,
    bodyHtml: `<p>Standarts prasa atbildēt uz zvanu iespējami ātri, bet, ja tas nav iespējams, atzvanīt tuvākajā iespējamajā laikā (15.1. punkts). Lai neviens zvans nepazustu, nodaļā ievērojam šo kārtību.</p>
<h2>Zvanu secība</h2>
<ol>
<li>Zvans vispirms nonāk pie dežūrējošā speciālista pēc nodaļas grafika.</li>
<li>Ja viņš ir aizņemts ar klātienes klientu vai neatbild 20 sekundēs, zvans pāriet nākamajam kolēģim.</li>
<li>Prombūtnē esošos kolēģus (atvaļinājums, slimība, komandējums, mācības) secībā neiekļauj – Apkalpo tos izlaiž automātiski pēc prombūtņu ieraksta.</li>
</ol>
<h2>Neatbildēts zvans</h2>
<ul>
<li>Neatbildētais zvans Apkalpo kļūst par pieprasījumu „Atzvanīšana uz neatbildētu zvanu” nodaļas sarakstā.</li>
<li>Atzvaniet tajā pašā darba dienā, ja zvans saņemts līdz plkst. 15.00; vēlāk saņemtam zvanam – nākamās darba dienas rītā.</li>
<li>Ja klients neatbild, mēģiniet vēl divas reizes ar vismaz stundas starplaiku un atzīmējiet mēģinājumus.</li>
</ul>
<h2>Pārsūtīšana kolēģim</h2>
<p>Pirms pārsūtāt zvanu, pasakiet klientam, kam un kāpēc to pārsūtāt. Ja kolēģis neatbild, nepārsūtiet zvanu „tukšumā” – pierakstiet jautājumu un tālruni un nododiet pieprasījumu kolēģim Apkalpo.</p>
<h2>Pēc darba laika</h2>
<p>Balss pasta ziņas nākamās darba dienas rītā tiek reģistrētas kā pieprasījumi attiecīgajai nodaļai (17. punkts). Tās izskata pirmās.</p>`,
  },
  {
    kind: 'procedure',
    title: 'Atbildes termiņi pēc klientu apkalpošanas standarta',
    summary:
      'Cik ilgā laikā jāatbild ārējam un iekšējam klientam, kad jāsūta starpatbilde un kā iestatīt automātisko atbildi prombūtnes laikā.',
    visibility: 'internal',
    owner: 'csHead',
    review: 100,
    services: ['application', 'complaint'],
    age: 350,
    bodyHtml: `<h2>Ārējie klienti</h2>
<ul>
<li><strong>E-pasts un e-adrese:</strong> atbilde 3 darba dienu laikā (21.1. punkts).</li>
<li>Ja atbildes sagatavošanai vajag vairāk laika, šo 3 darba dienu laikā nosūtiet klientam <strong>starpatbildi</strong>: kas tiek darīts un līdz kuram datumam atbildēsiet. Apkalpo pieprasījumā izvēlieties „Pagarināt termiņu” un norādiet iemeslu.</li>
<li><strong>Iesniegumi pēc Iesniegumu likuma:</strong> ne vēlāk kā mēneša laikā.</li>
<li><strong>Solījums klientam</strong> (klātienē vai pa tālruni): ierakstiet to Apkalpo ar datumu un saziņas veidu un izpildiet laikā (11.9. un 15.5.1. punkts).</li>
</ul>
<h2>Iekšējie klienti</h2>
<ul>
<li>Kolēģim atbildiet vai apstipriniet saņemšanu ar nākamajiem soļiem <strong>1 darba dienas laikā</strong> (23.1. punkts).</li>
<li>Ja solīto termiņu nevarat ievērot, nosūtiet e-pastu ar iemeslu un jaunu datumu (23.2. punkts).</li>
</ul>
<h2>Prombūtne</h2>
<p>Ja būsiet prom vismaz divas darba dienas, iestatiet automātisko atbildi ar atgriešanās datumu un aizvietotāja tālruni un e-pastu (24.1. punkts). Apkalpo to dara pati pēc prombūtnes ieraksta – pārbaudiet, vai aizvietotājs ir norādīts.</p>
<h2>Kā Apkalpo skaita termiņus</h2>
<p>Darba dienas skaita pēc Latvijas darba dienu kalendāra: brīvdienas, svētku dienas un pārceltās darba dienas ir ņemtas vērā. Vēstule, kas saņemta pēc darba laika, uzskatāma par saņemtu nākamajā darba dienā.</p>`,
  },
  {
    kind: 'procedure',
    title: 'Darbs ar agresīvu vai aizskarošu klientu',
    summary:
      'Kā rīkoties, ja klients kļūst agresīvs: saglabāt mieru, pieaicināt kolēģi, pārtraukt apkalpošanu un izsaukt palīdzību (standarta 13. punkts).',
    visibility: 'internal',
    owner: 'csHead',
    review: 120,
    services: [],
    age: 330,
    bodyHtml: `<p>Vairums konfliktu rodas no neziņas vai sarūgtinājuma. Mierīga, skaidra runa bieži situāciju atrisina. Ja tomēr klients kļūst agresīvs vai aizskarošs, rīkojieties šādi.</p>
<h2>1. Saglabājiet mieru</h2>
<ul>
<li>Runājiet lēni un klusi, uzrunājiet klientu vārdā.</li>
<li>Neatbildiet ar pārmetumiem un nestrīdieties; atzīstiet klienta sajūtas („Saprotu, ka tas jūs sarūgtina”).</li>
<li>Piedāvājiet konkrētu nākamo soli.</li>
</ul>
<h2>2. Pieaiciniet kolēģi</h2>
<p>Ja saruna nerimst, palūdziet blakus esošo kolēģi vai nodaļas vadītāju pievienoties. Otrs cilvēks bieži nomierina situāciju un ir liecinieks.</p>
<h2>3. Pārtrauciet apkalpošanu</h2>
<p>Ja klients turpina aizskart, draud vai bojā īpašumu, pieklājīgi pasakiet, ka apkalpošanu pārtraucat, un piedāvājiet citu saziņas veidu (rakstiski, e-adresē).</p>
<h2>4. Izsauciet palīdzību</h2>
<p>Ja ir apdraudēta drošība, zvaniet pašvaldības policijai vai apsardzei, vajadzības gadījumā – 112. Neaizturiet klientu paši.</p>
<h2>5. Pierakstiet notikušo</h2>
<p>Apkalpo pie apmeklējuma reģistrējiet <strong>incidentu</strong>: kas notika, kurš bija klāt, kādi pasākumi veikti. Informējiet nodaļas vadītāju tajā pašā dienā. Ja notikums jūs satrauca, runājiet ar vadītāju par atbalstu.</p>`,
  },
  {
    kind: 'procedure',
    title: 'Citu iestāžu iesniegumu pieņemšana un nosūtīšana',
    summary:
      'Kā VPVKAC pieņem iesniegumus VSAA, NVA, VZD un citām valsts iestādēm, kā tos nosūta un kā klients uzzina rezultātu.',
    visibility: 'internal',
    owner: 'unitHead',
    review: -2,
    services: ['pension', 'childBirth', 'childCare', 'unemployment', 'cadastre'],
    age: 390,
    bodyHtml: `<p>VPVKAC pieņem iesniegumus valsts iestāžu vārdā. Mēs iesniegumu neizskatām – to dara iestāde –, bet atbildam par to, lai iesniegums būtu pilnīgs un nonāktu iestādē laikā.</p>
<h2>Pieņemšana</h2>
<ol>
<li>Identificējiet klientu pēc personu apliecinoša dokumenta.</li>
<li>Izmantojiet iestādes aktuālo veidlapu (saites – pakalpojuma kartītē katalogā).</li>
<li>Pārbaudiet, vai aizpildīti visi obligātie lauki un norādīts lēmuma saņemšanas veids.</li>
<li>Dokumentu kopijas apliecina klients ar parakstu; oriģinālus atdodiet atpakaļ.</li>
</ol>
<h2>Nosūtīšana</h2>
<ul>
<li>Iesniegumu nosūtiet iestādei caur e-adresi <strong>tajā pašā darba dienā</strong>.</li>
<li>Apkalpo pieprasījumam norādiet iestādi un stāvokli „gaida iestādes atbildi”.</li>
<li>Papīra dokumentus, kas jānosūta oriģinālā, nododiet lietvedībai līdz plkst. 15.00.</li>
</ul>
<h2>Klienta informēšana</h2>
<p>Pasakiet klientam, ka lēmumu pieņems iestāde un to viņš saņems iesniegumā norādītajā veidā. Norādiet aptuveno termiņu no pakalpojuma kartītes.</p>`,
  },
  {
    kind: 'training',
    title: 'Jaunā darbinieka pirmā nedēļa VPVKAC',
    summary:
      'Ievadapmācības plāns: standarts, Apkalpo, biežākie pakalpojumi, klātienes un telefona apkalpošana, mentors.',
    visibility: 'internal',
    owner: 'csHead',
    review: 180,
    services: ['residence', 'eAddress', 'eid', 'municipalInfo'],
    age: 140,
    bodyHtml: `<p>Šis materiāls palīdz jaunam kolēģim pirmajā nedēļā iepazīt darbu VPVKAC. Katram jaunajam darbiniekam tiek norīkots <strong>mentors</strong> no savas nodaļas.</p>
<h2>1. diena: organizācija un standarts</h2>
<ul>
<li>Iepazīšanās ar kolēģiem, darba vietu un drošības noteikumiem.</li>
<li>Klientu apkalpošanas standarts: vērtības, klātienes, telefona un e-pasta apkalpošanas prasības.</li>
<li>Piekļuve Apkalpo un e-pastam; paraksts e-pastā veidojas automātiski no profila.</li>
</ul>
<h2>2. diena: Apkalpo</h2>
<ul>
<li>Apmeklējuma reģistrēšana ar vairākiem pakalpojumiem.</li>
<li>Pieprasījumi, termiņi, starpatbildes un solījumi klientiem.</li>
<li>Zināšanu bāze un pakalpojumu katalogs: kā atrast atbildi un kam jautāt („kas ko dara”).</li>
</ul>
<h2>3.–4. diena: biežākie pakalpojumi</h2>
<ol>
<li>Dzīvesvietas deklarēšana.</li>
<li>E-adrese, eID karte un eParaksts mobile.</li>
<li>Pašvaldības pakalpojumu konsultācijas un iesniegumu pieņemšana.</li>
<li>Valsts iestāžu iesniegumi (VSAA, VID, NVA).</li>
</ol>
<p>Šīs dienas pavadiet blakus mentoram: vispirms vērojiet, tad apkalpojiet pats mentora klātbūtnē.</p>
<h2>5. diena: telefons un sarežģītas situācijas</h2>
<ul>
<li>Zvanu kārtība un atzvanīšana.</li>
<li>Darbs ar neapmierinātu vai agresīvu klientu.</li>
<li>Nedēļas noslēgumā – saruna ar nodaļas vadītāju: kas izdevās, kas vēl jāapgūst.</li>
</ul>
<p><em>Katru dienu sāciet ar pašvaldības jaunumiem Apkalpo – standarts prasa tos izlasīt vismaz reizi dienā.</em></p>`,
  },
];

interface DemoNews {
  title: string;
  bodyHtml: string;
  important: boolean;
  /** For this unit's staff (and below); everyone when absent. */
  unit?: string;
  author: string;
  /** Minutes before now it was published. */
  minutesAgo: number;
  /** Who has read it. */
  readBy: string[];
}

const MINUTES_PER_DAY = 24 * 60;

const NEWS: readonly DemoNews[] = [
  {
    title: 'Traucēta e-adreses un eParaksts mobile pieslēgšanās portālā latvija.gov.lv',
    important: true,
    author: 'administrator',
    minutesAgo: 95,
    readBy: ['unitHead', 'csHead', 'janis', 'administrator', 'oskars'],
    bodyHtml: `<p>Šodien no rīta valsts pārvaldes pakalpojumu portālā latvija.gov.lv ir traucēta <strong>pieslēgšanās ar eParaksts mobile</strong>, tāpēc klienti nevar atvērt e-adresi un izmantot e-pakalpojumus, kuriem vajag šo pieslēgšanos. Pieslēgšanās ar internetbanku un eID karti darbojas.</p>
<h2>Ko darīt klientu apkalpošanā</h2>
<ul>
<li>Iesakiet pieslēgties ar eID karti (VPVKAC ir karšu lasītāji) vai atnākt vēlāk.</li>
<li>Dzīvesvietas deklarācijas un iesniegumus pieņemiet klātienē kā parasti.</li>
<li>Ja klientam kāds termiņš beidzas šodien, reģistrējiet pieprasījumu ar piezīmi par traucējumu.</li>
</ul>
<p>Par darbības atjaunošanu paziņosim šeit. Portāla uzturētājs traucējumu novērš.</p>`,
  },
  {
    title: 'Domes lēmums: brīvpusdienas arī 5.–6. klases skolēniem no daudzbērnu ģimenēm',
    important: true,
    author: 'elina',
    minutesAgo: 3 * MINUTES_PER_DAY + 120,
    readBy: ['unitHead', 'csHead', 'specialist', 'kristine', 'baiba', 'elina', 'valdis', 'arturs'],
    bodyHtml: `<p>Priedaines novada dome pieņēma lēmumu no nākamā mēneša apmaksāt pusdienas arī 5.–6. klases skolēniem no daudzbērnu ģimenēm neatkarīgi no ģimenes ienākumiem.</p>
<h2>Kas jāzina VPVKAC</h2>
<ul>
<li>Vecākiem jāiesniedz <strong>brīvpusdienu pieteikums</strong>; daudzbērnu ģimenes statusu Izglītības pārvalde pārbauda reģistrā pati.</li>
<li>Pieteikumus pieņemam jau tagad; brīvpusdienas piešķir no nākamā mēneša 1. datuma.</li>
<li>Pakalpojuma kartīti katalogā papildināsim, kad lēmums stāsies spēkā.</li>
</ul>
<p>Jautājumos par lēmumu – Baiba Kalēja, Izglītības pārvalde.</p>`,
  },
  {
    title: 'Sociālā dienesta pieņemšanas laiki no nākamās nedēļas',
    important: false,
    unit: 'social',
    author: 'ruta',
    minutesAgo: 4 * MINUTES_PER_DAY + 300,
    readBy: ['ruta', 'sandra'],
    bodyHtml: `<p>No nākamās nedēļas Sociālā dienesta klientus bez iepriekšēja pieraksta pieņemam <strong>pirmdienās un ceturtdienās no 8.00 līdz 12.00</strong>. Pārējā laikā – pēc pieraksta.</p>
<p>Lūdzu, pārbaudiet savus pierakstus kalendārā un, ja kāds klients ir pierakstīts uz laiku, kas vairs neder, sazinieties ar viņu līdz piektdienai.</p>`,
  },
  {
    title: 'Katalogā jauns pakalpojums: līdzfinansējums pieslēgumam ūdenssaimniecības tīkliem',
    important: false,
    author: 'zane',
    minutesAgo: 6 * MINUTES_PER_DAY + 60,
    readBy: ['unitHead', 'csHead', 'specialist', 'gunta', 'valdis', 'janis', 'zane', 'peteris'],
    bodyHtml: `<p>Pakalpojumu katalogā pievienots pakalpojums <strong>„Līdzfinansējums pieslēgumam centralizētajiem ūdenssaimniecības tīkliem”</strong>. Domes saistošie noteikumi stājās spēkā šonedēļ.</p>
<ul>
<li>Iesniegumus pieņem visi VPVKAC; tos nodod Nekustamā īpašuma nodaļai.</li>
<li>Līdzfinansējumu izmaksā pēc darbu pabeigšanas – lūdziet klientiem saglabāt visus rēķinus.</li>
<li>Jautājumos – Zane Egle, Nekustamā īpašuma nodaļa.</li>
</ul>`,
  },
  {
    title: 'VSAA atgādina: bērna piedzimšanas pabalsts jāpieprasa 6 mēnešu laikā',
    important: false,
    author: 'kristine',
    minutesAgo: 8 * MINUTES_PER_DAY + 200,
    readBy: [
      'unitHead',
      'csHead',
      'specialist',
      'kristine',
      'janis',
      'gunta',
      'valdis',
      'arturs',
      'sandra',
    ],
    bodyHtml: `<p>VSAA ir saņēmusi vairākus iesniegumus, kas iesniegti pēc termiņa. Atgādinām: <strong>bērna piedzimšanas pabalsts jāpieprasa ne vēlāk kā 6 mēnešu laikā</strong> no bērna piedzimšanas; nokavējot termiņu, to nepiešķir.</p>
<p>Kad klients deklarē jaundzimušā dzīvesvietu vai piesaka bērnu pirmsskolas rindā, pajautājiet, vai pabalsts jau pieprasīts, un piedāvājiet palīdzību.</p>`,
  },
  {
    title: 'Mežciema VPVKAC trešdienās strādā līdz 19.00',
    important: false,
    unit: 'centreForest',
    author: 'arturs',
    minutesAgo: 10 * MINUTES_PER_DAY + 30,
    readBy: ['arturs', 'janis', 'kristine'],
    bodyHtml: `<p>Lai strādājošajiem būtu vieglāk mūs apmeklēt, Mežciema VPVKAC trešdienās strādā <strong>no 10.00 līdz 19.00</strong>. Pārējās dienās darba laiks nemainās.</p>
<p>Trešdienu maiņu grafiks ir nodaļas kalendārā. Ja vēlaties mainīties, sarunājiet ar kolēģi un paziņojiet man.</p>`,
  },
  {
    title: 'Iedzīvotāju padomes: pieteikšanās Mežciemā un Kalnciemā',
    important: false,
    author: 'elina',
    minutesAgo: 14 * MINUTES_PER_DAY + 400,
    readBy: [
      'unitHead',
      'csHead',
      'specialist',
      'kristine',
      'janis',
      'gunta',
      'valdis',
      'arturs',
      'elina',
      'zane',
      'baiba',
    ],
    bodyHtml: `<p>Dome nolēma izveidot iedzīvotāju padomes Mežciemā un Kalnciemā. Kandidēt var ikviens attiecīgās apkaimes iedzīvotājs no 16 gadu vecuma.</p>
<ul>
<li>Pieteikumus pieņem visi VPVKAC līdz mēneša beigām un nodod Komunikācijas nodaļai.</li>
<li>Iedzīvotāju sapulces, kurās ievēlēs padomes, notiks Mežciema un Kalnciema tautas namos; datumus publicēsim tīmekļvietnē.</li>
</ul>
<p>Pakalpojuma kartīte „Iedzīvotāju padomes darbība un dalība tajā” ir katalogā.</p>`,
  },
  {
    title: 'Apmācības: kā konsultēt klientus par eParaksts mobile',
    important: false,
    author: 'csHead',
    minutesAgo: 20 * MINUTES_PER_DAY + 90,
    readBy: [
      'unitHead',
      'csHead',
      'specialist',
      'kristine',
      'janis',
      'gunta',
      'valdis',
      'arturs',
      'oskars',
      'administrator',
    ],
    bodyHtml: `<p>Nākamā mēneša pirmajā ceturtdienā no 9.00 līdz 11.00 Priedaines VPVKAC sanāksmju telpā notiks apmācības par <strong>eParaksts mobile</strong> reģistrāciju un biežākajām klientu problēmām. Vada Jānis Bērziņš.</p>
<p>Apmācības ir obligātas VPVKAC speciālistiem, kuri strādā mazāk nekā gadu. Pieteikties – pie nodaļas vadītāja.</p>`,
  },
  {
    title: 'Atgādinājums: nekustamā īpašuma nodokļa maksāšanas termiņi',
    important: false,
    author: 'zane',
    minutesAgo: 30 * MINUTES_PER_DAY + 240,
    readBy: [
      'unitHead',
      'csHead',
      'specialist',
      'kristine',
      'janis',
      'gunta',
      'valdis',
      'arturs',
      'zane',
      'elina',
      'baiba',
      'peteris',
    ],
    bodyHtml: `<p>Klienti bieži jautā, kad jāmaksā nekustamā īpašuma nodoklis. Maksāšanas paziņojumus pašvaldība nosūta līdz 15. februārim – e-adresē, e-pastā vai pa pastu.</p>
<ul>
<li>Maksāšanas termiņi – <strong>31. marts, 15. maijs, 15. augusts un 15. novembris</strong>; var samaksāt arī visu gada summu uzreiz.</li>
<li>Jautājumus par kadastrālo vērtību novirziet uz Valsts zemes dienestu; par atvieglojumiem – pieņemiet iesniegumu.</li>
<li>Biežāk uzdotās atbildes ir zināšanu bāzē: „Kad jāmaksā nekustamā īpašuma nodoklis un kā to izdarīt?”.</li>
</ul>`,
  },
];

/**
 * Adds the catalogue, the knowledge base and the news to the demo organisation, and ties the
 * demo's requests to the catalogue's services by their names.
 */
export async function seedDemoKnowledge(
  db: Kysely<DB>,
  services: Services,
  clock: Clock,
  org: DemoOrganisation,
  municipalityId: string,
): Promise<void> {
  const ctx = systemContext('seed-demo');
  const now = clock.now();
  const today = rigaDateOf(now);
  const day = (offset: number) => addCalendarDays(today, offset);
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  const staffIds = new Map(org.staff.map((person) => [person.key, person.id]));
  const person = (key: string) => {
    const id = staffIds.get(key);
    if (!id) throw new Error(`the demo has nobody called ${key}`);
    return id;
  };
  const unit = (key: string) => {
    const id = org.unitIds.get(key);
    if (!id) throw new Error(`the demo has no unit ${key}`);
    return id;
  };
  const institutionIds = new Map<string, string>(org.institutionIds);
  institutionIds.set('municipality', municipalityId);
  for (const { name, shortName, website } of MORE_INSTITUTIONS) {
    const created = await services.institutions.create(ctx, {
      name,
      shortName,
      kind: 'state',
      website,
    });
    institutionIds.set(shortName, created.id);
  }
  const institution = (key: InstitutionKey | null) => {
    if (key === null) return null;
    const id = institutionIds.get(key);
    if (!id) throw new Error(`the demo has no institution ${key}`);
    return id;
  };

  // Relations go both ways (a client who declares a residence may need the property tax, and one
  // who asks about the tax may have moved), and the catalogue stores each in both directions: a
  // card made after the others it relates to names them, so every relation is made once, with no
  // second pass over the cards.
  const related = new Map<string, Set<string>>(CATALOGUE.map((card) => [card.key, new Set()]));
  for (const card of CATALOGUE) {
    for (const other of card.related ?? []) {
      if (!related.has(other)) throw new Error(`the demo catalogue has no service ${other}`);
      related.get(card.key)?.add(other);
      related.get(other)?.add(card.key);
    }
  }
  const serviceIds = new Map<string, string>();
  for (const card of CATALOGUE) {
    const created = await services.catalogue.create(ctx, {
      name: card.name,
      nameEn: card.nameEn,
      kind: card.kind,
      description: card.description,
      audience: card.audience,
      territory: card.territory,
      fee: card.fee,
      duration: card.duration,
      steps: card.steps,
      documents: card.documents ?? [],
      legalActs: card.legalActs,
      notices: card.notices ?? null,
      institutionId: institution(card.institution),
      unitId: unit(card.unit),
      competence: card.competence,
      eServiceUrl: card.eServiceUrl ?? null,
      ownerId: person(card.owner),
      reviewOn: day(card.review),
      relatedIds: [...(related.get(card.key) ?? [])].flatMap((key) => serviceIds.get(key) ?? []),
    });
    serviceIds.set(card.key, created.id);
  }
  const service = (key: string) => {
    const id = serviceIds.get(key);
    if (!id) throw new Error(`the demo catalogue has no service ${key}`);
    return id;
  };

  const articleAges = new Map<string, number>();
  for (const article of ARTICLES) {
    const created = await services.articles.create(ctx, {
      kind: article.kind,
      language: article.language ?? 'lv',
      title: article.title,
      summary: article.summary,
      bodyHtml: article.bodyHtml,
      visibility: article.visibility,
      ownerId: person(article.owner),
      reviewOn: day(article.review),
      serviceIds: article.services.map(service),
      note: null,
    });
    articleAges.set(created.id, article.age);
  }

  const newsItems: Array<{ id: string; item: DemoNews }> = [];
  for (const item of NEWS) {
    const created = await services.news.create(ctx, {
      title: item.title,
      bodyHtml: item.bodyHtml,
      important: item.important,
      unitId: item.unit ? unit(item.unit) : null,
    });
    newsItems.push({ id: created.id, item });
  }

  // What a person could not set by hand: since when the cards and articles have existed, when
  // the news went out and by whom, and who has read it.
  await db.transaction().execute(async (trx) => {
    for (const card of CATALOGUE) {
      await trx
        .updateTable('services')
        .set({ created_at: ago(card.age), updated_at: ago(Math.min(card.age, 30)) })
        .where('id', '=', service(card.key))
        .execute();
    }
    for (const [id, age] of articleAges) {
      await trx
        .updateTable('articles')
        .set({ created_at: ago(age), updated_at: ago(Math.round(age / 3)) })
        .where('id', '=', id)
        .execute();
      await trx
        .updateTable('article_versions')
        .set({ edited_at: ago(Math.round(age / 3)) })
        .where('article_id', '=', id)
        .execute();
    }
    for (const { id, item } of newsItems) {
      const published = new Date(now.getTime() - item.minutesAgo * 60_000);
      await trx
        .updateTable('news')
        .set({
          published_at: published,
          created_at: published,
          updated_at: published,
          author_id: person(item.author),
        })
        .where('id', '=', id)
        .execute();
      // The author has read what they wrote, as when they publish it themselves.
      const readers = [...new Set([item.author, ...item.readBy])];
      const reads = readers.map((key, index) => ({
        news_id: id,
        staff_id: person(key),
        // Read within the first hours, in no particular order.
        read_at: new Date(
          Math.min(now.getTime(), published.getTime() + ((index * 37) % 240) * 60_000 + 60_000),
        ),
      }));
      if (reads.length > 0) await trx.insertInto('news_reads').values(reads).execute();
    }
    // The demo's requests were made before the catalogue; those for a service it lists refer to it.
    await sql`
      update service_requests r set service_id = s.id
      from services s
      where r.service_id is null and lower(r.service) = lower(s.name)`.execute(trx);
  });
}
