import { fillAcknowledgement } from '../../../domain/acknowledgement';
import {
  acknowledgementValues,
  DEFAULT_ACKNOWLEDGEMENT,
  MIN_ABSENCE_WORKING_DAYS,
  outOfOfficeLetter,
} from '../../../domain/auto-replies';
import { addCalendarDays, rigaDateOf } from '../../../domain/riga-time';
import type { Clock } from '../../adapters/clock';
import type { MailConfig } from '../../config';
import type { Executor } from '../../db/database';
import { systemContext } from '../../http/access';
import type { AbsencesService } from '../absences/absences.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { CorrespondenceService } from '../correspondence/correspondence.service';
import type { SignaturesService } from '../signatures/signatures.service';
import type { AutoReplies, ImportedMessage } from './mail.ports';
import { repliedSince, repliedToSince } from './mail.repository';

const HOUR_MS = 60 * 60 * 1000;

/** The acknowledgement of a new request by the mailbox's template, in Latvian and English. */
function acknowledgementOf(
  ack: NonNullable<ImportedMessage['acknowledgement']>,
  request: { number: string; due_on: string },
) {
  const values = acknowledgementValues({ number: request.number, dueOn: request.due_on });
  return {
    subject: fillAcknowledgement(ack.subjectLv || DEFAULT_ACKNOWLEDGEMENT.subjectLv, values),
    body: [
      fillAcknowledgement(ack.bodyLv || DEFAULT_ACKNOWLEDGEMENT.bodyLv, values),
      fillAcknowledgement(ack.bodyEn || DEFAULT_ACKNOWLEDGEMENT.bodyEn, values),
    ].join('\n\n———\n\n'),
  };
}

/**
 * The letters a message earns by itself, queued in its import's transaction: the mailbox's
 * acknowledgement for a new request, and the out-of-office reply while the person it was written
 * to is away for at least two working days (clause 24). Never to automatic mail (RFC 3834), and
 * one of a kind per sender within the configured window, so two robots cannot loop.
 */
export function createAutoReplies(deps: {
  clock: Clock;
  config: MailConfig;
  absences: AbsencesService;
  calendar: CalendarService;
  correspondence: CorrespondenceService;
  signatures: SignaturesService;
}): AutoReplies {
  const { clock, config, absences, calendar, correspondence, signatures } = deps;
  const ctx = systemContext('mail:auto-reply');

  async function acknowledge(trx: Executor, message: ImportedMessage, recipient: string) {
    if (!message.mailboxId || message.threaded) return;
    const ack = message.acknowledgement;
    if (!ack?.enabled) return;
    const since = new Date(clock.now().getTime() - config.autoReplyWindowHours * HOUR_MS);
    if (await repliedSince(trx, { kind: 'acknowledgement', recipient, since })) return;
    const row = message.request;
    const { subject, body } = acknowledgementOf(ack, row);
    await correspondence.queueLetterIn(trx, ctx, row, {
      subject,
      body,
      kind: 'acknowledgement',
      recipient,
      mailboxId: message.mailboxId,
      inReplyTo: message.messageId,
      referenceIds: [...message.referenceIds, ...(message.messageId ? [message.messageId] : [])],
    });
  }

  async function outOfOffice(trx: Executor, message: ImportedMessage, recipient: string) {
    if (!message.addresseeId) return;
    const today = rigaDateOf(message.receivedAt);
    const away = (await absences.awayOn(trx, today, [message.addresseeId])).get(
      message.addresseeId,
    );
    if (!away) return;
    const working = (await calendar.calendar()).workingDaysBetween(
      addCalendarDays(away.period.startsOn, -1),
      away.period.endsOn,
    );
    if (working < MIN_ABSENCE_WORKING_DAYS) return;
    const since = new Date(clock.now().getTime() - config.autoReplyWindowHours * HOUR_MS);
    if (await repliedSince(trx, { kind: 'out_of_office', recipient, since })) return;
    // The absent person's own signature, as their letters carry it (clause 24.1).
    const signature = await signatures.signatureIn(trx, message.addresseeId, 'lv');
    const letter = outOfOfficeLetter({
      until: away.period.endsOn,
      standIn: away.standIn,
      signature,
      language: 'lv',
      subject: message.subject,
    });
    await correspondence.queueLetterIn(trx, ctx, message.request, {
      ...letter,
      kind: 'out_of_office',
      recipient,
      mailboxId: message.mailboxId,
      inReplyTo: message.messageId,
      referenceIds: [...message.referenceIds, ...(message.messageId ? [message.messageId] : [])],
    });
  }

  return {
    async ownerFor(executor, staffId, at) {
      const away = (await absences.awayOn(executor, rigaDateOf(at), [staffId])).get(staffId);
      return away?.standIn?.id ?? staffId;
    },

    async acknowledgeAll(trx, letters) {
      const owed = letters.filter(
        (letter) => !letter.autoSubmitted && letter.acknowledgement?.enabled,
      );
      if (owed.length === 0) return;
      const since = new Date(clock.now().getTime() - config.autoReplyWindowHours * HOUR_MS);
      const answered = await repliedToSince(trx, {
        kind: 'acknowledgement',
        recipients: owed.map((letter) => letter.fromAddress),
        since,
      });
      const answers = [];
      for (const letter of owed) {
        const recipient = letter.fromAddress.toLowerCase();
        // One a sender: also when two of their letters came together.
        if (answered.has(recipient) || !letter.acknowledgement) continue;
        answered.add(recipient);
        answers.push({
          ...acknowledgementOf(letter.acknowledgement, letter.request),
          request: letter.request,
          kind: 'acknowledgement' as const,
          recipient: letter.fromAddress,
          mailbox: letter.mailbox,
          inReplyTo: letter.messageId,
          referenceIds: [...letter.referenceIds, letter.messageId],
        });
      }
      await correspondence.queueAnswersIn(trx, ctx, answers);
    },

    async afterImport(trx, message) {
      // An e-address letter's sender is answered at their e-address by a person, not by a robot
      // writing to whatever the letter's From says.
      if (message.autoSubmitted || !message.fromAddress || message.channel !== 'email') return;
      await acknowledge(trx, message, message.fromAddress);
      await outOfOffice(trx, message, message.fromAddress);
    },
  };
}
