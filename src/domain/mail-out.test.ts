import { describe, expect, it } from 'vitest';
import {
  MAX_REFERENCES,
  MAX_SEND_ATTEMPTS,
  afterFailure,
  domainOf,
  isAutomatic,
  isPermanentFailure,
  messageIdFor,
  retryDelayMinutes,
  subjectWithNumber,
  threadHeadersFor,
} from './mail-out';

const now = new Date('2026-03-10T09:00:00Z');
const minutesLater = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('retryDelayMinutes', () => {
  it('waits 1, 5, 15, 60 and 240 minutes after the first five failures, then 240 each time', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 11].map(retryDelayMinutes)).toEqual([
      1, 5, 15, 60, 240, 240, 240, 240,
    ]);
  });
});

describe('isPermanentFailure', () => {
  it('takes a 5xx answer as final, a 4xx answer or no answer as passing', () => {
    expect(isPermanentFailure(550)).toBe(true);
    expect(isPermanentFailure(554)).toBe(true);
    expect(isPermanentFailure(421)).toBe(false);
    expect(isPermanentFailure(451)).toBe(false);
    expect(isPermanentFailure(null)).toBe(false);
  });
});

describe('afterFailure', () => {
  it('tries a letter refused for now again after the backoff', () => {
    expect(afterFailure({ attempts: 1, responseCode: 451, now })).toEqual({
      state: 'due',
      nextAttemptAt: minutesLater(1),
    });
    expect(afterFailure({ attempts: 3, responseCode: null, now })).toEqual({
      state: 'due',
      nextAttemptAt: minutesLater(15),
    });
  });

  it('fails a letter at once when the server refuses it for good', () => {
    expect(afterFailure({ attempts: 1, responseCode: 550, now })).toEqual({ state: 'failed' });
  });

  it('gives up after the last attempt, not before', () => {
    expect(afterFailure({ attempts: MAX_SEND_ATTEMPTS - 1, responseCode: 421, now })).toEqual({
      state: 'due',
      nextAttemptAt: minutesLater(240),
    });
    expect(afterFailure({ attempts: MAX_SEND_ATTEMPTS, responseCode: 421, now })).toEqual({
      state: 'failed',
    });
  });
});

describe('messageIdFor', () => {
  it('puts the unique id at the sender’s domain, in angle brackets', () => {
    expect(messageIdFor('0b7c', 'Pasts@Dome.Example.LV')).toBe('<0b7c@dome.example.lv>');
  });

  it('says so when there is no domain to use', () => {
    expect(messageIdFor('0b7c', null)).toBe('<0b7c@apkalpo.invalid>');
    expect(messageIdFor('0b7c', 'nobody')).toBe('<0b7c@apkalpo.invalid>');
    expect(domainOf('a@')).toBeNull();
  });
});

describe('threadHeadersFor', () => {
  it('starts no thread without a message answered', () => {
    expect(threadHeadersFor(null)).toEqual({ inReplyTo: null, references: [] });
    expect(threadHeadersFor({ messageId: null, referenceIds: ['<a@x>'] })).toEqual({
      inReplyTo: null,
      references: [],
    });
  });

  it('answers the message, after the references it carried', () => {
    expect(threadHeadersFor({ messageId: '<c@x>', referenceIds: ['<a@x>', '<b@x>'] })).toEqual({
      inReplyTo: '<c@x>',
      references: ['<a@x>', '<b@x>', '<c@x>'],
    });
  });

  it('takes the In-Reply-To of a message without References as its thread', () => {
    expect(
      threadHeadersFor({ messageId: '<b@x>', inReplyTo: '<a@x>', referenceIds: [] }).references,
    ).toEqual(['<a@x>', '<b@x>']);
  });

  it('keeps the first message and the latest ones of a long thread', () => {
    const ids = Array.from({ length: 15 }, (_, index) => `<${index}@x>`);
    const { references } = threadHeadersFor({ messageId: '<15@x>', referenceIds: ids });
    expect(references).toHaveLength(MAX_REFERENCES);
    expect(references[0]).toBe('<0@x>');
    expect(references.slice(1)).toEqual([...ids.slice(7), '<15@x>']);
  });
});

describe('subjectWithNumber', () => {
  it('adds the request number in brackets once', () => {
    expect(subjectWithNumber('Atbilde', '2026-001234')).toBe('Atbilde [2026-001234]');
    expect(subjectWithNumber('Re: Atbilde [2026-001234]', '2026-001234')).toBe(
      'Re: Atbilde [2026-001234]',
    );
    expect(subjectWithNumber('  ', '2026-001234')).toBe('[2026-001234]');
  });

  it('adds the brackets even when the number is already written out in the words', () => {
    expect(subjectWithNumber('Pieprasījums Nr. 2026-001234', '2026-001234')).toBe(
      'Pieprasījums Nr. 2026-001234 [2026-001234]',
    );
  });
});

describe('isAutomatic', () => {
  const headers = (entries: Record<string, string[]>) => new Map(Object.entries(entries));
  const person = 'janis@example.lv';

  it('answers a person’s letter', () => {
    expect(isAutomatic(headers({ subject: ['Jautājums'] }), person)).toBe(false);
    expect(isAutomatic(headers({ 'auto-submitted': ['no'] }), person)).toBe(false);
    expect(isAutomatic(headers({ precedence: ['first-class'] }), person)).toBe(false);
  });

  it('never answers automatic mail', () => {
    expect(isAutomatic(headers({ 'auto-submitted': ['auto-replied'] }), person)).toBe(true);
    expect(isAutomatic(headers({ 'auto-submitted': ['Auto-Generated; x=1'] }), person)).toBe(true);
  });

  it('never answers lists and bulk mail', () => {
    for (const value of ['bulk', 'List', 'junk'])
      expect(isAutomatic(headers({ precedence: [value] }), person)).toBe(true);
    expect(isAutomatic(headers({ 'list-id': ['<zinas.example.lv>'] }), person)).toBe(true);
    expect(isAutomatic(headers({ 'list-unsubscribe': ['<mailto:x@y>'] }), person)).toBe(true);
  });

  it('never answers a bounce or a mail system', () => {
    expect(isAutomatic(headers({}), '')).toBe(true);
    expect(isAutomatic(headers({}), '<>')).toBe(true);
    expect(isAutomatic(headers({}), 'MAILER-DAEMON@mx.example.lv')).toBe(true);
    expect(isAutomatic(headers({}), 'postmaster@example.lv')).toBe(true);
    expect(isAutomatic(headers({}), 'post.master@example.lv')).toBe(false);
  });

  it('reads the Return-Path header when the envelope is not known', () => {
    expect(isAutomatic(headers({ 'return-path': ['<>'] }), null)).toBe(true);
    expect(isAutomatic(headers({ 'return-path': [`<${person}>`] }), null)).toBe(false);
    expect(isAutomatic(headers({}), null)).toBe(false);
  });
});
