/**
 * Letters the system owes a client. The wording follows the client service standard: say what
 * happens and by when, give the reason, thank the client (clauses 21.1 and 23.2).
 */

import { displayDate } from './riga-time';

export type NoticeLanguage = 'lv' | 'en';

export interface Notice {
  subject: string;
  body: string;
}

/** The interim reply sent when an answer will take longer than the deadline the client has. */
export function extensionNotice(args: {
  number: string;
  service: string;
  reason: string;
  dueOn: string;
  language: NoticeLanguage;
}): Notice {
  const due = displayDate(args.dueOn);
  if (args.language === 'en') {
    return {
      subject: `Your request No. ${args.number}`,
      body: [
        'Good day,',
        `Preparing the answer to your request No. ${args.number} ("${args.service}") needs more time.`,
        `The reason: ${args.reason}`,
        `You will receive the answer by ${due}.`,
        'We apologise for the wait and thank you for your understanding.',
      ].join('\n\n'),
    };
  }
  return {
    subject: `Par Jūsu pieprasījumu Nr. ${args.number}`,
    body: [
      'Labdien!',
      `Atbildes sagatavošanai uz Jūsu pieprasījumu Nr. ${args.number} („${args.service}”) nepieciešams ilgāks laiks.`,
      `Iemesls: ${args.reason}`,
      `Atbildi sniegsim līdz ${due}.`,
      'Atvainojamies par gaidīšanu un pateicamies par sapratni.',
    ].join('\n\n'),
  };
}

/** Where a letter goes: the address of the channel the client used, else any address known. */
export function recipientFor(
  channel: string,
  client: { email: string | null; phone: string | null; eAddress: string | null } | null,
): string | null {
  if (!client) return null;
  if (channel === 'email') return client.email;
  if (channel === 'e_address') return client.eAddress;
  if (channel === 'phone' || channel === 'voicemail') return client.phone;
  return client.email ?? client.eAddress ?? client.phone;
}
