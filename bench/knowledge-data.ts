import { sql, type Insertable, type Kysely } from 'kysely';
import { slugOf } from '../src/domain/knowledge-search';
import { searchTextOf } from '../src/domain/search-text';
import { textOfHtml } from '../src/server/lib/safe-html';
import type { ArticlesTable, DB, ServicesTable } from '../src/server/db/schema';

// Bulk data for the knowledge benchmark: service cards and knowledge-base articles written from a
// few hundred Latvian words and phrases (diacritics, hyphenated words, inflected forms), with
// their links and the word list that typo correction reads. The search vectors are made by the
// database, as for any saved row. Pseudo-random but repeatable, so every run loads the same text.

/** The organisation the cards and articles belong to (made through the services beforehand). */
export interface KnowledgeOrganisation {
  staffIds: readonly string[];
  unitIds: readonly string[];
  institutionIds: readonly string[];
  competences: readonly string[];
}

export interface KnowledgeVolume {
  articles: number;
  services: number;
}

/** What the staff know, for the people the search finds and the services' competence. */
export const COMPETENCES = [
  'deklarētā dzīvesvieta',
  'e-adrese',
  'eID',
  'e-paraksts',
  'VID EDS',
  'VSAA pakalpojumi',
  'sociālie pabalsti',
  'nekustamā īpašuma nodoklis',
  'būvatļaujas',
  'pirmsskolas rinda',
];

/**
 * What a front office types into the search, by kind: with and without diacritics, a hyphenated
 * word written three ways, typos, one common word and less common topics.
 */
export const QUERY_KINDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  [
    'with diacritics',
    ['dzīvesvietas deklarēšana', 'nekustamā īpašuma nodoklis', 'bērna piedzimšanas pabalsts'],
  ],
  [
    'without diacritics',
    ['dzivesvietas deklaresana', 'nekustama ipasuma nodoklis', 'berna piedzimsanas pabalsts'],
  ],
  ['hyphen variants', ['e-adrese', 'e adrese', 'eadrese', 'e-paraksts', 'eparaksts']],
  ['typos', ['pabalts', 'bezdarbnika statuss', 'dzivesvietas deklarseana', 'zemesgramta']],
  ['one common word', ['pabalsts', 'iesniegums', 'VPVKAC']],
  ['less common topics', ['tulka pakalpojums', 'Goda ģimenes apliecība', 'mājas seskiem']],
];

/** mulberry32: the same text on every run. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}

const list = (text: string) =>
  text
    .split('|')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/**
 * What articles and services are about, by theme, with sentences of the theme as written in
 * answers and procedures (inflected words, compound terms, hyphenated words). An article keeps
 * mostly to its topic's theme, so a word is common in its theme and rarer elsewhere, as in a
 * real knowledge base.
 */
