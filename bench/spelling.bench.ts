import { performance } from 'node:perf_hooks';
import { spellingIssues, wordsOf, type SpellingLanguage } from '../src/domain/spelling';
import { dictionaryFor } from '../src/server/modules/spelling/spelling.service';

// `npm run bench -- spelling`: the spell checker of the reply composer (decision 44). Prints the
// time to read each language's dictionary (once per process, on first use) and the time to check
// a 300-word Latvian letter with 10 mistakes, suggestions included: p50 and p99 over
// BENCH_ROUNDS (200) runs. No database. `-- spelling --nspell` also times nspell reading the
// English dictionary and, for up to BENCH_NSPELL_SECONDS (300), the Latvian one: the reason
// this checker exists.

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const NSPELL_SECONDS = Number(process.env.BENCH_NSPELL_SECONDS ?? 300);

/** A reply as a clerk writes one: every word correct (checked before the run). */
const LETTER = `Labdien, cienījamā Bērziņa kundze!

Pateicamies par Jūsu iesniegumu, ko pašvaldība saņēma pagājušajā nedēļā. Jūsu pieteikums ir reģistrēts ar numuru 2026-001234, un to izskata Klientu apkalpošanas centra speciālisti. Saskaņā ar normatīvajiem aktiem atbildi sniegsim viena mēneša laikā no iesnieguma saņemšanas dienas.

Lai deklarētu dzīvesvietu, Jums jāiesniedz dzīvesvietas deklarācija un jāuzrāda personu apliecinošs dokuments. Ja dzīvoklis nepieder Jums, nepieciešama arī īpašnieka piekrišana vai īres līgums. Deklarāciju var iesniegt klātienē jebkurā pašvaldības klientu apkalpošanas centrā vai elektroniski valsts pārvaldes pakalpojumu portālā.

Vēršam uzmanību, ka pēc dzīvesvietas maiņas deklarācija jāiesniedz viena mēneša laikā. Ja deklarētā dzīvesvieta neatbilst patiesībai, pašvaldība var uzsākt administratīvo procesu un anulēt ziņas par deklarēto dzīvesvietu. Par šo lēmumu Jūs varēsiet iesniegt sūdzību noteiktajā kārtībā.

Ja Jums ir nepieciešama palīdzība dokumentu sagatavošanā, lūdzu, sazinieties ar mūsu speciālistiem pa tālruni vai rakstiet uz pašvaldības elektronisko pastu. Klientu apkalpošanas centrs ir atvērts darba dienās no rīta līdz vakaram, bet piektdienās tas strādā īsāku laiku. Pirms apmeklējuma iesakām pieteikties rindā, lai nebūtu ilgi jāgaida.

Informējam, ka pašvaldība apstrādā Jūsu personas datus tikai iesnieguma izskatīšanai un atbildes sniegšanai. Dati netiek nodoti trešajām personām, izņemot gadījumus, kad to paredz likums. Jums ir tiesības iepazīties ar saviem datiem, lūgt tos labot vai dzēst, kā arī iesniegt sūdzību uzraudzības iestādē.

Papildus informējam, ka no nākamā gada pašvaldība plāno paplašināt sniegto pakalpojumu klāstu. Iedzīvotāji varēs pieteikties sociālajai palīdzībai, saņemt izziņas un samaksāt nodevas vienuviet. Mēs ceram, ka šīs pārmaiņas atvieglos saziņu ar pašvaldību un ietaupīs Jūsu laiku.

Ja Jums rodas jautājumi par iesnieguma izskatīšanas gaitu, lūdzam norādīt pieteikuma numuru, kad sazināties ar mums. Tas palīdzēs mums ātrāk atrast Jūsu lietu un sniegt precīzu atbildi. Mēs novērtējam Jūsu pacietību un sapratni.

Vēlreiz pateicamies par Jūsu uzticību un sadarbību. Ceram, ka mūsu atbilde būs noderīga, un novēlam Jums jauku dienu! Mēs vienmēr esam gatavi palīdzēt.

Ar cieņu,
Klientu apkalpošanas centra vadītāja
Anna Kalniņa`;

