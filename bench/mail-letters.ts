// The letters of the mail benchmark: what residents write to a municipality's address, each one
// different (its sender, subject, length and form), in Latvian. Every tenth letter of the later
// part answers an earlier one (In-Reply-To, References, "Re:"), from the same sender, as a
// resident answers the acknowledgement, so that it joins the earlier letter's request.

const GIVEN = [
  'Anna',
  'Jānis',
  'Līga',
  'Pēteris',
  'Ilze',
  'Andris',
  'Dace',
  'Mārtiņš',
  'Inese',
  'Raimonds',
  'Zane',
  'Edgars',
  'Baiba',
  'Kārlis',
  'Ieva',
  'Gunārs',
];
const SURNAMES = [
  'Ozola',
  'Bērziņš',
  'Kalniņa',
  'Liepa',
  'Krūmiņš',
  'Jansone',
  'Vītols',
  'Zariņa',
  'Balodis',
  'Eglīte',
  'Kļaviņš',
  'Pētersone',
  'Siliņš',
  'Grīnberga',
  'Lācis',
  'Ābele',
];
const DOMAINS = ['inbox.lv', 'gmail.com', 'apollo.lv', 'outlook.com', 'tvnet.lv', 'iedzivotajs.lv'];

const TOPICS = [
  [
    'Dzīvesvietas deklarēšana',
    'Vēlos deklarēt dzīvesvietu jaunajā dzīvoklī Brīvības ielā. Kādi dokumenti man jāiesniedz un vai to var izdarīt attālināti?',
  ],
  [
    'Nekustamā īpašuma nodoklis',
    'Saņēmu nekustamā īpašuma nodokļa paziņojumu, bet summa šķiet par lielu salīdzinājumā ar pagājušo gadu. Lūdzu paskaidrot aprēķinu.',
  ],
  [
    'Sociālais pabalsts',
    'Esmu zaudējusi darbu un vēlos uzzināt, vai varu pieteikties garantētā minimālā ienākuma pabalstam. Kur un kā to izdarīt?',
  ],
  [
    'Bedres ielā',
    'Mūsu ielā pie skolas ir lielas bedres, kas pēc lietus piepildās ar ūdeni. Bērniem ir grūti paiet garām. Lūdzu tās salabot.',
  ],
  [
    'Atkritumu izvešana',
    'Jau otro nedēļu netiek izvests sadzīves atkritumu konteiners mūsu pagalmā. Vai varat sazināties ar apsaimniekotāju?',
  ],
  [
    'Bērnudārza rinda',
    'Vēlos noskaidrot, kurā vietā rindā uz pirmsskolas izglītības iestādi atrodas mūsu meita un kad varētu saņemt vietu.',
  ],
  [
    'Būvatļauja šķūnim',
    'Plānoju uzbūvēt nelielu šķūni savā zemesgabalā. Vai tam ir nepieciešama būvatļauja vai pietiek ar paskaidrojuma rakstu?',
  ],
  [
    'Ielu apgaismojums',
    'Kopš pagājušā mēneša Dārza ielā nedeg trīs laternas. Vakaros ir pilnīgi tumšs, un iedzīvotāji jūtas nedroši.',
  ],
  [
    'Pašvaldības dzīvoklis',
    'Esmu reģistrēts palīdzības reģistrā dzīvokļa jautājumu risināšanā. Lūdzu informēt par manu kārtas numuru.',
  ],
  [
    'Skolēnu autobuss',
    'Skolēnu autobuss no rīta pienāk ar lielu kavēšanos, un bērni nokavē pirmo stundu. Lūdzu pārskatīt grafiku.',
  ],
  [
    'Koku ciršana',
    'Pie mājas aug vecs bērzs, kura zari krīt uz jumta. Kā saņemt atļauju koka nociršanai ārpus meža zemes?',
  ],
  [
    'Uzziņa par deklarēto adresi',
    'Bankai nepieciešama uzziņa par manu deklarēto dzīvesvietu. Vai to var saņemt elektroniski un cik tas maksā?',
  ],
] as const;

const GREETINGS = [
  'Labdien!',
  'Labdien,',
  'Sveicināti!',
  'Labrīt!',
  'Cienījamie pašvaldības darbinieki!',
];
const CLOSINGS = [
  'Paldies jau iepriekš!',
  'Ar cieņu,',
  'Gaidīšu atbildi.',
  'Paldies par atsaucību!',
  'Ar labiem vēlējumiem,',
];
const MORE = [
  'Iepriekš jau zvanīju uz klientu apkalpošanas centru, bet neviens neatbildēja.',
  'Esmu gatavs ierasties klātienē, ja tas ir nepieciešams.',
  'Pielikumā varu nosūtīt fotogrāfijas, ja tās palīdzētu.',
  'Lūdzu atbildēt uz šo e-pasta adresi, jo pa tālruni mani sazvanīt ir grūti.',
  'Jautājums ir steidzams, jo termiņš beidzas nākamnedēļ.',
  'Mans tālrunis ir 26123456, zvaniet darba dienās pēc plkst. 17.',
  'Vai šo jautājumu var atrisināt arī Latvija.lv portālā?',
  'Kaimiņi ir sūdzējušies par to pašu jau vairākus mēnešus.',
];