const THEMES: ReadonlyArray<{ topics: readonly string[]; sentences: readonly string[] }> = [
  {
    topics: list(`
      e-adrese | e-paraksts | eParaksts mobile | eID karte | personas apliecība | pase |
      e-pakalpojums | latvija.gov.lv | PIN kodi | PUK kods | viedkaršu lasītājs | e-rēķins |
      pilnvara | tulka pakalpojums
    `),
    sentences: list(`
      Pajautājiet, vai klientam ir e-adrese, un piedāvājiet to izveidot. |
      E-adrese nav e-pasts: no e-pasta uz e-adresi vēstuli nosūtīt nevar. |
      Pieslēgties portālam var ar internetbanku, eID karti vai eParaksts mobile. |
      Darbinieks nekad neieraksta klienta PIN kodus. |
      Klients pats apstiprina un iesniedz e-pakalpojumu. |
      Paziņojumus par jaunām vēstulēm e-adresē var saņemt e-pastā vai īsziņā. |
      Senioriem palīdziet pieslēgties, bet neievadiet viņu vietā piekļuves datus. |
      Ja viedkaršu lasītājs karti neredz, pārstartējiet datoru pēc programmatūras uzstādīšanas. |
      Trīs reizes nepareizi ievadīts PIN kods tiek bloķēts; to atbloķē ar PUK kodu. |
      Parakstīto datni saglabā .edoc vai .asice formātā. |
      E-rēķinu var pieteikt internetbankā vai pakalpojuma sniedzēja pašapkalpošanās portālā. |
      Pases un personas apliecības noformē Pilsonības un migrācijas lietu pārvaldes nodaļās. |
      Pilnvarai jābūt notariāli apliecinātai vai parakstītai ar drošu elektronisko parakstu.
    `),
  },
  {
    topics: list(`
      dzīvesvietas deklarēšana | izziņa par deklarēto dzīvesvietu | adreses piešķiršana |
      dzimšanas reģistrācija | laulības reģistrācija | miršanas reģistrācija |
      mājdzīvnieku reģistrācija | transportlīdzekļa reģistrācija | autovadītāja apliecība |
      apliecinājums
    `),
    sentences: list(`
      Deklarēt dzīvesvietu var arī tiešsaistē, un tas ir bez maksas. |
      Mainot dzīvesvietu, jaunā dzīvesvieta jādeklarē mēneša laikā. |
      Deklarējot bērna dzīvesvietu, pārbaudiet pārstāvību. |
      Ārzemniekiem dzīvesvietu deklarē Pilsonības un migrācijas lietu pārvaldē. |
      Iepriekšējā adrese Fizisko personu reģistrā tiek anulēta automātiski. |
      Adresi piešķir, ja ēka vai zemes vienība ir reģistrēta kadastrā. |
      Laulību var reģistrēt dzimtsarakstu nodaļā vai baznīcā. |
      Mājdzīvnieku reģistrācija ir obligāta suņiem, kaķiem un mājas seskiem. |
      Bērna dzimšanu reģistrē mēneša laikā pēc piedzimšanas.
    `),
  },
  {
    topics: list(`
      GMI pabalsts | mājokļa pabalsts | trūcīgas personas statuss |
      maznodrošinātas personas statuss | aprūpe mājās | krīzes pabalsts | apkures pabalsts |
      asistenta pakalpojums | transporta kompensācija | senioru atbalsts | sociālais dzīvoklis |
      pašvaldības dzīvoklis | civiliedzīvotāju atbalsts | bāriņtiesa | aizbildnība
    `),
    sentences: list(`
      Pabalstu piešķir, izvērtējot mājsaimniecības ienākumus un materiālo stāvokli. |
      Sociālais darbinieks sazināsies ar klientu, lai vienotos par tikšanos. |
      Trūcīgas personas statusu piešķir uz sešiem mēnešiem. |
      Mājokļa pabalsts sedz daļu izdevumu par īri, apkuri un komunālajiem pakalpojumiem. |
      Asistenta pakalpojumu piešķir personām ar I un II grupas invaliditāti. |
      Aprūpes mājās vajadzību sociālais darbinieks izvērtē mājas vizītē. |
      Krīzes situācijā pabalstu var piešķirt tajā pašā dienā. |
      Dzīvokļu komisija lēmumu par reģistrēšanu rindā pieņem mēneša laikā. |
      Bāriņtiesa aizstāv bērnu un aizgādnībā esošu personu tiesības.
    `),
  },
  {
    topics: list(`
      vecuma pensija | invaliditātes pensija | bērna piedzimšanas pabalsts |
      bērna kopšanas pabalsts | vecāku pabalsts | bezdarbnieka statuss | bezdarbnieka pabalsts |
      slimības pabalsts | apdrošināšanas stāžs
    `),
    sentences: list(`
      Bezdarbnieka statusu piešķir Nodarbinātības valsts aģentūra. |
      Vecuma pensiju piešķir, ja ir vismaz piecpadsmit gadu apdrošināšanas stāžs. |
      Bērna piedzimšanas pabalsts jāpieprasa sešu mēnešu laikā. |
      Iesniegumu nosūtiet Valsts sociālās apdrošināšanas aģentūrai tajā pašā darba dienā. |
      Lēmumu klients saņem iesniegumā norādītajā veidā. |
      Darba grāmatiņu pieņem, ja stāžs līdz 1996. gadam nav reģistrēts. |
      Bezdarbnieka pabalstu piešķir VSAA, ja ir pietiekams apdrošināšanas stāžs.
    `),
  },
  {
    topics: list(`
      nekustamā īpašuma nodoklis | kadastrālā vērtība | zemesgrāmata | maksāšanas paziņojums |
      nokavējuma nauda | pārmaksātais nodoklis | gada ienākumu deklarācija |
      algas nodokļa grāmatiņa | attaisnotie izdevumi | VID EDS | valsts nodeva | zemes noma |
      nekustamā īpašuma sadalīšana | zemes ierīcības projekts
    `),
    sentences: list(`
      Nekustamā īpašuma nodokli var samaksāt ceturkšņos vai par visu gadu uzreiz. |
      Maksāšanas paziņojumu pašvaldība nosūta līdz 15. februārim. |
      Kadastrālo vērtību nosaka Valsts zemes dienests. |
      Zemesgrāmatas nodalījumu var apskatīt tiešsaistē. |
      Gada ienākumu deklarāciju iesniedz VID Elektroniskās deklarēšanas sistēmā. |
      Attaisnotos izdevumus par ārstniecību un izglītību var deklarēt triju gadu laikā. |
      Nokavējuma naudu aprēķina par katru nokavēto dienu. |
      Pārmaksāto iedzīvotāju ienākuma nodokli atmaksā uz deklarācijā norādīto kontu. |
      Valsts nodevu var samaksāt ar maksājumu karti vai internetbankā. |
      Nomas līgumu pagarina, ja nomniekam nav nomas maksas parādu.
    `),
  },
  {
    topics: list(`
      būvatļauja | paskaidrojuma raksts | būvniecības iecere BIS | detālplānojums |
      teritorijas plānojums | ēkas energoefektivitāte | daudzdzīvokļu mājas atjaunošana |
      līdzfinansējums | ūdensapgāde | kanalizācijas pieslēgums | atkritumu apsaimniekošana |
      koku ciršanas atļauja | rakšanas atļauja | ielu apgaismojums | ceļu uzturēšana |
      sniega tīrīšana | reklāmas izvietošana | tirdzniecības atļauja | ielu tirdzniecība
    `),
    sentences: list(`
      Būvniecības ieceri iesniedz Būvniecības informācijas sistēmā. |
      Vienkāršākiem būvdarbiem pietiek ar saskaņotu paskaidrojuma rakstu. |
      Pašvaldības līdzfinansējumu izmaksā pēc darbu pabeigšanas. |
      Koku ciršanai ārpus meža zemes vajadzīga pašvaldības atļauja. |
      Rakšanas darbiem publiskā teritorijā vajadzīga rakšanas atļauja. |
      Detālplānojuma publiskās apspriešanas laikā priekšlikumus var iesniegt rakstiski. |
      Par bedrēm ielā un nedegošu apgaismojumu ziņojiet Komunikācijas nodaļai. |
      Atkritumu izvešanas grafiku nosaka apsaimniekotājs. |
      Tirdzniecības atļauju publiskā vietā izsniedz uz noteiktu laiku.
    `),
  },
  {
    topics: list(`
      pirmsskolas rinda | bērnudārzs | brīvpusdienas | skolēnu pārvadājumi |
      daudzbērnu ģimenes apliecība | Goda ģimenes apliecība | kultūras nams | sporta zāle |
      bibliotēka | iedzīvotāju padome | iesniegums pašvaldībai | sūdzība | ierosinājums |
      pašvaldības policija | platību maksājumi | LAD pieteikšanās sistēma | uzņēmuma reģistrācija |
      biedrības reģistrācija | pieraksts pie speciālista
    `),
    sentences: list(`
      Bērnu pirmsskolas izglītības iestādes rindā var reģistrēt no dzimšanas. |
      Informāciju par bērnu sniedz tikai viņa likumiskajam pārstāvim. |
      Goda ģimenes apliecību var pieteikt tiešsaistē vai klātienē. |
      Skolēnu pārvadājumu grafiks ir pieejams skolas tīmekļvietnē. |
      Iedzīvotāju padomē var kandidēt ikviens apkaimes iedzīvotājs no sešpadsmit gadu vecuma. |
      Uz anonīmu iesniegumu atbildi nesniedz. |
      Platību maksājumiem piesakās Lauku atbalsta dienesta sistēmā katru pavasari. |
      Uzņēmumu reģistrs lēmumu pieņem trīs darba dienu laikā. |
      Sporta zāles nomu piesaka vismaz nedēļu iepriekš.
    `),
  },
];
const TOPICS = THEMES.flatMap((theme) => theme.topics);
const THEME_OF = new Map(THEMES.flatMap((theme) => theme.topics.map((topic) => [topic, theme])));

