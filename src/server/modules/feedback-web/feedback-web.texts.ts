import type { FillTimeVerdict } from '../../../domain/feedback-form';

// What the public feedback pages say, in Latvian and in English. The Latvian follows the
// standard's own words (clause 25: "izteikt uzslavas, sūdzības, ierosinājumus par klientu
// apkalpošanas kvalitāti").

export type Language = 'lv' | 'en';

export type FeedbackKind = 'praise' | 'complaint' | 'suggestion';
export const FEEDBACK_KINDS: readonly FeedbackKind[] = ['praise', 'complaint', 'suggestion'];

/** The fields of the form, as the page names them and as a problem's `field` does. */
export type FormField =
  'kind' | 'unitId' | 'staffId' | 'text' | 'name' | 'email' | 'phone' | 'attachments';

/** Why the page refuses a field by itself, before the service is asked. */
export type FormProblem =
  | 'kind_missing'
  | 'unit_missing'
  | 'text_missing'
  | 'text_too_long'
  | 'too_many_files'
  | 'file_too_large'
  | 'file_type';

export const TEXTS = {
  lv: {
    site: 'Uzslavas, sūdzības, ierosinājumi',
    languageName: 'Latviešu',
    switchTo: 'Valoda',
    title: 'Uzslavas, sūdzības un ierosinājumi',
    intro:
      'Šeit varat izteikt uzslavas, sūdzības, ierosinājumus par klientu apkalpošanas kvalitāti. Katru saņemto viedokli izvērtē Klientu apkalpošanas pārvaldes vadītājs.',
    required: 'obligāti',
    optional: 'nav obligāti',
    kindLegend: 'Ko vēlaties izteikt?',
    kinds: { praise: 'Uzslavu', complaint: 'Sūdzību', suggestion: 'Ierosinājumu' },
    unit: 'Klientu apkalpošanas centrs vai struktūrvienība',
    chooseUnit: 'Izvēlieties…',
    staff: 'Darbinieks, par kuru ir jūsu viedoklis',
    staffHint:
      'Ja nezināt vārdu vai viedoklis nav par konkrētu darbinieku, atstājiet “Nav zināms”.',
    staffUnknown: 'Nav zināms',
    text: 'Jūsu uzslava, sūdzība vai ierosinājums',
    textHint: (limit: number) => `Ne vairāk kā ${limit} rakstzīmes.`,
    contactLegend: 'Kontaktinformācija',
    contactHint:
      'Aizpildiet, ja vēlaties saņemt atbildi. Atbildi sūtīsim uz e-pastu vai sazināsimies pa tālruni.',
    name: 'Vārds, uzvārds',
    email: 'E-pasts',
    phone: 'Tālrunis',
    attachments: 'Pielikumi',
    attachmentsHint: (files: number, megabytes: number) =>
      `Līdz ${files} datnēm PDF, JPG vai PNG formātā, katra ne lielāka par ${megabytes} MB.`,
    trap: 'Šo lauku atstājiet tukšu',
    submit: 'Nosūtīt',
    errorPrefix: 'Kļūda',
    errorSummary: 'Lūdzu, izlabojiet norādīto',
    summaryLabels: {
      kind: 'Veids',
      unitId: 'Centrs vai struktūrvienība',
      staffId: 'Darbinieks',
      text: 'Teksts',
      name: 'Vārds, uzvārds',
      email: 'E-pasts',
      phone: 'Tālrunis',
      attachments: 'Pielikumi',
    } satisfies Record<FormField, string>,
    problems: {
      kind_missing: 'Izvēlieties, vai tā ir uzslava, sūdzība vai ierosinājums.',
      unit_missing: 'Izvēlieties centru vai struktūrvienību.',
      text_missing: 'Uzrakstiet savu uzslavu, sūdzību vai ierosinājumu.',
      text_too_long: 'Teksts ir pārāk garš.',
      too_many_files: 'Var pievienot ne vairāk kā 3 datnes.',
      file_too_large: 'Datne ir pārāk liela: ne vairāk kā 5 MB.',
      file_type: 'Var pievienot tikai PDF, JPG vai PNG datnes.',
    } satisfies Record<FormProblem, string>,
    fillTime: {
      too_fast:
        'Veidlapa tika nosūtīta ļoti ātri pēc tās atvēršanas. Lūdzu, pārbaudiet ierakstīto un nosūtiet vēlreiz.',
      expired:
        'Veidlapa bija atvērta ilgāk par diennakti. Lūdzu, pārbaudiet ierakstīto un nosūtiet vēlreiz.',
      invalid: 'Lūdzu, pārbaudiet ierakstīto un nosūtiet veidlapu vēlreiz.',
    } satisfies Record<Exclude<FillTimeVerdict, 'ok'>, string>,
    attachAgain: 'Ja pievienojāt datnes, lūdzu, pievienojiet tās vēlreiz.',
    thanks: 'Paldies! Jūsu viedoklis ir saņemts',
    reference: 'Reģistrācijas numurs',
    referenceHint: 'Saglabājiet to, ja vēlēsieties sazināties par šo jautājumu.',
    nextSteps:
      'Klientu apkalpošanas pārvaldes vadītājs izvērtēs jūsu viedokli un, ja iespējams, nepilnības tiks novērstas nekavējoties.',
    answerWithin: (days: number) =>
      `Atbildi saņemsiet uz norādīto e-pastu vai tālruni ${days} darba dienu laikā.`,
    answerComes: 'Atbildi saņemsiet uz norādīto e-pastu vai tālruni.',
    noContact: 'Tā kā kontaktinformācija netika norādīta, atbilde netiks sūtīta.',
    another: 'Nosūtīt vēl vienu',
    limited: 'Pārāk daudz iesniegumu',
    limitedText:
      'No jūsu adreses nesen ir saņemts pārāk daudz iesniegumu. Lūdzu, mēģiniet vēlāk vai sazinieties ar klientu apkalpošanas centru.',
    limitedWait: (minutes: number) => `Lūdzu, mēģiniet vēlreiz pēc ${minutes} min.`,
    backToForm: 'Atpakaļ uz veidlapu',
    notFound: 'Lapa nav atrasta',
    notFoundText: 'Šāda struktūrvienība nav atrasta.',
    printTitle: 'Izsakiet savu viedokli!',
    printInvitation:
      'Mums ir svarīgs jūsu viedoklis. Izsakiet uzslavas, sūdzības, ierosinājumus par klientu apkalpošanas kvalitāti: noskenējiet kodu vai atveriet adresi.',
    printQr: 'QR kods ar veidlapas adresi',
  },
  en: {
    site: 'Praise, complaints, suggestions',
    languageName: 'English',
    switchTo: 'Language',
    title: 'Praise, complaints and suggestions',
    intro:
      'Here you can give praise, make a complaint or a suggestion about the quality of client service. Every opinion received is evaluated by the head of client service.',
    required: 'required',
    optional: 'optional',
    kindLegend: 'What would you like to give?',
    kinds: { praise: 'Praise', complaint: 'A complaint', suggestion: 'A suggestion' },
    unit: 'Client service centre or unit',
    chooseUnit: 'Choose…',
    staff: 'The staff member it is about',
    staffHint: 'If you do not know the name, or it is not about one person, leave “Not known”.',
    staffUnknown: 'Not known',
    text: 'Your praise, complaint or suggestion',
    textHint: (limit: number) => `At most ${limit} characters.`,
    contactLegend: 'Contact details',
    contactHint:
      'Fill these in if you would like an answer. We will answer by email or call you by phone.',
    name: 'Name and surname',
    email: 'Email',
    phone: 'Phone',
    attachments: 'Attachments',
    attachmentsHint: (files: number, megabytes: number) =>
      `Up to ${files} files as PDF, JPG or PNG, each at most ${megabytes} MB.`,
    trap: 'Leave this field empty',
    submit: 'Send',
    errorPrefix: 'Error',
    errorSummary: 'Please correct the following',
    summaryLabels: {
      kind: 'Kind',
      unitId: 'Centre or unit',
      staffId: 'Staff member',
      text: 'Text',
      name: 'Name',
      email: 'Email',
      phone: 'Phone',
      attachments: 'Attachments',
    } satisfies Record<FormField, string>,
    problems: {
      kind_missing: 'Choose whether it is praise, a complaint or a suggestion.',
      unit_missing: 'Choose the centre or unit.',
      text_missing: 'Write your praise, complaint or suggestion.',
      text_too_long: 'The text is too long.',
      too_many_files: 'You can attach at most 3 files.',
      file_too_large: 'A file is too large: at most 5 MB.',
      file_type: 'Only PDF, JPG or PNG files can be attached.',
    } satisfies Record<FormProblem, string>,
    fillTime: {
      too_fast:
        'The form was sent very soon after it was opened. Please check what you wrote and send it again.',
      expired:
        'The form was open for more than a day. Please check what you wrote and send it again.',
      invalid: 'Please check what you wrote and send the form again.',
    } satisfies Record<Exclude<FillTimeVerdict, 'ok'>, string>,
    attachAgain: 'If you attached files, please attach them again.',
    thanks: 'Thank you! Your feedback has been received',
    reference: 'Reference number',
    referenceHint: 'Keep it in case you want to get in touch about this.',
    nextSteps:
      'The head of client service will evaluate your feedback and, where possible, any shortcomings will be put right at once.',
    answerWithin: (days: number) =>
      `You will get an answer at the email or phone you gave within ${days} working days.`,
    answerComes: 'You will get an answer at the email or phone you gave.',
    noContact: 'As no contact details were given, no answer will be sent.',
    another: 'Send another',
    limited: 'Too many submissions',
    limitedText:
      'Too many submissions have come from your address recently. Please try again later or contact a client service centre.',
    limitedWait: (minutes: number) =>
      `Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    backToForm: 'Back to the form',
    notFound: 'Page not found',
    notFoundText: 'No such unit was found.',
    printTitle: 'Tell us what you think!',
    printInvitation:
      'Your opinion matters to us. Give praise, make a complaint or a suggestion about the quality of client service: scan the code or open the address.',
    printQr: 'QR code with the address of the form',
  },
} as const;
