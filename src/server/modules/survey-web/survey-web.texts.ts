import { WEB_TEXT_LIMIT, type WebAnswerProblem } from '../../../domain/survey-web';

// What the survey's web pages say, in Latvian and in English. The questionnaire's own texts come
// with the survey; these are the pages' frame around them.

export type Language = 'lv' | 'en';

export const TEXTS = {
  lv: {
    site: 'Aptauja',
    languageName: 'Latviešu',
    switchTo: 'Valoda',
    pages: (n: number) => (n === 1 ? 'Aptaujā ir 1 lapa.' : `Aptaujā ir ${n} lapas.`),
    saving:
      'Atbildes tiek saglabātas pēc katras lapas: ja pārtraucat, vēlāk varat turpināt no vietas, kur palikāt.',
    savingLink: 'Lai turpinātu, atveriet saiti tajā pašā pārlūkprogrammā.',
    savingInvitation: 'Lai turpinātu, atveriet to pašu ielūguma saiti.',
    start: 'Sākt aptauju',
    trap: 'Šo lauku neaizpildiet',
    progress: (page: number, of: number) => `${page}. lapa no ${of}`,
    back: 'Atpakaļ',
    next: 'Tālāk',
    submit: 'Iesniegt',
    optional: 'nav obligāti',
    comment: 'Komentārs',
    dimensions: { importance: 'Cik tas jums ir svarīgi?', satisfaction: 'Kā jūs to vērtējat?' },
    errorPrefix: 'Kļūda',
    errorSummary: 'Lūdzu, izlabojiet atbildes',
    problems: {
      not_an_option: 'Izvēlieties kādu no piedāvātajām atbildēm.',
      too_long: `Atbilde ir pārāk gara: ne vairāk kā ${WEB_TEXT_LIMIT} rakstzīmes.`,
      nothing_answered:
        'Jūs neesat atbildējis ne uz vienu jautājumu. Lūdzu, atbildiet vismaz uz vienu, lai iesniegtu aptauju.',
    } satisfies Record<WebAnswerProblem, string>,
    revealed: 'Jūsu atbildes dēļ šajā lapā parādījās papildu jautājumi. Lūdzu, aplūkojiet tos.',
    refusals: {
      unknown: {
        title: 'Aptauja nav atrasta',
        text: 'Šāda aptauja nav atrasta. Pārbaudiet, vai saite ir nokopēta pilnībā.',
      },
      not_open: {
        title: 'Aptauja vēl nav atvērta',
        text: 'Šai aptaujai atbildes vēl netiek pieņemtas. Lūdzu, mēģiniet vēlāk.',
      },
      closed: {
        title: 'Aptauja ir noslēgusies',
        text: 'Šajā aptaujā atbildes vairs netiek pieņemtas. Paldies par jūsu interesi!',
      },
      answered: {
        title: 'Jūs jau esat atbildējis',
        text: 'Jūsu atbildes uz šo aptauju jau ir saņemtas. Paldies!',
      },
      invitation_used: {
        title: 'Ielūgums jau ir izmantots',
        text: 'Ar šo ielūgumu atbildes jau ir iesniegtas. Katru ielūgumu var izmantot vienu reizi.',
      },
    },
    thanks: 'Paldies!',
    thanksText: 'Jūsu atbildes ir saņemtas. Tās palīdzēs mums uzlabot darbu.',
  },
  en: {
    site: 'Survey',
    languageName: 'English',
    switchTo: 'Language',
    pages: (n: number) => (n === 1 ? 'The survey has 1 page.' : `The survey has ${n} pages.`),
    saving:
      'Your answers are saved after each page: if you stop, you can continue later where you left off.',
    savingLink: 'To continue, open the link in the same browser.',
    savingInvitation: 'To continue, open the same invitation link.',
    start: 'Start the survey',
    trap: 'Leave this field empty',
    progress: (page: number, of: number) => `Page ${page} of ${of}`,
    back: 'Back',
    next: 'Next',
    submit: 'Submit',
    optional: 'optional',
    comment: 'Comment',
    dimensions: { importance: 'How important is it to you?', satisfaction: 'How do you rate it?' },
    errorPrefix: 'Error',
    errorSummary: 'Please correct your answers',
    problems: {
      not_an_option: 'Choose one of the answers offered.',
      too_long: `The answer is too long: at most ${WEB_TEXT_LIMIT} characters.`,
      nothing_answered:
        'You have not answered any question. Please answer at least one to submit the survey.',
    } satisfies Record<WebAnswerProblem, string>,
    revealed: 'Your answer brought up more questions on this page. Please look at them.',
    refusals: {
      unknown: {
        title: 'Survey not found',
        text: 'No such survey was found. Check that the whole link was copied.',
      },
      not_open: {
        title: 'The survey is not open yet',
        text: 'This survey is not taking answers yet. Please try again later.',
      },
      closed: {
        title: 'The survey is closed',
        text: 'This survey no longer takes answers. Thank you for your interest!',
      },
      answered: {
        title: 'You have already answered',
        text: 'Your answers to this survey have been received. Thank you!',
      },
      invitation_used: {
        title: 'This invitation has already been used',
        text: 'Answers have already been submitted with this invitation. Each invitation can be used once.',
      },
    },
    thanks: 'Thank you!',
    thanksText: 'Your answers have been received. They will help us improve our work.',
  },
} as const;