/** Names, places and numbers: the long tail of words each article has a few of. */
const PLACES = list(`
  Priedaine | Mežciems | Kalnciems | Lejasciems | Ozolnieki | Sigulda | Cēsis | Valmiera |
  Tukums | Talsi | Kuldīga | Bauska | Dobele | Jelgava | Ogre | Ikšķile | Salaspils | Ādaži |
  Saulkrasti | Limbaži | Madona | Gulbene | Alūksne | Balvi | Rēzekne | Daugavpils | Krāslava |
  Preiļi | Ludza | Aizkraukle | Jēkabpils | Liepāja | Ventspils | Saldus | Smiltene | Valka |
  Līvāni | Viļāni | Auce | Skrunda
`);
const STREETS = list(`
  Pils iela | Skolas iela | Dārza iela | Meža iela | Ezera iela | Rīgas iela | Brīvības iela |
  Jūras iela | Lazdu iela | Bērzu iela | Priežu iela | Liepu iela | Saules iela | Upes iela |
  Dzirnavu iela | Stacijas iela | Parka iela | Ābeļu iela | Lielā iela | Tirgus laukums
`);
const PEOPLE = list(`
  Līga Bērziņa | Jānis Kalniņš | Inese Liepiņa | Mārtiņš Ozols | Dace Vītola | Gunta Šmite |
  Valdis Dūmiņš | Kristīne Ločmele | Artūrs Krūmiņš | Sandra Jansone | Rūta Strautiņa |
  Pēteris Grīnbergs | Zane Egle | Oskars Lācis | Baiba Kalēja | Elīna Āboliņa | Ēriks Siliņš |
  Ģirts Vanags | Ārija Rozīte | Ilze Zvirbule | Edgars Kļaviņš | Agnese Žagare
`);
const WEEKDAYS = list('pirmdienās | otrdienās | trešdienās | ceturtdienās | piektdienās');
const MONTHS = list(`
  janvārī | februārī | martā | aprīlī | maijā | jūnijā | jūlijā | augustā | septembrī |
  oktobrī | novembrī | decembrī
`);
const DETAIL_SENTENCES = list(`
  Pieņemšana notiek {weekday} no {hour}.00 līdz {hour2}.00, adrese: {street} {number}, {place}. |
  Kontaktpersona – {person}, tālrunis 670{digits}. |
  Kārtību nosaka Ministru kabineta noteikumi Nr. {act}. |
  Maksa – {euros},{cents} EUR. |
  Grozījumi stājās spēkā {year}. gada {day}. {month}. |
  Pašvaldības saistošie noteikumi Nr. {small} pieņemti {year}. gadā. |
  {place} pagasta pārvaldē pieteikumus pieņem {weekday}. |
  Jautājumos par {place} apkārtni konsultē {person}.
`);
const ASPECTS = list(`
  biežāk uzdotie jautājumi | soli pa solim | kas jāzina klientam | termiņi un maksa |
  nepieciešamie dokumenti | iekšējā kārtība | izmaiņas no nākamā gada | kā palīdzēt senioram |
  pieteikšanās tiešsaistē | klātienes apkalpošana VPVKAC | kļūdas un to novēršana |
  atbildes paraugs e-pastam | tipiskās situācijas | ja e-pakalpojums nedarbojas |
  pārstāvība un pilnvaras | lēmuma apstrīdēšana | informācija ārzemniekiem |
  personas datu aizsardzība | jaunā darbinieka apmācība | kontroljautājumi | atbildīgie speciālisti |
  sadarbība ar valsts iestādēm | telefoniska konsultācija | atteikuma iemesli | statistika un pārskati
`);