/** A small number generator with a seed: the same letters on every run. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state % n;
  };
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** An RFC 2047 encoded word for a header with Latvian letters. */
const encoded = (text: string) => `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

/** Base64 folded to 76 characters a line, as mail programs write it. */
const base64Lines = (data: Buffer) =>
  (data.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');

export interface BenchLetter {
  raw: Buffer;
  from: string;
  /** The index of the letter it answers, if it is a reply. */
  answers: number | null;
}

export interface LetterSet {
  letters: BenchLetter[];
  replies: number;
}

/**
 * `count` letters to `to`; `label` keeps the Message-IDs and senders of one set apart from
 * another's (the SMTP and the IMAP part each get their own).
 */
export function letters(count: number, to: string, label: string): LetterSet {
  const next = random(count * 31 + label.length);
  const out: BenchLetter[] = [];
  const senders: Array<{ name: string; address: string }> = [];
  const subjects: string[] = [];
  const ids: string[] = [];
  // Replies come from the later part, each to a letter far enough back to be committed even with
  // every connection busy.
  const gap = Math.min(1000, Math.floor(count / 2));
  let replies = 0;
  const sent = Date.UTC(2026, 2, 10, 8, 0, 0);
  for (let i = 0; i < count; i += 1) {
    const answers = i >= gap && i % 10 === 5 ? i - gap : null;
    const given = pick(GIVEN, next(1000));
    const surname = pick(SURNAMES, next(1000));
    const sender =
      answers === null
        ? {
            name: `${given} ${surname}`,
            address: `${given}.${surname}.${label}${i}@${pick(DOMAINS, next(1000))}`
              .toLowerCase()
              .normalize('NFD')
              .replace(/[\u0300-\u036f]/g, ''),
          }
        : (senders[answers] as { name: string; address: string });
    senders.push(sender);
    const [topic, question] = pick(TOPICS, next(1000));
    const subject = answers === null ? `${topic} (${label}${i})` : `Re: ${subjects[answers]}`;
    subjects.push(subject);
    const paragraphs = [pick(GREETINGS, next(100)), question];
    for (let k = next(5); k > 0; k -= 1) paragraphs.push(pick(MORE, next(1000)));
    if (answers !== null)
      paragraphs.splice(
        1,
        1,
        'Paldies par atbildi. Papildinu savu iesniegumu ar šādu informāciju.',
      );
    paragraphs.push(pick(CLOSINGS, next(100)), sender.name);
    const text = paragraphs.join('\r\n\r\n');
    const messageId = `<${label}.${i}.${next(1_000_000)}@${sender.address.split('@')[1]}>`;
    ids.push(messageId);
    const head = [
      `Return-Path: <${sender.address}>`,
      `Received: from mail.${sender.address.split('@')[1]} (mail.${sender.address.split('@')[1]} [192.0.2.${(i % 250) + 1}]) by mx.novads.lv with ESMTPS; ${new Date(sent + i * 7000).toUTCString()}`,
      `From: ${encoded(sender.name)} <${sender.address}>`,
      `To: ${to}`,
      `Subject: ${encoded(subject)}`,
      `Message-ID: ${messageId}`,
      `Date: ${new Date(sent + i * 7000).toUTCString().replace('GMT', '+0000')}`,
      'MIME-Version: 1.0',
      ...(answers === null ? [] : [`In-Reply-To: ${ids[answers]}`, `References: ${ids[answers]}`]),
    ];
    const form = next(100);
    let body: string[];
    if (form < 60) {
      body = [
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        text,
      ];
    } else {
      // What webmail sends: the text and the same as HTML; now and then a scanned document.
      const html = `<html><body>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
      const alternative = `alt-${label}-${i}`;
      const parts = [
        `--${alternative}`,
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(Buffer.from(text, 'utf8')),
        `--${alternative}`,
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(Buffer.from(html, 'utf8')),
        `--${alternative}--`,
      ];
      if (form < 95) {
        body = [`Content-Type: multipart/alternative; boundary="${alternative}"`, '', ...parts];
      } else {
        const mixed = `mix-${label}-${i}`;
        const scan = Buffer.alloc(20_000 + next(20_000), i % 251);
        body = [
          `Content-Type: multipart/mixed; boundary="${mixed}"`,
          '',
          `--${mixed}`,
          `Content-Type: multipart/alternative; boundary="${alternative}"`,
          '',
          ...parts,
          `--${mixed}`,
          `Content-Type: application/pdf; name="iesniegums-${i}.pdf"`,
          `Content-Disposition: attachment; filename="iesniegums-${i}.pdf"`,
          'Content-Transfer-Encoding: base64',
          '',
          base64Lines(scan),
          `--${mixed}--`,
        ];
      }
    }
    if (answers !== null) replies += 1;
    out.push({
      raw: Buffer.from([...head, ...body, ''].join('\r\n'), 'utf8'),
      from: sender.address,
      answers,
    });
  }
  return { letters: out, replies };
}
