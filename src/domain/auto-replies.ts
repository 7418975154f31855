/**
 * The letters Apkalpo writes by itself when mail arrives (issue 14): the acknowledgement with the
 * request's number and due date, and the out-of-office reply of clause 24 of the standard.
 */

import { displayDate } from './riga-time';

/** The values of an acknowledgement's placeholders: the number, and the due date written out. */
export function acknowledgementValues(request: { number: string; dueOn: string }) {
  return { number: request.number, due: displayDate(request.dueOn) };
}

/** The acknowledgement a mailbox sends when it has no template of its own. */
export const DEFAULT_ACKNOWLEDGEMENT = {
  subjectLv: 'Jūsu vēstule saņemta [{numurs}]',
  bodyLv: [
    'Labdien!',
    'Paldies par Jūsu vēstuli. Tā ir reģistrēta ar numuru {numurs}.',
    'Atbildi sniegsim līdz {termiņš}. Atbildot uz šo vēstuli, lūdzu, saglabājiet numuru temata rindā.',
    'Šī ir automātiska vēstule.',
  ].join('\n\n'),
  subjectEn: 'Your letter has been received [{number}]',
  bodyEn: [
    'Good day,',
    'Thank you for your letter. It has been registered under number {number}.',
    'We will answer by {due}. When you reply, please keep the number in the subject line.',
    'This is an automatic message.',
  ].join('\n\n'),
};

/**
 * The out-of-office reply of clause 24.1: back after the last day of the absence; in urgent
 * matters the substitute, by phone and email; the absent person's signature, built by the
 * signature template like every letter's (clause 21.2.5).
 */
export function outOfOfficeLetter(args: {
  until: string;
  standIn: {
    givenName: string;
    surname: string;
    phone: string | null;
    email: string | null;
  } | null;
  signature: string | null;
  language: 'lv' | 'en';
  subject: string;
}): { subject: string; body: string } {
  const until = displayDate(args.until);
  const { standIn, language } = args;
  if (language === 'en') {
    const urgent = standIn
      ? `In urgent matters please contact ${standIn.givenName} ${standIn.surname}` +
        [
          standIn.phone ? ` by phone ${standIn.phone}` : '',
          standIn.email ? ` or by email ${standIn.email}` : '',
        ]
          .join('')
          .concat('.')
      : 'In urgent matters please contact the client service centre.';
    return {
      subject: `Out of office: ${args.subject}`.slice(0, 300),
      body: [
        'Good day,',
        `I am away until ${until} (inclusive).`,
        urgent,
        ...(args.signature ? [args.signature] : []),
      ].join('\n\n'),
    };
  }
  const urgent = standIn
    ? `Steidzamos jautājumos lūdzu sazināties ar ${standIn.givenName} ${standIn.surname}` +
      [
        standIn.phone ? ` pa tālruni ${standIn.phone}` : '',
        standIn.email ? ` vai e-pastu ${standIn.email}` : '',
      ]
        .join('')
        .concat('.')
    : 'Steidzamos jautājumos lūdzu sazināties ar klientu apkalpošanas centru.';
  return {
    subject: `Prombūtnē: ${args.subject}`.slice(0, 300),
    body: [
      'Labdien!',
      `Esmu atvaļinājumā/prombūtnē līdz ${until} (ieskaitot).`,
      urgent,
      ...(args.signature ? [args.signature] : []),
    ].join('\n\n'),
  };
}

/** Clause 24.1: the automatic reply is for an absence of at least two working days. */
export const MIN_ABSENCE_WORKING_DAYS = 2;