const QUALIFIERS = list(`
  senioriem | uzņēmējiem | ģimenēm ar bērniem | personām ar invaliditāti | ārzemniekiem |
  Mežciema VPVKAC | Priedaines VPVKAC | Kalnciema pagastā | Lejasciema pagastā | jauniešiem |
  lauksaimniekiem | biedrībām | pensionāriem | studentiem | daudzbērnu ģimenēm
`);

const INSTITUTIONS = list(`
  Valsts sociālās apdrošināšanas aģentūra (VSAA) | Valsts ieņēmumu dienests (VID) |
  Pilsonības un migrācijas lietu pārvalde (PMLP) | Valsts zemes dienests |
  Nodarbinātības valsts aģentūra (NVA) | Lauku atbalsta dienests | Uzņēmumu reģistrs |
  Tiesu administrācija | Sociālais dienests | Būvvalde | Izglītības pārvalde | bāriņtiesa |
  Nekustamā īpašuma nodaļa | Digitālais centrs | Dzimtsarakstu nodaļa
`);

const CHANNELS = list(`
  klātienē jebkurā VPVKAC | portālā latvija.gov.lv | e-adresē | pa e-pastu ar drošu e-parakstu |
  pa pastu | pa tālruni | pašvaldības tīmekļvietnē | mobilajā lietotnē
`);