/**
 * Ten mistakes of the kinds clerks make: six words typed without their diacritics (one of
 * them a name), four typos (a wrong key, a doubled letter, two letters swapped, one missing).
 */
const MISTAKES: ReadonlyArray<readonly [string, string]> = [
  ['pašvaldība saņēma', 'pasvaldiba saņēma'],
  ['dzīvesvietas deklarācija', 'dzivesvietas deklarācija'],
  ['apkalpošanas centrā', 'apkalposanas centrā'],
  ['Informējam, ka', 'Informejam, ka'],
  ['lūdzu, sazinieties', 'ludzu, sazinieties'],
  ['Bērziņa kundze', 'Berzina kundze'],
  ['Jūsu pieteikums ir', 'Jūsu pieteikumz ir'],
  ['ar mūsu speciālistiem', 'ar mūsu speciālisttiem'],
  ['ietaupīs', 'ietaupsī'],
  ['iesniegt sūdzību noteiktajā', 'iesniegt sūdzību noteiktjā'],
];

function misspelt(letter: string): string {
  let text = letter;
  for (const [right, wrong] of MISTAKES) {
    if (!text.includes(right)) throw new Error(`the letter has no "${right}"`);
    text = text.replace(right, wrong);
  }
  return text;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function timeLoad(language: SpellingLanguage): Promise<number> {
  const started = performance.now();
  await dictionaryFor(language);
  return performance.now() - started;
}

async function timeNspell(language: SpellingLanguage): Promise<string> {
  const { spawnSync } = await import('node:child_process');
  // In a child process, so that a load of minutes can be cut off.
  const script =
    `const nspell = (await import('nspell')).default;` +
    `const d = (await import('dictionary-${language}')).default;` +
    `const t = performance.now(); nspell(d); console.log((performance.now() - t).toFixed(0));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: NSPELL_SECONDS * 1000,
  });
  if (child.error || child.status !== 0) return `more than ${NSPELL_SECONDS} s (stopped)`;
  return `${child.stdout.trim()} ms`;
}

const lvLoad = await timeLoad('lv');
const enLoad = await timeLoad('en');
console.log(`dictionary read and ready: lv ${lvLoad.toFixed(0)} ms, en ${enLoad.toFixed(0)} ms`);

const lv = await dictionaryFor('lv');
const clean = spellingIssues(LETTER, 'lv', lv);
if (clean.length > 0)
  throw new Error(`the letter has mistakes of its own: ${clean.map((i) => i.word).join(', ')}`);
const text = misspelt(LETTER);
const words = wordsOf(text, 'lv').length;
const issues = spellingIssues(text, 'lv', lv);
if (issues.length !== MISTAKES.length)
  throw new Error(`found ${issues.length} mistakes, not ${MISTAKES.length}`);
for (const issue of issues)
  console.log(`  ${issue.word} → ${issue.suggestions.join(', ') || '(none)'}`);

// Wall time and this process's CPU time per run: on a crowded machine the wall time also holds
// the time other processes had the core, the CPU time less so.
const samples: number[] = [];
const cpuSamples: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  spellingIssues(text, 'lv', lv);
  samples.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  cpuSamples.push((used.user + used.system) / 1000);
}
samples.sort((a, b) => a - b);
cpuSamples.sort((a, b) => a - b);
console.log(
  `a ${words}-word letter with ${issues.length} mistakes, suggestions included, ${ROUNDS} runs: ` +
    `p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms; ` +
    `CPU p50 ${percentile(cpuSamples, 50).toFixed(1)} ms, p99 ${percentile(cpuSamples, 99).toFixed(1)} ms`,
);

if (process.argv.includes('--nspell')) {
  console.log(`nspell reading the English dictionary: ${await timeNspell('en')}`);
  console.log(`nspell reading the Latvian dictionary: ${await timeNspell('lv')}`);
}
