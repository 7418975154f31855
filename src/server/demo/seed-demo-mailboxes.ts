import { CreateMailboxBody } from '../../contracts/mailboxes.contracts';
import type { Services } from '../app';
import { systemContext } from '../http/access';
import type { DemoOrganisation } from './seed-demo-cases';

// The demo's mailbox and text modules (issue 14): Apkalpo's own SMTP receiver takes mail for any address and files
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

/** Text modules clerks start answers from (issue 14, clause 21.2): greeting, the answer's frame, next steps. */
const TEXT_MODULES: ReadonlyArray<{ title: string; language: 'lv' | 'en'; body: string }> = [
  {
    title: 'Sveiciens un atsauce uz pieprasījumu',
    language: 'lv',
    body: 'Labdien, {klients}!\n\nPaldies par Jūsu jautājumu (pieprasījums Nr. {numurs}).',
  },
  {
    title: 'Dzīvesvietas deklarēšana tiešsaistē',
    language: 'lv',
    body: [
      'Labdien, {klients}!',
      '',
      'Paldies par Jūsu jautājumu (pieprasījums Nr. {numurs}). Dzīvesvietu var deklarēt tiešsaistē portālā latvija.gov.lv, pieslēdzoties ar internetbanku vai eParakstu, vai klātienē jebkurā klientu apkalpošanas centrā.',
      '',
      'Ja rodas papildu jautājumi, lūdzu, atbildiet uz šo vēstuli.',
    ].join('\n'),
  },
  {
    title: 'Atbildes sagatavošanai vajadzīgs laiks',
    language: 'lv',
    body: [
      'Labdien, {klients}!',
      '',
      'Jūsu pieprasījums Nr. {numurs} ir saņemts un nodots atbildīgajam speciālistam. Atbildi sniegsim līdz {termiņš}.',
    ].join('\n'),
  },
  {
    title: 'Nobeigums ar turpmāko rīcību',
    language: 'lv',
    body: 'Ja Jums ir vēl kādi jautājumi, lūdzu, sazinieties ar mums, atbildot uz šo vēstuli. Paldies par sapratni!',
  },
  {
    title: 'Greeting and reference to the request',
    language: 'en',
    body: 'Good day, {client},\n\nThank you for your question (request No. {number}).',
  },
  {
    title: 'The answer needs time',
    language: 'en',
    body: [
      'Good day, {client},',
      '',
      'Your request No. {number} has been received and passed to the specialist responsible. We will answer by {due}.',
    ].join('\n'),
  },
];

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
  for (const module of TEXT_MODULES)
    await services.textModules.create(systemContext('seed-demo'), module);
}