const DOCUMENTS = list(`
  personu apliecinošs dokuments | pase | personas apliecība | dzimšanas apliecība | pilnvara |
  īres līgums | zemesgrāmatas apliecība | darba grāmatiņa | izziņa par ienākumiem |
  iztikas līdzekļu deklarācija | bankas konta numurs | ģimenes ārsta izziņa | bāriņtiesas lēmums |
  būvprojekts | apliecinājuma karte | tehniskie noteikumi | rēķini par komunālajiem pakalpojumiem
`);

const TIMES = list(`
  3 darba dienu laikā | 10 darba dienu laikā | mēneša laikā | tajā pašā darba dienā |
  nākamajā darba dienā | līdz mēneša beigām | 20 dienu laikā | līdz 31. martam | līdz 15. novembrim |
  6 mēnešu laikā | pēc visu dokumentu saņemšanas
`);

/** Sentences with a topic in quotes: the topic keeps its written form. */
const TOPIC_SENTENCES = list(`
  Jautājumos par tēmu „{topic}” klientu konsultē {institution}. |
  Pakalpojumu „{topic}” var pieteikt {channel}. |
  Pieprasot pakalpojumu „{topic}”, vajadzīgs {document}. |
  Atbildi par „{topic}” klients saņem {time}. |
  Ja klients jautā par „{topic}”, pārbaudiet arī „{topic2}”. |
  Tēma „{topic}” bieži saistīta ar „{topic2}”. |
  Par „{topic}” sīkāka informācija ir pakalpojumu katalogā. |
  Speciālists, kura kompetencē ir „{topic}”, ir norādīts kataloga kartītē. |
  Kopš šī gada „{topic}” pieteikumus pieņem arī {channel}. |
  Ja „{topic}” e-pakalpojums nav pieejams, pieņemiet iesniegumu klātienē un nosūtiet to {time}.
`);

