import { CreateMailboxBody } from '../../contracts/mailboxes.contracts';
import type { Services } from '../app';
import { systemContext } from '../http/access';
import type { DemoOrganisation } from './seed-demo-cases';

// The demo's mailbox (issue 14): Apkalpo's own SMTP receiver takes mail for any address and files
// it with the client service unit, so a test message sent from the command line becomes a request
// at once. The acknowledgement follows the standard's written answer (clauses 21–23): the number
// the message is registered under and the day the answer is due.

const ACKNOWLEDGEMENT = {
  ackSubjectLv: 'Jūsu iesniegums saņemts [{numurs}]',
  ackBodyLv: [
    'Labdien!',
    '',
    'Paldies, Jūsu vēstule ir saņemta un reģistrēta ar numuru {numurs}. Atbildi sniegsim līdz {termiņš}.',
    '',
    'Ja vēlaties ko piebilst, lūdzu, atbildiet uz šo vēstuli, saglabājot numuru temata rindā.',
    '',
    'Šī ir automātiska atbilde.',
    '',
    'Ar cieņu',
    'Priedaines novada pašvaldības Klientu apkalpošanas centrs',
  ].join('\n'),
  ackSubjectEn: 'Your message has been received [{number}]',
  ackBodyEn: [
    'Hello,',
    '',
    'Thank you: your message has been received and registered under number {number}. We will answer by {due}.',
    '',
    'If you wish to add anything, please reply to this message and keep the number in the subject line.',
    '',
    'This is an automatic reply.',
    '',
    'Kind regards,',
    'Client Service Centre, Priedaine Municipality',
  ].join('\n'),
};

export async function seedDemoMailboxes(
  services: Services,
  organisation: DemoOrganisation,
): Promise<void> {
  const unitId = organisation.unitIds.get('clientService');
  if (!unitId) throw new Error('the demo has no client service unit');
  await services.mailboxes.create(
    systemContext('seed-demo'),
    CreateMailboxBody.parse({
      name: 'Klientu apkalpošanas centrs',
      address: 'klienti@example.lv',
      unitId,
      smtpEnabled: true,
      acceptAnyRecipient: true,
      ackEnabled: true,
      ...ACKNOWLEDGEMENT,
    }),
  );
}