/** Sentences of procedures and the client service standard, in articles of every theme. */
const SENTENCES = list(`
  Pārbaudiet klienta personu apliecinošu dokumentu. |
  Iesniegumu reģistrējiet Apkalpo un pasakiet klientam reģistrācijas numuru. |
  Ja atbildei vajag vairāk laika, nosūtiet starpatbildi trīs darba dienu laikā. |
  Lēmumu var apstrīdēt mēneša laikā no tā spēkā stāšanās dienas. |
  Dokumentu kopijas klients apliecina ar savu parakstu, oriģinālus atdodiet atpakaļ. |
  Ja klients ir neapmierināts, uzklausiet viņu mierīgi un nepārtraucot. |
  Agresīva klienta gadījumā pieaiciniet kolēģi vai nodaļas vadītāju. |
  Neatbildētu zvanu atzvaniet tajā pašā darba dienā. |
  Prombūtnes laikā iestatiet automātisko atbildi ar aizvietotāja kontaktiem. |
  Iekšējam klientam atbildiet vienas darba dienas laikā. |
  Klientu apkalpošanas standarts prasa pašvaldības jaunumus izlasīt reizi dienā. |
  Pakalpojuma kartītē norādīti normatīvie akti, veidlapas un e-pakalpojuma saite. |
  Pēc apmeklējuma piedāvājiet klientam citus viņam noderīgus pakalpojumus. |
  Pieteikumus pieņem visi valsts un pašvaldības vienotie klientu apkalpošanas centri. |
  Darba laiks trešdienās ir pagarināts līdz plkst. 19.00. |
  Apliecinājumu par iesnieguma saņemšanu nosūtiet klienta norādītajā saziņas veidā. |
  Sarežģītos gadījumos pierakstiet klientu pie atbildīgā speciālista.
`);

const ENGLISH_SENTENCES = list(`
  You can declare your place of residence online free of charge. |
  An e-address is not an e-mail address. |
  Sign in with online banking, an eID card or eParaksts mobile. |
  Bring an identity document when you visit a client service centre. |
  The municipality replies within one month. |
  The real estate tax can be paid quarterly or for the whole year. |
  Apply for the childbirth benefit within six months. |
  Staff never type in your PIN codes. |
  Any client service centre of the municipality will help you.
`);

const STEPS = list(`
  Noskaidrojiet klienta vajadzību un atrodiet pakalpojumu katalogā. |
  Pārbaudiet personu apliecinošu dokumentu. |
  Palīdziet aizpildīt iesniegumu. |
  Pieņemiet dokumentus, kas nav pieejami valsts reģistros. |
  Reģistrējiet pieprasījumu un nododiet to atbildīgajai nodaļai. |
  Pasakiet klientam, kad un kā viņš saņems atbildi. |
  Palīdziet pieslēgties e-pakalpojumam. |
  Izskaidrojiet valsts nodevas samaksu. |
  Piedāvājiet izveidot e-adresi.
`);

const SERVICE_FORMS: ReadonlyArray<(topic: string) => string> = [
  (topic) => topic,
  (topic) => `${topic} – konsultācija`,
  (topic) => `${topic} – pieteikums`,
  (topic) => `${topic} – izziņa`,
  (topic) => `${topic} – izmaiņas`,
  (topic) => `${topic} tiešsaistē`,
  (topic) => `${topic} (e-pakalpojums)`,
];

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const escaped = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Random = ReturnType<typeof createRandom>;

function detailOf(random: Random): string {
  const hour = random.int(8, 10);
  return random
    .pick(DETAIL_SENTENCES)
    .replace('{weekday}', random.pick(WEEKDAYS))
    .replace('{hour}', String(hour))
    .replace('{hour2}', String(hour + random.int(3, 8)))
    .replace('{street}', random.pick(STREETS))
    .replace('{number}', String(random.int(1, 120)))
    .replace(/\{place\}/g, random.pick(PLACES))
    .replace(/\{person\}/g, random.pick(PEOPLE))
    .replace('{digits}', String(random.int(10_000, 99_999)))
    .replace('{act}', String(random.int(1, 1100)))
    .replace('{small}', String(random.int(1, 60)))
    .replace('{euros}', String(random.int(1, 300)))
    .replace('{cents}', String(random.int(0, 99)).padStart(2, '0'))
    .replace('{year}', String(random.int(2009, 2026)))
    .replace('{day}', String(random.int(1, 28)))
    .replace('{month}', random.pick(MONTHS));
}

/** A sentence of an article about the topic: mostly of its theme, some general, some detail. */
function sentenceOf(random: Random, topic: string): string {
  const roll = random.next();
  if (roll < 0.2) {
    return random
      .pick(TOPIC_SENTENCES)
      .replace('{topic}', topic)
      .replace('{topic2}', random.pick(THEME_OF.get(topic)?.topics ?? TOPICS))
      .replace('{institution}', random.pick(INSTITUTIONS))
      .replace('{channel}', random.pick(CHANNELS))
      .replace('{document}', random.pick(DOCUMENTS))
      .replace('{time}', random.pick(TIMES));
  }
  if (roll < 0.6) return random.pick(THEME_OF.get(topic)?.sentences ?? SENTENCES);
  if (roll < 0.75) return random.pick(random.pick(THEMES).sentences);
  if (roll < 0.9) return random.pick(SENTENCES);
  return detailOf(random);
}

/** An article's HTML: a lead, two to four sections of paragraphs or lists. */
function articleHtml(random: Random, topic: string, english: boolean): string {
  const sentence = () =>
    escaped(english ? random.pick(ENGLISH_SENTENCES) : sentenceOf(random, topic));
  const paragraph = () => `<p>${Array.from({ length: random.int(2, 4) }, sentence).join(' ')}</p>`;
  const parts = [paragraph()];
  for (let section = random.int(2, 4); section > 0; section -= 1) {
    parts.push(`<h2>${escaped(capitalised(random.pick(ASPECTS)))}</h2>`);
    if (random.chance(0.4)) {
      const tag = random.chance(0.5) ? 'ol' : 'ul';
      const items = Array.from({ length: random.int(3, 6) }, () => `<li>${sentence()}</li>`);
      parts.push(`<${tag}>${items.join('')}</${tag}>`);
    } else {
      parts.push(paragraph());
    }
  }
  return parts.join('\n');
}

const ARTICLE_KINDS = ['faq', 'faq', 'guide', 'guide', 'guide', 'procedure', 'training'] as const;
const DAY = 86_400_000;

/** A date `days` from today, as YYYY-MM-DD. */
const dateFrom = (now: Date, days: number) =>
  new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

async function inBatches<T>(
  rows: readonly T[],
  size: number,
  write: (batch: T[]) => Promise<unknown>,
) {
  for (let start = 0; start < rows.length; start += size)
    await write(rows.slice(start, start + size));
}

/**
 * Writes the services and articles with their links, and then the word list, as the services
 * would have recorded it word by word. Tells each step's time.
 */
export async function loadKnowledge(
  db: Kysely<DB>,
  org: KnowledgeOrganisation,
  volume: KnowledgeVolume,
  report: (step: string, seconds: number) => void,
): Promise<void> {
  const random = createRandom(20_260_501);
  const now = new Date();
  let started = performance.now();
  const step = (name: string) => {
    report(name, (performance.now() - started) / 1000);
    started = performance.now();
  };

  const services: Array<Insertable<ServicesTable> & { id: string }> = [];
  const names = new Set<string>();
  for (let attempt = 0; services.length < volume.services; attempt += 1) {
    const topic = random.pick(TOPICS);
    let name = capitalised(random.pick(SERVICE_FORMS)(topic));
    if (attempt > volume.services * 4) name = `${name} (${attempt})`;
    if (names.has(name.toLowerCase())) continue;
    names.add(name.toLowerCase());
    const competence = random.pick(org.competences);
    const description = Array.from({ length: random.int(2, 4) }, () =>
      sentenceOf(random, topic),
    ).join(' ');
    const created = new Date(now.getTime() - random.int(30, 1000) * DAY);
    services.push({
      id: crypto.randomUUID(),
      name,
      name_en: null,
      kind: random.chance(0.55) ? 'consultation' : 'application',
      description,
      audience: capitalised(random.pick(QUALIFIERS)),
      territory: random.chance(0.5) ? 'Priedaines novads' : 'Visa Latvija',
      fee: random.chance(0.7) ? 'Bez maksas' : 'Valsts nodeva saskaņā ar cenrādi',
      duration: capitalised(random.pick(TIMES)),
      steps: Array.from({ length: random.int(3, 6) }, () => random.pick(STEPS)),
      documents: JSON.stringify(
        Array.from({ length: random.int(1, 3) }, () => ({
          title: capitalised(random.pick(DOCUMENTS)),
          url: null,
        })),
      ),
      legal_acts: JSON.stringify([{ title: 'Iesniegumu likums', url: null }]),
      notices: null,
      institution_id: random.chance(0.6) ? random.pick(org.institutionIds) : null,
      unit_id: random.pick(org.unitIds),
      competence,
      e_service_url: random.chance(0.4) ? 'https://latvija.gov.lv' : null,
      owner_id: random.pick(org.staffIds),
      review_on: dateFrom(now, random.int(-90, 365)),
      search_text: searchTextOf([name, null, competence]),
      created_at: created,
      updated_at: new Date(created.getTime() + random.int(0, 20) * DAY),
    });
  }
  await inBatches(services, 250, (batch) => db.insertInto('services').values(batch).execute());
  step('services');

  const articles: Array<Insertable<ArticlesTable> & { id: string }> = [];
  const links: Array<{ article_id: string; service_id: string }> = [];
  for (let index = 0; index < volume.articles; index += 1) {
    const english = random.chance(0.03);
    const topic = random.pick(TOPICS);
    const title = english
      ? `${capitalised(topic)}: a guide in English`
      : `${capitalised(topic)}: ${random.pick(ASPECTS)}${random.chance(0.5) ? ` (${random.pick(QUALIFIERS)})` : ''}`;
    const summary = random.chance(0.7) ? sentenceOf(random, topic) : null;
    const bodyHtml = articleHtml(random, topic, english);
    const created = new Date(now.getTime() - random.int(1, 1100) * DAY);
    const updated = new Date(created.getTime() + random.int(0, 200) * DAY);
    const id = crypto.randomUUID();
    articles.push({
      id,
      slug: `${slugOf(title)}-${index + 1}`,
      kind: random.pick(ARTICLE_KINDS),
      language: english ? 'en' : 'lv',
      title,
      summary,
      body_html: bodyHtml,
      body_text: textOfHtml(bodyHtml),
      visibility: random.chance(0.6) ? 'public' : 'internal',
      owner_id: random.pick(org.staffIds),
      review_on: dateFrom(now, random.int(-60, 365)),
      archived_at: random.chance(0.03) ? updated : null,
      search_text: searchTextOf([title, summary]),
      created_at: created,
      updated_at: updated > now ? now : updated,
    });
    const linked = new Set<string>();
    for (let link = random.int(0, 2); link > 0; link -= 1) linked.add(random.pick(services).id);
    for (const serviceId of linked) links.push({ article_id: id, service_id: serviceId });
  }
  step('text');
  await inBatches(articles, 500, (batch) => db.insertInto('articles').values(batch).execute());
  step('articles');
  await inBatches(links, 2000, (batch) =>
    db.insertInto('article_services').values(batch).execute(),
  );
  step('links');

  // The same words the services record when a row is saved (search-words.repository.ts).
  for (const table of ['articles', 'services'] as const) {
    await sql`
      insert into search_words (word)
      select distinct word
      from ${sql.table(table)} t, unnest(tsvector_to_array(t.search_vector)) as word
      where length(word) between 3 and 40
      on conflict do nothing`.execute(db);
  }
  step('words');
  await sql`analyze`.execute(db);
  step('analyze');
}
